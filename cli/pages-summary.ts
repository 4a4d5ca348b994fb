// The closing summary of a pages step: what `npm run precompute` prints, and what ingest
// prints once for all its page processes (`--workers N` runs N of them, each with
// `precompute --json`, and adds their summaries up). It does not compute pages.

import type { StoryReport } from '../server/compute/precompute.js';
import { plural } from '../server/plural.js';

/** `npm run precompute -- --json`'s one line. */
export interface PagesSummary {
  pagesComputed: number;
  alreadyKept: number;
  stories: StoryReport[];
  seconds: number;
  /** The SQLite file, or the PostgreSQL URL without its password. */
  database: string;
}

export function summarizePages(
  reports: readonly StoryReport[],
  seconds: number,
  database: string,
): PagesSummary {
  return {
    pagesComputed: reports.reduce((n, r) => n + r.computed, 0),
    alreadyKept: reports.reduce((n, r) => n + r.alreadyKept, 0),
    stories: [...reports],
    seconds,
    database,
  };
}

/** Several processes' summaries as one: their stories together, the wall time given. */
export function mergePages(
  parts: readonly PagesSummary[],
  seconds: number,
  database: string,
): PagesSummary {
  return summarizePages(
    parts.flatMap((p) => p.stories),
    seconds,
    database,
  );
}

/** Reads `precompute --json`'s output: its last line is the summary; null when it is not one. */
export function parsePagesSummary(output: string): PagesSummary | null {
  const last = output.trimEnd().split('\n').at(-1) ?? '';
  try {
    const value = JSON.parse(last) as Partial<PagesSummary>;
    return Array.isArray(value.stories) && typeof value.pagesComputed === 'number'
      ? (value as PagesSummary)
      : null;
  } catch {
    return null;
  }
}

/** "10 pages computed and kept for 2 stories in 2.6 s · data/parallax.sqlite" */
export function describePages(summary: PagesSummary): string {
  return (
    `${plural(summary.pagesComputed, 'page')} computed and kept for ` +
    `${plural(summary.stories.length, 'story', 'stories')} in ${summary.seconds.toFixed(1)} s · ` +
    summary.database
  );
}

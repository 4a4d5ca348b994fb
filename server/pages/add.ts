// View models of the add page (/add: paste an article, or upload files) and of the results
// page an addition answers with: one row per file or row, stored (with a link to the
// article), already stored, or refused with the reason ingest gives on the command line.

import { whyChosen, type CodebookChoice } from '../../analysis/codebooks/choose.js';
import type { AddResult, OutletSummary, StorySummary } from '../../db/store.js';
import type { IngestSummary } from '../../ingest/ingest.js';
import { ACCEPTED_EXTENSIONS } from '../../ingest/read.js';
import type { WriteFields } from '../access.js';
import type { LayoutModel } from '../render.js';
import { storyCodebook } from '../sides.js';
import { describeBytes } from '../write-limits.js';
import type { WriteLimits } from '../write-limits.js';

export interface AddPage extends LayoutModel {
  write: WriteFields;
  stories: { slug: string; title: string }[];
  outlets: string[];
  accept: string;
  extensions: string;
  limits: { fileSize: string; files: number; formSize: string };
  minWords: number;
}

export function addPage(
  stories: StorySummary[],
  outlets: OutletSummary[],
  write: WriteFields,
  limits: WriteLimits,
  minWords: number,
): AddPage {
  return {
    title: 'Add articles',
    crumbs: [{ label: 'Stories', href: '/' }],
    write,
    stories: stories
      .map((s) => ({ slug: s.slug, title: s.title }))
      .sort((a, b) => a.title.localeCompare(b.title)),
    outlets: outlets.map((o) => o.name),
    accept: ACCEPTED_EXTENSIONS.join(','),
    extensions: ACCEPTED_EXTENSIONS.join(' '),
    limits: {
      fileSize: describeBytes(limits.fileBytes),
      files: limits.files,
      formSize: describeBytes(limits.formBytes),
    },
    minWords,
  };
}

type Status = 'stored' | 'duplicate' | 'rejected' | 'not-stored';

const STATUS_LABELS: Record<Status, string> = {
  stored: 'stored',
  duplicate: 'already stored',
  rejected: 'refused',
  'not-stored': 'not stored: database busy, send it again',
};

export interface ResultsPage extends LayoutModel {
  counts: { stored: number; duplicates: number; rejected: number; notStored: number };
  runId: number | null;
  rows: {
    source: string;
    status: Status;
    label: string;
    reason: string | null;
    article: { href: string; text: string } | null;
  }[];
  warnings: { source: string; warning: string }[];
  /** The stories that received articles, to open next. */
  stories: { title: string; href: string }[];
  /**
   * The new stories whose codebook was chosen from their first article: which, why (the
   * counts `npm run codebook -- choose` prints) and where to change it.
   */
  codebooks: {
    story: { title: string; href: string };
    name: string;
    /** The codebook's title ("United States and North Korea"). */
    title: string;
    isDefault: boolean;
    because: string;
    editHref: string;
  }[];
}

export function resultsPage(
  summary: IngestSummary,
  results: AddResult[],
  warnings: { source: string; warning: string }[],
  stories: { title: string; slug: string }[],
  headlines: ReadonlyMap<number, string>,
  chosen: {
    story: { title: string; slug: string; codebook: string };
    choice: CodebookChoice;
  }[] = [],
): ResultsPage {
  return {
    title: 'What was added',
    crumbs: [
      { label: 'Stories', href: '/' },
      { label: 'Add articles', href: '/add' },
    ],
    counts: {
      stored: summary.added,
      duplicates: summary.duplicates,
      rejected: summary.rejectedCount,
      notStored: summary.retryable.length,
    },
    runId: summary.runId,
    // Ingest reports a refusal at once and a stored article when its batch commits; the
    // page lists them by file and row instead (numbers in numeric order: row 9 before row 10).
    rows: [...results].sort(bySource).map((result) => {
      const status: Status =
        result.status === 'added'
          ? 'stored'
          : result.status === 'duplicate'
            ? 'duplicate'
            : result.status === 'failed'
              ? 'rejected'
              : 'not-stored';
      return {
        source: result.source,
        status,
        label: STATUS_LABELS[status],
        reason: 'reason' in result ? result.reason : null,
        article:
          'articleId' in result
            ? {
                href: `/articles/${result.articleId}`,
                text: headlines.get(result.articleId) ?? `article ${result.articleId}`,
              }
            : null,
      };
    }),
    warnings,
    stories: stories.map((s) => ({
      title: s.title,
      href: `/stories/${encodeURIComponent(s.slug)}`,
    })),
    codebooks: chosen.map(({ story, choice }) => {
      const href = `/stories/${encodeURIComponent(story.slug)}`;
      return {
        story: { title: story.title, href },
        // The story's codebook as stored: the one chosen (a story takes its first choice).
        name: story.codebook,
        title: storyCodebook(story).title,
        isDefault: choice.why === 'none',
        because: whyChosen(choice),
        editHref: `${href}/edit`,
      };
    }),
  };
}

/**
 * File and row order: 'a.csv:row 9' before 'a.csv:row 10'. A refused row keeps the file as
 * its source and names its row (or JSONL line) at the start of the reason, so it is placed
 * by that: 'a.csv' refusing 'row 3' sorts between 'a.csv:row 2' and 'a.csv:row 4'.
 */
export function bySource(
  a: { source: string; reason?: string },
  b: { source: string; reason?: string },
): number {
  return placeInFile(a).localeCompare(placeInFile(b), 'en', { numeric: true });
}

function placeInFile(result: { source: string; reason?: string }): string {
  const where = result.reason?.match(/^(?:malformed CSV at )?((?:row|line) \d+)\b/)?.[1];
  return where && !result.source.includes(':') ? `${result.source}:${where}` : result.source;
}

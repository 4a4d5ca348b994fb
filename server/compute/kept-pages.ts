// Page computations kept in the database (migration 010), so a big story's dashboard, its
// aligned facts or an outlet's row is computed once per data version — by `npm run
// precompute` right after ingest, or by the server's worker on the first request — and
// survives restarts. A kept value counts only for the task and version it was computed
// for: the version is the story's data version (store.storyVersion: articles added,
// edited, re-analysed, deleted, its codebook changed) plus a hash of the code and data
// files that compute pages, so an upgrade of Parallax never shows a page the old code
// made. It deliberately does not delete stale rows: the next computation of the same task
// replaces its row.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../db/store.js';
import { projectPath } from '../../lib/project-paths.js';
import type { PageTask, TaskValue } from './tasks.js';

/** The task as the kept row's key: its fields in a fixed order, so equal tasks match. */
export function taskKey(task: PageTask): string {
  const fields = Object.entries(task)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(Object.fromEntries(fields));
}

let codeHash: string | undefined;

/**
 * A hash of what a page computation depends on besides the data: the compiled analysis,
 * store and server code (dist/ or the sources, whichever runs) and the lexicons and
 * codebooks. About 2 MB, read once per process.
 */
export function pageCodeVersion(): string {
  if (codeHash) return codeHash;
  const hash = createHash('sha256');
  const codeRoot = join(import.meta.dirname, '..', '..');
  const walk = (dir: string, keep: (name: string) => boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, keep);
      else if (keep(entry.name)) hash.update(entry.name).update(readFileSync(path));
    }
  };
  const isCode = (name: string) => /\.(js|ts)$/.test(name) && !name.endsWith('.d.ts');
  for (const dir of ['analysis', 'db', 'server']) walk(join(codeRoot, dir), isCode);
  walk(projectPath('analysis'), (name) => name.endsWith('.json'));
  codeHash = hash.digest('hex').slice(0, 16);
  return codeHash;
}

export class KeptPages {
  constructor(private readonly store: Store) {}

  /** The value kept for this task at this story version, if any. */
  async read<T extends PageTask>(task: T, version: string): Promise<TaskValue<T> | undefined> {
    const json = await this.store.keptPage(taskKey(task), this.version(version));
    return json === null ? undefined : (JSON.parse(json) as TaskValue<T>);
  }

  async keep<T extends PageTask>(task: T, version: string, value: TaskValue<T>): Promise<void> {
    await this.store.keepPage(
      taskKey(task),
      task.slug,
      this.version(version),
      JSON.stringify(value),
    );
  }

  private version(storyVersion: string): string {
    return `${storyVersion}|${pageCodeVersion()}`;
  }
}

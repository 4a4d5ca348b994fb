// Page computations kept in the database (migrations 010 and 012), so a big story's
// dashboard, its aligned facts or an outlet's row is computed once per data version — by
// `npm run precompute` right after ingest, or by the server's worker on the first request —
// and survives restarts. A kept value counts only for the task and version it was computed
// for: the version is the story's data version (store.storyVersion: articles added,
// edited, re-analysed, deleted, its codebook changed) plus a hash of the code and data
// files that compute pages, so an upgrade of Parallax never shows a page the old code
// made. It deliberately does not delete stale rows: the next computation of the same task
// replaces its row.
//
// A value is kept as its JSON compressed with brotli at quality 6. On the 641 kept rows of
// the full AllSides corpus (666 MB of JSON, the largest 8.7 MB) that is 54 MB, 12.4 times
// smaller (gzip at its default level 8.9 times); compressing costs about 14 ms per MB, once
// per computation, and reading back about 1.1 ms per MB, 7–21 ms for the largest row on a
// loaded machine (docs/speed.md, "Kept pages compressed"). Both run on libuv's thread pool, not the request
// thread. A row that does not decompress or parse is treated as not kept: the page is
// computed again and the row replaced.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants } from 'node:zlib';
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

const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);

/** Brotli quality 6: quality 9 is 3 % smaller and compresses about 9 times slower (docs/speed.md). */
const QUALITY = 6;
/**
 * Output in chunks of 1 MB: with zlib's default 16 KB, an 8.6 MB value decompressed in 530
 * round trips to the thread pool, 68 ms against 17 ms (the largest row, load 8).
 */
const CHUNK = 1 << 20;

/** A page value as kept: its JSON (UTF-8), brotli-compressed. */
export async function packValue(value: unknown): Promise<Uint8Array> {
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  return compress(json, {
    chunkSize: CHUNK,
    params: {
      [constants.BROTLI_PARAM_QUALITY]: QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
    },
  });
}

/** The value packValue kept; throws when the bytes are not a compressed JSON text. */
export async function unpackValue(bytes: Uint8Array): Promise<unknown> {
  const json = await decompress(bytes, { chunkSize: CHUNK });
  return JSON.parse(json.toString('utf8')) as unknown;
}

export class KeptPages {
  constructor(private readonly store: Store) {}

  /**
   * The value kept for this task at this story version, if any. A kept row that cannot be
   * read back (not brotli, not JSON: damaged, or written by other code) counts as absent,
   * so the page is computed again and the row replaced rather than the page failing.
   */
  async read<T extends PageTask>(task: T, version: string): Promise<TaskValue<T> | undefined> {
    const bytes = await this.store.keptPage(taskKey(task), this.version(version));
    if (bytes === null) return undefined;
    try {
      return (await unpackValue(bytes)) as TaskValue<T>;
    } catch (error) {
      console.warn(
        `parallax: the kept value of ${taskKey(task)} cannot be read (${String(error)}); computing it again`,
      );
      return undefined;
    }
  }

  async keep<T extends PageTask>(task: T, version: string, value: TaskValue<T>): Promise<void> {
    await this.keepPacked(task, version, await packValue(value));
  }

  /** Keeps a value packValue already packed. */
  async keepPacked(task: PageTask, version: string, bytes: Uint8Array): Promise<void> {
    await this.store.keepPage(taskKey(task), task.slug, this.version(version), bytes);
  }

  private version(storyVersion: string): string {
    return `${storyVersion}|${pageCodeVersion()}`;
  }
}

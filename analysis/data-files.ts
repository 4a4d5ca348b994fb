// The one way the analysis reads a data file (lexicons, the issue lists, the codebooks,
// segmentation rules, voice roles, speech verbs, and any file added later): through a
// DataFileLog, which returns the text and records the file's name and the SHA-256 of its
// bytes. An analyzer's data hash is computed from its log, so a data file read this way is
// in the hash without being listed anywhere. It parses and validates nothing itself.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

export class DataFileLog {
  /** Full path → sha256 of the bytes read. */
  private readonly digests = new Map<string, string>();

  /** Reads a UTF-8 data file and records it. */
  read(path: string): string {
    const bytes = readFileSync(path);
    this.digests.set(path, createHash('sha256').update(bytes).digest('hex'));
    return bytes.toString('utf8');
  }

  /**
   * An optional data file (the trained expectation model a lexicon folder may lack): its text,
   * or null when it does not exist, which is recorded too, so adding the file changes the hash.
   */
  readIfExists(path: string): string | null {
    if (existsSync(path)) return this.read(path);
    this.digests.set(path, 'absent');
    return null;
  }

  /** The files read so far, by full path. */
  files(): string[] {
    return [...this.digests.keys()].sort();
  }

  /**
   * `name sha256` lines, sorted: a file is named by its base name, so the same files give
   * the same hash wherever they are kept (a copy of the lexicons folder, another checkout).
   */
  entries(): string[] {
    return [...this.digests].map(([path, digest]) => `${basename(path)} ${digest}`);
  }
}

/**
 * Data files read once per process when a module loads (voice roles, speech verbs,
 * segmentation rules): every analyzer's hash includes them.
 */
export const moduleData = new DataFileLog();

/** sha256 over the files of all logs: a change to any byte of any of them changes it. */
export function dataHash(...logs: DataFileLog[]): string {
  const lines = logs.flatMap((log) => log.entries()).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

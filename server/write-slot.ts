// One analysing write at a time: adding articles (paste or upload) and re-analysing a story
// analyse on a worker thread (ingest/analysis-pool.ts) while this thread keeps answering
// pages, and each holds the slot until it has stored its last article. A second such write
// meanwhile is refused with 503 and a page saying to send it again, instead of queueing
// without bound behind the first (each queued upload would hold its files in memory).
//
// Not here: edits and deletions, which are one short transaction each and need no slot.

import { HttpError } from './http-error.js';

/**
 * The longest one article's analysis may take in a write (a 2,000,000-character article,
 * ingest's limit, takes a few seconds): past it the worker is stopped, the rest of the
 * write is refused with that reason, and the slot is free again.
 */
export const ANALYSIS_BUDGET_MS = 60_000;

/** Seconds a refused write is told to wait (the Retry-After header). */
const RETRY_AFTER_SECONDS = 30;

export class WriteSlot {
  private running: string | null = null;

  /** Runs `work` if no other write is running; otherwise throws the 503 "busy" error. */
  async run<T>(what: string, work: () => Promise<T>): Promise<T> {
    if (this.running !== null) {
      throw new HttpError(
        503,
        `The server is busy ${this.running} for another request. Nothing of yours was stored: ` +
          'send the form again in a minute (your browser’s back button keeps what you typed).',
        { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      );
    }
    this.running = what;
    try {
      return await work();
    } finally {
      this.running = null;
    }
  }

  /** What is running now, or null. */
  get busyWith(): string | null {
    return this.running;
  }
}

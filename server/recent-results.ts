// The results pages of recent writes, kept for a while under an unguessable id, so that a
// form post can answer 303 with a GET address: reloading the results page shows them again
// instead of posting the files a second time. Kept in memory only (a restart forgets them;
// what was stored is on the stories' pages), at most `limit` of them, each for `ttlMs`.

import { randomBytes } from 'node:crypto';

export interface RecentResultsOptions {
  limit: number;
  ttlMs: number;
}

/** 18 random bytes in base64url: 24 characters of A–Z a–z 0–9 - _. */
export const RESULTS_ID = /^[A-Za-z0-9_-]{24}$/;

export class RecentResults<T> {
  private readonly kept = new Map<string, { model: T; until: number }>();

  constructor(
    readonly options: RecentResultsOptions = { limit: 50, ttlMs: 60 * 60 * 1000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps a results page and returns its id. */
  keep(model: T): string {
    this.forgetExpired();
    const id = randomBytes(18).toString('base64url');
    this.kept.set(id, { model, until: this.now() + this.options.ttlMs });
    // A Map iterates in insertion order: the first key is the oldest.
    while (this.kept.size > this.options.limit) {
      this.kept.delete(this.kept.keys().next().value as string);
    }
    return id;
  }

  /** The page kept under `id`, or undefined once it has expired or been pushed out. */
  get(id: string): T | undefined {
    this.forgetExpired();
    return RESULTS_ID.test(id) ? this.kept.get(id)?.model : undefined;
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [id, { until }] of this.kept) {
      if (until <= now) this.kept.delete(id);
    }
  }
}

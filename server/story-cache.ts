// A small in-memory cache for a story's expensive derived data (aligned facts, chart specs):
// an entry is kept under a key with the story's version token (store.storyVersion) and is
// recomputed when the token changes. Least recently used entries go first once `limit` is
// reached. It deliberately does not persist anything, share entries across processes or
// expire by time: the version token is the only staleness rule, so a cached page is never
// older than the data it was computed from.

export interface StoryCacheOptions {
  /** Most entries kept (default 20); the least recently used is dropped beyond it. */
  limit?: number;
}

interface Entry {
  version: string;
  value: Promise<unknown>;
}

export class StoryCache {
  readonly limit: number;
  private readonly entries = new Map<string, Entry>();

  constructor(options: StoryCacheOptions = {}) {
    this.limit = options.limit ?? 20;
    if (!Number.isInteger(this.limit) || this.limit < 1) {
      throw new Error(`StoryCache limit must be a whole number ≥ 1, not ${this.limit}`);
    }
  }

  /**
   * The value under `key` if it was computed for `version`, else `compute()`'s result,
   * stored. Concurrent calls for the same key and version share one computation (a
   * researcher reloading a slow page does not start it twice); a computation that fails
   * is not kept, so the next call tries again. Use a key per kind of data and story,
   * e.g. `facts:${slug}` or `charts:${slug}`.
   */
  cached<T>(key: string, version: string, compute: () => T | Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const value = Promise.resolve().then(compute);
    const entry: Entry = { version, value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }

  /** Number of entries held. */
  get size(): number {
    return this.entries.size;
  }

  /** Drops every entry (e.g. after a bulk re-analysis, though versions already cover it). */
  clear(): void {
    this.entries.clear();
  }
}

// Writes that meet another writer: SQLite lets one process write at a time, and a second
// ingest (or the upload form) on the same file must wait its turn, not lose its batch.
// Every write transaction starts IMMEDIATE (it takes the write lock before reading, so it
// can never fail half-way on a stale snapshot), SQLite's busy timeout waits for the lock,
// and on top of that a busy write is retried with growing, jittered pauses up to a bound.
// Past the bound the caller gets a DatabaseBusy: retryable, unlike bad input.
//
// Not here: which statements form a unit of work (the store decides).

/** Retries after the first attempt; with the 5 s busy timeout per attempt, about 40 s in all. */
const RETRIES = 6;
const FIRST_PAUSE_MS = 50;

/** A write that still found the database locked after every retry. Nothing of it was stored. */
export class DatabaseBusy extends Error {
  override readonly name = 'DatabaseBusy';
  constructor(readonly attempts: number) {
    super(
      `the database stayed locked by another writer (${attempts} attempts); nothing of this batch was stored, run the same command again`,
    );
  }
}

/** SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT, BUSY_RECOVERY), and SQLITE_LOCKED. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** Runs a synchronous write (one transaction), retrying it while the database is busy. */
export async function retryWhileBusy<T>(write: () => T, retries = RETRIES): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (attempt >= retries) throw new DatabaseBusy(attempt + 1);
    }
    const pause = FIRST_PAUSE_MS * 2 ** attempt;
    await new Promise((resolve) => setTimeout(resolve, pause / 2 + Math.random() * pause));
  }
}

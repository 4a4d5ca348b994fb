// How the PostgreSQL store talks to its server: a pooled connection whose values come back
// as the SQLite store returns them (bigint ids and counts as numbers, times as ISO strings),
// and transactions that nest. A store bound to one client already inside a transaction (a
// queue worker's job, db/pg-queue.ts) runs each unit of work as a savepoint of it, so the
// same insert code serves a standalone ingest and a job that must commit or vanish whole.

import pg from 'pg';

/** int8 ids and counts as numbers (safe up to 2^53), timestamptz as ISO strings. */
const parseTimestamp = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ);
export const PG_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    if (oid === pg.types.builtins.TIMESTAMPTZ)
      return (value: string) => (parseTimestamp(value) as Date).toISOString();
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export function createPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, types: PG_TYPES, max: 8 });
  // An idle client whose server went away must not crash the process; the next query fails.
  pool.on('error', () => undefined);
  return pool;
}

export type Queryable = pg.Pool | pg.PoolClient;

/** SQLSTATEs that mean "run the same transaction again": deadlock, serialization failure. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/**
 * A connection source: the pool, or one client inside a transaction that someone else
 * opened and will end (then `bound` is true and transactions become savepoints).
 */
export class PgConnection {
  private savepoints = 0;

  constructor(
    readonly db: Queryable,
    private readonly pool: pg.Pool | null,
  ) {}

  get bound(): boolean {
    return this.pool === null;
  }

  async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query(sql, params)).rows as T[];
  }

  async one<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(sql, params))[0];
  }

  /** Runs `work` in one transaction (a savepoint when bound), retrying deadlocks. */
  async transaction<T>(work: (client: Queryable) => Promise<T>): Promise<T> {
    if (this.pool === null) return this.savepoint(this.db, work);
    for (let attempt = 0; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (!isRetryable(error) || attempt >= 5) throw error;
      } finally {
        client.release();
      }
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt * Math.random()));
    }
  }

  /** A savepoint of the caller's transaction: its work is kept whole or rolled back. */
  async savepoint<T>(client: Queryable, work: (client: Queryable) => Promise<T>): Promise<T> {
    const name = `sp${++this.savepoints}`;
    await client.query(`SAVEPOINT ${name}`);
    try {
      const result = await work(client);
      await client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  }
}

// The ingest queue's SQL (migration 002 explains the design): jobs of parsed article
// records in PostgreSQL, taken by `npm run worker` processes on any number of machines with
// SELECT … FOR UPDATE SKIP LOCKED, each job processed and marked finished in one
// transaction. A worker that dies mid-job leaves nothing: its transaction rolls back, its
// row lock goes with its connection, and the job is free for the next worker.
//
// Not here: what a job does with its records (ingest/queue-worker.ts).

import type pg from 'pg';
import { createPool, isRetryable } from './pg-connection.js';
import { migratePostgres } from './pg-migrate.js';
import { PgStore } from './pg-store.js';
import type { Store } from './store.js';

/** A job failing this many times (an error, not a lost worker) is left for a person to look at. */
export const MAX_ATTEMPTS = 3;

export interface JobOptions {
  /** The codebook for records that name none (ingest --codebook). */
  codebook?: string;
  /**
   * For the job's stories that name none and are new: the codebook chosen when queued
   * (from the story's first article in the input), by story slug, the same in every job.
   */
  chosen?: Record<string, string>;
}

export interface ClaimedJob {
  id: number;
  records: unknown[];
  options: JobOptions;
  attempts: number;
}

export interface QueueCounts {
  pending: number;
  finished: number;
  /** Given up after MAX_ATTEMPTS errors. */
  failed: number;
}

/** The jobs one enqueue made: ids are consecutive within it unless others enqueue at once. */
export interface QueuedJobs {
  count: number;
  first: number | null;
  last: number | null;
}

export class PgIngestQueue {
  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string): Promise<PgIngestQueue> {
    const pool = createPool(url);
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PgIngestQueue(pool);
  }

  /**
   * Queues each batch of records (JSON values: ingest/queue.ts checks them when a worker
   * takes them) as one job, all in one transaction, inserting each batch as it comes so
   * that only one is held at a time; returns how many jobs and the first and last id.
   */
  async enqueue(
    batches: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>,
    options: JobOptions | ((records: readonly unknown[]) => JobOptions) = {},
  ): Promise<QueuedJobs> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const queued: QueuedJobs = { count: 0, first: null, last: null };
      for await (const records of batches) {
        const { rows } = await client.query<{ id: number }>(
          `INSERT INTO ingest_job (records, options) VALUES ($1, $2) RETURNING id`,
          [
            JSON.stringify(records),
            JSON.stringify(typeof options === 'function' ? options(records) : options),
          ],
        );
        queued.count++;
        queued.first ??= rows[0]!.id;
        queued.last = rows[0]!.id;
      }
      await client.query('COMMIT');
      return queued;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Takes the oldest job no other worker holds and runs `work` on it with a store whose
   * every write belongs to the job's transaction; commits the work and the job's result
   * together. Returns null when no job is waiting. An error rolls everything back; it
   * counts as an attempt unless it was a deadlock with another worker.
   */
  async processNext<R>(
    work: (job: ClaimedJob, store: Store) => Promise<R>,
  ): Promise<
    { job: ClaimedJob; result: R } | { job: ClaimedJob; error: Error; retried: boolean } | null
  > {
    const client = await this.pool.connect();
    let job: ClaimedJob | undefined;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<ClaimedJob>(
        `SELECT id, records, options, attempts FROM ingest_job
         WHERE finished_at IS NULL AND attempts < $1
         ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1`,
        [MAX_ATTEMPTS],
      );
      job = rows[0];
      if (!job) {
        await client.query('COMMIT');
        return null;
      }
      const result = await work(job, PgStore.inTransaction(client, this.pool));
      await client.query(`UPDATE ingest_job SET finished_at = now(), result = $2 WHERE id = $1`, [
        job.id,
        JSON.stringify(result),
      ]);
      await client.query('COMMIT');
      return { job, result };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (!job) throw error;
      // A deadlock with another worker is not the job's fault: it is simply taken again.
      const retried = isRetryable(error);
      if (!retried) {
        await this.pool.query(
          `UPDATE ingest_job SET attempts = attempts + 1, last_error = $2 WHERE id = $1`,
          [job.id, (error as Error).message],
        );
      }
      return { job, error: error as Error, retried };
    } finally {
      client.release();
    }
  }

  async counts(): Promise<QueueCounts> {
    const { rows } = await this.pool.query<QueueCounts>(
      `SELECT count(*) FILTER (WHERE finished_at IS NULL AND attempts < $1) AS pending,
         count(*) FILTER (WHERE finished_at IS NOT NULL) AS finished,
         count(*) FILTER (WHERE finished_at IS NULL AND attempts >= $1) AS failed
       FROM ingest_job`,
      [MAX_ATTEMPTS],
    );
    return rows[0]!;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

// Ingest through the PostgreSQL job queue (db/pg-queue.ts), for ingest spread over worker
// processes on several machines. `enqueue` reads and screens the files here, as a direct
// ingest does (read.ts), and queues the articles in jobs of a few as it reads them, so its
// memory does not grow with the input; `runJob` is what a
// worker does with one job: the same analyze-and-store path as every ingest
// (ingestRecords), with every write in the job's transaction. A job's records are
// checked again with the record schema when taken: the queue is a table anyone with access
// to the database could write.

import type { Analyzer } from '../analysis/pipeline.js';
import type { JobOptions, PgIngestQueue, QueuedJobs } from '../db/pg-queue.js';
import type { Store } from '../db/store.js';
import { describeChoice, type CodebookChoice } from '../analysis/codebooks/choose.js';
import { slugify } from '../db/slug.js';
import { chooseForArticle } from './codebook-choice.js';
import { ingestRecords } from './ingest.js';
import { readSource } from './read.js';
import { ArticleRecordSchema, IngestError, isIngestError } from './record.js';
import type { ArticleRecord, IngestResult, ReadOptions } from './record.js';

/** Articles per job: small enough that two workers share a corpus of a few hundred evenly. */
export const DEFAULT_JOB_SIZE = 10;

export interface EnqueueSummary {
  queued: number;
  jobs: QueuedJobs;
  rejected: number;
}

/**
 * Reads the files and queues their articles in jobs of `jobSize`, streaming: one job's
 * records are held at a time, whatever the size of the input (the jobs still go in one
 * transaction). Each refusal is handed to `onRejected` as it is found.
 */
export async function enqueue(
  paths: string[],
  read: ReadOptions,
  queue: Pick<PgIngestQueue, 'enqueue'>,
  options: {
    jobSize?: number;
    codebook?: string;
    onRejected?: (rejection: { source: string; reason: string }) => void;
    /** Called when a story's codebook is chosen here, from its first article in the input. */
    onCodebookChoice?: (story: string, choice: CodebookChoice) => void;
  } = {},
): Promise<EnqueueSummary> {
  const jobSize = options.jobSize ?? DEFAULT_JOB_SIZE;
  // A new story's codebook is chosen here, once, from its first article, and travels with
  // every job of the story: jobs taken by workers at the same time cannot see each other's
  // uncommitted stories, and would each choose from their own first article. A story the
  // database already holds keeps its codebook (the worker looks it up first).
  const chosen = new Map<string, string>();
  const choose = (record: ArticleRecord): string | undefined => {
    if (record.codebook != null || options.codebook !== undefined) return undefined;
    const key = slugify(record.story);
    let codebook = chosen.get(key);
    if (codebook === undefined) {
      const choice = chooseForArticle(record);
      codebook = choice.codebook;
      chosen.set(key, codebook);
      options.onCodebookChoice?.(record.story, choice);
    }
    return key;
  };
  const jobOptions = (records: readonly unknown[]): JobOptions => {
    const stories: Record<string, string> = {};
    for (const record of records as ArticleRecord[]) {
      const key = choose(record);
      if (key !== undefined) stories[key] = chosen.get(key)!;
    }
    return {
      ...(options.codebook === undefined ? {} : { codebook: options.codebook }),
      ...(Object.keys(stories).length === 0 ? {} : { chosen: stories }),
    };
  };
  let queued = 0;
  let rejected = 0;
  async function* batches(): AsyncGenerator<ArticleRecord[]> {
    let batch: ArticleRecord[] = [];
    for await (const input of readSource({ paths }, read)) {
      if (isIngestError(input)) {
        rejected++;
        options.onRejected?.({ source: input.source, reason: input.reason });
        continue;
      }
      batch.push(input);
      queued++;
      if (batch.length === jobSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  // One transaction: the files are queued whole or not at all.
  const jobs = await queue.enqueue(batches(), jobOptions);
  return { queued, jobs, rejected };
}

/** What a finished job stored; kept with the job (ingest_job.result). */
export interface JobResult {
  runId: number | null;
  added: number;
  duplicates: number;
  words: number;
  rejected: { source: string; reason: string }[];
  /** New stories' codebooks chosen from their first article: "story X: codebook …". */
  codebooks?: string[];
}

/** The job's chosen codebooks whose names are codebook names (the queue is a table anyone
 * with access could write): the rest are left out, and those stories choose again. */
function codebookNames(chosen: unknown): Record<string, string> | undefined {
  if (typeof chosen !== 'object' || chosen === null) return undefined;
  return Object.fromEntries(
    Object.entries(chosen).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(entry[1]),
    ),
  );
}

export async function runJob(
  job: { records: unknown[]; options: JobOptions },
  store: Store,
  analyzer: Analyzer,
): Promise<JobResult> {
  const inputs: IngestResult[] = job.records.map((record, i) => {
    const parsed = ArticleRecordSchema.safeParse(record);
    if (parsed.success) return parsed.data;
    const source = (record as { source?: unknown } | null)?.source;
    return new IngestError(
      typeof source === 'string' ? source : `record ${i + 1}`,
      `not an article record: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  });
  const codebooks: string[] = [];
  const summary = await ingestRecords(inputs, store, analyzer, {
    codebook: job.options.codebook,
    chosenCodebooks: codebookNames(job.options.chosen),
    onCodebookChoice: (story, choice) =>
      codebooks.push(`story ${story}: ${describeChoice(choice)}`),
    // Each article is written as soon as it is analyzed (a savepoint of the job's
    // transaction): the job still commits whole, and the writes overlap the analysis.
    batchSize: 1,
  });
  return {
    runId: summary.runId,
    added: summary.added,
    duplicates: summary.duplicates,
    words: summary.words,
    rejected: summary.rejected,
    codebooks,
  };
}

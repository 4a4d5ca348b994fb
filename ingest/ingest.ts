// Analyze-and-store: the one path from article records to the database. `ingest` reads a
// source (files and folders, uploaded files, pasted text; read.ts) and stores it: the CLI
// and the server's add page both call it. The bundled corpus loader hands its records to
// `ingestRecords` directly. Articles are analyzed one by one and stored in batches: one
// transaction per batch, one savepoint per article.

import { channel } from 'node:diagnostics_channel';
import type { Analyzer } from '../analysis/pipeline.js';
import type { ArticleAnalysis } from '../analysis/types.js';
import { titleFromHeadlines } from '../analysis/comparison/story-title.js';
import { DatabaseBusy } from '../db/busy.js';
import type { AddResult, NewArticle, OutletMeta, Store, StoryMeta } from '../db/store.js';
import { slugify } from '../db/slug.js';
import type { AnalysisPool } from './analysis-pool.js';
import { readSource } from './read.js';
import type { IngestSource } from './read.js';
import { codebookAnalyzers } from './codebook-analyzers.js';
import type { CodebookChoice } from '../analysis/codebooks/choose.js';
import { chooseForArticle } from './codebook-choice.js';
import type { ArticleRecord, IngestResult, ReadOptions } from './record.js';
import { isIngestError } from './record.js';

/**
 * After each batch is stored, the articles stored and skipped so far are published here
 * ({ stored, duplicates, rejected }): the memory benchmark samples memory against
 * articles ingested (bench/memory-probe.ts). Publishing costs nothing with no subscriber.
 */
export const batchStored = channel('parallax:ingest:batch-stored');

export interface BatchStoredMessage {
  stored: number;
  duplicates: number;
  rejected: number;
}

export interface IngestOptions {
  /** Articles per transaction. */
  batchSize?: number;
  /** Extra outlet and story metadata for a record (the corpus manifest supplies some). */
  describe?: (record: ArticleRecord) => {
    outlet?: Partial<OutletMeta>;
    story?: Partial<StoryMeta>;
  };
  /** Called once per record or rejected input, in input order. */
  onResult?: (result: AddResult) => void;
  /**
   * Worker threads that analyze while this thread reads and stores (ingest --workers);
   * the articles are stored in input order all the same.
   */
  pool?: AnalysisPool;
  /** Called for a record stored with a change from its input (e.g. an unreadable date). */
  onWarning?: (source: string, warning: string) => void;
  /** Stops reading new input (SIGINT/SIGTERM): what was analyzed is stored, the run is 'interrupted'. */
  signal?: AbortSignal;
  /**
   * The codebook for records that name none (ingest --codebook). Without either, an
   * article takes its story's codebook, and a new story the bundled codebook whose other
   * party its first article names most (the analyzer's when none is named).
   */
  codebook?: string;
  /**
   * Codebooks already chosen for new stories, by story slug (a queued job's, chosen when
   * the files were queued): a story not stored yet takes this one rather than choosing
   * from the job's own first article, so jobs of one story stored at once agree.
   */
  chosenCodebooks?: Readonly<Record<string, string>>;
  /** Called when a new story's codebook was chosen from its first article. */
  onCodebookChoice?: (story: string, choice: CodebookChoice) => void;
}

export interface IngestSummary {
  runId: number | null;
  added: number;
  duplicates: number;
  /** Inputs refused (bad files, rows, texts), every one of them. */
  rejectedCount: number;
  /**
   * The first REJECTIONS_KEPT of them: each was also reported to `onResult` as it came, and
   * a file of millions of bad lines must not fill memory with their reasons.
   */
  rejected: { source: string; reason: string }[];
  /** Articles not stored because the database stayed locked; running the ingest again adds them. */
  retryable: { source: string; reason: string }[];
  /** True when the signal stopped the ingest before its input ended. */
  interrupted: boolean;
  /** Words in the headline and body segments of the articles added. */
  words: number;
}

/** How many rejections a summary lists; it counts them all (`rejectedCount`). */
export const REJECTIONS_KEPT = 1000;

/** Reads every article of `source` (read.ts: readers and screening) and stores it. */
export function ingest(
  source: IngestSource,
  read: ReadOptions,
  store: Store,
  analyzer: Analyzer,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  return ingestRecords(readSource(source, read), store, analyzer, options);
}

export async function ingestRecords(
  inputs: AsyncIterable<IngestResult> | Iterable<IngestResult>,
  store: Store,
  analyzer: Analyzer,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const batchSize = options.batchSize ?? 200;
  const summary: IngestSummary = {
    runId: null,
    added: 0,
    duplicates: 0,
    rejectedCount: 0,
    rejected: [],
    retryable: [],
    interrupted: false,
    words: 0,
  };
  let batch: NewArticle[] = [];
  const analyzerFor = codebookAnalyzers(analyzer);
  // Codebooks named for stories not stored yet (their articles may still be in the batch).
  const named = new Map<string, string>();
  const codebookOf = async (record: ArticleRecord): Promise<string> => {
    const given = record.codebook ?? options.codebook;
    const key = slugify(record.story);
    if (given) {
      named.set(key, given);
      return given;
    }
    const known =
      named.get(key) ??
      (await store.codebookOfStory(record.story)) ??
      options.chosenCodebooks?.[key];
    if (known) return known;
    // A new story with no codebook named: the bundled codebook whose other party its first
    // article names most (analysis/codebooks/choose.ts), said in the output.
    const choice = chooseForArticle(record, analyzer.data.codebook);
    named.set(key, choice.codebook);
    options.onCodebookChoice?.(record.story, choice);
    return choice.codebook;
  };
  const report = (result: AddResult) => {
    if (result.status === 'added') summary.added++;
    else if (result.status === 'duplicate') summary.duplicates++;
    else if (result.status === 'retryable')
      summary.retryable.push({ source: result.source, reason: result.reason });
    else if (summary.rejectedCount++ < REJECTIONS_KEPT)
      summary.rejected.push({ source: result.source, reason: result.reason });
    options.onResult?.(result);
  };
  // With a pool, analyses are in flight while the next records are read: a bounded FIFO,
  // so memory stays flat and the store sees the input order. Storing a batch holds this
  // thread for a while; a window of a batch beyond the workers' own few keeps them
  // analyzing the next batch meanwhile (with only a few each, they sat idle during every
  // store and two workers ingested slower than one thread).
  const inFlight: {
    record: ArticleRecord;
    codebook: string;
    analysis: Promise<ArticleAnalysis>;
  }[] = [];
  const maxInFlight = options.pool ? options.pool.size * 4 + batchSize : 0;
  const accept = (
    record: ArticleRecord,
    codebook: string,
    analyze: () => ArticleAnalysis | Error,
  ) => {
    const analysis = analyze();
    if (analysis instanceof Error) {
      report({
        status: 'failed',
        source: record.source,
        reason: `analysis failed: ${analysis.message}`,
      });
      return;
    }
    batch.push(toNewArticle(record, codebook, analysis, options.describe));
  };
  const settleOldest = async () => {
    const oldest = inFlight.shift();
    if (!oldest) return;
    const analysis = await oldest.analysis.catch((error: unknown) => error as Error);
    accept(oldest.record, oldest.codebook, () => analysis);
    if (batch.length >= batchSize) await flush();
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const articles = batch;
    batch = [];
    try {
      summary.runId ??= (await store.startRun(analyzer.info)).id;
      const results = await store.addArticles(articles, summary.runId);
      results.forEach((result, i) => {
        // Counted once stored: a text repeated within a batch is analyzed twice but stored once.
        if (result.status === 'added') summary.words += articles[i]?.analysis.words ?? 0;
        report(result);
      });
      if (batchStored.hasSubscribers)
        batchStored.publish({
          stored: summary.added,
          duplicates: summary.duplicates,
          rejected: summary.rejectedCount,
        } satisfies BatchStoredMessage);
    } catch (error) {
      if (!(error instanceof DatabaseBusy)) throw error;
      for (const article of articles) {
        report({ status: 'retryable', source: article.source, reason: error.message });
      }
    }
  };

  try {
    for await (const input of inputs) {
      if (options.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      if (isIngestError(input)) {
        report({ status: 'failed', source: input.source, reason: input.reason });
        continue;
      }
      for (const warning of input.warnings ?? []) options.onWarning?.(input.source, warning);
      // Known texts are not analyzed again: re-running an ingest over a folder is cheap.
      const known =
        (await store.findByText(input.text)) ??
        (input.givenText === undefined ? null : await store.findByText(input.givenText));
      if (known !== null) {
        report({ status: 'duplicate', articleId: known, source: input.source });
        continue;
      }
      const codebook = await codebookOf(input);
      if (options.pool) {
        const other = codebook === analyzer.data.codebook ? undefined : codebook;
        inFlight.push({
          record: input,
          codebook,
          analysis: options.pool.analyze(input.text, input.title, other),
        });
        while (inFlight.length >= maxInFlight) await settleOldest();
        continue;
      }
      accept(input, codebook, () => {
        try {
          return analyzerFor(codebook).analyze(input.text, { title: input.title ?? undefined });
        } catch (error) {
          return error as Error;
        }
      });
      if (batch.length >= batchSize) await flush();
    }
    while (inFlight.length > 0) await settleOldest();
    await flush();
  } catch (error) {
    if (summary.runId !== null) await store.finishRun(summary.runId, 'failed');
    throw error;
  }
  if (summary.runId !== null) {
    const status = summary.interrupted
      ? 'interrupted'
      : summary.retryable.length > 0
        ? 'failed'
        : 'done';
    await store.finishRun(summary.runId, status);
  }
  if (summary.added > 0) await titleStoriesFromHeadlines(store);
  return summary;
}

/** Stories known only by a slug get a title from their headlines (analysis/comparison/story-title.ts). */
async function titleStoriesFromHeadlines(store: Store): Promise<void> {
  for (const { slug, headlines } of await store.storiesToTitle()) {
    const title = titleFromHeadlines(headlines);
    if (title !== null) await store.setHeadlineTitle(slug, title);
  }
}

function toNewArticle(
  record: ArticleRecord,
  codebook: string,
  analysis: ArticleAnalysis,
  describe: IngestOptions['describe'],
): NewArticle {
  const extra = describe?.(record) ?? {};
  const storyTitle = extra.story?.title ?? record.storyTitle ?? null;
  return {
    story: {
      ...extra.story,
      key: record.story,
      title: storyTitle ?? record.story,
      titleSource: storyTitle === null ? 'name' : 'metadata',
      description: extra.story?.description ?? record.storyDescription ?? null,
      codebook,
    },
    outlet: { ...extra.outlet, name: record.outlet },
    title: record.title,
    url: record.url,
    author: record.author,
    publishedDate: record.date,
    text: record.text,
    source: record.source,
    analysis,
  };
}

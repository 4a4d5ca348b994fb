// Analyze-and-store: the one path from article records to the database, shared by the
// CLI, the bundled corpus loader and (later) the server's upload. Articles are analyzed
// one by one and stored in batches: one transaction per batch, one savepoint per article.
// A batch the database cannot take (other writers held it past every retry) is reported
// article by article as retryable, apart from bad input; an aborted ingest stores what
// it has analyzed and marks its run 'interrupted'.

import type { Analyzer } from '../analysis/pipeline.js';
import type { AddResult, NewArticle, OutletMeta, Store, StoryMeta } from '../db/store.js';
import type { ArticleRecord, IngestResult } from './record.js';
import { isIngestError } from './record.js';
import { DatabaseBusy } from '../db/busy.js';

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
  /** Stops reading new input (SIGINT/SIGTERM): what was analyzed is stored, the run is 'interrupted'. */
  signal?: AbortSignal;
}

export interface IngestSummary {
  runId: number | null;
  added: number;
  duplicates: number;
  rejected: { source: string; reason: string }[];
  /** Articles not stored because the database stayed locked; running the ingest again adds them. */
  retryable: { source: string; reason: string }[];
  /** True when the signal stopped the ingest before its input ended. */
  interrupted: boolean;
  /** Words in the headline and body segments of the articles analyzed. */
  words: number;
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
    rejected: [],
    retryable: [],
    interrupted: false,
    words: 0,
  };
  let batch: NewArticle[] = [];
  const report = (result: AddResult) => {
    if (result.status === 'added') summary.added++;
    else if (result.status === 'duplicate') summary.duplicates++;
    else if (result.status === 'retryable')
      summary.retryable.push({ source: result.source, reason: result.reason });
    else summary.rejected.push({ source: result.source, reason: result.reason });
    options.onResult?.(result);
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const articles = batch;
    batch = [];
    try {
      summary.runId ??= (await store.startRun(analyzer.info)).id;
      for (const result of await store.addArticles(articles, summary.runId)) report(result);
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
      // Known texts are not analyzed again: re-running an ingest over a folder is cheap.
      const known = await store.findByText(input.text);
      if (known !== null) {
        report({ status: 'duplicate', articleId: known, source: input.source });
        continue;
      }
      try {
        const article = toNewArticle(input, analyzer, options.describe);
        summary.words += article.analysis.words;
        batch.push(article);
      } catch (error) {
        report({
          status: 'failed',
          source: input.source,
          reason: `analysis failed: ${(error as Error).message}`,
        });
        continue;
      }
      if (batch.length >= batchSize) await flush();
    }
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
  return summary;
}

function toNewArticle(
  record: ArticleRecord,
  analyzer: Analyzer,
  describe: IngestOptions['describe'],
): NewArticle {
  const extra = describe?.(record) ?? {};
  return {
    story: { ...extra.story, title: extra.story?.title ?? record.story },
    outlet: { ...extra.outlet, name: record.outlet },
    title: record.title,
    url: record.url,
    author: record.author,
    publishedDate: record.date,
    text: record.text,
    source: record.source,
    analysis: analyzer.analyze(record.text, { title: record.title ?? undefined }),
  };
}

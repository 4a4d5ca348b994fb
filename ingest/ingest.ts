// Analyze-and-store: the one path from article records to the database, shared by the
// CLI, the bundled corpus loader and (later) the server's upload. Articles are analyzed
// one by one and stored in batches: one transaction per batch, one savepoint per article.

import type { Analyzer } from '../analysis/pipeline.js';
import { titleFromHeadlines } from '../analysis/story-title.js';
import type { AddResult, NewArticle, OutletMeta, Store, StoryMeta } from '../db/store.js';
import type { ArticleRecord, IngestResult } from './record.js';
import { isIngestError } from './record.js';

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
}

export interface IngestSummary {
  runId: number | null;
  added: number;
  duplicates: number;
  rejected: { source: string; reason: string }[];
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
  const summary: IngestSummary = { runId: null, added: 0, duplicates: 0, rejected: [], words: 0 };
  let batch: NewArticle[] = [];
  const report = (result: AddResult) => {
    if (result.status === 'added') summary.added++;
    else if (result.status === 'duplicate') summary.duplicates++;
    else summary.rejected.push({ source: result.source, reason: result.reason });
    options.onResult?.(result);
  };
  const flush = async () => {
    if (batch.length === 0) return;
    summary.runId ??= (await store.startRun(analyzer.info)).id;
    for (const result of await store.addArticles(batch, summary.runId)) report(result);
    batch = [];
  };

  try {
    for await (const input of inputs) {
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
  if (summary.runId !== null) await store.finishRun(summary.runId, 'done');
  if (summary.added > 0) await titleStoriesFromHeadlines(store);
  return summary;
}

/** Stories known only by a slug get a title from their headlines (analysis/story-title.ts). */
async function titleStoriesFromHeadlines(store: Store): Promise<void> {
  for (const { slug, headlines } of await store.storiesToTitle()) {
    const title = titleFromHeadlines(headlines);
    if (title !== null) await store.setHeadlineTitle(slug, title);
  }
}

function toNewArticle(
  record: ArticleRecord,
  analyzer: Analyzer,
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
    },
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

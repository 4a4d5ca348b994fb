// Re-analysis: re-scores stored articles with the current (or another) analyzer without
// re-ingesting them. Each article is analyzed first and then swapped in one transaction,
// so an article whose analysis or write fails keeps its previous results whole. With
// `analyzerFor`, each article is analysed with its story's codebook. With a `pool`, the
// analyses run on its worker threads (the server's re-analysis page) and are swapped in
// in the same order.

import type { Analyzer } from '../analysis/pipeline.js';
import type { ArticleAnalysis } from '../analysis/types.js';
import type { AnalysisPool } from './analysis-pool.js';
import type { Store } from '../db/store.js';

export interface ReanalyzeSummary {
  runId: number;
  reanalyzed: number;
  failed: { articleId: number; reason: string }[];
}

export async function reanalyzeArticles(
  store: Store,
  analyzer: Analyzer,
  options: {
    story?: string;
    onArticle?: (done: number, total: number) => void;
    /** The analyzer for a codebook (ingest/codebook-analyzers.ts); without it, `analyzer` for all. */
    analyzerFor?: (codebook: string) => Analyzer;
    /** Workers analysing as `analyzer` does; `analyzerFor` is then not used. */
    pool?: AnalysisPool;
  } = {},
): Promise<ReanalyzeSummary> {
  const articles = await store.articleTexts(options.story);
  const run = await store.startRun({
    ...analyzer.info,
    options: { ...analyzer.info.options, reanalysis: true, story: options.story ?? null },
  });
  const summary: ReanalyzeSummary = { runId: run.id, reanalyzed: 0, failed: [] };
  const pool = options.pool;
  // Outcomes rather than bare promises: an analysis that fails while waiting its turn must
  // not count as an unhandled rejection.
  type Outcome = { analysis: ArticleAnalysis } | { error: Error };
  const analyze = async (article: (typeof articles)[number]): Promise<Outcome> => {
    try {
      if (pool) return { analysis: await pool.analyze(article.text, article.title) };
      const use = options.analyzerFor?.(article.codebook) ?? analyzer;
      return { analysis: use.analyze(article.text, { title: article.title ?? undefined }) };
    } catch (error) {
      return { error: error as Error };
    }
  };
  // With workers, a few analyses per worker run ahead while this thread swaps results in.
  const ahead = pool ? pool.size * 4 : 0;
  const queued = new Map<number, Promise<Outcome>>();
  const enqueue = (i: number) => {
    const article = articles[i];
    if (article && pool) queued.set(i, analyze(article));
  };
  for (let i = 0; i < ahead; i++) enqueue(i);
  for (const [i, article] of articles.entries()) {
    try {
      const outcome = await (queued.get(i) ?? analyze(article));
      queued.delete(i);
      enqueue(i + ahead);
      if ('error' in outcome) throw outcome.error;
      await store.replaceAnalysis(article.id, outcome.analysis, run.id);
      summary.reanalyzed++;
    } catch (error) {
      summary.failed.push({ articleId: article.id, reason: (error as Error).message });
    }
    options.onArticle?.(i + 1, articles.length);
  }
  await store.finishRun(run.id, summary.failed.length === 0 ? 'done' : 'failed');
  return summary;
}

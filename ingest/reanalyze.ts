// Re-analysis: re-scores stored articles with the current (or another) analyzer without
// re-ingesting them. Each article is analyzed first and then swapped in one transaction,
// so an article whose analysis or write fails keeps its previous results whole. With
// `analyzerFor`, each article is analysed with its story's codebook.

import type { Analyzer } from '../analysis/pipeline.js';
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
  } = {},
): Promise<ReanalyzeSummary> {
  const articles = await store.articleTexts(options.story);
  const run = await store.startRun({
    ...analyzer.info,
    options: { ...analyzer.info.options, reanalysis: true, story: options.story ?? null },
  });
  const summary: ReanalyzeSummary = { runId: run.id, reanalyzed: 0, failed: [] };
  for (const [i, article] of articles.entries()) {
    try {
      const use = options.analyzerFor?.(article.codebook) ?? analyzer;
      const analysis = use.analyze(article.text, { title: article.title ?? undefined });
      await store.replaceAnalysis(article.id, analysis, run.id);
      summary.reanalyzed++;
    } catch (error) {
      summary.failed.push({ articleId: article.id, reason: (error as Error).message });
    }
    options.onArticle?.(i + 1, articles.length);
  }
  await store.finishRun(run.id, summary.failed.length === 0 ? 'done' : 'failed');
  return summary;
}

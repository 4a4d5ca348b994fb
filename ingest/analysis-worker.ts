// One analysis worker thread of an AnalysisPool: builds the analyzer once from the pool's
// recipe (data file settings, or a browser re-analysis's lexicon choice), then answers each
// { id, text, title, codebook } with the article's analysis. It never touches the
// database: storing stays on the main thread, one writer.

import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from '../analysis/pipeline.js';
import type { AnalyzerConfig } from '../analysis/pipeline.js';
import { codebookAnalyzers } from './codebook-analyzers.js';
import { analyzerForChoice } from './lexicon-choice.js';
import type { LexiconChoice } from './lexicon-choice.js';

/** How a worker builds its analyzer: the same call the main thread made. */
export type AnalyzerRecipe = { config: AnalyzerConfig } | { choice: LexiconChoice };

export interface AnalysisRequest {
  id: number;
  text: string;
  title: string | null;
  /** Another codebook than the recipe's (an ingest's story with its own codebook). */
  codebook?: string;
}

const recipe = workerData as AnalyzerRecipe;
const analyzer =
  'choice' in recipe ? analyzerForChoice(recipe.choice) : createAnalyzer(recipe.config);
const analyzerFor = codebookAnalyzers(analyzer);
parentPort?.postMessage({ ready: analyzer.info.lexiconHash });
parentPort?.on('message', (request: AnalysisRequest) => {
  try {
    const use = request.codebook === undefined ? analyzer : analyzerFor(request.codebook);
    const analysis = use.analyze(request.text, { title: request.title ?? undefined });
    parentPort?.postMessage({ id: request.id, analysis });
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: (error as Error).message });
  }
});

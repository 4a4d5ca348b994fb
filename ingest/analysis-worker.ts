// One analysis worker thread of an AnalysisPool: loads the analyzer once with the pool's
// configuration, then answers each { id, text, title } with the article's analysis. It
// never touches the database: storing stays on the main thread, one writer.

import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer, type AnalyzerConfig } from '../analysis/pipeline.js';

export interface AnalysisRequest {
  id: number;
  text: string;
  title: string | null;
}

const analyzer = createAnalyzer(workerData as AnalyzerConfig);
parentPort?.postMessage({ ready: analyzer.info.lexiconHash });
parentPort?.on('message', (request: AnalysisRequest) => {
  try {
    const analysis = analyzer.analyze(request.text, { title: request.title ?? undefined });
    parentPort?.postMessage({ id: request.id, analysis });
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: (error as Error).message });
  }
});

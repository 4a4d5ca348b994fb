// Analysis on worker threads, for ingest: the main thread reads and stores, N workers
// analyze. Each worker loads the same data files as the main analyzer, and the pool refuses
// to start if a worker's data hash differs, so a run's stamp stays true. Results come back
// as promises; the caller keeps its own order.

import { Worker } from 'node:worker_threads';
import type { Analyzer, AnalyzerConfig } from '../analysis/pipeline.js';
import type { ArticleAnalysis } from '../analysis/types.js';
import type { AnalysisRequest } from './analysis-worker.js';

type Reply =
  { ready: string } | { id: number; analysis: ArticleAnalysis } | { id: number; error: string };

interface Pending {
  resolve: (analysis: ArticleAnalysis) => void;
  reject: (error: Error) => void;
}

export interface AnalysisPool {
  size: number;
  analyze(text: string, title: string | null): Promise<ArticleAnalysis>;
  close(): Promise<void>;
}

export async function createAnalysisPool(analyzer: Analyzer, size: number): Promise<AnalysisPool> {
  const config = analyzer.info.options as AnalyzerConfig;
  const workerData: AnalyzerConfig = {
    lexiconDir: config.lexiconDir ?? undefined,
    issuesFile: config.issuesFile ?? undefined,
    loadedFile: config.loadedFile ?? undefined,
    codebook: config.codebook ?? undefined,
  };
  const pending = new Map<number, Pending>();
  const load: number[] = [];
  let nextId = 0;
  const workers = await Promise.all(
    Array.from({ length: size }, (_, index) =>
      startWorker(index, workerData, analyzer.info.lexiconHash),
    ),
  );
  workers.forEach((worker, index) => {
    load[index] = 0;
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) return;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      load[index]!--;
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.analysis);
    });
    worker.on('error', (error) => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
  });
  return {
    size,
    analyze(text, title) {
      // The least busy worker takes the article.
      let index = 0;
      for (let i = 1; i < workers.length; i++) if (load[i]! < load[index]!) index = i;
      const id = nextId++;
      load[index]!++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const request: AnalysisRequest = { id, text, title };
        workers[index]!.postMessage(request);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

function startWorker(index: number, config: AnalyzerConfig, expectedHash: string): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./analysis-worker.js', import.meta.url), {
      workerData: config,
    });
    worker.once('error', reject);
    worker.once('message', (reply: Reply) => {
      if ('ready' in reply && reply.ready === expectedHash) {
        worker.off('error', reject);
        resolve(worker);
      } else {
        void worker.terminate();
        reject(
          new Error(
            `analysis worker ${index + 1} loaded different data files than the main analyzer`,
          ),
        );
      }
    });
  });
}

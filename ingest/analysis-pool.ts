// Analysis on worker threads, for ingest and re-analysis: the main thread reads and stores,
// N workers analyze. Each worker builds its analyzer from the same recipe as the main one,
// and the pool refuses to start if a worker's data hash differs, so a run's stamp stays
// true. Results come back as promises; the caller keeps its own order. The server uses a
// pool so that analysing an upload never holds the thread that answers pages.

import { Worker } from 'node:worker_threads';
import type { Analyzer, AnalyzerConfig } from '../analysis/pipeline.js';
import type { ArticleAnalysis } from '../analysis/types.js';
import type { AnalysisRequest, AnalyzerRecipe } from './analysis-worker.js';

type Reply =
  { ready: string } | { id: number; analysis: ArticleAnalysis } | { id: number; error: string };

interface Pending {
  resolve: (analysis: ArticleAnalysis) => void;
  reject: (error: Error) => void;
}

export interface AnalysisPool {
  size: number;
  /** With `codebook`, the article is analysed with that codebook's analyzer instead. */
  analyze(text: string, title: string | null, codebook?: string): Promise<ArticleAnalysis>;
  close(): Promise<void>;
}

/**
 * Starts `size` workers analysing as `analyzer` does. By default they rebuild it from its
 * data file settings; an analyzer made another way (a lexicon uploaded for a re-analysis)
 * passes the recipe it was made from. With `budgetMs`, a worker that answers nothing for
 * that long while it has work is stopped, and the pool fails that analysis and every
 * later one (the server's bound on one article; the command line sets none).
 */
export async function createAnalysisPool(
  analyzer: Analyzer,
  size: number,
  recipe: AnalyzerRecipe = { config: configOf(analyzer) },
  budgetMs?: number,
): Promise<AnalysisPool> {
  const pending = new Map<number, Pending>();
  const load: number[] = [];
  let nextId = 0;
  // A worker that died (an exception outside an analysis, out of memory) would leave later
  // requests waiting for ever; the pool refuses them instead.
  let broken: Error | null = null;
  let closing = false;
  const workers = await Promise.all(
    Array.from({ length: size }, (_, index) =>
      startWorker(index, recipe, analyzer.info.lexiconHash),
    ),
  );
  // A worker answers in the order it was asked, so its silence measures the one analysis
  // at the head of its queue, not the time the others waited behind it.
  const watchdogs: (NodeJS.Timeout | undefined)[] = [];
  const watch = (index: number) => {
    clearTimeout(watchdogs[index]);
    if (budgetMs === undefined || load[index] === 0) return;
    watchdogs[index] = setTimeout(() => {
      fail(new Error(`an analysis took longer than ${budgetMs / 1000} s and was stopped`));
      void workers[index]!.terminate();
    }, budgetMs);
  };
  const fail = (error: Error) => {
    broken ??= error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    watchdogs.forEach((timer) => clearTimeout(timer));
  };
  workers.forEach((worker, index) => {
    load[index] = 0;
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) return;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      load[index]!--;
      watch(index);
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.analysis);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`analysis worker ${index + 1} stopped (exit code ${code})`));
    });
  });
  return {
    size,
    analyze(text, title, codebook) {
      if (broken) return Promise.reject(broken);
      // The least busy worker takes the article.
      let index = 0;
      for (let i = 1; i < workers.length; i++) if (load[i]! < load[index]!) index = i;
      const id = nextId++;
      if (load[index]!++ === 0) watch(index);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const request: AnalysisRequest = { id, text, title, codebook };
        workers[index]!.postMessage(request);
      });
    },
    async close() {
      closing = true;
      watchdogs.forEach((timer) => clearTimeout(timer));
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

function configOf(analyzer: Analyzer): AnalyzerConfig {
  const config = analyzer.info.options as AnalyzerConfig;
  return {
    lexiconDir: config.lexiconDir ?? undefined,
    issuesFile: config.issuesFile ?? undefined,
    loadedFile: config.loadedFile ?? undefined,
    codebook: config.codebook ?? undefined,
  };
}

// A worker's old space, in MB. Without a limit V8 let each worker's heap grow to several
// times what is live before collecting (live: about 75 MB with the wink chunk cache full),
// so the ingest's memory kept growing with the corpus. 192 MB holds the analysis of a
// 2,000,000-character article, the reader's limit (measured: 260 MB peak on one thread).
// npm run ingest gives the main thread the same limit (package.json).
const WORKER_OLD_SPACE_MB = 192;

function startWorker(index: number, recipe: AnalyzerRecipe, expectedHash: string): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./analysis-worker.js', import.meta.url), {
      workerData: recipe,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB },
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

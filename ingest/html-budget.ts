/**
 * The HTML reader under a time and memory budget. Parsing and Readability are
 * synchronous library code that cannot be interrupted from inside, so each page is read
 * in one long-lived worker thread; a page that takes longer than the budget gets the
 * worker terminated (and a fresh one for the next page) and becomes that file's
 * rejection. The scan in html.ts refuses the known expensive shapes before parsing; this
 * is the bound for whatever shape it does not know.
 *
 * Deliberately not here: the reading itself (html.ts), parallelism (one page at a time
 * keeps the ingest's order and its memory flat).
 */
import { Worker } from 'node:worker_threads';
import { IngestError } from './record.js';
import type { ArticleRecord, IngestDefaults, IngestLimits, IngestResult } from './record.js';

/** Real pages take well under a second; this is for hostile or broken markup. */
export const HTML_TIME_BUDGET_MS = 5_000;
/** A page's DOM plus Readability's copies stay far below this. */
const WORKER_HEAP_MB = 512;

export interface HtmlJob {
  id: number;
  html: string;
  file: string;
  defaults: IngestDefaults;
  limits: IngestLimits;
}

export type HtmlReply = { id: number; record: ArticleRecord } | { id: number; reason: string };

let worker: Worker | null = null;
let nextId = 1;

function currentWorker(): Worker {
  if (worker === null) {
    worker = new Worker(new URL('./html-worker.js', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    // An idle worker must not keep a finished command alive.
    worker.unref();
    // Each page's own listener reports an error; this one keeps a late error of a retired
    // worker (no page waiting) from becoming an uncaught exception.
    worker.on('error', () => {});
  }
  return worker;
}

/** Read one page like readHtml, refusing it when it exceeds the time or memory budget. */
export function readHtmlBounded(
  html: string,
  file: string,
  defaults: IngestDefaults,
  limits: IngestLimits,
  budgetMs = HTML_TIME_BUDGET_MS,
): Promise<IngestResult> {
  const id = nextId++;
  const reader = currentWorker();
  return new Promise((resolve) => {
    const settle = (result: IngestResult, retire: boolean) => {
      clearTimeout(timer);
      reader.off('message', onMessage);
      reader.off('error', onError);
      reader.off('exit', onExit);
      reader.unref();
      if (retire) {
        if (worker === reader) worker = null;
        void reader.terminate();
      }
      resolve(result);
    };
    const onMessage = (reply: HtmlReply) => {
      if (reply.id !== id) return;
      settle('record' in reply ? reply.record : new IngestError(file, reply.reason), false);
    };
    const onError = (error: Error) => {
      const memory = /memory/i.test(error.message) ? ' (ran out of memory)' : '';
      settle(new IngestError(file, `page could not be read${memory}: ${error.message}`), true);
    };
    const onExit = () =>
      settle(new IngestError(file, 'page could not be read (reader stopped)'), true);
    const timer = setTimeout(() => {
      settle(
        new IngestError(
          file,
          `page took longer than ${budgetMs / 1000} s to read; save the article as .txt instead`,
        ),
        true,
      );
    }, budgetMs);
    reader.on('message', onMessage);
    reader.on('error', onError);
    reader.on('exit', onExit);
    reader.ref();
    reader.postMessage({ id, html, file, defaults, limits } satisfies HtmlJob);
  });
}

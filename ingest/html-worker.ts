// The worker-thread side of html-budget.ts: reads one page per message with the ordinary
// HTML reader and posts back the record or the reason it was refused. Nothing else.

import { parentPort } from 'node:worker_threads';
import { readHtml } from './html.js';
import { IngestError } from './record.js';
import type { HtmlJob, HtmlReply } from './html-budget.js';

parentPort?.on('message', (job: HtmlJob) => {
  let reply: HtmlReply;
  try {
    const result = readHtml(job.html, job.file, job.defaults, job.limits);
    reply =
      result instanceof IngestError
        ? { id: job.id, reason: result.reason }
        : { id: job.id, record: result };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    reply = { id: job.id, reason: `could not be read (${why.split('\n')[0]})` };
  }
  parentPort?.postMessage(reply);
});

// `ingest --queue` streams: each job goes to the queue as soon as its articles are read, so
// no more than one job's records are held, whatever the size of the input (#15).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectPath } from '../../lib/project-paths.js';
import { enqueue } from '../../ingest/queue.js';
import type { QueuedJobs } from '../../db/pg-queue.js';

const JSONL = projectPath('test', 'fixtures', 'ingest', 'articles.jsonl');

test('each job reaches the queue before the lines after it are read', async () => {
  const events: string[] = [];
  // The queue's side of enqueue, without a database: it takes the jobs as they come.
  const queue = {
    async enqueue(batches: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>) {
      const queued: QueuedJobs = { count: 0, first: null, last: null };
      for await (const records of batches) {
        queued.count++;
        queued.last = queued.count;
        queued.first ??= 1;
        events.push(
          `job of ${records.length}: ${records.map((r) => (r as { source: string }).source).join(', ')}`,
        );
      }
      return queued;
    },
  };
  const summary = await enqueue(
    [JSONL],
    { defaults: { story: 'Blinken in Beijing' }, limits: { minWords: 0 } },
    queue,
    { jobSize: 1, onRejected: (r) => events.push(`rejected ${r.reason.slice(0, 6)}`) },
  );
  assert.deepEqual(events, [
    `job of 1: ${JSONL}:line 1`,
    'rejected line 3',
    `job of 1: ${JSONL}:line 4`,
    `job of 1: ${JSONL}:line 5`,
  ]);
  assert.deepEqual(summary, { queued: 3, jobs: { count: 3, first: 1, last: 3 }, rejected: 1 });
});

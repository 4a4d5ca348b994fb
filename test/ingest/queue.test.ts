// `ingest --queue` streams: each job goes to the queue as soon as its articles are read, so
// no more than one job's records are held, whatever the size of the input (#15).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../../lib/project-paths.js';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { SqliteStore } from '../../db/sqlite-store.js';
import { enqueue, runJob } from '../../ingest/queue.js';
import type { JobOptions, QueuedJobs } from '../../db/pg-queue.js';

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

describe('a new story queued in several jobs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-queue-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const filler =
    'Negotiators met for several hours on Tuesday and described the atmosphere as ' +
    'businesslike; officials said the working groups would meet again next month. No ' +
    'joint statement was issued after the meeting, and aides on both sides declined to ' +
    'say when the leaders themselves might take part in a later round of the talks.';
  const iran = {
    title: 'Talks resume',
    outlet: 'Wire A',
    story: 'Race story',
    text: `Iran and Iran's negotiators returned to the table. Tehran said Iran wanted relief. ${filler}`,
  };
  const russia = {
    title: 'Talks go on',
    outlet: 'Wire B',
    story: 'Race story',
    text: `Russia sent its envoy. Moscow said Russia would stay. Russia wants a deal. ${filler}`,
  };
  const file = join(dir, 'race.jsonl');
  writeFileSync(file, `${JSON.stringify(iran)}\n${JSON.stringify(russia)}\n`);

  // The jobs as queued: their records and options.
  const jobs: { records: unknown[]; options: JobOptions }[] = [];

  test('takes the codebook chosen once, when queued, in every job of it', async () => {
    const queue = {
      async enqueue(
        batches: AsyncIterable<readonly unknown[]>,
        jobOptions: JobOptions | ((records: readonly unknown[]) => JobOptions) = {},
      ) {
        const queued: QueuedJobs = { count: 0, first: 1, last: null };
        for await (const records of batches) {
          const options = typeof jobOptions === 'function' ? jobOptions(records) : jobOptions;
          jobs.push({ records: [...records], options });
          queued.last = ++queued.count;
        }
        return queued;
      },
    };
    const choices: string[] = [];
    await enqueue([file], { defaults: {} }, queue, {
      jobSize: 1,
      onCodebookChoice: (story, choice) => choices.push(`${story}: ${choice.codebook}`),
    });
    assert.deepEqual(choices, ['Race story: us-iran']);
    assert.deepEqual(
      jobs.map((job) => job.options),
      [{ chosen: { 'race-story': 'us-iran' } }, { chosen: { 'race-story': 'us-iran' } }],
    );
  });

  test('a job whose own first article names another party keeps the queued choice', async () => {
    const analyzer = createAnalyzer();
    const stored = async (jobOptions: JobOptions): Promise<string | null> => {
      const store = new SqliteStore(join(dir, `${Object.keys(jobOptions).length}.sqlite`));
      try {
        await runJob({ records: jobs[1]!.records, options: jobOptions }, store, analyzer);
        return await store.codebookOfStory('Race story');
      } finally {
        await store.close();
      }
    };
    // The second job alone, as a worker takes it while the first is still uncommitted.
    assert.equal(await stored({ chosen: { 'race-story': 'us-iran' } }), 'us-iran');
    assert.equal(await stored({}), 'us-russia');
  });
});

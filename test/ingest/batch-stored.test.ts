// The batch-stored channel (ingest/ingest.ts): what the memory probe reads to sample memory
// against articles ingested.

import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { after, test } from 'node:test';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { projectPath } from '../../lib/project-paths.js';
import { batchStored, ingestRecords } from '../../ingest/ingest.js';
import type { BatchStoredMessage } from '../../ingest/ingest.js';
import { readSources } from '../../ingest/read.js';
import { tempStore } from '../helpers.js';

const DEFAULTS = { outlet: 'The Test Outlet', story: 'Blinken in Beijing' };

test('each stored batch publishes the articles stored and skipped so far', async () => {
  const temp = tempStore();
  after(() => temp.cleanup());
  const messages: BatchStoredMessage[] = [];
  const listener = (message: unknown) => messages.push(message as BatchStoredMessage);
  subscribe(batchStored.name, listener);
  after(() => unsubscribe(batchStored.name, listener));
  const folder = projectPath('corpus', 'articles');
  const analyzer = createAnalyzer();
  const first = await ingestRecords(
    readSources([folder], { defaults: DEFAULTS }),
    temp.store,
    analyzer,
    {
      batchSize: 2,
    },
  );
  assert.equal(first.added, 5);
  // Five articles in batches of two: three batches, counts cumulative.
  assert.deepEqual(
    messages.map((m) => m.stored),
    [2, 4, 5],
  );
  messages.length = 0;
  // Known texts are skipped before any batch: nothing is stored, nothing published.
  const again = await ingestRecords(
    readSources([folder], { defaults: DEFAULTS }),
    temp.store,
    analyzer,
  );
  assert.equal(again.duplicates, 5);
  assert.deepEqual(messages, []);
});

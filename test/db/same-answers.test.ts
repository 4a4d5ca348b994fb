// The same corpus in the SQLite store and the PostgreSQL store gives the same answers
// through the HTTP API: every story's figures (all three parts), the story list, an
// article, the concordance and the CSV exports. The bundled story always; BASIL's 53 events
// too when ../shared/corpora/basil-dev is there (read in place, never copied). Only the
// times the stores set themselves (run start and end, when an article was added) differ.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { loadBundledCorpus } from '../../corpus/load.js';
import { PgStore } from '../../db/pg-store.js';
import type { Store } from '../../db/store.js';
import { ingest } from '../../ingest/ingest.js';
import { projectPath } from '../../lib/project-paths.js';
import { serve, tempStore } from '../helpers.js';
import type { TempStore, TestServer } from '../helpers.js';
import { createTestDatabase, skipWithoutPostgres } from '../postgres.js';
import type { TestDatabase } from '../postgres.js';

const BASIL = projectPath('..', 'shared', 'corpora', 'basil-dev', 'articles.jsonl');
const TIMES = new Set(['startedAt', 'finishedAt', 'addedAt', 'added_at']);

/** The JSON with the store-set times blanked. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, TIMES.has(k) ? '(time)' : comparable(v)]),
    );
  }
  return value;
}

async function load(store: Store): Promise<void> {
  const analyzer = createAnalyzer();
  await loadBundledCorpus(store, analyzer);
  if (existsSync(BASIL)) {
    const summary = await ingest({ paths: [BASIL] }, { defaults: {} }, store, analyzer);
    assert.equal(summary.rejected.length, 0);
  }
}

describe('SQLite and PostgreSQL give the same answers', { skip: skipWithoutPostgres }, () => {
  let sqlite: TempStore;
  let database: TestDatabase;
  let pgStore: PgStore;
  let servers: [TestServer, TestServer];

  before(async () => {
    sqlite = tempStore();
    database = await createTestDatabase();
    pgStore = await PgStore.open(database.url);
    await load(sqlite.store);
    await load(pgStore);
    servers = [await serve(sqlite.store), await serve(pgStore)];
  });
  after(async () => {
    for (const server of servers ?? []) await server.close();
    await sqlite?.cleanup();
    await pgStore?.close();
    await database?.drop();
  });

  const both = async (path: string): Promise<[string, string]> => {
    const [a, b] = await Promise.all(servers.map((s) => s.get(path)));
    assert.equal(a!.status, 200, `${path}: ${a!.text.slice(0, 200)}`);
    assert.equal(b!.status, a!.status, `${path}: ${b!.text.slice(0, 200)}`);
    return [a!.text, b!.text];
  };
  const sameJson = async (path: string) => {
    const [a, b] = await both(path);
    assert.deepEqual(comparable(JSON.parse(b)), comparable(JSON.parse(a)), path);
    return JSON.parse(a) as unknown;
  };

  test('every story’s figures, for the whole article, the lead and the body', async () => {
    const list = (await sameJson('/api/stories?per_page=100')) as {
      stories: { slug: string }[];
    };
    assert.ok(list.stories.length >= 1);
    if (existsSync(BASIL)) assert.equal(list.stories.length, 54);
    for (const { slug } of list.stories) {
      for (const part of ['all', 'lead', 'body']) {
        await sameJson(`/api/stories/${encodeURIComponent(slug)}?part=${part}`);
      }
    }
  });

  test('an article, the concordance and the segments export', async () => {
    await sameJson('/api/articles/1');
    for (const q of ['expectations', 'negotiat*', '"senior official"', 'the', 'talks China']) {
      await sameJson(`/api/search?q=${encodeURIComponent(q)}`);
    }
    const [a, b] = await both('/export/cue_hits.csv?story=blinken-in-beijing-june-2023');
    assert.equal(b, a);
  });
});

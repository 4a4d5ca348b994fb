// sentence_view (migration 003): every segment with its article, outlet, story and speaker,
// for people who query the database file directly.

import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { corpusStore } from '../helpers.js';
import type { TempStore } from '../helpers.js';

let temp: TempStore;
let db: Database.Database;
before(async () => {
  temp = await corpusStore();
  db = new Database(join(temp.dir, 'test.sqlite'), { readonly: true });
});
after(async () => {
  db.close();
  await temp.cleanup();
});

test('one row per segment, named by story, outlet and article, without joins', () => {
  const count = (sql: string) => (db.prepare(sql).pluck().get() as number) ?? 0;
  assert.equal(count('SELECT count(*) FROM sentence_view'), count('SELECT count(*) FROM segment'));
  const row = db
    .prepare(
      `SELECT story_title, outlet_name, article_title, kind, text, speaker_name, speaker_side
       FROM sentence_view WHERE speaker_name = 'Kurt Campbell' LIMIT 1`,
    )
    .get() as Record<string, unknown>;
  assert.equal(row.story_title, 'Blinken in Beijing, June 2023');
  assert.equal(row.speaker_side, 'us_gov');
  assert.equal(row.kind, 'body');
  // The same numbers the dashboard counts: sentences per outlet.
  const perOutlet = db
    .prepare(
      `SELECT outlet_name, count(*) AS n FROM sentence_view
       WHERE kind IN ('headline', 'body') GROUP BY outlet_name ORDER BY outlet_name`,
    )
    .all() as { outlet_name: string; n: number }[];
  assert.deepEqual(
    perOutlet.map((r) => r.outlet_name),
    ['CNN', 'ChinaFile', 'Florence Akano (blog)', 'The Daily Beast', 'The New York Times'],
  );
  assert.equal(
    perOutlet.reduce((sum, r) => sum + r.n, 0),
    count(`SELECT sum(sentence_count) FROM article`),
  );
});

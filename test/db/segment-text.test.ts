// Migration 007: segments read their text from the article's text through their offsets,
// keep their own copy only where SQLite's character counts and the UTF-16 offsets part
// (a character beyond U+FFFF before them), and the search indexes stay in step when
// analyses are replaced and articles deleted. A database from before the migration keeps
// every sentence's text.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { migrate } from '../../db/migrate.js';
import type { NewArticle } from '../../db/store.js';
import { projectPath } from '../../lib/project-paths.js';
import { tempStore } from '../helpers.js';
import type { TempStore } from '../helpers.js';

const analyzer = createAnalyzer();
// The emoji (two UTF-16 units, one SQLite character) shifts every later sentence.
const WIDE = `Trade talks resume 🤝 in Geneva

Negotiators from both sides met on Tuesday to discuss tariffs on steel. The envoy said the talks were constructive and would continue next week.`;
const PLAIN = `Envoys meet in Geneva

Negotiators met again on Wednesday. They discussed tariffs on aluminium and steel and agreed to meet once more.`;

function article(text: string, source: string): NewArticle {
  return {
    story: { title: 'Geneva talks' },
    outlet: { name: 'Reuters', kind: 'wire' },
    title: null,
    url: null,
    author: null,
    publishedDate: '2024-03-05',
    text,
    source,
    analysis: analyzer.analyze(text),
  };
}

/** FTS5's own check that an index holds exactly the tokens of its content (throws if not). */
function checkIndexes(db: Database.Database): void {
  for (const index of ['segment_search', 'segment_words']) {
    db.prepare(`INSERT INTO ${index} (${index}, rank) VALUES ('integrity-check', 1)`).run();
  }
}

describe('segment text read from the article', () => {
  let temp: TempStore;
  let db: Database.Database;
  let wideId: number;
  let plainId: number;
  before(async () => {
    temp = tempStore();
    const runId = (await temp.store.startRun(analyzer.info)).id;
    const results = await temp.store.addArticles(
      [article(WIDE, 'wide.txt'), article(PLAIN, 'plain.txt')],
      runId,
    );
    [wideId, plainId] = results.map((r) => (r.status === 'added' ? r.articleId : -1)) as [
      number,
      number,
    ];
    db = new Database(temp.store.file);
  });
  after(async () => {
    db?.close();
    await temp?.cleanup();
  });

  test('sentences are their article’s slices, by the store and in sentence_view', async () => {
    for (const [id, text] of [
      [wideId, WIDE],
      [plainId, PLAIN],
    ] as const) {
      const stored = await temp.store.getArticle(id);
      assert.ok(stored);
      assert.ok(stored.segments.length >= 3);
      const view = db
        .prepare('SELECT text FROM sentence_view WHERE article_id = ? ORDER BY position')
        .pluck()
        .all(id);
      assert.deepEqual(
        view,
        stored.segments.map((s) => s.text),
      );
      for (const s of stored.segments) assert.equal(s.text, text.slice(s.start, s.end));
    }
  });

  test('only sentences after a character beyond U+FFFF keep their own copy', () => {
    const own = db.prepare(
      'SELECT count(*) FROM segment WHERE article_id = ? AND own_text IS NOT NULL',
    );
    assert.equal(own.pluck().get(plainId), 0);
    assert.ok((own.pluck().get(wideId) as number) >= 2);
  });

  test('search finds and marks words after the wide character', async () => {
    const { rows } = await temp.store.searchSentences({
      terms: [{ text: 'constructive', prefix: false }],
      offset: 0,
      limit: 10,
    });
    assert.equal(rows.length, 1);
    const [row] = rows;
    assert.ok(row);
    assert.deepEqual(
      row.matches.map((m) => row.text.slice(m.start, m.end)),
      ['constructive'],
    );
  });

  test('replaced analyses and deleted articles leave the indexes exact', async () => {
    const runId = (await temp.store.startRun(analyzer.info)).id;
    await temp.store.replaceAnalysis(wideId, analyzer.analyze(WIDE), runId);
    checkIndexes(db);
    const count = async (word: string) =>
      (
        await temp.store.searchSentences({
          terms: [{ text: word, prefix: false }],
          offset: 0,
          limit: 10,
        })
      ).total;
    assert.equal(await count('tariffs'), 2);
    db.prepare('DELETE FROM article WHERE id = ?').run(plainId);
    checkIndexes(db);
    assert.equal(await count('tariffs'), 1);
    assert.equal(await count('aluminium'), 0);
  });

  test('an article’s text cannot change under its segments', () => {
    assert.throws(
      () => db.prepare('UPDATE article SET text = ? WHERE id = ?').run('Other words.', wideId),
      /article\.text cannot change/,
    );
  });
});

describe('migration 007 on a database that stored sentence texts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-migrate-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('keeps every sentence’s text and indexes it', () => {
    // The migrations before 007, as an older Parallax applied them.
    const old = join(dir, 'old-migrations');
    mkdirSync(old);
    for (const file of readdirSync(projectPath('db', 'migrations'))) {
      if (file < '007') copyFileSync(projectPath('db', 'migrations', file), join(old, file));
    }
    const db = new Database(join(dir, 'old.sqlite'));
    migrate(db, old);
    db.exec(`
      INSERT INTO outlet (id, slug, name) VALUES (1, 'reuters', 'Reuters');
      INSERT INTO story (id, slug, title) VALUES (1, 'geneva', 'Geneva');
      INSERT INTO analysis_run (id, started_at, analyzer_version, lexicon_hash)
        VALUES (1, '2024-03-05T00:00:00Z', '0.1.0', 'x');
      INSERT INTO article (id, story_id, outlet_id, text, content_hash, word_count,
        sentence_count, run_id, added_at)
        VALUES (1, 1, 1, 'Tariffs fell. Talks 🤝 resumed. Markets rose.', 'h', 6, 3, 1, '2024-03-05');`);
    const insert = db.prepare(`INSERT INTO segment (article_id, position, paragraph_index,
      sentence_index, kind, text, start_offset, end_offset, word_count)
      VALUES (1, ?, 0, ?, 'body', ?, ?, ?, 2)`);
    insert.run(0, 0, 'Tariffs fell.', 0, 13);
    insert.run(1, 1, 'Talks 🤝 resumed.', 14, 31);
    insert.run(2, 2, 'Markets rose.', 32, 45);
    migrate(db);
    assert.deepEqual(
      db
        .prepare(
          'SELECT text, own_text FROM sentence_view JOIN segment ON id = segment_id ORDER BY id',
        )
        .all(),
      [
        // Before the emoji, UTF-16 offsets count characters: the article gives the text.
        { text: 'Tariffs fell.', own_text: null },
        // From the emoji on they part: the sentence keeps its text.
        { text: 'Talks 🤝 resumed.', own_text: 'Talks 🤝 resumed.' },
        { text: 'Markets rose.', own_text: 'Markets rose.' },
      ],
    );
    checkIndexes(db);
    const found = db
      .prepare(`SELECT rowid FROM segment_search WHERE segment_search MATCH 'tariff'`)
      .pluck()
      .all();
    assert.deepEqual(found, [1]);
    db.close();
  });
});

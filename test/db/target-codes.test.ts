// Migration 013: sentence targets name their person by a target_name id, and the view
// segment_target reads them back with migration 005's columns. A database from before keeps
// every row; the store reuses ids across articles and forgets the ones a rolled-back article
// added.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { createAnalyzer } from '../../analysis/pipeline.js';
import type { ArticleAnalysis } from '../../analysis/types.js';
import { migrate } from '../../db/migrate.js';
import type { NewArticle } from '../../db/store.js';
import { projectPath } from '../../lib/project-paths.js';
import { tempStore } from '../helpers.js';
import type { TempStore } from '../helpers.js';

const analyzer = createAnalyzer();
const TEXT = `Council leader Anna Berg blasted the budget on Monday.

Berg said the plan was reckless. Mayor Tom Lind defended it, and Lind said Berg was wrong.`;

function article(text: string, source: string, analysis?: ArticleAnalysis): NewArticle {
  return {
    story: { title: 'Budget row' },
    outlet: { name: 'Reuters', kind: 'wire' },
    title: null,
    url: null,
    author: null,
    publishedDate: '2024-03-05',
    text,
    source,
    analysis: analysis ?? analyzer.analyze(text),
  };
}

const TARGET_COLUMNS = `id, segment_id, target, role, tone, weight, is_quoted, start_offset,
  end_offset`;

describe('migration 013 on a database that stored targets by name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-migrate-013-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('keeps every row, with its id, and the "about" lookup still finds them', () => {
    const old = join(dir, 'old-migrations');
    mkdirSync(old);
    for (const file of readdirSync(projectPath('db', 'migrations'))) {
      if (file < '013') copyFileSync(projectPath('db', 'migrations', file), join(old, file));
    }
    const db = new Database(join(dir, 'old.sqlite'));
    migrate(db, old);
    db.exec(`
      INSERT INTO outlet (id, slug, name) VALUES (1, 'reuters', 'Reuters');
      INSERT INTO story (id, slug, title) VALUES (1, 'budget', 'Budget');
      INSERT INTO analysis_run (id, started_at, analyzer_version, lexicon_hash)
        VALUES (1, '2024-03-05T00:00:00Z', '0.1.0', 'x');
      INSERT INTO article (id, story_id, outlet_id, text, content_hash, word_count,
        sentence_count, run_id, added_at)
        VALUES (1, 1, 1, 'Berg blasted Lind. Lind said Berg erred.', 'h', 7, 2, 1, '2024-03-05');
      INSERT INTO segment (id, article_id, position, paragraph_index, sentence_index, kind,
        start_offset, end_offset, word_count)
        VALUES (1, 1, 0, 0, 0, 'body', 0, 18, 3), (2, 1, 1, 0, 1, 'body', 19, 40, 4);
      INSERT INTO segment_target (id, segment_id, target, role, tone, weight, is_quoted,
        start_offset, end_offset) VALUES
        (4, 1, 'Anna Berg', 'subject', -1.5, 1, 0, 0, 4),
        (5, 1, 'Tom Lind', 'object', -1.5, 0.5, 0, 13, 17),
        (8, 2, 'Tom Lind', 'speaker', 0, 0, 0, NULL, NULL),
        (9, 2, 'Anna Berg', 'object', 0.25, 0.5, 1, 29, 33),
        (11, 2, '', 'pronoun', 0, 0.25, 0, 20, 22);
      INSERT INTO segment_search (segment_search) VALUES ('rebuild');
      INSERT INTO segment_words (segment_words) VALUES ('rebuild');`);
    const before = db.prepare(`SELECT ${TARGET_COLUMNS} FROM segment_target ORDER BY id`).all();
    migrate(db);
    assert.deepEqual(
      db.prepare(`SELECT ${TARGET_COLUMNS} FROM segment_target ORDER BY id`).all(),
      before,
    );
    // Three distinct names (the empty one included), stored once each.
    assert.equal(db.prepare('SELECT count(*) FROM target_name').pluck().get(), 3);
    assert.equal(
      db.prepare(`SELECT type FROM sqlite_master WHERE name = 'segment_target'`).pluck().get(),
      'view',
    );
    // The concordance's "about" filter (db/sqlite-search.ts), as it reads the view.
    const about = db
      .prepare(
        `SELECT DISTINCT segment_id FROM segment_target
         WHERE role <> 'speaker' AND target IN (SELECT value FROM json_each(?))
         ORDER BY segment_id`,
      )
      .pluck();
    assert.deepEqual(about.all('["Tom Lind"]'), [1]);
    assert.deepEqual(about.all('["Anna Berg"]'), [1, 2]);
    // Deleting a segment still takes its targets with it, through the table behind the view.
    db.exec('DELETE FROM segment WHERE id = 1');
    assert.deepEqual(
      db.prepare('SELECT id FROM segment_target ORDER BY id').pluck().all(),
      [8, 9, 11],
    );
    db.close();
  });
});

describe('target ids in the store', () => {
  let temp: TempStore;
  before(() => {
    temp = tempStore();
  });
  after(() => temp.cleanup());

  test('articles share one row per name, and each target reads back as analysed', async () => {
    const run = await temp.store.startRun(analyzer.info);
    const first = article(TEXT, 'a.txt');
    const second = article(`${TEXT}\n\nBerg and Lind will meet again on Friday.`, 'b.txt');
    const results = await temp.store.addArticles([first, second], run.id);
    assert.deepEqual(
      results.map((r) => r.status),
      ['added', 'added'],
    );
    const db = new Database(temp.store.file, { readonly: true });
    const stored = db
      .prepare(
        `SELECT t.target, t.role, t.tone, t.weight, t.is_quoted, t.start_offset AS start,
           t.end_offset AS end, s.position
         FROM segment_target t JOIN segment s ON s.id = t.segment_id
         WHERE s.article_id = ? ORDER BY t.id`,
      )
      .all(results[0]?.status === 'added' ? results[0].articleId : -1);
    const distinct = db
      .prepare('SELECT count(DISTINCT target) FROM segment_target')
      .pluck()
      .get() as number;
    const names = db.prepare('SELECT count(*) FROM target_name').pluck().get();
    db.close();
    const expected = first.analysis.segments.flatMap((s, position) =>
      s.targets.map((t) => ({
        target: first.analysis.targets[t.target],
        role: t.role,
        tone: t.tone,
        weight: t.weight,
        is_quoted: t.quoted ? 1 : 0,
        start: t.start,
        end: t.end,
        position,
      })),
    );
    assert.ok(expected.length >= 3, 'the text has targets');
    assert.deepEqual(stored, expected);
    assert.ok(distinct >= 2);
    assert.equal(names, distinct);
  });

  test('a name added by an article that failed is added again by the next one', async () => {
    const run = await temp.store.startRun(analyzer.info);
    const text = 'Envoy Ola Nordmann arrives\n\nNordmann met officials in Oslo and said little.';
    const good = analyzer.analyze(text);
    const target = {
      target: 0,
      role: 'subject' as const,
      tone: 0,
      weight: 1,
      quoted: false,
      start: 0,
      end: 4,
    };
    const segments = good.segments.map((s, i) => ({ ...s, targets: i === 0 ? [target] : [] }));
    // The first article adds the new name, then fails on a cue hit pointing at no segment:
    // its savepoint is rolled back, and with it the name's row.
    const hit = {
      segment: 999,
      lexicon: 'hedge',
      entry: 'may',
      category: 'epistemic',
      start: 0,
      end: 3,
      weight: 1,
      negated: false,
    };
    const broken: ArticleAnalysis = {
      ...good,
      segments,
      targets: ['Test Target Name'],
      cueHits: [hit],
    };
    const fixed: ArticleAnalysis = { ...good, segments, targets: ['Test Target Name'] };
    const results = await temp.store.addArticles(
      [article(text, 'broken.txt', broken), article(`${text} Really.`, 'fixed.txt', fixed)],
      run.id,
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['failed', 'added'],
    );
    const db = new Database(temp.store.file, { readonly: true });
    const rows = db
      .prepare(`SELECT target, role FROM segment_target WHERE target = 'Test Target Name'`)
      .all();
    db.close();
    assert.deepEqual(rows, [{ target: 'Test Target Name', role: 'subject' }]);
  });
});

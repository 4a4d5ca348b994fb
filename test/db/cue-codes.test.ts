// Migration 011: cue hits name their lexicon entry by a cue id, and the view cue_hit reads
// them back with migration 001's columns. A database from before keeps every hit; the
// store reuses cue ids across articles and forgets the ones a rolled-back article added.

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
const TEXT = `Envoys meet in Geneva amid tensions

Negotiators said the talks were constructive, but no breakthrough is expected. Analysts may
doubt that the two sides can stabilize ties, officials said.`;

function article(text: string, source: string, analysis?: ArticleAnalysis): NewArticle {
  return {
    story: { title: 'Geneva talks' },
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

const HIT_COLUMNS = `id, segment_id, lexicon, entry, category, start_offset, end_offset, weight,
  is_negated`;

describe('migration 011 on a database that stored cue hits with their strings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-migrate-011-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('keeps every hit, with its id, and the cue filters still find them', () => {
    const old = join(dir, 'old-migrations');
    mkdirSync(old);
    for (const file of readdirSync(projectPath('db', 'migrations'))) {
      if (file < '011') copyFileSync(projectPath('db', 'migrations', file), join(old, file));
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
        VALUES (1, 1, 1, 'Talks may stall. Talks were constructive.', 'h', 6, 2, 1, '2024-03-05');
      INSERT INTO speaker (id, article_id, position, name, side, is_anonymous)
        VALUES (1, 1, 0, 'An envoy', 'other', 1);
      INSERT INTO segment (id, article_id, position, paragraph_index, sentence_index, kind,
        start_offset, end_offset, word_count, speaker_id)
        VALUES (1, 1, 0, 0, 0, 'body', 0, 16, 3, NULL), (2, 1, 1, 0, 1, 'body', 17, 41, 3, 1);
      INSERT INTO cue_hit (id, segment_id, lexicon, entry, category, start_offset, end_offset,
        weight, is_negated) VALUES
        (7, 1, 'hedge', 'may', 'epistemic', 6, 9, 1, 0),
        (9, 2, 'tone', 'constructive', 'cooperation', 28, 40, 2, 0),
        (12, 2, 'hedge', 'may', 'epistemic', 6, 9, 1, 1);
      INSERT INTO segment_search (segment_search) VALUES ('rebuild');
      INSERT INTO segment_words (segment_words) VALUES ('rebuild');`);
    const before = db.prepare(`SELECT ${HIT_COLUMNS} FROM cue_hit ORDER BY id`).all();
    migrate(db);
    assert.deepEqual(db.prepare(`SELECT ${HIT_COLUMNS} FROM cue_hit ORDER BY id`).all(), before);
    // Two distinct entries, stored once each.
    assert.equal(db.prepare('SELECT count(*) FROM cue').pluck().get(), 2);
    const hedged = db
      .prepare(
        `SELECT DISTINCT segment_id FROM cue_hit WHERE lexicon = 'hedge' AND category = 'epistemic'
         ORDER BY segment_id`,
      )
      .pluck()
      .all();
    assert.deepEqual(hedged, [1, 2]);
    // Deleting a segment still takes its hits with it, through the table behind the view.
    db.exec('DELETE FROM segment WHERE id = 2');
    assert.deepEqual(db.prepare('SELECT id FROM cue_hit ORDER BY id').pluck().all(), [7]);
    // The speaker index is partial now; a speaker can still be deleted (foreign key lookup).
    db.exec('DELETE FROM speaker WHERE id = 1');
    db.close();
  });
});

describe('cue ids in the store', () => {
  let temp: TempStore;
  before(() => {
    temp = tempStore();
  });
  after(() => temp.cleanup());

  test('articles share one cue row per entry, and each hit reads back as analysed', async () => {
    const run = await temp.store.startRun(analyzer.info);
    const first = article(TEXT, 'a.txt');
    const second = article(`${TEXT}\n\nThe envoy said the talks may resume.`, 'b.txt');
    const results = await temp.store.addArticles([first, second], run.id);
    assert.deepEqual(
      results.map((r) => r.status),
      ['added', 'added'],
    );
    const db = new Database(temp.store.file, { readonly: true });
    const stored = db
      .prepare(
        `SELECT h.lexicon, h.entry, h.category, h.start_offset AS start, h.end_offset AS end
         FROM cue_hit h JOIN segment s ON s.id = h.segment_id
         WHERE s.article_id = ? ORDER BY h.id`,
      )
      .all(results[0]?.status === 'added' ? results[0].articleId : -1);
    const distinct = db
      .prepare('SELECT count(*) FROM (SELECT DISTINCT lexicon, entry, category FROM cue_hit)')
      .pluck()
      .get();
    const cues = db.prepare('SELECT count(*) FROM cue').pluck().get();
    db.close();
    assert.deepEqual(
      stored,
      first.analysis.cueHits.map((h) => ({
        lexicon: h.lexicon,
        entry: h.entry,
        category: h.category,
        start: h.start,
        end: h.end,
      })),
    );
    assert.equal(cues, distinct);
  });

  test('a cue added by an article that failed is added again by the next one', async () => {
    const run = await temp.store.startRun(analyzer.info);
    const text = 'Brand new envoy talks begin\n\nThe envoys met in Oslo and said little.';
    const good = analyzer.analyze(text);
    const cue = {
      segment: 0,
      lexicon: 'test-lexicon',
      entry: 'oslo',
      category: 'place',
      start: 0,
      end: 4,
      weight: 1,
      negated: false,
    };
    // The first article adds the new cue, then fails on a hit pointing at no segment: its
    // savepoint is rolled back, and with it the cue row.
    const broken: ArticleAnalysis = { ...good, cueHits: [cue, { ...cue, segment: 999 }] };
    const fixed: ArticleAnalysis = { ...good, cueHits: [cue] };
    const results = await temp.store.addArticles(
      [article(text, 'broken.txt', broken), article(`${text} Really.`, 'fixed.txt', fixed)],
      run.id,
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['failed', 'added'],
    );
    const db = new Database(temp.store.file, { readonly: true });
    const hits = db
      .prepare(`SELECT lexicon, entry, category FROM cue_hit WHERE lexicon = 'test-lexicon'`)
      .all();
    db.close();
    assert.deepEqual(hits, [{ lexicon: 'test-lexicon', entry: 'oslo', category: 'place' }]);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { MENTION_ROLES } from '../../analysis/vocabulary/targets.js';
import type { NewArticle } from '../../db/store.js';
import { tempStore } from '../helpers.js';
import type { TempStore } from '../helpers.js';

const analyzer = createAnalyzer();
const TEXT = `Blinken arrives in Beijing

Secretary of State Antony Blinken will arrive in Beijing on Sunday for a whirlwind diplomatic trip. He will meet Chinese Foreign Minister Qin Gang on Sunday.`;

function article(text = TEXT, source = 'test.txt'): NewArticle {
  return {
    story: { title: 'Blinken in Beijing' },
    outlet: { name: 'CNN', kind: 'broadcaster' },
    title: 'Blinken arrives in Beijing',
    url: 'https://example.com/a',
    author: null,
    publishedDate: '2023-06-17',
    text,
    source,
    analysis: analyzer.analyze(text),
  };
}

describe('SqliteStore', () => {
  let temp: TempStore;
  let runId: number;
  before(async () => {
    temp = tempStore();
    runId = (await temp.store.startRun(analyzer.info)).id;
  });
  after(() => temp.cleanup());

  test('stores an article with its segments and makes slugs for outlet and story', async () => {
    const [result] = await temp.store.addArticles([article()], runId);
    assert.equal(result?.status, 'added');
    const stories = await temp.store.listStories();
    assert.equal(stories.length, 1);
    assert.equal(stories[0]?.slug, 'blinken-in-beijing');
    assert.equal(stories[0]?.outlets[0]?.slug, 'cnn');
    const id = result?.status === 'added' ? result.articleId : -1;
    const stored = await temp.store.getArticle(id);
    assert.ok(stored);
    assert.equal(stored.segments.length, analyzer.analyze(TEXT).segments.length);
    for (const s of stored.segments) assert.equal(stored.text.slice(s.start, s.end), s.text);
    assert.equal(stored.run.id, runId);
  });

  test('the same text twice is one article', async () => {
    const [again] = await temp.store.addArticles([article(TEXT, 'copy.txt')], runId);
    assert.equal(again?.status, 'duplicate');
    assert.equal(await temp.store.countArticles(), 1);
  });

  test('a failing article is rolled back whole and the rest of the batch is stored', async () => {
    const broken = article('A different text about the talks in Beijing.', 'broken.txt');
    // A cue hit pointing at a segment that does not exist makes the insert fail midway,
    // after the article row and its segments were written inside the savepoint.
    broken.analysis.cueHits.push({
      segment: 999,
      lexicon: 'tone',
      entry: 'tensions',
      category: 'conflict',
      start: 0,
      end: 1,
      weight: -1,
      negated: false,
    });
    const good = article('Another text: the talks ended on Monday.', 'good.txt');
    const results = await temp.store.addArticles([broken, good], runId);
    assert.equal(results[0]?.status, 'failed');
    assert.equal(results[1]?.status, 'added');
    assert.equal(await temp.store.countArticles(), 2);
    const db = new Database(temp.store.file, { readonly: true });
    const orphans = db
      .prepare(`SELECT count(*) FROM segment WHERE article_id NOT IN (SELECT id FROM article)`)
      .pluck()
      .get();
    db.close();
    assert.equal(orphans, 0);
  });

  test('each sentence’s targets are stored with role and tone, within the roles the schema allows', async () => {
    const text =
      'Council leader Anna Berg was blasted over the budget on Monday.\n\nBerg said the plan was reckless.\n';
    const [result] = await temp.store.addArticles([article(text, 'berg.txt')], runId);
    assert.equal(result?.status, 'added');
    const db = new Database(temp.store.file, { readonly: true });
    const rows = db
      .prepare(
        `SELECT t.target, t.role, t.weight FROM segment_target t
         JOIN segment s ON s.id = t.segment_id
         WHERE s.article_id = ? ORDER BY s.position`,
      )
      .all(result?.status === 'added' ? result.articleId : -1) as {
      target: string;
      role: string;
    }[];
    const check = db
      .prepare(`SELECT sql FROM sqlite_master WHERE name = 'segment_target_row'`)
      .pluck()
      .get() as string;
    db.close();
    assert.deepEqual(
      rows.map((r) => [r.target, r.role]),
      [
        ['Anna Berg', 'subject'],
        ['Anna Berg', 'speaker'],
      ],
    );
    for (const role of MENTION_ROLES) assert.ok(check.includes(`'${role}'`), role);
  });

  test('the database opens in a plain SQLite reader with readable names', () => {
    const db = new Database(temp.store.file, { readonly: true });
    const tables = db
      // cue_hit is a view over cue and cue_hit_row since migration 011, segment_target one
      // over target_name and segment_target_row since 013: a reader sees both.
      .prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name`)
      .pluck()
      .all();
    db.close();
    for (const name of [
      'analysis_run',
      'article',
      'cue_hit',
      'outlet',
      'segment',
      'segment_target',
      'speaker',
      'story',
    ]) {
      assert.ok(tables.includes(name), `table ${name}`);
    }
  });
});

describe('outlet and story identity', () => {
  let temp: TempStore;
  before(() => {
    temp = tempStore();
  });
  after(() => temp.cleanup());

  function named(outlet: string, story: string, text: string): NewArticle {
    return { ...article(text, `${outlet}.txt`), outlet: { name: outlet }, story: { title: story } };
  }

  test('names in other scripts keep their own outlets and stories', async () => {
    const run = await temp.store.startRun(analyzer.info);
    await temp.store.addArticles(
      [
        named('新华社', '布林肯访华', 'Blinken met Wang Yi in Beijing on Monday.'),
        named('人民日报', '中美关系', 'Xi Jinping met Blinken on Monday afternoon.'),
        named('The New York Times', 'Blinken in Beijing', 'Blinken arrived on Sunday.'),
        named('the new york times', 'blinken-in-beijing', 'Blinken left on Monday evening.'),
      ],
      run.id,
    );
    const stories = await temp.store.listStories();
    assert.deepEqual(stories.map((s) => s.title).sort(), [
      'Blinken in Beijing',
      '中美关系',
      '布林肯访华',
    ]);
    const outlets = stories.flatMap((s) => s.outlets.map((o) => `${o.slug}:${o.articleCount}`));
    assert.deepEqual(outlets.sort(), ['the-new-york-times:2', '人民日报:1', '新华社:1']);
  });

  test('names that slug alike only by truncation stay apart', async () => {
    const run = await temp.store.startRun(analyzer.info);
    const long = 'A story with a very long title that goes on and on about the talks in Beijing';
    await temp.store.addArticles(
      [
        named('CNN', `${long}, part one`, 'The first part of a long story.'),
        named('CNN', `${long}, part two`, 'The second part of a long story.'),
        named('!!!', '???', 'Names without letters.'),
        named('***', '???', 'Other names without letters.'),
      ],
      run.id,
    );
    const titles = (await temp.store.listStories()).map((s) => s.title);
    assert.ok(titles.includes(`${long}, part one`) && titles.includes(`${long}, part two`));
    const punctuation = (await temp.store.listStories()).filter((s) => s.title === '???');
    assert.equal(punctuation.length, 1);
    assert.equal(punctuation[0]?.outlets.length, 2);
  });
});

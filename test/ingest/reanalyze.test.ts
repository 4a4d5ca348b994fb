import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createAnalyzer } from '../../analysis/pipeline.js';
import type { Analyzer } from '../../analysis/pipeline.js';
import { defaultLexiconDir } from '../../analysis/scoring/lexicon.js';
import { reanalyzeArticles } from '../../ingest/reanalyze.js';
import { corpusStore } from '../helpers.js';
import type { TempStore } from '../helpers.js';

const STORY = 'blinken-in-beijing-june-2023';

/** A copy of the shipped lexicons in which "tensions" is a cooperation word. */
function flippedLexicons(dir: string): string {
  const copy = join(dir, 'lexicons');
  cpSync(defaultLexiconDir(), copy, { recursive: true });
  const file = join(copy, 'diplomacy-tone.json');
  const lexicon = JSON.parse(readFileSync(file, 'utf8')) as {
    entries: { phrase: string; category: string; weight: number }[];
  };
  for (const entry of lexicon.entries) {
    if (entry.phrase === 'tensions') Object.assign(entry, { category: 'cooperation', weight: 3 });
  }
  writeFileSync(file, JSON.stringify(lexicon));
  return copy;
}

/** The "tensions" hits that are not negated or shifted ("defuse existing tensions" is positive). */
async function tensionsHits(temp: TempStore): Promise<{ category: string; weight: number }[]> {
  const hits = [];
  for (const { id } of await temp.store.articleTexts(STORY)) {
    const article = await temp.store.getArticle(id);
    for (const s of article?.segments ?? []) {
      hits.push(
        ...s.cueHits.filter((h) => h.lexicon === 'tone' && h.entry === 'tensions' && !h.negated),
      );
    }
  }
  return hits;
}

describe('re-analysis', () => {
  let temp: TempStore;
  before(async () => {
    temp = await corpusStore();
  });
  after(() => temp.cleanup());

  test('re-scores stored articles with another lexicon and stamps the new run', async () => {
    const before = await tensionsHits(temp);
    assert.ok(before.length > 0 && before.every((h) => h.weight < 0));
    const analyzer = createAnalyzer({ lexiconDir: flippedLexicons(temp.dir) });
    assert.notEqual(analyzer.info.lexiconHash, createAnalyzer().info.lexiconHash);
    const summary = await reanalyzeArticles(temp.store, analyzer, { story: STORY });
    assert.equal(summary.reanalyzed, 5);
    assert.deepEqual(summary.failed, []);
    const afterHits = await tensionsHits(temp);
    assert.equal(afterHits.length, before.length);
    assert.ok(afterHits.every((h) => h.category === 'cooperation' && h.weight > 0));
    const [first] = await temp.store.articleTexts(STORY);
    const article = await temp.store.getArticle(first?.id ?? 0);
    assert.equal(article?.run.id, summary.runId);
    assert.equal(article?.run.lexiconHash, analyzer.info.lexiconHash);
    assert.equal(article?.run.status, 'done');
  });

  test('an article whose analysis fails keeps its previous results whole', async () => {
    const articles = await temp.store.articleTexts(STORY);
    const victim = articles[2]!;
    const beforeVictim = await temp.store.getArticle(victim.id);
    const real = createAnalyzer();
    const failing: Analyzer = {
      ...real,
      analyze: (text, options) => {
        if (text === victim.text) throw new Error('lexicon exploded');
        return real.analyze(text, options);
      },
    };
    const summary = await reanalyzeArticles(temp.store, failing, { story: STORY });
    assert.equal(summary.reanalyzed, 4);
    assert.deepEqual(summary.failed, [{ articleId: victim.id, reason: 'lexicon exploded' }]);
    const afterVictim = await temp.store.getArticle(victim.id);
    assert.deepEqual(afterVictim?.segments, beforeVictim?.segments);
    assert.equal(afterVictim?.run.id, beforeVictim?.run.id);
    const other = await temp.store.getArticle(articles[0]!.id);
    assert.equal(other?.run.id, summary.runId);
    assert.equal(other?.run.status, 'failed');
  });

  test('a write that fails inside the swap leaves the previous results whole', async () => {
    const articles = await temp.store.articleTexts(STORY);
    const victim = articles[1]!;
    const before = await temp.store.getArticle(victim.id);
    const real = createAnalyzer();
    const broken: Analyzer = {
      ...real,
      analyze: (text, options) => {
        const analysis = real.analyze(text, options);
        if (text !== victim.text) return analysis;
        // Evidence pointing at a segment that does not exist fails after the old rows
        // were deleted and new ones written, inside the article's transaction.
        analysis.cueHits.push({ ...analysis.cueHits[0]!, segment: 9999 });
        return analysis;
      },
    };
    const summary = await reanalyzeArticles(temp.store, broken, { story: STORY });
    assert.equal(summary.failed.length, 1);
    assert.match(summary.failed[0]!.reason, /missing segment/);
    const after = await temp.store.getArticle(victim.id);
    assert.deepEqual(after?.segments, before?.segments);
    assert.deepEqual(after?.speakers, before?.speakers);
    assert.equal(after?.run.id, before?.run.id);
  });

  test('a malformed lexicon is refused before anything is touched, naming the file', () => {
    const dir = flippedLexicons(join(temp.dir, 'bad'));
    writeFileSync(
      join(dir, 'hedges.json'),
      '{"name": "hedges", "version": "1", "entries": [{"phrase": 3}]}',
    );
    assert.throws(() => createAnalyzer({ lexiconDir: dir }), /hedges\.json/);
  });
});

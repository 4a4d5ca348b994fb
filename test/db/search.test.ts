// The concordance's store query (searchSentences) on the bundled corpus: word, stem, phrase
// and prefix matching with match offsets, and every filter checked against the store's own
// story sentences under the comparison's definitions (analysis/comparison/compare.ts).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { leadFlags } from '../../analysis/comparison/compare.js';
import { createAnalyzer } from '../../analysis/pipeline.js';
import type { SentenceQuery, StorySentence } from '../../db/store.js';
import { corpusStore } from '../helpers.js';
import type { TempStore } from '../helpers.js';

const STORY = 'blinken-in-beijing-june-2023';

describe('searchSentences', () => {
  let temp: TempStore;
  let sentences: StorySentence[];
  before(async () => {
    temp = await corpusStore();
    sentences = await temp.store.storySentences(STORY);
  });
  after(async () => temp?.cleanup());

  const search = (query: Partial<SentenceQuery>) =>
    temp.store.searchSentences({ terms: [], offset: 0, limit: 10_000, ...query });
  const word = (text: string, prefix = false) => ({ terms: [{ text, prefix }] });
  const ids = async (query: Partial<SentenceQuery>) =>
    (await search(query)).rows.map((r) => r.segmentId).sort((a, b) => a - b);
  const expected = (keep: (s: StorySentence, i: number) => boolean) =>
    sentences
      .filter(keep)
      .map((s) => s.segmentId)
      .sort((a, b) => a - b);

  test('a word finds its sentences in several outlets, with the word marked', async () => {
    const { total, rows } = await search(word('balloon'));
    assert.equal(total, rows.length);
    assert.ok(total >= 5);
    assert.ok(new Set(rows.map((r) => r.outlet)).size >= 4, 'balloon appears in several outlets');
    for (const r of rows) {
      assert.ok(r.matches.length > 0);
      for (const m of r.matches) assert.match(r.text.slice(m.start, m.end), /^balloon/i);
    }
    assert.deepEqual(
      rows.map((r) => r.segmentId).sort((a, b) => a - b),
      expected((s) => /\bballoon/i.test(s.text)),
    );
  });

  test('words are stemmed: "tempered" finds "temper" and "tempered"', async () => {
    const found = await ids(word('tempered'));
    assert.deepEqual(
      found,
      expected((s) => /\btemper(s|ed|ing)?\b/i.test(s.text)),
    );
    assert.ok(found.length >= 2);
  });

  test('a phrase needs its words in order; plain words only all of them', async () => {
    const phrase = await search(word('spy balloon'));
    assert.ok(phrase.total > 0);
    for (const r of phrase.rows) assert.match(r.text, /spy balloon/i);
    const both = await ids({
      terms: [
        { text: 'spy', prefix: false },
        { text: 'balloon', prefix: false },
      ],
    });
    assert.ok(phrase.rows.every((r) => both.includes(r.segmentId)));
  });

  test('a trailing * matches by prefix', async () => {
    const found = await ids(word('negotiat', true));
    assert.deepEqual(
      found,
      expected((s) => /\bnegotiat/i.test(s.text)),
    );
    assert.ok(found.length > 0);
  });

  test('rows come in story, outlet, article, position order and page by offset', async () => {
    const all = await search({});
    assert.equal(
      all.total,
      sentences.length,
      'no query, no filter: every headline and body sentence',
    );
    const page2 = await temp.store.searchSentences({ terms: [], offset: 50, limit: 50 });
    assert.equal(page2.total, all.total);
    assert.deepEqual(
      page2.rows.map((r) => r.segmentId),
      all.rows.slice(50, 100).map((r) => r.segmentId),
    );
    const keys = all.rows.map((r) => [r.outletName, r.articleId, r.position] as const);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1], keys[i]];
      assert.ok(a && b);
      const order = a[0].localeCompare(b[0]) || a[1] - b[1] || a[2] - b[2];
      assert.ok(a[0] !== b[0] || order < 0, `row ${i} out of order`);
    }
    const beyond = await temp.store.searchSentences({ terms: [], offset: 10_000, limit: 50 });
    assert.deepEqual(beyond, { total: all.total, more: false, rows: [] });
  });

  test('each filter selects what the story comparison counts', async () => {
    const quoted = (s: StorySentence) => s.side !== null && s.quote !== null && s.quote !== 'none';
    const lead = leadFlags(sentences);
    const cases: [string, Partial<SentenceQuery>, (s: StorySentence, i: number) => boolean][] = [
      ['outlet', { outlet: 'cnn' }, (s) => s.outlet === 'cnn'],
      ['story', { story: STORY }, () => true],
      ['expectation', { expectation: 'lowers' }, (s) => s.expectation === 'lowers'],
      ['narrator side', { side: 'narrator' }, (s) => !quoted(s)],
      ['us_gov side', { side: 'us_gov' }, (s) => quoted(s) && s.side === 'us_gov'],
      ['quoted voice', { voice: 'quoted' }, quoted],
      ['narrator voice', { voice: 'narrator' }, (s) => !quoted(s)],
      ['anonymous', { anonymous: true }, (s) => quoted(s) && s.anonymous],
      ['speaker', { speaker: 'jacob stokes' }, (s) => quoted(s) && s.speaker === 'Jacob Stokes'],
      ['lead', { part: 'lead' }, (_, i) => lead[i] === true],
      ['body', { part: 'body' }, (_, i) => lead[i] === false],
      [
        'issue',
        { cues: [{ lexicon: 'issue', category: 'taiwan' }] },
        (s) => s.issues.includes('taiwan'),
      ],
      [
        'outlet + expectation',
        { outlet: 'the-daily-beast', expectation: 'raises' },
        (s) => s.outlet === 'the-daily-beast' && s.expectation === 'raises',
      ],
    ];
    for (const [name, query, keep] of cases) {
      const want = expected(keep);
      assert.ok(
        (want.length > 0 && want.length < sentences.length) || name === 'story',
        `${name} narrows`,
      );
      assert.deepEqual(await ids(query), want, name);
    }
  });

  test('a cue filter with or without a category', async () => {
    const any = await search({ cues: [{ lexicon: 'hedge', category: null }] });
    const epistemic = await search({ cues: [{ lexicon: 'hedge', category: 'epistemic' }] });
    assert.ok(epistemic.total > 0 && epistemic.total <= any.total);
    assert.ok(any.rows.every((r) => r.hedges > 0));
  });

  test('segment kinds other than headline and body only when asked', async () => {
    const bylines = await search({ kinds: ['byline'] });
    assert.ok(bylines.total > 0);
    assert.ok(bylines.rows.every((r) => r.kind === 'byline'));
    const defaults = await search({});
    assert.ok(defaults.rows.every((r) => r.kind === 'headline' || r.kind === 'body'));
  });

  test('FTS5 operators and stray quotes in terms are searched as words, never a syntax error', async () => {
    for (const text of ['"', '*', 'NEAR(', ')', '-', ':', 'a"b', 'AND OR NOT', '^x', '{x}']) {
      const result = await search(word(text));
      assert.equal(typeof result.total, 'number', text);
    }
    assert.equal((await search(word('-'))).total, 0, 'a term without letters matches nothing');
  });

  /** Every page in stored order, each read after the last one ended, and the results seen. */
  const everyPage = async (query: Partial<SentenceQuery>) => {
    const seen: number[] = [];
    const results = [];
    let after: number | undefined;
    for (let i = 0; i < 1000; i++) {
      const result = await search({
        limit: 4,
        ...query,
        ...(after !== undefined ? { after } : {}),
      });
      results.push(result);
      seen.push(...result.rows.map((r) => r.segmentId));
      const last = result.rows[result.rows.length - 1];
      after = result.next ?? (result.rows.length === 4 && last ? last.segmentId : undefined);
      if (after === undefined) return { seen, results };
    }
    throw new Error('the pages did not end');
  };

  test('past the count limit, pages read after the last one’s sentence find every match once, in stored order', async () => {
    const all = await ids(word('the'));
    assert.ok(all.length > 12, `${all.length} sentences with “the”`);
    const { seen, results } = await everyPage({ ...word('the'), countLimit: 3 });
    assert.deepEqual(seen, all);
    assert.ok(results.every((r) => r.more && r.total === 3 && r.scanned === undefined));
  });

  test('with words and a filter, the count stops at the scan limit and says so; the pages go on through every match', async () => {
    const exact = await search({ ...word('the'), outlet: 'cnn' });
    const withWord = (await search(word('the'))).total;
    assert.equal(exact.scanned, undefined, 'under the scan limit the count is exact');
    assert.ok(exact.total > 0 && exact.total < withWord);
    const scanLimit = Math.floor(withWord / 3);
    const first = await search({ ...word('the'), outlet: 'cnn', scanLimit, limit: 4 });
    assert.equal(first.scanned, scanLimit);
    assert.equal(first.more, false);
    // At least `total` match: the matches among the first scanLimit sentences with the word.
    const firstWithWord = (await ids(word('the'))).slice(0, scanLimit);
    const cnnIds = new Set(exact.rows.map((r) => r.segmentId));
    assert.equal(first.total, firstWithWord.filter((id) => cnnIds.has(id)).length);
    assert.ok(first.total <= exact.total);
    const { seen } = await everyPage({ ...word('the'), outlet: 'cnn', scanLimit });
    assert.deepEqual(
      seen,
      [...cnnIds].sort((a, b) => a - b),
    );
  });

  test('the index follows a re-analysis: old segments leave it, new ones enter it', async () => {
    const before = await search(word('balloon'));
    const articleId = before.rows[0]?.articleId;
    assert.ok(articleId !== undefined);
    const text = (await temp.store.articleTexts()).find((a) => a.id === articleId)?.text;
    assert.ok(text !== undefined);
    const run = await temp.store.startRun({
      analyzerVersion: 'test',
      lexiconHash: 'x',
      options: {},
    });
    await temp.store.replaceAnalysis(articleId, createAnalyzer().analyze(text), run.id);
    const after = await search(word('balloon'));
    assert.equal(after.total, before.total);
    assert.ok(after.rows.every((r) => r.text.toLowerCase().includes('balloon')));
  });
});

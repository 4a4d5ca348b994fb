import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afinnScore } from '../../../analysis/scoring/afinn.js';
import { tokenize } from '../../../analysis/segmentation/tokens.js';

const require = createRequire(import.meta.url);
const sentiment = require('wink-sentiment') as (text: string) => {
  normalizedScore: number;
  tokenizedPhrase?: { value: string; score?: number; negation?: boolean }[];
};

/** What wink-sentiment itself says of the tokens joined by spaces, in afinnScore's shape. */
function wink(text: string) {
  const result = sentiment(
    tokenize(text)
      .map((t) => t.text)
      .join(' '),
  );
  const scored = (result.tokenizedPhrase ?? [])
    .filter((t) => t.score !== undefined)
    .map((t) => ({ value: t.value, score: t.score, negation: !!t.negation }));
  return { normalizedScore: result.normalizedScore, scored };
}

const fast = (text: string) => afinnScore(tokenize(text));

test('gives wink-sentiment’s scores for news sentences', () => {
  for (const text of [
    'The stakes could not be higher for Secretary of State Antony Blinken’s visit to China this weekend.',
    'If a crisis erupted tomorrow, few would be surprised, and many would have predicted it.',
    "The meeting won't be productive if Chinese officials use it simply to blame the United States.",
    'The basic communication channels have atrophied substantially (this is the first visit in five years).',
    '“We are not naive,” she said. No breakthrough is expected.',
  ]) {
    assert.deepEqual(fast(text), wink(text), text);
  }
});

test('keeps wink’s time tokens that span two words, even inside a word', () => {
  // wink reads "2 am" in "2 amendments" as a time, leaving "endments": kept as wink does.
  for (const text of [
    'The talks end at 4 pm and lasted 3 hours.',
    'Congress passed 2 amendments, a good result.',
    'At 10 a.m. the mood was not good.',
  ]) {
    assert.deepEqual(fast(text), wink(text), text);
  }
});

test('hands a sentence with an emoji to wink whole', () => {
  for (const text of ['Great news 😊 for everyone', 'Not bad 👍🏽 at all']) {
    assert.deepEqual(fast(text), wink(text), text);
  }
});

test('words of letters only, in wink’s lists or not, in any case, score as wink does', () => {
  // Such words skip the chunk cache (afinn.ts, plainWord): capitals, negations before a
  // scored word, AFINN bigrams ("cool stuff") and unlisted words around them.
  for (const text of [
    'NOT GOOD at all, said the Minister',
    'The talks were Not Good and never great',
    'Cant stand it, dont like it, but some cool stuff came out with bad luck',
    'Beijing and Washington reached no agreement despite good faith',
    'Xi Jinping WELCOMED the Secretary with a Warm greeting',
  ]) {
    assert.deepEqual(fast(text), wink(text), text);
  }
});

test('scores an empty sentence as zero', () => {
  assert.deepEqual(fast(''), { normalizedScore: 0, scored: [] });
});

test('words that name Object.prototype properties get no score and break nothing', () => {
  for (const text of [
    'The constructor of the deal said talks were constructive.',
    'Use toString and hasOwnProperty to fail 😀 the talks.',
    'A {{constructor}} payload and __proto__ in a sentence.',
  ]) {
    const result = afinnScore(tokenize(text));
    assert.ok(Number.isFinite(result.normalizedScore), text);
  }
});

test('the chunk cache keeps no article text alive', () => {
  // A token is a slice of its article; a cached chunk must not keep the article with it.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const articles = 40;
  const articleChars = 500_000;
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < articles; i++) {
    // A word of 13 characters or more is the kind V8 stores as a pointer into its parent.
    const article = `Reconciliation${i} was welcome. ` + 'z'.repeat(articleChars);
    afinnScore(tokenize(article.slice(0, 40)));
  }
  gc();
  const kept = process.memoryUsage().heapUsed - before;
  // All forty articles are 20 MB; the chunks alone are a few kilobytes.
  assert.ok(kept < (articles * articleChars) / 4, `the heap kept ${kept} bytes`);
});

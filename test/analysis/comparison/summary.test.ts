import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CLAIM_MINIMUMS,
  summarizeOutlets,
  type SummaryFigures,
} from '../../../analysis/comparison/summary.js';

const none = { lowers: 0, raises: 0, hedged: 0 };

function outlet(name: string, overrides: Partial<SummaryFigures>): SummaryFigures {
  return {
    outlet: name,
    words: 1000,
    tone: { estimate: 0, low: -0.1, high: 0.1 },
    expectation: { narrator: none, quoted: none },
    speakerShare: { us_gov: 0.1, china_gov: 0.05, analyst: 0.05, other: 0 },
    sentences: 40,
    hedgesPer1000: 5,
    issuesPer1000: {},
    ...overrides,
  };
}

test('the clearly most negative outlet is called so; overlapping intervals say nothing', () => {
  const [a, b, c] = summarizeOutlets([
    outlet('A', { tone: { estimate: -0.5, low: -0.7, high: -0.3 } }),
    outlet('B', { tone: { estimate: -0.1, low: -0.3, high: 0.1 } }),
    outlet('C', { tone: { estimate: 0.0, low: -0.2, high: 0.2 } }),
  ]);
  assert.ok(a?.phrases.includes('most negative tone'));
  // B's mean is lowest of B and C but its CI holds C's mean: no tone claim.
  assert.ok(!b?.phrases.some((p) => p.includes('tone')));
  assert.ok(!c?.phrases.some((p) => p.includes('tone')));
});

test('lowering expectations: most, and in whose voice', () => {
  const [a, b] = summarizeOutlets([
    outlet('A', {
      expectation: { narrator: { ...none, lowers: 3 }, quoted: { ...none, lowers: 1 } },
    }),
    outlet('B', { expectation: { narrator: none, quoted: { ...none, lowers: 1 } } }),
  ]);
  assert.ok(a?.phrases.includes('lowers expectations most, chiefly in its own voice'), a?.line);
  assert.ok(!b?.phrases.some((p) => p.includes('lowers')));
});

test('a rate below 1.5× the next or resting on one event is no "most"', () => {
  const [a] = summarizeOutlets([
    outlet('A', { hedgesPer1000: 7 }),
    outlet('B', { hedgesPer1000: 5 }),
  ]);
  assert.ok(!a?.phrases.includes('hedges most'));
  const [c] = summarizeOutlets([
    outlet('C', { words: 500, expectation: { narrator: { ...none, raises: 2 }, quoted: none } }),
    outlet('D', {}),
  ]);
  // 2 per 1,000 words over 500 words is one sentence.
  assert.ok(!c?.phrases.some((p) => p.includes('raises')), c?.line);
});

test('"quotes no Chinese officials" only when another outlet quotes them', () => {
  const [a, b] = summarizeOutlets([
    outlet('A', { speakerShare: { us_gov: 0.2, china_gov: 0, analyst: 0.05, other: 0 } }),
    outlet('B', { speakerShare: { us_gov: 0.2, china_gov: 0.1, analyst: 0.05, other: 0 } }),
  ]);
  assert.ok(a?.phrases.includes('quotes no Chinese officials'), a?.line);
  assert.ok(b?.phrases.includes('quotes Chinese officials most'), b?.line);
});

test('a side a few stray sentences of a big story quote is no "quotes no" and no "most"', () => {
  // A story of thousands of articles: one outlet quotes Chinese officials in 4 of its 20,000
  // sentences (0.02%), the others in none. Nobody's line may turn on those four.
  const big = { words: 400_000, sentences: 20_000 };
  const [a, b] = summarizeOutlets([
    outlet('A', { ...big, speakerShare: { us_gov: 0.2, china_gov: 0, analyst: 0.05, other: 0 } }),
    outlet('B', {
      ...big,
      speakerShare: { us_gov: 0.2, china_gov: 4 / 20_000, analyst: 0.05, other: 0 },
    }),
  ]);
  assert.ok(!a?.phrases.some((p) => p.includes('Chinese officials')), a?.line);
  assert.ok(!b?.phrases.some((p) => p.includes('Chinese officials')), b?.line);
  // At one sentence in 50 the same counts are a presence again.
  const [c, d] = summarizeOutlets([
    outlet('C', { speakerShare: { us_gov: 0.2, china_gov: 0, analyst: 0.05, other: 0 } }),
    outlet('D', { speakerShare: { us_gov: 0.2, china_gov: 3 / 40, analyst: 0.05, other: 0 } }),
  ]);
  assert.ok(c?.phrases.includes('quotes no Chinese officials'), c?.line);
  assert.ok(d?.phrases.includes('quotes Chinese officials most'), d?.line);
});

test('the standout issue is named by its label', () => {
  const [a] = summarizeOutlets(
    [
      outlet('A', { issuesPer1000: { taiwan: 6, trade: 2 } }),
      outlet('B', { issuesPer1000: { taiwan: 1, trade: 2 } }),
    ],
    { taiwan: 'Taiwan' },
  );
  assert.ok(a?.phrases.includes('stresses the issue “Taiwan” most'), a?.line);
});

test('one outlet alone, or no difference, gives a plain line', () => {
  const [only] = summarizeOutlets([outlet('A', {})]);
  assert.equal(only?.line, 'no clear difference from the other outlets');
  const [a] = summarizeOutlets([outlet('A', {}), outlet('B', {})]);
  assert.equal(a?.phrases.length, 0);
});

test("an outlet below the sample minimum gets no claim, says why, and is nobody's rival", () => {
  // 2 hedge words in 54 words is 37 per 1,000: the lead-paragraph case that said "hedges most".
  const [tiny, a, b] = summarizeOutlets([
    outlet('Tiny', { words: 54, sentences: 3, hedgesPer1000: 37 }),
    outlet('A', { hedgesPer1000: 9 }),
    outlet('B', { hedgesPer1000: 5 }),
  ]);
  assert.deepEqual(tiny?.phrases, []);
  assert.match(
    tiny?.line ?? '',
    /too little text to compare \(54 words, 3 sentences; a claim needs 300 words/,
  );
  // Without Tiny's rate in the way, A's 9 against B's 5 is "most" (≥ 1.5×, 9 events).
  assert.ok(a?.phrases.includes('hedges most'), a?.line);
  assert.ok(!b?.phrases.includes('hedges most'));
  const [c] = summarizeOutlets([outlet('C', {}), outlet('D', { words: 100 })]);
  assert.equal(c?.line, 'no other outlet has enough text to compare with');
});

test('the stated minimums are what the rules apply', () => {
  assert.deepEqual(CLAIM_MINIMUMS, {
    words: 300,
    sentences: 10,
    events: 3,
    ratio: 1.5,
    sideShare: 0.02,
  });
  const [a] = summarizeOutlets([
    outlet('A', { words: 299, hedgesPer1000: 50 }),
    outlet('B', { hedgesPer1000: 1 }),
  ]);
  assert.deepEqual(a?.phrases, []);
});

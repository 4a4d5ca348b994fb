import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ComparedSentence } from '../../../analysis/comparison/compare.js';
import {
  compareOutlets,
  leadFlags,
  outletComparison,
  selectPart,
  sentencesByOutlet,
} from '../../../analysis/comparison/compare.js';

function sentence(over: Partial<ComparedSentence>): ComparedSentence {
  return {
    articleId: 1,
    outlet: 'cnn',
    position: 0,
    paragraph: 0,
    kind: 'body',
    words: 10,
    tone: 0,
    expectation: 'none',
    hedges: 0,
    boosters: 0,
    quote: 'none',
    speaker: null,
    side: null,
    anonymous: false,
    issues: [],
    ...over,
  };
}

// A four-sentence article: a headline, a lead paragraph of two sentences, one more paragraph.
const article = [
  sentence({ position: 0, paragraph: 0, kind: 'headline', words: 8, tone: -1 }),
  sentence({
    position: 1,
    paragraph: 1,
    expectation: 'lowers',
    hedges: 2,
    tone: -2,
    issues: ['taiwan'],
  }),
  sentence({
    position: 2,
    paragraph: 1,
    expectation: 'lowers',
    quote: 'direct',
    speaker: 'Kurt Campbell',
    side: 'us_gov',
    tone: 1,
  }),
  sentence({
    position: 3,
    paragraph: 3,
    words: 12,
    expectation: 'raises',
    quote: 'indirect',
    speaker: 'U.S. officials',
    side: 'us_gov',
    anonymous: true,
    boosters: 1,
    tone: 2,
    issues: ['taiwan', 'trade', 'trade'],
  }),
];

test('the lead is the headline plus the first body paragraph', () => {
  assert.deepEqual(leadFlags(article), [true, true, true, false]);
  assert.deepEqual(
    selectPart(article, 'body').map((s) => s.position),
    [3],
  );
});

test('rates are per 1,000 words and split by who sets the expectation; issues count sentences', () => {
  const f = outletComparison('cnn', article, { replicates: 200 });
  assert.equal(f.words, 40);
  assert.equal(f.sentences, 4);
  assert.equal(f.expectation.lowers.count, 2);
  assert.equal(f.expectation.lowers.per1000, 50);
  assert.equal(f.expectation.lowers.byVoice.narrator.count, 1);
  assert.equal(f.expectation.lowers.byVoice.quoted.count, 1);
  assert.equal(f.expectation.raises.byVoice.quoted.per1000, 25);
  assert.equal(f.hedges.per1000, 50);
  assert.equal(f.boosters.count, 1);
  assert.deepEqual(f.issues, {
    taiwan: { count: 2, per1000: 50 },
    trade: { count: 1, per1000: 25 },
  });
});

test('voices count narrator and quoted sentences by side, anonymous sources apart', () => {
  const f = outletComparison('cnn', article, { replicates: 200 });
  assert.equal(f.voices.narrator?.count, 2);
  assert.equal(f.voices.us_gov?.count, 2);
  assert.equal(f.voices.us_gov?.share, 0.5);
  assert.equal(f.anonymous.count, 1);
  assert.deepEqual(
    f.topSpeakers.map((s) => s.name),
    ['Kurt Campbell', 'U.S. officials'],
  );
  assert.equal(f.tone?.estimate, 0);
  assert.equal(f.toneByVoice.narrator?.estimate, -1.5);
  assert.equal(f.toneByVoice.quoted?.estimate, 1.5);
  // One article: the interval resamples its sentences and brackets the mean.
  assert.equal(f.tone?.method, 'sentences');
  assert.ok((f.tone?.low ?? 0) < 0 && (f.tone?.high ?? 0) > 0);
});

test('outlets are compared on their own sentences, grouped in one pass in reading order', () => {
  const mixed = [
    sentence({ outlet: 'cnn', articleId: 1, position: 0, tone: 1 }),
    sentence({ outlet: 'fox', articleId: 2, position: 0, tone: -1, words: 4 }),
    sentence({ outlet: 'cnn', articleId: 1, position: 1, tone: 2, expectation: 'raises' }),
    sentence({ outlet: 'fox', articleId: 3, position: 0, tone: -2 }),
    sentence({ outlet: 'cnn', articleId: 4, position: 0, tone: 0, hedges: 1 }),
  ];
  const groups = sentencesByOutlet(mixed);
  assert.deepEqual([...groups.keys()], ['cnn', 'fox']);
  assert.deepEqual(groups.get('cnn'), [mixed[0], mixed[2], mixed[4]]);
  assert.deepEqual(groups.get('fox'), [mixed[1], mixed[3]]);
  // In the order asked for, an outlet without sentences included: as one filter per outlet.
  const outlets = ['fox', 'none', 'cnn'];
  assert.deepEqual(
    compareOutlets(outlets, mixed, { replicates: 200 }),
    outlets.map((o) =>
      outletComparison(
        o,
        mixed.filter((s) => s.outlet === o),
        { replicates: 200 },
      ),
    ),
  );
});

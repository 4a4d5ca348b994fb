import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distinctiveTerms, logOddsZ } from '../../../analysis/comparison/keyness.js';
import { contentTerms } from '../../../analysis/comparison/terms.js';

const close = (actual: number, expected: number, eps = 1e-9): void =>
  assert.ok(Math.abs(actual - expected) < eps, `${actual} ≠ ${expected}`);

// Outlet A: balloon ×2, talk ×1; outlet B: talk ×2, trade ×1. Pooled: balloon 2, talk 3,
// trade 1, total 6; default α0 = 6, so α_w = the pooled count.
const corpus = [
  { outlet: 'A', text: 'Balloon, balloon talks.' },
  { outlet: 'B', text: 'Talks, talks trade.' },
];

test('δ and z match the hand-computed Fightin’ Words values', () => {
  const [a, b] = distinctiveTerms(corpus);
  assert.equal(a?.outlet, 'A');
  const balloon = a?.terms[0];
  assert.equal(balloon?.stem, 'balloon');
  assert.equal(balloon?.word, 'balloon');
  assert.equal(balloon?.count, 2);
  assert.equal(balloon?.otherCount, 0);
  // A, balloon: y_i = 2, n_i = 3, y_j = 0, n_j = 3, α_w = 2:
  // δ = ln(4 / (3 + 6 − 2 − 2)) − ln(2 / (3 + 6 − 0 − 2)) = ln(4/5) − ln(2/7) = 1.029619
  // Var = 1/4 + 1/2 = 0.75, z = 1.029619 / 0.866025 = 1.188902
  close(balloon!.delta, 1.0296194171811581);
  close(balloon!.z, 1.188902095, 1e-8);
  // B, talk: y_i = 2, y_j = 1, α_w = 3: δ = ln(5/4) − ln(4/5) = 0.446287,
  // Var = 1/5 + 1/4 = 0.45, z = 0.665387
  const talk = b?.terms.find((t) => t.stem === 'talk');
  close(talk!.delta, 2 * Math.log(1.25));
  close(talk!.z, (2 * Math.log(1.25)) / Math.sqrt(0.45));
});

test('terms below the minimum count or used less than the rest are not listed', () => {
  const [a, b] = distinctiveTerms(corpus);
  assert.deepEqual(
    a?.terms.map((t) => t.stem),
    ['balloon'],
  ); // talk: 1 use < minCount 2
  assert.deepEqual(
    b?.terms.map((t) => t.stem),
    ['talk'],
  ); // trade: 1 use
  assert.equal(distinctiveTerms(corpus, { minCount: 1 })[1]?.terms.length, 2);
});

test('the shown word is the most frequent surface form of the stem', () => {
  const [a] = distinctiveTerms([
    { outlet: 'A', text: 'Officials met. The officials talked, the official said.' },
    { outlet: 'B', text: 'Trade rose.' },
  ]);
  assert.equal(a?.terms.find((t) => t.stem === 'offici')?.word, 'officials');
});

test('logOddsZ is symmetric: swapping the groups flips the sign', () => {
  const ab = logOddsZ(5, 100, 1, 80, 0.3, 10);
  const ba = logOddsZ(1, 80, 5, 100, 0.3, 10);
  close(ab.delta, -ba.delta);
  close(ab.z, -ba.z);
});

test('a stem written several ways shows its most frequent form, counted over every outlet', () => {
  // "Tariffs" (capitalised, sentence-initial) twice, "tariffs" three times: the lower-case
  // form is shown; the count is the outlet's own.
  const result = distinctiveTerms(
    [
      { outlet: 'A', text: 'Tariffs rose. Tariffs rose again. New tariffs.' },
      { outlet: 'B', text: 'The tariffs and the tariffs. Talks stalled.' },
      { outlet: 'B', text: 'Talks stalled again.' },
    ],
    { minCount: 2, alpha0: 1 },
  );
  const a = result.find((r) => r.outlet === 'A')!;
  const tariff = a.terms.find((t) => t.stem === 'tariff')!;
  assert.equal(tariff.word, 'tariffs');
  assert.equal(tariff.count, 3);
  assert.equal(tariff.otherCount, 2);
  assert.equal(a.tokens, 6);
});

test('a link card glued into a sentence gives no terms: its headlines are not the sentence’s words', () => {
  // The shape of The Hill's hover cards (invented name and headlines), as in link-cards.test.ts.
  const carded =
    "Sen. Jane Doe Janet (Jane) Q. DoeWhat's next? Budget talks stall: 'A hard week' Doe backs farm bill MORE (D-Ore.) said the vote would wait.";
  const plain = 'Sen. Jane Doe (D-Ore.) said the vote would wait.';
  const stems = (text: string) => contentTerms(text).map((t) => t.stem);
  assert.deepEqual(stems(carded), stems(plain));
  assert.ok(!stems(carded).includes('budget'));
  // Each outlet's distinctive words are counted the same way.
  const story = [
    ...Array.from({ length: 6 }, () => ({ outlet: 'hill', text: carded })),
    ...Array.from({ length: 6 }, () => ({
      outlet: 'other',
      text: 'The farm bill vote was delayed.',
    })),
  ];
  const hill = distinctiveTerms(story, { top: 8 }).find((o) => o.outlet === 'hill');
  assert.ok(hill && !hill.terms.some((t) => ['budget', 'stall', 'janet'].includes(t.stem)));
});

test('a long run of digits is an id left in scraped text, not a word', () => {
  const stems = (text: string) => contentTerms(text).map((t) => t.stem);
  assert.deepEqual(stems('Photo 1155968404 shows the 2019 talks'), [
    'photo',
    'show',
    '2019',
    'talk',
  ]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  benjaminiHochberg,
  bootstrapMeanCI,
  boundsWithoutEachGroup,
  rememberingIntervals,
  mulberry32,
  normalTwoSidedP,
  quantile,
  summarize,
} from '../../../analysis/comparison/stats.js';

const close = (actual: number, expected: number, eps = 1e-9): void =>
  assert.ok(Math.abs(actual - expected) < eps, `${actual} ≠ ${expected}`);

test('mulberry32 with seed 1 gives the reference sequence', () => {
  // The same values from an independent Python port of the algorithm.
  const random = mulberry32(1);
  close(random(), 0.6270739405881613);
  close(random(), 0.002735721180215478);
  close(random(), 0.5274470399599522);
});

test('a fixed seed gives the same interval twice; another seed may not', () => {
  const articles = [
    [0.1, -0.3, 0.2],
    [0.5, 0.4],
    [-0.2, -0.6, 0.0, 0.3],
  ];
  const a = bootstrapMeanCI(articles, { seed: 7 });
  const b = bootstrapMeanCI(articles, { seed: 7 });
  assert.deepEqual(a, b);
});

test('one replicate resamples whole articles: seed 1 draws articles 1, 0, 1', () => {
  // Draw indices floor(3 · u) for u = 0.627, 0.0027, 0.527 → [4,5], [1,2,3], [4,5]:
  // pooled mean (9 + 6 + 9) / (2 + 3 + 2) = 24/7.
  const ci = bootstrapMeanCI([[1, 2, 3], [4, 5], [10]], { seed: 1, replicates: 1 });
  assert.ok(ci);
  close(ci.low, 24 / 7);
  close(ci.high, 24 / 7);
  close(ci.estimate, 25 / 6);
  assert.equal(ci.method, 'articles');
  assert.equal(ci.articles, 3);
});

test('the interval of a constant sample is degenerate', () => {
  const ci = bootstrapMeanCI([[0.25, 0.25], [0.25]]);
  assert.ok(ci);
  assert.equal(ci.low, 0.25);
  assert.equal(ci.high, 0.25);
});

test('an outlet with one article is resampled by sentence and says so', () => {
  const ci = bootstrapMeanCI([[1, 2, 3, 4, 5, 6, 7, 8]]);
  assert.ok(ci);
  assert.equal(ci.method, 'sentences');
  assert.ok(ci.low < 4.5 && ci.high > 4.5 && ci.low >= 1 && ci.high <= 8);
});

test('no sentences gives no interval; one sentence gives a point', () => {
  assert.equal(bootstrapMeanCI([[], []]), null);
  const one = bootstrapMeanCI([[], [0.4]]);
  assert.equal(one?.method, 'none');
  assert.equal(one?.low, 0.4);
});

test('quantiles interpolate like R type 7', () => {
  close(quantile([1, 2, 3, 4], 0.25), 1.75);
  close(quantile([4, 1, 3, 2], 0.5), 2.5);
  close(quantile([5], 0.9), 5);
});

test('summarize gives the five numbers and the mean', () => {
  assert.deepEqual(summarize([3, 1, 2, 10]), {
    n: 4,
    mean: 4,
    median: 2.5,
    q1: 1.75,
    q3: 4.75,
    min: 1,
    max: 10,
  });
  assert.equal(summarize([]).n, 0);
});

test('Benjamini–Hochberg on a hand-computed list', () => {
  // Sorted 0.005, 0.01, 0.03, 0.04 with m = 4: raw 0.02, 0.02, 0.04, 0.04; monotone already.
  const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
  [0.02, 0.04, 0.04, 0.02].forEach((expected, i) => close(q[i]!, expected));
  // A step-up case: 0.01, 0.02 with m = 2 → min(2·0.01, 0.02) = 0.02 for both.
  const r = benjaminiHochberg([0.02, 0.01]);
  close(r[0]!, 0.02);
  close(r[1]!, 0.02);
});

test('normal two-sided p at z = 1.96 is 0.05', () => {
  close(normalTwoSidedP(1.96), 0.05, 1e-4);
  close(normalTwoSidedP(0), 1, 1e-6);
});

test('intervals remembered while a story computes are the intervals computed afresh', async () => {
  const articles = [[1, -0.5, 2], [0.25, -3], [1.5], [-0, 0.75]];
  const afresh = bootstrapMeanCI(articles, { replicates: 500, seed: 7 });
  await rememberingIntervals(async () => {
    const first = bootstrapMeanCI(articles, { replicates: 500, seed: 7 });
    const again = bootstrapMeanCI(articles, { replicates: 500, seed: 7 });
    assert.deepEqual(first, afresh);
    assert.deepEqual(again, afresh);
    // Another seed, another interval; a copy is returned, so a caller's change stays its own.
    assert.notDeepEqual(bootstrapMeanCI(articles, { replicates: 500, seed: 8 }), afresh);
    again!.low = 99;
    assert.deepEqual(bootstrapMeanCI(articles, { replicates: 500, seed: 7 }), afresh);
    assert.equal(bootstrapMeanCI([[]]), null);
  });
});

test('remembered intervals tell apart how the same values fall into articles', async () => {
  const split = [
    [1, 2],
    [3, -1],
  ];
  const moved = [[1], [2, 3, -1]];
  const zero = [
    [1, 2],
    [3, 0],
  ];
  const afresh = [split, moved, zero].map((a) => bootstrapMeanCI(a, { replicates: 300, seed: 3 }));
  await rememberingIntervals(async () => {
    for (let round = 0; round < 2; round++) {
      assert.deepEqual(
        [split, moved, zero].map((a) => bootstrapMeanCI(a, { replicates: 300, seed: 3 })),
        afresh,
      );
    }
    assert.notDeepEqual(afresh[0], afresh[1]);
  });
});

/** bootstrapMeanCI's articles interval as one loop per replicate (before draws were summed four at a time). */
function oneAtATime(articles: number[][], replicates: number, seed: number) {
  const random = mulberry32(seed);
  const sums = articles.map((a) => a.reduce((s, v) => s + v, 0));
  const counts = articles.map((a) => a.length);
  const draws: number[] = [];
  for (let r = 0; r < replicates; r++) {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < articles.length; i++) {
      const unit = Math.floor(random() * articles.length);
      sum += sums[unit]!;
      count += counts[unit]!;
    }
    draws.push(sum / count);
  }
  const sorted = Float64Array.from(draws).sort();
  const tail = (1 - 0.95) / 2;
  return { low: quantile([...sorted], tail), high: quantile([...sorted], 1 - tail) };
}

/** Articles of 1–9 sentences of tones in [-1, 1), from a seeded source. */
function syntheticArticles(count: number, seed: number): number[][] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, (_, a) =>
    Array.from({ length: 1 + Math.floor(random() * 9) }, () => random() * 2 - 1 + (a % 7) / 10),
  );
}

test('draws summed four replicates at a time give the bounds of one at a time, to the bit', () => {
  for (const [count, replicates] of [
    [2, 2000],
    [37, 2001],
    [120, 7],
    [5, 3],
  ] as const) {
    const articles = syntheticArticles(count, count);
    const ci = bootstrapMeanCI(articles, { replicates, seed: 11 })!;
    const reference = oneAtATime(articles, replicates, 11);
    assert.equal(ci.low, reference.low, `${count} articles, ${replicates} replicates`);
    assert.equal(ci.high, reference.high);
  }
});

test('bounds without each group: close to resampling each rest apart, the same estimate', () => {
  const articles = syntheticArticles(400, 3);
  // 13 groups of very different sizes, as a story's outlets.
  const groupOf = Int32Array.from(articles, (_, a) => (a < 150 ? 0 : a < 250 ? 1 : a % 13));
  const sums = Float64Array.from(articles, (a) => a.reduce((s, v) => s + v, 0));
  const counts = Float64Array.from(articles, (a) => a.length);
  const bounds = boundsWithoutEachGroup(groupOf, sums, counts, 13);
  assert.equal(bounds.length, 14);
  for (let g = 0; g <= 13; g++) {
    const rest = articles.filter((_, a) => groupOf[a] !== g);
    const apart = bootstrapMeanCI(rest)!;
    const shared = bounds[g]!;
    const width = apart.high - apart.low;
    assert.ok(Math.abs(shared.low - apart.low) < 0.1 * width, `group ${g} low`);
    assert.ok(Math.abs(shared.high - apart.high) < 0.1 * width, `group ${g} high`);
    assert.ok(shared.low < apart.estimate && apart.estimate < shared.high);
  }
  // The same answer again: seeded, and one group's bounds do not depend on the others'.
  assert.deepEqual(boundsWithoutEachGroup(groupOf, sums, counts, 13), bounds);
  const twoGroups = Int32Array.from(groupOf, (g) => (g === 0 ? 0 : 1));
  assert.deepEqual(boundsWithoutEachGroup(twoGroups, sums, counts, 2)[0], bounds[0]);
});

test('bounds without some groups only: the same bits, the other groups not drawn', () => {
  const articles = syntheticArticles(300, 5);
  const groupOf = Int32Array.from(articles, (_, a) => (a < 200 ? 0 : a % 40));
  const sums = Float64Array.from(articles, (a) => a.reduce((s, v) => s + v, 0));
  const counts = Float64Array.from(articles, (a) => a.length);
  const every = boundsWithoutEachGroup(groupOf, sums, counts, 40);
  // One outlet's row of a story of many outlets draws only its own rest.
  for (const only of [[7], [0], [40], [3, 0, 40]]) {
    const some = boundsWithoutEachGroup(groupOf, sums, counts, 40, {}, only);
    for (let g = 0; g <= 40; g++) {
      if (only.includes(g)) assert.deepEqual(some[g], every[g], `group ${g} of ${only}`);
      else assert.equal(some[g], undefined, `group ${g} not asked (${only})`);
    }
  }
});

test('bounds without a group that leaves fewer than two articles are null', () => {
  const groupOf = Int32Array.from([0, 0, 0, 1]);
  const sums = Float64Array.from([1, 2, 3, 4]);
  const counts = Float64Array.from([1, 1, 1, 1]);
  const bounds = boundsWithoutEachGroup(groupOf, sums, counts, 2);
  assert.equal(bounds[0], null, 'one article left');
  assert.notEqual(bounds[1], null);
  assert.notEqual(bounds[2], null);
});

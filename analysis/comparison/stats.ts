// Statistics for comparing outlets: a seeded random source, quantiles, the article-
// clustered bootstrap confidence interval of a mean, Benjamini–Hochberg adjustment and
// the five-number summary behind box and strip charts. Pure functions over numbers; it
// deliberately knows nothing about tone, outlets or the store (callers pass plain arrays).

import { createHash } from 'node:crypto';

/**
 * mulberry32: a small, fast 32-bit generator with good enough statistical quality for
 * resampling. The same seed always gives the same sequence, so every CI on a page can be
 * reproduced exactly. Returns numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + MULBERRY_STEP) >>> 0;
    return mulberryNumber(state);
  };
}

/** mulberry32's step: its state after t numbers is the seed plus t times this (mod 2^32). */
const MULBERRY_STEP = 0x6d2b79f5;

/** mulberry32's number in [0, 1) for a state (after the step). */
function mulberryNumber(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * The p-quantile of an ascending-sorted sample by linear interpolation between order
 * statistics (Hyndman & Fan type 7, the default of R and numpy), so numbers match what a
 * researcher gets from `quantile(x, p)` in R.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (p <= 0) return sorted[0]!;
  if (p >= 1) return sorted[n - 1]!;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  const above = sorted[Math.min(lo + 1, n - 1)]!;
  return below + (h - lo) * (above - below);
}

/** The p-quantile of an unsorted sample (type 7). */
export function quantile(values: readonly number[], p: number): number {
  return quantileSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
}

/** What a box or strip chart needs about one distribution. */
export interface DistributionSummary {
  n: number;
  mean: number;
  median: number;
  /** First and third quartiles (type 7). */
  q1: number;
  q3: number;
  min: number;
  max: number;
}

/** n, mean, median, quartiles, min and max; NaN for all but n when `values` is empty. */
export function summarize(values: readonly number[]): DistributionSummary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    mean: mean(sorted),
    median: quantileSorted(sorted, 0.5),
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
    min: sorted.length ? sorted[0]! : NaN,
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
  };
}

export interface BootstrapOptions {
  /** Number of bootstrap replicates: 2,000 or more (docs/method.md §3). */
  replicates?: number;
  /** Seed of the random source; the same seed and data give the same interval. */
  seed?: number;
  /** Coverage of the interval, 0.95 for a 95% CI. */
  level?: number;
}

/**
 * How the interval was obtained:
 * - `articles`: articles resampled with replacement (two or more articles), so the CI
 *   reflects between-article variation, the right unit (docs/method.md §3);
 * - `sentences`: the outlet has one article, so its sentences were resampled; the CI then
 *   reflects sentence-level variation only and understates the uncertainty about the outlet;
 * - `none`: a single sentence, no interval (low = high = estimate).
 */
export type BootstrapMethod = 'articles' | 'sentences' | 'none';

/**
 * The fewest sentences behind a mean for its interval to be shown, on every page, in the
 * report and in the exports. A percentile bootstrap over two or three sentences gives a
 * narrow interval that looks precise and is not; 10 is the sample the summary asks
 * before it says anything (CLAIM_MINIMUMS.sentences). The interval is still computed.
 */
export const MIN_INTERVAL_SENTENCES = 10;

/** Whether a mean's interval is shown: enough sentences, and not zero-width. */
export function showsInterval(interval: MeanInterval): boolean {
  return (
    interval.method !== 'none' &&
    interval.n >= MIN_INTERVAL_SENTENCES &&
    interval.low !== interval.high
  );
}

export interface MeanInterval {
  /** Mean over all sentences pooled (each sentence weighs the same). */
  estimate: number;
  low: number;
  high: number;
  level: number;
  /** Number of sentences and of articles behind the estimate. */
  n: number;
  articles: number;
  method: BootstrapMethod;
  replicates: number;
}

export const DEFAULT_REPLICATES = 2000;
export const DEFAULT_SEED = 20230618;

/**
 * Percentile bootstrap CI of the mean of sentence values clustered by article. Each
 * replicate draws as many articles as there are, with replacement, pools their sentences
 * and takes the mean (a ratio of sums, so long articles weigh more, as in the estimate).
 * `articles` holds one array of sentence values per article; empty articles are ignored.
 * Returns null when there is no sentence at all.
 */
export function bootstrapMeanCI(
  articles: readonly (readonly number[])[],
  options: BootstrapOptions = {},
): MeanInterval | null {
  const replicates = options.replicates ?? DEFAULT_REPLICATES;
  const level = options.level ?? 0.95;
  const seed = options.seed ?? DEFAULT_SEED;
  if (rememberedIntervals === null) return bootstrap(articles, replicates, level, seed);
  const key = intervalKey(articles, replicates, level, seed);
  let interval = rememberedIntervals.get(key);
  if (interval === undefined) {
    interval = bootstrap(articles, replicates, level, seed);
    rememberedIntervals.set(key, interval);
  }
  return interval && { ...interval };
}

// While a caller computes several views of one story (npm run precompute: each part's
// dashboard, the "every outlet" dashboard, the API figures), the same outlet's sentences are
// resampled again by each: intervals are kept by their input until it ends. Off by default.
let rememberedIntervals: Map<string, MeanInterval | null> | null = null;

/**
 * Runs `work` with every bootstrapMeanCI result kept by its input (the values, replicates,
 * level and seed: the interval is a function of them), then forgets them.
 */
export async function rememberingIntervals<T>(work: () => Promise<T>): Promise<T> {
  const outer = rememberedIntervals;
  rememberedIntervals ??= new Map();
  try {
    return await work();
  } finally {
    rememberedIntervals = outer;
  }
}

/**
 * The input of an interval as a key: a SHA-256 of its numbers' exact bits (so -0 and 0
 * differ), each article's length before its values. Built as text, a story of 263,000
 * sentences kept a rope of two strings per value (about 40 MB) while it computed.
 */
function intervalKey(
  articles: readonly (readonly number[])[],
  replicates: number,
  level: number,
  seed: number,
): string {
  let size = 4;
  for (const article of articles) size += 1 + article.length;
  const numbers = new Float64Array(size);
  numbers[0] = replicates;
  numbers[1] = level;
  numbers[2] = seed;
  numbers[3] = articles.length;
  let i = 4;
  for (const article of articles) {
    numbers[i++] = article.length;
    for (const value of article) numbers[i++] = value;
  }
  return createHash('sha256').update(numbers).digest('base64');
}

function bootstrap(
  articles: readonly (readonly number[])[],
  replicates: number,
  level: number,
  seed: number,
): MeanInterval | null {
  const clusters = articles.filter((a) => a.length > 0);
  const pooled = clusters.flat();
  if (pooled.length === 0) return null;
  const estimate = mean(pooled);
  const base = { estimate, level, n: pooled.length, articles: clusters.length, replicates };
  if (pooled.length === 1) {
    return { ...base, low: estimate, high: estimate, method: 'none', replicates: 0 };
  }

  // With one article the only variation to resample is between its sentences.
  const method: BootstrapMethod = clusters.length >= 2 ? 'articles' : 'sentences';
  // Each unit's sum and sentence count, side by side (no object per unit).
  const k = method === 'articles' ? clusters.length : pooled.length;
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    if (method === 'articles') {
      sums[i] = clusters[i]!.reduce((s, v) => s + v, 0);
      counts[i] = clusters[i]!.length;
    } else {
      sums[i] = pooled[i]!;
      counts[i] = 1;
    }
  }
  return { ...base, ...resampledBounds(sums, counts, replicates, level, seed), method };
}

/**
 * The interval of bootstrapMeanCI from the articles' sums and sentence counts (two or more
 * articles, in the order bootstrapMeanCI would see them) and the estimate: the mean of
 * their values pooled in that order, summed one by one from 0, as `mean` does. Lets a
 * caller that already holds per-article sums (the outlet profile's "other outlets": the
 * story minus one outlet) skip building the arrays; the interval is the same bits.
 */
export function articleSumsInterval(
  sums: Float64Array,
  counts: Float64Array,
  estimate: number,
  n: number,
  options: BootstrapOptions = {},
): MeanInterval {
  if (sums.length < 2) throw new Error('articleSumsInterval needs two or more articles');
  const replicates = options.replicates ?? DEFAULT_REPLICATES;
  const level = options.level ?? 0.95;
  const seed = options.seed ?? DEFAULT_SEED;
  const base = { estimate, level, n, articles: sums.length, replicates };
  return {
    ...base,
    ...resampledBounds(sums, counts, replicates, level, seed),
    method: 'articles',
  };
}

/**
 * The percentile bounds of bootstrapMeanCI for the articles of every group but one (an
 * outlet profile's "other outlets": the story without the outlet), for every group at
 * once, by the same scheme with other draws. Without group g, each replicate draws as many
 * articles as the other groups have, with replacement, uniformly among them, and takes
 * the ratio of their sums to their counts. Here the draws of a replicate come from one
 * stream over all the articles shared by every group: group g's replicate is the stream's
 * first draws not of g, as many as the other groups' articles (uniform draws from all the
 * articles, those of g skipped, are uniform draws from the others). So one pass over the
 * stream serves every group, where drawing for each group apart cost one resampling of the
 * whole story per group. Replicate r's stream is mulberry32(seed)'s numbers from
 * r·⌊2^32 / replicates⌋ on: a group's interval does not depend on which others are asked.
 * `groupOf` gives each article's group (0 … groups−1). Entry g of the answer is without
 * group g; entry `groups`, without none (every article). An entry is null with fewer than
 * two articles left, or if a replicate would need more numbers than its share of the stream.
 * `only` limits the work to these entries (the others are undefined): a group's bounds are
 * the same bits whichever others are drawn with it, and one row of a story of hundreds of
 * outlets need not pay for every outlet's.
 */
export function boundsWithoutEachGroup(
  groupOf: Int32Array,
  sums: Float64Array,
  counts: Float64Array,
  groups: number,
  options: BootstrapOptions = {},
  only?: readonly number[],
): ({ low: number; high: number } | null | undefined)[] {
  const replicates = options.replicates ?? DEFAULT_REPLICATES;
  const level = options.level ?? 0.95;
  const seed = options.seed ?? DEFAULT_SEED;
  const articles = groupOf.length;
  const share = Math.floor(4294967296 / Math.max(1, replicates));
  const own = new Int32Array(groups + 1);
  for (let a = 0; a < articles; a++) own[groupOf[a]!]!++;
  // The group left out, each with two or more other articles; `groups` leaves none out.
  const asked = only === undefined ? null : new Set(only);
  const left: number[] = [];
  for (let g = 0; g <= groups; g++)
    if ((asked === null || asked.has(g)) && articles - own[g]! >= 2) left.push(g);
  const draws = left.map(() => new Float64Array(replicates));
  const failed = new Set<number>();
  const stream = new SharedStream(groupOf, sums, counts, groups, Math.min(share, articles + 64));
  for (let r = 0; left.length > 0 && r < replicates; r++) {
    stream.start((seed + Math.imul(Math.imul(r, share), MULBERRY_STEP)) >>> 0);
    for (const [i, g] of left.entries()) {
      if (failed.has(g)) continue;
      const need = articles - own[g]!;
      for (;;) {
        // The draws needed for `need` not of g: each of g's draws before the end adds one.
        let end = need;
        let ownSum = 0;
        let ownCount = 0;
        const { next, drawn } = stream;
        for (let j = g < groups ? stream.first[g]! : -1; j >= 0 && j < end; j = next[j]!) {
          end++;
          ownSum += sums[drawn[j]!]!;
          ownCount += counts[drawn[j]!]!;
        }
        if (end <= stream.length) {
          draws[i]![r] = (stream.sum[end]! - ownSum) / (stream.count[end]! - ownCount);
          break;
        }
        if (end > share) {
          failed.add(g);
          break;
        }
        stream.extend(Math.min(share, Math.max(end, 2 * stream.length)));
      }
    }
  }
  const answer: ({ low: number; high: number } | null | undefined)[] = Array.from(
    { length: groups + 1 },
    (_, g) => (asked === null || asked.has(g) ? null : undefined),
  );
  const tail = (1 - level) / 2;
  for (const [i, g] of left.entries()) {
    if (failed.has(g)) continue;
    const sorted = Array.from(draws[i]!.sort());
    answer[g] = { low: quantileSorted(sorted, tail), high: quantileSorted(sorted, 1 - tail) };
  }
  return answer;
}

/**
 * One replicate's draws for boundsWithoutEachGroup: the articles drawn in turn, their
 * running sums and counts, and each group's draws linked in order (first, next).
 */
class SharedStream {
  drawn = new Int32Array(0);
  sum = new Float64Array(1);
  count = new Float64Array(1);
  next = new Int32Array(0);
  first: Int32Array;
  private last: Int32Array;
  length = 0;
  /** mulberry32's state (its numbers made here as mulberry32 makes them). */
  private state = 0;

  constructor(
    private readonly groupOf: Int32Array,
    private readonly sums: Float64Array,
    private readonly counts: Float64Array,
    groups: number,
    private readonly initial: number,
  ) {
    this.first = new Int32Array(groups);
    this.last = new Int32Array(groups);
  }

  /** A replicate's stream from this state of mulberry32, its first draws made. */
  start(state: number): void {
    this.state = state >>> 0;
    this.length = 0;
    this.first.fill(-1);
    this.extend(this.initial);
  }

  /** Draws until there are `want`. */
  extend(want: number): void {
    if (want > this.drawn.length) {
      const keep = this.length;
      const grow = <T extends Int32Array | Float64Array>(
        old: T,
        make: (n: number) => T,
        n: number,
      ) => {
        const grown = make(n);
        grown.set(old.subarray(0, keep + 1));
        return grown;
      };
      this.drawn = grow(this.drawn, (n) => new Int32Array(n), want);
      this.next = grow(this.next, (n) => new Int32Array(n), want);
      this.sum = grow(this.sum, (n) => new Float64Array(n), want + 1);
      this.count = grow(this.count, (n) => new Float64Array(n), want + 1);
    }
    const { drawn, sum, count, next, first, last, groupOf, sums, counts } = this;
    const articles = groupOf.length;
    let state = this.state;
    sum[0] = 0;
    count[0] = 0;
    for (let j = this.length; j < want; j++) {
      // mulberry32's numbers, its state kept here.
      state = (state + MULBERRY_STEP) >>> 0;
      const a = Math.floor(mulberryNumber(state) * articles);
      drawn[j] = a;
      sum[j + 1] = sum[j]! + sums[a]!;
      count[j + 1] = count[j]! + counts[a]!;
      next[j] = -1;
      const g = groupOf[a]!;
      if (first[g] === -1) first[g] = j;
      else next[last[g]!] = j;
      last[g] = j;
    }
    this.state = state;
    this.length = want;
  }
}

/** Replicates drawn together: four running sums in one loop keep the processor busy. */
const BLOCK = 4;

/**
 * The percentile bounds of `replicates` resampled means: each replicate draws as many units
 * as there are, with replacement, from the seeded mulberry32 stream in turn, and takes the
 * ratio of the drawn sums to the drawn counts. Four replicates are summed side by side,
 * each in its own draw order, so every replicate's sum is the same additions in the same
 * order as one at a time (a sum in floating point depends on its order).
 */
function resampledBounds(
  sums: Float64Array,
  counts: Float64Array,
  replicates: number,
  level: number,
  seed: number,
): { low: number; high: number } {
  const k = sums.length;
  const random = mulberry32(seed);
  const units = new Int32Array(k * BLOCK);
  const draws = new Float64Array(replicates);
  for (let r = 0; r < replicates; r += BLOCK) {
    const block = Math.min(BLOCK, replicates - r);
    for (let j = 0; j < block * k; j++) units[j] = Math.floor(random() * k);
    if (block === BLOCK) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let c0 = 0;
      let c1 = 0;
      let c2 = 0;
      let c3 = 0;
      for (let i = 0; i < k; i++) {
        const u0 = units[i]!;
        const u1 = units[k + i]!;
        const u2 = units[2 * k + i]!;
        const u3 = units[3 * k + i]!;
        s0 += sums[u0]!;
        s1 += sums[u1]!;
        s2 += sums[u2]!;
        s3 += sums[u3]!;
        c0 += counts[u0]!;
        c1 += counts[u1]!;
        c2 += counts[u2]!;
        c3 += counts[u3]!;
      }
      draws[r] = s0 / c0;
      draws[r + 1] = s1 / c1;
      draws[r + 2] = s2 / c2;
      draws[r + 3] = s3 / c3;
    } else {
      for (let b = 0; b < block; b++) {
        let sum = 0;
        let count = 0;
        for (let i = 0; i < k; i++) {
          const unit = units[b * k + i]!;
          sum += sums[unit]!;
          count += counts[unit]!;
        }
        draws[r + b] = sum / count;
      }
    }
  }
  draws.sort();
  const sorted = Array.from(draws);
  const tail = (1 - level) / 2;
  return { low: quantileSorted(sorted, tail), high: quantileSorted(sorted, 1 - tail) };
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values), in the input order: for the i-th
 * smallest of m p-values, q = min over j ≥ i of (m / j) · p_(j), capped at 1. A finding
 * is significant at false discovery rate Q when q ≤ Q.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = order[rank - 1]!;
    running = Math.min(running, (m / rank) * p);
    adjusted[i] = running;
  }
  return adjusted;
}

/** Two-sided p-value of a standard normal z score (for keyness z against BH). */
export function normalTwoSidedP(z: number): number {
  return Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
}

// Abramowitz & Stegun 7.1.26 for erf: absolute error below 1.5e-7, ample for p-values.
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

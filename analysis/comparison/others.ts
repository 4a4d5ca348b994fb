// "Every outlet of the story but one", for each of its outlets at once: the comparison
// group of an outlet profile's row (server/api/outlets.ts). Pooling the other outlets'
// sentences anew for each outlet read the whole story once per outlet (about 2 s per
// outlet on a story of 263,000 sentences); here the story is read once, and the rest of
// the story for an outlet is the story's totals minus the outlet's (counts), the story's
// articles without the outlet's (intervals: each article's sum and count kept once), and
// its sorted tones without the outlet's (the spread). Every figure is the one
// outletComparison gives for the other outlets' sentences, to the bit (each sum of
// non-integers taken in its order), except, with draws 'shared', the bounds of the
// intervals: the same resampling, other random draws. Pure: sentences in, numbers out.

import { EXPECTATION_LABELS, type ExpectationLabel } from '../vocabulary/expectation.js';
import type { SpeakerSide, VoiceBucket } from '../vocabulary/sides.js';
import { defaultCodebook } from '../codebooks/codebook.js';
import {
  rate,
  voiceOf,
  type ComparedSentence,
  type ComparisonOptions,
  type OutletComparison,
  type Rate,
} from './compare.js';
import {
  articleSumsInterval,
  bootstrapMeanCI,
  boundsWithoutEachGroup,
  DEFAULT_REPLICATES,
  quantileSorted,
  type BootstrapOptions,
  type DistributionSummary,
  type MeanInterval,
} from './stats.js';

/**
 * How the rest of a story is resampled for an outlet: 'own' draws, as bootstrapMeanCI of
 * those articles (one resampling of most of the story per outlet), or draws 'shared' by
 * every outlet of the story (boundsWithoutEachGroup: one resampling for all).
 */
export type Draws = 'own' | 'shared';

/**
 * The most outlets a story has for its outlet-profile rows to resample each outlet's rest
 * with its own draws, the numbers bootstrapMeanCI gives for them. Each row then resamples
 * nearly the whole story four or five times: on `elections` (164 outlets) 69–104 s for its
 * rows against about 34 s for its pages, so a story of O outlets spends about O/80 to O/50
 * of its pages' time on them, a tenth or less at 5. Past this, the draws are shared (under
 * 2 s for the 164 rows; docs/speed.md, "Every outlet's profile row of a big story").
 */
export const OWN_DRAWS_MAX_OUTLETS = 5;

/**
 * Values grouped by article, the articles in the order of their first value, each article
 * of one outlet: what bootstrapMeanCI resamples, for any outlet or for the rest without it.
 */
export class ArticleSeries {
  private readonly index = new Map<number, number>();
  private readonly lists: number[][] = [];
  private readonly outlets: string[] = [];
  /** The lists laid out flat, made when first needed after the last value added. */
  private flat: Flat | null = null;
  /** The bounds without each outlet's group drawn so far (by their options). */
  private readonly bounds = new Map<string, Map<number, { low: number; high: number } | null>>();

  /**
   * `wanted`: the outlets whose rest will be asked for with shared draws (default every
   * outlet of the series); their bounds are drawn together, the first time one is asked.
   * An outlet's bounds are the same bits whichever others are drawn with it.
   */
  constructor(private readonly wanted?: readonly string[]) {}

  add(articleId: number, outlet: string, value: number): void {
    let i = this.index.get(articleId);
    if (i === undefined) {
      i = this.lists.length;
      this.index.set(articleId, i);
      this.lists.push([]);
      this.outlets.push(outlet);
    }
    this.lists[i]!.push(value);
    this.flat = null;
    if (this.bounds.size > 0) this.bounds.clear();
  }

  /** The outlet's articles' values (bootstrapMeanCI's input for the outlet alone). */
  of(outlet: string): number[][] {
    return this.lists.filter((_, i) => this.outlets[i] === outlet);
  }

  /** Values of the articles of every outlet but `outlet`. */
  count(outlet: string): number {
    let n = 0;
    for (let a = 0; a < this.lists.length; a++)
      if (this.outlets[a] !== outlet) n += this.lists[a]!.length;
    return n;
  }

  private layout(): Flat {
    if (this.flat !== null) return this.flat;
    const outletIndex = new Map<string, number>();
    for (const o of this.outlets) if (!outletIndex.has(o)) outletIndex.set(o, outletIndex.size);
    const starts = new Int32Array(this.lists.length + 1);
    for (const [a, list] of this.lists.entries()) starts[a + 1] = starts[a]! + list.length;
    const values = new Float64Array(starts[this.lists.length]!);
    for (const [a, list] of this.lists.entries()) values.set(list, starts[a]!);
    this.flat = {
      outletIndex,
      groupOf: Int32Array.from(this.outlets, (o) => outletIndex.get(o)!),
      starts,
      values,
      // Each article's sum as bootstrapMeanCI takes it (reduce from 0).
      sums: Float64Array.from(this.lists, (list) => list.reduce((s, v) => s + v, 0)),
      counts: Float64Array.from(this.lists, (list) => list.length),
    };
    return this.flat;
  }

  /**
   * bootstrapMeanCI of the articles of every outlet but `outlet`: with 'own' draws the same
   * bits (a resampling of those articles for this outlet); with 'shared' draws the same
   * estimate, n and articles, the bounds by the same resampling with other draws
   * (boundsWithoutEachGroup), drawn once for every outlet wanted.
   */
  without(
    outlet: string,
    options: BootstrapOptions = {},
    draws: Draws = 'own',
  ): MeanInterval | null {
    const flat = this.layout();
    const left = flat.outletIndex.get(outlet) ?? -1;
    const { groupOf, starts, values } = flat;
    let articles = 0;
    let sum = 0;
    for (let a = 0; a < groupOf.length; a++) {
      if (groupOf[a] === left) continue;
      articles++;
      // The pooled mean: every value in turn from 0, as `mean` over the flattened articles.
      for (let j = starts[a]!; j < starts[a + 1]!; j++) sum += values[j]!;
    }
    // One article (or none): nothing to share, its sentences are resampled.
    if (articles < 2) {
      const kept = this.lists.filter((_, a) => groupOf[a] !== left);
      return bootstrapMeanCI(kept, options);
    }
    const n = values.length - (left < 0 ? 0 : this.ownValues(left));
    const bounds = draws === 'shared' ? this.boundsWithout(left, options) : null;
    if (bounds === null) {
      const sums = new Float64Array(articles);
      const counts = new Float64Array(articles);
      let i = 0;
      for (let a = 0; a < groupOf.length; a++) {
        if (groupOf[a] === left) continue;
        sums[i] = flat.sums[a]!;
        counts[i++] = flat.counts[a]!;
      }
      return articleSumsInterval(sums, counts, sum / n, n, options);
    }
    return {
      estimate: sum / n,
      level: options.level ?? 0.95,
      n,
      articles,
      replicates: options.replicates ?? DEFAULT_REPLICATES,
      ...bounds,
      method: 'articles',
    };
  }

  private ownValues(group: number): number {
    const { groupOf, counts } = this.layout();
    let n = 0;
    for (let a = 0; a < groupOf.length; a++) if (groupOf[a] === group) n += counts[a]!;
    return n;
  }

  /** An outlet's group (−1: no article here, so every article is left). */
  private boundsWithout(
    group: number,
    options: BootstrapOptions,
  ): { low: number; high: number } | null {
    const flat = this.layout();
    const groups = flat.outletIndex.size;
    // Without no group: the last entry.
    const entry = group < 0 ? groups : group;
    const key = `${options.replicates}|${options.level}|${options.seed}`;
    let drawn = this.bounds.get(key);
    if (drawn === undefined) {
      drawn = new Map();
      this.bounds.set(key, drawn);
    }
    if (!drawn.has(entry)) {
      const asked = new Set([entry]);
      if (this.wanted === undefined) for (let g = 0; g <= groups; g++) asked.add(g);
      else for (const o of this.wanted) asked.add(flat.outletIndex.get(o) ?? groups);
      const only = [...asked].filter((g) => !drawn!.has(g));
      const all = boundsWithoutEachGroup(
        flat.groupOf,
        flat.sums,
        flat.counts,
        groups,
        options,
        only,
      );
      for (const g of only) drawn.set(g, all[g] ?? null);
    }
    return drawn.get(entry)!;
  }
}

interface Flat {
  outletIndex: Map<string, number>;
  /** Each article's outlet, by its index in outletIndex. */
  groupOf: Int32Array;
  /** Article a's values are values[starts[a] … starts[a + 1]). */
  starts: Int32Array;
  values: Float64Array;
  sums: Float64Array;
  counts: Float64Array;
}

/** Where a speaker or issue first occurs: its outlet and (speakers) spelling. */
interface FirstSeen {
  /** Set by KeyCounts.add: the order of all occurrences (a sentence's issues in turn). */
  position?: number;
  outlet: string;
  name: string;
  side: SpeakerSide | null;
}

/**
 * Counts of keys (speakers, issues) by outlet, with where each first occurs and where it
 * first occurs in another outlet than that: the first occurrence in the rest of the story,
 * whichever outlet is left out (the order and spelling outletComparison keeps).
 */
class KeyCounts {
  readonly keys = new Map<string, KeyEntry>();

  private occurrences = 0;

  add(key: string, seen: FirstSeen): void {
    seen.position = this.occurrences++;
    this.sorted = null;
    const entry = this.keys.get(key);
    if (entry === undefined) {
      this.keys.set(key, {
        total: 1,
        byOutlet: new Map([[seen.outlet, 1]]),
        first: seen,
        second: null,
      });
      return;
    }
    entry.total++;
    entry.byOutlet.set(seen.outlet, (entry.byOutlet.get(seen.outlet) ?? 0) + 1);
    if (entry.second === null && seen.outlet !== entry.first.outlet) entry.second = seen;
  }

  /**
   * The keys whose count without `outlet` is at least `least` (every key with one: 1), each
   * with that count and its first occurrence there, in the order of those occurrences.
   */
  without(outlet: string, least = 1): { key: string; count: number; first: FirstSeen }[] {
    const rest: { key: string; count: number; first: FirstSeen }[] = [];
    for (const [key, entry] of this.byTotal()) {
      // Sorted by total, and a count without the outlet is at most its total.
      if (entry.total < least) break;
      const count = entry.total - (entry.byOutlet.get(outlet) ?? 0);
      if (count < least || count === 0) continue;
      rest.push({ key, count, first: entry.first.outlet !== outlet ? entry.first : entry.second! });
    }
    return rest.sort((a, b) => a.first.position! - b.first.position!);
  }

  /**
   * The `top`-th largest count without `outlet` (0 with fewer keys): only a key with at
   * least that count can be among the `top` most frequent there.
   */
  topCount(outlet: string, top: number): number {
    if (top <= 0) return Infinity;
    const largest: number[] = [];
    for (const [, entry] of this.byTotal()) {
      if (largest.length === top && entry.total <= largest[top - 1]!) break;
      const count = entry.total - (entry.byOutlet.get(outlet) ?? 0);
      if (count === 0) continue;
      let i = largest.length;
      while (i > 0 && largest[i - 1]! < count) i--;
      largest.splice(i, 0, count);
      if (largest.length > top) largest.pop();
    }
    return largest.length === top ? largest[top - 1]! : 1;
  }

  private sorted: [string, KeyEntry][] | null = null;

  /** The keys by total, largest first (made once, after the last key added). */
  private byTotal(): [string, KeyEntry][] {
    this.sorted ??= [...this.keys].sort((a, b) => b[1].total - a[1].total);
    return this.sorted;
  }
}

interface KeyEntry {
  total: number;
  byOutlet: Map<string, number>;
  first: FirstSeen;
  second: FirstSeen | null;
}

/** Integer counts of one outlet (or of the whole story). */
interface Counts {
  sentences: number;
  words: number;
  articles: Set<number>;
  labelled: number[];
  narratorLabelled: number[];
  voices: number[];
  anonymous: number;
  hedges: number;
  boosters: number;
}

function emptyCounts(buckets: number): Counts {
  return {
    sentences: 0,
    words: 0,
    articles: new Set(),
    labelled: EXPECTATION_LABELS.map(() => 0),
    narratorLabelled: EXPECTATION_LABELS.map(() => 0),
    voices: Array.from({ length: buckets }, () => 0),
    anonymous: 0,
    hedges: 0,
    boosters: 0,
  };
}

/**
 * A story's sentences, read once, giving for any of its outlets the comparison of every
 * other outlet's sentences pooled: the same as outletComparison(label, those sentences).
 */
export class StoryWithoutOutlet {
  private readonly buckets: readonly VoiceBucket[];
  private readonly byOutlet = new Map<string, Counts>();
  private readonly story: Counts;
  private readonly tone: ArticleSeries;
  private readonly voiceTone: Record<'narrator' | 'quoted', ArticleSeries>;
  /** Every tone sorted, and each outlet's, as summarize sorts them. */
  private readonly sortedTones: Float64Array;
  private readonly outletTones = new Map<string, number[]>();
  private readonly speakers = new KeyCounts();
  private readonly issues = new KeyCounts();
  private buffer: Float64Array | null = null;

  /** `outlets`: the outlets whose rest will be asked for (default every outlet). */
  constructor(
    sentences: readonly ComparedSentence[],
    private readonly options: ComparisonOptions = {},
    private readonly draws: Draws = 'own',
    outlets?: readonly string[],
  ) {
    this.tone = new ArticleSeries(outlets);
    this.voiceTone = { narrator: new ArticleSeries(outlets), quoted: new ArticleSeries(outlets) };
    this.buckets = options.buckets ?? defaultCodebook().vocabulary.buckets;
    const bucketOf = new Map<string, number>(this.buckets.map((b, i) => [b, i]));
    const labelOf = new Map<ExpectationLabel, number>(EXPECTATION_LABELS.map((l, i) => [l, i]));
    this.story = emptyCounts(this.buckets.length);
    const tones: number[] = [];
    for (const s of sentences) {
      let own = this.byOutlet.get(s.outlet);
      if (own === undefined) {
        own = emptyCounts(this.buckets.length);
        this.byOutlet.set(s.outlet, own);
        this.outletTones.set(s.outlet, []);
      }
      const voice = voiceOf(s);
      for (const c of [own, this.story]) {
        c.sentences++;
        c.words += s.words;
        c.articles.add(s.articleId);
        const label = s.expectation === null ? undefined : labelOf.get(s.expectation);
        if (label !== undefined) {
          c.labelled[label]!++;
          if (voice === 'narrator') c.narratorLabelled[label]!++;
        }
        const bucket = bucketOf.get(voice === 'narrator' ? 'narrator' : s.side!);
        if (bucket !== undefined) c.voices[bucket]!++;
        if (voice === 'quoted' && s.anonymous) c.anonymous++;
        c.hedges += s.hedges;
        c.boosters += s.boosters;
      }
      if (s.tone !== null) {
        this.tone.add(s.articleId, s.outlet, s.tone);
        this.voiceTone[voice].add(s.articleId, s.outlet, s.tone);
        tones.push(s.tone);
        this.outletTones.get(s.outlet)!.push(s.tone);
      }
      if (voice === 'quoted' && s.speaker !== null && s.side !== null) {
        this.speakers.add(s.speaker.toLowerCase(), {
          outlet: s.outlet,
          name: s.speaker,
          side: s.side,
        });
      }
      for (const issue of new Set(s.issues)) {
        this.issues.add(issue, { outlet: s.outlet, name: issue, side: null });
      }
    }
    this.sortedTones = Float64Array.from(tones.sort((a, b) => a - b));
    for (const list of this.outletTones.values()) list.sort((a, b) => a - b);
  }

  /** outletComparison(label, the sentences of every outlet but `outlet`). */
  comparison(outlet: string, label: string): OutletComparison {
    const own = this.byOutlet.get(outlet) ?? emptyCounts(this.buckets.length);
    const minus = (key: 'sentences' | 'words' | 'anonymous' | 'hedges' | 'boosters') =>
      this.story[key] - own[key];
    const n = minus('sentences');
    const words = minus('words');
    const expectation = {} as OutletComparison['expectation'];
    for (const [i, l] of EXPECTATION_LABELS.entries()) {
      const labelled = this.story.labelled[i]! - own.labelled[i]!;
      const narrator = this.story.narratorLabelled[i]! - own.narratorLabelled[i]!;
      expectation[l] = {
        ...rate(labelled, words),
        byVoice: { narrator: rate(narrator, words), quoted: rate(labelled - narrator, words) },
      };
    }
    const voices: OutletComparison['voices'] = {};
    for (const [i, bucket] of this.buckets.entries()) {
      const count = this.story.voices[i]! - own.voices[i]!;
      voices[bucket] = { count, share: n > 0 ? count / n : 0 };
    }
    const anonymous = minus('anonymous');
    const issues: Record<string, Rate> = {};
    for (const { key, count } of this.issues.without(outlet)) issues[key] = rate(count, words);
    const options = { replicates: this.options.replicates, seed: this.options.seed };
    return {
      outlet: label,
      articles: this.story.articles.size - own.articles.size,
      sentences: n,
      words,
      tone: this.tone.without(outlet, options, this.draws),
      toneDistribution: this.toneSpread(outlet),
      toneByVoice: {
        narrator: this.voiceTone.narrator.without(outlet, options, this.draws),
        quoted: this.voiceTone.quoted.without(outlet, options, this.draws),
      },
      expectation,
      hedges: rate(minus('hedges'), words),
      boosters: rate(minus('boosters'), words),
      voices,
      anonymous: { count: anonymous, share: n > 0 ? anonymous / n : 0 },
      topSpeakers: this.topSpeakers(outlet),
      issues,
    };
  }

  /** summarize() of the tones of every outlet but `outlet`. */
  private toneSpread(outlet: string): DistributionSummary {
    const all = this.sortedTones;
    const own = this.outletTones.get(outlet) ?? [];
    this.buffer ??= new Float64Array(all.length);
    const rest = this.buffer;
    // The sorted story without the outlet's values, in one walk of both.
    let n = 0;
    let j = 0;
    for (let i = 0; i < all.length; i++) {
      if (j < own.length && all[i] === own[j]) j++;
      else rest[n++] = all[i]!;
    }
    const sorted = rest.subarray(0, n);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += sorted[i]!;
    return {
      n,
      mean: n === 0 ? NaN : sum / n,
      median: quantileSorted(sorted, 0.5),
      q1: quantileSorted(sorted, 0.25),
      q3: quantileSorted(sorted, 0.75),
      min: n ? sorted[0]! : NaN,
      max: n ? sorted[n - 1]! : NaN,
    };
  }

  /** The most quoted speakers of every outlet but `outlet`, as outletComparison ranks them. */
  private topSpeakers(outlet: string): OutletComparison['topSpeakers'] {
    const top = this.options.topSpeakers ?? 5;
    // Only a speaker with at least the top-th largest count can be among the top; the
    // others are left in the order outletComparison meets them, for its stable sort.
    return this.speakers
      .without(outlet, this.speakers.topCount(outlet, top))
      .map((r) => ({ name: r.first.name, side: r.first.side!, sentences: r.count }))
      .sort((a, b) => b.sentences - a.sentences || a.name.localeCompare(b.name))
      .slice(0, top);
  }
}

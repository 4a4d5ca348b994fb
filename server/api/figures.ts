// Per-outlet figures of a story as numbers, for the JSON API and the summary CSV: the same
// comparison the dashboard shows (analysis/comparison/compare.ts over the same part of the articles),
// without the display strings ("+0.73", "55%"): intervals as {low, high}, shares as
// fractions, rates per 1,000 words. It computes nothing the comparison does not.

import type { OutletComparison, Part } from '../../analysis/comparison/compare.js';
import { compareOutlets, selectPart, voiceShare } from '../../analysis/comparison/compare.js';
import { storyCodebook } from '../sides.js';
import { EXPECTATION_DIRECTIONS } from '../../analysis/vocabulary/expectation.js';
import { showsInterval, type MeanInterval } from '../../analysis/comparison/stats.js';
import type { StorySentence, StorySummary } from '../../db/store.js';
import type { SpeechVerbs, StoryFramingRows } from '../../analysis/comparison/framing.js';
import { sideInfo } from '../../analysis/vocabulary/sides.js';
import { storyFraming } from '../panels/framing.js';
import { comparisonKey, framingKey, oncePerStory } from '../panels/once-per-story.js';

export interface Interval {
  low: number;
  high: number;
}

export interface ToneFigure {
  mean: number;
  /**
   * null when no interval is shown: fewer than MIN_INTERVAL_SENTENCES (10) sentences, or
   * sentences that all score the same (a zero-width or few-sentence interval would claim a
   * certainty the sample does not have).
   */
  interval: Interval | null;
  /** Confidence level of the interval (0.95). */
  level: number;
  sentences: number;
  articles: number;
  /** What the bootstrap resampled: articles, one article's sentences, or none (one sentence). */
  method: MeanInterval['method'];
}

export interface RateFigure {
  count: number;
  per1000: number;
}

export interface OutletFigures {
  outlet: string;
  name: string;
  articles: number;
  sentences: number;
  words: number;
  tone: ToneFigure | null;
  /** Quartiles, median and range of the sentences' tone; null without scored sentences. */
  toneSpread: { q1: number; median: number; q3: number; min: number; max: number } | null;
  toneByVoice: { narrator: ToneFigure | null; quoted: ToneFigure | null };
  expectation: Record<
    (typeof EXPECTATION_DIRECTIONS)[number],
    RateFigure & { byVoice: { narrator: RateFigure; quoted: RateFigure } }
  >;
  hedges: RateFigure;
  boosters: RateFigure;
  /** Sentences per voice: the narrator or a quoted speaker of each side; share is 0–1. */
  voices: OutletComparison['voices'];
  /** Share (0–1) of sentences in a quoted voice; null without sentences. */
  quotedShare: number | null;
  anonymous: { count: number; share: number };
  topSpeakers: OutletComparison['topSpeakers'];
  /** Sentences naming each issue (by issue id). */
  issues: Record<string, RateFigure>;
}

export function toneFigure(tone: MeanInterval | null): ToneFigure | null {
  if (!tone) return null;
  return {
    mean: tone.estimate,
    interval: showsInterval(tone) ? { low: tone.low, high: tone.high } : null,
    level: tone.level,
    sentences: tone.n,
    articles: tone.articles,
    method: tone.method,
  };
}

/** Numbers of one outlet's comparison, named as the API gives them. */
export function outletFigures(c: OutletComparison, name: string): OutletFigures {
  const d = c.toneDistribution;
  return {
    outlet: c.outlet,
    name,
    articles: c.articles,
    sentences: c.sentences,
    words: c.words,
    tone: toneFigure(c.tone),
    toneSpread: d.n > 0 ? { q1: d.q1, median: d.median, q3: d.q3, min: d.min, max: d.max } : null,
    toneByVoice: {
      narrator: toneFigure(c.toneByVoice.narrator),
      quoted: toneFigure(c.toneByVoice.quoted),
    },
    expectation: c.expectation,
    hedges: c.hedges,
    boosters: c.boosters,
    voices: c.voices,
    quotedShare: c.sentences > 0 ? 1 - voiceShare(c, 'narrator').share : null,
    anonymous: c.anonymous,
    topSpeakers: c.topSpeakers,
    issues: c.issues,
  };
}

/**
 * The dashboard's comparison of a story's outlets for one part, as numbers, in the order of
 * the story's outlets.
 */
export function storyFigures(
  story: StorySummary,
  sentences: readonly StorySentence[],
  part: Part,
): OutletFigures[] {
  const names = new Map(story.outlets.map((o) => [o.slug, o.name]));
  const slugs = story.outlets.map((o) => o.slug);
  const { buckets } = storyCodebook(story).vocabulary;
  // The same comparison as the dashboard with every outlet on its own row (once per story).
  const compared = oncePerStory(sentences, comparisonKey(part, slugs, buckets), () =>
    compareOutlets(slugs, selectPart(sentences, part), { buckets }),
  );
  return compared.map((c) => outletFigures(c, names.get(c.outlet) ?? c.outlet));
}

/** Tone toward one party of the story's codebook: the sentences about it, not its own quotes. */
export interface PartyToneFigure {
  party: string;
  /** The party's name in the story's codebook ("North Korean government"). */
  name: string;
  tone: ToneFigure | null;
  /** Sentences about the party (also when no mean could be taken: then 0). */
  sentences: number;
}

export interface FramingFigures {
  outlet: string;
  toward: PartyToneFigure[];
  loaded: {
    count: number;
    sentences: number;
    per1000: number;
    byCategory: { category: string; count: number }[];
  };
  speechVerbs: SpeechVerbs[];
}

/**
 * The framing panel's numbers for one part of a story, per outlet in the order of the
 * story's outlets: the same figures the dashboard shows, for the JSON API and the
 * summary_parties CSV.
 */
export function storyFramingFigures(
  story: StorySummary,
  sentences: readonly StorySentence[],
  rows: StoryFramingRows,
  part: Part,
): FramingFigures[] {
  const codebook = storyCodebook(story);
  const outlets = story.outlets.map((o) => o.slug);
  const { figures } = oncePerStory(
    sentences,
    framingKey(part, codebook.name, outlets),
    () => storyFraming(outlets, codebook, selectPart(sentences, part), rows),
    rows,
  );
  return figures.map((f) => ({
    outlet: f.outlet,
    toward: f.toward.map((t) => ({
      party: t.party,
      name: sideInfo(codebook.vocabulary, t.party).name,
      tone: toneFigure(t.tone),
      sentences: t.sentences,
    })),
    loaded: f.loaded,
    speechVerbs: f.verbs,
  }));
}

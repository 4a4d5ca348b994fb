// Framing per outlet, apart from event sentiment: tone toward each party of the story's
// codebook (from the sentences' targets, segment_target, with a bootstrap interval clustered
// by article), loaded word choice (cue hits of the loaded-language lexicon, per 1,000 words
// and by category), and distancing against neutral speech verbs ("claimed" vs "said") for
// each side's quoted speakers. Then the claims those numbers carry, under the same rules as
// summary.ts: an interval clear of every other outlet's mean, at least MIN_TARGET_SENTENCES
// sentences on each side of a comparison. Pure: rows in, numbers out; which party a target
// belongs to is the caller's (partyOf), from the story's codebook.

import type { SpeakerSide } from '../vocabulary/sides.js';
import { sentencesByOutlet, type ComparedSentence } from './compare.js';
import { bootstrapMeanCI, type MeanInterval } from './stats.js';
import { CLAIM_MINIMUMS } from './summary.js';

/** Fewer sentences toward a party than this never yield a claim about it. */
export const MIN_TARGET_SENTENCES = 5;
/** A loaded-language claim: at least this many cue words, and RATIO × every other outlet's rate. */
const MIN_LOADED = 3;
const RATIO = 1.5;

/** A sentence's target (migration 005), keyed by the sentence's segment id. */
export interface TargetRow {
  segmentId: number;
  target: string;
  role: 'subject' | 'object' | 'pronoun' | 'speaker';
  tone: number;
  isQuoted: boolean;
}

/** A loaded-language ('loaded') or speech-verb ('voice') cue hit of a sentence. */
export interface FramingCueRow {
  segmentId: number;
  lexicon: 'loaded' | 'voice';
  category: string;
}

/** A story's framing rows; read by passes over them (a store may make each row as read). */
export interface StoryFramingRows {
  targets: Iterable<TargetRow>;
  cues: Iterable<FramingCueRow>;
}

export interface FramingSentence extends ComparedSentence {
  segmentId: number;
}

export interface PartyTone {
  party: string;
  /** Mean tone of the sentences about the party (not its own quotes), with its interval. */
  tone: MeanInterval | null;
  sentences: number;
}

export interface SpeechVerbs {
  /** The side whose quoted speakers the verbs introduce. */
  side: SpeakerSide;
  distancing: number;
  neutral: number;
  /** distancing / (distancing + neutral), null without any. */
  distancingShare: number | null;
}

export interface OutletFraming {
  outlet: string;
  words: number;
  toward: PartyTone[];
  loaded: {
    /** Loaded cue words, and the sentences holding them. */
    count: number;
    sentences: number;
    per1000: number;
    byCategory: { category: string; count: number }[];
  };
  verbs: SpeechVerbs[];
}

export interface FramingOptions {
  replicates?: number;
  seed?: number;
}

/**
 * Sentence (segment id) → party → tones of its mentions of the party. A quote *by* the
 * party is its own voice, not a sentence about it.
 */
export function towardBySegment(
  bySegment: ReadonlyMap<number, FramingSentence>,
  rows: StoryFramingRows,
  partyOf: (target: string, articleId: number) => string | null,
): Map<number, Map<string, number[]>> {
  const toward = new Map<number, Map<string, number[]>>();
  for (const t of rows.targets) {
    const s = bySegment.get(t.segmentId);
    if (!s || t.role === 'speaker') continue;
    const party = partyOf(t.target, s.articleId);
    if (party === null) continue;
    const perParty = toward.get(t.segmentId) ?? new Map<string, number[]>();
    perParty.set(party, [...(perParty.get(party) ?? []), t.tone]);
    toward.set(t.segmentId, perParty);
  }
  return toward;
}

/** A sentence's tone toward a party: the mean of its mentions' tones. */
export function towardTone(tones: readonly number[]): number {
  return tones.reduce((a, b) => a + b, 0) / tones.length;
}

/** Framing figures per outlet, in the order given. */
export function outletFraming(
  outlets: readonly string[],
  sentences: readonly FramingSentence[],
  rows: StoryFramingRows,
  parties: readonly string[],
  sides: readonly SpeakerSide[],
  partyOf: (target: string, articleId: number) => string | null,
  options: FramingOptions = {},
): OutletFraming[] {
  const bySegment = new Map(sentences.map((s) => [s.segmentId, s]));
  const toward = towardBySegment(bySegment, rows, partyOf);
  const loadedBySegment = new Map<number, string[]>();
  const verbsBySegment = new Map<number, { distancing: number; neutral: number }>();
  for (const c of rows.cues) {
    if (!bySegment.has(c.segmentId)) continue;
    if (c.lexicon === 'loaded') {
      loadedBySegment.set(c.segmentId, [...(loadedBySegment.get(c.segmentId) ?? []), c.category]);
    } else if (c.category === 'speech_verb:distancing' || c.category === 'speech_verb:neutral') {
      const v = verbsBySegment.get(c.segmentId) ?? { distancing: 0, neutral: 0 };
      if (c.category === 'speech_verb:distancing') v.distancing++;
      else v.neutral++;
      verbsBySegment.set(c.segmentId, v);
    }
  }

  const byOutlet = sentencesByOutlet(sentences);
  return outlets.map((outlet) => {
    const own = byOutlet.get(outlet) ?? [];
    const words = own.reduce((sum, s) => sum + s.words, 0);
    const towardParty = parties.map((party): PartyTone => {
      const byArticle = new Map<number, number[]>();
      let n = 0;
      for (const s of own) {
        const tones = toward.get(s.segmentId)?.get(party);
        if (!tones) continue;
        n++;
        const mean = towardTone(tones);
        byArticle.set(s.articleId, [...(byArticle.get(s.articleId) ?? []), mean]);
      }
      const tone =
        n === 0
          ? null
          : bootstrapMeanCI([...byArticle.values()], {
              replicates: options.replicates,
              seed: options.seed,
            });
      return { party, tone, sentences: n };
    });
    const categories = new Map<string, number>();
    let loadedCount = 0;
    let loadedSentences = 0;
    for (const s of own) {
      const hits = loadedBySegment.get(s.segmentId);
      if (!hits) continue;
      loadedSentences++;
      loadedCount += hits.length;
      for (const c of hits) categories.set(c, (categories.get(c) ?? 0) + 1);
    }
    const verbs = sides.map((side): SpeechVerbs => {
      let distancing = 0;
      let neutral = 0;
      for (const s of own) {
        if (s.side !== side || s.quote === null || s.quote === 'none') continue;
        const v = verbsBySegment.get(s.segmentId);
        distancing += v?.distancing ?? 0;
        neutral += v?.neutral ?? 0;
      }
      const total = distancing + neutral;
      return { side, distancing, neutral, distancingShare: total > 0 ? distancing / total : null };
    });
    return {
      outlet,
      words,
      toward: towardParty,
      loaded: {
        count: loadedCount,
        sentences: loadedSentences,
        per1000: words > 0 ? (1000 * loadedCount) / words : 0,
        byCategory: [...categories]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .map(([category, count]) => ({ category, count })),
      },
      verbs,
    };
  });
}

/**
 * The framing phrases each outlet's numbers carry against the others': "most negative
 * toward <party>" when its interval lies below every other outlet's mean (both sides with
 * at least MIN_TARGET_SENTENCES sentences), "uses the most loaded language" at RATIO × every
 * other outlet's rate with at least MIN_LOADED cue words. `name` turns a party id into words.
 */
export function framingClaims(
  framing: readonly OutletFraming[],
  name: (party: string) => string,
): Map<string, string[]> {
  const claims = new Map<string, string[]>(framing.map((f) => [f.outlet, []]));
  const parties = framing[0]?.toward.map((t) => t.party) ?? [];
  for (const party of parties) {
    const tones = framing.flatMap((f) => {
      const t = f.toward.find((x) => x.party === party);
      return t?.tone && t.sentences >= MIN_TARGET_SENTENCES
        ? [{ outlet: f.outlet, tone: t.tone }]
        : [];
    });
    if (tones.length < 2) continue;
    for (const self of tones) {
      const others = tones.filter((o) => o !== self);
      const n = `n ${self.tone.n}`;
      if (others.every((o) => self.tone.high < o.tone.estimate))
        claims.get(self.outlet)!.push(`most negative toward ${name(party)} (${n})`);
      else if (others.every((o) => self.tone.low > o.tone.estimate))
        claims.get(self.outlet)!.push(`most positive toward ${name(party)} (${n})`);
    }
  }
  for (const self of framing) {
    const others = framing.filter((o) => o !== self && o.words >= CLAIM_MINIMUMS.words);
    if (others.length === 0 || self.loaded.count < MIN_LOADED) continue;
    if (self.words < CLAIM_MINIMUMS.words) continue;
    if (
      others.every(
        (o) =>
          self.loaded.per1000 >= RATIO * o.loaded.per1000 && self.loaded.per1000 > o.loaded.per1000,
      )
    )
      claims
        .get(self.outlet)!
        .push(`uses the most loaded language (${self.loaded.count} cue words)`);
  }
  return claims;
}

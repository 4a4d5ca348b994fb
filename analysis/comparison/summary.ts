// The one-line summary per outlet on a story page ("most negative tone; lowers expectations
// most, chiefly in its own voice; quotes no Chinese officials"), derived from the numbers the page
// shows, each phrase a comparison with the story's other outlets that the numbers support.
// It deliberately computes no statistic itself (the caller passes rates and intervals
// from stats.ts) and never words a difference the rules below do not back.
//
// Rules (all relative to the other outlets of the same story; nothing is said with one outlet):
// - Minimum sample (CLAIM_MINIMUMS, stated on the story page and in the README): an outlet
//   with fewer than MIN_WORDS words or MIN_SENTENCES sentences in the part gets no phrase
//   and is left out of the others' comparisons, since two hedge words in 54 words make a
//   rate of 37 per 1,000 that says nothing. Its line says so instead.
// - Tone: "most negative tone" only for the outlet with the lowest mean whose 95% CI lies
//   entirely below every other outlet's mean (so no other outlet's mean is a plausible value
//   for it); "most positive tone" likewise. Overlapping intervals: nothing is said.
// - Tone also needs MIN_SENTENCES sentences behind the interval.
// - Expectations, hedges, quoted sides: "most" needs the highest rate, at least MIN_EVENTS
//   events behind it and at least RATIO (1.5×) the next outlet's rate. "No …" needs zero
//   while some other outlet has at least MIN_EVENTS.
// - Quoted sides also need the side to be a real part of the quoting (MIN_SIDE_SHARE, one
//   sentence in 50): "quotes X most" needs that share from the outlet itself, "quotes no X"
//   from an outlet that does quote them. In a story of thousands of articles three stray
//   sentences are not a source's presence, and a story whose codebook does not fit (the
//   default US–China one on US elections) would otherwise read "quotes no Chinese officials"
//   on every line.
// - Voice of expectation-setting: ", chiefly in its own voice" when ≥ 2/3 of its lowering (or
//   raising) sentences are the narrator's, ", chiefly through quoted sources" when ≥ 2/3 are
//   quoted.
// - Issues: "stresses the issue “<issue>” most" for the issue where the outlet's rate per 1,000 words is
//   highest relative to the others (same MIN_EVENTS and RATIO rule).

import type { ExpectationDirection } from '../vocabulary/expectation.js';
import { defaultCodebook } from '../codebooks/codebook.js';
import { sideInfo, type SideVocabulary, type SpeakerSide } from '../vocabulary/sides.js';

/** A mean with its confidence interval (MeanInterval from stats.ts fits). */
export interface IntervalFigure {
  estimate: number;
  low: number;
  high: number;
}

/** Expectation-setting sentences per 1,000 words, by label. */
export type ExpectationRates = Record<ExpectationDirection, number>;

/** What the lead fills from the store, per outlet of one story. */
export interface SummaryFigures {
  outlet: string;
  /** Words in scored segments (headline + body): turns rates back into counts. */
  words: number;
  /** Mean sentence tone (the chart's tone) with its bootstrap CI; null if no sentence. */
  tone: IntervalFigure | null;
  /** Expectation rates per 1,000 words in the outlet's own voice and in quoted voices. */
  expectation: { narrator: ExpectationRates; quoted: ExpectationRates };
  /** Share (0–1) of the outlet's sentences attributed to a speaker of each side (absent: 0). */
  speakerShare: Record<SpeakerSide, number>;
  /** Sentences behind the shares (to turn shares back into counts). */
  sentences: number;
  hedgesPer1000: number;
  /** Issue id → hits per 1,000 words (countIssues from issues.ts). */
  issuesPer1000: Record<string, number>;
}

export interface SummaryLine {
  outlet: string;
  phrases: string[];
  /** The phrases joined with "; ", or a plain statement that nothing stands out. */
  line: string;
}

const RATIO = 1.5;
const MIN_EVENTS = 3;
const MIN_WORDS = 300;
const MIN_SENTENCES = 10;
const MIN_SIDE_SHARE = 0.02;

/** The smallest sample a summary phrase rests on, for the page and the README to state. */
export const CLAIM_MINIMUMS = {
  words: MIN_WORDS,
  sentences: MIN_SENTENCES,
  events: MIN_EVENTS,
  ratio: RATIO,
  sideShare: MIN_SIDE_SHARE,
} as const;

/** Whether an outlet's part is large enough for any comparison phrase. */
export function hasClaimSample(f: Pick<SummaryFigures, 'words' | 'sentences'>): boolean {
  return f.words >= MIN_WORDS && f.sentences >= MIN_SENTENCES;
}

/**
 * Summary lines for every outlet of a story; `issueLabels` maps issue ids to names, and
 * `sides` (the story's codebook) names the parties whose quoting is compared.
 */
export function summarizeOutlets(
  figures: readonly SummaryFigures[],
  issueLabels: Readonly<Record<string, string>> = {},
  sides: SideVocabulary = defaultCodebook().vocabulary,
): SummaryLine[] {
  const comparable = figures.filter(hasClaimSample);
  return figures.map((self) => {
    if (!hasClaimSample(self)) {
      return {
        outlet: self.outlet,
        phrases: [],
        line: `too little text to compare (${count(self.words, 'word')}, ${count(self.sentences, 'sentence')}; a claim needs ${MIN_WORDS} words and ${MIN_SENTENCES} sentences)`,
      };
    }
    const others = comparable.filter((f) => f !== self);
    const phrases = others.length === 0 ? [] : describe(self, others, issueLabels, sides);
    return {
      outlet: self.outlet,
      phrases,
      line:
        phrases.length > 0
          ? phrases.join('; ')
          : others.length === 0 && comparable.length < figures.length
            ? 'no other outlet has enough text to compare with'
            : 'no clear difference from the other outlets',
    };
  });
}

function describe(
  self: SummaryFigures,
  others: readonly SummaryFigures[],
  issueLabels: Readonly<Record<string, string>>,
  sides: SideVocabulary,
): string[] {
  const phrases: string[] = [];
  const tone = toneClaim(self, others);
  if (tone) phrases.push(tone);

  for (const label of ['lowers', 'raises'] as const) {
    const total = (f: SummaryFigures): number =>
      f.expectation.narrator[label] + f.expectation.quoted[label];
    if (!isMost(self, others, total)) continue;
    const own = self.expectation.narrator[label] / total(self);
    const voice =
      own >= 2 / 3
        ? ', chiefly in its own voice'
        : own <= 1 / 3
          ? ', chiefly through quoted sources'
          : '';
    phrases.push(`${label} expectations most${voice}`);
  }

  // The counterpart first, as a reader asks whether an outlet heard the other side: the
  // codebook lists the home party (the US) first.
  for (const side of [...[...sides.parties].reverse(), 'analyst']) {
    const share = (f: SummaryFigures): number => f.speakerShare[side] ?? 0;
    const count = (f: SummaryFigures): number => share(f) * f.sentences;
    const quotesThem = (f: SummaryFigures): boolean =>
      count(f) >= MIN_EVENTS - 1e-9 && share(f) >= MIN_SIDE_SHARE;
    if (count(self) === 0 && others.some(quotesThem)) {
      phrases.push(`quotes no ${sideInfo(sides, side).speakers}`);
    } else if (quotesThem(self) && isMostBy(self, others, share, count)) {
      phrases.push(`quotes ${sideInfo(sides, side).speakers} most`);
    }
  }

  if (isMost(self, others, (f) => f.hedgesPer1000)) phrases.push('hedges most');

  const issue = standoutIssue(self, others);
  // The label is a name ("Spy balloon", "APEC and a Xi meeting"): quoted, not lower-cased.
  if (issue) phrases.push(`stresses the issue “${issueLabels[issue] ?? issue}” most`);
  return phrases;
}

function toneClaim(self: SummaryFigures, others: readonly SummaryFigures[]): string | null {
  const t = self.tone;
  const rivals = others.map((o) => o.tone).filter((x): x is IntervalFigure => x !== null);
  if (!t || rivals.length === 0) return null;
  if (rivals.every((r) => t.high < r.estimate)) return 'most negative tone';
  if (rivals.every((r) => t.low > r.estimate)) return 'most positive tone';
  return null;
}

/** Highest rate per 1,000 words, ≥ RATIO × every other, ≥ MIN_EVENTS events behind it. */
function isMost(
  self: SummaryFigures,
  others: readonly SummaryFigures[],
  rate: (f: SummaryFigures) => number,
): boolean {
  return isMostBy(self, others, rate, (f) => (rate(f) * f.words) / 1000);
}

function isMostBy(
  self: SummaryFigures,
  others: readonly SummaryFigures[],
  rate: (f: SummaryFigures) => number,
  count: (f: SummaryFigures) => number,
): boolean {
  const mine = rate(self);
  if (count(self) < MIN_EVENTS - 1e-9) return false;
  return others.every((o) => mine >= RATIO * rate(o) && mine > rate(o));
}

function standoutIssue(self: SummaryFigures, others: readonly SummaryFigures[]): string | null {
  let best: string | null = null;
  let bestRatio = 0;
  for (const [issue, mine] of Object.entries(self.issuesPer1000)) {
    const rate = (f: SummaryFigures): number => f.issuesPer1000[issue] ?? 0;
    if (!isMost(self, others, rate)) continue;
    const next = Math.max(...others.map(rate));
    const ratio = next === 0 ? Infinity : mine / next;
    if (ratio > bestRatio || (ratio === bestRatio && best !== null && issue < best)) {
      best = issue;
      bestRatio = ratio;
    }
  }
  return best;
}

/** "1 sentence", "31 words": the count with its noun in the right number. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

// Per-outlet figures for one story, from stored sentence scores: tone with a bootstrap CI
// clustered by article, expectation and hedge rates per 1,000 words split by narrator vs
// quoted voice, the share of sentences by speaker side, top speakers and issue mentions —
// for the whole article, the headline + lead paragraph, and the rest of the body apart.
// Pure: rows in, numbers out. It does not read text again or know about SQL or pages.

import { EXPECTATION_LABELS, type ExpectationLabel } from '../vocabulary/expectation.js';
import type { QuoteKind } from '../vocabulary/quotes.js';
import type { SegmentKind } from '../vocabulary/segments.js';
import { defaultCodebook } from '../codebooks/codebook.js';
import type { SpeakerSide, VoiceBucket } from '../vocabulary/sides.js';
import type { DistributionSummary, MeanInterval } from './stats.js';
import { bootstrapMeanCI, summarize } from './stats.js';

/** One scored sentence as the comparison needs it. */
export interface ComparedSentence {
  articleId: number;
  /** Outlet slug. */
  outlet: string;
  position: number;
  paragraph: number;
  kind: SegmentKind;
  words: number;
  tone: number | null;
  expectation: ExpectationLabel | null;
  hedges: number;
  boosters: number;
  quote: QuoteKind | null;
  speaker: string | null;
  side: SpeakerSide | null;
  anonymous: boolean;
  /** Issue ids mentioned in the sentence (one entry per mention; rates count sentences). */
  issues: string[];
}

export type Part = 'all' | 'lead' | 'body';
export const PARTS: readonly Part[] = ['all', 'lead', 'body'];

export type Voice = 'narrator' | 'quoted';

export interface Rate {
  count: number;
  /** Per 1,000 words of the outlet's text in this part. */
  per1000: number;
}

export interface OutletComparison {
  outlet: string;
  articles: number;
  sentences: number;
  words: number;
  tone: MeanInterval | null;
  toneDistribution: DistributionSummary;
  toneByVoice: Record<Voice, MeanInterval | null>;
  /** Sentences with each label; `byVoice` splits the count by who sets the expectation. */
  expectation: Record<ExpectationLabel, Rate & { byVoice: Record<Voice, Rate> }>;
  hedges: Rate;
  boosters: Rate;
  /**
   * Share of sentences (0–1) whose voice is the narrator or a speaker of each side: every
   * bucket of the story's codebook (ComparisonOptions.buckets), in its order.
   */
  voices: Record<VoiceBucket, { count: number; share: number }>;
  /** Sentences credited to an unnamed source ("a senior official"). */
  anonymous: { count: number; share: number };
  topSpeakers: { name: string; side: SpeakerSide; sentences: number }[];
  issues: Record<string, Rate>;
}

export interface ComparisonOptions {
  /** Bootstrap replicates and seed, for reproducible intervals. */
  replicates?: number;
  seed?: number;
  topSpeakers?: number;
  /** The voice buckets of the story's codebook (default: the US–China codebook's). */
  buckets?: readonly VoiceBucket[];
}

/** A bucket's count and share, zero for a bucket the figures do not have. */
export function voiceShare(
  f: Pick<OutletComparison, 'voices'>,
  bucket: VoiceBucket,
): { count: number; share: number } {
  return f.voices[bucket] ?? { count: 0, share: 0 };
}

/** Marks each sentence as lead (headline or the article's first body paragraph) or not. */
export function leadFlags(sentences: readonly ComparedSentence[]): boolean[] {
  const firstBodyParagraph = new Map<number, number>();
  for (const s of sentences) {
    if (s.kind !== 'body') continue;
    const seen = firstBodyParagraph.get(s.articleId);
    if (seen === undefined || s.paragraph < seen) firstBodyParagraph.set(s.articleId, s.paragraph);
  }
  return sentences.map(
    (s) => s.kind === 'headline' || s.paragraph === firstBodyParagraph.get(s.articleId),
  );
}

export function selectPart<T extends ComparedSentence>(sentences: readonly T[], part: Part): T[] {
  if (part === 'all') return [...sentences];
  const lead = leadFlags(sentences);
  return sentences.filter((_, i) => (part === 'lead') === lead[i]);
}

export function voiceOf(s: ComparedSentence): Voice {
  return s.side !== null && s.quote !== null && s.quote !== 'none' ? 'quoted' : 'narrator';
}

/** A count and its rate per 1,000 words (0 where there are no words). */
export function rate(count: number, words: number): Rate {
  return { count, per1000: words > 0 ? (1000 * count) / words : 0 };
}

function toneInterval(
  sentences: readonly ComparedSentence[],
  options: ComparisonOptions,
): MeanInterval | null {
  const byArticle = new Map<number, number[]>();
  for (const s of sentences) {
    if (s.tone === null) continue;
    const list = byArticle.get(s.articleId) ?? [];
    list.push(s.tone);
    byArticle.set(s.articleId, list);
  }
  return bootstrapMeanCI([...byArticle.values()], {
    replicates: options.replicates,
    seed: options.seed,
  });
}

/** Figures for each outlet, in the order the outlets are given. */
export function compareOutlets(
  outlets: readonly string[],
  sentences: readonly ComparedSentence[],
  options: ComparisonOptions = {},
): OutletComparison[] {
  const own = sentencesByOutlet(sentences);
  return outlets.map((outlet) => outletComparison(outlet, own.get(outlet) ?? [], options));
}

/**
 * Each outlet's sentences in their order, in one pass: a filter per outlet read every
 * sentence once per outlet (a tenth of a big story’s pages, with its 164 outlets).
 */
export function sentencesByOutlet<T extends { outlet: string }>(
  sentences: readonly T[],
): Map<string, T[]> {
  const byOutlet = new Map<string, T[]>();
  for (const s of sentences) {
    const own = byOutlet.get(s.outlet);
    if (own === undefined) byOutlet.set(s.outlet, [s]);
    else own.push(s);
  }
  return byOutlet;
}

export function outletComparison(
  outlet: string,
  sentences: readonly ComparedSentence[],
  options: ComparisonOptions = {},
): OutletComparison {
  const words = sentences.reduce((sum, s) => sum + s.words, 0);
  const n = sentences.length;
  const expectation = {} as OutletComparison['expectation'];
  for (const label of EXPECTATION_LABELS) {
    const labelled = sentences.filter((s) => s.expectation === label);
    const narrator = labelled.filter((s) => voiceOf(s) === 'narrator').length;
    expectation[label] = {
      ...rate(labelled.length, words),
      byVoice: {
        narrator: rate(narrator, words),
        quoted: rate(labelled.length - narrator, words),
      },
    };
  }
  const voices: OutletComparison['voices'] = {};
  for (const bucket of options.buckets ?? defaultCodebook().vocabulary.buckets) {
    const count = sentences.filter((s) =>
      bucket === 'narrator'
        ? voiceOf(s) === 'narrator'
        : voiceOf(s) === 'quoted' && s.side === bucket,
    ).length;
    voices[bucket] = { count, share: n > 0 ? count / n : 0 };
  }
  const anonymous = sentences.filter((s) => voiceOf(s) === 'quoted' && s.anonymous).length;
  const speakers = new Map<string, { name: string; side: SpeakerSide; sentences: number }>();
  for (const s of sentences) {
    if (voiceOf(s) !== 'quoted' || s.speaker === null || s.side === null) continue;
    const key = s.speaker.toLowerCase();
    const entry = speakers.get(key) ?? { name: s.speaker, side: s.side, sentences: 0 };
    entry.sentences++;
    speakers.set(key, entry);
  }
  const issues: Record<string, Rate> = {};
  const issueCounts = new Map<string, number>();
  // Sentences naming the issue, not phrases: "Commerce Secretary Gina Raimondo and U.S. Trade
  // Representative Katherine Tai" is one sentence about trade, not five mentions.
  for (const s of sentences) {
    for (const issue of new Set(s.issues))
      issueCounts.set(issue, (issueCounts.get(issue) ?? 0) + 1);
  }
  for (const [issue, count] of issueCounts) issues[issue] = rate(count, words);

  return {
    outlet,
    articles: new Set(sentences.map((s) => s.articleId)).size,
    sentences: n,
    words,
    tone: toneInterval(sentences, options),
    toneDistribution: summarize(sentences.flatMap((s) => (s.tone === null ? [] : [s.tone]))),
    toneByVoice: {
      narrator: toneInterval(
        sentences.filter((s) => voiceOf(s) === 'narrator'),
        options,
      ),
      quoted: toneInterval(
        sentences.filter((s) => voiceOf(s) === 'quoted'),
        options,
      ),
    },
    expectation,
    hedges: rate(
      sentences.reduce((sum, s) => sum + s.hedges, 0),
      words,
    ),
    boosters: rate(
      sentences.reduce((sum, s) => sum + s.boosters, 0),
      words,
    ),
    voices,
    anonymous: { count: anonymous, share: n > 0 ? anonymous / n : 0 },
    topSpeakers: [...speakers.values()]
      .sort((a, b) => b.sentences - a.sentences || a.name.localeCompare(b.name))
      .slice(0, options.topSpeakers ?? 5),
    issues,
  };
}

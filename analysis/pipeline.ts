// The analysis pipeline: text in, a fully analyzed article out. It chains the stages in a
// fixed, visible order and does nothing else: no SQL, no HTTP, no file reads.
//
//   segment → tokenize → tone · expectation · hedges (per sentence) → voices (per article)

import { segmentArticle } from './segment.js';
import { tokenize } from './tokens.js';
import type { CueHit, Segment } from './types.js';
import { isScoredKind } from './types.js';

export const ANALYZER_VERSION = '0.1.0';

export type ExpectationLabel = 'lowers' | 'raises' | 'hedged' | 'none';
export type QuoteKind = 'direct' | 'indirect' | 'none';
export type SpeakerSide = 'us_gov' | 'china_gov' | 'analyst' | 'other';

export interface ToneScore {
  /** wink-sentiment's normalized AFINN score. */
  afinn: number;
  /** Parallax's diplomacy lexicon: conflict (negative) vs cooperation (positive). */
  diplomacy: number;
  /** The tone the charts use. */
  combined: number;
}

export interface ExpectationScore {
  label: ExpectationLabel;
  /** Finer move behind the label, e.g. 'stakes', 'tempered', 'uncertain'. */
  move: string;
  /** Signed strength: negative lowers, positive raises. */
  score: number;
}

export interface Speaker {
  /** Canonical name: the most complete form the article gives ("Kurt Campbell", "US officials"). */
  name: string;
  side: SpeakerSide;
  /** True for unnamed sources ("a senior State Department official"). */
  anonymous: boolean;
  /** Title or role as the article gives it, if any. */
  role: string | null;
}

export interface AnalyzedSegment extends Segment {
  words: number;
  /** null for kinds that are not scored (byline, section, boilerplate, dek). */
  tone: ToneScore | null;
  expectation: ExpectationScore | null;
  hedges: number;
  boosters: number;
  quote: QuoteKind | null;
  /** Index into ArticleAnalysis.speakers, or null for the narrator's voice. */
  speaker: number | null;
}

export interface ArticleAnalysis {
  segments: AnalyzedSegment[];
  speakers: Speaker[];
  cueHits: CueHit[];
  words: number;
}

export interface AnalyzeOptions {
  /** The title from the article's metadata, which helps tell the headline line apart. */
  title?: string;
}

export function analyzeArticle(text: string, options: AnalyzeOptions = {}): ArticleAnalysis {
  const segments: Segment[] = segmentArticle(text, { title: options.title });
  let words = 0;
  const analyzed: AnalyzedSegment[] = segments.map((segment) => {
    const tokens = tokenize(segment.text, segment.start);
    const segmentWords = tokens.filter((t) => t.isWord).length;
    if (isScoredKind(segment.kind)) words += segmentWords;
    return {
      ...segment,
      words: segmentWords,
      tone: null,
      expectation: null,
      hedges: 0,
      boosters: 0,
      quote: null,
      speaker: null,
    };
  });
  return { segments: analyzed, speakers: [], cueHits: [], words };
}

/** What an analysis run records about the analyzer that produced it. */
export interface AnalyzerInfo {
  analyzerVersion: string;
  lexiconHash: string;
  options: Record<string, unknown>;
}

/** An analyzer with its data files loaded once: what ingest and re-analysis call. */
export interface Analyzer {
  info: AnalyzerInfo;
  analyze(text: string, options?: AnalyzeOptions): ArticleAnalysis;
}

export function createAnalyzer(): Analyzer {
  return {
    info: { analyzerVersion: ANALYZER_VERSION, lexiconHash: 'none', options: {} },
    analyze: (text, options) => analyzeArticle(text, options),
  };
}

// Shared types of the analysis stages: what several stages, the pipeline and the store all
// speak (segments, tokens, cue hits, the scores of one sentence, an analyzed article). Each
// stage's own working types live next to the stage; label lists live in vocabulary/. It
// holds no code, so every stage can import it without importing the pipeline.

import type { ExpectationLabel } from './vocabulary/expectation.js';
import type { QuoteKind } from './vocabulary/quotes.js';
import type { SegmentKind } from './vocabulary/segments.js';
import type { SpeakerSide } from './vocabulary/sides.js';
import type { MentionRole } from './vocabulary/targets.js';

/**
 * One sentence (or one heading / furniture line) of an article.
 * `start`/`end` are UTF-16 offsets into the original text, so
 * `text === original.slice(start, end)` always holds.
 */
export interface Segment {
  /** 0-based index of the paragraph: every non-empty line of the text is one paragraph. */
  paragraph: number;
  /** 0-based index of the sentence within its paragraph. */
  sentence: number;
  kind: SegmentKind;
  text: string;
  start: number;
  end: number;
}

/** A word-like token with offsets into the original text. */
export interface Token {
  /** The token as written. */
  text: string;
  /** Lower-cased, curly apostrophes made straight: the form lexicons are matched on. */
  norm: string;
  start: number;
  end: number;
  /** True for words and numbers, false for punctuation. */
  isWord: boolean;
}

/**
 * The evidence behind a score: which lexicon entry matched which words.
 * Offsets are into the original article text.
 */
export interface CueHit {
  /** Index of the segment in the article's segment list. */
  segment: number;
  /** Which lexicon the entry comes from: 'tone', 'expectation', 'hedge', 'booster', 'issue', ... */
  lexicon: string;
  /** The lexicon entry, as written in the lexicon file. */
  entry: string;
  /** The entry's category within its lexicon (e.g. 'conflict', 'lowers', 'epistemic'). */
  category: string;
  start: number;
  end: number;
  /** Signed contribution to the score it belongs to, after negation. */
  weight: number;
  negated: boolean;
}

export interface ToneScore {
  /** wink-sentiment's normalized AFINN score. */
  afinn: number;
  /** Parallax's diplomacy lexicon: conflict (negative) vs cooperation (positive). */
  diplomacy: number;
  /** The tone the charts use. */
  combined: number;
  /** combined without the prior of bare negators: the tone toward what the sentence names. */
  evaluative: number;
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
  /** Whom the sentence is about (indexes into ArticleAnalysis.targets) and its tone toward each. */
  targets: SegmentTarget[];
}

export interface ArticleAnalysis {
  segments: AnalyzedSegment[];
  speakers: Speaker[];
  cueHits: CueHit[];
  words: number;
  /** Persons the article names (its named speakers and recurring full names), for targets. */
  targets: string[];
}

/** One sentence's view of one target. */
export interface SegmentTarget {
  /** Index into ArticleAnalysis.targets. */
  target: number;
  role: MentionRole;
  /** Tone of the sentence toward the target: its tone plus the loaded words' weights. */
  tone: number;
  /** ROLE_WEIGHT of the role: how much the sentence counts in the target's mean. */
  weight: number;
  /** True when the sentence reports someone else's words about the target (a quote *about* it). */
  quoted: boolean;
  /** Offsets of the first mention (none for a speaker-only sentence). */
  start: number | null;
  end: number | null;
}

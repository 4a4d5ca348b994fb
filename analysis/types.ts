// Shared types of the analysis stages. Each stage's own result types live next to the
// stage; this file holds only what several stages and the store all speak.

/** What a segment is on the page. Only `headline` and `body` segments are scored. */
export type SegmentKind = 'headline' | 'dek' | 'byline' | 'section' | 'body' | 'boilerplate';

export const SEGMENT_KINDS: readonly SegmentKind[] = [
  'headline',
  'dek',
  'byline',
  'section',
  'body',
  'boilerplate',
];

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

/** Kinds that get tone, expectation, hedge and quote scores. */
export function isScoredKind(kind: SegmentKind): boolean {
  return kind === 'body' || kind === 'headline';
}

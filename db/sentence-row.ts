// The row shape of a scored sentence as the story and search queries select it, and its
// one mapping to StorySentence, shared by the dashboard's query and the concordance's.

import type { SegmentKind } from '../analysis/vocabulary/segments.js';
import type { StorySentence, StoredSegment, StoredSpeaker } from './store.js';

export interface SentenceRow {
  id: number;
  article_id: number;
  outlet: string;
  position: number;
  paragraph_index: number;
  kind: SegmentKind;
  text: string;
  word_count: number;
  tone_combined: number | null;
  tone_afinn: number | null;
  tone_diplomacy: number | null;
  expectation: StoredSegment['expectation'];
  expectation_move: string | null;
  hedge_count: number;
  booster_count: number;
  quote_kind: StoredSegment['quote'];
  speaker: string | null;
  side: StoredSpeaker['side'] | null;
  is_anonymous: number | null;
  /** Issue ids of the sentence's issue cue hits, joined with "|". */
  issues: string | null;
}

export function toStorySentence(r: SentenceRow, pool?: StringPool): StorySentence {
  const one = pool ? (v: string | null) => pool.one(v) : (v: string | null) => v;
  return {
    segmentId: r.id,
    text: r.text,
    toneAfinn: r.tone_afinn,
    toneDiplomacy: r.tone_diplomacy,
    expectationMove: one(r.expectation_move),
    articleId: r.article_id,
    outlet: one(r.outlet)!,
    position: r.position,
    paragraph: r.paragraph_index,
    kind: one(r.kind) as SegmentKind,
    words: r.word_count,
    tone: r.tone_combined,
    expectation: one(r.expectation) as StorySentence['expectation'],
    hedges: r.hedge_count,
    boosters: r.booster_count,
    quote: one(r.quote_kind) as StorySentence['quote'],
    speaker: one(r.speaker),
    side: one(r.side) as StorySentence['side'],
    anonymous: r.is_anonymous === 1,
    issues: pool ? pool.issues(r.issues) : r.issues ? r.issues.split('|') : [],
  };
}

/**
 * One copy of each repeated value of a story's sentences. A database driver returns a new
 * string for every row's outlet, kind, labels and speaker, and each sentence its own issues
 * array: on a story of 263,000 sentences that was about a third of what they held. Pooled,
 * rows share them; the issues arrays are frozen, as they are shared.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string | null, readonly string[]>();

  one<T extends string | null>(value: T): T {
    if (value === null) return value;
    const kept = this.strings.get(value);
    if (kept !== undefined) return kept as T;
    this.strings.set(value, value);
    return value;
  }

  issues(joined: string | null): string[] {
    let list = this.lists.get(joined);
    if (list === undefined) {
      list = Object.freeze(joined ? joined.split('|').map((id) => this.one(id)) : []);
      this.lists.set(joined, list);
    }
    return list as string[];
  }
}

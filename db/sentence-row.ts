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

export function toStorySentence(r: SentenceRow): StorySentence {
  return {
    segmentId: r.id,
    text: r.text,
    toneAfinn: r.tone_afinn,
    toneDiplomacy: r.tone_diplomacy,
    expectationMove: r.expectation_move,
    articleId: r.article_id,
    outlet: r.outlet,
    position: r.position,
    paragraph: r.paragraph_index,
    kind: r.kind,
    words: r.word_count,
    tone: r.tone_combined,
    expectation: r.expectation,
    hedges: r.hedge_count,
    boosters: r.booster_count,
    quote: r.quote_kind,
    speaker: r.speaker,
    side: r.side,
    anonymous: r.is_anonymous === 1,
    issues: r.issues ? r.issues.split('|') : [],
  };
}

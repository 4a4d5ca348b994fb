// Scores one sentence for tone, expectation-setting and hedging in one call, sharing the
// clause and negation analysis between the three. This is the per-sentence entry point the
// pipeline calls; it deliberately does nothing per article (voices, speakers) so the voices
// stage can later score narrator and quoted parts separately with the same function.

import { scoreExpectation } from './expectation.js';
import { scoreHedges } from './hedges.js';
import type { Lexicons } from './lexicon.js';
import type { ExpectationScore, ToneScore } from '../types.js';
import { analyzeScope } from './scope.js';
import { scoreTone } from './tone.js';
import type { CueHit, Token } from '../types.js';

export interface SentenceScores {
  tone: ToneScore;
  expectation: ExpectationScore;
  hedges: number;
  boosters: number;
  cueHits: CueHit[];
}

/**
 * `tokens` come from tokenize(segment.text, segment.start), so offsets (and the cue hits)
 * point into the original article text; `segmentIndex` is stored on each cue hit.
 */
export function scoreSentence(
  tokens: Token[],
  segmentIndex: number,
  lexicons: Lexicons,
): SentenceScores {
  const scope = analyzeScope(tokens, lexicons);
  const tone = scoreTone(scope, segmentIndex, lexicons);
  const expectation = scoreExpectation(scope, segmentIndex, lexicons);
  const stance = scoreHedges(scope, segmentIndex, lexicons);
  return {
    tone: tone.tone,
    expectation: expectation.expectation,
    hedges: stance.hedges,
    boosters: stance.boosters,
    cueHits: [...tone.cueHits, ...expectation.cueHits, ...stance.cueHits],
  };
}

// Scores one sentence for tone, expectation-setting, hedging and loaded words in one call, sharing the
// clause and negation analysis between the three. This is the per-sentence entry point the
// pipeline calls; it deliberately does nothing per article (voices, speakers) so the voices
// stage can later score narrator and quoted parts separately with the same function.
// Expectation is the hand rules' (expectation.ts), decided together with the lexicon folder's
// trained model (expectation-model.ts) when the folder has one.

import { namesTalksOrOutcome, scoreExpectation, type ExpectationContext } from './expectation.js';
import { applyExpectationModel, sentenceFeatures, type Feature } from './expectation-model.js';
import { scoreHedges } from './hedges.js';
import type { Lexicons } from './lexicon.js';
import type { ExpectationScore, ToneScore } from '../types.js';
import { findLoadedLanguage, type LoadedLanguage } from './loaded-language.js';
import { analyzeScope } from './scope.js';
import { scoreTone } from './tone.js';
import type { CueHit, Token } from '../types.js';

export interface SentenceScores {
  tone: ToneScore;
  expectation: ExpectationScore;
  /** Whether the sentence names the talks or their outcome (namesTalksOrOutcome). */
  talksNamed: boolean;
  hedges: number;
  boosters: number;
  cueHits: CueHit[];
}

/** Where the sentence stands in its article: what the rules and the model read beyond it. */
export interface SentenceContext extends ExpectationContext {
  headline?: boolean;
  /**
   * Called with the model's features and the rules' label of the sentence (what
   * `npm run train` learns from); the features are computed only when a model or this asks.
   */
  observeExpectation?: (features: Feature[], rules: ExpectationScore) => void;
}

/**
 * `tokens` come from tokenize(segment.text, segment.start), so offsets (and the cue hits)
 * point into the original article text; `segmentIndex` is stored on each cue hit.
 */
export function scoreSentence(
  tokens: Token[],
  segmentIndex: number,
  lexicons: Lexicons,
  loaded?: LoadedLanguage,
  context?: SentenceContext,
): SentenceScores {
  const scope = analyzeScope(tokens, lexicons);
  // Once per sentence: the expectation rules read it, and the pipeline passes it on to the
  // next sentence.
  const talksNamed = namesTalksOrOutcome(tokens, lexicons);
  const loadedHits = loaded ? findLoadedLanguage(scope, segmentIndex, loaded) : [];
  const tone = scoreTone(scope, segmentIndex, lexicons);
  let expectation = scoreExpectation(scope, segmentIndex, lexicons, {
    talksJustNamed: context?.talksJustNamed ?? false,
    talksNamed,
    talksNamedEarlier: context?.talksNamedEarlier,
    headline: context?.headline,
  });
  const model = lexicons.expectationModel;
  if (model || context?.observeExpectation) {
    const features = sentenceFeatures(scope, tone.tone, lexicons, expectation.expectation, {
      headline: context?.headline ?? false,
      talksJustNamed: context?.talksJustNamed ?? false,
      talksNamed,
    });
    context?.observeExpectation?.(features, expectation.expectation);
    if (model)
      expectation = applyExpectationModel(model, expectation, scope, features, segmentIndex);
  }
  const stance = scoreHedges(scope, segmentIndex, lexicons);
  return {
    tone: tone.tone,
    expectation: expectation.expectation,
    talksNamed,
    hedges: stance.hedges,
    boosters: stance.boosters,
    cueHits: [...tone.cueHits, ...expectation.cueHits, ...stance.cueHits, ...loadedHits],
  };
}

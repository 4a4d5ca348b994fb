// The cue vocabulary: the lexicons a cue hit can come from (the evidence shown on the article
// page and filtered in the concordance as `lexicon:category`), and the categories of the
// hedge and booster lexicons. Tone categories are in tone.ts; expectation categories are
// the expectation moves; issue categories are the issue ids of the issue lexicon.

import type { LabelInfo, LabelList } from './label.js';

export const CUE_LEXICONS = [
  'tone',
  'expectation',
  'hedge',
  'booster',
  'issue',
  'voice',
] as const satisfies LabelList<string>;
export type CueLexicon = (typeof CUE_LEXICONS)[number];

export const CUE_LEXICON: Readonly<Record<CueLexicon, LabelInfo>> = {
  tone: { name: 'Tone', description: 'an entry of the diplomacy tone lexicon' },
  expectation: { name: 'Expectation', description: 'a building block of expectation-setting' },
  hedge: { name: 'Hedge', description: 'a word or phrase that weakens a claim' },
  booster: { name: 'Booster', description: 'a word or phrase that strengthens a claim' },
  issue: { name: 'Issue', description: 'a term of the issue lexicon' },
  voice: { name: 'Voice', description: 'an attribution: a speech verb or source phrase' },
};

/**
 * Hedge types. not-a-hedge blocks a hedge word inside it ("could not be higher" is an
 * intensifier). frame-* entries are parts of two weasel constructions and count only together
 * (scoring/hedges.ts): a vague source + a verb of saying or believing ("critics have argued";
 * a quantifier may govern a short noun phrase: "some fitness experts say"), and an agentless
 * passive of one ("is widely regarded as", "was believed by some").
 */
export const HEDGE_TYPES = [
  'epistemic',
  'approximator',
  'attribution-shield',
  'weasel',
  'not-a-hedge',
  'frame-aux',
  'frame-participle',
  'frame-verb',
  'frame-source',
  'frame-quantifier',
] as const satisfies LabelList<string>;
export type HedgeType = (typeof HEDGE_TYPES)[number];

/** Booster types: certainty words count only when negated, and then as hedges ("not sure"). */
export const BOOSTER_TYPES = ['booster', 'certainty'] as const satisfies LabelList<string>;
export type BoosterType = (typeof BOOSTER_TYPES)[number];

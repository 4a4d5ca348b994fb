// The tone vocabulary: the three tone measures every scored sentence gets, the categories of
// the diplomacy tone lexicon, and the colours of negative and positive tone (README "The
// scores", tone). The measure called `combined` here (ToneScore.combined) is stored in the
// column `tone_combined` and is called `tone` from the store up (StoredSegment, StorySentence,
// the JSON): the tone every chart, mean and badge shows.

import type { LabelInfo, LabelList } from './label.js';

export const TONE_MEASURES = [
  'afinn',
  'diplomacy',
  'combined',
] as const satisfies LabelList<string>;
export type ToneMeasure = (typeof TONE_MEASURES)[number];

export const TONE_MEASURE: Readonly<Record<ToneMeasure, LabelInfo>> = {
  afinn: { name: 'AFINN', description: 'wink-sentiment’s normalized AFINN-165 score' },
  diplomacy: {
    name: 'diplomacy',
    description: 'the summed weights of the diplomacy tone lexicon',
  },
  combined: {
    name: 'combined tone',
    description: 'AFINN corrected for news plus the diplomacy score: the tone charts use',
  },
};

/** Categories of the diplomacy tone lexicon's entries. */
export const TONE_CATEGORIES = [
  'conflict',
  'cooperation',
  'euphemism',
  'afinn-override',
] as const satisfies LabelList<string>;
export type ToneCategory = (typeof TONE_CATEGORIES)[number];

export const TONE_CATEGORY: Readonly<Record<ToneCategory, LabelInfo>> = {
  conflict: { name: 'Conflict', description: 'conflict words: negative weight' },
  cooperation: { name: 'Cooperation', description: 'cooperation words: positive weight' },
  euphemism: {
    name: 'Euphemism',
    description: 'readout euphemisms for disagreement ("candid", "frank"): slightly negative',
  },
  'afinn-override': {
    name: 'AFINN override',
    description: 'a word whose AFINN score is wrong in news, with the weight to use instead',
  },
};

/** The sign of a sentence's tone, as charts colour it. */
export const TONE_SIGN = {
  negative: { name: 'Negative', description: 'tone below 0', colour: '#e69f00' },
  positive: { name: 'Positive', description: 'tone above 0', colour: '#56b4e9' },
} as const satisfies Record<string, LabelInfo>;

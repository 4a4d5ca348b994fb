// The expectation-setting vocabulary: the four labels a sentence gets (README "The scores",
// expectation-setting), their display names, colours and descriptions. Every layer takes the
// list and the type from here: the lexicon schema, the store, the search parameters, the
// comparison, the charts and the page badges. The finer `move` behind a label is not listed
// here: moves are open, named by the lexicon's cue entries and by the rules in
// scoring/expectation.ts.

import type { LabelInfo, LabelList } from './label.js';

export const EXPECTATION_LABELS = [
  'lowers',
  'raises',
  'hedged',
  'none',
] as const satisfies LabelList<string>;
export type ExpectationLabel = (typeof EXPECTATION_LABELS)[number];

/** The labels that set an expectation: what the dashboard counts, charts and summarises. */
export const EXPECTATION_DIRECTIONS = [
  'lowers',
  'raises',
  'hedged',
] as const satisfies readonly ExpectationLabel[];
export type ExpectationDirection = (typeof EXPECTATION_DIRECTIONS)[number];

export const EXPECTATION: Readonly<Record<ExpectationLabel, LabelInfo>> = {
  lowers: {
    name: 'Lowers',
    description: 'tempers or plays down what the event is expected to achieve',
    colour: '#d55e00',
  },
  raises: {
    name: 'Raises',
    description: 'builds up the expected outcome or stresses the stakes',
    colour: '#0072b2',
  },
  hedged: {
    name: 'Hedged',
    description: 'explicitly uncertain or two-sided about the outcome',
    colour: '#cc79a7',
  },
  none: { name: 'None', description: 'sets no expectation' },
};

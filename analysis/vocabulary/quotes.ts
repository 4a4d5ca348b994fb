// The quote vocabulary: whether a sentence carries someone's words directly (in quotation
// marks), reports them indirectly ("X said that …", "according to X") or neither (README
// "The scores", voices). Imported by the voices stage, the store, the comparison and pages.

import type { LabelInfo, LabelList } from './label.js';

export const QUOTE_KINDS = ['direct', 'indirect', 'none'] as const satisfies LabelList<string>;
export type QuoteKind = (typeof QUOTE_KINDS)[number];

/** Kinds that credit the sentence to a speaker: the sentence is in a quoted voice. */
export const ATTRIBUTED_QUOTE_KINDS = [
  'direct',
  'indirect',
] as const satisfies readonly QuoteKind[];

export const QUOTE: Readonly<Record<QuoteKind, LabelInfo>> = {
  direct: { name: 'Quoted', description: 'words in quotation marks credited to a speaker' },
  indirect: {
    name: 'Reported',
    description: 'a speaker’s words reported without quotation marks',
  },
  none: { name: 'None', description: 'no one is credited: the outlet’s own voice' },
};

// The segment-kind vocabulary: what each line or sentence of an article is on the page, and
// which kinds are scored (README "The scores", segmentation). The one place that decides
// "scored": the pipeline, the store's queries and the comparison all ask isScoredKind().

import type { LabelInfo, LabelList } from './label.js';

export const SEGMENT_KINDS = [
  'headline',
  'dek',
  'byline',
  'section',
  'body',
  'boilerplate',
] as const satisfies LabelList<string>;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/** Kinds that get tone, expectation, hedge and quote scores. */
export const SCORED_KINDS = ['headline', 'body'] as const satisfies LabelList<SegmentKind>;

export function isScoredKind(kind: SegmentKind): boolean {
  return (SCORED_KINDS as readonly SegmentKind[]).includes(kind);
}

export const SEGMENT_KIND: Readonly<Record<SegmentKind, LabelInfo>> = {
  headline: { name: 'Headline', description: 'the article’s title line' },
  dek: { name: 'Dek', description: 'the subtitle under the headline' },
  byline: { name: 'Byline', description: 'who wrote the article' },
  section: { name: 'Section heading', description: 'a short heading inside the article' },
  body: { name: 'Body', description: 'a sentence of the article’s text' },
  boilerplate: {
    name: 'Page furniture',
    description: 'lines that belong to the web page, not the article',
  },
};

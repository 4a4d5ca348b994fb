// One outlet against the other outlets on each story it covered, as numbers, for
// /api/outlets/<slug>: per story, the outlet's figures, the other outlets' sentences pooled
// into one comparison group, and the differences. Paired per story, so an outlet is not
// credited for covering gloomier events. Pure: sentences in, numbers out.

import { compareOutlets } from '../../analysis/comparison/compare.js';
import type { StorySentence, StorySummary } from '../../db/store.js';
import { outletFigures } from './figures.js';
import type { OutletFigures } from './figures.js';

/** The pseudo-outlet slug of the pooled other outlets. */
export const OTHER_OUTLETS = 'other-outlets';

export interface OutletInStory {
  story: { slug: string; title: string; outlets: number };
  outlet: OutletFigures;
  /** Every other outlet of the story pooled (articles stay the resampling unit). */
  others: OutletFigures | null;
  /** Outlet minus others; null where either side has no value. */
  difference: {
    toneMean: number | null;
    lowersPer1000: number | null;
    raisesPer1000: number | null;
    hedgedPer1000: number | null;
    hedgesPer1000: number | null;
    quotedShare: number | null;
  };
}

export function outletInStory(
  story: StorySummary,
  sentences: readonly StorySentence[],
  slug: string,
): OutletInStory {
  const name = story.outlets.find((o) => o.slug === slug)?.name ?? slug;
  const pooled = sentences.map((s) => (s.outlet === slug ? s : { ...s, outlet: OTHER_OUTLETS }));
  const [own, rest] = compareOutlets([slug, OTHER_OUTLETS], pooled);
  const outlet = outletFigures(own!, name);
  const others = rest!.sentences > 0 ? outletFigures(rest!, 'other outlets') : null;
  const minus = (a: number | null | undefined, b: number | null | undefined) =>
    a === null || a === undefined || b === null || b === undefined ? null : a - b;
  return {
    story: { slug: story.slug, title: story.title, outlets: story.outlets.length },
    outlet,
    others,
    difference: {
      toneMean: minus(outlet.tone?.mean, others?.tone?.mean),
      lowersPer1000: minus(outlet.expectation.lowers.per1000, others?.expectation.lowers.per1000),
      raisesPer1000: minus(outlet.expectation.raises.per1000, others?.expectation.raises.per1000),
      hedgedPer1000: minus(outlet.expectation.hedged.per1000, others?.expectation.hedged.per1000),
      hedgesPer1000: minus(outlet.hedges.per1000, others?.hedges.per1000),
      quotedShare: minus(outlet.quotedShare, others?.quotedShare),
    },
  };
}

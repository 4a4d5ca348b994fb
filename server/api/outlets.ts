// One outlet against the other outlets on each story it covered, as numbers, for
// /api/outlets/<slug>: per story, the outlet's figures, the other outlets' sentences pooled
// into one comparison group, and the differences. Paired per story, so an outlet is not
// credited for covering gloomier events; the same for the tone toward each party of the
// story's codebook. Pure: sentences and their targets in, numbers out.

import { compareOutlets } from '../../analysis/comparison/compare.js';
import { MIN_TARGET_SENTENCES } from '../../analysis/comparison/framing.js';
import type { StoryFramingRows } from '../../analysis/comparison/framing.js';
import { sideInfo } from '../../analysis/vocabulary/sides.js';
import type { StorySentence, StorySummary } from '../../db/store.js';
import { storyFraming } from '../panels/framing.js';
import { storyCodebook } from '../sides.js';
import { outletFigures, toneFigure } from './figures.js';
import type { OutletFigures, ToneFigure } from './figures.js';

/** The pseudo-outlet slug of the pooled other outlets. */
export const OTHER_OUTLETS = 'other-outlets';

/** Tone toward one party of the story's codebook: this outlet, the others pooled. */
export interface PartyPair {
  party: string;
  name: string;
  outlet: ToneFigure | null;
  others: ToneFigure | null;
  /** Outlet minus others, when both have at least MIN_TARGET_SENTENCES sentences about it. */
  difference: number | null;
  /** The names behind the outlet's sentences about the party (the link's `about`). */
  about: string[];
}

export interface OutletInStory {
  story: { slug: string; title: string; outlets: number };
  /** The story's codebook: tone toward a party is compared across stories sharing it. */
  codebook: { name: string; title: string };
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
  /** Tone toward each party of the story's codebook, paired the same way. */
  toward: PartyPair[];
}

export function outletInStory(
  story: StorySummary,
  sentences: readonly StorySentence[],
  framingRows: StoryFramingRows,
  slug: string,
): OutletInStory {
  const name = story.outlets.find((o) => o.slug === slug)?.name ?? slug;
  const pooled = sentences.map((s) => (s.outlet === slug ? s : { ...s, outlet: OTHER_OUTLETS }));
  const codebook = storyCodebook(story);
  // Voices by the story's own parties (a US–North Korea story's nk_gov, not china_gov).
  const [own, rest] = compareOutlets([slug, OTHER_OUTLETS], pooled, {
    buckets: codebook.vocabulary.buckets,
  });
  const outlet = outletFigures(own!, name);
  const others = rest!.sentences > 0 ? outletFigures(rest!, 'other outlets') : null;
  const minus = (a: number | null | undefined, b: number | null | undefined) =>
    a === null || a === undefined || b === null || b === undefined ? null : a - b;
  const framing = storyFraming([slug, OTHER_OUTLETS], codebook, pooled, framingRows);
  const [ownFraming, restFraming] = framing.figures;
  const toward = ownFraming!.toward.map((t, i): PartyPair => {
    const rest = restFraming!.toward[i]!;
    const enough =
      t.tone !== null &&
      rest.tone !== null &&
      t.sentences >= MIN_TARGET_SENTENCES &&
      rest.sentences >= MIN_TARGET_SENTENCES;
    return {
      party: t.party,
      name: sideInfo(codebook.vocabulary, t.party).name,
      outlet: toneFigure(t.tone),
      others: toneFigure(rest.tone),
      difference: enough ? t.tone!.estimate - rest.tone!.estimate : null,
      about: framing.about(slug, t.party),
    };
  });
  return {
    story: { slug: story.slug, title: story.title, outlets: story.outlets.length },
    codebook: { name: codebook.name, title: codebook.title },
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
    toward,
  };
}

// One outlet against the other outlets on each story it covered, as numbers, for
// /api/outlets/<slug>: per story, the outlet's figures, the other outlets' sentences pooled
// into one comparison group, and the differences. Paired per story, so an outlet is not
// credited for covering gloomier events; the same for the tone toward each party of the
// story's codebook. Pure: sentences and their targets in, numbers out.

import { outletComparison, sentencesByOutlet } from '../../analysis/comparison/compare.js';
import {
  MIN_TARGET_SENTENCES,
  towardBySegment,
  towardTone,
} from '../../analysis/comparison/framing.js';
import type { StoryFramingRows } from '../../analysis/comparison/framing.js';
import {
  ArticleSeries,
  OWN_DRAWS_MAX_OUTLETS,
  StoryWithoutOutlet,
  type Draws,
} from '../../analysis/comparison/others.js';
import { bootstrapMeanCI } from '../../analysis/comparison/stats.js';
import { sideInfo } from '../../analysis/vocabulary/sides.js';
import type { StorySentence, StorySummary } from '../../db/store.js';
import { namesAbout, storyPartyOf } from '../panels/framing.js';
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

/** One outlet's row: outletsInStory for that outlet alone. */
export function outletInStory(
  story: StorySummary,
  sentences: readonly StorySentence[],
  framingRows: StoryFramingRows,
  slug: string,
): OutletInStory {
  return outletsInStory(story, sentences, framingRows, [slug])[0]!;
}

/**
 * The rows of these outlets (in this order), the story read once for all of them: each
 * outlet against the story's other outlets pooled (OTHER_OUTLETS), the same numbers as
 * pooling them anew for each outlet (analysis/comparison/others.ts).
 */
export function outletsInStory(
  story: StorySummary,
  sentences: readonly StorySentence[],
  framingRows: StoryFramingRows,
  slugs: readonly string[],
): OutletInStory[] {
  const codebook = storyCodebook(story);
  const { parties } = codebook.vocabulary;
  // Voices by the story's own parties (a US–North Korea story's nk_gov, not china_gov).
  const options = { buckets: codebook.vocabulary.buckets };
  const byOutlet = sentencesByOutlet(sentences);
  // A story of many outlets resamples each outlet's rest from draws shared by all of them.
  const draws: Draws = story.outlets.length > OWN_DRAWS_MAX_OUTLETS ? 'shared' : 'own';
  const rest = new StoryWithoutOutlet(sentences, options, draws, slugs);
  // Tone toward each party: each sentence about it, by article (analysis/comparison/framing.ts).
  const partyOf = storyPartyOf(codebook, sentences);
  const toward = towardBySegment(
    new Map(sentences.map((s) => [s.segmentId, s])),
    framingRows,
    partyOf,
  );
  const towardParty = parties.map(() => new ArticleSeries(slugs));
  for (const s of sentences) {
    const perParty = toward.get(s.segmentId);
    if (perParty === undefined) continue;
    for (const [i, party] of parties.entries()) {
      const tones = perParty.get(party);
      if (tones) towardParty[i]!.add(s.articleId, s.outlet, towardTone(tones));
    }
  }
  const about = namesAbout(sentences, framingRows, partyOf);
  return slugs.map((slug) => {
    const name = story.outlets.find((o) => o.slug === slug)?.name ?? slug;
    const outlet = outletFigures(outletComparison(slug, byOutlet.get(slug) ?? [], options), name);
    const restOf = rest.comparison(slug, OTHER_OUTLETS);
    const others = restOf.sentences > 0 ? outletFigures(restOf, 'other outlets') : null;
    const minus = (a: number | null | undefined, b: number | null | undefined) =>
      a === null || a === undefined || b === null || b === undefined ? null : a - b;
    const toward = parties.map((party, i): PartyPair => {
      const series = towardParty[i]!;
      const own = series.of(slug);
      const ownSentences = own.reduce((n, list) => n + list.length, 0);
      const ownTone = ownSentences === 0 ? null : bootstrapMeanCI(own);
      const restSentences = series.count(slug);
      const restTone = restSentences === 0 ? null : series.without(slug, {}, draws);
      const enough =
        ownTone !== null &&
        restTone !== null &&
        ownSentences >= MIN_TARGET_SENTENCES &&
        restSentences >= MIN_TARGET_SENTENCES;
      return {
        party,
        name: sideInfo(codebook.vocabulary, party).name,
        outlet: toneFigure(ownTone),
        others: toneFigure(restTone),
        difference: enough ? ownTone.estimate - restTone.estimate : null,
        about: about(slug, party),
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
  });
}

// The framing panel of the story dashboard: per outlet, the tone of the sentences about each
// party of the story's codebook (with its interval and n, linked to those sentences), the
// rate of loaded word choice by category, and how each side's quoted speakers are
// introduced (distancing "claimed" vs neutral "said"); plus the framing phrases the numbers
// carry (analysis/comparison/framing.ts decides them). Which party a target belongs to: a
// speaker of that side in the same article, else the codebook's actors and metonyms.

import { partyOfName, type Codebook } from '../../analysis/codebooks/codebook.js';
import {
  framingClaims,
  MIN_TARGET_SENTENCES,
  outletFraming,
  type FramingSentence,
  type OutletFraming,
  type StoryFramingRows,
} from '../../analysis/comparison/framing.js';
import { sideHue, sideInfo } from '../../analysis/vocabulary/sides.js';
import { intervalText, signed, type IntervalText, type PanelContext } from './context.js';

export interface TowardCell {
  party: string;
  hue: string;
  /** The mean, or '–' with no sentence about the party. */
  text: string;
  interval: IntervalText | null;
  href: string | null;
}

export interface FramingRow {
  outlet: string;
  name: string;
  claims: string[];
  toward: TowardCell[];
  loaded: { text: string; n: string; href: string };
  loadedCategories: { category: string; count: number; href: string }[];
  verbs: { side: string; hue: string; text: string; n: string; href: string | null }[];
}

export interface FramingPanel {
  /** Whether any outlet has a framing phrase (else the page says so once). */
  hasClaims: boolean;
  /** Sentences about a party an outlet needs before any claim (MIN_TARGET_SENTENCES). */
  minimum: number;
  parties: { id: string; name: string; hue: string }[];
  rows: FramingRow[];
  /** The numbers, for the JSON API. */
  figures: OutletFraming[];
}

/** Which party a target of an article's sentence belongs to, or null. */
export type PartyOf = (target: string, articleId: number) => string | null;

/** The framing figures of a story's outlets (also the JSON API's). */
export function storyFraming(
  outlets: readonly string[],
  codebook: Codebook,
  sentences: readonly FramingSentence[],
  rows: StoryFramingRows,
): {
  figures: OutletFraming[];
  partyOf: PartyOf;
  about: (outlet: string, party: string) => string[];
} {
  const sides = codebook.vocabulary;
  const partyOf = storyPartyOf(codebook, sentences);
  const figures = outletFraming(
    outlets,
    sentences,
    rows,
    sides.parties,
    sides.speakerSides,
    partyOf,
  );
  return { figures, partyOf, about: namesAbout(sentences, rows, partyOf) };
}

/**
 * Which party a target of an article's sentence belongs to: a target that is a quoted
 * speaker of the article takes that speaker's side, else the codebook's actors and metonyms.
 */
export function storyPartyOf(codebook: Codebook, sentences: readonly FramingSentence[]): PartyOf {
  const sides = codebook.vocabulary;
  const speakerSide = new Map<string, string>();
  for (const s of sentences)
    if (s.speaker !== null && s.side !== null)
      speakerSide.set(`${s.articleId}\u0000${s.speaker.toLowerCase()}`, s.side);
  return (target: string, articleId: number): string | null => {
    const side = speakerSide.get(`${articleId}\u0000${target.toLowerCase()}`);
    if (side !== undefined && sides.parties.includes(side)) return side;
    return partyOfName(codebook, target);
  };
}

/**
 * The names behind each outlet's sentences about a party, for the link to them
 * (/search?about=…; at most 40, sorted, so the address stays short and stable).
 */
export function namesAbout(
  sentences: readonly FramingSentence[],
  rows: StoryFramingRows,
  partyOf: PartyOf,
): (outlet: string, party: string) => string[] {
  const targetsOf = new Map<string, Set<string>>();
  const bySegment = new Map(sentences.map((s) => [s.segmentId, s]));
  for (const t of rows.targets) {
    const s = bySegment.get(t.segmentId);
    if (!s || t.role === 'speaker') continue;
    const party = partyOf(t.target, s.articleId);
    if (party === null) continue;
    const key = `${s.outlet}\u0000${party}`;
    targetsOf.set(key, (targetsOf.get(key) ?? new Set()).add(t.target));
  }
  return (outlet: string, party: string) =>
    [...(targetsOf.get(`${outlet}\u0000${party}`) ?? [])].sort().slice(0, 40);
}

/** The panel of `framing`: storyFraming of the context's outlets, sentences and rows. */
export function framingPanel(
  context: PanelContext,
  codebook: Codebook,
  framing: ReturnType<typeof storyFraming>,
): FramingPanel {
  const sides = context.sides;
  const { figures, about: aboutOf } = framing;
  const name = (party: string) => sideInfo(sides, party).name;
  const claims = framingClaims(figures, name);
  return {
    hasClaims: [...claims.values()].some((list) => list.length > 0),
    minimum: MIN_TARGET_SENTENCES,
    parties: sides.parties.map((id) => ({ id, name: name(id), hue: sideHue(sides, id) })),
    figures,
    rows: figures.map((f) => ({
      outlet: f.outlet,
      name: context.nameOf(f.outlet),
      claims: claims.get(f.outlet) ?? [],
      toward: f.toward.map((t) => {
        const about = aboutOf(f.outlet, t.party);
        return {
          party: name(t.party),
          hue: sideHue(sides, t.party),
          text: t.tone ? signed(t.tone.estimate) : '–',
          interval: t.tone ? intervalText(t.tone) : null,
          href: about.length > 0 ? context.link(f.outlet, { about }) : null,
        };
      }),
      loaded: {
        text: f.loaded.per1000.toFixed(1),
        n:
          f.loaded.count === 0
            ? 'n 0'
            : `n ${f.loaded.count} in ${f.loaded.sentences} sentence${f.loaded.sentences === 1 ? '' : 's'}`,
        href: context.link(f.outlet, { cue: 'loaded' }),
      },
      loadedCategories: f.loaded.byCategory.map((c) => ({
        category: c.category.replace(/-/g, ' '),
        count: c.count,
        href: context.link(f.outlet, { cue: `loaded:${c.category}` }),
      })),
      verbs: f.verbs
        .filter((v) => v.distancing + v.neutral > 0)
        .map((v) => ({
          side: sideInfo(sides, v.side).name,
          hue: sideHue(sides, v.side),
          text: `${v.distancing} of ${v.distancing + v.neutral} distancing`,
          n: v.distancingShare === null ? '' : `${Math.round(v.distancingShare * 100)}%`,
          href:
            v.distancing > 0
              ? context.link(f.outlet, { side: v.side, cue: 'voice:speech_verb:distancing' })
              : null,
        })),
    })),
  };
}

// How one scored sentence is shown wherever sentences are listed (story drill-downs, aligned
// facts, the concordance): its outlet, a link to it in the article, and its tone, expectation
// label and speaker as small labelled badges. One place, so every page says it the same way.

import { EXPECTATION } from '../../analysis/vocabulary/expectation.js';
import { nameOf } from '../../analysis/vocabulary/label.js';
import { QUOTE } from '../../analysis/vocabulary/quotes.js';
import { sideHue, sideInfo } from '../../analysis/vocabulary/sides.js';
import { knownSides } from '../sides.js';
import { TONE_MEASURE } from '../../analysis/vocabulary/tone.js';
import type { StorySentence } from '../../db/store.js';
import type { SearchFilters } from '../search-params.js';

export interface SentenceBadges {
  tone: { text: string; className: 'tone-neg' | 'tone-neu' | 'tone-pos'; title: string } | null;
  expectation: { label: string; className: string; title: string } | null;
  speaker: { name: string; side: string; hue: string; sideLabel: string; quote: string } | null;
}

export interface SentenceView extends SentenceBadges {
  id: number;
  href: string;
  outlet: string;
  outletName: string;
  text: string;
}

/** Sentence tone shown with two decimals; within ±0.05 it reads as neutral. */
export function toneBadge(
  tone: number | null,
  afinn: number | null,
  diplomacy: number | null,
): SentenceBadges['tone'] {
  if (tone === null) return null;
  const text =
    Math.abs(tone) < 0.005 ? '0.00' : `${tone > 0 ? '+' : '−'}${Math.abs(tone).toFixed(2)}`;
  const className = tone <= -0.05 ? 'tone-neg' : tone >= 0.05 ? 'tone-pos' : 'tone-neu';
  const parts = [`${TONE_MEASURE.combined.name} ${text}`];
  if (afinn !== null) parts.push(`${TONE_MEASURE.afinn.name} ${afinn.toFixed(2)}`);
  if (diplomacy !== null) parts.push(`${TONE_MEASURE.diplomacy.name} ${diplomacy.toFixed(2)}`);
  return { text, className, title: parts.join(' · ') };
}

export function expectationBadge(
  label: string | null,
  move: string | null,
): SentenceBadges['expectation'] {
  if (label === null || label === 'none') return null;
  return {
    label: nameOf(EXPECTATION, label),
    className: `exp-${label}`,
    title: move ? `expectation: ${label} (${move.replace(/_/g, ' ')})` : `expectation: ${label}`,
  };
}

export function speakerBadge(
  name: string | null,
  side: string | null,
  quote: string | null,
  anonymous: boolean,
): SentenceBadges['speaker'] {
  if (name === null || side === null || quote === null || quote === 'none') return null;
  return {
    name,
    side,
    hue: sideHue(knownSides(), side),
    sideLabel: `${sideInfo(knownSides(), side).name}${anonymous ? ', anonymous' : ''}`,
    quote: nameOf(QUOTE, quote).toLowerCase(),
  };
}

export function sentenceView(
  s: StorySentence,
  outletNames: ReadonlyMap<string, string>,
): SentenceView {
  return {
    id: s.segmentId,
    href: `/articles/${s.articleId}#s${s.position}`,
    outlet: s.outlet,
    outletName: outletNames.get(s.outlet) ?? s.outlet,
    text: s.text,
    tone: toneBadge(s.tone, s.toneAfinn, s.toneDiplomacy),
    expectation: expectationBadge(s.expectation, s.expectationMove),
    speaker: speakerBadge(s.speaker, s.side, s.quote, s.anonymous),
  };
}

/** The address of a search: parameters in a fixed order, blank ones left out. */
export function searchHref(
  q: string,
  filters: SearchFilters,
  page = 1,
  path = '/search',
  after?: number,
): string {
  const params = new URLSearchParams();
  if (q) params.append('q', q);
  for (const key of [
    'story',
    'outlet',
    'kind',
    'expectation',
    'side',
    'voice',
    'part',
    'anonymous',
    'speaker',
    'about',
    'issue',
    'cue',
  ] as const) {
    const value = filters[key];
    if (value === undefined || value === false) continue;
    for (const v of Array.isArray(value) ? value : [value])
      params.append(key, v === true ? '1' : String(v));
  }
  if (page > 1) params.append('page', String(page));
  if (after !== undefined) params.append('after', String(after));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The filters a dashboard number links to: one story, and a cue as `lexicon[:category]`. */
export type SentenceFilters = Omit<SearchFilters, 'story' | 'cue' | 'kind'> & {
  story: string;
  cue?: string;
  q?: string;
};

/** The address of the sentences behind a number: the concordance with these filters. */
export function sentencesHref({ q, cue, ...filters }: SentenceFilters): string {
  return searchHref(q ?? '', { ...filters, cue: cue === undefined ? undefined : [cue] });
}

// What every panel of the story dashboard is built from: the outlets' comparison figures,
// the sentences of the chosen part, display names, and the link to the sentences behind a
// number. The dashboard (pages/story.ts) makes one context and hands it to each panel.

import type { OutletComparison, Rate } from '../../analysis/comparison/compare.js';
import type { StorySentence } from '../../db/store.js';
import type { SentenceFilters } from '../pages/sentence.js';

/** A number as shown, with the address of the sentences behind it. */
export interface Linked {
  text: string;
  href: string;
}

export type LinkFilters = Omit<SentenceFilters, 'story'>;

export interface PanelContext {
  /** Per outlet, in the story's outlet order. */
  figures: OutletComparison[];
  /** The scored sentences of the chosen part. */
  sentences: StorySentence[];
  /** Outlet display names, in the story's outlet order. */
  outletNames: string[];
  nameOf(slug: string): string;
  /** The concordance address of an outlet's sentences in this part, narrowed by `filters`. */
  link(outlet: string, filters: LinkFilters): string;
}

/** A rate per 1,000 words with one decimal, linked to its sentences. */
export function rateLink(
  context: PanelContext,
  outlet: string,
  rate: Rate,
  filters: LinkFilters,
): Linked {
  return { text: rate.per1000.toFixed(1), href: context.link(outlet, filters) };
}

/** A tone value with two decimals and a real minus sign. */
export function signed(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(2)}`;
}

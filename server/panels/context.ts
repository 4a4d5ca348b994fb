// What every panel of the story dashboard is built from: the outlets' comparison figures,
// the sentences of the chosen part, display names, and the link to the sentences behind a
// number. The dashboard (pages/story.ts) makes one context and hands it to each panel.

import type { OutletComparison, Rate } from '../../analysis/comparison/compare.js';
import {
  MIN_INTERVAL_SENTENCES,
  showsInterval,
  type MeanInterval,
} from '../../analysis/comparison/stats.js';
import type { SideVocabulary } from '../../analysis/vocabulary/sides.js';
import type { StorySentence } from '../../db/store.js';
import type { SentenceFilters } from '../pages/sentence.js';

/** A number as shown, with the address of the sentences behind it. */
export interface Linked {
  text: string;
  href: string;
  /** The count behind a rate or share ("n 4"), shown beside it. */
  n?: string;
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
  /** The sides of the story's codebook. */
  sides: SideVocabulary;
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
  return {
    text: rate.per1000.toFixed(1),
    href: context.link(outlet, filters),
    n: `n ${rate.count}`,
  };
}

/**
 * A signed value with a real minus sign, two decimals unless told. The sign follows the
 * rounded value: −0.0012 and +0.0012 both print "0.00", never "−0.00" or "+0.00".
 */
export function signed(value: number, digits = 2): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}

/** What the page prints for a mean's interval: the bounds, or why there are none. */
export interface IntervalText {
  /** "−0.20 to +0.35", or null when no interval can be computed. */
  range: string | null;
  /** Why there is no interval, or what it rests on ("1 article: sentences resampled"). */
  note: string;
  /** Sentences (and articles) behind the mean: "n 12 · 3 articles". */
  n: string;
}

/** Said wherever a mean has too few sentences for its interval to be shown. */
export const NO_INTERVAL_NOTE = `no interval below ${MIN_INTERVAL_SENTENCES} sentences`;

/** An interval's bounds as every page writes them: "−0.39 to +1.46". */
export function intervalRange(interval: { low: number; high: number }): string {
  return `${signed(interval.low)} to ${signed(interval.high)}`;
}

export function intervalText(interval: MeanInterval): IntervalText {
  const n = `n ${interval.n}${interval.articles > 1 ? ` · ${interval.articles} articles` : ''}`;
  if (interval.n < MIN_INTERVAL_SENTENCES) {
    return { range: null, note: NO_INTERVAL_NOTE, n };
  }
  if (!showsInterval(interval)) {
    return { range: null, note: `no interval: all ${interval.n} sentences score the same`, n };
  }
  return {
    range: intervalRange(interval),
    note:
      interval.method === 'articles'
        ? `95% interval, resampling ${interval.articles} articles`
        : '95% interval from one article: its sentences resampled (understates the uncertainty; needs ≥ 2 articles)',
    n,
  };
}

// View model of an outlet's profile (/outlets/<slug>): how one outlet frames across every
// story it covered, against the other outlets on the same stories. Each figure is paired per
// story (the outlet minus the other outlets pooled), so an outlet is not credited for covering
// gloomier events; the differences are then averaged over stories, with a 95% bootstrap
// interval that resamples stories. The per-story numbers come from server/api/outlets.ts.

import { bootstrapMeanCI } from '../../analysis/comparison/stats.js';
import type { OutletSummary } from '../../db/store.js';
import type { OutletInStory } from '../api/outlets.js';
import type { OutletFigures } from '../api/figures.js';
import type { LayoutModel } from '../render.js';
import { sentencesHref } from './sentence.js';
import type { SentenceFilters } from './sentence.js';

interface Metric {
  label: string;
  unit: string;
  value: (f: OutletFigures) => number | null;
  digits: number;
  /** Shares are shown as percentages (and their differences in points), as on the story page. */
  percent?: boolean;
  /** The outlet's sentences behind the figure in one story. */
  filter: Omit<SentenceFilters, 'story' | 'outlet'>;
}

const share = (f: OutletFigures, side: 'us_gov' | 'china_gov' | 'analyst') =>
  f.sentences > 0 ? (f.voices[side]?.share ?? null) : null;

const METRICS: Metric[] = [
  {
    label: 'Mean tone',
    unit: '−5 … +5',
    value: (f) => f.tone?.mean ?? null,
    digits: 2,
    filter: {},
  },
  {
    label: 'Lowers expectations',
    unit: 'sentences per 1,000 words',
    value: (f) => f.expectation.lowers.per1000,
    digits: 1,
    filter: { expectation: 'lowers' },
  },
  {
    label: 'Raises expectations',
    unit: 'sentences per 1,000 words',
    value: (f) => f.expectation.raises.per1000,
    digits: 1,
    filter: { expectation: 'raises' },
  },
  {
    label: 'Hedged expectations',
    unit: 'sentences per 1,000 words',
    value: (f) => f.expectation.hedged.per1000,
    digits: 1,
    filter: { expectation: 'hedged' },
  },
  {
    label: 'Hedges',
    unit: 'cue words per 1,000 words',
    value: (f) => f.hedges.per1000,
    digits: 1,
    filter: { cue: 'hedge' },
  },
  {
    label: 'Quoted voices',
    unit: '% of sentences (difference in points)',
    percent: true,
    value: (f) => f.quotedShare,
    digits: 2,
    filter: { voice: 'quoted' },
  },
  {
    label: 'US government voices',
    unit: '% of sentences (difference in points)',
    percent: true,
    value: (f) => share(f, 'us_gov'),
    digits: 2,
    filter: { side: 'us_gov' },
  },
  {
    label: 'Chinese government voices',
    unit: '% of sentences (difference in points)',
    percent: true,
    value: (f) => share(f, 'china_gov'),
    digits: 2,
    filter: { side: 'china_gov' },
  },
  {
    label: 'Analyst voices',
    unit: '% of sentences (difference in points)',
    percent: true,
    value: (f) => share(f, 'analyst'),
    digits: 2,
    filter: { side: 'analyst' },
  },
];

// Signs follow the rounded value: −0.001 is shown as 0.00, not −0.00.
function signed(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}
const plain = (value: number | null, digits: number) =>
  value === null ? '–' : signed(value, digits).replace('+', '');

/** A figure as the page prints it: a share 0.55 is "55%", a difference of shares "+5 pts". */
function shown(m: Metric, value: number | null, difference = false): string {
  if (value === null) return '–';
  if (!m.percent) return difference ? signed(value, m.digits) : plain(value, m.digits);
  return difference ? `${signed(value * 100, 0)} pts` : `${plain(value * 100, 0)}%`;
}

export interface OutletPage extends LayoutModel {
  outlet: { name: string; slug: string; kind: string | null; country: string | null };
  storyCount: number;
  comparedCount: number;
  apiHref: string;
  overall: { label: string; unit: string; difference: string; interval: string; stories: number }[];
  stories: {
    title: string;
    href: string;
    outlets: number;
    cells: {
      outlet: string;
      others: string;
      difference: string;
      /** The 95% intervals (outlet / others), for tone; empty otherwise. */
      intervals: string;
      href: string;
    }[];
  }[];
  metrics: { label: string; unit: string }[];
}

export function outletPage(outlet: OutletSummary, rows: OutletInStory[]): OutletPage {
  // A story with no other outlet has nothing to pair with.
  const paired = rows.filter((r) => r.others !== null);
  const overall = METRICS.map((m) => {
    const differences = paired.flatMap((r) => {
      const own = m.value(r.outlet);
      const rest = m.value(r.others!);
      return own === null || rest === null ? [] : [own - rest];
    });
    // Each story is one resampling unit: the interval is over stories, not sentences.
    const ci = bootstrapMeanCI(differences.map((d) => [d]));
    return {
      label: m.label,
      unit: m.unit,
      stories: differences.length,
      difference: ci ? shown(m, ci.estimate, true) : '–',
      interval:
        ci && ci.method === 'articles'
          ? `${shown(m, ci.low, true)} to ${shown(m, ci.high, true)}`
          : 'one story: no interval',
    };
  });
  return {
    title: outlet.name,
    crumbs: [{ label: 'Stories', href: '/' }],
    outlet: { name: outlet.name, slug: outlet.slug, kind: outlet.kind, country: outlet.country },
    storyCount: rows.length,
    comparedCount: paired.length,
    apiHref: `/api/outlets/${encodeURIComponent(outlet.slug)}`,
    overall,
    metrics: METRICS.map((m) => ({ label: m.label, unit: m.unit })),
    stories: rows.map((r) => ({
      title: r.story.title,
      href: `/stories/${encodeURIComponent(r.story.slug)}`,
      outlets: r.story.outlets,
      cells: METRICS.map((m) => {
        const own = m.value(r.outlet);
        const rest = r.others ? m.value(r.others) : null;
        const interval = (f: OutletFigures | null) =>
          f?.tone?.interval
            ? `[${signed(f.tone.interval.low, 2)}, ${signed(f.tone.interval.high, 2)}]`
            : '–';
        return {
          intervals: m.label === 'Mean tone' ? `${interval(r.outlet)} / ${interval(r.others)}` : '',
          outlet: shown(m, own),
          others: shown(m, rest),
          difference: own === null || rest === null ? '–' : shown(m, own - rest, true),
          href: sentencesHref({ story: r.story.slug, outlet: outlet.slug, ...m.filter }),
        };
      }),
    })),
  };
}

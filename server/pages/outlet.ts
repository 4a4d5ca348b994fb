// View model of an outlet's profile (/outlets/<slug>): how one outlet frames across every
// story it covered, against the other outlets on the same stories. Each figure is paired per
// story (the outlet minus the other outlets pooled), so an outlet is not credited for covering
// gloomier events; the differences are then averaged over stories, with a 95% bootstrap
// interval that resamples stories. Tone toward each party is compared the same way among the
// stories that share a codebook (a US–North Korea story has no Chinese government to be
// negative toward). The per-story numbers come from server/api/outlets.ts.

import { MIN_TARGET_SENTENCES } from '../../analysis/comparison/framing.js';
import { bootstrapMeanCI } from '../../analysis/comparison/stats.js';
import type { OutletSummary } from '../../db/store.js';
import type { OutletInStory } from '../api/outlets.js';
import type { OutletFigures } from '../api/figures.js';
import type { LayoutModel } from '../render.js';
import { sentencesHref } from './sentence.js';
import type { SentenceFilters } from './sentence.js';
import { intervalRange, signed } from '../panels/context.js';

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

const share = (f: OutletFigures, side: string) =>
  f.sentences > 0 ? (f.voices[side]?.share ?? null) : null;

/** Voices of a side: one metric per party of the outlet's stories' codebooks, then analysts. */
function voiceMetric(side: string, name: string): Metric {
  return {
    label: `${name} voices`,
    unit: '% of sentences (difference in points)',
    percent: true,
    value: (f) => share(f, side),
    digits: 2,
    filter: { side },
  };
}

/** The figures every story has; voices by party follow (metricsFor). */
const COMMON_METRICS: Metric[] = [
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
];

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
  /** Tone toward each party, per codebook the outlet's stories use (parties differ by codebook). */
  toward: TowardGroup[];
  minimum: number;
}

interface TowardGroup {
  codebook: string;
  parties: string[];
  overall: { party: string; difference: string; interval: string; stories: number }[];
  stories: {
    title: string;
    href: string;
    cells: { text: string; n: string; difference: string; href: string | null }[];
  }[];
}

/**
 * Mean of per-story differences with a 95% interval. Each story is one resampling unit:
 * the interval is over stories, not sentences.
 */
function overStories(differences: number[], show: (value: number) => string) {
  const ci = bootstrapMeanCI(differences.map((d) => [d]));
  return {
    stories: differences.length,
    difference: ci ? show(ci.estimate) : '–',
    interval:
      ci && ci.method === 'articles'
        ? `${show(ci.low)} to ${show(ci.high)}`
        : differences.length === 1
          ? 'one story: no interval'
          : '–',
  };
}

/** Tone toward each party, paired per story, for the stories of each codebook. */
function towardGroups(slug: string, rows: OutletInStory[]): TowardGroup[] {
  const byCodebook = new Map<string, OutletInStory[]>();
  for (const r of rows) {
    if (r.others === null) continue;
    byCodebook.set(r.codebook.name, [...(byCodebook.get(r.codebook.name) ?? []), r]);
  }
  const tone = (f: { mean: number } | null) => (f ? signed(f.mean, 2) : '–');
  return [...byCodebook.values()].map((stories) => {
    const first = stories[0]!;
    return {
      codebook: first.codebook.title,
      parties: first.toward.map((t) => t.name),
      overall: first.toward.map((t, i) => ({
        party: t.name,
        ...overStories(
          stories.flatMap((r) =>
            r.toward[i]?.difference == null ? [] : [r.toward[i]!.difference!],
          ),
          (v) => signed(v, 2),
        ),
      })),
      stories: stories.map((r) => ({
        title: r.story.title,
        href: `/stories/${encodeURIComponent(r.story.slug)}`,
        cells: r.toward.map((t) => ({
          text: `${tone(t.outlet)} / ${tone(t.others)}`,
          n: `n ${t.outlet?.sentences ?? 0} / ${t.others?.sentences ?? 0}`,
          difference: t.difference === null ? '–' : signed(t.difference, 2),
          href:
            t.about.length > 0
              ? sentencesHref({ story: r.story.slug, outlet: slug, about: t.about })
              : null,
        })),
      })),
    };
  });
}

/**
 * The figures of the outlet's stories: the common ones, the voices of each party of their
 * codebooks (in the order first met; a story without the party has no value), analysts.
 */
function metricsFor(rows: readonly OutletInStory[]): Metric[] {
  const parties = new Map<string, string>();
  for (const r of rows)
    for (const t of r.toward) if (!parties.has(t.party)) parties.set(t.party, t.name);
  return [
    ...COMMON_METRICS,
    ...[...parties].map(([id, name]) => voiceMetric(id, name)),
    voiceMetric('analyst', 'Analyst'),
  ];
}

export function outletPage(outlet: OutletSummary, rows: OutletInStory[]): OutletPage {
  const figures = metricsFor(rows);
  // A story with no other outlet has nothing to pair with.
  const paired = rows.filter((r) => r.others !== null);
  const overall = figures.map((m) => {
    const differences = paired.flatMap((r) => {
      const own = m.value(r.outlet);
      const rest = m.value(r.others!);
      return own === null || rest === null ? [] : [own - rest];
    });
    return {
      label: m.label,
      unit: m.unit,
      ...overStories(differences, (v) => shown(m, v, true)),
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
    metrics: figures.map((m) => ({ label: m.label, unit: m.unit })),
    toward: towardGroups(outlet.slug, rows),
    minimum: MIN_TARGET_SENTENCES,
    stories: rows.map((r) => ({
      title: r.story.title,
      href: `/stories/${encodeURIComponent(r.story.slug)}`,
      outlets: r.story.outlets,
      cells: figures.map((m) => {
        const own = m.value(r.outlet);
        const rest = r.others ? m.value(r.others) : null;
        const interval = (f: OutletFigures | null) =>
          f?.tone?.interval ? `[${intervalRange(f.tone.interval)}]` : '–';
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

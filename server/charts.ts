// Charts for the story dashboard: Vega-Lite specs built from the comparison's numbers and
// rendered to SVG on the server by vega's headless renderer, so pages need no client
// JavaScript. Every mark links to the sentences behind it (the `href` channel), and the
// spec itself can be downloaded. Colours are Okabe–Ito, readable with colour blindness.
// vega escapes every text and attribute it writes, so data values cannot inject markup.

import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { EXPECTATION, EXPECTATION_DIRECTIONS } from '../analysis/vocabulary/expectation.js';
import { sideInfo, type SideVocabulary } from '../analysis/vocabulary/sides.js';
import { TONE_SIGN } from '../analysis/vocabulary/tone.js';

const CONFIG = {
  font: 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif',
  axis: { labelFontSize: 12, titleFontSize: 12, labelLimit: 220, titleFontWeight: 600 },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: 'top', labelLimit: 320 },
  header: { labelFontSize: 13, titleFontSize: 13, labelFontWeight: 600 },
  view: { stroke: null },
} as const;

export interface Chart {
  /** Server-built SVG markup, safe to insert unescaped. */
  svg: string;
  /** The Vega-Lite spec as JSON, for download. */
  spec: string;
  /** A sentence describing the chart for screen readers. */
  description: string;
}

export async function renderChart(
  spec: TopLevelSpec,
  /** Give each linked mark its description as an SVG <title>: a tooltip on hover. */
  options: { hoverTitles?: boolean } = {},
): Promise<Chart> {
  const full = { config: CONFIG, ...spec } as TopLevelSpec;
  const view = new vega.View(parsedSpec(full), { renderer: 'none' });
  const rendered = await view.toSVG();
  view.finalize();
  const svg = options.hoverTitles ? withHoverTitles(rendered) : rendered;
  return {
    svg,
    spec: JSON.stringify(
      { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', ...full },
      null,
      2,
    ),
    description: spec.description ?? '',
  };
}

/**
 * Charts of one shape (the same spec but for its data values: a story's whole-article, lead
 * and body dashboards, its "every outlet" page and the server's worker recomputing a story)
 * are compiled by vega-lite and parsed by vega once. Neither reads the data values: they
 * pass by reference into the parsed dataflow (`$ingest`), where a chart's own values are put
 * back, so the view is built from what vega.parse(compile(spec)) would give. Values that
 * are equal share one placeholder, as vega-lite merges equal inline data sets.
 */
const PARSED_SHAPES = 64;
const parsedShapes = new Map<string, vega.Runtime>();
const PLACEHOLDER = '__parallaxInlineValues';

/** How many chart shapes are kept parsed; `forget` drops them (tests). */
export const parsedChartShapes = {
  count: (): number => parsedShapes.size,
  forget: (): void => parsedShapes.clear(),
};

function parsedSpec(full: TopLevelSpec): vega.Runtime {
  const values: unknown[][] = [];
  const indexByJson = new Map<string, number>();
  const skeleton = withPlaceholders(full, (list) => {
    const json = JSON.stringify(list);
    let index = indexByJson.get(json);
    if (index === undefined) {
      index = values.push(list) - 1;
      indexByJson.set(json, index);
    }
    return [{ [PLACEHOLDER]: index }];
  });
  const key = JSON.stringify(skeleton);
  let runtime = parsedShapes.get(key);
  if (runtime === undefined) {
    runtime = vega.parse(compile(skeleton as TopLevelSpec).spec);
    if (parsedShapes.size >= PARSED_SHAPES) {
      parsedShapes.delete(parsedShapes.keys().next().value as string);
    }
  } else parsedShapes.delete(key);
  // Most recently used last: the oldest shape is dropped first.
  parsedShapes.set(key, runtime);
  return withValues(runtime, values) as vega.Runtime;
}

/** A copy of the spec with every inline data set's values replaced by `placeholder(values)`. */
function withPlaceholders(node: unknown, placeholder: (values: unknown[]) => unknown): unknown {
  if (Array.isArray(node)) return node.map((item) => withPlaceholders(item, placeholder));
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const data = value as { values?: unknown } | null;
    copy[key] =
      key === 'data' && data !== null && typeof data === 'object' && Array.isArray(data.values)
        ? { ...data, values: placeholder(data.values) }
        : withPlaceholders(value, placeholder);
  }
  return copy;
}

/** A copy of a parsed dataflow with each placeholder replaced by its values (by reference). */
function withValues(node: unknown, values: readonly unknown[][]): unknown {
  if (Array.isArray(node)) {
    const first = node[0] as Record<string, unknown> | undefined;
    if (node.length === 1 && first !== null && typeof first === 'object' && PLACEHOLDER in first) {
      return values[first[PLACEHOLDER] as number];
    }
    return node.map((item) => withValues(item, values));
  }
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = withValues(value, values);
  return copy;
}

/**
 * Vega's headless SVG has no tooltips (those need vega-tooltip's script): each linked mark
 * gets its accessible name (vega's aria-label, from the `description` channel) as a
 * <title> inside its link, which browsers show on hover and read with the link. The label
 * is copied as vega escaped it; a stray "<" is escaped again for element content.
 */
function withHoverTitles(svg: string): string {
  return svg.replace(
    /(<a\b[^>]*>)(<(?:path|text)\b[^>]*?\baria-label="([^"]*)")/g,
    (_, link: string, mark: string, label: string) =>
      `${link}<title>${label.replace(/</g, '&lt;')}</title>${mark}`,
  );
}

/** A Vega expression for "N sentence(s)". */
const SENTENCES = `datum.count + (datum.count === 1 ? ' sentence' : ' sentences')`;

export interface ToneSentencePoint {
  outlet: string;
  tone: number;
  text: string;
  href: string;
}

export interface ToneSummaryPoint {
  outlet: string;
  mean: number;
  /** The 95% interval's bounds, null when it is not shown (too few sentences). */
  low: number | null;
  high: number | null;
  /** The interval as the table writes it, or why there is none. */
  interval: string;
  n: number;
  href: string;
}

/** Every sentence's tone as a tick per outlet, with the mean and its 95% CI on top. */
export function toneChartSpec(
  sentences: ToneSentencePoint[],
  means: ToneSummaryPoint[],
  outlets: string[],
): TopLevelSpec {
  const y = { field: 'outlet', type: 'nominal', sort: outlets, title: null } as const;
  return {
    description:
      'Sentence tone per outlet: each tick is one sentence, the dot the mean, the bar its 95% bootstrap confidence interval.',
    width: 860,
    height: { step: 34 },
    layer: [
      {
        data: { values: sentences },
        mark: { type: 'tick', thickness: 1.5, size: 18, opacity: 0.45, cursor: 'pointer' },
        encoding: {
          y,
          x: {
            field: 'tone',
            type: 'quantitative',
            title: 'Sentence tone (combined: negative ← 0 → positive)',
            // Padded past the ±5 the ticks are clamped to, so a tick at −5 or +5 stands
            // clear of the axis line instead of vanishing into it.
            scale: { domain: [-5.5, 5.5], nice: false, clamp: true },
            axis: { values: [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5] },
          },
          color: {
            condition: [
              { test: 'datum.tone < 0', value: TONE_SIGN.negative.colour },
              { test: 'datum.tone > 0', value: TONE_SIGN.positive.colour },
            ],
            value: '#8a8f99',
          },
          href: { field: 'href' },
          tooltip: [
            { field: 'outlet', title: 'Outlet' },
            { field: 'tone', title: 'Tone', format: '+.2f' },
            { field: 'text', title: 'Sentence' },
          ],
        },
      },
      {
        data: { values: means.filter((m) => m.low !== null) },
        mark: { type: 'rule', strokeWidth: 3, color: '#1d1f23' },
        encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
      {
        data: { values: means },
        mark: { type: 'point', filled: true, size: 90, color: '#1d1f23', cursor: 'pointer' },
        encoding: {
          y,
          x: { field: 'mean', type: 'quantitative' },
          href: { field: 'href' },
          tooltip: [
            { field: 'outlet', title: 'Outlet' },
            { field: 'mean', title: 'Mean tone', format: '+.2f' },
            { field: 'interval', title: '95% CI' },
            { field: 'n', title: 'Sentences' },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}

/** One tone bin of one outlet: how many of its sentences score in [from, to). */
export interface ToneBin {
  outlet: string;
  from: number;
  to: number;
  /** The bin's middle tone: its sign gives the colour (0: neutral grey). */
  centre: number;
  count: number;
  /** Share of the outlet's scored sentences in this bin (0–1). */
  share: number;
  href: string;
}

/**
 * The tone chart of a story too large for one tick per sentence: per outlet, how its
 * sentences spread over tone bins (each cell's strength is the outlet's share of sentences
 * in the bin, in the sign's colour), with the same mean and 95% interval as the tick chart.
 * Its size grows with outlets, not sentences.
 */
export function toneDistributionSpec(
  bins: ToneBin[],
  means: ToneSummaryPoint[],
  outlets: string[],
): TopLevelSpec {
  const y = { field: 'outlet', type: 'nominal', sort: outlets, title: null } as const;
  const x = {
    field: 'from',
    type: 'quantitative',
    title: 'Sentence tone (combined: negative ← 0 → positive)',
    scale: { domain: [-5.5, 5.5], nice: false },
    axis: { values: [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5] },
  } as const;
  return {
    description:
      'Sentence tone per outlet as a distribution: each cell is a tone range, its strength the share of the outlet’s sentences in it; the dot is the mean, the bar its 95% bootstrap confidence interval.',
    width: 860,
    height: { step: 26 },
    layer: [
      {
        data: { values: bins },
        transform: [
          {
            calculate: `datum.outlet + ': ' + ${SENTENCES} + ' (' + format(datum.share, '.1%') + ' of its scored sentences) with tone from ' + format(datum.from, '+.2f') + ' to ' + format(datum.to, '+.2f')`,
            as: 'label',
          },
        ],
        mark: { type: 'rect', cursor: 'pointer', stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: {
          y,
          x,
          x2: { field: 'to' },
          description: { field: 'label' },
          color: {
            condition: [
              { test: 'datum.centre < 0', value: TONE_SIGN.negative.colour },
              { test: 'datum.centre > 0', value: TONE_SIGN.positive.colour },
            ],
            value: '#8a8f99',
          },
          opacity: {
            field: 'share',
            type: 'quantitative',
            title: 'Share of sentences',
            scale: { range: [0.04, 1], zero: true },
            legend: { format: '.0%' },
          },
          href: { field: 'href' },
          tooltip: [
            { field: 'outlet', title: 'Outlet' },
            { field: 'from', title: 'Tone from', format: '+.2f' },
            { field: 'to', title: 'to', format: '+.2f' },
            { field: 'count', title: 'Sentences' },
            { field: 'share', title: 'Share', format: '.1%' },
          ],
        },
      },
      {
        data: { values: means.filter((m) => m.low !== null) },
        mark: { type: 'rule', strokeWidth: 3, color: '#1d1f23', aria: false },
        encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
      {
        data: { values: means },
        transform: [
          {
            calculate: `datum.outlet + ': mean tone ' + format(datum.mean, '+.2f') + ', 95% interval ' + datum.interval + ', n ' + datum.n`,
            as: 'label',
          },
        ],
        mark: { type: 'point', filled: true, size: 70, color: '#1d1f23', cursor: 'pointer' },
        encoding: {
          y,
          x: { field: 'mean', type: 'quantitative' },
          description: { field: 'label' },
          href: { field: 'href' },
          tooltip: [
            { field: 'outlet', title: 'Outlet' },
            { field: 'mean', title: 'Mean tone', format: '+.2f' },
            { field: 'interval', title: '95% CI' },
            { field: 'n', title: 'Sentences' },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}

export interface RateBar {
  outlet: string;
  /** Facet column, e.g. the expectation label. */
  group: string;
  /** Stack colour, e.g. narrator vs quoted voice. */
  voice: string;
  per1000: number;
  count: number;
  href: string;
}

/**
 * Expectation-setting per 1,000 words: a panel per label in the label's colour (the same as
 * the table's swatches and the sentence badges), the outlet's own voice solid and its
 * quoted sources lighter.
 */
export function expectationChartSpec(rows: RateBar[], outlets: string[]): TopLevelSpec {
  const directions = [...EXPECTATION_DIRECTIONS];
  return {
    description:
      'Sentences that lower, raise or hedge expectations, per 1,000 words, split into the outlet’s own voice (solid) and quoted sources (light).',
    data: { values: rows },
    facet: {
      column: {
        field: 'group',
        type: 'nominal',
        title: null,
        sort: [...EXPECTATION_DIRECTIONS],
        header: { labelExpr: 'upper(slice(datum.label, 0, 1)) + slice(datum.label, 1)' },
      },
    },
    spec: {
      mark: { type: 'bar', cursor: 'pointer' },
      width: 270,
      height: { step: 26 },
      encoding: {
        y: { field: 'outlet', type: 'nominal', sort: outlets, title: null },
        x: { field: 'per1000', type: 'quantitative', stack: 'zero', title: 'per 1,000 words' },
        color: {
          field: 'group',
          type: 'nominal',
          title: null,
          legend: null,
          scale: {
            domain: directions,
            range: directions.map((d) => EXPECTATION[d].colour ?? '#8a8f99'),
          },
        },
        opacity: {
          field: 'voice',
          type: 'nominal',
          title: 'Voice',
          sort: ['own voice', 'quoted'],
          scale: { domain: ['own voice', 'quoted'], range: [1, 0.4] },
          legend: { symbolFillColor: '#5f6673', symbolStrokeColor: '#5f6673' },
        },
        order: { field: 'voice', sort: 'ascending' },
        href: { field: 'href' },
        tooltip: [
          { field: 'outlet', title: 'Outlet' },
          { field: 'group', title: 'Expectation' },
          { field: 'voice', title: 'Voice' },
          { field: 'count', title: 'Sentences' },
          { field: 'per1000', title: 'Per 1,000 words', format: '.2f' },
        ],
      },
    },
  } as TopLevelSpec;
}

export interface ShareBar {
  outlet: string;
  bucket: string;
  label: string;
  share: number;
  count: number;
  href: string;
}

/** Whose voice each outlet's sentences carry: a 100% stacked bar per outlet. */
export function voicesChartSpec(
  rows: ShareBar[],
  outlets: string[],
  sides: SideVocabulary,
): TopLevelSpec {
  const order = [...sides.buckets];
  const quoted = sides.speakerSides.map((side) => sideInfo(sides, side).speakers);
  return {
    description: `Share of each outlet’s sentences in its own (narrator) voice and quoting or reporting ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}.`,
    data: { values: rows },
    width: 860,
    height: { step: 30 },
    mark: { type: 'bar', cursor: 'pointer' },
    encoding: {
      y: { field: 'outlet', type: 'nominal', sort: outlets, title: null },
      x: {
        field: 'share',
        type: 'quantitative',
        stack: 'normalize',
        title: 'Share of sentences',
        axis: { format: '%' },
      },
      color: {
        field: 'label',
        type: 'nominal',
        title: null,
        sort: order,
        scale: {
          domain: order.map((bucket) => sideInfo(sides, bucket).name),
          range: order.map((bucket) => sideInfo(sides, bucket).colour),
        },
      },
      order: { field: 'order', type: 'quantitative' },
      href: { field: 'href' },
      tooltip: [
        { field: 'outlet', title: 'Outlet' },
        { field: 'label', title: 'Voice' },
        { field: 'count', title: 'Sentences' },
        { field: 'share', title: 'Share', format: '.0%' },
      ],
    },
    transform: [{ calculate: `indexof(${JSON.stringify(order)}, datum.bucket)`, as: 'order' }],
  } as TopLevelSpec;
}

export interface HeatCell {
  outlet: string;
  issue: string;
  per1000: number;
  count: number;
  href: string;
}

/**
 * Issue emphasis: sentences naming each issue per 1,000 words, outlets × issues. Colour and
 * the printed number are the same measure (the rate), and the colour scale starts at 0, so
 * a pale cell is a low rate, not merely the lowest of a narrow range; each cell's count and
 * rate are its hover title. Issue names wrap onto two lines rather than being cut.
 */
export function issuesHeatmapSpec(
  cells: HeatCell[],
  outlets: string[],
  issues: string[],
): TopLevelSpec {
  const max = Math.max(0, ...cells.map((c) => c.per1000));
  const x = {
    field: 'issue',
    type: 'nominal',
    sort: issues,
    title: null,
    axis: {
      labelAngle: 0,
      labelLimit: 0,
      labelExpr: wrappedLabels(issues),
      labelLineHeight: 13,
      labelPadding: 6,
      labelBaseline: 'top',
    },
  } as const;
  const y = { field: 'outlet', type: 'nominal', sort: outlets, title: null } as const;
  return {
    description: 'Sentences naming each issue per 1,000 words, per outlet; darker is more.',
    data: { values: cells },
    transform: [
      {
        calculate: `datum.outlet + ', ' + datum.issue + ': ' + ${SENTENCES} + ', ' + format(datum.per1000, '.1f') + ' per 1,000 words'`,
        as: 'label',
      },
    ],
    width: { step: 104 },
    height: { step: 32 },
    layer: [
      {
        mark: { type: 'rect', cursor: 'pointer', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: {
            field: 'per1000',
            type: 'quantitative',
            title: 'per 1,000 words',
            // From near white (the blues scheme's own ends), so a rate of 0 looks empty.
            scale: { range: ['#f7fbff', '#08519c'], domainMin: 0, zero: true },
            legend: { values: legendValues(max), format: '.1f', titleLimit: 200 },
          },
          href: { field: 'href' },
          description: { field: 'label' },
          tooltip: [
            { field: 'outlet', title: 'Outlet' },
            { field: 'issue', title: 'Issue' },
            { field: 'count', title: 'Sentences' },
            { field: 'per1000', title: 'Per 1,000 words', format: '.2f' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          x,
          y,
          text: { field: 'per1000', format: '.1f' },
          // White on the darker half of the scale, which starts at 0.
          color: {
            condition: { test: `datum.per1000 > ${max / 2}`, value: 'white' },
            value: '#1d1f23',
          },
          href: { field: 'href' },
          description: { field: 'label' },
        },
      },
    ],
  } as TopLevelSpec;
}

// Vega's labelExpr for issue names wrapped into lines of at most LABEL_LINE characters at
// spaces, so "Export controls and chips" reads whole instead of "Export controls and c…".
const LABEL_LINE = 14;

/** A Vega expression mapping each label to its wrapped lines (vega draws an array as lines). */
function wrappedLabels(labels: readonly string[]): string {
  const lines = labels.map((label) => {
    const out: string[] = [];
    for (const word of label.split(/\s+/)) {
      const last = out[out.length - 1];
      if (last !== undefined && last.length + 1 + word.length <= LABEL_LINE) {
        out[out.length - 1] = `${last} ${word}`;
      } else out.push(word);
    }
    return out;
  });
  return `${JSON.stringify(lines)}[indexof(${JSON.stringify(labels)}, datum.label)] || datum.label`;
}

/** Legend stops from 0 to the largest rate: 0, the middle and the top. */
function legendValues(max: number): number[] {
  if (max <= 0) return [0];
  return [0, Math.round((max / 2) * 10) / 10, Math.round(max * 10) / 10];
}

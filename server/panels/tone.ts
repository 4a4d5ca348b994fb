// The tone panel of the story dashboard: per outlet, the mean sentence tone with its
// bootstrap interval, spread and own-voice / quoted split; and the chart of every
// sentence's tone with each outlet's mean. Vocabulary: analysis/vocabulary/tone.ts.

import type { OutletComparison } from '../../analysis/comparison/compare.js';
import type { Chart } from '../charts.js';
import { renderChart, toneChartSpec, toneDistributionSpec, type ToneBin } from '../charts.js';
import { showsInterval, type MeanInterval } from '../../analysis/comparison/stats.js';
import {
  intervalRange,
  intervalText,
  signed,
  type IntervalText,
  type Linked,
  type PanelContext,
} from './context.js';

/** A mean tone as the table shows it: linked to its sentences, with interval and n. */
export type ToneMean = { mean: Linked } & IntervalText;

export interface ToneCell extends ToneMean {
  spread: string;
  /** The outlet's own-voice and quoted sentences apart; null when it has none of them. */
  narrator: ToneMean | null;
  quoted: ToneMean | null;
}

function toneMean(interval: MeanInterval, href: string): ToneMean {
  return { mean: { text: signed(interval.estimate), href }, ...intervalText(interval) };
}

export function toneCell(context: PanelContext, f: OutletComparison): ToneCell | null {
  const voice = (v: 'narrator' | 'quoted'): ToneMean | null => {
    const interval = f.toneByVoice[v];
    return interval && toneMean(interval, context.link(f.outlet, { voice: v }));
  };
  return (
    f.tone && {
      ...toneMean(f.tone, context.link(f.outlet, {})),
      spread: `${signed(f.toneDistribution.q1)} to ${signed(f.toneDistribution.q3)}`,
      narrator: voice('narrator'),
      quoted: voice('quoted'),
    }
  );
}

/**
 * Above this many scored sentences the chart shows each outlet's distribution instead of
 * one linked tick per sentence: a tick is about 440 bytes of SVG (44,000 sentences made 19 MB).
 */
export const TONE_TICKS_LIMIT = 1000;

/**
 * Width of a tone bin of the distribution chart. Bins are centred on multiples of it
 * (−5, −4.5 … +5), so the many sentences that score exactly 0 sit in a neutral bin of
 * their own sign colour (grey), not in the first positive one.
 */
const TONE_BIN = 0.5;

export function tonePanel(context: PanelContext): Promise<Chart> {
  const { figures, sentences, nameOf } = context;
  const means = figures.flatMap((f) =>
    f.tone
      ? [
          {
            outlet: nameOf(f.outlet),
            mean: f.tone.estimate,
            ...(showsInterval(f.tone)
              ? { low: f.tone.low, high: f.tone.high, interval: intervalRange(f.tone) }
              : { low: null, high: null, interval: intervalText(f.tone).note }),
            n: f.tone.n,
            href: context.link(f.outlet, {}),
          },
        ]
      : [],
  );
  const scored = sentences.filter((s) => s.tone !== null);
  if (scored.length > TONE_TICKS_LIMIT) {
    return renderChart(toneDistributionSpec(toneBins(context), means, context.outletNames), {
      hoverTitles: true,
    });
  }
  return renderChart(
    toneChartSpec(
      scored.map((s) => ({
        outlet: nameOf(s.outlet),
        tone: s.tone!,
        text: s.text.length > 160 ? `${s.text.slice(0, 157)}…` : s.text,
        href: `/articles/${s.articleId}#s${s.position}`,
      })),
      means,
      context.outletNames,
    ),
  );
}

/** Per outlet, its scored sentences counted into tone bins (tones past ±5 in the end bins). */
export function toneBins(context: PanelContext): ToneBin[] {
  const { figures, sentences, nameOf } = context;
  const last = Math.round(5 / TONE_BIN);
  const binCount = 2 * last + 1;
  const counts = new Map(figures.map((f) => [f.outlet, new Array<number>(binCount).fill(0)]));
  for (const s of sentences) {
    if (s.tone === null) continue;
    const bin = Math.min(last, Math.max(-last, Math.round(s.tone / TONE_BIN)));
    const row = counts.get(s.outlet);
    if (row) row[bin + last]!++;
  }
  return figures.flatMap((f) => {
    const row = counts.get(f.outlet)!;
    const total = row.reduce((a, b) => a + b, 0);
    return row.flatMap((count, index) => {
      const centre = (index - last) * TONE_BIN;
      return count === 0
        ? []
        : [
            {
              outlet: nameOf(f.outlet),
              from: centre - TONE_BIN / 2,
              to: centre + TONE_BIN / 2,
              centre,
              count,
              share: count / total,
              href: context.link(f.outlet, {}),
            },
          ];
    });
  });
}

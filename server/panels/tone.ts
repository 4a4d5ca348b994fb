// The tone panel of the story dashboard: per outlet, the mean sentence tone with its
// bootstrap interval, spread and own-voice / quoted split; and the chart of every
// sentence's tone with each outlet's mean. Vocabulary: analysis/vocabulary/tone.ts.

import type { OutletComparison } from '../../analysis/comparison/compare.js';
import type { Chart } from '../charts.js';
import { renderChart, toneChartSpec } from '../charts.js';
import type { MeanInterval } from '../../analysis/comparison/stats.js';
import {
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

export function tonePanel(context: PanelContext): Promise<Chart> {
  const { figures, sentences, nameOf } = context;
  return renderChart(
    toneChartSpec(
      sentences.flatMap((s) =>
        s.tone === null
          ? []
          : [
              {
                outlet: nameOf(s.outlet),
                tone: s.tone,
                text: s.text.length > 160 ? `${s.text.slice(0, 157)}…` : s.text,
                href: `/articles/${s.articleId}#s${s.position}`,
              },
            ],
      ),
      figures.flatMap((f) =>
        f.tone
          ? [
              {
                outlet: nameOf(f.outlet),
                mean: f.tone.estimate,
                low: f.tone.low,
                high: f.tone.high,
                n: f.tone.n,
                href: context.link(f.outlet, {}),
              },
            ]
          : [],
      ),
      context.outletNames,
    ),
  );
}

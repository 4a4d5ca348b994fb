// The tone panel of the story dashboard: per outlet, the mean sentence tone with its
// bootstrap interval, spread and own-voice / quoted split; and the chart of every
// sentence's tone with each outlet's mean. Vocabulary: analysis/vocabulary/tone.ts.

import type { OutletComparison } from '../../analysis/comparison/compare.js';
import type { Chart } from '../charts.js';
import { renderChart, toneChartSpec } from '../charts.js';
import { signed, type Linked, type PanelContext } from './context.js';

export interface ToneCell {
  mean: Linked;
  ci: string;
  method: string;
  spread: string;
  narrator: string;
  quoted: string;
}

export function toneCell(context: PanelContext, f: OutletComparison): ToneCell | null {
  return (
    f.tone && {
      mean: { text: signed(f.tone.estimate), href: context.link(f.outlet, {}) },
      ci: `${signed(f.tone.low)} to ${signed(f.tone.high)}`,
      spread: `${signed(f.toneDistribution.q1)} to ${signed(f.toneDistribution.q3)}`,
      method:
        f.tone.method === 'articles'
          ? `resampling ${f.tone.articles} articles`
          : f.tone.method === 'sentences'
            ? 'one article: resampling its sentences'
            : 'a single sentence',
      narrator: f.toneByVoice.narrator ? signed(f.toneByVoice.narrator.estimate) : '–',
      quoted: f.toneByVoice.quoted ? signed(f.toneByVoice.quoted.estimate) : '–',
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

// The expectation-setting panel of the story dashboard: per outlet, each direction's rate
// per 1,000 words, split into the outlet's own voice and quoted sources; and the chart of
// the same rates. Vocabulary: analysis/vocabulary/expectation.ts (a label added there gets
// a cell and a chart column here).

import type { OutletComparison } from '../../analysis/comparison/compare.js';
import {
  EXPECTATION_DIRECTIONS,
  type ExpectationDirection,
} from '../../analysis/vocabulary/expectation.js';
import type { Chart } from '../charts.js';
import { expectationChartSpec, renderChart } from '../charts.js';
import { rateLink, type Linked, type PanelContext } from './context.js';

export type ExpectationCell = Linked & { own: Linked; quoted: Linked };

export function expectationCells(
  context: PanelContext,
  f: OutletComparison,
): Record<ExpectationDirection, ExpectationCell> {
  const cell = (label: ExpectationDirection): ExpectationCell => ({
    ...rateLink(context, f.outlet, f.expectation[label], { expectation: label }),
    own: rateLink(context, f.outlet, f.expectation[label].byVoice.narrator, {
      expectation: label,
      voice: 'narrator',
    }),
    quoted: rateLink(context, f.outlet, f.expectation[label].byVoice.quoted, {
      expectation: label,
      voice: 'quoted',
    }),
  });
  return Object.fromEntries(EXPECTATION_DIRECTIONS.map((label) => [label, cell(label)])) as Record<
    ExpectationDirection,
    ExpectationCell
  >;
}

export function expectationPanel(context: PanelContext): Promise<Chart> {
  return renderChart(
    expectationChartSpec(
      context.figures.flatMap((f) =>
        EXPECTATION_DIRECTIONS.flatMap((label) =>
          (['narrator', 'quoted'] as const).map((voice) => ({
            outlet: context.nameOf(f.outlet),
            group: label,
            voice: voice === 'narrator' ? 'own voice' : 'quoted',
            per1000: f.expectation[label].byVoice[voice].per1000,
            count: f.expectation[label].byVoice[voice].count,
            href: context.link(f.outlet, { expectation: label, voice }),
          })),
        ),
      ),
      context.outletNames,
    ),
  );
}

// A chart's vega-lite compile and vega parse are kept per shape (the spec but for its data
// values), so a story's three dashboards parse each chart once; a chart drawn from a kept
// shape must be the chart drawn from scratch, whatever was drawn before it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  expectationChartSpec,
  parsedChartShapes,
  renderChart,
  toneChartSpec,
  type ToneSentencePoint,
  type ToneSummaryPoint,
} from '../../server/charts.js';

const outlets = ['CNN', 'Fox News'];

function point(outlet: string, tone: number, i: number): ToneSentencePoint {
  return { outlet, tone, text: `Sentence ${i} of ${outlet}.`, href: `/s/${outlet}/${i}` };
}

function mean(outlet: string, value: number, withInterval: boolean): ToneSummaryPoint {
  return {
    outlet,
    mean: value,
    low: withInterval ? value - 0.4 : null,
    high: withInterval ? value + 0.4 : null,
    interval: withInterval
      ? `${(value - 0.4).toFixed(2)} to ${(value + 0.4).toFixed(2)}`
      : 'n < 10',
    n: 12,
    href: `/s/${outlet}`,
  };
}

const first = toneChartSpec(
  [point('CNN', -1.5, 1), point('CNN', 0.5, 2), point('Fox News', 2, 3)],
  [mean('CNN', -0.5, true), mean('Fox News', 2, false)],
  outlets,
);
const second = toneChartSpec(
  [point('CNN', 3, 4), point('Fox News', -2.25, 5), point('Fox News', -4, 6)],
  [mean('CNN', 3, false), mean('Fox News', -3.1, true)],
  outlets,
);
// Every mean has its interval: the two layers' data are equal, and vega-lite merges them.
const merged = toneChartSpec(
  [point('CNN', 1, 7), point('Fox News', -1, 8)],
  [mean('CNN', 1, true), mean('Fox News', -1, true)],
  outlets,
);

async function fresh(spec: Parameters<typeof renderChart>[0]) {
  parsedChartShapes.forget();
  return renderChart(spec);
}

test('charts of one shape are parsed once and each drawn with its own data', async () => {
  parsedChartShapes.forget();
  const a = await renderChart(first);
  await renderChart(expectationChartSpec([], outlets));
  const b = await renderChart(second);
  assert.equal(parsedChartShapes.count(), 2, 'the second tone chart reuses the first one’s shape');
  assert.notEqual(a.svg, b.svg);
  assert.match(b.svg, /\/s\/Fox News\/6/);
  assert.doesNotMatch(b.svg, /\/s\/CNN\/1"/);
  assert.deepEqual(b, await fresh(second));
  assert.deepEqual(a, await fresh(first));
});

test('a chart whose layers share equal data is drawn as from scratch after one that does not', async () => {
  parsedChartShapes.forget();
  await renderChart(first);
  const reused = await renderChart(merged);
  assert.deepEqual(reused, await fresh(merged));
  // And the other way round: equal data first, then a chart of the unmerged shape.
  parsedChartShapes.forget();
  await renderChart(merged);
  assert.deepEqual(await renderChart(second), await fresh(second));
});

test('the downloadable spec keeps the chart’s own data', async () => {
  parsedChartShapes.forget();
  await renderChart(first);
  const chart = await renderChart(second);
  const spec = JSON.parse(chart.spec) as { layer: { data: { values: unknown[] } }[] };
  assert.equal(spec.layer[0]!.data.values.length, 3);
  assert.deepEqual(
    spec.layer[0]!.data.values.map((v) => (v as ToneSentencePoint).tone),
    [3, -2.25, -4],
  );
});

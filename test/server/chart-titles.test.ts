// The story page's captions promise a count on hover: the issue heatmap's cells and the tone
// distribution's cells carry it as an SVG <title> inside their link (a tooltip on hover, the
// link's name for a screen reader), with the outlet, the count of sentences and the rate.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { issuesHeatmapSpec, renderChart, toneDistributionSpec } from '../../server/charts.js';

function titledLinks(svg: string): Map<string, string[]> {
  const links = new Map<string, string[]>();
  for (const m of svg.matchAll(/<a xlink:href="([^"]*)"><title>([^<]*)<\/title>/g)) {
    links.set(m[1]!, [...(links.get(m[1]!) ?? []), m[2]!]);
  }
  return links;
}

test('each issue cell and its printed rate have a hover title with the count of sentences and the rate', async () => {
  const chart = await renderChart(
    issuesHeatmapSpec(
      [
        { outlet: 'CNN', issue: 'Taiwan', per1000: 1.234, count: 1, href: '/search?issue=taiwan' },
        {
          outlet: 'CNN',
          issue: 'Trade <&> "tariffs"',
          per1000: 4.5,
          count: 7,
          href: '/search?issue=trade',
        },
      ],
      ['CNN'],
      ['Taiwan', 'Trade <&> "tariffs"'],
    ),
    { hoverTitles: true },
  );
  const links = titledLinks(chart.svg);
  // The cell and the number printed on it: hovering either shows the same title.
  assert.deepEqual(links.get('/search?issue=taiwan'), [
    'CNN, Taiwan: 1 sentence, 1.2 per 1,000 words',
    'CNN, Taiwan: 1 sentence, 1.2 per 1,000 words',
  ]);
  assert.deepEqual(links.get('/search?issue=trade'), [
    'CNN, Trade &lt;&amp;&gt; &quot;tariffs&quot;: 7 sentences, 4.5 per 1,000 words',
    'CNN, Trade &lt;&amp;&gt; &quot;tariffs&quot;: 7 sentences, 4.5 per 1,000 words',
  ]);
  assert.doesNotMatch(chart.svg, /<title>[^<]*"/);
});

test('each tone-distribution cell has a hover title with its count, share and tone range', async () => {
  const chart = await renderChart(
    toneDistributionSpec(
      [
        {
          outlet: 'Reuters',
          from: -0.75,
          to: -0.25,
          centre: -0.5,
          count: 42,
          share: 0.084,
          href: '/search?bin=1',
        },
      ],
      [
        {
          outlet: 'Reuters',
          mean: -0.31,
          low: -0.4,
          high: -0.2,
          interval: '−0.40 to −0.20',
          n: 500,
          href: '/search?all',
        },
      ],
      ['Reuters'],
    ),
    { hoverTitles: true },
  );
  const links = titledLinks(chart.svg);
  assert.deepEqual(links.get('/search?bin=1'), [
    'Reuters: 42 sentences (8.4% of its scored sentences) with tone from −0.75 to −0.25',
  ]);
  assert.deepEqual(links.get('/search?all'), [
    'Reuters: mean tone −0.31, 95% interval −0.40 to −0.20, n 500',
  ]);
});

// Pages about stories: the home page (every story) and one story's comparison dashboard,
// as HTML and as JSON (/stories/<slug>.json, the same numbers).

import { Router } from 'express';
import type { Store } from '../../db/store.js';
import { HttpError } from '../http-error.js';
import { homePage } from '../pages/home.js';
import { parsePart, storyDashboard, storyPage } from '../pages/story.js';
import type { Renderer } from '../render.js';
import type { StoryCache } from '../story-cache.js';
import { storyOr404 } from '../find-story.js';

export function storyRoutes(
  store: Store,
  render: Renderer,
  cache: StoryCache,
  issueLabels: Readonly<Record<string, string>> | undefined,
): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.send(render('home', homePage(await store.listStories())));
  });

  // The dashboard's numbers and charts are computed once per story, part and data version.
  const load = async (slug: string, partParam: unknown) => {
    const part = parsePart(partParam);
    if (part === null) throw new HttpError(400, 'part must be all, lead or body.');
    const story = await storyOr404(store, slug);
    const version = await store.storyVersion(slug);
    return cache.cached(`story:${slug}:${part}`, version, async () => {
      const sentences = await store.storySentences(slug);
      const framing = await store.storyFraming(slug);
      const dashboard = await storyDashboard(story, sentences, part, framing, issueLabels);
      const stamp = await store.dataStamp({ story: slug });
      return storyPage(story, await store.listArticles(slug), sentences.length, dashboard, stamp);
    });
  };

  router.get('/stories/:slug.json', async (req, res) => {
    const page = await load(req.params.slug, req.query.part);
    const { charts, ...numbers } = page.dashboard;
    res.json({
      story: page.story,
      totals: page.totals,
      part: page.dashboard.part,
      codebook: numbers.codebook,
      framing: numbers.framing.rows,
      outlets: numbers.outlets,
      chartSpecs: Object.fromEntries(
        Object.entries(charts).flatMap(([name, chart]) =>
          chart ? [[name, JSON.parse(chart.spec) as unknown]] : [],
        ),
      ),
      articles: page.columns,
    });
  });

  // Each chart's Vega-Lite spec, data included, to open in the Vega editor or restyle.
  router.get('/stories/:slug/charts/:chart.vl.json', async (req, res) => {
    const page = await load(req.params.slug, req.query.part);
    const charts: Record<string, { spec: string } | null> = page.dashboard.charts;
    const chart = Object.hasOwn(charts, req.params.chart) ? charts[req.params.chart] : null;
    if (!chart) throw new HttpError(404, `No chart “${req.params.chart}” on this story page.`);
    res
      .type('application/json')
      .attachment(`${page.story.slug}-${req.params.chart}-${page.dashboard.part}.vl.json`)
      .send(chart.spec);
  });

  router.get('/stories/:slug', async (req, res) => {
    res.send(render('story', await load(req.params.slug, req.query.part)));
  });

  return router;
}

// Pages about stories: the home page (every story) and one story's comparison dashboard,
// as HTML and as JSON (/stories/<slug>.json, the same numbers). The dashboard is computed
// off the request thread (server/compute/page-jobs.ts): while a big story's is computing,
// these routes answer 202 with a page that reloads itself.

import { Router } from 'express';
import type { Request, Response } from 'express';
import type { Store } from '../../db/store.js';
import type { PageJobs } from '../compute/page-jobs.js';
import { HttpError } from '../http-error.js';
import { homePage } from '../pages/home.js';
import { parsePart, storyView, type StoryPage } from '../pages/story.js';
import { sendComputing, sendComputingJson } from '../pages/computing.js';
import type { Renderer } from '../render.js';
import { storyOr404 } from '../find-story.js';
import { pageNumber } from '../pager.js';
import { StoryCache } from '../story-cache.js';

export function storyRoutes(
  store: Store,
  render: Renderer,
  jobs: PageJobs,
  issueLabels: Readonly<Record<string, string>> | undefined,
): Router {
  const router = Router();
  // The rendered dashboard too: at a thousand articles rendering it cost more than the rest
  // of a request. Keyed by part and articles page; the story version keeps it current.
  const pages = new StoryCache({ limit: 40 });

  router.get('/', async (req, res) => {
    res.send(render('home', homePage(await store.listStories(), pageNumber(req.query.page))));
  });

  /**
   * The dashboard of this data version, or null once the answer (202 while computing) has
   * been sent. `json` picks the form of that answer.
   */
  const load = async (
    req: Request,
    res: Response,
    json: boolean,
  ): Promise<{ page: StoryPage; version: string } | null> => {
    const part = parsePart(req.query.part);
    if (part === null) throw new HttpError(400, 'part must be all, lead or body.');
    const outlets = req.query.outlets;
    if (outlets !== undefined && outlets !== '' && outlets !== 'all') {
      throw new HttpError(400, 'outlets must be all (or left out: the largest outlets).');
    }
    const slug = String(req.params.slug);
    const story = await storyOr404(store, slug);
    const version = await store.storyVersion(slug);
    const labels = issueLabels ? { ...issueLabels } : undefined;
    const task = {
      kind: 'story' as const,
      slug,
      part,
      issueLabels: labels,
      ...(outlets === 'all' ? { outlets: 'all' as const } : {}),
    };
    const job = await jobs.get(task, version);
    if (job.state === 'failed') throw new HttpError(job.status, job.message);
    if (job.state === 'ready') return { page: job.value, version };
    if (json) sendComputingJson(res, job);
    else {
      const layout = { title: story.title, crumbs: [{ label: 'Stories', href: '/' }] };
      sendComputing(res, render, layout, job, req.originalUrl);
    }
    return null;
  };

  router.get('/stories/:slug.json', async (req, res) => {
    const loaded = await load(req, res, true);
    if (!loaded) return;
    const { page } = loaded;
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
    const loaded = await load(req, res, true);
    if (!loaded) return;
    const { page } = loaded;
    const charts: Record<string, { spec: string } | null> = page.dashboard.charts;
    const chart = Object.hasOwn(charts, req.params.chart) ? charts[req.params.chart] : null;
    if (!chart) throw new HttpError(404, `No chart “${req.params.chart}” on this story page.`);
    res
      .type('application/json')
      .attachment(`${page.story.slug}-${req.params.chart}-${page.dashboard.part}.vl.json`)
      .send(chart.spec);
  });

  router.get('/stories/:slug', async (req, res) => {
    const articlesPage = pageNumber(req.query.articles, 'articles');
    const loaded = await load(req, res, false);
    if (!loaded) return;
    const { page, version } = loaded;
    const key = `${page.story.slug}:${page.dashboard.part}:${page.dashboard.allOutlets}:${articlesPage}`;
    res.send(
      await pages.cached(key, version, () => render('story', storyView(page, articlesPage))),
    );
  });

  return router;
}

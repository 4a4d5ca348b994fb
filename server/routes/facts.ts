// A story's aligned facts: /stories/<slug>/facts (page) and /stories/<slug>/facts.json (the
// same groups as data). Alignment takes seconds on a big story, so it runs off the request
// thread, once per story version (server/compute/page-jobs.ts); meanwhile both answer 202.

import { Router } from 'express';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Store, StorySummary } from '../../db/store.js';
import type { PageJobs } from '../compute/page-jobs.js';
import { HttpError } from '../http-error.js';
import { factsJson, factsPage, outletRefs } from '../pages/facts.js';
import type { FactsFilter, PreparedFacts } from '../pages/facts.js';
import { sendComputing, sendComputingJson } from '../pages/computing.js';
import type { Renderer } from '../render.js';
import { storyOr404 } from '../find-story.js';
import { pageNumber } from '../pager.js';
import { StoryCache } from '../story-cache.js';

const querySchema = z.object({
  outlet: z.string().min(1).optional(),
  missing: z.string().min(1).optional(),
  min: z.coerce.number().int().min(2).max(1000).optional(),
  page: z.string().optional(),
});

export function factsRoutes(store: Store, render: Renderer, jobs: PageJobs): Router {
  const router = Router();
  // Rendered pages, keyed by the whole query (filters and page) under the story version.
  const pages = new StoryCache({ limit: 40 });

  /** The story's facts and the filter asked for, or null once the 202 has been sent. */
  async function load(
    req: Request,
    res: Response,
    json: boolean,
  ): Promise<{
    story: StorySummary;
    prepared: PreparedFacts;
    filter: FactsFilter;
    version: string;
  } | null> {
    const slug = String(req.params.slug);
    const story = await storyOr404(store, slug);
    const query = querySchema.safeParse(req.query);
    if (!query.success) {
      const issue = query.error.issues[0]!;
      throw new HttpError(
        400,
        `Bad “${issue.path.join('.')}” in the address: ${issue.message}. Use ?outlet=<outlet slug>, ?missing=<outlet slug> or ?min=<number of outlets, 2 or more>.`,
      );
    }
    const version = await store.storyVersion(slug);
    const job = await jobs.get({ kind: 'facts', slug }, version);
    if (job.state === 'failed') throw new HttpError(job.status, job.message);
    if (job.state === 'computing') {
      if (json) sendComputingJson(res, job);
      else {
        const storyHref = `/stories/${encodeURIComponent(story.slug)}`;
        const crumbs = [
          { label: 'Stories', href: '/' },
          { label: story.title, href: storyHref },
        ];
        sendComputing(
          res,
          render,
          { title: `Aligned facts · ${story.title}`, crumbs },
          job,
          req.originalUrl,
        );
      }
      return null;
    }
    const prepared = job.value;
    const known = outletRefs(story, prepared).map((o) => o.slug);
    for (const name of ['outlet', 'missing'] as const) {
      const value = query.data[name];
      if (value !== undefined && !known.includes(value)) {
        throw new HttpError(
          400,
          `No outlet “${value}” in this story (?${name}=). Its outlets are: ${known.join(', ')}.`,
        );
      }
    }
    const { page: _page, ...filter } = query.data;
    return { story, prepared, filter: { ...filter, min: filter.min ?? 2 }, version };
  }

  router.get('/stories/:slug/facts', async (req, res) => {
    const page = pageNumber(req.query.page);
    const loaded = await load(req, res, false);
    if (!loaded) return;
    const { story, prepared, filter, version } = loaded;
    const key = JSON.stringify([story.slug, filter, page]);
    res.send(
      await pages.cached(key, version, () =>
        render('facts', factsPage(story, prepared, filter, page)),
      ),
    );
  });

  router.get('/stories/:slug/facts.json', async (req, res) => {
    const loaded = await load(req, res, true);
    if (loaded) res.json(factsJson(loaded.story, loaded.prepared, loaded.filter));
  });

  return router;
}

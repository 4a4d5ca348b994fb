// A story's aligned facts: /stories/<slug>/facts (page) and /stories/<slug>/facts.json (the
// same groups as data). Alignment takes up to seconds on a big story, so its result is
// cached per story under the store's version token (server/story-cache.ts).

import { Router } from 'express';
import type { Request } from 'express';
import { z } from 'zod';
import type { Store, StorySummary } from '../../db/store.js';
import { HttpError } from '../http-error.js';
import { factsJson, factsPage, outletRefs, prepareFacts } from '../pages/facts.js';
import type { FactsFilter, PreparedFacts } from '../pages/facts.js';
import type { Renderer } from '../render.js';
import { StoryCache } from '../story-cache.js';
import { storyOr404 } from '../find-story.js';

const querySchema = z.object({
  outlet: z.string().min(1).optional(),
  missing: z.string().min(1).optional(),
  min: z.coerce.number().int().min(2).max(1000).optional(),
});

export function factsRoutes(store: Store, render: Renderer, cache = new StoryCache()): Router {
  const router = Router();

  async function load(req: Request): Promise<{
    story: StorySummary;
    prepared: PreparedFacts;
    filter: FactsFilter;
  }> {
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
    const prepared = await cache.cached(`facts:${slug}`, version, async () =>
      prepareFacts(await store.storySentences(slug)),
    );
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
    return { story, prepared, filter: { ...query.data, min: query.data.min ?? 2 } };
  }

  router.get('/stories/:slug/facts', async (req, res) => {
    const { story, prepared, filter } = await load(req);
    res.send(render('facts', factsPage(story, prepared, filter)));
  });

  router.get('/stories/:slug/facts.json', async (req, res) => {
    const { story, prepared, filter } = await load(req);
    res.json(factsJson(story, prepared, filter));
  });

  return router;
}

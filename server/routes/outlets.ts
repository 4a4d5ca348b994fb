// Outlet profiles: /outlets/<slug>, the outlet against the other outlets story by story
// (server/pages/outlet.ts). The per-story comparison is cached under each story's version
// token and shared with /api/outlets/<slug>.

import { Router } from 'express';
import type { OutletSummary, Store, StorySummary } from '../../db/store.js';
import { HttpError } from '../http-error.js';
import { outletInStory } from '../api/outlets.js';
import type { OutletInStory } from '../api/outlets.js';
import { outletPage } from '../pages/outlet.js';
import type { Renderer } from '../render.js';
import type { StoryCache } from '../story-cache.js';

/** The outlet and the stories it covered (by title), or a 404. */
export async function findOutlet(
  store: Store,
  slug: string,
): Promise<{ outlet: OutletSummary; stories: StorySummary[] }> {
  const stories = (await store.listStories())
    .filter((s) => s.outlets.some((o) => o.slug === slug))
    .sort((a, b) => a.title.localeCompare(b.title));
  const outlet = stories[0]?.outlets.find((o) => o.slug === slug);
  if (!outlet) throw new HttpError(404, `No outlet “${slug}”.`);
  return { outlet, stories };
}

/** The outlet against the others on each of these stories, cached per story version. */
export async function outletComparisons(
  store: Store,
  cache: StoryCache,
  slug: string,
  stories: readonly StorySummary[],
): Promise<OutletInStory[]> {
  const rows: OutletInStory[] = [];
  for (const story of stories) {
    const version = await store.storyVersion(story.slug);
    rows.push(
      await cache.cached(`outlet:${slug}:${story.slug}`, version, async () =>
        outletInStory(
          story,
          await store.storySentences(story.slug),
          await store.storyFraming(story.slug),
          slug,
        ),
      ),
    );
  }
  return rows;
}

export function outletRoutes(store: Store, render: Renderer, cache: StoryCache): Router {
  const router = Router();

  router.get('/outlets/:slug', async (req, res) => {
    const { outlet, stories } = await findOutlet(store, req.params.slug);
    const rows = await outletComparisons(store, cache, outlet.slug, stories);
    res.send(render('outlet', outletPage(outlet, rows)));
  });

  return router;
}

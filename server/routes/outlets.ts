// Outlet profiles: /outlets/<slug>, the outlet against the other outlets story by story
// (server/pages/outlet.ts). Each story's comparison is computed off the request thread
// once per story version (server/compute/page-jobs.ts) and shared with /api/outlets/<slug>;
// while any is computing, both answer 202.

import { Router } from 'express';
import type { OutletSummary, Store, StorySummary } from '../../db/store.js';
import { HttpError } from '../http-error.js';
import { outletInStory } from '../api/outlets.js';
import type { OutletInStory } from '../api/outlets.js';
import { outletPage } from '../pages/outlet.js';
import type { Renderer } from '../render.js';
import type { JobState, PageJobs } from '../compute/page-jobs.js';
import { sendComputing } from '../pages/computing.js';

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

/** The outlet against the others on each of these stories, all computed or not yet. */
export async function outletComparisons(
  store: Store,
  jobs: PageJobs,
  slug: string,
  stories: readonly StorySummary[],
): Promise<JobState<OutletInStory[]>> {
  const asked = await Promise.all(
    stories.map(async (story) => ({
      task: { kind: 'outlet' as const, slug: story.slug, outlet: slug },
      version: await store.storyVersion(story.slug),
    })),
  );
  // A story too large to compute here whose row is not kept fails the page before the
  // others are queued: they would keep the worker busy (and its memory full) for nothing.
  for (const { task, version } of asked) {
    const refusal = await jobs.refusal(task, version);
    if (refusal !== null) return { state: 'failed', status: 503, message: refusal };
  }
  // Asked for together: the worker takes them in turn while the request waits once.
  const states = await Promise.all(asked.map(({ task, version }) => jobs.get(task, version)));
  const failed = states.find((s) => s.state === 'failed');
  if (failed) return failed;
  const computing = states.filter((s) => s.state === 'computing');
  if (computing.length > 0) {
    return {
      state: 'computing',
      what: `“${slug}” against the other outlets of ${computing.length} of its ${stories.length} stories`,
      startedAt: Math.min(...computing.map((s) => s.startedAt)),
    };
  }
  return { state: 'ready', value: states.map((s) => (s.state === 'ready' ? s.value : null!)) };
}

export function outletRoutes(store: Store, render: Renderer, jobs: PageJobs): Router {
  const router = Router();

  router.get('/outlets/:slug', async (req, res) => {
    const { outlet, stories } = await findOutlet(store, req.params.slug);
    const rows = await outletComparisons(store, jobs, outlet.slug, stories);
    if (rows.state === 'failed') throw new HttpError(rows.status, rows.message);
    if (rows.state === 'computing') {
      const layout = { title: outlet.name, crumbs: [{ label: 'Stories', href: '/' }] };
      return sendComputing(res, render, layout, rows, req.originalUrl);
    }
    res.send(render('outlet', outletPage(outlet, rows.value)));
  });

  return router;
}

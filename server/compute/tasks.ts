// The page computations too heavy for the request thread on a big story: a story's
// dashboard (every score, bootstrap intervals, charts) and its aligned facts. Each task is
// plain data (it crosses to a worker thread) and runTask computes it from any Store, so
// the worker (server/compute/worker.ts) and the inline runner share one code path. It
// deliberately does not cache or time anything: server/compute/page-jobs.ts does.

import type { Part } from '../../analysis/comparison/compare.js';
import type { Store } from '../../db/store.js';
import { HttpError } from '../http-error.js';
import { prepareFacts, type PreparedFacts } from '../pages/facts.js';
import { storyDashboard, storyPage, type StoryPage } from '../pages/story.js';
import { outletInStory, type OutletInStory } from '../api/outlets.js';

export type PageTask =
  | {
      kind: 'story';
      slug: string;
      part: Part;
      /** Display names of issue ids in place of the codebook's (AppOptions.issueLabels). */
      issueLabels?: Record<string, string>;
    }
  | { kind: 'facts'; slug: string }
  /** One outlet against the story's other outlets (the outlet profile's row for the story). */
  | { kind: 'outlet'; slug: string; outlet: string };

export interface TaskValues {
  story: StoryPage;
  facts: PreparedFacts;
  outlet: OutletInStory;
}

export type TaskValue<T extends PageTask> = TaskValues[T['kind']];

/** A short name for logs and the "still computing" page: "aligned facts of elections". */
export function describeTask(task: PageTask): string {
  if (task.kind === 'story') {
    return `the dashboard of “${task.slug}” (${task.part === 'all' ? 'whole articles' : task.part})`;
  }
  if (task.kind === 'outlet') return `“${task.outlet}” against the other outlets of “${task.slug}”`;
  return `the aligned facts of “${task.slug}”`;
}

export async function runTask(store: Store, task: PageTask): Promise<TaskValues[PageTask['kind']]> {
  const story = await store.getStory(task.slug);
  if (!story) throw new HttpError(404, `No story “${task.slug}”.`);
  const sentences = await store.storySentences(task.slug);
  if (task.kind === 'facts') return prepareFacts(sentences);
  if (task.kind === 'outlet') return outletInStory(story, sentences, task.outlet);
  const framing = await store.storyFraming(task.slug);
  const dashboard = await storyDashboard(story, sentences, task.part, framing, task.issueLabels);
  const stamp = await store.dataStamp({ story: task.slug });
  return storyPage(story, await store.listArticles(task.slug), sentences.length, dashboard, stamp);
}

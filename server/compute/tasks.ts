// The page computations too heavy for the request thread on a big story: a story's
// dashboard (every score, bootstrap intervals, charts), its aligned facts, its figures for
// the JSON API, and one outlet's comparison in it (a row of the outlet profile). Each task is
// plain data (it crosses to a worker thread) and runTask computes it from any Store, so
// the worker (server/compute/worker.ts) and the inline runner share one code path. It
// deliberately does not cache or time anything: server/compute/page-jobs.ts does.

import type { Part } from '../../analysis/comparison/compare.js';
import type { ArticleSummary, Store, StorySentence, StorySummary } from '../../db/store.js';
import type { DataStamp } from '../../db/export-rows.js';
import type { StoryFramingRows } from '../../analysis/comparison/framing.js';
import { HttpError } from '../http-error.js';
import { prepareFacts, type PreparedFacts } from '../pages/facts.js';
import { storyDashboard, storyPage, type StoryPage } from '../pages/story.js';
import { outletInStory, type OutletInStory } from '../api/outlets.js';
import { storyFigures, storyFramingFigures } from '../api/figures.js';
import type { FramingFigures, OutletFigures } from '../api/figures.js';
import { storyWords, type StoryWords } from '../panels/words.js';

export type PageTask =
  | {
      kind: 'story';
      slug: string;
      part: Part;
      /** Display names of issue ids in place of the codebook's (AppOptions.issueLabels). */
      issueLabels?: Record<string, string>;
      /** Every outlet its own row (`?outlets=all`); absent: the largest, the rest pooled. */
      outlets?: 'all';
    }
  | { kind: 'facts'; slug: string }
  /** The per-outlet figures of /api/stories/<slug>, with each outlet's framing. */
  | { kind: 'api-story'; slug: string; part: Part }
  /** One outlet against the story's other outlets (the outlet profile's row for the story). */
  | { kind: 'outlet'; slug: string; outlet: string }
  /** Every outlet's distinctive words in one part of the story (the terms CSV). */
  | { kind: 'words'; slug: string; part: Part };

export interface TaskValues {
  story: StoryPage;
  facts: PreparedFacts;
  outlet: OutletInStory;
  'api-story': ApiStoryOutlet[];
  words: StoryWords;
}

export type ApiStoryOutlet = OutletFigures & {
  framing: Omit<FramingFigures, 'outlet'> | null;
};

export type TaskValue<T extends PageTask> = TaskValues[T['kind']];

/** What is being computed, as the "still computing" page says it. */
export function describeTask(task: PageTask): string {
  if (task.kind === 'story') {
    const outlets = task.outlets === 'all' ? ', every outlet' : '';
    return `the dashboard of “${task.slug}” (${task.part === 'all' ? 'whole articles' : task.part}${outlets})`;
  }
  if (task.kind === 'outlet') return `“${task.outlet}” against the other outlets of “${task.slug}”`;
  if (task.kind === 'api-story') return `the figures of “${task.slug}” (${task.part})`;
  if (task.kind === 'words') return `the distinctive words of “${task.slug}” (${task.part})`;
  return `the aligned facts of “${task.slug}”`;
}

/** What every task of one story computes from: loaded once when several tasks share it. */
export interface StoryInputs {
  story: StorySummary;
  sentences: StorySentence[];
  framing: StoryFramingRows;
  /** The articles and data stamp every dashboard of the story shows: read by the first. */
  listing?: Promise<StoryListing>;
}

/** What a story's dashboard page lists besides its figures. */
interface StoryListing {
  articles: ArticleSummary[];
  stamp: DataStamp;
}

async function storyListing(store: Store, slug: string): Promise<StoryListing> {
  const stamp = await store.dataStamp({ story: slug });
  return { stamp, articles: await store.listArticles(slug) };
}

export async function loadStoryInputs(store: Store, slug: string): Promise<StoryInputs> {
  const story = await store.getStory(slug);
  if (!story) throw new HttpError(404, `No story “${slug}”.`);
  return {
    story,
    sentences: await store.storySentences(slug),
    framing: await store.storyFraming(slug),
  };
}

/** The task's value; `inputs` (of the task's story) spares loading them again. */
export async function runTask(
  store: Store,
  task: PageTask,
  inputs?: StoryInputs,
): Promise<TaskValues[PageTask['kind']]> {
  const story = inputs?.story ?? (await store.getStory(task.slug));
  if (!story) throw new HttpError(404, `No story “${task.slug}”.`);
  const sentences = inputs?.sentences ?? (await store.storySentences(task.slug));
  if (task.kind === 'facts') return prepareFacts(sentences);
  if (task.kind === 'words') return storyWords(sentences, task.part);
  const framing = inputs?.framing ?? (await store.storyFraming(task.slug));
  if (task.kind === 'outlet') return outletInStory(story, sentences, framing, task.outlet);
  if (task.kind === 'api-story') {
    // The same framing figures as the summary_parties CSV (api/figures.ts), by outlet.
    const byOutlet = new Map(
      storyFramingFigures(story, sentences, framing, task.part).map(({ outlet, ...f }) => [
        outlet,
        f,
      ]),
    );
    return storyFigures(story, sentences, task.part).map((f) => ({
      ...f,
      framing: byOutlet.get(f.outlet) ?? null,
    }));
  }
  const dashboard = await storyDashboard(
    story,
    sentences,
    task.part,
    framing,
    task.issueLabels,
    task.outlets === 'all',
  );
  const listing = inputs
    ? (inputs.listing ??= storyListing(store, task.slug))
    : storyListing(store, task.slug);
  const { articles, stamp } = await listing;
  return storyPage(story, articles, sentences.length, dashboard, stamp);
}

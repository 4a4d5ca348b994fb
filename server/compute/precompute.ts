// Computes and keeps (server/compute/kept-pages.ts) the heavy pages of every story, or of
// the stories asked for, so no request waits for them: the dashboard of each part, the
// aligned facts, the JSON API's figures, the terms CSV's words, and every outlet's row of
// its outlet profile (all of a story's rows in one pass over its sentences). Each
// story's sentences are loaded once for all its tasks; a task already kept for the story's
// current version is skipped, so running it again after a small ingest only computes the
// stories that changed. It deliberately runs in the caller's process, not the server's
// worker: a story of 5,600 articles (263,000 sentences) holds about 150 MB live (its
// sentences and framing rows in columns, db/sentence-row.ts) and peaks near 0.6 GB, which
// `npm run precompute` grants and the server's worker (512 MB) does not.

import { PARTS } from '../../analysis/comparison/compare.js';
import { rememberingIntervals } from '../../analysis/comparison/stats.js';
import { rememberingTerms } from '../../analysis/comparison/terms.js';
import type { Store } from '../../db/store.js';
import { OUTLETS_SHOWN } from '../pages/story.js';
import { KeptPages, packValue } from './kept-pages.js';
import { outletsInStory } from '../api/outlets.js';
import {
  loadStoryInputs,
  runTask,
  type PageTask,
  type StoryInputs,
  type TaskValues,
} from './tasks.js';

type OutletTask = Extract<PageTask, { kind: 'outlet' }>;

export interface PrecomputeOptions {
  /** Only these stories (slugs); default every story. */
  stories?: readonly string[];
  /** Called after each story with what was computed and how long it took (ms). */
  onStory?: (report: StoryReport) => void;
}

export interface StoryReport {
  slug: string;
  sentences: number | null;
  computed: number;
  alreadyKept: number;
  ms: number;
}

/**
 * The tasks kept for a story: every page the story, its facts and its outlets ask for, and
 * every outlet's row of its outlet profile (the lead and body tabs with every outlet are
 * left to the server's worker).
 */
export function storyTasks(slug: string, storyOutlets: readonly string[]): PageTask[] {
  const tasks: PageTask[] = PARTS.map((part) => ({ kind: 'story', slug, part }));
  // The dashboard pools outlets past OUTLETS_SHOWN; its "every outlet" page (whole articles)
  // is kept too: on a big story the server's worker cannot compute it.
  if (storyOutlets.length > OUTLETS_SHOWN) {
    tasks.push({ kind: 'story', slug, part: 'all', outlets: 'all' });
  }
  tasks.push({ kind: 'facts', slug });
  tasks.push({ kind: 'api-story', slug, part: 'all' });
  // The terms CSV's words, as the summary CSV's figures above: whole articles.
  tasks.push({ kind: 'words', slug, part: 'all' });
  // Each outlet against the story's other outlets (outletsInStory computes them together).
  for (const outlet of storyOutlets) tasks.push({ kind: 'outlet', slug, outlet });
  return tasks;
}

/** Outlet rows compressed at once: libuv's thread pool has four threads. */
const PACKED_AHEAD = 4;

export async function precomputePages(
  store: Store,
  options: PrecomputeOptions = {},
): Promise<StoryReport[]> {
  const kept = new KeptPages(store);
  const stories = (await store.listStories()).filter(
    (s) => !options.stories || options.stories.includes(s.slug),
  );
  const missing = options.stories?.filter((slug) => !stories.some((s) => s.slug === slug));
  if (missing?.length) throw new Error(`No story ${missing.map((s) => `“${s}”`).join(', ')}.`);
  const reports: StoryReport[] = [];
  for (const story of stories) {
    const started = performance.now();
    const version = await store.storyVersion(story.slug);
    const outletSlugs = story.outlets.map((o) => o.slug);
    let inputs: StoryInputs | null = null;
    let computed = 0;
    let alreadyKept = 0;
    // A value is compressed (brotli, on libuv's thread pool) and written while the next
    // task computes: awaited in turn, it left this thread idle about a tenth of the time.
    // One write at a time, in task order, each its own row, so what is kept is the same.
    let writing: Promise<void> = Promise.resolve();
    // The story's tasks read the same sentences' content terms (tokenized once) and
    // resample the same outlets' tones (each interval computed once).
    await rememberingTerms(() =>
      rememberingIntervals(async () => {
        const keep = async (task: PageTask, value: TaskValues[PageTask['kind']]) => {
          await writing;
          writing = kept.keep(task, version, value);
          // Awaited before the next write and before the story's report; this only keeps a
          // failure from counting as unhandled while the next task computes.
          writing.catch(() => {});
          computed++;
        };
        // Values already computed together (the outlet rows, small) are compressed side by
        // side on the thread pool, PACKED_AHEAD at a time, and written one at a time in
        // task order.
        const keepAll = async (tasks: PageTask[], values: TaskValues[PageTask['kind']][]) => {
          const packed: Promise<Uint8Array>[] = [];
          const pack = (i: number) => {
            if (i >= values.length) return;
            packed[i] = packValue(values[i]);
            packed[i]!.catch(() => {});
          };
          for (let i = 0; i < PACKED_AHEAD; i++) pack(i);
          for (const [i, task] of tasks.entries()) {
            await writing;
            const bytes = await packed[i]!;
            pack(i + PACKED_AHEAD);
            writing = kept.keepPacked(task, version, bytes);
            writing.catch(() => {});
            computed++;
          }
        };
        const rows: OutletTask[] = [];
        for (const task of storyTasks(story.slug, outletSlugs)) {
          if ((await kept.read(task, version)) !== undefined) {
            alreadyKept++;
            continue;
          }
          inputs ??= await loadStoryInputs(store, story.slug);
          // The outlet-profile rows are computed together, the story read once for all.
          if (task.kind === 'outlet') rows.push(task);
          else await keep(task, await runTask(store, task, inputs));
        }
        if (rows.length > 0) {
          const { story: summary, sentences, framing } = inputs!;
          const outlets = rows.map((t) => t.outlet);
          await keepAll(rows, outletsInStory(summary, sentences, framing, outlets));
        }
      }),
    );
    await writing;
    const report = {
      slug: story.slug,
      sentences: (inputs as StoryInputs | null)?.sentences.length ?? null,
      computed,
      alreadyKept,
      ms: performance.now() - started,
    };
    options.onStory?.(report);
    reports.push(report);
  }
  return reports;
}

/** Each story's data version (store.storyVersion), to see which stories an ingest changed. */
export async function storyVersions(store: Store): Promise<Map<string, string>> {
  const versions = new Map<string, string>();
  for (const story of await store.listStories()) {
    versions.set(story.slug, await store.storyVersion(story.slug));
  }
  return versions;
}

/**
 * The size from which `npm run ingest` computes a changed story's pages before it ends.
 * A smaller story's pages are computed by the server when first viewed, within the second
 * a request waits (DEFAULT_COMPUTE.waitMs): on the first 2,000 AllSides articles, with
 * other jobs running, a story of 87k words showed its dashboard in 0.6 s and its aligned
 * facts in 0.8 s on first request, one of 19k words in 0.3 and 0.2 s, while computing all
 * six pages of each of the 51 stories under 100k words ahead took 23 CPU seconds, the one
 * story over it (925k words) 8. Half of that 87k leaves room for a slower machine
 * (docs/speed.md, "Pages at scale").
 */
export const PRECOMPUTE_MIN_WORDS = 50_000;

/**
 * The changed stories whose pages ingest computes (`minWords` words or more) and those
 * left to the server's first request, each list in the order given.
 */
export function storiesToPrecompute(
  stories: readonly string[],
  words: ReadonlyMap<string, number>,
  minWords: number,
): { now: string[]; later: string[] } {
  const now: string[] = [];
  const later: string[] = [];
  for (const slug of stories) ((words.get(slug) ?? 0) >= minWords ? now : later).push(slug);
  return { now, later };
}

/** Past this many stories ingest's page process is told none: it computes every page not kept. */
export const STORIES_NAMED_AT_MOST = 1000;

/**
 * The stories each of ingest's page processes is told to compute (`--story`): the groups
 * shareStories made, or, past STORIES_NAMED_AT_MOST stories, one process told none, which
 * computes every page not kept. Not when smaller stories are left to their first view
 * (`leftToFirstView`): that process would compute theirs too.
 */
export function pageProcesses(
  groups: readonly (readonly string[])[],
  leftToFirstView: boolean,
): (readonly string[])[] {
  const stories = groups.reduce((n, group) => n + group.length, 0);
  return stories <= STORIES_NAMED_AT_MOST || leftToFirstView ? [...groups] : [[]];
}

/** The stories new in `after` or with another version than in `before`. */
export function changedStories(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): string[] {
  return [...after].filter(([slug, version]) => before.get(slug) !== version).map(([s]) => s);
}

/**
 * The stories shared among at most `count` groups of about equal words: the largest story
 * first, each to the group with the fewest words so far. No group is empty.
 */
export function shareStories(
  stories: readonly string[],
  words: ReadonlyMap<string, number>,
  count: number,
): string[][] {
  const groups = Array.from({ length: Math.min(count, stories.length) }, () => ({
    words: 0,
    slugs: [] as string[],
  }));
  const bySize = [...stories].sort((a, b) => (words.get(b) ?? 0) - (words.get(a) ?? 0));
  for (const slug of bySize) {
    const lightest = groups.reduce((min, g) => (g.words < min.words ? g : min));
    lightest.slugs.push(slug);
    lightest.words += words.get(slug) ?? 0;
  }
  return groups.map((g) => g.slugs);
}

// Pages kept in the database (server/compute/kept-pages.ts, migration 010): a new server
// shows what an earlier one (or `npm run precompute`) computed, byte for byte, without
// computing it again, and never shows it once the story's data has changed.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { InlineRunner } from '../../server/compute/page-jobs.js';
import {
  precomputePages,
  shareStories,
  storiesToPrecompute,
  pageProcesses,
  STORIES_NAMED_AT_MOST,
} from '../../server/compute/precompute.js';
import { runTask, type PageTask } from '../../server/compute/tasks.js';
import { KeptPages, taskKey } from '../../server/compute/kept-pages.js';
import type { Store } from '../../db/store.js';
import { bigStoryStore, corpusStore, serve, type TempStore } from '../helpers.js';

const SLUG = 'blinken-in-beijing-june-2023';
const STORY = `/stories/${SLUG}`;

/** A server over the store whose page computations are counted. */
async function countingServer(store: Store) {
  const runs: PageTask[] = [];
  const runner = new InlineRunner((task) => {
    runs.push(task);
    return runTask(store, task);
  });
  const server = await serve(store, { pageRunner: runner, compute: { waitMs: Infinity } });
  return { server, runs };
}

async function pages(store: Store, paths: readonly string[]) {
  const { server, runs } = await countingServer(store);
  try {
    const texts: string[] = [];
    for (const path of paths) {
      const page = await server.get(path);
      assert.equal(page.status, 200, `${path}: ${page.text.slice(0, 300)}`);
      texts.push(page.text);
    }
    return { texts, runs: runs.length };
  } finally {
    await server.close();
  }
}

describe('a big story’s pages kept in the database', () => {
  let temp: TempStore & { articles: number };
  let outlet: string;
  let paths: string[];
  before(async () => {
    temp = await bigStoryStore();
    outlet = (await temp.store.getStory(SLUG))!.outlets[0]!.slug;
    paths = [
      STORY,
      `${STORY}?part=lead`,
      `${STORY}?articles=2`,
      `${STORY}/facts`,
      `${STORY}.json`,
      `/outlets/${outlet}`,
      `/api/stories/${SLUG}`,
    ];
  });
  after(async () => {
    await temp.cleanup();
  });

  test('a new server shows the kept pages byte for byte without computing them', async () => {
    const first = await pages(temp.store, paths);
    assert.ok(first.runs >= 5, `computed ${first.runs}`);
    const second = await pages(temp.store, paths);
    assert.equal(second.runs, 0, 'nothing computed again');
    assert.deepEqual(second.texts, first.texts);
  });

  test('precompute keeps exactly what the server computes on demand', async () => {
    const version = await temp.store.storyVersion(SLUG);
    const kept = new KeptPages(temp.store);
    const tasks: PageTask[] = [
      { kind: 'story', slug: SLUG, part: 'all' },
      { kind: 'story', slug: SLUG, part: 'lead' },
      { kind: 'facts', slug: SLUG },
      { kind: 'outlet', slug: SLUG, outlet },
    ];
    const onDemand = await Promise.all(tasks.map((t) => kept.read(t, version)));
    assert.ok(onDemand.every((v) => v !== undefined));
    const reports = await precomputePages(temp.store);
    // Already kept by the server: only what it was not asked for is computed.
    assert.equal(reports.length, 1);
    assert.ok(reports[0]!.alreadyKept >= 5);
    // vega numbers its SVG gradients per process (gradient_0, gradient_1 …): not a figure.
    const same = (value: unknown) => JSON.stringify(value).replace(/gradient_\d+/g, 'gradient');
    for (const [i, task] of tasks.entries()) {
      assert.equal(same(onDemand[i]), same(await runTask(temp.store, task)), taskKey(task));
    }
  });

  test('precompute keeps every outlet’s row of the outlet profile, as the server computes it', async () => {
    const version = await temp.store.storyVersion(SLUG);
    const kept = new KeptPages(temp.store);
    const story = (await temp.store.getStory(SLUG))!;
    await precomputePages(temp.store, { stories: [SLUG] });
    for (const { slug } of story.outlets) {
      const task: PageTask = { kind: 'outlet', slug: SLUG, outlet: slug };
      const row = await kept.read(task, version);
      assert.notEqual(row, undefined, slug);
      assert.equal(JSON.stringify(row), JSON.stringify(await runTask(temp.store, task)), slug);
    }
  });

  test('a task key does not depend on the order of the task’s fields', () => {
    assert.equal(
      taskKey({ kind: 'outlet', slug: 'a', outlet: 'b' }),
      taskKey({ outlet: 'b', slug: 'a', kind: 'outlet' }),
    );
  });
});

describe('kept pages after the story changes', () => {
  let temp: TempStore;
  before(async () => {
    temp = await corpusStore();
  });
  after(async () => {
    await temp.cleanup();
  });

  /** Computes and keeps the story page, applies the change, and checks it is computed anew. */
  async function afterChange(change: () => Promise<unknown>, shows: RegExp) {
    await pages(temp.store, [STORY]);
    assert.equal((await pages(temp.store, [STORY])).runs, 0, 'kept before the change');
    await change();
    const changed = await pages(temp.store, [STORY]);
    assert.equal(changed.runs, 1, 'computed again after the change');
    assert.match(changed.texts[0]!, shows);
  }

  test('an added article', async () => {
    const analyzer = createAnalyzer();
    const text = 'Blinken meets Xi\n\nBlinken met Xi Jinping in Beijing on Monday.';
    await afterChange(async () => {
      const run = await temp.store.startRun(analyzer.info);
      const [added] = await temp.store.addArticles(
        [
          {
            story: { title: 'Blinken in Beijing, June 2023', slug: SLUG },
            outlet: { name: 'Kept Pages Test Wire' },
            title: 'Blinken meets Xi',
            url: null,
            author: null,
            publishedDate: '2023-06-19',
            text,
            source: 'kept-pages-test',
            analysis: analyzer.analyze(text),
          },
        ],
        run.id,
      );
      await temp.store.finishRun(run.id, 'done');
      assert.equal(added?.status, 'added');
    }, /Kept Pages Test Wire/);
  });

  test('an edited article', async () => {
    const article = (await temp.store.listArticles(SLUG))[0]!;
    await afterChange(
      () =>
        temp.store.updateArticle(article.id, {
          title: 'A title edited after the page was kept',
          author: article.author,
          publishedDate: article.publishedDate,
          url: article.url,
          outletSlug: article.outlet.slug,
          storySlug: SLUG,
        }),
      /A title edited after the page was kept/,
    );
  });

  test('a re-analysed article', async () => {
    const analyzer = createAnalyzer();
    const [first] = await temp.store.articleTexts(SLUG);
    await afterChange(async () => {
      const run = await temp.store.startRun(analyzer.info);
      const text = `${first!.text}\n\nThe talks ended with a pledge to keep talking.`;
      await temp.store.replaceAnalysis(first!.id, analyzer.analyze(text), run.id);
      await temp.store.finishRun(run.id, 'done');
    }, /Blinken/);
  });

  test('a deleted article', async () => {
    const wire = (await temp.store.listArticles(SLUG)).find(
      (a) => a.outlet.name === 'Kept Pages Test Wire',
    )!;
    await afterChange(() => temp.store.deleteArticle(wire.id), /Blinken/);
    const page = await pages(temp.store, [STORY]);
    assert.doesNotMatch(page.texts[0]!, /Kept Pages Test Wire/);
  });

  test('another codebook assigned to the story', async () => {
    await afterChange(() => temp.store.setStoryCodebook(SLUG, 'us-north-korea'), /North Korea/);
  });

  test('a kept row that cannot be read back: the page is computed again, not failed', async (t) => {
    const warn = t.mock.method(console, 'warn', () => undefined);
    const first = await pages(temp.store, [STORY]);
    assert.equal((await pages(temp.store, [STORY])).runs, 0, 'kept');
    // Damage every kept row of the story: JSON as migration 010 kept it, not brotli.
    const db = new Database(temp.store.file);
    const damaged = db
      .prepare(`UPDATE kept_page SET value = CAST('{"groups":[1]}' AS BLOB) WHERE story_slug = ?`)
      .run(SLUG).changes;
    db.close();
    assert.ok(damaged >= 1);
    const again = await pages(temp.store, [STORY]);
    assert.equal(again.runs, 1, 'computed again');
    assert.ok(warn.mock.callCount() >= 1);
    // vega numbers its SVG gradients per process (gradient_0, gradient_1 …): not a figure.
    const same = (text: string) => text.replace(/gradient_\d+/g, 'gradient');
    assert.equal(same(again.texts[0]!), same(first.texts[0]!));
    assert.equal((await pages(temp.store, [STORY])).runs, 0, 'kept again, readable');
  });
});

describe('a story too large to compute on demand', () => {
  let temp: TempStore;
  before(async () => {
    temp = await corpusStore();
  });
  after(async () => temp?.cleanup());

  /** A server that computes stories of up to `maxWords` words, counting what it computes. */
  async function bounded(maxWords: number) {
    const runs: PageTask[] = [];
    const runner = new InlineRunner((task) => {
      runs.push(task);
      return runTask(temp.store, task);
    });
    const server = await serve(temp.store, {
      pageRunner: runner,
      compute: { waitMs: Infinity, maxWords },
    });
    return { server, runs };
  }

  test('answers 503 naming the precompute command, computing nothing, until its pages are kept', async () => {
    const outlet = (await temp.store.getStory(SLUG))!.outlets[0]!.slug;
    const { server, runs } = await bounded(10);
    try {
      const story = await server.get(STORY);
      assert.equal(story.status, 503);
      assert.match(story.text, /npm run precompute -- --story blinken-in-beijing-june-2023/);
      const profile = await server.get(`/outlets/${outlet}`);
      assert.equal(profile.status, 503);
      assert.match(profile.text, /npm run precompute -- --story blinken-in-beijing-june-2023/);
      assert.equal(runs.length, 0, 'no row of the profile was queued');
    } finally {
      await server.close();
    }
    await precomputePages(temp.store, { stories: [SLUG] });
    const again = await bounded(10);
    try {
      assert.equal((await again.server.get(STORY)).status, 200);
      assert.equal((await again.server.get(`/outlets/${outlet}`)).status, 200);
      assert.equal(again.runs.length, 0, 'the kept pages are shown, nothing computed');
    } finally {
      await again.server.close();
    }
  });
});

describe('precompute', () => {
  test('writes a page while the next one computes, and a failed write fails the run', async () => {
    const temp = await corpusStore();
    try {
      const events: string[] = [];
      let writes = 0;
      // The first write ends only once the second page is being computed (each task is
      // looked up among the kept pages first), or after 5 s when nothing overlaps; the
      // third write fails.
      let secondComputing = () => {};
      const overlapped = new Promise<void>((resolve) => {
        secondComputing = resolve;
        setTimeout(resolve, 5000).unref();
      });
      const store = new Proxy(temp.store, {
        get(target, name, receiver) {
          if (name === 'keepPage')
            return async (...args: Parameters<Store['keepPage']>) => {
              const n = ++writes;
              if (n === 1) await overlapped;
              await new Promise((resolve) => setImmediate(resolve));
              if (n === 3) throw new Error('disk full');
              await target.keepPage(...args);
              events.push(`kept ${n}`);
            };
          if (name === 'keptPage')
            return (...args: Parameters<Store['keptPage']>) => {
              events.push('computing');
              if (events.filter((e) => e === 'computing').length === 2) secondComputing();
              return target.keptPage(...args);
            };
          const value = Reflect.get(target, name, receiver) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      await assert.rejects(precomputePages(store, { stories: [SLUG] }), /disk full/);
      // The dashboard's three parts: the second computes before the first is kept.
      assert.deepEqual(events.slice(0, 3), ['computing', 'computing', 'kept 1']);
      assert.ok(!events.includes('kept 3'));
    } finally {
      await temp.cleanup();
    }
  });

  test("reads a story's articles and data stamp once for all its dashboards", async () => {
    const temp = await corpusStore();
    try {
      const reads: string[] = [];
      const store = new Proxy(temp.store, {
        get(target, name, receiver) {
          const value = Reflect.get(target, name, receiver) as unknown;
          if (typeof value !== 'function') return value;
          if (name === 'dataStamp' || name === 'listArticles') {
            return (...args: unknown[]) => {
              reads.push(name);
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            };
          }
          return value.bind(target);
        },
      });
      const [report] = await precomputePages(store, { stories: [SLUG] });
      assert.ok(report!.computed >= 3);
      assert.deepEqual(reads.sort(), ['dataStamp', 'listArticles']);
      // Each part's dashboard still lists the story's articles and stamp.
      const version = await temp.store.storyVersion(SLUG);
      const kept = new KeptPages(temp.store);
      const stamps = new Set<string>();
      for (const part of ['all', 'lead', 'body'] as const) {
        const page = await kept.read({ kind: 'story', slug: SLUG, part }, version);
        assert.ok(page!.columns.some((c) => c.articles.length > 0));
        stamps.add(JSON.stringify(page!.stamp));
      }
      assert.equal(stamps.size, 1);
    } finally {
      await temp.cleanup();
    }
  });

  test('shares stories among processes by words, the largest first, none empty', () => {
    const words = new Map([
      ['a', 100],
      ['b', 60],
      ['c', 50],
      ['d', 10],
    ]);
    assert.deepEqual(shareStories(['d', 'c', 'b', 'a'], words, 2), [
      ['a', 'd'],
      ['b', 'c'],
    ]);
    assert.deepEqual(shareStories(['a', 'b'], words, 4), [['a'], ['b']]);
    assert.deepEqual(shareStories(['c', 'a'], words, 1), [['a', 'c']]);
  });

  test('ingest computes the pages of stories from a size on, the rest left to first view', () => {
    const words = new Map([
      ['big', 60_000],
      ['edge', 50_000],
      ['small', 49_999],
    ]);
    // A story the word counts do not know (none stored) counts as empty.
    assert.deepEqual(storiesToPrecompute(['small', 'big', 'gone', 'edge'], words, 50_000), {
      now: ['big', 'edge'],
      later: ['small', 'gone'],
    });
    assert.deepEqual(storiesToPrecompute(['small', 'gone'], words, 0), {
      now: ['small', 'gone'],
      later: [],
    });
  });

  test('past so many stories ingest names none, unless smaller ones wait for first view', () => {
    const many = Array.from({ length: STORIES_NAMED_AT_MOST + 1 }, (_, n) => `story-${n}`);
    const groups = [many.slice(0, 500), many.slice(500)];
    assert.deepEqual(pageProcesses([['a'], ['b']], false), [['a'], ['b']]);
    // Told no story, the one process would compute every page not kept.
    assert.deepEqual(pageProcesses(groups, false), [[]]);
    // Not when some changed stories are left to the server: theirs would be computed too.
    assert.deepEqual(pageProcesses(groups, true), groups);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.js';
import type { AppOptions } from '../../server/app.js';
import { WorkerRunner } from '../../server/compute/page-jobs.js';
import { ARTICLES_PER_PAGE } from '../../server/pages/story.js';
import { bigStoryStore, corpusStore, GatedRunner, type TempStore } from '../helpers.js';

const STORY = '/stories/blinken-in-beijing-june-2023';

interface Served {
  get: (path: string) => Promise<{ status: number; text: string; refresh: string | null }>;
  close: () => Promise<void>;
}

async function serveApp(temp: TempStore, options: AppOptions): Promise<Served> {
  const server = createApp(temp.store, options).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    get: async (path) => {
      const response = await fetch(base + path);
      return {
        status: response.status,
        text: await response.text(),
        refresh: response.headers.get('refresh'),
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Follows a 202 page's reloads until the page is there (the Refresh header says when). */
async function whenReady(served: Served, path: string) {
  for (;;) {
    const page = await served.get(path);
    if (page.status !== 202) return page;
    assert.match(page.refresh ?? '', /^\d+$/);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The pager's next address, unescaped, or null on the last page. */
function nextLink(html: string): string | null {
  const href = /<a href="([^"]+)" rel="next">/.exec(html)?.[1];
  return href ? href.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&') : null;
}

describe('a story with more articles than one page holds', () => {
  let temp: TempStore & { articles: number };
  let served: Served;
  before(async () => {
    temp = await bigStoryStore();
    served = await serveApp(temp, {});
  });
  after(async () => {
    await served.close();
    await temp.cleanup();
  });

  test('lists its articles in pages of 50, each article once, and refuses bad page numbers', async () => {
    assert.ok(temp.articles > ARTICLES_PER_PAGE + 10, `${temp.articles} articles`);
    const first = await served.get(STORY);
    assert.equal(first.status, 200);
    assert.doesNotMatch(first.text, /<article class="outlet-column"/);
    const links = (html: string) =>
      [...html.matchAll(/<table class="figures article-list">[\s\S]*?<\/table>/g)]
        .flatMap((m) => [...m[0].matchAll(/href="(\/articles\/\d+)"/g)])
        .map((m) => m[1]);
    const all = links(first.text);
    assert.equal(all.length, ARTICLES_PER_PAGE);
    let next = nextLink(first.text);
    assert.equal(next, `${STORY}?articles=2#articles-h`);
    for (let guard = 0; next !== null && guard < 10; guard++) {
      const page = await served.get(next);
      assert.equal(page.status, 200);
      all.push(...links(page.text));
      next = nextLink(page.text);
    }
    assert.equal(all.length, temp.articles);
    assert.equal(new Set(all).size, temp.articles);
    for (const bad of ['9', '0', '2x', '0x2', '1e1', '-1']) {
      assert.equal((await served.get(`${STORY}?articles=${bad}`)).status, 400, bad);
    }
  });

  test('shows tone as distributions and keeps every panel, the stamp and the exports', async () => {
    const page = await served.get(STORY);
    const tone = /<section class="panel" aria-labelledby="tone-h">[\s\S]*?<\/section>/.exec(
      page.text,
    )![0];
    assert.match(tone, /Too many sentences for one mark each/);
    // Cells link to the outlet's sentences, not one link per sentence.
    assert.doesNotMatch(tone, /\/articles\/\d+#s\d+/);
    assert.match(tone, /\/search\?story=blinken-in-beijing-june-2023&amp;outlet=cnn/);
    for (const heading of ['At a glance', 'Expectation-setting', 'Voices', 'Framing toward']) {
      assert.ok(page.text.includes(heading), heading);
    }
    assert.match(page.text, /Which data and runs produced this page/);
    assert.match(page.text, /\/export\/segments\.csv\?story=blinken-in-beijing-june-2023/);
    // The table still links each figure to its sentences.
    assert.match(
      page.text,
      /<td class="num"><a href="\/search\?story&#x3D;blinken-in-beijing-june-2023&amp;outlet&#x3D;cnn">\d+<\/a><\/td>/,
    );
  });

  test('pages its aligned facts and says which were kept', async () => {
    const page = await served.get(`${STORY}/facts`);
    assert.equal(page.status, 200);
    const shown = page.text.match(/<section class="fact" /g)?.length ?? 0;
    assert.ok(shown > 0 && shown <= 50, `${shown} facts on page 1`);
    assert.equal((await served.get(`${STORY}/facts?page=x`)).status, 400);
  });
});

describe('pages computed on a worker thread', () => {
  let temp: TempStore;
  before(async () => {
    temp = await corpusStore();
  });
  after(async () => {
    await temp.cleanup();
  });

  test('answer 202 with a self-reloading page while computing, then the page', async () => {
    const served = await serveApp(temp, { database: temp.store.file, compute: { waitMs: 0 } });
    try {
      const computing = await served.get(`${STORY}/facts`);
      assert.equal(computing.status, 202);
      assert.equal(computing.refresh, '2');
      assert.match(computing.text, /Still computing/);
      assert.match(computing.text, /the aligned facts of “blinken-in-beijing-june-2023”/);
      assert.doesNotMatch(computing.text, /<script/);
      const facts = await whenReady(served, `${STORY}/facts`);
      assert.equal(facts.status, 200);
      assert.match(facts.text, /<section class="fact" /);
      const json = await served.get(`${STORY}.json`);
      assert.ok([200, 202].includes(json.status));
      const story = await whenReady(served, STORY);
      assert.equal(story.status, 200);
      assert.match(story.text, /Framing toward each party/);
    } finally {
      await served.close();
    }
  });

  test('a facts or summary download waits for the worker instead of answering 202', async () => {
    const served = await serveApp(temp, { database: temp.store.file, compute: { waitMs: 0 } });
    try {
      const facts = await served.get('/export/facts.csv?story=blinken-in-beijing-june-2023');
      assert.equal(facts.status, 200);
      assert.match(facts.text.split('\n')[0]!, /^story_slug,fact_number,/);
      assert.ok(facts.text.split('\n').length > 20);
      const summary = await served.get('/export/summary.csv?story=blinken-in-beijing-june-2023');
      assert.equal(summary.status, 200);
      // A header and one row per outlet.
      assert.equal(summary.text.trim().split('\n').length, 6);
    } finally {
      await served.close();
    }
  });

  test('a computation over its time budget is stopped and reported, not retried on reload', async () => {
    // Its own database: the tests above kept these facts in theirs (migration 010).
    const temp = await corpusStore();
    const runner = new WorkerRunner({
      database: temp.store.file,
      budgetMs: 1,
      idleMs: 1000,
      memoryMb: 256,
    });
    const served = await serveApp(temp, { pageRunner: runner, compute: { waitMs: 0 } });
    try {
      const page = await whenReady(served, `${STORY}/facts`);
      assert.equal(page.status, 503);
      assert.match(page.text, /took longer than 0 s and was stopped/);
      assert.equal((await served.get(`${STORY}/facts`)).status, 503);
    } finally {
      await served.close();
      await runner.close();
      await temp.cleanup();
    }
  });
});

describe('while a facts computation runs', () => {
  test('the home page, an article and the concordance answer', async () => {
    const temp = await corpusStore();
    const runner = new GatedRunner(
      new WorkerRunner({
        database: temp.store.file,
        budgetMs: 60_000,
        idleMs: 1000,
        memoryMb: 256,
      }),
    );
    const served = await serveApp(temp, { pageRunner: runner, compute: { waitMs: 0 } });
    try {
      assert.equal((await served.get(`${STORY}/facts`)).status, 202);
      assert.deepEqual(runner.started, [{ kind: 'facts', slug: 'blinken-in-beijing-june-2023' }]);
      assert.equal((await served.get('/')).status, 200);
      assert.equal((await served.get('/search?q=balloon')).status, 200);
      const [article] = await temp.store.listArticles('blinken-in-beijing-june-2023');
      assert.equal((await served.get(`/articles/${article!.id}`)).status, 200);
      // Still computing: the reload asks again without starting a second computation.
      assert.equal((await served.get(`${STORY}/facts`)).status, 202);
      assert.equal(runner.started.length, 1);
      runner.release();
      assert.equal((await whenReady(served, `${STORY}/facts`)).status, 200);
    } finally {
      await served.close();
      await runner.close();
      await temp.cleanup();
    }
  });
});

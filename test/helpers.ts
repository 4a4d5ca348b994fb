// Test fixtures shared by the suites: a throwaway SQLite store, the bundled corpus loaded
// into it once per suite, and an app served on an ephemeral 127.0.0.1 port.

import { mkdtempSync, rmSync } from 'node:fs';
import { after, before } from 'node:test';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyzer } from '../analysis/pipeline.js';
import { loadBundledCorpus } from '../corpus/load.js';
import { SqliteStore } from '../db/sqlite-store.js';
import type { Store } from '../db/store.js';
import { createApp } from '../server/app.js';
import type { AppOptions } from '../server/app.js';
import assert from 'node:assert/strict';
import type { Outcome, TaskRunner } from '../server/compute/page-jobs.js';
import type { PageTask } from '../server/compute/tasks.js';

export interface TempStore {
  store: SqliteStore;
  dir: string;
  cleanup: () => Promise<void>;
}

export function tempStore(): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-test-'));
  const store = new SqliteStore(join(dir, 'test.sqlite'));
  return {
    store,
    dir,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function corpusStore(): Promise<TempStore> {
  const temp = tempStore();
  await loadBundledCorpus(temp.store, createAnalyzer());
  return temp;
}

export interface TestServer {
  base: string;
  get: (path: string) => Promise<{ status: number; text: string; type: string | null }>;
  close: () => Promise<void>;
}

export async function serve(store: Store, options: AppOptions = {}): Promise<TestServer> {
  const app = createApp(store, options);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    get: async (path) => {
      const response = await fetch(base + path);
      return {
        status: response.status,
        text: await response.text(),
        type: response.headers.get('content-type'),
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ServerFixture {
  temp: TempStore;
  server: TestServer;
}

/**
 * For a describe block: the bundled corpus in a throwaway store, served on 127.0.0.1, set up
 * before its tests and torn down after them.
 */
export function serverFixture(options: AppOptions = {}): ServerFixture {
  const fx = {} as ServerFixture;
  before(async () => {
    fx.temp = await corpusStore();
    fx.server = await serve(fx.temp.store, options);
  });
  after(async () => {
    await fx.server?.close();
    await fx.temp?.cleanup();
  });
  return fx;
}

/** A cut of a bundled article: its first `paragraphs` paragraphs, under `outlet`. */
interface Cut {
  paragraphs: number;
  outlet: string;
  source: string;
}

/**
 * The bundled corpus with each article of its story stored again as the cuts `cutsOf`
 * names (real text, each cut a distinct article, analysed and stored in one run).
 */
async function storeWithCuts(
  cutsOf: (article: { id: number; outlet: string }, paragraphs: number) => Cut[],
): Promise<TempStore & { articles: number }> {
  const temp = await corpusStore();
  const analyzer = createAnalyzer();
  const run = await temp.store.startRun(analyzer.info);
  const originals = await temp.store.listArticles('blinken-in-beijing-june-2023');
  const texts = new Map((await temp.store.articleTexts()).map((a) => [a.id, a.text]));
  const copies = originals.flatMap((article) => {
    const paragraphs = texts.get(article.id)!.split(/\n+/);
    return cutsOf({ id: article.id, outlet: article.outlet.name }, paragraphs.length).map((cut) => {
      const text = paragraphs.slice(0, cut.paragraphs).join('\n\n');
      return {
        story: { title: 'Blinken in Beijing, June 2023', slug: 'blinken-in-beijing-june-2023' },
        outlet: { name: cut.outlet },
        title: `${article.title ?? article.headline ?? 'Untitled'} (first ${cut.paragraphs} paragraphs)`,
        url: null,
        author: null,
        publishedDate: article.publishedDate,
        text,
        source: cut.source,
        analysis: analyzer.analyze(text),
      };
    });
  });
  const results = await temp.store.addArticles(copies, run.id);
  assert.ok(
    results.every((r) => r.status === 'added'),
    JSON.stringify(results.slice(0, 3)),
  );
  await temp.store.finishRun(run.id, 'done');
  return { ...temp, articles: originals.length + copies.length };
}

/**
 * The bundled story grown past the size of one page: each of its five articles again as
 * every cut of its text after 8, 9, 10 … paragraphs (real text, each cut a distinct
 * article), so the story holds about a hundred articles and well over a thousand sentences.
 */
export function bigStoryStore(): Promise<TempStore & { articles: number }> {
  return storeWithCuts((article, paragraphs) => {
    const cuts: Cut[] = [];
    for (let n = 8; n < paragraphs; n++)
      cuts.push({ paragraphs: n, outlet: article.outlet, source: `cut-${article.id}-${n}` });
    return cuts;
  });
}

/**
 * The bundled story with 20 outlets (more than the dashboard's rows, OUTLETS_SHOWN): each
 * bundled article again as its first 6 and 7 paragraphs (same outlet) and as its first 5,
 * 8 and 9 under three new outlets.
 */
export function manyOutletsStore(): Promise<TempStore> {
  return storeWithCuts((article) =>
    (
      [
        [6, article.outlet],
        [7, article.outlet],
        [5, `${article.outlet} Weekly`],
        [8, `${article.outlet} Digest`],
        [9, `${article.outlet} Radio`],
      ] as const
    ).map(([n, outlet]) => ({ paragraphs: n, outlet, source: `cut-${article.id}-${n}-${outlet}` })),
  );
}

/** A runner that holds each outcome until the test opens the gate. */
export class GatedRunner implements TaskRunner {
  private open!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));
  readonly started: PageTask[] = [];
  constructor(private readonly inner: TaskRunner) {}
  async run(task: PageTask): Promise<Outcome> {
    this.started.push(task);
    const outcome = await this.inner.run(task);
    await this.gate;
    return outcome;
  }
  release(): void {
    this.open();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

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

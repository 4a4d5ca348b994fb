// How the concordance's answers differ between the stores' full-text search (SQLite's
// FTS5 with the Porter stemmer, PostgreSQL's tsvector with Snowball's English stemmer):
//   npm run build && sh test/db/postgres.sh node dist/bench/search-compare.js [files…]
// Loads the bundled corpus (and the files given, e.g. ../shared/corpora/basil-dev/articles.jsonl)
// into a throwaway store of each kind, then asks both for the corpus's most frequent words
// (whole, and as prefixes of their first five letters) and prints how many totals agree,
// with the words whose totals differ. Nothing is written outside temporary databases.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createAnalyzer } from '../analysis/pipeline.js';
import { loadBundledCorpus } from '../corpus/load.js';
import { PgStore } from '../db/pg-store.js';
import { SqliteStore } from '../db/sqlite-store.js';
import type { SearchTerm, Store } from '../db/store.js';
import { ingest } from '../ingest/ingest.js';

const WORDS = 400;

async function main(): Promise<void> {
  const server = process.env.PARALLAX_TEST_DATABASE_URL;
  if (!server)
    throw new Error('run through test/db/postgres.sh (needs PARALLAX_TEST_DATABASE_URL)');
  const admin = new pg.Client(server);
  await admin.connect();
  const name = `parallax_search_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const dir = mkdtempSync(join(tmpdir(), 'parallax-search-'));
  const sqlite = new SqliteStore(join(dir, 'search.sqlite'));
  const postgres = await PgStore.open(server.replace(/\/[^/]*$/, `/${name}`));
  try {
    const analyzer = createAnalyzer();
    for (const store of [sqlite, postgres] as Store[]) {
      await loadBundledCorpus(store, analyzer);
      if (process.argv.length > 2)
        await ingest({ paths: process.argv.slice(2) }, { defaults: {} }, store, analyzer);
    }
    const counts = new Map<string, number>();
    for (const story of await sqlite.listStories()) {
      for (const s of await sqlite.storySentences(story.slug)) {
        for (const w of s.text.toLowerCase().match(/\p{L}+/gu) ?? [])
          counts.set(w, (counts.get(w) ?? 0) + 1);
      }
    }
    const frequent = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, WORDS);
    const total = async (store: Store, term: SearchTerm) =>
      (await store.searchSentences({ terms: [term], offset: 0, limit: 1 })).total;
    for (const prefix of [false, true]) {
      let same = 0;
      const differ: string[] = [];
      const asked = new Set<string>();
      for (const [word] of frequent) {
        const text = prefix ? word.slice(0, 5) : word;
        if (asked.has(text) || (prefix && word.length < 5)) continue;
        asked.add(text);
        const term = { text, prefix };
        const [a, b] = [await total(sqlite, term), await total(postgres, term)];
        if (a === b) same++;
        else differ.push(`${text}${prefix ? '*' : ''} ${a}→${b}`);
      }
      console.log(
        `${prefix ? 'prefixes' : 'words'}: ${same} of ${asked.size} give the same number of sentences` +
          (differ.length > 0 ? `; differ (FTS5→PostgreSQL): ${differ.join(', ')}` : ''),
      );
    }
  } finally {
    await sqlite.close();
    await postgres.close();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});

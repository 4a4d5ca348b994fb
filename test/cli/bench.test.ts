// `npm run bench --smoke` as CI runs it: a tiny run over the shared AllSides corpus that
// checks the benchmark works end to end and prints every figure it promises. It asserts
// the shape and that each stage ran, never a timing.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { loadBundledCorpus } from '../../corpus/load.js';
import { SqliteStore } from '../../db/sqlite-store.js';

const KEYS = [
  'words',
  'floor_words_per_s',
  'vader_words_per_s',
  'wink_words_per_s',
  'ingest_1t_words_per_s',
  'ingest_workers_words_per_s',
  'ingest_peak_rss_mb',
  'story_p50_ms',
  'story_p99_ms',
  'story_bytes',
  'facts_p99_ms',
  'search_p99_ms',
  'server_rss_mb',
  'export_rows_per_s',
  'cli_first_output_s',
];

test('bench --smoke runs every stage and ends with one JSON line of figures', () => {
  const script = fileURLToPath(new URL('../../cli/bench.js', import.meta.url));
  const result = spawnSync(
    process.execPath,
    [script, '--smoke', '--articles', '40', '--page-requests', '2', '--json'],
    { encoding: 'utf8', timeout: 240_000 },
  );
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.trim().split('\n');
  assert.match(result.stdout, /Parallax benchmark: 40 articles/);
  const figures = JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, unknown>;
  for (const key of KEYS) assert.ok(key in figures, `missing ${key}`);
  assert.ok((figures.words as number) > 10_000);
  for (const key of [
    'ingest_1t_words_per_s',
    'ingest_workers_words_per_s',
    'vader_words_per_s',
    'export_rows_per_s',
  ]) {
    assert.ok((figures[key] as number) > 0, `${key} was not measured`);
  }
  const pages = figures.pages as { name: string; status: number | null; problem: string | null }[];
  // Home, the largest story, its lead tab, its articles' page 2, its facts, an outlet
  // profile, an article, the concordance; 202 answers are followed to the page.
  assert.deepEqual(
    pages.map((p) => p.name.replace(/ \(.*\)$/, '')),
    [
      'home',
      'story',
      'its lead tab',
      'its articles, page 2',
      'its aligned facts',
      'outlet profile',
      'an article',
      'concordance "talks"',
    ],
  );
  for (const page of pages) assert.equal(page.status, 200, `${page.name}: ${page.problem}`);
});

test('bench --pages-only measures the pages of an existing database and nothing else', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-pages-'));
  try {
    const database = join(dir, 'pages.sqlite');
    const store = new SqliteStore(database);
    await loadBundledCorpus(store, createAnalyzer());
    await store.close();
    const script = fileURLToPath(new URL('../../cli/bench.js', import.meta.url));
    const result = spawnSync(
      process.execPath,
      [script, '--pages-only', '--db', database, '--page-requests', '2', '--json'],
      { encoding: 'utf8', timeout: 240_000 },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /ingest|baselines|export/);
    const lines = result.stdout.trim().split('\n');
    const figures = JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, unknown>;
    assert.ok((figures.server_rss_mb as number) > 0);
    const pages = figures.pages as { name: string; status: number | null }[];
    assert.equal(pages.length, 8);
    for (const page of pages) assert.equal(page.status, 200, page.name);
    const refused = spawnSync(process.execPath, [script, '--pages-only'], { encoding: 'utf8' });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /--pages-only and --db FILE go together/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

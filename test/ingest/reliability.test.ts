// What an ingest guarantees when things go wrong: one hostile file never sinks the
// batch, a stopped ingest stores what it analyzed and says so, a batch the database
// cannot take is reported as retryable (not as bad input), and a run left 'running' by a
// dead process is marked interrupted by the next one.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { createAnalyzer } from '../../analysis/pipeline.js';
import type { Analyzer } from '../../analysis/pipeline.js';
import { projectPath } from '../../lib/project-paths.js';
import { DatabaseBusy } from '../../db/busy.js';
import type { Store } from '../../db/store.js';
import { ingestRecords, REJECTIONS_KEPT } from '../../ingest/ingest.js';
import { readSources } from '../../ingest/read.js';
import { tempStore } from '../helpers.js';
import type { TempStore } from '../helpers.js';

const DEFAULTS = { outlet: 'The Test Outlet', story: 'Blinken in Beijing' };

/** The five bundled articles as .txt files in a folder of the temp store's directory. */
function articleFolder(temp: TempStore, name: string): string {
  const folder = join(temp.dir, name);
  mkdirSync(folder, { recursive: true });
  const source = projectPath('corpus', 'articles');
  for (const file of readdirSync(source)) copyFileSync(join(source, file), join(folder, file));
  return folder;
}

function runStatuses(temp: TempStore): string[] {
  const db = new Database(temp.store.file, { readonly: true });
  try {
    return db.prepare('SELECT status FROM analysis_run ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

// Nine levels of nine aliases each: 9^9 strings once expanded.
const ALIAS_BOMB = [
  '---',
  'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...Array.from(
    { length: 9 },
    (_, i) => `a${i + 1}: &a${i + 1} [${Array.from({ length: 9 }, () => `*a${i}`).join(', ')}]`,
  ),
  '---',
  'Text after a YAML bomb.',
].join('\n');

describe('ingest under failure', () => {
  let analyzer: Analyzer;
  before(() => {
    analyzer = createAnalyzer();
  });

  test('a YAML alias bomb and custom tags are that file’s rejection; the others go in', async () => {
    const temp = tempStore();
    after(() => temp.cleanup());
    const folder = articleFolder(temp, 'mixed');
    writeFileSync(join(folder, '001_bomb.md'), ALIAS_BOMB);
    writeFileSync(
      join(folder, '002_tags.md'),
      '---\ntitle: !!js/function "function () { return 1 }"\nauthor: !!binary aGVsbG8=\n---\nText.\n',
    );
    const summary = await ingestRecords(
      readSources([folder], { defaults: DEFAULTS }),
      temp.store,
      analyzer,
    );
    assert.equal(summary.added, 5);
    const reasons = Object.fromEntries(
      summary.rejected.map((r) => [r.source.slice(folder.length + 1), r.reason]),
    );
    assert.match(
      reasons['001_bomb.md'] ?? '',
      /front matter cannot be read as YAML: Excessive alias count/,
    );
    assert.match(reasons['002_tags.md'] ?? '', /field 'author' must be text/);
    assert.deepEqual(runStatuses(temp), ['done']);
  });

  test('a file of countless bad rows is counted whole; only the first reasons are kept', async () => {
    const temp = tempStore();
    after(() => temp.cleanup());
    const folder = articleFolder(temp, 'junk');
    // Every line parses and is refused (no text): each rejection used to be kept until the end.
    const lines = REJECTIONS_KEPT + 500;
    writeFileSync(join(folder, 'junk.jsonl'), '{}\n'.repeat(lines));
    const reported: string[] = [];
    const summary = await ingestRecords(
      readSources([folder], { defaults: DEFAULTS }),
      temp.store,
      analyzer,
      { onResult: (result) => void (result.status === 'failed' && reported.push(result.source)) },
    );
    assert.equal(summary.added, 5);
    assert.equal(summary.rejectedCount, lines);
    assert.equal(reported.length, lines);
    assert.equal(summary.rejected.length, REJECTIONS_KEPT);
    assert.match(summary.rejected[0]?.reason ?? '', /no article text/);
  });

  test('a stopped ingest stores the analyzed batch, marks its run interrupted, and a re-run completes', async () => {
    const temp = tempStore();
    after(() => temp.cleanup());
    const folder = articleFolder(temp, 'articles');
    const stop = new AbortController();
    const first = await ingestRecords(
      readSources([folder], { defaults: DEFAULTS }),
      temp.store,
      analyzer,
      {
        batchSize: 2,
        signal: stop.signal,
        onResult: () => stop.abort(),
      },
    );
    assert.equal(first.interrupted, true);
    assert.equal(first.added, 2);
    assert.deepEqual(runStatuses(temp), ['interrupted']);
    const second = await ingestRecords(
      readSources([folder], { defaults: DEFAULTS }),
      temp.store,
      analyzer,
    );
    assert.deepEqual([second.added, second.duplicates, second.interrupted], [3, 2, false]);
    assert.equal(await temp.store.countArticles(), 5);
  });

  test('a batch the database stays locked for is retryable, names its articles, and stores nothing', async () => {
    const temp = tempStore();
    after(() => temp.cleanup());
    const folder = articleFolder(temp, 'articles');
    // The real store, except that its writes find the database locked past every retry.
    const locked: Store = Object.assign(Object.create(temp.store) as Store, {
      addArticles: () => Promise.reject(new DatabaseBusy(7)),
    });
    const summary = await ingestRecords(
      readSources([folder], { defaults: DEFAULTS }),
      locked,
      analyzer,
    );
    assert.equal(summary.added, 0);
    assert.deepEqual(summary.rejected, []);
    assert.deepEqual(
      summary.retryable.map((r) => r.source.slice(folder.length + 1)),
      readdirSync(folder).sort(),
    );
    assert.match(
      summary.retryable[0]?.reason ?? '',
      /locked by another writer \(7 attempts\).*run the same command again/,
    );
    assert.equal(await temp.store.countArticles(), 0);
    assert.deepEqual(runStatuses(temp), ['failed']);
  });

  test('a run left running by a process that no longer exists is marked interrupted by the next run', async () => {
    const temp = tempStore();
    after(() => temp.cleanup());
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const deadPid = Number(gone.stdout);
    const db = new Database(temp.store.file);
    db.prepare(
      `INSERT INTO analysis_run (started_at, analyzer_version, lexicon_hash, status, host, pid)
       VALUES ('2026-01-01T00:00:00Z', 'x', 'x', 'running', ?, ?), ('2026-01-01T00:00:00Z', 'x', 'x', 'running', ?, ?)`,
    ).run(hostname(), deadPid, hostname(), process.ppid);
    db.close();
    await temp.store.startRun(analyzer.info);
    // The dead one is interrupted; the live parent process's run is left alone.
    assert.deepEqual(runStatuses(temp), ['interrupted', 'running', 'running']);
  });
});

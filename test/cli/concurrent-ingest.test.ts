// Several ingest processes on one database, as researchers run them on a shared server:
// every article stored exactly once, whichever process gets it, and nothing lost to a
// locked database; and an ingest stopped by SIGTERM. Real processes
// (node dist/cli/ingest.js) over the BASIL dev articles.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { headlineFirst } from '../../ingest/record.js';
import { projectPath } from '../../lib/project-paths.js';

const BASIL = projectPath('..', 'shared', 'corpora', 'basil-dev', 'articles.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'parallax-concurrent-'));
const script = fileURLToPath(new URL('../../cli/ingest.js', import.meta.url));

interface Finished {
  code: number | null;
  out: string;
  err: string;
}

function ingest(args: string[], whenStarted?: (pid: number) => void): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--quiet', ...args]);
    if (whenStarted && child.pid !== undefined) whenStarted(child.pid);
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/**
 * The content hashes the store would give the input's articles: SHA-256 of the trimmed text
 * as stored, the row's title put first (BASIL's texts do not open with their headline).
 */
function expectedHashes(lines: string[]): Set<string> {
  return new Set(
    lines.map((line) => {
      const { title, text } = JSON.parse(line) as { title?: string; text: string };
      const stored = headlineFirst(text, title);
      return createHash('sha256').update(stored.trim(), 'utf8').digest('hex');
    }),
  );
}

function storedHashes(db: string): { rows: number; hashes: Set<string>; runs: string[] } {
  const conn = new Database(db, { readonly: true });
  try {
    const hashes = conn.prepare('SELECT content_hash FROM article').pluck().all() as string[];
    const runs = conn.prepare('SELECT status FROM analysis_run').pluck().all() as string[];
    const orphans = conn
      .prepare('SELECT count(*) FROM segment WHERE article_id NOT IN (SELECT id FROM article)')
      .pluck()
      .get();
    assert.equal(orphans, 0);
    return { rows: hashes.length, hashes: new Set(hashes), runs };
  } finally {
    conn.close();
  }
}

describe('concurrent ingests into one database', { skip: !existsSync(BASIL) }, () => {
  after(() => rmSync(dir, { recursive: true, force: true }));
  const lines = existsSync(BASIL)
    ? readFileSync(BASIL, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
    : [];

  test('two processes over the same file store every article exactly once', async () => {
    const input = join(dir, 'all.jsonl');
    writeFileSync(input, lines.join('\n') + '\n');
    const db = join(dir, 'same.sqlite');
    const results = await Promise.all([ingest(['--db', db, input]), ingest(['--db', db, input])]);
    for (const result of results) assert.equal(result.code, 0, result.err);
    const stored = storedHashes(db);
    assert.equal(stored.rows, lines.length);
    assert.deepEqual(stored.hashes, expectedHashes(lines));
    assert.deepEqual(stored.runs.sort(), ['done', 'done']);
    // Between them the two runs added every article once; the rest they found stored.
    const added = results.map((r) => Number(/(\d+) added/.exec(r.out)?.[1]));
    assert.equal(added[0]! + added[1]!, lines.length);
  });

  test('three processes over overlapping parts store the union once', async () => {
    const third = Math.floor(lines.length / 3);
    const parts = [
      lines.slice(0, 2 * third),
      lines.slice(third),
      [...lines.slice(2 * third), ...lines.slice(0, third)],
    ];
    const files = parts.map((part, i) => {
      const file = join(dir, `part${i}.jsonl`);
      writeFileSync(file, part.join('\n') + '\n');
      return file;
    });
    const db = join(dir, 'parts.sqlite');
    const results = await Promise.all(files.map((file) => ingest(['--db', db, file])));
    for (const result of results) {
      assert.equal(result.code, 0, result.err);
      assert.doesNotMatch(result.err, /not stored|locked/);
    }
    const stored = storedHashes(db);
    assert.equal(stored.rows, lines.length);
    assert.deepEqual(stored.hashes, expectedHashes(lines));
  });

  test('SIGTERM stores what was analyzed, marks the run interrupted, exits 143; a re-run completes', async () => {
    // Three copies of each article with distinct texts: long enough to be stopped midway.
    const copies = [1, 2, 3].flatMap((n) =>
      lines.map((line) => {
        const article = JSON.parse(line) as { text: string };
        return JSON.stringify({ ...article, text: `${article.text}\n\n(Copy ${n}.)` });
      }),
    );
    const input = join(dir, 'copies.jsonl');
    writeFileSync(input, copies.join('\n') + '\n');
    const db = join(dir, 'signal.sqlite');
    const stopped = await ingest(['--db', db, input], (pid) => {
      // The database file appears when the command has opened it and listens for signals.
      const poll = setInterval(() => {
        if (!existsSync(db)) return;
        clearInterval(poll);
        setTimeout(() => process.kill(pid, 'SIGTERM'), 1500);
      }, 20);
    });
    assert.equal(stopped.code, 143, stopped.err);
    // One closing line says what was stored and how to go on, and nothing says it twice.
    assert.match(
      stopped.out,
      /^Stopped by SIGTERM before the end of the input: (no article was added|\d+ articles? added in analysis run 1 \(marked interrupted\))\. To continue: run the same command again/m,
    );
    assert.equal((stopped.out + stopped.err).match(/stopped/gi)?.length, 1, stopped.out);
    const partial = storedHashes(db);
    assert.ok(partial.rows < copies.length);
    // A signal before the first article was analyzed leaves nothing to store and no run;
    // otherwise what was analyzed is stored under a run marked interrupted.
    const interruptedRuns = partial.rows > 0 ? ['interrupted'] : [];
    assert.deepEqual(partial.runs, interruptedRuns);
    const resumed = await ingest(['--db', db, input]);
    assert.equal(resumed.code, 0, resumed.err);
    const stored = storedHashes(db);
    assert.equal(stored.rows, copies.length);
    assert.deepEqual(stored.hashes, expectedHashes(copies));
    assert.deepEqual(stored.runs.sort(), ['done', ...interruptedRuns]);
  });
});

// The ingest queue end to end, through the commands: `ingest --queue` queues the bundled
// articles, a worker killed with SIGKILL in the middle of its job leaves nothing stored,
// and on restart two workers finish every job, each text stored once although it was
// queued twice.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { projectPath } from '../../lib/project-paths.js';
import { createTestDatabase, skipWithoutPostgres } from '../postgres.js';
import type { TestDatabase } from '../postgres.js';

const ARTICLES = readdirSync(projectPath('corpus', 'articles')).map((f) =>
  projectPath('corpus', 'articles', f),
);

function run(command: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [projectPath('dist', 'cli', `${command}.js`), ...args]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('ingest queue and workers', { skip: skipWithoutPostgres }, () => {
  let database: TestDatabase;
  let db: pg.Client;
  const count = async (table: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

  before(async () => {
    database = await createTestDatabase();
    db = new pg.Client(database.url);
    await db.connect();
  });
  after(async () => {
    await db?.end();
    await database?.drop();
  });

  test('a worker killed mid-job leaves nothing; on restart each text is stored once', async () => {
    const queue = (extra: string[]) =>
      run('ingest', [
        '--queue',
        '--database-url',
        database.url,
        '--story',
        'Blinken in Beijing',
        '--outlet',
        'Sample',
        ...extra,
        ...ARTICLES,
      ]);
    const queued = await queue(['--job-size', String(ARTICLES.length)]);
    assert.equal(queued.code, 0, queued.out);
    assert.match(queued.out, /5 articles queued in 1 jobs/);

    // Killed once it holds its job and has written an article's cue hits, uncommitted.
    const worker = spawn(process.execPath, [
      projectPath('dist', 'cli', 'worker.js'),
      '--database-url',
      database.url,
    ]);
    const exited = new Promise((resolve) => worker.on('close', resolve));
    let writing = false;
    for (let i = 0; i < 3000 && !writing; i++) {
      const { rows } = await db.query(
        `SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
         WHERE c.relname = 'cue_hit' AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()`,
      );
      writing = rows.length > 0;
      if (!writing) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    assert.ok(writing, 'the worker started writing its job');
    worker.kill('SIGKILL');
    await exited;
    // The server notices the lost connection and rolls its transaction back.
    for (let i = 0; i < 200; i++) {
      const { rows } = await db.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      if (rows.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    // (A story or outlet row it created may stay: pg-store.ts, inTransaction.)
    for (const table of [
      'article',
      'segment',
      'cue_hit',
      'speaker',
      'segment_target',
      'analysis_run',
    ]) {
      assert.equal(await count(table), 0, `${table} after the kill`);
    }
    const job = await db.query(`SELECT finished_at, attempts FROM ingest_job`);
    assert.deepEqual(job.rows, [{ finished_at: null, attempts: 0 }]);

    // The same texts again, in jobs of two: two workers race over the same texts.
    assert.equal((await queue(['--job-size', '2'])).code, 0);
    const args = ['--database-url', database.url, '--exit-when-empty', '--quiet'];
    const [a, b] = await Promise.all([run('worker', args), run('worker', args)]);
    assert.equal(a.code, 0, a.out);
    assert.equal(b.code, 0, b.out);
    assert.equal(await count('article'), ARTICLES.length);
    assert.equal(
      Number(
        (await db.query(`SELECT count(*) AS n FROM ingest_job WHERE finished_at IS NULL`)).rows[0]
          .n,
      ),
      0,
    );
    const results = await db.query<{ added: number; duplicates: number }>(
      `SELECT sum((result->>'added')::int) AS added, sum((result->>'duplicates')::int) AS duplicates
       FROM ingest_job`,
    );
    assert.deepEqual(
      results.rows.map((r) => [Number(r.added), Number(r.duplicates)]),
      [[ARTICLES.length, ARTICLES.length]],
    );
    // Every stored article whole: its segments are those of one analysis, numbered from 0.
    const gaps = await db.query(
      `SELECT a.id FROM article a JOIN segment s ON s.article_id = a.id
       GROUP BY a.id HAVING count(*) <> max(s.position) + 1`,
    );
    assert.deepEqual(gaps.rows, []);
  });
});

// Migrations 012 (SQLite) and 004 (PostgreSQL): kept pages are stored compressed. A database
// from before, with kept pages as JSON text, opens with the new code: its kept rows are
// gone (a cache: computed again), and pages are computed, kept compressed and read back.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { migrate } from '../../db/migrate.js';
import { migratePostgres } from '../../db/pg-migrate.js';
import { PgStore } from '../../db/pg-store.js';
import { SqliteStore } from '../../db/sqlite-store.js';
import { projectPath } from '../../lib/project-paths.js';
import { KeptPages, taskKey } from '../../server/compute/kept-pages.js';
import type { PageTask, TaskValue } from '../../server/compute/tasks.js';
import { createTestDatabase, skipWithoutPostgres } from '../postgres.js';
import { serve } from '../helpers.js';
import { InlineRunner } from '../../server/compute/page-jobs.js';
import { runTask } from '../../server/compute/tasks.js';

const TEXT = `Envoys meet in Geneva amid tensions

Negotiators said the talks were constructive, but no breakthrough is expected. Analysts may
doubt that the two sides can stabilize ties, officials said.`;

/** A folder holding the migrations of `folder` numbered below `below`. */
function migrationsBefore(dir: string, folder: string, below: string): string {
  const old = join(dir, `${folder}-before-${below}`);
  mkdirSync(old);
  for (const file of readdirSync(projectPath('db', folder))) {
    if (file < below) copyFileSync(projectPath('db', folder, file), join(old, file));
  }
  return old;
}

const TASK: PageTask = { kind: 'story', slug: 'geneva-talks', part: 'all' };
const OLD_JSON = JSON.stringify({ groups: [1, 2, 3], note: 'kept by migration 010' });

describe('migration 012 on a database with kept pages as JSON', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-migrate-012-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('opens, drops the JSON rows, and keeps and shows pages compressed', async () => {
    const file = join(dir, 'old.sqlite');
    const db = new Database(file);
    migrate(db, migrationsBefore(dir, 'migrations', '012'));
    db.exec(`INSERT INTO story (id, slug, title) VALUES (1, 'geneva-talks', 'Geneva talks')`);
    db.prepare(
      `INSERT INTO kept_page (task, story_slug, version, value_json, computed_at)
       VALUES (?, 'geneva-talks', 'v', ?, '2026-12-05T00:00:00Z')`,
    ).run(taskKey(TASK), OLD_JSON);
    db.close();

    const store = new SqliteStore(file);
    try {
      const raw = new Database(file, { readonly: true });
      const columns = raw
        .prepare(`SELECT name FROM pragma_table_info('kept_page') ORDER BY cid`)
        .pluck()
        .all();
      assert.deepEqual(columns, ['task', 'story_slug', 'version', 'value', 'computed_at']);
      assert.equal(raw.prepare('SELECT count(*) FROM kept_page').pluck().get(), 0);
      assert.equal(
        raw.prepare('SELECT name FROM schema_migration WHERE version = 12').pluck().get(),
        'kept_page_compressed',
      );

      // Articles are added, and a story page is computed, kept and read back.
      const analyzer = createAnalyzer();
      const run = await store.startRun(analyzer.info);
      const results = await store.addArticles(
        ['Reuters', 'Xinhua'].map((outlet) => ({
          story: { title: 'Geneva talks', slug: 'geneva-talks' },
          outlet: { name: outlet },
          title: null,
          url: null,
          author: null,
          publishedDate: '2024-03-05',
          text: `${TEXT}\n\n${outlet} reported.`,
          source: `${outlet}.txt`,
          analysis: analyzer.analyze(`${TEXT}\n\n${outlet} reported.`),
        })),
        run.id,
      );
      await store.finishRun(run.id, 'done');
      assert.deepEqual(
        results.map((r) => r.status),
        ['added', 'added'],
      );
      const computed: PageTask[] = [];
      const server = await serve(store, {
        pageRunner: new InlineRunner((task) => {
          computed.push(task);
          return runTask(store, task);
        }),
        compute: { waitMs: Infinity },
      });
      try {
        const page = await server.get('/stories/geneva-talks');
        assert.equal(page.status, 200, page.text.slice(0, 300));
        assert.match(page.text, /Xinhua/);
      } finally {
        await server.close();
      }
      assert.ok(computed.length >= 1);
      const kept = raw
        .prepare(`SELECT task, value FROM kept_page WHERE task = ?`)
        .get(taskKey(TASK)) as { task: string; value: Buffer } | undefined;
      assert.ok(kept, 'the story page was kept');
      assert.ok(Buffer.isBuffer(kept.value));
      const json = brotliDecompressSync(kept.value).toString('utf8');
      assert.ok(kept.value.length < Buffer.byteLength(json));
      const version = await store.storyVersion('geneva-talks');
      assert.equal(
        JSON.stringify(await new KeptPages(store).read(TASK, version)),
        json,
        'read back as kept',
      );
      raw.close();
    } finally {
      await store.close();
    }
  });
});

describe(
  'migration 004 on a PostgreSQL database with kept pages as JSON',
  {
    skip: skipWithoutPostgres,
  },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-pg-migrate-004-'));
    after(() => rmSync(dir, { recursive: true, force: true }));

    test('opens, drops the JSON rows, and keeps pages compressed', async () => {
      const database = await createTestDatabase();
      try {
        const pool = new pg.Pool({ connectionString: database.url });
        try {
          await migratePostgres(pool, migrationsBefore(dir, 'pg-migrations', '004'));
          await pool.query(
            `INSERT INTO kept_page (task, story_slug, version, value_json)
           VALUES ($1, 'geneva-talks', 'v', $2)`,
            [taskKey(TASK), OLD_JSON],
          );
        } finally {
          await pool.end();
        }
        const store = await PgStore.open(database.url);
        try {
          const client = new pg.Client(database.url);
          await client.connect();
          try {
            const columns = await client.query(
              `SELECT column_name, data_type FROM information_schema.columns
             WHERE table_name = 'kept_page' ORDER BY ordinal_position`,
            );
            assert.deepEqual(
              columns.rows.map((r: { column_name: string }) => r.column_name),
              ['task', 'story_slug', 'version', 'value', 'computed_at'],
            );
            assert.equal(
              (await client.query('SELECT count(*)::int AS n FROM kept_page')).rows[0].n,
              0,
            );
            const kept = new KeptPages(store);
            const value = { groups: Array.from({ length: 2000 }, (_, i) => ({ i, s: 'talks' })) };
            await kept.keep(TASK, 'v', value as unknown as TaskValue<typeof TASK>);
            assert.deepEqual(await kept.read(TASK, 'v'), value);
            const stored = await client.query(
              'SELECT octet_length(value) AS n FROM kept_page WHERE task = $1',
              [taskKey(TASK)],
            );
            assert.ok(stored.rows[0].n * 10 < JSON.stringify(value).length, `${stored.rows[0].n}`);
          } finally {
            await client.end();
          }
        } finally {
          await store.close();
        }
      } finally {
        await database.drop();
      }
    });
  },
);

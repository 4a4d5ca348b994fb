// Applies the numbered PostgreSQL migrations in db/pg-migrations/ that a database has not
// seen yet, each in its own transaction, as db/migrate.ts does for SQLite. Several
// processes may start at once (workers on several machines): a transaction-scoped advisory
// lock lets one of them migrate while the others wait, then find nothing left to do.
// It knows no table: the schema lives in the .sql files.

import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';
import { projectPath } from '../lib/project-paths.js';

const MIGRATION_FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;
// Any constant shared by every Parallax process; "plx" + 1.
const MIGRATION_LOCK = 0x706c7801;

export async function migratePostgres(
  pool: pg.Pool,
  dir = projectPath('db', 'pg-migrations'),
): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migration (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)`);
    for (const file of readdirSync(dir).sort()) {
      const m = MIGRATION_FILE.exec(file);
      if (!m) continue;
      const version = Number(m[1]);
      const done = await client.query('SELECT 1 FROM schema_migration WHERE version = $1', [
        version,
      ]);
      if (done.rowCount !== 0) continue;
      const sql = readFileSync(`${dir}/${file}`, 'utf8');
      try {
        await client.query('BEGIN');
        await client.query(sql);
        await client.query(
          'INSERT INTO schema_migration (version, name, applied_at) VALUES ($1, $2, now())',
          [version, m[2]],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${file} failed: ${(error as Error).message}`);
      }
      applied.push(version);
    }
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => undefined);
    client.release();
  }
  return applied;
}

// Opens the SQLite file with the settings Parallax relies on and applies the numbered
// migrations in db/migrations/ that it has not seen yet, each in its own transaction.
// It does not know any table: the schema lives in the .sql files.

import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { projectPath } from '../lib/project-paths.js';

const MIGRATION_FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export function openDatabase(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // WAL makes NORMAL durable against application crashes; only an OS crash can lose the
  // last commits, never corrupt the file.
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}

export function migrate(db: Database.Database, dir = projectPath('db', 'migrations')): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Set(
    db
      .prepare('SELECT version FROM schema_migration')
      .pluck()
      .all()
      .map((v) => Number(v)),
  );
  const applied: number[] = [];
  for (const file of readdirSync(dir).sort()) {
    const m = MIGRATION_FILE.exec(file);
    if (!m) continue;
    const version = Number(m[1]);
    if (done.has(version)) continue;
    const sql = readFileSync(`${dir}/${file}`, 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)').run(
        version,
        m[2],
        new Date().toISOString(),
      );
    })();
    applied.push(version);
  }
  return applied;
}

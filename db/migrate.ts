// Opens the SQLite file with the settings Parallax relies on and applies the numbered
// migrations in db/migrations/ that it has not seen yet, each in its own transaction.
// It does not know any table: the schema lives in the .sql files.
// Several processes may open a new file at once (two ingests): each migration runs in
// an IMMEDIATE transaction that first checks it is still missing, so it runs once.

import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { projectPath } from '../lib/project-paths.js';

const MIGRATION_FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export function openDatabase(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  // The busy timeout first: switching a new file to WAL waits for other openers too.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // WAL makes NORMAL durable against application crashes; only an OS crash can lose the
  // last commits, never corrupt the file.
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}

export function migrate(db: Database.Database, dir = projectPath('db', 'migrations')): number[] {
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  }).immediate();
  const isApplied = db.prepare('SELECT 1 FROM schema_migration WHERE version = ?').pluck();
  const record = db.prepare(
    'INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)',
  );
  // Rebuilding a table (SQLite's only way to change a constraint) drops it while other
  // tables still point at it, so foreign keys are off during migrations and checked as a
  // whole before each commit. The pragma cannot change inside a transaction.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  const applied: number[] = [];
  try {
    for (const file of readdirSync(dir).sort()) {
      const m = MIGRATION_FILE.exec(file);
      if (!m) continue;
      const version = Number(m[1]);
      const sql = readFileSync(`${dir}/${file}`, 'utf8');
      const ran = db
        .transaction(() => {
          if (isApplied.get(version) !== undefined) return false;
          db.exec(sql);
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) {
            throw new Error(`migration ${file} leaves ${broken.length} broken foreign keys`);
          }
          record.run(version, m[2], new Date().toISOString());
          return true;
        })
        .immediate();
      if (ran) applied.push(version);
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return applied;
}

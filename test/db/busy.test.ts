import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { DatabaseBusy, isBusy, retryWhileBusy } from '../../db/busy.js';
import { tempStore } from '../helpers.js';

test('a write that finds the database busy is retried until it goes through', async () => {
  let attempts = 0;
  const result = await retryWhileBusy(() => {
    attempts++;
    if (attempts < 3) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    return 'written';
  });
  assert.equal(result, 'written');
  assert.equal(attempts, 3);
});

test('past the bound a busy write becomes DatabaseBusy; other errors pass through at once', async () => {
  let attempts = 0;
  await assert.rejects(
    retryWhileBusy(() => {
      attempts++;
      throw Object.assign(new Error('locked'), { code: 'SQLITE_BUSY_SNAPSHOT' });
    }, 2),
    (error: unknown) => error instanceof DatabaseBusy && error.attempts === 3,
  );
  assert.equal(attempts, 3);
  let constraint = 0;
  await assert.rejects(
    retryWhileBusy(() => {
      constraint++;
      throw Object.assign(new Error('UNIQUE constraint failed'), {
        code: 'SQLITE_CONSTRAINT_UNIQUE',
      });
    }),
    /UNIQUE/,
  );
  assert.equal(constraint, 1);
});

test('SQLite reports a second writer as busy, which isBusy recognises', async () => {
  const temp = tempStore();
  const holder = new Database(temp.store.file);
  const other = new Database(temp.store.file, { timeout: 0 });
  try {
    holder.exec('BEGIN IMMEDIATE');
    let error: unknown;
    try {
      other.exec('BEGIN IMMEDIATE');
    } catch (caught) {
      error = caught;
    }
    assert.ok(isBusy(error), String(error));
  } finally {
    holder.exec('ROLLBACK');
    holder.close();
    other.close();
    await temp.cleanup();
  }
});

// The vocabularies against the PostgreSQL schema, as vocabulary.test.ts holds them against
// SQLite's: each label list is exactly what the column's CHECK constraint accepts, in order.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { EXPECTATION_LABELS } from '../../analysis/vocabulary/expectation.js';
import { QUOTE_KINDS } from '../../analysis/vocabulary/quotes.js';
import { SEGMENT_KINDS } from '../../analysis/vocabulary/segments.js';
import { MENTION_ROLES } from '../../analysis/vocabulary/targets.js';
import { PgStore } from '../../db/pg-store.js';
import { createTestDatabase, skipWithoutPostgres } from '../postgres.js';
import type { TestDatabase } from '../postgres.js';

describe('PostgreSQL schema and vocabularies', { skip: skipWithoutPostgres }, () => {
  let database: TestDatabase;
  let client: pg.Client;

  before(async () => {
    database = await createTestDatabase();
    await (await PgStore.open(database.url)).close();
    client = new pg.Client(database.url);
    await client.connect();
  });
  after(async () => {
    await client?.end();
    await database?.drop();
  });

  /** The values a column's CHECK (column IN (…)) allows, as PostgreSQL prints the constraint. */
  async function checkedValues(table: string, column: string): Promise<string[]> {
    const { rows } = await client.query<{ def: string }>(
      `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
       WHERE c.conrelid = $1::regclass AND c.contype = 'c'`,
      [table],
    );
    const def = rows.map((r) => r.def).find((d) => d.includes(`(${column} = ANY`));
    assert.ok(def, `no CHECK on ${table}.${column}`);
    return [...def.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  }

  test('every vocabulary is what the schema accepts', async () => {
    assert.deepEqual(await checkedValues('segment', 'kind'), [...SEGMENT_KINDS]);
    assert.deepEqual(await checkedValues('segment', 'expectation'), [...EXPECTATION_LABELS]);
    assert.deepEqual(await checkedValues('segment', 'quote_kind'), [...QUOTE_KINDS]);
    assert.deepEqual(await checkedValues('segment_target', 'role'), [...MENTION_ROLES]);
  });
});

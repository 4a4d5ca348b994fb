// A fresh PostgreSQL database per test suite, on the throwaway server that
// test/db/postgres.sh starts for `npm test` (PARALLAX_TEST_DATABASE_URL). Without that
// server the PostgreSQL tests are skipped with a line saying how to run them.

import { randomBytes } from 'node:crypto';
import pg from 'pg';

const SERVER = process.env.PARALLAX_TEST_DATABASE_URL;

/** For node:test's `skip` option: why the PostgreSQL tests cannot run here, if they cannot. */
export const skipWithoutPostgres: string | false =
  SERVER === undefined || SERVER === ''
    ? 'no PostgreSQL server: run through `npm test` or `sh test/db/postgres.sh node --test …`'
    : false;

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** Creates an empty database on the test server; drop() removes it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!SERVER) throw new Error(skipWithoutPostgres || 'no test server');
  const name = `parallax_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(SERVER);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = SERVER.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`).replace('undefined', '');
  return {
    url,
    drop: async () => {
      const client = new pg.Client(SERVER);
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

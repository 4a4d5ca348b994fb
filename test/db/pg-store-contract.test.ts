import { describe } from 'node:test';
import { PgStore } from '../../db/pg-store.js';
import { createTestDatabase, skipWithoutPostgres } from '../postgres.js';
import { storeContract } from './store-contract.js';

describe('PostgreSQL', { skip: skipWithoutPostgres }, () => {
  storeContract('PostgreSQL', async () => {
    const database = await createTestDatabase();
    const store = await PgStore.open(database.url);
    return {
      store,
      cleanup: async () => {
        await store.close();
        await database.drop();
      },
    };
  });
});

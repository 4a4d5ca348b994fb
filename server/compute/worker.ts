// The worker thread that computes pages off the request thread (server/compute/page-jobs.ts
// starts it): it opens its own connection to the database (the SQLite file or the
// PostgreSQL URL the server was given), then answers one task at a
// time with the task's value or the error that stopped it. It holds no cache: the main
// thread keeps the results.

import { parentPort, workerData } from 'node:worker_threads';
import { databaseUrl, openStore, SERVER_CACHE_MB } from '../../db/open-store.js';
import { HttpError } from '../http-error.js';
import { runTask, type PageTask } from './tasks.js';
import type { Outcome } from './page-jobs.js';

const { database } = workerData as { database: string };
const isUrl = /^postgres(ql)?:\/\//.test(database);
// Listening at once: a task sent while the connection opens waits for it.
const opened = openStore(
  isUrl
    ? { databaseUrl: databaseUrl({ databaseUrl: database }) }
    : { db: database, cacheMb: SERVER_CACHE_MB },
);

parentPort!.on('message', (task: PageTask) => {
  opened
    .then(({ store }) => runTask(store, task))
    .then(
      (value) => parentPort!.postMessage({ ok: true, value } satisfies Outcome),
      (error: unknown) =>
        parentPort!.postMessage({
          ok: false,
          status: error instanceof HttpError ? error.status : 500,
          message: error instanceof Error ? error.message : String(error),
        } satisfies Outcome),
    );
});

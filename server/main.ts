// `npm start`: opens (or creates) the database, loads the bundled corpus into an empty one,
// and serves the dashboard. Flags override the environment: --db/PARALLAX_DB,
// --port/PORT, --host/HOST. Beyond 127.0.0.1/localhost/::1 it refuses to start without
// PARALLAX_OPERATOR_TOKEN, which every write must then carry (server/access.ts).

// The app, the analyzer and the store are imported once the arguments are read, so that
// --help and a bad flag answer without loading them.

import { parseArgs } from 'node:util';
import type { Store } from '../db/store.js';

const USAGE = `Usage: npm start [-- --db FILE | --database-url URL] [--port N] [--host ADDRESS]

Serves the Parallax dashboard. On an empty database it first loads the bundled
sample corpus (corpus/).

  --db FILE       SQLite file (default: $PARALLAX_DB or data/parallax.sqlite)
  --database-url URL  PostgreSQL instead of SQLite (default: $PARALLAX_DATABASE_URL)
  --port N        port (default: $PORT or 3000)
  --host ADDRESS  address to listen on (default: $HOST or 127.0.0.1)
  --help          this text

On any address but 127.0.0.1, localhost or ::1, set PARALLAX_OPERATOR_TOKEN (at least
16 characters): the forms that add, edit and delete articles then ask for it.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      'database-url': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `--port must be a number between 0 and 65535, not “${values.port ?? process.env.PORT}”`,
    );
  }

  const [
    { createAnalyzer },
    { loadBundledCorpus },
    { databaseUrl, openStore, SERVER_CACHE_MB },
    { operatorTokenFor },
    { createApp },
  ] = await Promise.all([
    import('../analysis/pipeline.js'),
    import('../corpus/load.js'),
    import('../db/open-store.js'),
    import('./access.js'),
    import('./app.js'),
  ]);
  // Before anything is opened: a server others can reach must not take writes from anyone.
  const operatorToken = operatorTokenFor(host, process.env.PARALLAX_OPERATOR_TOKEN);

  const choice = { db: values.db, databaseUrl: values['database-url'] };
  const { store, where: file } = await openStore({ ...choice, cacheMb: SERVER_CACHE_MB });
  const loaded = await loadBundledCorpus(store, createAnalyzer());
  if (loaded) {
    console.log(`Loaded the bundled corpus: ${loaded.added} articles into ${file}`);
    for (const r of loaded.rejected) console.error(`  rejected ${r.source}: ${r.reason}`);
  }
  const app = createApp(store, {
    // The page worker opens its own connection: the URL itself, password included.
    database: databaseUrl(choice) ?? file,
    showErrors: process.env.NODE_ENV === 'development',
    operatorToken,
  });
  const server = app.listen(port, host, () => {
    const address = server.address();
    const actual = typeof address === 'object' && address !== null ? address.port : port;
    console.log(`Parallax is serving ${file} at http://${host}:${actual}/`);
    if (operatorToken !== null)
      console.log('Writes need the operator token (PARALLAX_OPERATOR_TOKEN).');
    void warmUp(`http://${host}:${actual}`, store);
  });
  const stop = () => {
    server.close();
    void store.close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * Renders the first stories' dashboards (all three parts) and aligned facts once in the
 * background, so the first researcher to open them does not wait for the charts, bootstrap
 * intervals and alignment to be computed.
 */
async function warmUp(base: string, store: Store): Promise<void> {
  try {
    for (const story of (await store.listStories()).slice(0, 3)) {
      const page = `${base}/stories/${encodeURIComponent(story.slug)}`;
      for (const path of ['', '?part=lead', '?part=body', '/facts']) await fetch(page + path);
    }
  } catch {
    // Only a speed-up: a failure here shows up again, with its message, on the real request.
  }
}

main().catch((error: unknown) => {
  console.error(`parallax: ${(error as Error).message}`);
  process.exit(1);
});

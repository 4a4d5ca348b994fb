// Opens the store every entry point uses (the server and the commands): PostgreSQL when a
// connection URL is given (--database-url, else $PARALLAX_DATABASE_URL), else the SQLite
// file (--db, else $PARALLAX_DB, else data/parallax.sqlite). The pages and commands see
// only the Store interface, so there is no second code path behind them.

import { databaseFile } from '../lib/database-file.js';
import type { Store } from './store.js';

export interface StoreChoice {
  /** --db: an SQLite file. */
  db?: string;
  /** --database-url: postgres://user@host/database (or postgresql://). */
  databaseUrl?: string;
  /**
   * SQLite's page cache per connection, in MB (default: better-sqlite3's 16). The server
   * asks for less (SERVER_CACHE_MB): it reads, and the file is in the OS's cache anyway.
   */
  cacheMb?: number;
}

/**
 * The server's page cache per SQLite connection (it has two: requests and the page
 * worker). On the full corpus, after the home, an article and the concordance pages, 8 MB
 * rather than 16 left the server 13 MB smaller (169 against 182 MB resident), the pages as
 * fast within the noise of a loaded machine (2026-12-06).
 */
export const SERVER_CACHE_MB = 8;

export interface OpenedStore {
  store: Store;
  /** Where the data is, for messages: the SQLite file, or the URL without its password. */
  where: string;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * The PostgreSQL URL chosen, if any: the flag, else $PARALLAX_DATABASE_URL unless --db
 * names an SQLite file (a flag beats the environment).
 */
export function databaseUrl(choice: StoreChoice): string | undefined {
  const fromEnvironment =
    choice.db === undefined ? process.env.PARALLAX_DATABASE_URL || undefined : undefined;
  const url = choice.databaseUrl ?? fromEnvironment;
  if (url !== undefined && !POSTGRES_URL.test(url)) {
    throw new Error(
      `--database-url / PARALLAX_DATABASE_URL must start with postgres:// or postgresql://, not “${url.slice(0, 40)}”`,
    );
  }
  return url;
}

/** A connection URL as it may be printed: without its password. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

export async function openStore(choice: StoreChoice): Promise<OpenedStore> {
  const url = databaseUrl(choice);
  if (url !== undefined) {
    if (choice.db !== undefined) throw new Error('give --db (SQLite) or --database-url, not both');
    // Loaded only when asked for: SQLite users never load the PostgreSQL driver.
    const { PgStore } = await import('./pg-store.js');
    return { store: await PgStore.open(url), where: redactedUrl(url) };
  }
  const { SqliteStore } = await import('./sqlite-store.js');
  const file = databaseFile(choice.db);
  return { store: new SqliteStore(file, { cacheMb: choice.cacheMb }), where: file };
}

// Where the SQLite database is, for every entry point that opens it (the server and the
// commands): the --db flag, else $PARALLAX_DB, else data/parallax.sqlite in the project.

import { projectPath } from './project-paths.js';

/** The SQLite file: the --db flag, else $PARALLAX_DB, else data/parallax.sqlite. */
export function databaseFile(flag: string | undefined): string {
  return flag ?? process.env.PARALLAX_DB ?? projectPath('data', 'parallax.sqlite');
}

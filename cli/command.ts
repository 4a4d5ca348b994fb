// What every command-line entry point shares: where the database is, and how a command's
// outcome becomes an exit status (its own code, or 1 with one clear line on an error).

import { projectPath } from '../lib/project-paths.js';

/** The SQLite file: the --db flag, else $PARALLAX_DB, else data/parallax.sqlite. */
export function databaseFile(flag: string | undefined): string {
  return flag ?? process.env.PARALLAX_DB ?? projectPath('data', 'parallax.sqlite');
}

/** Runs a command's main function and sets the exit status from it. */
export function runCommand(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`parallax ${name}: ${(error as Error).message}`);
      process.exitCode = 1;
    },
  );
}

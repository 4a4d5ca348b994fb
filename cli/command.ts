// What every command-line entry point shares: how a command's outcome becomes an exit
// status (its own code, or 1 with one clear line on an error). Where the database is, the
// server needs too: lib/database-file.ts.

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

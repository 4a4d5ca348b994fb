// What every command-line entry point shares: how a command's outcome becomes an exit
// status (its own code, or 1 with one clear line on an error), and how text from files
// reaches the terminal without driving it. Where the database is, the server needs too:
// lib/database-file.ts.

/** Runs a command's main function and sets the exit status from it. */
export function runCommand(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`parallax ${name}: ${printable((error as Error).message)}`);
      process.exitCode = 1;
    },
  );
}

// C0 and C1 controls (escape sequences, NUL, carriage returns that overwrite a line) and
// the bidirectional overrides that reorder what a line appears to say.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * File names and rejection reasons come from the input; before they are printed, their
 * control characters become visible escapes (`\x1b`, `\u202e`), so a hostile name
 * cannot move the cursor, recolour the terminal or hide a line.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

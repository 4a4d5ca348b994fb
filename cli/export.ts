// `npm run export -- <what>`: one CSV export (articles, segments, cue_hits, speakers, summary,
// summary_parties, facts, terms) to a file or standard output, the same rows and bytes as /export/<what>.csv.

// The store and the CSV code are imported once the arguments are read, so that --help and
// a usage error answer without loading them.

import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXPORTS } from '../server/api/export-names.js';
import { runCommand } from './command.js';

const USAGE = `Usage: npm run export -- <what> [options]

Writes one CSV export (RFC 4180, UTF-8, header row; columns in the README):
  ${EXPORTS.join(', ')}

Options:
  --story SLUG       only this story
  --outlet SLUG      only this outlet
  --article ID       only this article (not for summary, summary_parties, facts and terms)
  --part PART        summary, summary_parties and terms: all (default), lead or body
  --out FILE         write to FILE (default: standard output)
  --db FILE          SQLite file (default: $PARALLAX_DB or data/parallax.sqlite)
  --database-url URL PostgreSQL instead (default: $PARALLAX_DATABASE_URL)
  --help             this text

Exit status: 0 written, 1 unknown story, outlet or article, or a failure, 2 usage error.`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        'database-url': { type: 'string' },
        story: { type: 'string' },
        outlet: { type: 'string' },
        article: { type: 'string' },
        part: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`Name one export.\n\n${USAGE}`);
    return 2;
  }
  if (!(EXPORTS as readonly string[]).includes(positionals[0]!)) {
    console.error(`No export “${positionals[0]}”. Exports: ${EXPORTS.join(', ')}.\n\n${USAGE}`);
    return 2;
  }
  const [{ openStore }, { exportRows, writeCsv }, { checkExportRequest, ExportRequestError }] =
    await Promise.all([
      import('../db/open-store.js'),
      import('../server/api/csv.js'),
      import('../server/api/export-request.js'),
    ]);
  const { store } = await openStore({ db: values.db, databaseUrl: values['database-url'] });
  try {
    const filters = Object.fromEntries(
      (['story', 'outlet', 'article', 'part'] as const).flatMap((k) =>
        values[k] === undefined ? [] : [[k, values[k]]],
      ),
    );
    let checked;
    try {
      checked = await checkExportRequest(store, positionals[0]!, filters);
    } catch (error) {
      if (!(error instanceof ExportRequestError)) throw error;
      console.error(`parallax export: ${error.message}`);
      return error.kind === 'bad' ? 2 : 1;
    }
    const rows = await exportRows(store, checked.what, checked.request);
    try {
      await writeCsv(
        checked.what,
        rows,
        values.out ? createWriteStream(values.out) : process.stdout,
      );
    } catch (error) {
      // The reader closed the pipe (`npm run export -- segments | head`): not a failure.
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
      throw error;
    }
    if (values.out) console.error(`wrote ${values.out}`);
    return 0;
  } finally {
    await store.close();
  }
}

runCommand('export', main);

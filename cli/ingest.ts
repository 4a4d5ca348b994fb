// `npm run ingest -- <files or folders…>`: reads article files (txt/md with front matter,
// html, csv, jsonl), analyzes them and stores them, reporting every rejected file or row
// with its reason. Exits 1 when anything was rejected, 2 on a usage error.

import { parseArgs } from 'node:util';
import { createAnalyzer } from '../analysis/pipeline.js';
import { SqliteStore } from '../db/sqlite-store.js';
import { databaseFile } from '../lib/database-file.js';
import { runCommand } from './command.js';
import { createAnalysisPool } from '../ingest/analysis-pool.js';
import { ingestRecords } from '../ingest/ingest.js';
import { readSources } from '../ingest/read.js';

const USAGE = `Usage: npm run ingest -- <files or folders…> [options]

Adds articles to the Parallax database. Folders are read recursively.
Formats, by extension:
  .txt .md     one article; optional YAML front matter (title, outlet, story, url, date, author,
               story_title, story_description)
  .html .htm   a saved web page; main text extracted, title/byline/date from its metadata
  .csv         header row; columns title, outlet, story, url, date, author, story_title,
               story_description, text
  .jsonl       one JSON object per line with the same fields
The same text ingested twice is stored once. A rejected file or row is reported with
its reason and the rest still goes in. Refused as not articles: texts under --min-words,
and saved pages that are navigation (mostly links, or a page saved from Parallax).

Options:
  --db FILE        SQLite file (default: $PARALLAX_DB or data/parallax.sqlite)
  --outlet NAME    outlet for articles that do not name one
  --story NAME     story for articles that do not name one
  --workers N      analyze on N worker threads while this one stores (default 1: no
                   workers); the result is the same, in the same order
  --min-words N    refuse texts shorter than N words (default 50; 0 accepts any)
  --quiet          print only rejections and the summary
  --help           this text

Exit status: 0 all stored (or already there), 1 something was rejected, 2 usage error.`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        outlet: { type: 'string' },
        story: { type: 'string' },
        quiet: { type: 'boolean' },
        workers: { type: 'string' },
        'min-words': { type: 'string' },
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
  if (positionals.length === 0) {
    console.error(`Name at least one file or folder.\n\n${USAGE}`);
    return 2;
  }
  const workers = Number(values.workers ?? 1);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    console.error(
      `--workers must be a whole number from 1 to 64, not "${values.workers}"\n\n${USAGE}`,
    );
    return 2;
  }
  const minWords = values['min-words'] === undefined ? undefined : Number(values['min-words']);
  if (minWords !== undefined && !(Number.isInteger(minWords) && minWords >= 0)) {
    console.error(`--min-words must be a whole number, 0 or more\n\n${USAGE}`);
    return 2;
  }
  const file = databaseFile(values.db);
  const store = new SqliteStore(file);
  const analyzer = createAnalyzer();
  const pool = workers > 1 ? await createAnalysisPool(analyzer, workers) : undefined;
  try {
    const summary = await ingestRecords(
      readSources(positionals, {
        defaults: { outlet: values.outlet, story: values.story },
        limits: minWords === undefined ? {} : { minWords },
      }),
      store,
      analyzer,
      {
        pool,
        onWarning: (source, warning) => console.error(`warning   ${source}: ${warning}`),
        onResult: (result) => {
          if (result.status === 'failed')
            console.error(`rejected  ${result.source}: ${result.reason}`);
          else if (!values.quiet)
            console.log(
              `${result.status.padEnd(9)} ${result.source} → article ${result.articleId}`,
            );
        },
      },
    );
    const run = summary.runId === null ? '' : ` (analysis run ${summary.runId})`;
    console.log(
      `\n${summary.added} added, ${summary.duplicates} already stored, ${summary.rejected.length} rejected` +
        `${run} · database ${file}`,
    );
    return summary.rejected.length > 0 ? 1 : 0;
  } finally {
    await pool?.close();
    await store.close();
  }
}

runCommand('ingest', main);

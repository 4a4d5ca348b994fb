// `npm run precompute`: computes the heavy pages of every story (dashboards, aligned facts,
// the API's figures, every outlet's outlet-profile rows) and keeps them in the database, so the
// server shows them at once, even for stories too big for its worker. Run it after an
// ingest; what is already kept for the current data is skipped.

// The store and the page computations are imported once the arguments are read, so that
// --help and a usage error answer without loading them.

import { parseArgs } from 'node:util';
import { printable, runCommand } from './command.js';
import { describePages, summarizePages } from './pages-summary.js';

const USAGE = `Usage: npm run precompute -- [options]

Computes each story's dashboard (whole articles, lead, body), aligned facts, API
figures, distinctive words (the terms CSV) and every outlet's row of its outlet profile
(the outlet against the story's other outlets), and keeps them in the database: the
server then shows them at once, however big the story. Kept pages count only for the
data they were computed from; an ingest, edit, re-analysis or deletion makes the
story's pages be computed again (by this command, or by the server on the first
request if the story is small enough), and so does a new version of Parallax: run it
again after an upgrade.

Options:
  --db FILE          SQLite file (default: $PARALLAX_DB or data/parallax.sqlite)
  --database-url URL PostgreSQL instead (default: $PARALLAX_DATABASE_URL)
  --story SLUG       only this story (repeatable)
  --outlet, --all-outlets
                     no longer needed (accepted, ignored): every outlet's rows of its
                     outlet profile are computed with its stories' pages
  --quiet            print only errors and the closing summary, not a line per story
  --json             print the closing summary as one JSON line (pagesComputed,
                     alreadyKept, stories: one object per story, seconds, database)
  --help             this text

Exit status: 0 done, 1 an error, 2 usage error.`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        db: { type: 'string' },
        'database-url': { type: 'string' },
        story: { type: 'string', multiple: true },
        outlet: { type: 'string', multiple: true },
        'all-outlets': { type: 'boolean' },
        quiet: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.outlet !== undefined || values['all-outlets']) {
    console.error(
      'precompute: --outlet and --all-outlets are no longer needed: every outlet’s rows are computed with its stories’ pages',
    );
  }
  const [{ openStore }, { precomputePages }] = await Promise.all([
    import('../db/open-store.js'),
    import('../server/compute/precompute.js'),
  ]);
  const { store, where } = await openStore({
    db: values.db,
    databaseUrl: values['database-url'],
  });
  try {
    const started = performance.now();
    const reports = await precomputePages(store, {
      stories: values.story,
      onStory: values.quiet
        ? undefined
        : (r) =>
            console.error(
              `${printable(r.slug)}: ${r.computed} computed, ${r.alreadyKept} already kept` +
                (r.sentences === null ? '' : `, ${r.sentences.toLocaleString('en')} sentences`) +
                `, ${(r.ms / 1000).toFixed(1)} s`,
            ),
    });
    const summary = summarizePages(reports, (performance.now() - started) / 1000, where);
    console.log(values.json ? JSON.stringify(summary) : describePages(summary));
    return 0;
  } finally {
    await store.close();
  }
}

runCommand('precompute', main);

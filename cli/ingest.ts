// `npm run ingest -- <files or folders…>`: reads article files (txt/md with front matter,
// html, csv, jsonl), analyzes them and stores them, reporting every rejected file or row
// with its reason. Exit statuses in USAGE (and the README's Reliability section).

// The analyzer, the stores and the readers are imported only once the arguments are read:
// loading them takes a second or more, and --help or a usage error should answer at once.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { IngestSummary } from '../ingest/ingest.js';
import type { ReadOptions } from '../ingest/record.js';
import { printable, runCommand } from './command.js';
import { plural } from '../server/plural.js';
import {
  describePages,
  mergePages,
  parsePagesSummary,
  type PagesSummary,
} from './pages-summary.js';

const USAGE = `Usage: npm run ingest -- <files or folders…> [options]

Adds articles to the Parallax database. Folders are read recursively.
Formats, by extension:
  .txt .md     one article; optional YAML front matter (title, outlet, story, url, date, author,
               story_title, story_description, codebook)
  .html .htm   a saved web page; main text extracted, title/byline/date from its metadata
  .csv         header row; columns title, outlet, story, url, date, author, story_title,
               story_description, codebook, text
  .jsonl       one JSON object per line with the same fields
  .csv.gz .jsonl.gz  the same, gzip-compressed (decompressed as they are read)
The same text ingested twice is stored once. A rejected file or row is reported with
its reason and the rest still goes in. Refused as not articles: texts under --min-words,
and saved pages that are navigation (mostly links, or a page saved from Parallax).

Options:
  --db FILE        SQLite file (default: $PARALLAX_DB or data/parallax.sqlite)
  --database-url URL  PostgreSQL instead (default: $PARALLAX_DATABASE_URL)
  --queue          PostgreSQL only: read and check the files here, and queue their
                   articles for \`npm run worker\` processes (on any machine) to analyze
                   and store; prints the jobs queued
  --job-size N     with --queue: articles per job (default 10)
  --outlet NAME    outlet for articles that do not name one
  --story NAME     story for articles that do not name one
  --codebook NAME  codebook for articles that do not name one (npm run codebook -- list);
                   without it an article takes its story's codebook, and a new story
                   the bundled codebook its first article names the other party of most
                   (us-china when it names none); the choice is printed
  --workers N      analyze on N worker threads while this one stores (default 1: no
                   workers), and compute the pages in N processes (at most one per
                   core: each may use up to 4 GB for the largest stories); the result is
                   the same, in the same order
  --min-words N    refuse texts shorter than N words (default 50; 0 accepts any)
  --skip-precompute  do not compute the changed stories' pages afterwards (by default
                   those of each changed story of 50,000 words or more, its dashboards,
                   facts, API figures and distinctive words, are computed and kept by
                   npm run precompute in a separate process, so the server shows them
                   at once; a smaller story's pages are computed when first viewed,
                   within about a second, and kept)
  --precompute-min-words N  the size from which a changed story's pages are computed
                   afterwards (default 50000; 0: every changed story's)
  --quiet          print only rejections and the summary
  --help           this text

Exit status:
  0    everything stored (or already there)
  1    some files or rows were rejected (bad input; the rest went in)
  2    usage error
  3    some articles were not stored because other writers kept the database locked;
       they are listed as "not stored"; run the same command again (stored ones are skipped)
  130  stopped by Ctrl-C (143 by SIGTERM): what was analyzed is stored, the run is
       marked interrupted; the same command continues where it stopped`;

/** The status for a run stopped by a signal: 128 + its number, as shells report it. */
const SIGNAL_STATUS: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        'database-url': { type: 'string' },
        queue: { type: 'boolean' },
        'job-size': { type: 'string' },
        outlet: { type: 'string' },
        story: { type: 'string' },
        codebook: { type: 'string' },
        quiet: { type: 'boolean' },
        workers: { type: 'string' },
        'min-words': { type: 'string' },
        'skip-precompute': { type: 'boolean' },
        'precompute-min-words': { type: 'string' },
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
  const pagesFrom =
    values['precompute-min-words'] === undefined
      ? undefined
      : Number(values['precompute-min-words']);
  if (pagesFrom !== undefined && !(Number.isInteger(pagesFrom) && pagesFrom >= 0)) {
    console.error(`--precompute-min-words must be a whole number, 0 or more\n\n${USAGE}`);
    return 2;
  }
  // The pages are computed after storing here; with --queue the workers store, and
  // --skip-precompute computes none: a size for them there would be silently ignored.
  const noPages = values.queue ? '--queue' : values['skip-precompute'] ? '--skip-precompute' : null;
  if (pagesFrom !== undefined && noPages !== null) {
    console.error(
      `--precompute-min-words has no effect with ${noPages}: no pages are computed by this command\n\n${USAGE}`,
    );
    return 2;
  }
  const read: ReadOptions = {
    defaults: { outlet: values.outlet, story: values.story },
    limits: minWords === undefined ? {} : { minWords },
  };
  if (values.queue) {
    // Without --job-size, enqueue applies its own default (ingest/queue.ts).
    const jobSize = values['job-size'] === undefined ? undefined : Number(values['job-size']);
    if (
      jobSize !== undefined &&
      !(Number.isInteger(jobSize) && jobSize >= 1 && jobSize <= 10_000)
    ) {
      console.error(`--job-size must be a whole number from 1 to 10000\n\n${USAGE}`);
      return 2;
    }
    return queueFiles(positionals, read, values['database-url'], {
      jobSize,
      codebook: values.codebook,
    });
  }
  const [
    { createAnalyzer },
    { openStore },
    { createAnalysisPool },
    { ingest },
    {
      changedStories,
      shareStories,
      storyVersions,
      storiesToPrecompute,
      pageProcesses,
      PRECOMPUTE_MIN_WORDS,
    },
    { describeChoice },
  ] = await Promise.all([
    import('../analysis/pipeline.js'),
    import('../db/open-store.js'),
    import('../ingest/analysis-pool.js'),
    import('../ingest/ingest.js'),
    import('../server/compute/precompute.js'),
    import('../analysis/codebooks/choose.js'),
  ]);
  let analyzer;
  try {
    analyzer = createAnalyzer({ codebook: values.codebook });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { store, where: file } = await openStore({
    db: values.db,
    databaseUrl: values['database-url'],
  });
  const pool = workers > 1 ? await createAnalysisPool(analyzer, workers) : undefined;
  // The first signal stops reading; what was analyzed is stored and the run marked
  // interrupted. A second one leaves at once (SQLite rolls back the open batch).
  const stop = new AbortController();
  let stoppedBy: keyof typeof SIGNAL_STATUS | null = null;
  let computingPages = false;
  // It is acknowledged here in a few words; what was stored and how to continue is said
  // once, when the command ends (stopLine).
  const onSignal = (signal: keyof typeof SIGNAL_STATUS) => {
    if (stoppedBy !== null) process.exit(SIGNAL_STATUS[signal]);
    stoppedBy = signal;
    console.error(
      computingPages
        ? `\n${signal}: stopping the page processes (again to quit at once)`
        : `\n${signal}: stopping once what is analyzed is stored (again to quit at once)`,
    );
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const precompute = !values['skip-precompute'];
    const versions = precompute ? await storyVersions(store) : null;
    const summary = await ingest({ paths: positionals }, read, store, analyzer, {
      pool,
      signal: stop.signal,
      codebook: values.codebook,
      onWarning: (source, warning) =>
        console.error(`warning   ${printable(source)}: ${printable(warning)}`),
      onCodebookChoice: (story, choice) =>
        console.log(`story ${printable(story)}: ${describeChoice(choice)}`),
      onResult: (result) => {
        if (result.status === 'failed')
          console.error(`rejected  ${printable(result.source)}: ${printable(result.reason)}`);
        else if (result.status === 'retryable')
          console.error(`not stored ${printable(result.source)}: ${printable(result.reason)}`);
        else if (!values.quiet)
          console.log(
            `${result.status.padEnd(9)} ${printable(result.source)} → article ${result.articleId}`,
          );
      },
    });
    const run = summary.runId === null ? '' : ` (analysis run ${summary.runId})`;
    const notStored =
      summary.retryable.length > 0
        ? `, ${summary.retryable.length} not stored (database locked; run again)`
        : '';
    console.log(
      `\n${summary.added} added, ${summary.duplicates} already stored, ${summary.rejectedCount} rejected` +
        `${notStored}${run} · database ${printable(file)}`,
    );
    if (stoppedBy !== null) {
      console.log(stopLine(stoppedBy, summary, { pages: precompute ? 'not-started' : 'skipped' }));
      return SIGNAL_STATUS[stoppedBy];
    }
    if (versions && summary.added > 0) {
      // An ingest changes its stories' versions, so their kept pages no longer count.
      const words = new Map((await store.listStories()).map((s) => [s.slug, s.wordCount]));
      const minWords = pagesFrom ?? PRECOMPUTE_MIN_WORDS;
      const { now: stories, later } = storiesToPrecompute(
        changedStories(versions, await storyVersions(store)),
        words,
        minWords,
      );
      if (later.length > 0) console.log(describeLater(later.length, minWords));
      computingPages = stories.length > 0;
      await precomputeApart(
        stories,
        { db: values.db, databaseUrl: values['database-url'] },
        stop.signal,
        // No more page processes than cores: each may take a 4 GB heap for a big story.
        pageProcesses(
          shareStories(stories, words, Math.min(workers, availableParallelism())),
          later.length > 0,
        ),
      );
      if (stoppedBy !== null) {
        console.log(stopLine(stoppedBy, summary, { pages: 'stopped', stories: stories.length }));
        return SIGNAL_STATUS[stoppedBy];
      }
    }
    if (summary.retryable.length > 0) return 3;
    return summary.rejectedCount > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await pool?.close();
    await store.close();
  }
}

/**
 * The one line that ends a run stopped by a signal: what is stored and how to go on.
 * `pages`: 'not-started' (stopped while reading), 'stopped' (while computing the pages of
 * `stories` changed stories), 'skipped' (--skip-precompute).
 */
function stopLine(
  signal: keyof typeof SIGNAL_STATUS,
  summary: Pick<IngestSummary, 'added' | 'runId' | 'interrupted'>,
  step: { pages: 'not-started' | 'stopped' | 'skipped'; stories?: number },
): string {
  const by = signal === 'SIGINT' ? 'Ctrl-C (SIGINT)' : 'SIGTERM';
  const run = summary.runId === null ? '' : ` in analysis run ${summary.runId}`;
  const stored =
    summary.added === 0
      ? 'no article was added'
      : `${plural(summary.added, 'article')} added${run}` +
        (summary.interrupted ? ' (marked interrupted)' : '');
  if (step.pages === 'stopped') {
    return (
      `Stopped by ${by} while computing pages: ${stored}; the pages of ` +
      `${plural(step.stories ?? 0, 'changed story', 'changed stories')} are not all kept. ` +
      `To finish: npm run precompute (pages already kept are skipped).`
    );
  }
  const pages = step.pages === 'not-started' && summary.added > 0;
  if (!summary.interrupted) {
    // The whole input was read and stored; the signal came before the pages began.
    return (
      `Stopped by ${by}: ${stored}; the whole input was read.` +
      (pages ? ' To finish: npm run precompute (pages already kept are skipped).' : '')
    );
  }
  return (
    `Stopped by ${by} before the end of the input: ${stored}. To continue: run the same ` +
    `command again (stored articles are skipped)` +
    (pages ? ', then npm run precompute for the pages (pages already kept are skipped).' : '.')
  );
}

/** What ingest says of the changed stories whose pages it leaves to their first view. */
function describeLater(count: number, minWords: number): string {
  const under = count === 1 ? 'under' : 'each under';
  return (
    `the pages of ${plural(count, 'changed story', 'changed stories')} (${under} ` +
    `${minWords.toLocaleString('en-US')} words) are computed when first viewed; ` +
    `npm run precompute computes them now`
  );
}

/** The heap `npm run precompute` runs with (package.json). */
const PRECOMPUTE_HEAP_MB = 4096;
/**
 * Its young generation's semi-spaces (package.json): 32 MB. At 64 MB pages took about a
 * tenth less CPU than at V8's default 16 when a big story held 260 MB live (docs/speed.md, "Pages
 * in less CPU"); since a story's sentences are columns (db/sentence-row.ts) the young
 * generation is a large part of what stays resident. At 32 the small stories' pages take
 * the CPU they took before (at 16 about a tenth more), `elections` about 0.6 GB (docs/speed.md,
 * "A big story's pages in columns").
 */
const PRECOMPUTE_SEMI_SPACE_MB = 32;
/**
 * How far its heap may grow past what the last full collection kept (package.json): 50 %.
 * At V8's default (up to four times) the pages of a story of 263,000 sentences reached
 * 1.0–1.3 GB resident (docs/speed.md, "A big story's pages in less memory"). Below
 * PRECOMPUTE_OLD_SPACE_FLOOR_MB the heap is not collected for its size at all: the floor
 * spares small stories the many collections of a heap of a few tens of MB growing by half,
 * but a big story's heap fills with garbage up to it before each full collection, so it
 * sets that story's peak. 384 MB made `elections` peak at about 0.78 GB, 256 at about 0.6;
 * 128 at about 0.47, but the pages of the first 2,000 AllSides articles (52 stories) took
 * 15–50 % more CPU (docs/speed.md, "A big story's pages in columns").
 */
const PRECOMPUTE_HEAP_GROWING_PERCENT = 50;
const PRECOMPUTE_OLD_SPACE_FLOOR_MB = 256;

/**
 * Computes the changed stories' pages in a child process with `npm run precompute`'s heap:
 * a story of thousands of articles needs most of a gigabyte for its pages, which ingest's
 * heap, kept small and flat while the articles stream through, does not have. The articles
 * are stored whatever happens there, so a failure is a warning, not the command's status. `stop`
 * (Ctrl-C, SIGTERM) ends the child; a PostgreSQL URL goes to it in its environment, not on
 * a command line that `ps` shows. With --workers N the stories are shared among N children
 * (the largest first, each to the child with the fewest words so far): each page is
 * computed from its own story alone, so the pages kept are the same, and their summaries
 * are added up into one line, as one child would print it.
 */
async function precomputeApart(
  stories: readonly string[],
  database: { db?: string; databaseUrl?: string },
  stop: AbortSignal,
  /** The stories each child is told (pageProcesses). */
  groups: readonly (readonly string[])[],
): Promise<void> {
  if (stories.length === 0 || stop.aborted) return;
  console.log(
    `computing the pages of ${plural(stories.length, 'changed story', 'changed stories')} (--skip-precompute leaves them to npm run precompute)`,
  );
  const env =
    database.databaseUrl === undefined
      ? process.env
      : { ...process.env, PARALLAX_DATABASE_URL: database.databaseUrl };
  const started = performance.now();
  // Each child prints its summary as JSON on its standard output; one line adds them up.
  const outcomes = await Promise.all(
    groups.map(async (group): Promise<PagesSummary | string | null> => {
      const args = [
        `--max-old-space-size=${PRECOMPUTE_HEAP_MB}`,
        `--max-semi-space-size=${PRECOMPUTE_SEMI_SPACE_MB}`,
        `--heap-growing-percent=${PRECOMPUTE_HEAP_GROWING_PERCENT}`,
        `--initial-old-space-size=${PRECOMPUTE_OLD_SPACE_FLOOR_MB}`,
        fileURLToPath(new URL('./precompute.js', import.meta.url)),
        '--quiet',
        '--json',
        ...(database.db === undefined ? [] : [`--db=${database.db}`]),
        ...group.map((slug) => `--story=${slug}`),
      ];
      try {
        const child = spawn(process.execPath, args, {
          stdio: ['ignore', 'pipe', 'inherit'],
          env,
          signal: stop,
        });
        let output = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
        const [code, signal] = (await once(child, 'close')) as [number | null, string | null];
        if (code === 0) return parsePagesSummary(output) ?? 'no summary';
        // Stopped by ingest's signal: the command's closing line says so, once.
        if (stop.aborted) return null;
        return signal === null ? `exit status ${code}` : signal;
      } catch (error) {
        // Stopped by a signal (the child is ended), or the child could not start.
        return stop.aborted ? null : printable(String(error));
      }
    }),
  );
  const done = outcomes.filter((o): o is PagesSummary => typeof o === 'object' && o !== null);
  if (done.length > 0) {
    const seconds = (performance.now() - started) / 1000;
    console.log(describePages(mergePages(done, seconds, done[0]!.database)));
  }
  const failed = outcomes.filter((o) => typeof o === 'string');
  if (failed.length > 0)
    console.error(`warning   pages not computed (${failed.join('; ')}); run npm run precompute`);
}

/** ingest --queue: reads and screens the files here and queues their articles for workers. */
async function queueFiles(
  paths: string[],
  read: ReadOptions,
  flag: string | undefined,
  options: { jobSize?: number; codebook?: string },
): Promise<number> {
  const [{ databaseUrl, redactedUrl }, { PgIngestQueue }, { enqueue }, { describeChoice }] =
    await Promise.all([
      import('../db/open-store.js'),
      import('../db/pg-queue.js'),
      import('../ingest/queue.js'),
      import('../analysis/codebooks/choose.js'),
    ]);
  const url = databaseUrl({ databaseUrl: flag });
  if (url === undefined) {
    console.error(
      `--queue needs a PostgreSQL database: --database-url or PARALLAX_DATABASE_URL\n\n${USAGE}`,
    );
    return 2;
  }
  const queue = await PgIngestQueue.open(url);
  try {
    const summary = await enqueue(paths, read, queue, {
      ...options,
      onRejected: (r) => console.error(`rejected  ${printable(r.source)}: ${printable(r.reason)}`),
      onCodebookChoice: (story, choice) =>
        console.log(
          `story ${printable(story)}, if it is new: ${describeChoice(choice)} (for every job of it)`,
        ),
    });
    const { count, first, last } = summary.jobs;
    const jobs = count === 0 ? 'no jobs' : `${count} jobs (${first}–${last})`;
    console.log(
      `${summary.queued} articles queued in ${jobs}, ${summary.rejected} rejected · ` +
        `${redactedUrl(url)}\nStart workers with: npm run worker (on any machine that reaches the database)`,
    );
    return summary.rejected > 0 ? 1 : 0;
  } finally {
    await queue.close();
  }
}

runCommand('ingest', main);

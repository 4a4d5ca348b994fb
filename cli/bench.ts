// `npm run bench [-- --articles N | --full] [--json]`: speed and memory of Parallax on a
// prefix of a real corpus, in one run: the floor and the alternatives (VADER, wink-sentiment)
// on the same sentences, the full ingest on one thread and with workers, the pages at that
// size under a bounded local load, and a command's time to first output. It prints a table
// of medians with ranges; it asserts nothing (tests never assert timings).

// The analyzer (bench/baselines.ts, bench/ingest.ts) and the SQLite store are imported once
// the arguments are read, so that --help and a usage error answer without loading them.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BaselineFigures } from '../bench/baselines.js';
import { DEFAULT_CORPUS, readCorpusPrefix } from '../bench/corpus.js';
import type { ExportRun, IngestRun } from '../bench/ingest.js';
import { measurePages, type PageTarget, type ServerFigures } from '../bench/pages.js';
import { spread, type Spread } from '../bench/stats.js';
import { runCommand } from './command.js';

const USAGE = `Usage: npm run bench [-- --articles N | --full] [options]

Measures Parallax on the first N articles of a corpus (default: the shared AllSides
corpus, ${DEFAULT_CORPUS}), in one run:
  1. the floor (reading and counting the words) and VADER alone and wink-sentiment alone
     on the same sentences, in alternating rounds;
  2. the full ingest (the real ingest command: parse, segment, every score, voices, store,
     search index) into a fresh database, on one thread and with worker threads;
  3. pages at that size from the real server on 127.0.0.1, one request at a time, bounded
     in count and time: home, the largest story, its aligned facts, an article, the
     concordance; p50 / p99 and bytes;
  4. the CSV export of every segment (npm run export -- segments), rows/s and peak memory;
  5. a command's time to first output.
Prints medians with ranges and the ratios; nothing is asserted.

Options:
  --articles N       articles to use (default 2000, about 1.7M words; a run takes 2-3 min)
  --full             every article of the corpus
  --corpus FILE      another .jsonl or .jsonl.gz corpus in the ingest format
  --rounds N         alternating rounds of the baselines and ingest runs (default 3)
  --baseline-words N words for the baseline comparison (default 300000)
  --page-requests N  requests per page after the first (default 30)
  --page-seconds S   seconds per page after the first (default 15)
  --page-timeout S   longest one request may take (default 120)
  --smoke            a tiny run (200 articles, 1 round) that only checks the bench works
  --keep DIR         write the database and input to DIR and keep them
  --pages-only       measure only the pages (part 3), on the database --db FILE: no
                     corpus read, no ingest (e.g. on the database --keep left, after
                     npm run precompute)
  --db FILE          the SQLite database of --pages-only (not changed but for its
                     migrations and the pages it keeps)
  --json             end with one JSON object on the last line
  --help             this text`;

const distDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface BenchOptions {
  corpus: string;
  articles: number;
  rounds: number;
  baselineWords: number;
  pageRequests: number;
  pageSeconds: number;
  pageTimeout: number;
  keep: string | undefined;
  json: boolean;
  /** --pages-only --db FILE: the database whose pages alone are measured. */
  pagesOnly: string | undefined;
}

function positiveNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`${flag} must be a positive number, not "${value}"`);
  return n;
}

class UsageError extends Error {}

function parseOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: 'string' },
      full: { type: 'boolean', default: false },
      corpus: { type: 'string' },
      rounds: { type: 'string' },
      'baseline-words': { type: 'string' },
      'page-requests': { type: 'string' },
      'page-seconds': { type: 'string' },
      'page-timeout': { type: 'string' },
      smoke: { type: 'boolean', default: false },
      keep: { type: 'string' },
      'pages-only': { type: 'boolean', default: false },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (values.full && values.articles !== undefined)
    throw new UsageError('give --articles or --full, not both');
  if (values['pages-only'] !== (values.db !== undefined))
    throw new UsageError('--pages-only and --db FILE go together');
  if (values.db !== undefined && !existsSync(values.db))
    throw new UsageError(`no database at ${values.db}`);
  const smoke = values.smoke;
  return {
    corpus: resolve(values.corpus ?? DEFAULT_CORPUS),
    articles: values.full
      ? Infinity
      : positiveNumber('--articles', values.articles, smoke ? 200 : 2000),
    rounds: positiveNumber('--rounds', values.rounds, smoke ? 1 : 3),
    baselineWords: positiveNumber(
      '--baseline-words',
      values['baseline-words'],
      smoke ? 20_000 : 300_000,
    ),
    pageRequests: positiveNumber('--page-requests', values['page-requests'], smoke ? 3 : 30),
    pageSeconds: positiveNumber('--page-seconds', values['page-seconds'], smoke ? 5 : 15),
    pageTimeout: positiveNumber('--page-timeout', values['page-timeout'], 120),
    keep: values.keep,
    json: values.json,
    pagesOnly: values.db === undefined ? undefined : resolve(values.db),
  };
}

/** Progress goes to stderr, so that stdout holds the table (and the JSON line) only. */
const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function main(): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (options.pagesOnly !== undefined) return pagesOnly(options, options.pagesOnly);
  // --keep DIR is made when missing, as --out is by the other commands.
  if (options.keep !== undefined) mkdirSync(options.keep, { recursive: true });
  const work = options.keep ?? mkdtempSync(join(tmpdir(), 'parallax-bench-'));
  try {
    return await bench(options, work);
  } finally {
    if (options.keep === undefined) rmSync(work, { recursive: true, force: true });
  }
}

async function bench(options: BenchOptions, work: string): Promise<number> {
  const [
    { benchSentences, measureBaselines },
    { measureAnalysis, runExport, runIngest, writeJsonl },
  ] = await Promise.all([import('../bench/baselines.js'), import('../bench/ingest.js')]);
  progress(
    `reading ${options.articles === Infinity ? 'every' : `the first ${options.articles}`} article(s) of ${options.corpus}`,
  );
  const articles = await readCorpusPrefix(options.corpus, options.articles);
  const input = join(work, 'articles.jsonl');
  writeJsonl(articles, input);

  progress('analysis alone (this process, one thread)');
  const analysis = measureAnalysis(articles);
  const words = analysis.words;

  progress(
    `baselines on ${options.baselineWords.toLocaleString('en')} words, ${options.rounds} round(s)`,
  );
  const baselines = measureBaselines(
    benchSentences(articles, options.baselineWords),
    options.rounds,
  );

  const database = join(work, 'bench.sqlite');
  const ingests: { one: IngestRun[]; workers: IngestRun[] } = { one: [], workers: [] };
  for (let round = 0; round < options.rounds; round++) {
    for (const workers of round % 2 === 0 ? [1, 2] : [2, 1]) {
      progress(
        `ingest of ${articles.length} articles, ${workers === 1 ? 'one thread' : `${workers} workers`}, round ${round + 1}`,
      );
      const result = await runIngest({ distDir, input, database, words, workers });
      (workers === 1 ? ingests.one : ingests.workers).push(result);
      if (result.exitCode !== 0) progress(`  exit ${result.exitCode}: ${result.summary}`);
    }
  }
  // The pages are measured on the database of the last one-thread run.
  await runIngest({ distDir, input, database, words, workers: 1 });

  progress('pages (bounded local load)');
  const server = await measurePages({
    distDir,
    database,
    targets: (base) => pageTargets(database, base),
    limits: {
      requests: options.pageRequests,
      seconds: options.pageSeconds,
      timeoutSeconds: options.pageTimeout,
    },
  });

  progress('CSV export of every segment');
  const exported = await runExport({ distDir, database, out: join(work, 'segments.csv') });

  progress('time to first output of a command');
  const firstOutput = await timeToFirstOutput(join(distDir, 'cli', 'eval.js'), 5);

  const figures = {
    articles: articles.length,
    words,
    analysis_words_per_s: analysis.wordsPerSecond,
    baselines,
    ingest_one: ingests.one,
    ingest_workers: ingests.workers,
    server,
    exported,
    firstOutput,
  };
  printTable(figures);
  if (options.json) console.log(JSON.stringify(summaryJson(figures)));
  return 0;
}

/** Part 3 alone, on an existing database: the pages' lines of the table, and their JSON. */
async function pagesOnly(options: BenchOptions, database: string): Promise<number> {
  progress(`pages (bounded local load) on ${database}`);
  const server = await measurePages({
    distDir,
    database,
    targets: (base) => pageTargets(database, base),
    limits: {
      requests: options.pageRequests,
      seconds: options.pageSeconds,
      timeoutSeconds: options.pageTimeout,
    },
  });
  console.log(
    `Parallax pages on ${database}\nnode ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log(
    `  ${'server RSS after the pages (peak)'.padEnd(44)} ${server.rssMb.toFixed(0)} MB (${server.peakRssMb.toFixed(0)} MB)`,
  );
  printPages(server);
  if (options.json) {
    const page = (prefix: string) => server.pages.find((p) => p.name.startsWith(prefix));
    console.log(
      JSON.stringify({
        story_p99_ms: page('story')?.p99Ms ?? null,
        facts_p99_ms: page('its aligned facts')?.p99Ms ?? null,
        search_p99_ms: page('concordance')?.p99Ms ?? null,
        max_page_p99_ms: Math.max(...server.pages.map((p) => p.p99Ms ?? Infinity)),
        max_page_bytes: Math.max(...server.pages.map((p) => p.bytes ?? 0)),
        server_rss_mb: server.rssMb,
        server_peak_rss_mb: server.peakRssMb,
        pages: server.pages,
      }),
    );
  }
  return 0;
}

/** Home, the largest story, its facts, one of its articles, and the concordance. */
async function pageTargets(database: string, base: string): Promise<PageTarget[]> {
  void base;
  const { SqliteStore } = await import('../db/sqlite-store.js');
  const store = new SqliteStore(database);
  try {
    const stories = await store.listStories();
    const largest = [...stories].sort((a, b) => b.articleCount - a.articleCount)[0];
    const targets: PageTarget[] = [{ name: 'home', path: '/' }];
    if (largest !== undefined) {
      const slug = encodeURIComponent(largest.slug);
      const articleList = await store.listArticles(largest.slug);
      targets.push({ name: `story (${largest.articleCount} articles)`, path: `/stories/${slug}` });
      targets.push({ name: 'its lead tab', path: `/stories/${slug}?part=lead` });
      targets.push({ name: 'its articles, page 2', path: `/stories/${slug}?articles=2` });
      targets.push({ name: 'its aligned facts', path: `/stories/${slug}/facts` });
      const busiest = [...largest.outlets].sort((a, b) => b.articleCount - a.articleCount)[0];
      if (busiest !== undefined) {
        targets.push({
          name: `outlet profile (${busiest.name})`,
          path: `/outlets/${encodeURIComponent(busiest.slug)}`,
        });
      }
      const middle = articleList[Math.floor(articleList.length / 2)];
      if (middle !== undefined)
        targets.push({ name: 'an article', path: `/articles/${middle.id}` });
    }
    targets.push({ name: 'concordance "talks"', path: '/search?q=talks' });
    return targets;
  } finally {
    await store.close();
  }
}

/** Median seconds from spawning `node <script> --help` to its first byte of output. */
async function timeToFirstOutput(script: string, times: number): Promise<Spread> {
  const seconds: number[] = [];
  for (let i = 0; i < times; i++) {
    seconds.push(
      await new Promise<number>((resolvePromise, reject) => {
        const start = performance.now();
        const child = spawn(process.execPath, [script, '--help'], {
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        let first: number | null = null;
        child.stdout.on('data', () => {
          first ??= (performance.now() - start) / 1000;
        });
        child.on('error', reject);
        child.on('close', () => resolvePromise(first ?? Number.NaN));
      }),
    );
  }
  return spread(seconds);
}

interface Figures {
  articles: number;
  words: number;
  analysis_words_per_s: number;
  baselines: BaselineFigures;
  ingest_one: IngestRun[];
  ingest_workers: IngestRun[];
  server: ServerFigures;
  exported: ExportRun;
  firstOutput: Spread;
}

const k = (n: number) =>
  Number.isFinite(n) ? `${Math.round(n / 1000).toLocaleString('en')}k` : '—';
const ms = (n: number | null) =>
  n === null || !Number.isFinite(n) ? '—' : `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const range = (s: Spread, f: (n: number) => string) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;

function ingestSpread(runs: IngestRun[], pick: (r: IngestRun) => number): Spread | null {
  const ok = runs.filter((r) => r.exitCode === 0 || r.added > 0);
  return ok.length === 0 ? null : spread(ok.map(pick));
}

function printTable(f: Figures): void {
  const b = f.baselines;
  const one = ingestSpread(f.ingest_one, (r) => r.wordsPerSecond);
  const two = ingestSpread(f.ingest_workers, (r) => r.wordsPerSecond);
  const rss = ingestSpread([...f.ingest_one, ...f.ingest_workers], (r) => r.peakRssMb);
  const dbBytes = f.ingest_one[0]?.databaseBytes ?? 0;
  const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);
  console.log(
    `Parallax benchmark: ${f.articles.toLocaleString('en')} articles, ${f.words.toLocaleString('en')} words (headline + body)`,
  );
  console.log(
    `node ${process.version}, ${new Date().toISOString().slice(0, 10)}; medians (min–max)\n`,
  );
  console.log('words per second');
  line(
    `floor: read and count (${b.words.toLocaleString('en')} words, ${b.rounds} rounds)`,
    range(b.floor, k),
  );
  line('VADER alone, same sentences', range(b.vader, k));
  line('wink-sentiment alone, same sentences', range(b.wink, k));
  line('Parallax analysis alone, one thread', k(f.analysis_words_per_s));
  line(
    'Parallax ingest end to end, one thread',
    one ? range(one, k) : `failed: ${f.ingest_one[0]?.summary ?? ''}`,
  );
  line(
    'Parallax ingest end to end, 2 workers',
    two ? range(two, k) : `not available: ${f.ingest_workers[0]?.summary ?? ''}`,
  );
  if (one) {
    line(
      'ratios: ingest ÷ floor, ÷ VADER, ÷ wink',
      [b.floor, b.vader, b.wink].map((x) => (one.median / x.median).toFixed(2)).join(', '),
    );
  }
  console.log('\nmemory and size');
  line('ingest peak RSS', rss ? range(rss, (n) => `${n.toFixed(0)} MB`) : '—');
  line(
    'database',
    `${(dbBytes / 1e6).toFixed(1)} MB, ${(dbBytes / f.words).toFixed(1)} bytes per word`,
  );
  line(
    'server RSS after the pages (peak)',
    `${f.server.rssMb.toFixed(0)} MB (${f.server.peakRssMb.toFixed(0)} MB)`,
  );
  printPages(f.server);
  console.log('\ncommands');
  const e = f.exported;
  line(
    'CSV export of every segment',
    e.exitCode === 0
      ? `${e.rows.toLocaleString('en')} rows in ${e.seconds.toFixed(1)} s: ${k(e.rowsPerSecond)} rows/s, peak ${e.peakRssMb.toFixed(0)} MB`
      : `failed (exit ${e.exitCode})`,
  );
  line(
    'time to first output (node dist/cli/eval.js --help)',
    range(f.firstOutput, (n) => `${n.toFixed(2)} s`),
  );
}

function printPages(server: ServerFigures): void {
  const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);
  console.log('\npages (cold, then p50 / p99 over n requests; bytes)');
  for (const p of server.pages) {
    const figures = p.problem
      ? `${p.problem}${p.coldMs === null ? '' : `, first ${ms(p.coldMs)}`}`
      : `cold ${ms(p.coldMs)}, p50 ${ms(p.p50Ms)}, p99 ${ms(p.p99Ms)}, n ${p.requests}, ${((p.bytes ?? 0) / 1e6).toFixed(2)} MB`;
    line(p.name, figures);
    if (p.homeWhileComputingMaxMs !== null) {
      line(
        '  meanwhile (202 "still computing")',
        `${p.computingAnswers} reloads; home page slowest ${ms(p.homeWhileComputingMaxMs)}`,
      );
    }
  }
}

function summaryJson(f: Figures) {
  const median = (runs: IngestRun[], pick: (r: IngestRun) => number) =>
    ingestSpread(runs, pick)?.median ?? null;
  const page = (prefix: string) => f.server.pages.find((p) => p.name.startsWith(prefix));
  const story = page('story');
  return {
    articles: f.articles,
    words: f.words,
    floor_words_per_s: f.baselines.floor.median,
    vader_words_per_s: f.baselines.vader.median,
    wink_words_per_s: f.baselines.wink.median,
    analysis_words_per_s: f.analysis_words_per_s,
    ingest_1t_words_per_s: median(f.ingest_one, (r) => r.wordsPerSecond),
    ingest_workers_words_per_s: median(f.ingest_workers, (r) => r.wordsPerSecond),
    ingest_peak_rss_mb: median([...f.ingest_one, ...f.ingest_workers], (r) => r.peakRssMb),
    database_bytes_per_word: (f.ingest_one[0]?.databaseBytes ?? 0) / f.words,
    story_p50_ms: story?.p50Ms ?? null,
    story_p99_ms: story?.p99Ms ?? null,
    story_bytes: story?.bytes ?? null,
    facts_p99_ms: page('its aligned facts')?.p99Ms ?? null,
    facts_cold_ms: page('its aligned facts')?.coldMs ?? null,
    story_cold_ms: story?.coldMs ?? null,
    home_while_computing_max_ms: Math.max(
      ...f.server.pages.map((p) => p.homeWhileComputingMaxMs ?? 0),
    ),
    search_p99_ms: page('concordance')?.p99Ms ?? null,
    outlet_p99_ms: page('outlet profile')?.p99Ms ?? null,
    max_page_p99_ms: Math.max(...f.server.pages.map((p) => p.p99Ms ?? Infinity)),
    max_page_bytes: Math.max(...f.server.pages.map((p) => p.bytes ?? 0)),
    home_p99_ms: page('home')?.p99Ms ?? null,
    article_p99_ms: page('an article')?.p99Ms ?? null,
    server_rss_mb: f.server.rssMb,
    export_rows_per_s: f.exported.exitCode === 0 ? f.exported.rowsPerSecond : null,
    export_peak_rss_mb: f.exported.exitCode === 0 ? f.exported.peakRssMb : null,
    cli_first_output_s: f.firstOutput.median,
    pages: f.server.pages,
  };
}

runCommand('bench', main);

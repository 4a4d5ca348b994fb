// Parallax's ingest as a user runs it: the real `ingest` command in a child process over a
// JSONL file, into a fresh database, timed end to end (parse, segment, every score, voices,
// store, search index) with its peak memory. Analysis alone is timed in this process for
// the ratio of analysis to storage.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer } from '../analysis/pipeline.js';
import type { BenchArticle } from './corpus.js';

export interface IngestRun {
  workers: number;
  seconds: number;
  wordsPerSecond: number;
  peakRssMb: number;
  added: number;
  exitCode: number;
  databaseBytes: number;
  /** The command's last line of output (its summary), or what it said when it failed. */
  summary: string;
}

/** Writes the articles as the JSONL the ingest command reads. */
export function writeJsonl(articles: readonly BenchArticle[], file: string): void {
  writeFileSync(file, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
}

/** Headline and body words of the articles by Parallax's count, and analysis alone timed. */
export function measureAnalysis(articles: readonly BenchArticle[]): {
  words: number;
  wordsPerSecond: number;
} {
  const analyzer = createAnalyzer();
  let words = 0;
  const start = performance.now();
  for (const a of articles)
    words += analyzer.analyze(a.text, { title: a.title ?? undefined }).words;
  return { words, wordsPerSecond: words / ((performance.now() - start) / 1000) };
}

/** Runs `node dist/cli/ingest.js` into a fresh database and times it. */
export async function runIngest(options: {
  distDir: string;
  input: string;
  database: string;
  words: number;
  workers: number;
}): Promise<IngestRun> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(options.database + suffix, { force: true });
  const rssFile = `${options.database}.rss`;
  rmSync(rssFile, { force: true });
  const args = [
    // As npm run ingest runs it (package.json): the main thread's heap limited as the workers' are.
    '--max-old-space-size=192',
    '--import',
    join(options.distDir, 'bench', 'rss-probe.js'),
    join(options.distDir, 'cli', 'ingest.js'),
    '--quiet',
    '--db',
    options.database,
    ...(options.workers > 1 ? ['--workers', String(options.workers)] : []),
    options.input,
  ];
  const start = performance.now();
  const { code, output } = await run(process.execPath, args, {
    ...process.env,
    PARALLAX_BENCH_RSS_FILE: rssFile,
  });
  const seconds = (performance.now() - start) / 1000;
  const lines = output.trim().split('\n');
  const summary = lines[lines.length - 1] ?? '';
  const added = Number(/(\d+) added/.exec(summary)?.[1] ?? 0);
  return {
    workers: options.workers,
    seconds,
    wordsPerSecond: options.words / seconds,
    peakRssMb: existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN,
    added,
    exitCode: code,
    databaseBytes: existsSync(options.database) ? statSync(options.database).size : 0,
    summary,
  };
}

export interface ExportRun {
  seconds: number;
  rows: number;
  rowsPerSecond: number;
  peakRssMb: number;
  exitCode: number;
}

/** Runs `node dist/cli/export.js segments` over the database into a file and times it. */
export async function runExport(options: {
  distDir: string;
  database: string;
  out: string;
}): Promise<ExportRun> {
  const rssFile = `${options.out}.rss`;
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const { code } = await run(
    process.execPath,
    [
      '--import',
      join(options.distDir, 'bench', 'rss-probe.js'),
      join(options.distDir, 'cli', 'export.js'),
      'segments',
      '--db',
      options.database,
      '--out',
      options.out,
    ],
    { ...process.env, PARALLAX_BENCH_RSS_FILE: rssFile },
  );
  const seconds = (performance.now() - start) / 1000;
  // One row per line after the header: segment text is one line (CSV quotes keep newlines,
  // and a sentence holds none), so counting line ends counts rows.
  let rows = -1;
  if (existsSync(options.out))
    for (const byte of readFileSync(options.out)) if (byte === 10) rows++;
  return {
    seconds,
    rows: Math.max(rows, 0),
    rowsPerSecond: Math.max(rows, 0) / seconds,
    peakRssMb: existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN,
    exitCode: code,
  };
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    // Keep only the tail: a rejected row prints a line, and a big run can print many.
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

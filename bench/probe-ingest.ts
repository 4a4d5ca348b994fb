// The hostile-user probes of ingest (issue 16's table), each against the real `ingest`
// command in child processes: SIGKILL at random moments and what the database holds after,
// several ingests into one database at once, pages read during a bulk ingest, and small
// HTML files that once hung the reader. Every probe is bounded in count and time and
// returns figures; it asserts nothing (npm test has the assertions).

import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { percentile } from './stats.js';

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  seconds: number;
  output: string;
}

/** Runs `node dist/cli/ingest.js --quiet --db DB …inputs` and waits for it. */
export function startIngest(
  distDir: string,
  database: string,
  inputs: string[],
): { child: ChildProcess; done: Promise<Finished> } {
  const start = performance.now();
  const child = spawn(
    process.execPath,
    [join(distDir, 'cli', 'ingest.js'), '--quiet', '--db', database, ...inputs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    // Only the end matters (the summary); warnings about dates can run to megabytes.
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const done = new Promise<Finished>((resolve) => {
    child.on('exit', (code, signal) =>
      resolve({ code, signal, seconds: (performance.now() - start) / 1000, output }),
    );
  });
  return { child, done };
}

export function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/**
 * One entry per stored article: its content hash and everything stored about it, digested.
 * With `maxLine`, only articles from the first lines of their input file.
 */
export function articleDigests(file: string, maxLine = Infinity): Map<string, string> {
  if (!existsSync(file)) return new Map();
  const db = new Database(file, { readonly: true });
  try {
    if (!hasArticles(db)) return new Map();
    const rows = db
      .prepare(
        `SELECT a.content_hash AS hash, a.source, a.word_count || '/' || a.sentence_count || '/' ||
           (SELECT count(*) || '/' || coalesce(group_concat(
              s.kind || ':' || s.start_offset || '-' || s.end_offset || ':' ||
              round(s.tone_combined, 6) || ':' || s.expectation || ':' || s.quote_kind || ':' ||
              coalesce(s.speaker_id - (SELECT min(id) FROM speaker WHERE article_id = a.id), '-'),
              ';'), '')
            FROM (SELECT * FROM segment WHERE article_id = a.id ORDER BY position) s) || '/' ||
           (SELECT count(*) FROM cue_hit h JOIN segment s ON s.id = h.segment_id
             WHERE s.article_id = a.id) || '/' ||
           (SELECT count(*) FROM segment_target t JOIN segment s ON s.id = t.segment_id
             WHERE s.article_id = a.id) || '/' ||
           (SELECT count(*) FROM speaker WHERE article_id = a.id) AS content
         FROM article a`,
      )
      .all() as { hash: string; source: string; content: string }[];
    const line = (source: string) => Number(/:line (\d+)$/.exec(source)?.[1] ?? Infinity);
    return new Map(
      rows
        .filter((r) => line(r.source) <= maxLine)
        .map((r) => [r.hash, createHash('sha256').update(r.content).digest('hex')]),
    );
  } finally {
    db.close();
  }
}

function hasArticles(db: Database.Database): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article'").get() !==
    undefined
  );
}

export interface DatabaseCheck {
  integrity: string;
  /** FTS5's own check that the search indexes match the sentences. */
  searchIndex: string;
  articles: number;
  distinctTexts: number;
  runs: Record<string, number>;
}

export function checkDatabase(file: string): DatabaseCheck {
  const db = new Database(file);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
    // Killed before its first migration committed: an empty file, which is consistent.
    if (!hasArticles(db)) {
      return { integrity, searchIndex: 'ok', articles: 0, distinctTexts: 0, runs: {} };
    }
    let searchIndex = 'ok';
    try {
      for (const table of ['segment_search', 'segment_words']) {
        db.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run();
      }
    } catch (error) {
      searchIndex = (error as Error).message;
    }
    const count = db
      .prepare('SELECT count(*) AS n, count(DISTINCT content_hash) AS d FROM article')
      .get() as { n: number; d: number };
    const runs: Record<string, number> = {};
    for (const r of db
      .prepare('SELECT status, count(*) AS n FROM analysis_run GROUP BY status')
      .all() as { status: string; n: number }[]) {
      runs[r.status] = r.n;
    }
    return { integrity, searchIndex, articles: count.n, distinctTexts: count.d, runs };
  } finally {
    db.close();
  }
}

/** Articles whose stored digest differs from the clean run's (or that the clean run lacks). */
export function compareWithClean(
  clean: ReadonlyMap<string, string>,
  probed: ReadonlyMap<string, string>,
): number {
  let differ = 0;
  for (const [hash, digest] of probed) if (clean.get(hash) !== digest) differ++;
  return differ;
}

/** A small seeded generator (mulberry32), so a probe's random moments can be repeated. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface KillRound {
  afterSeconds: number;
  /** False when the ingest finished before the kill was due. */
  killed: boolean;
  stored: number;
  integrity: string;
  searchIndex: string;
  differFromClean: number;
  /** Runs left 'running' right after the kill (the killed one, once it had stored). */
  runningAfterKill: number;
}

/**
 * Kills `kills` ingests of `input` into one database at random moments, each a re-run of the
 * last, checking the database after each; then runs it once more to the end.
 */
export async function killRounds(options: {
  distDir: string;
  input: string;
  database: string;
  clean: ReadonlyMap<string, string>;
  cleanSeconds: number;
  kills: number;
  seed: number;
}): Promise<{ rounds: KillRound[]; final: DatabaseCheck; finalDiffer: number; rerun: Finished }> {
  removeDatabase(options.database);
  const next = random(options.seed);
  const rounds: KillRound[] = [];
  // The machine's speed changes with its load: a run that ends before its kill resets the
  // estimate, and the next round starts again on an empty database. At most twice the
  // rounds asked for, so a much faster machine still ends.
  let fullSeconds = options.cleanSeconds;
  let killed = 0;
  for (let round = 0; killed < options.kills && round < options.kills * 2; round++) {
    const storedBefore = round === 0 ? 0 : checkDatabase(options.database).articles;
    const left = Math.max(0.05, 1 - storedBefore / options.clean.size);
    // Anywhere from start-up to most of what this run still has to do.
    const afterSeconds = 0.5 + next() * 0.9 * fullSeconds * left;
    const { child, done } = startIngest(options.distDir, options.database, [options.input]);
    const timer = setTimeout(() => child.kill('SIGKILL'), afterSeconds * 1000);
    const finished = await done;
    clearTimeout(timer);
    const check = checkDatabase(options.database);
    rounds.push({
      afterSeconds,
      killed: finished.signal === 'SIGKILL',
      stored: check.articles,
      integrity: check.integrity,
      searchIndex: check.searchIndex,
      differFromClean: compareWithClean(options.clean, articleDigests(options.database)),
      runningAfterKill: check.runs.running ?? 0,
    });
    if (finished.signal === 'SIGKILL') {
      killed++;
    } else {
      fullSeconds = finished.seconds / left;
      removeDatabase(options.database);
    }
  }
  const rerun = await startIngest(options.distDir, options.database, [options.input]).done;
  const final = checkDatabase(options.database);
  const finalDiffer = compareWithClean(options.clean, articleDigests(options.database));
  return { rounds, final, finalDiffer, rerun };
}

export interface ConcurrentFigures {
  processes: number;
  exitCodes: (number | null)[];
  expected: number;
  stored: number;
  missing: number;
  duplicates: number;
  differFromClean: number;
  lockErrors: number;
  seconds: number;
  integrity: string;
}

/** `processes` ingests of the same input into one fresh database at once. */
export async function concurrentIngests(options: {
  distDir: string;
  input: string;
  database: string;
  clean: ReadonlyMap<string, string>;
  processes: number;
}): Promise<ConcurrentFigures> {
  removeDatabase(options.database);
  const start = performance.now();
  const runs = await Promise.all(
    Array.from(
      { length: options.processes },
      () => startIngest(options.distDir, options.database, [options.input]).done,
    ),
  );
  const seconds = (performance.now() - start) / 1000;
  const check = checkDatabase(options.database);
  const digests = articleDigests(options.database);
  let missing = 0;
  for (const hash of options.clean.keys()) if (!digests.has(hash)) missing++;
  return {
    processes: options.processes,
    exitCodes: runs.map((r) => r.code),
    expected: options.clean.size,
    stored: check.articles,
    missing,
    duplicates: check.articles - check.distinctTexts,
    differFromClean: compareWithClean(options.clean, digests),
    lockErrors: runs.reduce((n, r) => n + (r.output.match(/locked/g)?.length ?? 0), 0),
    seconds,
    integrity: check.integrity,
  };
}

export interface ReadFigures {
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Articles the ingest stored meanwhile. */
  storedMeanwhile: number;
}

/** `clients` loops reading `paths` for `seconds` from a server while an ingest writes. */
export async function readsDuringIngest(options: {
  distDir: string;
  database: string;
  input: string;
  base: string;
  paths: string[];
  clients: number;
  seconds: number;
}): Promise<ReadFigures> {
  const before = checkDatabase(options.database).articles;
  const ingest = startIngest(options.distDir, options.database, [options.input]);
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const until = performance.now() + options.seconds * 1000;
  const client = async (offset: number) => {
    for (let i = offset; performance.now() < until; i++) {
      const path = options.paths[i % options.paths.length]!;
      const start = performance.now();
      try {
        const response = await fetch(options.base + path, { signal: AbortSignal.timeout(60_000) });
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (response.status >= 500) errors++;
      } catch {
        errors++;
        statuses.error = (statuses.error ?? 0) + 1;
      }
      times.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  ingest.child.kill('SIGTERM');
  await ingest.done;
  times.sort((a, b) => a - b);
  return {
    clients: options.clients,
    seconds: options.seconds,
    requests: times.length,
    errors,
    statuses,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: times[times.length - 1] ?? Number.NaN,
    storedMeanwhile: checkDatabase(options.database).articles - before,
  };
}

export interface HostileFileFigures {
  name: string;
  bytes: number;
  seconds: number;
  exitCode: number | null;
  /** The ingest's line about the file (stored, or refused with its reason). */
  outcome: string;
}

/** The small files that once hung the HTML reader, each ingested alone with a time bound. */
export async function hostileFiles(options: {
  distDir: string;
  dir: string;
  timeoutSeconds: number;
}): Promise<HostileFileFigures[]> {
  const page = (body: string) =>
    `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;
  const files: [string, string][] = [
    ['br-40k.html', page('<br>'.repeat(10_000))],
    ['br-80k.html', page('<br>'.repeat(20_000))],
    ['br-160k.html', page('<br>'.repeat(40_000))],
    ['amp-100k.html', page('&amp;'.repeat(20_000))],
    ['div-selfclosed-1e6.html', page('<div/>'.repeat(1_000_000))],
    ['text-in-br-160k.html', page('word <br>'.repeat(18_000))],
  ];
  const figures: HostileFileFigures[] = [];
  for (const [name, content] of files) {
    const file = join(options.dir, name);
    writeFileSync(file, content);
    const database = join(options.dir, 'hostile.sqlite');
    removeDatabase(database);
    const run = startIngest(options.distDir, database, ['--outlet', 'X', '--story', 'Y', file]);
    const timer = setTimeout(() => run.child.kill('SIGKILL'), options.timeoutSeconds * 1000);
    const finished = await run.done;
    clearTimeout(timer);
    const line =
      finished.output.split('\n').find((l) => l.includes(name)) ??
      finished.output.trim().split('\n').pop() ??
      '';
    figures.push({
      name,
      bytes: Buffer.byteLength(content),
      seconds: finished.seconds,
      exitCode: finished.signal === 'SIGKILL' ? null : finished.code,
      outcome:
        finished.signal === 'SIGKILL' ? `killed after ${options.timeoutSeconds} s` : line.trim(),
    });
    removeDatabase(database);
  }
  return figures;
}

export interface UploadFigures {
  uploadStatus: number;
  /** The results page's counts line. */
  uploadSummary: string;
  cliExitCode: number | null;
  expected: number;
  stored: number;
  missing: number;
  duplicates: number;
  integrity: string;
}

/**
 * The add page's upload and an `ingest` command of the same file into one database at once,
 * as a browser would post it (CSRF cookie and token from the form).
 */
export async function uploadWhileIngesting(options: {
  distDir: string;
  base: string;
  database: string;
  input: string;
  clean: ReadonlyMap<string, string>;
}): Promise<UploadFigures> {
  const form = await fetch(`${options.base}/add`);
  const cookie = (form.headers.get('set-cookie') ?? '').split(';')[0]!;
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const body = new FormData();
  body.append('_csrf', token);
  body.append('files', new Blob([readFileSync(options.input)]), basename(options.input));
  const cli = startIngest(options.distDir, options.database, [options.input]);
  const posted = await fetch(`${options.base}/add/files`, {
    method: 'POST',
    body,
    headers: { cookie },
    redirect: 'manual',
  });
  const location = posted.headers.get('location');
  const page = location
    ? await (await fetch(options.base + location, { headers: { cookie } })).text()
    : await posted.text();
  const finished = await cli.done;
  const check = checkDatabase(options.database);
  const digests = articleDigests(options.database);
  let missing = 0;
  for (const hash of options.clean.keys()) if (!digests.has(hash)) missing++;
  return {
    uploadStatus: posted.status,
    uploadSummary: (/<p class="meta">([^<]*)</.exec(page)?.[1] ?? page.slice(0, 200)).trim(),
    cliExitCode: finished.code,
    expected: options.clean.size,
    // Of the input's articles (the server put the bundled corpus in first).
    stored: options.clean.size - missing,
    missing,
    duplicates: check.articles - check.distinctTexts,
    integrity: check.integrity,
  };
}

// `npm run probe`: issue 16's table re-run as a hostile user would, against the real
// commands and server in child processes: SIGKILL during an ingest at random moments, two
// and three ingests into one database at once, pages read during a bulk ingest, the small
// HTML files that once hung the reader, odd requests and the security headers, and the
// minor row (a 10 MB CSV field, control characters in a file name). Bounded in count and
// time; prints a "tried | result" table and writes the figures as JSON. It asserts
// nothing: npm test holds the behaviour, this measures it at scale.
//
// Not here: the fuzz run (npm run test:fuzz) and the XSS suite in Chromium
// (test/browser/xss.test.ts), which have their own commands.

// The analyzer (bench/ingest.ts) and SQLite (bench/probe-ingest.ts) are imported once the
// arguments are read, so that --help and a usage error answer without loading them.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_CORPUS, readCorpusPrefix } from '../bench/corpus.js';
import { freePort, serving } from '../bench/pages.js';
import { probeServer } from '../bench/probe-http.js';
import { runCommand } from './command.js';

const PROBES = ['kill', 'concurrent', 'upload', 'reads', 'html', 'http', 'minor'] as const;
type Probe = (typeof PROBES)[number];

const USAGE = `Usage: npm run probe -- --dir DIR [options]

Re-runs issue 16's hostile-user table against the real ingest command and server, in
DIR (created; databases and inputs are kept there), on a prefix of the AllSides corpus.

  --dir DIR              work folder (required)
  --only LIST            some of: ${PROBES.join(',')} (default: all)
  --articles N           articles for the kill and reads probes (default 5000)
  --concurrent N         articles each concurrent ingest reads (default 1000)
  --upload N             articles the add page's upload sends while an ingest of the
                         same runs (default 600: one file under the 5 MB upload limit)
  --kills N              SIGKILLs at random moments (default 5)
  --reads-seconds N      how long 2 clients read during the bulk ingest (default 60)
  --seed N               seed of the random kill moments (default 16)
  --reuse-clean SECONDS  reuse DIR/clean.sqlite from an earlier probe of the same input,
                         whose clean run took SECONDS (it sets the kill moments)
  --corpus FILE          a .jsonl or .jsonl.gz corpus (default ${DEFAULT_CORPUS})
  --help                 this text

Prints a "tried | result" table (Markdown) and writes DIR/probe.json.`;

const distDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STORY = 'blinken-in-beijing-june-2023';

interface Row {
  tried: string;
  result: string;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      only: { type: 'string' },
      articles: { type: 'string', default: '5000' },
      concurrent: { type: 'string', default: '1000' },
      upload: { type: 'string', default: '600' },
      kills: { type: 'string', default: '5' },
      'reads-seconds': { type: 'string', default: '60' },
      seed: { type: 'string', default: '16' },
      'reuse-clean': { type: 'string' },
      corpus: { type: 'string', default: DEFAULT_CORPUS },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.dir) {
    console.error(`--dir is required\n\n${USAGE}`);
    return 2;
  }
  const only = new Set((values.only?.split(',') ?? PROBES) as Probe[]);
  for (const name of only) {
    if (!PROBES.includes(name)) {
      console.error(`unknown probe “${name}” (${PROBES.join(', ')})`);
      return 2;
    }
  }
  const [
    { writeJsonl },
    {
      articleDigests,
      concurrentIngests,
      hostileFiles,
      killRounds,
      readsDuringIngest,
      removeDatabase,
      startIngest,
      uploadWhileIngesting,
    },
  ] = await Promise.all([import('../bench/ingest.js'), import('../bench/probe-ingest.js')]);
  const dir = resolve(values.dir);
  mkdirSync(dir, { recursive: true });
  const articles = Number(values.articles);
  const concurrent = Math.min(Number(values.concurrent), articles);
  const uploaded = Math.min(Number(values.upload), articles);
  const rows: Row[] = [];
  const figures: Record<string, unknown> = { date: new Date().toISOString() };
  const say = (line: string) => console.error(`probe: ${line}`);

  const input = join(dir, 'articles.jsonl');
  const needsCorpus = ['kill', 'concurrent', 'upload', 'reads'].some((p) => only.has(p as Probe));
  let clean = new Map<string, string>();
  let cleanSeconds = 0;
  if (needsCorpus) {
    say(`reading ${articles} articles of ${values.corpus}`);
    const corpus = await readCorpusPrefix(values.corpus, articles);
    writeJsonl(corpus, input);
    writeJsonl(corpus.slice(0, concurrent), join(dir, 'first.jsonl'));
    writeJsonl(corpus.slice(0, uploaded), join(dir, 'upload.jsonl'));
    const cleanDb = join(dir, 'clean.sqlite');
    const reused = values['reuse-clean'] && existsSync(cleanDb);
    if (!reused) {
      say('clean run');
      removeDatabase(cleanDb);
      const run = await startIngest(distDir, cleanDb, [input]).done;
      cleanSeconds = run.seconds;
      figures.clean = { seconds: run.seconds, exitCode: run.code };
    }
    clean = articleDigests(cleanDb);
    if (reused) cleanSeconds = Number(values['reuse-clean']);
  }

  if (only.has('kill')) {
    say(`${values.kills} kills`);
    const kill = await killRounds({
      distDir,
      input,
      database: join(dir, 'killed.sqlite'),
      clean,
      cleanSeconds,
      kills: Number(values.kills),
      seed: Number(values.seed),
    });
    figures.kill = kill;
    const killed = kill.rounds.filter((r) => r.killed);
    const held = kill.rounds.every(
      (r) => r.integrity === 'ok' && r.searchIndex === 'ok' && r.differFromClean === 0,
    );
    rows.push({
      tried: `SIGKILL during a ${articles}-article ingest, ${killed.length} kills at random moments (seed ${values.seed}), each a re-run of the last`,
      result:
        `${held ? 'held' : 'FAILED'}: after each kill integrity_check ${unique(kill.rounds.map((r) => r.integrity))}, ` +
        `search indexes ${unique(kill.rounds.map((r) => r.searchIndex))}, ` +
        `stored ${kill.rounds.map((r) => r.stored).join(' → ')} articles, ` +
        `${sum(kill.rounds.map((r) => r.differFromClean))} differing from the clean run; ` +
        `re-run (exit ${kill.rerun.code}) stored ${kill.final.articles} of ${clean.size}, ` +
        `${kill.final.articles - kill.final.distinctTexts} duplicates, ${kill.finalDiffer} differing; ` +
        `runs ${JSON.stringify(kill.final.runs)}`,
    });
  }

  if (only.has('concurrent')) {
    const expected = articleDigests(join(dir, 'clean.sqlite'), concurrent);
    for (const processes of [2, 3]) {
      say(`${processes} ingests at once`);
      const result = await concurrentIngests({
        distDir,
        input: join(dir, 'first.jsonl'),
        database: join(dir, `concurrent-${processes}.sqlite`),
        clean: expected,
        processes,
      });
      figures[`concurrent${processes}`] = result;
      rows.push({
        tried: `${processes} ingests of the same ${concurrent} articles into one database at once`,
        result:
          `${result.missing === 0 && result.duplicates === 0 ? 'held' : 'FAILED'}: ` +
          `${result.stored} stored of ${result.expected} expected, ${result.missing} missing, ` +
          `${result.duplicates} duplicates, ${result.differFromClean} differing from one process; ` +
          `exit ${result.exitCodes.join(', ')}; ${result.lockErrors} lock messages; ` +
          `integrity_check ${result.integrity}; ${result.seconds.toFixed(0)} s`,
      });
    }
  }

  if (only.has('upload')) {
    say('an upload and an ingest at once');
    const database = join(dir, 'uploaded.sqlite');
    removeDatabase(database);
    const port = await freePort();
    const server = spawn(
      process.execPath,
      [join(distDir, 'server', 'main.js'), '--db', database, '--port', String(port)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      await serving(server);
      const expected = articleDigests(join(dir, 'clean.sqlite'), uploaded);
      const upload = await uploadWhileIngesting({
        distDir,
        base: `http://127.0.0.1:${port}`,
        database,
        input: join(dir, 'upload.jsonl'),
        clean: expected,
      });
      figures.upload = upload;
      const missing = upload.missing;
      rows.push({
        tried: `the add page's upload of ${uploaded} articles and an ingest of the same file into one database at once`,
        result:
          `${missing === 0 && upload.duplicates === 0 ? 'held' : 'FAILED'}: ${upload.stored} of ${upload.expected} stored, ` +
          `${missing} missing, ${upload.duplicates} duplicates; upload HTTP ${upload.uploadStatus} ` +
          `(“${upload.uploadSummary}”), ingest exit ${upload.cliExitCode}; integrity_check ${upload.integrity}`,
      });
    } finally {
      server.kill('SIGTERM');
    }
  }

  if (only.has('reads') || only.has('http')) {
    const database = join(dir, 'served.sqlite');
    removeDatabase(database);
    const port = await freePort();
    const server = spawn(
      process.execPath,
      [join(distDir, 'server', 'main.js'), '--db', database, '--port', String(port)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      await serving(server);
      const base = `http://127.0.0.1:${port}`;
      if (only.has('reads')) {
        say('reads during a bulk ingest');
        const reads = await readsDuringIngest({
          distDir,
          database,
          input,
          base,
          paths: [
            '/',
            `/stories/${STORY}`,
            `/stories/${STORY}?part=lead`,
            '/articles/1',
            '/search?q=talks',
            `/export/segments.csv?story=${STORY}`,
            '/api/stories',
          ],
          clients: 2,
          seconds: Number(values['reads-seconds']),
        });
        figures.reads = reads;
        rows.push({
          tried: `reads during a bulk ingest (${reads.clients} clients, ${reads.seconds} s, ${reads.requests} requests over 7 pages)`,
          result:
            `${reads.errors === 0 ? 'held' : 'FAILED'}: ${reads.errors} errors (statuses ${JSON.stringify(reads.statuses)}); ` +
            `p50 ${ms(reads.p50Ms)}, p99 ${ms(reads.p99Ms)}, max ${ms(reads.maxMs)}; ` +
            `${reads.storedMeanwhile} articles stored meanwhile`,
        });
      }
      if (only.has('http')) {
        say('odd requests and headers');
        const probes = await probeServer(base, STORY);
        figures.http = probes;
        const kinds = [...new Set(probes.map((p) => p.what))];
        for (const kind of kinds) {
          const mine = probes.filter((p) => p.what === kind);
          const failed = mine.filter((p) => p.problem !== null);
          rows.push({
            tried: `${kind}: ${mine.length} requests`,
            result:
              failed.length === 0
                ? `held: statuses ${unique(mine.map((p) => String(p.status)))}`
                : `FAILED: ${failed.map((p) => `${p.method} ${p.path.slice(0, 60)} → ${p.problem}`).join('; ')}`,
          });
        }
      }
    } finally {
      server.kill('SIGTERM');
    }
  }

  if (only.has('html')) {
    say('small HTML files');
    const files = await hostileFiles({ distDir, dir, timeoutSeconds: 120 });
    figures.html = files;
    for (const f of files) {
      rows.push({
        tried: `${f.name} (${(f.bytes / 1024).toFixed(0)} KB) through ingest`,
        result: `${f.exitCode === null ? 'FAILED' : 'held'}: ${f.seconds.toFixed(1)} s, exit ${f.exitCode}; ${f.outcome}`,
      });
    }
  }

  if (only.has('minor')) {
    say('minor row');
    rows.push(...(await minorRow(dir)));
  }

  writeFileSync(join(dir, 'probe.json'), JSON.stringify({ figures, rows }, null, 2));
  console.log('| tried | result |\n|---|---|');
  for (const row of rows) console.log(`| ${row.tried} | ${row.result.replace(/\|/g, '\\|')} |`);
  return rows.some((r) => r.result.startsWith('FAILED')) ? 1 : 0;
}

/** A 10 MB CSV field, control characters in a file name, and a NUL in the text. */
async function minorRow(dir: string): Promise<Row[]> {
  const { removeDatabase, startIngest } = await import('../bench/probe-ingest.js');
  const rows: Row[] = [];
  const database = join(dir, 'minor.sqlite');
  removeDatabase(database);
  const csv = join(dir, 'huge-field.csv');
  writeFileSync(
    csv,
    `title,outlet,story,text\nA,B,C,"${'word '.repeat(2_100_000)}"\nD,E,F,short\n`,
  );
  const huge = await startIngest(distDir, database, [csv]).done;
  const rejections = huge.output.split('\n').filter((l) => /^\s*rejected/.test(l)).length;
  rows.push({
    tried: 'a 10 MB CSV field',
    result: `${rejections <= 2 ? 'held' : 'FAILED'}: ${rejections} rejection lines, exit ${huge.code}, ${huge.seconds.toFixed(1)} s`,
  });
  const evil = join(dir, 'evil\u001b[31mred\u0007\u202e.txt');
  writeFileSync(evil, `---\noutlet: X\nstory: Y\n---\nToo short\u0000 with a NUL.\n`);
  const named = await startIngest(distDir, database, [evil]).done;
  const raw = /[\u0000-\u0008\u001b\u007f\u202e]/.test(named.output);
  rows.push({
    tried: 'control characters (ESC, BEL, U+202E, NUL) in a file name and its text',
    result: `${raw ? 'FAILED: printed raw' : 'held: printed as escapes'} (${named.output.trim().split('\n')[0]?.slice(0, 90)})`,
  });
  return rows;
}

function unique(values: string[]): string {
  return [...new Set(values)].join(', ');
}
function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`;
}

runCommand('probe', main);

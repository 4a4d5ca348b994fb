// `npm run worker`: takes ingest jobs queued by `npm run ingest -- --queue` from the
// PostgreSQL database and analyzes and stores their articles, one job per transaction
// (db/pg-queue.ts, ingest/queue.ts). Run as many as there are cores, on as many machines
// as reach the database; a worker killed mid-job leaves nothing and the job is taken again.

// The analyzer and the queue are imported once the arguments are read, so that --help and
// a usage error answer without loading them (open-store.ts loads its stores only when asked).

import { parseArgs } from 'node:util';
import { databaseUrl, redactedUrl } from '../db/open-store.js';
import { printable, runCommand } from './command.js';

const USAGE = `Usage: npm run worker -- [--database-url URL] [--exit-when-empty] [--quiet]

Processes the ingest jobs queued in the PostgreSQL database (npm run ingest -- --queue):
analyzes each job's articles and stores them, the whole job in one transaction. Start one
per core, on any number of machines. Waits for new jobs until stopped.

Options:
  --database-url URL  the PostgreSQL database (default: $PARALLAX_DATABASE_URL)
  --exit-when-empty   stop when no job is waiting instead of waiting for more
  --poll-ms N         how often an idle worker looks for jobs (default 1000)
  --quiet             print only failures and the summary
  --help              this text

Exit status: 0 stopped (no job waiting, or Ctrl-C / SIGTERM after the current job),
1 some jobs failed (they are retried up to 3 times, then left with their error), 2 usage.`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        'database-url': { type: 'string' },
        'exit-when-empty': { type: 'boolean' },
        'poll-ms': { type: 'string' },
        quiet: { type: 'boolean' },
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
  const url = databaseUrl({ databaseUrl: values['database-url'] });
  if (url === undefined) {
    console.error(`Name the database: --database-url or PARALLAX_DATABASE_URL\n\n${USAGE}`);
    return 2;
  }
  const pollMs = Number(values['poll-ms'] ?? 1000);
  if (!Number.isInteger(pollMs) || pollMs < 10) {
    console.error(`--poll-ms must be a whole number of milliseconds, 10 or more\n\n${USAGE}`);
    return 2;
  }
  const [{ createAnalyzer }, { PgIngestQueue }, { runJob }] = await Promise.all([
    import('../analysis/pipeline.js'),
    import('../db/pg-queue.js'),
    import('../ingest/queue.js'),
  ]);
  const analyzer = createAnalyzer();
  const queue = await PgIngestQueue.open(url);
  // A signal lets the current job finish (its transaction commits), then the worker stops.
  let stopping = false;
  const onSignal = () => {
    if (stopping) process.exit(130);
    stopping = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const totals = { jobs: 0, added: 0, duplicates: 0, rejected: 0, failed: 0 };
  const started = Date.now();
  try {
    while (!stopping) {
      const outcome = await queue.processNext((job, store) => runJob(job, store, analyzer));
      if (outcome === null) {
        if (values['exit-when-empty']) break;
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        continue;
      }
      if ('error' in outcome) {
        if (outcome.retried) {
          if (!values.quiet) console.log(`job ${outcome.job.id}: met another worker, taken again`);
          continue;
        }
        totals.failed++;
        console.error(`job ${outcome.job.id} failed: ${printable(outcome.error.message)}`);
        continue;
      }
      const { job, result } = outcome;
      totals.jobs++;
      totals.added += result.added;
      totals.duplicates += result.duplicates;
      totals.rejected += result.rejected.length;
      for (const r of result.rejected)
        console.error(`rejected  ${printable(r.source)}: ${printable(r.reason)}`);
      for (const line of result.codebooks ?? []) console.log(`job ${job.id}: ${printable(line)}`);
      if (!values.quiet)
        console.log(
          `job ${job.id}: ${result.added} added, ${result.duplicates} already stored, ` +
            `${result.rejected.length} rejected`,
        );
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await queue.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const cpu = process.cpuUsage();
  const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(1);
  console.log(
    `\n${totals.jobs} jobs: ${totals.added} added, ${totals.duplicates} already stored, ` +
      `${totals.rejected} rejected, ${totals.failed} failed attempts in ${seconds} s (${cpuSeconds} s CPU) · ${redactedUrl(url)}`,
  );
  return totals.failed > 0 ? 1 : 0;
}

runCommand('worker', main);

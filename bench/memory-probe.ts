// Loaded with `node --import` into the ingest command: after every stored batch it appends
// one row to the CSV file named by PARALLAX_BENCH_MEMORY_FILE, so that memory can be read
// against articles ingested: resident memory, V8's heap (used and reserved), memory outside
// the heap held by JavaScript objects (external, of which array buffers), and the size of
// the database's write-ahead log (PARALLAX_BENCH_MEMORY_DB names the database). What is
// resident beyond heap and external is native: SQLite's page cache, code, thread stacks,
// and the worker threads' own heaps. Run with --expose-gc, it collects garbage before each
// row, so that the heap figures are what is live (slower; not for timing).
// It does nothing when the variable is unset.
//   node --import ./dist/bench/memory-probe.js dist/cli/ingest.js --quiet --db F FILE

import { subscribe } from 'node:diagnostics_channel';
import { appendFileSync, statSync, writeFileSync } from 'node:fs';
import type { BatchStoredMessage } from '../ingest/ingest.js';

const target = process.env.PARALLAX_BENCH_MEMORY_FILE;
const database = process.env.PARALLAX_BENCH_MEMORY_DB;

const MB = 1024 * 1024;

function walBytes(): number {
  if (!database) return 0;
  try {
    return statSync(`${database}-wal`).size;
  } catch {
    return 0;
  }
}

if (target !== undefined && target !== '') {
  const start = performance.now();
  writeFileSync(
    target,
    'articles,seconds,rss_mb,peak_rss_mb,heap_used_mb,heap_total_mb,external_mb,array_buffers_mb,wal_mb\n',
  );
  // The name is ingest.ts's `batchStored`, not imported: importing it would load the ingest
  // modules before the command does, and the probe must not change what it measures.
  subscribe('parallax:ingest:batch-stored', (message) => {
    const { stored, duplicates, rejected } = message as BatchStoredMessage;
    globalThis.gc?.();
    const m = process.memoryUsage();
    const row = [
      stored + duplicates + rejected,
      ((performance.now() - start) / 1000).toFixed(1),
      (m.rss / MB).toFixed(1),
      (process.resourceUsage().maxRSS / 1024).toFixed(1),
      (m.heapUsed / MB).toFixed(1),
      (m.heapTotal / MB).toFixed(1),
      (m.external / MB).toFixed(1),
      (m.arrayBuffers / MB).toFixed(1),
      (walBytes() / MB).toFixed(1),
    ];
    appendFileSync(target, row.join(',') + '\n');
  });
}

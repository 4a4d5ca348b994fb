// Loaded with `node --import` into a child process the benchmark starts: at exit it writes
// the process's peak resident memory (KiB) to the file named by PARALLAX_BENCH_RSS_FILE. It
// does nothing else, and nothing at all when the variable is unset.

import { writeFileSync } from 'node:fs';

const target = process.env.PARALLAX_BENCH_RSS_FILE;
if (target !== undefined && target !== '') {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}

// The npm scripts' entry point: compiles the TypeScript into dist/ only when a source is newer
// than the last successful build, then runs the compiled command in this same process
// (`node cli/launch.mjs dist/cli/eval.js --help`). With no command it only builds
// (`npm test`, `npm install`); `--always` compiles even when nothing changed (`npm run build`,
// the type-check). Plain JavaScript because it runs before anything is compiled.

import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');
// The folders tsconfig.json includes; .ts and imported .json files are what tsc reads.
const SOURCE_DIRS = ['analysis', 'ingest', 'db', 'server', 'cli', 'test', 'corpus'];

function newestSource() {
  let newest = statSync(join(root, 'tsconfig.json')).mtimeMs;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) {
        newest = Math.max(newest, statSync(path).mtimeMs);
      }
    }
  };
  for (const dir of SOURCE_DIRS) walk(join(root, dir));
  return newest;
}

function builtAt() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return -Infinity;
  }
}

function build(always) {
  if (!always && newestSource() <= builtAt()) return 0;
  // The stamp gets the time the build started, so a file saved during the build counts as
  // newer and triggers the next one.
  const started = new Date();
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) return result.status ?? 1;
  writeFileSync(stamp, 'the sources were compiled into dist/ at this file’s time\n');
  utimesSync(stamp, started, started);
  return 0;
}

const always = process.argv[2] === '--always';
const [command, ...args] = process.argv.slice(always ? 3 : 2);
const status = build(always);
if (status !== 0) {
  process.exitCode = status;
} else if (command) {
  const script = resolve(root, command);
  process.argv = [process.argv[0] ?? process.execPath, script, ...args];
  await import(pathToFileURL(script).href);
}

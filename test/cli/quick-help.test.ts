// Every command answers `--help` and a usage error before it loads the analyzer, the
// stores, the server or the charts (issue 15: first output at once). Asserted on what is
// loaded, never on timings: each run goes through module-log.ts, which writes down every
// module the process loads.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'parallax-quick-help-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Packages that take a noticeable part of a second to load, or pull in ones that do. */
const HEAVY = [
  'better-sqlite3',
  'pg',
  'natural',
  'wink-sentiment',
  'express',
  'handlebars',
  'vega',
  'zod',
];

const hook = fileURLToPath(new URL('module-log.js', import.meta.url));
let runs = 0;

/** Runs a compiled entry point (`cli/ingest`, `server/main`) and lists the modules it loaded. */
function run(script: string, args: string[]) {
  const log = join(dir, `modules-${++runs}.txt`);
  const { PARALLAX_DATABASE_URL: _, ...env } = process.env;
  const result = spawnSync(
    process.execPath,
    ['--import', hook, fileURLToPath(new URL(`../../${script}.js`, import.meta.url)), ...args],
    { encoding: 'utf8', env: { ...env, PARALLAX_MODULE_LOG: log } },
  );
  const modules = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const heavy = HEAVY.filter((name) => modules.some((m) => m.includes(`/node_modules/${name}/`)));
  return { code: result.status, out: result.stdout, err: result.stderr, heavy };
}

// Each entry point: its usage line, and a call missing what it needs (exit status 2 and
// the reason), where it has one.
const COMMANDS: Array<[string, RegExp, string[]?, RegExp?]> = [
  ['cli/bench', /^Usage: npm run bench/, ['--full', '--articles', '5'], /not both/],
  ['cli/codebook', /^Usage: npm run codebook/, ['assign', 'story'], /^Usage: npm run codebook/],
  ['cli/eval', /^Usage: npm run eval/, [], /expected a gold folder/],
  ['cli/export', /^Usage: npm run export/, [], /Name one export/],
  ['cli/gold', /^Usage: npm run gold/, ['build'], /^Usage: npm run gold/],
  ['cli/ingest', /^Usage: npm run ingest/, [], /Name at least one file or folder/],
  ['cli/precompute', /^Usage: npm run precompute/],
  ['cli/probe', /^Usage: npm run probe/, [], /--dir is required/],
  ['cli/reanalyze', /^Usage: npm run reanalyze/],
  ['cli/report', /^Usage: npm run report/, [], /Give --story SLUG or --all/],
  ['cli/train', /^Usage: npm run train/, [], /expected one gold folder or more/],
  ['cli/worker', /^Usage: npm run worker/, [], /Name the database/],
  ['server/main', /^Usage: npm start/],
];

describe('--help and usage errors answer before the heavy modules load', () => {
  for (const [script, usage, missing, reason] of COMMANDS) {
    test(script, () => {
      const help = run(script, ['--help']);
      assert.equal(help.code, 0, help.err);
      assert.match(help.out, usage);
      assert.deepEqual(help.heavy, [], `--help loaded ${help.heavy.join(', ')}`);

      // parseArgs' own message; gold, probe and the server report it as an error (exit 1).
      const unknown = run(script, ['--no-such-option']);
      assert.ok(unknown.code === 1 || unknown.code === 2, unknown.err);
      assert.match(unknown.err, /Unknown option '--no-such-option'/);
      assert.deepEqual(unknown.heavy, [], `an unknown option loaded ${unknown.heavy.join(', ')}`);

      if (missing && reason) {
        const bad = run(script, missing);
        assert.equal(bad.code, 2, bad.err);
        assert.match(bad.err, reason);
        assert.deepEqual(bad.heavy, [], `a usage error loaded ${bad.heavy.join(', ')}`);
      }
    });
  }

  test('the module log sees the heavy modules when a command does load them', () => {
    // The analyzer (natural and wink-sentiment through require) and the SQLite store.
    const assign = run('cli/codebook', [
      'assign',
      'no-such-story',
      'us-china',
      '--db',
      join(dir, 'x.sqlite'),
    ]);
    assert.equal(assign.code, 1, assign.err);
    for (const name of ['better-sqlite3', 'natural', 'wink-sentiment', 'zod'])
      assert.ok(assign.heavy.includes(name), `${name} not seen: ${assign.heavy.join(', ')}`);
  });
});

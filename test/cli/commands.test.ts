// The command-line entry points as a researcher runs them: exit codes, summaries and
// error lines, against a throwaway database.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { projectPath } from '../../analysis/project-root.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
const db = join(dir, 'cli.sqlite');
const fixtures = projectPath('test', 'fixtures', 'ingest');

function run(command: string, args: string[]): { code: number | null; out: string; err: string } {
  const script = fileURLToPath(new URL(`../../cli/${command}.js`, import.meta.url));
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run ingest', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('stores the good articles of a folder, reports each bad row and exits 1', () => {
    const first = run('ingest', ['--db', db, '--story', 'Blinken in Beijing', fixtures]);
    assert.equal(first.code, 1);
    assert.match(first.out, /5 added, 0 already stored, 4 rejected \(analysis run 1\)/);
    assert.match(first.err, /articles\.jsonl: line 1: too short for an article: fewer than 50/);
    assert.match(first.err, /articles\.csv: malformed CSV at row 3/);
    assert.match(first.err, /articles\.jsonl: line 3: not valid JSON/);
    assert.match(first.err, /articles\.jsonl: line 4: field 'date' must be an ISO date/);
  });

  test('a second run stores nothing twice', () => {
    const again = run('ingest', ['--db', db, '--story', 'Blinken in Beijing', '--quiet', fixtures]);
    assert.match(again.out, /0 added, 5 already stored, 4 rejected/);
  });

  test('--min-words lowers the bar for short texts; a bad value is a usage error', () => {
    const args = ['--db', db, '--story', 'Blinken in Beijing', '--quiet'];
    const lower = run('ingest', [...args, '--min-words', '20', fixtures]);
    assert.match(lower.out, /1 added, 5 already stored, 3 rejected/);
    const bad = run('ingest', [...args, '--min-words', 'many', fixtures]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--min-words must be a whole number/);
  });

  test('a clean batch exits 0; usage errors exit 2 with the usage text', () => {
    const clean = run('ingest', ['--db', db, join(fixtures, 'nyt-blinken.txt')]);
    assert.equal(clean.code, 0);
    assert.match(clean.out, /0 added, 1 already stored, 0 rejected/);
    const none = run('ingest', ['--db', db]);
    assert.equal(none.code, 2);
    assert.match(none.err, /Usage: npm run ingest/);
    assert.equal(run('ingest', ['--help']).code, 0);
  });
});

describe('npm run eval', () => {
  test('scores a gold folder and ends with one JSON line', () => {
    const gold = join(dir, 'gold');
    mkdirSync(join(gold, 'docs'), { recursive: true });
    const text =
      'Written by Dr. Florence Akano\n\nBoth the US and Chinese governments have tempered expectations for the visit. Neither Blinken nor Qin engaged with reporters.\n';
    writeFileSync(join(gold, 'docs', 'blog.txt'), text);
    const rows = [
      { doc: 'blog', para: 0, sent: 0, kind: 'byline', text: 'Written by Dr. Florence Akano' },
      {
        doc: 'blog',
        para: 1,
        sent: 0,
        kind: 'body',
        text: 'Both the US and Chinese governments have tempered expectations for the visit.',
        expectation: 'lowers',
      },
      {
        doc: 'blog',
        para: 1,
        sent: 1,
        kind: 'body',
        text: 'Neither Blinken nor Qin engaged with reporters.',
        expectation: 'none',
      },
    ];
    writeFileSync(join(gold, 'segments.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const result = run('eval', [gold, '--json']);
    assert.equal(result.code, 0, result.err);
    const report = JSON.parse(result.out.trim().split('\n').at(-1) ?? '');
    assert.deepEqual(report.segmentation, { precision: 1, recall: 1, f1: 1, kind_accuracy: 1 });
    assert.equal(report.expectation.accuracy, 1);
    assert.equal(report.tone, null);
    const missing = run('eval', [join(dir, 'no-such-gold')]);
    assert.equal(missing.code, 2);
  });
});

describe('the npm scripts’ launcher (cli/launch.mjs)', () => {
  test('runs the compiled command with its arguments and its exit status', () => {
    const launcher = projectPath('cli', 'launch.mjs');
    const help = spawnSync(process.execPath, [launcher, 'dist/cli/eval.js', '--help'], {
      encoding: 'utf8',
    });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^Usage: npm run eval/);
    const usage = spawnSync(process.execPath, [launcher, 'dist/cli/ingest.js'], {
      encoding: 'utf8',
    });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /Name at least one file or folder/);
  });
});

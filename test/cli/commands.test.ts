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
import { printable } from '../../cli/command.js';

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
    assert.match(first.out, /6 added, 0 already stored, 3 rejected \(analysis run 1\)/);
    assert.match(first.err, /articles\.csv: malformed CSV at row 3/);
    assert.match(first.err, /articles\.jsonl: line 3: not valid JSON/);
    assert.match(first.err, /articles\.jsonl: line 4: field 'date' must be an ISO date/);
  });

  test('a second run stores nothing twice', () => {
    const again = run('ingest', ['--db', db, '--story', 'Blinken in Beijing', '--quiet', fixtures]);
    assert.match(again.out, /0 added, 6 already stored, 3 rejected/);
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

describe('terminal output', () => {
  test('control characters from file names and reasons are printed as escapes', () => {
    assert.equal(
      printable('a\u001b[31mred\u0000\r\u202egnp.txt'),
      'a\\x1b[31mred\\x00\\x0d\\u202egnp.txt',
    );
    assert.equal(printable('Blinken’s “talks” — ok'), 'Blinken’s “talks” — ok');
  });

  test('a rejected file with an escape sequence in its name reaches the terminal inert', () => {
    const hostile = mkdtempSync(join(tmpdir(), 'parallax-cli-name-'));
    writeFileSync(join(hostile, 'evil\u001b]0;pwned\u0007.txt'), '');
    const result = run('ingest', ['--db', db, '--story', 's', '--outlet', 'o', hostile]);
    rmSync(hostile, { recursive: true, force: true });
    assert.equal(result.code, 1);
    assert.match(result.err, /evil\\x1b\]0;pwned\\x07\.txt: empty file/);
    assert.doesNotMatch(result.err + result.out, /\u001b|\u0007/);
  });
});

// `npm run report`: per story a self-contained HTML report (charts inline, no stylesheet or
// script to fetch, the data hash) and the story's CSVs, byte-identical to the exports and
// from one run to the next; plain progress lines when not on a terminal; refusals.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EXPORTS } from '../../server/api/csv.js';
import type { TempStore } from '../helpers.js';
import { corpusStore } from '../helpers.js';

const STORY = 'blinken-in-beijing-june-2023';

function run(command: string, args: string[]): { code: number | null; out: string; err: string } {
  const script = fileURLToPath(new URL(`../../cli/${command}.js`, import.meta.url));
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run report', () => {
  let temp: TempStore;
  before(async () => {
    temp = await corpusStore();
  });
  after(async () => temp.cleanup());

  test('writes the report and the CSVs, lists the paths, and repeats byte for byte', () => {
    const out = join(temp.dir, 'reports');
    const db = temp.store.file;
    const first = run('report', [
      '--db',
      db,
      '--all',
      '--out',
      out,
      '--link-base',
      'http://x.test',
    ]);
    assert.equal(first.code, 0, first.err);
    const dir = join(out, STORY);
    const paths = [...EXPORTS.map((e) => join(dir, `${e}.csv`)), join(dir, 'report.html')];
    // Not a terminal: each path once, on standard output, and nothing else.
    assert.deepEqual(first.out.trim().split('\n').sort(), [...paths].sort());
    assert.equal(first.err.trim(), '');

    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.ok((html.match(/<svg /g)?.length ?? 0) >= 4);
    assert.doesNotMatch(html, /<link rel="stylesheet"|<script/);
    assert.match(html, /<style>/);
    assert.match(html, /href="http:\/\/x\.test\/articles\/\d+"/);
    assert.doesNotMatch(html, /href="\//);
    assert.match(html, /Data hash<\/dt><dd><code>[0-9a-f]{64}<\/code>/);

    const csvs = EXPORTS.map((e) => readFileSync(join(dir, `${e}.csv`), 'utf8'));
    const exported = EXPORTS.map((e) => run('export', ['--db', db, e, '--story', STORY]).out);
    assert.deepEqual(csvs, exported);
    assert.equal(run('report', ['--db', db, '--story', STORY, '--out', out]).code, 0);
    assert.deepEqual(
      EXPORTS.map((e) => readFileSync(join(dir, `${e}.csv`), 'utf8')),
      csvs,
    );
  });

  test('refusals: unknown story exits 1; neither or both of --story and --all exit 2', () => {
    const db = temp.store.file;
    const unknown = run('report', ['--db', db, '--story', 'nope', '--out', temp.dir]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /no story “nope”/);
    assert.equal(run('report', ['--db', db]).code, 2);
    assert.equal(run('report', ['--db', db, '--all', '--story', STORY]).code, 2);
    assert.equal(run('report', ['--db', db, '--all', '--link-base', 'javascript:x']).code, 2);
  });
});

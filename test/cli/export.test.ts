// `npm run export` as a researcher runs it: a CSV file or standard output with the same bytes
// as the HTTP download, byte-identical on a second run, and refusals with their exit codes.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { TempStore } from '../helpers.js';
import { corpusStore, serve } from '../helpers.js';

const STORY = 'blinken-in-beijing-june-2023';

function run(args: string[]): { code: number | null; out: string; err: string } {
  const script = fileURLToPath(new URL('../../cli/export.js', import.meta.url));
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run export', () => {
  let temp: TempStore;
  before(async () => {
    temp = await corpusStore();
  });
  after(async () => temp.cleanup());

  test('writes the same bytes as the HTTP download, and the same again on a second run', async () => {
    const out = join(temp.dir, 'segments.csv');
    const db = temp.store.file;
    const first = run(['segments', '--db', db, '--story', STORY, '--out', out]);
    assert.equal(first.code, 0, first.err);
    assert.match(first.err, /wrote .*segments\.csv/);
    const written = readFileSync(out, 'utf8');
    const again = run(['segments', '--db', db, '--story', STORY]);
    assert.equal(again.out, written);
    const server = await serve(temp.store);
    try {
      assert.equal((await server.get(`/export/segments.csv?story=${STORY}`)).text, written);
    } finally {
      await server.close();
    }
  });

  test('the summary for one part, to standard output', () => {
    const summary = run(['summary', '--db', temp.store.file, '--part', 'lead', '--outlet', 'cnn']);
    assert.equal(summary.code, 0, summary.err);
    const lines = summary.out.trimEnd().split('\r\n');
    assert.equal(lines.length, 2);
    assert.match(lines[1]!, new RegExp(`^${STORY},cnn,CNN,lead,`));
  });

  test('refusals: unknown story exits 1, bad usage 2, --help 0', () => {
    const db = temp.store.file;
    const unknown = run(['articles', '--db', db, '--story', 'nope']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /No story “nope”/);
    assert.equal(run(['segments', '--db', db, '--part', 'lead']).code, 2);
    // A bad part is said plainly, naming both exports that take it, as --help does.
    const part = run(['summary', '--db', db, '--part', 'xyz']);
    assert.equal(part.code, 2);
    assert.match(part.err, /Bad “part”: part takes all, lead or body, not “xyz”/);
    assert.match(part.err, /\(summary, summary_parties and terms\)/);
    assert.doesNotMatch(part.err, /Invalid option|expected one of/);
    assert.equal(run(['--db', db]).code, 2);
    assert.match(run(['--help']).out, /Usage: npm run export/);
  });
});

// `npm run report`: per story a self-contained HTML report (charts inline, no stylesheet or
// script to fetch, the data hash) and the story's CSVs, byte-identical to the exports and
// from one run to the next; plain progress lines when not on a terminal; refusals.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { EXPORTS } from '../../server/api/csv.js';
import type { TempStore } from '../helpers.js';
import { corpusStore, serve } from '../helpers.js';

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

  test('the report has the story page’s framing and distinctive-words panels, and summary_parties.csv holds the same numbers', async () => {
    const out = join(temp.dir, 'reports-framing');
    const db = temp.store.file;
    const done = run('report', [
      '--db',
      db,
      '--story',
      STORY,
      '--out',
      out,
      '--link-base',
      'http://x.test',
    ]);
    assert.equal(done.code, 0, done.err);
    const report = readFileSync(join(out, STORY, 'report.html'), 'utf8');
    const server = await serve(temp.store);
    let page: string;
    try {
      page = (await server.get(`/stories/${STORY}`)).text;
    } finally {
      await server.close();
    }
    const section = (html: string, id: string) =>
      new RegExp(`<section class="panel" aria-labelledby="${id}">[\\s\\S]*?</section>`)
        .exec(html)?.[0]
        .replace(/^\s+/gm, ''); // the page's layout indents it
    // The same panels as on the page (the same captions, minimums, intervals and numbers),
    // their links opening on the server; the report adds only where the numbers are as CSV.
    const onServer = (html: string | undefined) =>
      html?.replace(/href="\//g, 'href="http://x.test/');
    const csvNote =
      ' The same numbers, with the intervals\' bounds, are in <a href="summary_parties.csv">summary_parties.csv</a> beside this report.';
    const framing = section(report, 'framing-h');
    assert.ok(framing?.includes(csvNote), 'the framing panel names its CSV');
    assert.equal(framing?.replace(csvNote, ''), onServer(section(page, 'framing-h')));
    assert.match(framing ?? '', /Tone toward US government/);
    assert.match(framing ?? '', /href="http:\/\/x\.test\/search\?[^"]*about&#x3D;/);
    const words = section(report, 'words-h');
    assert.equal(words, onServer(section(page, 'words-h')));
    assert.match(words ?? '', /<ol class="terms"><li><a href="http:\/\/x\.test\/search\?/);

    // Each outlet's tone toward each party, and its n, as summary_parties.csv has them.
    const rows = parse(readFileSync(join(out, STORY, 'summary_parties.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    assert.ok(rows.length >= 10);
    const parties = [...new Set(rows.map((r) => r['party_name']))];
    for (const row of rows) {
      const tr = new RegExp(
        `<tr>\\s*<th scope="row">${(row['outlet_name'] ?? '').replace(/[()]/g, '\\$&')}</th>([\\s\\S]*?)</tr>`,
      ).exec(framing ?? '');
      assert.ok(tr, `a framing row for ${row['outlet_name']}`);
      const cell = tr[1]?.split('</td>')[parties.indexOf(row['party_name'])] ?? '';
      const mean = row['toward_tone_mean'];
      if (!mean) {
        assert.match(cell, />–$/);
        continue;
      }
      const text = Math.abs(Number(mean)).toFixed(2);
      const signed = Number(text) === 0 ? text : `${Number(mean) > 0 ? '+' : '−'}${text}`;
      assert.ok(
        cell.includes(`>${signed}</a>`),
        `${row['outlet_name']} toward ${row['party_name']}: ${signed} in ${cell}`,
      );
      assert.ok(cell.includes(`n ${row['toward_sentence_count']}`), cell);
    }
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

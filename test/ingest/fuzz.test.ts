// Property test of the whole ingest path (reader → analysis → store) with generated
// hostile files of every accepted format: random bytes, invalid UTF-8, UTF-16 with and
// without a byte-order mark, huge lines, deep and wide HTML, entity floods, broken CSV
// quoting, JSONL with wrong types, YAML alias bombs and tags, mutated real fixtures.
// For every input: nothing throws, every file gets an answer (a stored article or a
// one-line reason), and input that stores nothing leaves the database as it was.
//
// `npm test` runs a seeded share (PARALLAX_FUZZ_RUNS, default 300); `npm run test:fuzz`
// runs 10,000 with a fresh seed (printed, with the slowest input, as test diagnostics;
// timings are reported, not asserted). Reproduce a failure with PARALLAX_FUZZ_SEED.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { createAnalyzer } from '../../analysis/pipeline.js';
import type { Analyzer } from '../../analysis/pipeline.js';
import { projectPath } from '../../lib/project-paths.js';
import type { AddResult } from '../../db/store.js';
import { ingestRecords } from '../../ingest/ingest.js';
import { readSources } from '../../ingest/read.js';
import { tempStore } from '../helpers.js';
import type { TempStore } from '../helpers.js';

const RUNS = Number(process.env.PARALLAX_FUZZ_RUNS ?? 300);
const SEED = Number(process.env.PARALLAX_FUZZ_SEED ?? 20261204);

interface Input {
  family: string;
  ext: string;
  bytes: Uint8Array;
}

const EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.csv', '.jsonl'] as const;
const FIXTURES = ['nyt-blinken.txt', 'blog-blinken.html', 'articles.csv', 'articles.jsonl'].map(
  (name) => ({
    ext: name.slice(name.lastIndexOf('.')),
    bytes: new Uint8Array(readFileSync(projectPath('test', 'fixtures', 'ingest', name))),
  }),
);
const SENTENCE = 'Blinken met Wang Yi in Beijing on Sunday, officials said.';

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    bytes[2 * i + (littleEndian ? 0 : 1)] = unit & 0xff;
    bytes[2 * i + (littleEndian ? 1 : 0)] = unit >> 8;
  }
  return bytes;
}

const extension = fc.constantFrom(...EXTENSIONS);

const encoded = (text: fc.Arbitrary<string>) =>
  fc
    .tuple(text, fc.constantFrom('utf8', 'utf8-bom', 'utf16le-bom', 'utf16le', 'utf16be-bom'))
    .map(([t, encoding]) => {
      if (encoding === 'utf8') return utf8(t);
      if (encoding === 'utf8-bom') return utf8('\ufeff' + t);
      return utf16(t, encoding !== 'utf16be-bom', encoding !== 'utf16le');
    });

const randomBytes = fc
  .tuple(extension, fc.uint8Array({ maxLength: 4096 }))
  .map(([ext, bytes]): Input => ({ family: 'random bytes', ext, bytes }));

const anyText = fc
  .tuple(extension, encoded(fc.string({ unit: 'binary', maxLength: 2000 })))
  .map(([ext, bytes]): Input => ({ family: 'text in some encoding', ext, bytes }));

const invalidUtf8 = fc
  .tuple(
    extension,
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })), {
      minLength: 1,
      maxLength: 5,
    }),
  )
  .map(([ext, splices]): Input => {
    const bytes = Array.from(utf8(`---\noutlet: O\nstory: S\n---\n${SENTENCE}\n`));
    for (const [at, byte] of splices) bytes.splice(at % (bytes.length + 1), 0, byte);
    return { family: 'invalid UTF-8', ext, bytes: new Uint8Array(bytes) };
  });

const mutatedFixture = fc
  .tuple(
    fc.nat(FIXTURES.length - 1),
    fc.array(fc.tuple(fc.nat(), fc.nat(255), fc.constantFrom('flip', 'insert', 'delete')), {
      maxLength: 8,
    }),
    fc.option(fc.nat()),
  )
  .map(([which, edits, cut]): Input => {
    const fixture = FIXTURES[which]!;
    const bytes = Array.from(fixture.bytes);
    for (const [at, byte, kind] of edits) {
      const i = at % Math.max(1, bytes.length);
      if (kind === 'flip') bytes[i] = byte;
      else if (kind === 'insert') bytes.splice(i, 0, byte);
      else bytes.splice(i, 1);
    }
    if (cut !== null) bytes.length = cut % (bytes.length + 1);
    return { family: 'mutated fixture', ext: fixture.ext, bytes: new Uint8Array(bytes) };
  });

const hugeLine = fc
  .tuple(
    extension,
    fc.constantFrom('a', '"', '{', ',', 'é', ' ', '-', '\ufffd', 'word '),
    fc.integer({ min: 1_000, max: 200_000 }),
  )
  .map(([ext, unit, count]): Input => ({
    family: 'huge line',
    ext,
    bytes: utf8(unit.repeat(count)),
  }));

const htmlShapes = fc
  .tuple(
    fc.constantFrom('.html', '.htm'),
    fc.constantFrom(
      '<br>',
      '<div>',
      '<div/>',
      '<span>',
      '<p>',
      '<a href="x">',
      '<table><tr><td>',
      '<!--c-->',
      '&amp;',
      '&#x1F600;',
      '&bogus;',
      '<svg><path/>',
      '<li>',
      '<img src=x>',
      '<b><i>',
      '</div>',
      '<',
      '<![CDATA[',
      '<a',
      '<script>',
    ),
    fc.integer({ min: 1, max: 30_000 }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([ext, unit, count, withText, wrapped]): Input => {
    const body = (withText ? `${unit}${SENTENCE} ` : unit).repeat(count);
    const page = wrapped
      ? `<html><head><meta property="og:site_name" content="Outlet"></head><body>${body}</body></html>`
      : body;
    return { family: 'deep or wide HTML', ext, bytes: utf8(page) };
  });

const cell = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '"',
    '""',
    '"a,b"',
    '\n',
    ',',
    '\r\n',
    '"unclosed',
    'x"y',
    SENTENCE,
    '2023-06-18',
  ),
);
const brokenCsv = fc
  .tuple(
    fc.shuffledSubarray(['title', 'outlet', 'story', 'url', 'date', 'author', 'text', 'text', 'x']),
    fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 12 }),
  )
  .map(([header, rows]): Input => ({
    family: 'broken CSV',
    ext: '.csv',
    bytes: utf8([header.join(','), ...rows.map((row) => row.join(','))].join('\n')),
  }));

const fieldValue = fc.oneof(fc.jsonValue(), fc.constant(SENTENCE), fc.constant('2023-06-18'));
const jsonl = fc
  .array(
    fc.oneof(
      fc.json(),
      fc
        .record(
          {
            title: fieldValue,
            outlet: fieldValue,
            story: fieldValue,
            url: fieldValue,
            date: fieldValue,
            author: fieldValue,
            text: fieldValue,
          },
          { requiredKeys: [] },
        )
        .map((record) => JSON.stringify(record)),
      fc.string({ maxLength: 60 }),
    ),
    { maxLength: 12 },
  )
  .map((lines): Input => ({ family: 'JSONL', ext: '.jsonl', bytes: utf8(lines.join('\n')) }));

const yamlBomb = fc
  .tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 12 }))
  .map(([depth, width]) => {
    const lines = [`a0: &a0 [${Array(width).fill('"lol"').join(', ')}]`];
    for (let i = 1; i <= depth; i++) {
      lines.push(
        `a${i}: &a${i} [${Array(width)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    }
    return lines.join('\n');
  });
const yamlTags = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'title',
        'outlet',
        'story',
        'date',
        'author',
        'url',
        'text',
        '__proto__',
        '<<',
      ),
      fc.constantFrom(
        '!!js/function "function () {}"',
        '!custom x',
        '!!binary aGVsbG8=',
        '!!set { a, b }',
        '!!omap [ a: 1 ]',
        '!!float .nan',
        '&x value',
        '*x',
        '[a, b]',
        '{a: b}',
        '|\n  block',
        '"quoted',
        'plain',
      ),
    ),
    { maxLength: 6 },
  )
  .map((pairs) => pairs.map(([key, value]) => `${key}: ${value}`).join('\n'));
const frontMatter = fc
  .tuple(
    fc.constantFrom('.txt', '.md'),
    fc.oneof(yamlBomb, yamlTags, fc.string({ maxLength: 200 })),
    fc.boolean(),
  )
  .map(([ext, yaml, closed]): Input => ({
    family: 'YAML front matter',
    ext,
    bytes: utf8(`---\n${yaml}\n${closed ? '---\n' : ''}${SENTENCE}\n`),
  }));

const hostileInput = fc.oneof(
  randomBytes,
  anyText,
  invalidUtf8,
  mutatedFixture,
  hugeLine,
  htmlShapes,
  brokenCsv,
  jsonl,
  frontMatter,
);

/** Row counts of every table an ingest writes. */
function fingerprint(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return JSON.stringify(
      db
        .prepare(
          `SELECT (SELECT count(*) FROM article) AS articles, (SELECT count(*) FROM segment) AS segments,
             (SELECT count(*) FROM speaker) AS speakers, (SELECT count(*) FROM cue_hit) AS cues,
             (SELECT count(*) FROM outlet) AS outlets, (SELECT count(*) FROM story) AS stories,
             (SELECT count(*) FROM analysis_run) AS runs`,
        )
        .get(),
    );
  } finally {
    db.close();
  }
}

describe('ingest of generated hostile files', () => {
  let temp: TempStore;
  let analyzer: Analyzer;
  before(() => {
    temp = tempStore();
    analyzer = createAnalyzer();
  });
  after(() => temp.cleanup());

  /** Ingests one file and checks the properties every input must hold. */
  async function check(
    input: Input,
    name = 'input',
  ): Promise<{ ms: number; results: AddResult[] }> {
    const file = join(temp.dir, name + input.ext);
    writeFileSync(file, input.bytes);
    const before = fingerprint(temp.store.file);
    const results: AddResult[] = [];
    const started = performance.now();
    const summary = await ingestRecords(
      readSources([file], { defaults: {} }),
      temp.store,
      analyzer,
      { onResult: (result) => results.push(result) },
    );
    const ms = performance.now() - started;
    assert.ok(results.length > 0, `${input.family}: no answer for the file`);
    for (const result of results) {
      assert.ok(result.source.startsWith(file), result.source);
      if (result.status === 'added' || result.status === 'duplicate') continue;
      assert.equal(result.status, 'failed', `${input.family}: ${JSON.stringify(result)}`);
      assert.ok(result.reason.trim().length > 0, `${input.family}: empty reason`);
      assert.doesNotMatch(
        result.reason,
        /\n|\[object |undefined/,
        `${input.family}: ${result.reason}`,
      );
    }
    if (summary.added === 0) {
      assert.equal(
        fingerprint(temp.store.file),
        before,
        `${input.family}: rejected input changed the database`,
      );
    }
    return { ms, results };
  }

  test(`${RUNS.toLocaleString('en')} generated inputs: no crash, an answer for each, rejected input changes nothing`, async (t) => {
    let slowest = { ms: 0, family: '' };
    const families = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(hostileInput, async (input) => {
        const { ms } = await check(input);
        families.set(input.family, (families.get(input.family) ?? 0) + 1);
        if (ms > slowest.ms)
          slowest = { ms, family: `${input.family} (${input.ext}, ${input.bytes.length} bytes)` };
      }),
      { numRuns: RUNS, seed: SEED },
    );
    t.diagnostic(
      `seed ${SEED}; per family: ${[...families].map(([f, n]) => `${f} ${n}`).join(', ')}`,
    );
    t.diagnostic(`slowest input: ${Math.round(slowest.ms)} ms, ${slowest.family}`);
  });

  test('the shapes that used to stall the HTML reader get an answer', async () => {
    const page = (body: string) => utf8(`<html><body><p>${SENTENCE}</p>${body}</body></html>`);
    const shapes: Array<[string, Uint8Array]> = [
      ['40 KB of <br>', page('<br>'.repeat(10_000))],
      ['80 KB of <br>', page('<br>'.repeat(20_000))],
      ['100 KB of &amp;', page('&amp;'.repeat(20_000))],
      ['<div/> × 1,000,000', page('<div/>'.repeat(1_000_000))],
      ['120,000 comments', page('<!--c-->'.repeat(120_000))],
      ['"<a" × 500,000 without a ">"', page('<a'.repeat(500_000))],
    ];
    for (const [name, bytes] of shapes) {
      const { results } = await check({ family: name, ext: '.html', bytes }, 'shape');
      assert.equal(results.length, 1, name);
    }
  });

  test('one 10 MB CSV field is one rejection, not one per chunk', async () => {
    const csv = `title,outlet,story,text\nA,O,S,"${'x'.repeat(10 * 1024 * 1024)}"\nB,O,S,${SENTENCE}\n`;
    const { results } = await check(
      { family: 'huge CSV field', ext: '.csv', bytes: utf8(csv) },
      'huge',
    );
    const reasons = results.flatMap((r) => (r.status === 'failed' ? [r.reason] : []));
    assert.equal(reasons.length, 1, reasons.join('\n'));
    assert.match(
      reasons[0] ?? '',
      /row 2 \(line 2\): longer than the limit .*reading stopped here/,
    );
  });
});

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectPath } from '../../lib/project-paths.js';
import { parseUpload, readSources } from '../../ingest/read.js';
import { IngestError, type IngestResult, type ReadOptions } from '../../ingest/record.js';

const fixtures = projectPath('test', 'fixtures', 'ingest');
const SEED =
  'Secretary of State Antony Blinken will arrive in Beijing on Sunday for a whirlwind diplomatic trip.';
// These tests are about reading files, not about what is long enough to be an article
// (screen.test.ts), so the one-sentence SEED is let through.
const options: ReadOptions = {
  defaults: { outlet: 'CNN', story: 'Blinken in Beijing' },
  limits: { minWords: 0 },
};
let dir = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-read-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function put(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

async function collect(results: AsyncIterable<IngestResult>): Promise<IngestResult[]> {
  const all: IngestResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

async function readOne(path: string, readOptions: ReadOptions = options): Promise<IngestResult> {
  const [result, ...rest] = await collect(readSources([path], readOptions));
  assert.equal(rest.length, 0);
  assert.ok(result);
  return result;
}

async function reasonFor(name: string, content: string | Uint8Array): Promise<string> {
  const result = await readOne(put(name, content));
  assert.ok(result instanceof IngestError, `expected an error for ${name}`);
  return result.reason;
}

test('unreadable files are refused with a reason a person understands', async () => {
  assert.equal(await reasonFor('empty.txt', ''), 'empty file');
  assert.equal(await reasonFor('blank.txt', ' \n\t\n'), 'empty file (only whitespace)');
  assert.match(
    await reasonFor('nul.txt', Buffer.from([0x42, 0x6c, 0x00, 0x00, 0x6e])),
    /^binary file \(contains NUL bytes/,
  );
  const bad = Buffer.concat([
    Buffer.from(SEED.slice(0, 10)),
    Buffer.from([0xc3, 0x28]),
    Buffer.from(' end'),
  ]);
  assert.equal(await reasonFor('latin.txt', bad), 'not UTF-8 (invalid byte sequence at byte 10)');
  assert.equal(
    await reasonFor('latin1.txt', Buffer.from('Qin Gang caf\xe9\n', 'latin1')),
    'not UTF-8 (invalid byte sequence at byte 12)',
  );
  assert.match(
    await reasonFor('noext', SEED),
    /^unsupported file type \(no extension\); accepted: \.txt \.md/,
  );
  assert.match(await reasonFor('a.docx', SEED), /^unsupported file type '\.docx'/);
});

test('UTF-16 with a byte-order mark is decoded; without one it is called binary', async () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED + '\n', 'utf16le')]);
  const record = await readOne(put('utf16.txt', le));
  assert.ok(!(record instanceof IngestError), String(record));
  assert.equal(record.text, SEED + '\n');
  assert.match(await reasonFor('utf16-nobom.txt', Buffer.from(SEED, 'utf16le')), /^binary file/);
});

test('a UTF-8 BOM is dropped and CRLF becomes LF, so offsets count into the stored text', async () => {
  const record = await readOne(
    put('crlf.txt', '\ufeff---\r\ntitle: Blinken\r\n---\r\nOne.\r\n\r\nTwo.\rThree.\r\n'),
  );
  assert.ok(!(record instanceof IngestError), String(record));
  assert.equal(record.title, 'Blinken');
  assert.equal(record.text, 'Blinken\n\nOne.\n\nTwo.\nThree.\n', 'the title first');
  assert.equal(record.givenText, 'One.\n\nTwo.\nThree.\n');
});

test('folders are walked recursively in sorted order, skipping dotfiles', async () => {
  const root = join(dir, 'walk');
  put('walk/b/2.txt', SEED);
  put('walk/b/10.txt', SEED);
  put('walk/a.md', SEED);
  put('walk/.hidden.txt', SEED);
  put('walk/.git/config.txt', SEED);
  put('walk/notes.pdf', SEED);
  const results = await collect(readSources([root], options));
  assert.deepEqual(
    results.map((r) => (r instanceof IngestError ? `error ${r.source}` : r.source)),
    [
      join(root, 'a.md'),
      join(root, 'b', '10.txt'),
      join(root, 'b', '2.txt'),
      `error ${join(root, 'notes.pdf')}`,
    ],
  );
});

test('a missing path is an error and the rest of the batch still goes in', async () => {
  const good = put('good.txt', SEED);
  const results = await collect(readSources([join(dir, 'nope.txt'), good], options));
  assert.equal(results.length, 2);
  assert.ok(results[0] instanceof IngestError);
  assert.equal(results[0].reason, 'no such file or folder');
  assert.ok(!(results[1] instanceof IngestError));
});

test('size and length limits are enforced with the limit in the message', async () => {
  const path = put('big.txt', SEED.repeat(20));
  const big = await readOne(path, { ...options, limits: { maxFileBytes: 1000 } });
  assert.ok(big instanceof IngestError);
  assert.equal(big.reason, 'file larger than the limit (1,000 bytes)');
  const long = await readOne(path, { ...options, limits: { maxArticleChars: 100 } });
  assert.ok(long instanceof IngestError);
  assert.equal(
    long.reason,
    `text longer than the limit (100 characters; this one has ${(SEED.length * 20).toLocaleString('en')})`,
  );
});

test('a streamed CSV that is not UTF-8 is refused whole, before any row goes in', async () => {
  const csv = Buffer.concat([
    Buffer.from(`outlet,story,text\nCNN,s,${SEED}\nCNN,s,caf`),
    Buffer.from([0xe9, 0x0a]),
  ]);
  const results = await collect(readSources([put('bad.csv', csv)], options));
  assert.deepEqual(
    results.map((r) => (r instanceof IngestError ? r.reason : 'article')),
    [`not UTF-8 (invalid byte sequence at byte ${csv.length - 2})`],
  );
});

test('gzip-compressed JSONL and CSV on disk are read as the plain files; a broken one is refused whole', async () => {
  const jsonl = `${JSON.stringify({ outlet: 'AP', story: 'Talks', text: SEED })}\n`;
  const plain = await readOne(put('plain.jsonl', jsonl));
  const packed = await readOne(put('packed.jsonl.gz', gzipSync(jsonl)));
  assert.ok(!(plain instanceof IngestError) && !(packed instanceof IngestError));
  assert.equal(packed.text, plain.text);
  assert.equal(packed.outlet, 'AP');

  const csv = await readOne(
    put('packed.csv.GZ', gzipSync(`outlet,story,text\nBBC,Talks,${SEED}\n`)),
  );
  assert.ok(!(csv instanceof IngestError));
  assert.equal(csv.outlet, 'BBC');

  const whole = gzipSync(`${jsonl}${jsonl.replace('AP', 'NPR')}`);
  const truncated = whole.subarray(0, whole.length - 12);
  const results = await collect(readSources([put('cut.jsonl.gz', truncated)], options));
  assert.deepEqual(
    results.map((r) => (r instanceof IngestError ? r.reason : 'article')),
    ['not a readable gzip file (unexpected end of file)'],
  );
  assert.equal(
    await reasonFor('fake.jsonl.gz', jsonl),
    'not a readable gzip file (incorrect header check)',
  );
  assert.match(
    await reasonFor('notes.txt.gz', gzipSync(SEED)),
    /^unsupported compressed file type '\.txt\.gz'; accepted compressed: \.csv\.gz \.jsonl\.gz/,
  );
  assert.match(await reasonFor('a.docx', SEED), /accepted: .*\.csv\.gz \.jsonl\.gz$/);
});

test('a refused gzip file is closed: a folder of broken archives leaves no file open', async () => {
  const openFiles = () => readdirSync('/proc/self/fd').length;
  const folder = join(dir, 'broken-gz');
  for (let i = 0; i < 20; i++) put(join('broken-gz', `bad-${i}.jsonl.gz`), `not gzip ${i}\n`);
  const before = openFiles();
  const results = await collect(readSources([folder], options));
  assert.equal(results.length, 20);
  assert.ok(results.every((r) => r instanceof IngestError));
  await new Promise((resolve) => setImmediate(resolve));
  assert.ok(openFiles() <= before + 1, `open files ${before} -> ${openFiles()}`);
});

test('an upload is read exactly as the same file from disk', async () => {
  for (const name of readdirSync(fixtures).sort()) {
    const path = join(fixtures, name);
    const fromDisk = await collect(readSources([path], options));
    const uploaded = await collect(
      parseUpload(`C:\\Users\\me\\${name}`, readFileSync(path), options),
    );
    const plain = (results: IngestResult[]) =>
      results.map((r) =>
        r instanceof IngestError
          ? { reason: r.reason }
          : { ...r, source: r.source.replace(path, name) },
      );
    assert.ok(fromDisk.length > 0);
    assert.deepEqual(plain(uploaded), plain(fromDisk), name);
  }
});

test('an upload over the size limit or of an unknown type is refused', async () => {
  const [big] = await collect(
    parseUpload('a.txt', Buffer.from(SEED), { ...options, limits: { maxFileBytes: 10 } }),
  );
  assert.ok(big instanceof IngestError);
  assert.match(big.reason, /^file larger than the limit/);
  const [pdf] = await collect(parseUpload('../../etc/a.pdf', Buffer.from(SEED), options));
  assert.ok(pdf instanceof IngestError);
  assert.equal(pdf.source, 'a.pdf');
});

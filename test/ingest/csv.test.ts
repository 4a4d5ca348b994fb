import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { projectPath } from '../../lib/project-paths.js';
import { readCsv } from '../../ingest/csv.js';
import { DEFAULT_LIMITS, IngestError, type IngestResult } from '../../ingest/record.js';

const fixture = projectPath('test', 'fixtures', 'ingest', 'articles.csv');

/** Feed the text in small pieces, as a file stream would, to exercise chunk boundaries. */
async function* pieces(text: string, size = 37): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function readAll(text: string, defaults = {}): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for await (const result of readCsv(pieces(text), 'articles.csv', defaults, DEFAULT_LIMITS))
    results.push(result);
  return results;
}

/** Each line starts with its expected prefix, and there are as many lines as prefixes. */
function assertStartsWith(lines: string[], prefixes: string[]): void {
  assert.equal(lines.length, prefixes.length, lines.join('\n'));
  prefixes.forEach((prefix, i) =>
    assert.ok(lines[i]?.startsWith(prefix), `${lines[i]} ≠ ${prefix}…`),
  );
}

function describe(results: IngestResult[]): string[] {
  return results.map((r) =>
    r instanceof IngestError ? `error: ${r.reason}` : `article: ${r.source}`,
  );
}

test('good rows go in, a malformed row is reported with its row number, in file order', async () => {
  const results = await readAll(readFileSync(fixture, 'utf8'));
  assertStartsWith(describe(results), [
    'article: articles.csv:row 2',
    'error: malformed CSV at row 3 (line 5): the row has 7 fields where the header has 6',
    'article: articles.csv:row 4',
  ]);
  const [first, , third] = results;
  assert.ok(first && !(first instanceof IngestError));
  assert.equal(first.outlet, 'CNN');
  assert.equal(first.story, 'Blinken in Beijing');
  assert.equal(first.date, '2023-06-17');
  assert.ok(
    first.text.startsWith(
      'Blinken heads to Beijing\n\nSecretary of State Antony Blinken will arrive in Beijing on Sunday',
    ),
    'the title is put first: the text does not open with it',
  );
  assert.equal(
    first.text.split('\n\n').length,
    3,
    'the title, then the quoted multi-line text with its paragraph break',
  );
  assert.ok(third && !(third instanceof IngestError));
  assert.equal(third.title, null, 'an empty cell is null');
  assert.equal(third.outlet, 'The Daily Beast');
  assert.ok(third.text.includes('walk away with a “win” anytime soon'));
});

test('header names are case-insensitive and unknown columns are ignored', async () => {
  const csv =
    'TEXT,Outlet,notes\n"Blinken, the most senior US official to visit China in five years",CNN,x\n';
  const [record] = await readAll(csv, { story: 's' });
  assert.ok(record && !(record instanceof IngestError));
  assert.equal(record.text, 'Blinken, the most senior US official to visit China in five years');
  assert.equal(record.outlet, 'CNN');
});

test('doubled quotes inside a quoted field are one quote', async () => {
  const csv = 'outlet,story,text\nCNN,s,"He said ""no breakthrough"" was expected."\n';
  const [record] = await readAll(csv);
  assert.ok(record && !(record instanceof IngestError));
  assert.equal(record.text, 'He said "no breakthrough" was expected.');
});

test('a header without a text column stops the file with a clear reason', async () => {
  const results = await readAll('title,body\nBlinken,Blinken arrived.\n');
  assertStartsWith(describe(results), [
    "error: malformed CSV at row 1: the header row has no 'text' column (found",
  ]);
});

test('a semicolon-separated file is recognised and the fix named', async () => {
  const results = await readAll('title;outlet;text\nBlinken;CNN;Blinken arrived.\n');
  assert.match(
    describe(results)[0] ?? '',
    /separated by semicolons; save the file as comma-separated CSV$/,
  );
});

test('a column named twice is refused rather than one silently winning', async () => {
  const results = await readAll('text,title,text\na,b,c\n');
  assert.match(describe(results)[0] ?? '', /names the 'text' column twice/);
});

test('a quote that is never closed is reported at its row', async () => {
  const results = await readAll('outlet,story,text\nCNN,s,Fine row\nCNN,s,"unclosed\nmore\n');
  assert.equal(describe(results)[0], 'article: articles.csv:row 2');
  assert.equal(
    describe(results)[1],
    'error: malformed CSV at row 3 (line 3): an unclosed quote from line 3 runs to the end of the file; close the quote',
  );
});

test('invalid field values are per row; a day-first date is read', async () => {
  const csv =
    'outlet,story,date,text\nCNN,s,18/06/2023,Blinken arrived.\nCNN,s,,\nCNN,s,2023-06-18,Blinken met Qin Gang.\n';
  const results = await readAll(csv);
  assertStartsWith(describe(results), [
    'article: articles.csv:row 2',
    "error: row 3 (line 3): no article text (field 'text' is miss",
    'article: articles.csv:row 4',
  ]);
  const first = results[0];
  assert.ok(first && !(first instanceof IngestError));
  assert.equal(first.date, '2023-06-18');
});

test('blank lines are skipped and a header with no rows is reported', async () => {
  assert.deepEqual(describe(await readAll('outlet,story,text\n\nCNN,s,a\n\n')), [
    'article: articles.csv:row 2',
  ]);
  assert.deepEqual(describe(await readAll('outlet,story,text\n')), [
    'error: no articles: the CSV has a header row but no rows below it',
  ]);
});

test('a missing outlet column says how to add one', async () => {
  const [error] = await readAll('story,text\ns,Blinken arrived.\n');
  assert.ok(error instanceof IngestError);
  assert.equal(
    error.reason,
    "row 2 (line 2): missing outlet (add the 'outlet' column or pass --outlet)",
  );
});

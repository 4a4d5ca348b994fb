// Malformed CSV rows are refused once each, in file order, naming the line the row starts
// on and saying what is wrong in plain words (the new-user review of #15).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsv } from '../../ingest/csv.js';
import { DEFAULT_LIMITS, IngestError, type IngestResult } from '../../ingest/record.js';

const HEADER = 'title,outlet,story,text\n';
const GOOD =
  'Blinken heads to Beijing,CNN,Blinken in Beijing,Secretary of State Antony Blinken will arrive in Beijing on Sunday.\n';

/** Feed the text in small pieces, as a file stream would, to exercise chunk boundaries. */
async function* pieces(text: string, size = 11): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function read(text: string): Promise<string[]> {
  const results: IngestResult[] = [];
  for await (const result of readCsv(pieces(text), 'upload.csv', {}, DEFAULT_LIMITS))
    results.push(result);
  return results.map((r) =>
    r instanceof IngestError ? `refused: ${r.reason}` : `article: ${r.source}`,
  );
}

test('partial file: one refusal per bad row, each at its own line, in file order', async () => {
  const csv =
    HEADER +
    GOOD +
    'Blinken meets Qin,CNN,Blinken in Beijing,"Blinken said "candid" talks were held."\n' +
    'Blinken leaves,CNN\n';
  assert.deepEqual(await read(csv), [
    'article: upload.csv:row 2',
    'refused: malformed CSV at row 3 (line 3): a " inside a quoted field is not doubled; double it as ""',
    'refused: malformed CSV at row 4 (line 4): the row has 2 fields where the header has 4; a field or a comma is missing',
  ]);
});

test('an unclosed quote is refused at its line and the rows below it still go in', async () => {
  const csv =
    HEADER +
    'Blinken meets Qin,CNN,Blinken in Beijing,"Blinken said talks were candid.\n' +
    'Blinken leaves,CNN,Blinken in Beijing,Blinken flew home on Monday.\n';
  assert.deepEqual(await read(csv), [
    'refused: malformed CSV at row 2 (line 2): the quote opened on line 2 is not closed on that line and runs over the rows below it (reading goes on at line 3); close the quote, and double any " inside it as ""',
    'article: upload.csv:row 3',
  ]);
});

test('an unclosed quote before quoted rows does not swallow them (spreadsheet export)', async () => {
  // As a spreadsheet saves it: fields with commas or line breaks quoted. The open quote on
  // line 2 would otherwise pair with the quote opening line 3's text and run on.
  const csv =
    HEADER +
    'Blinken meets Qin,CNN,Blinken in Beijing,"Blinken and Qin Gang spoke for five hours.\n' +
    'Blinken meets Wang,Reuters,Blinken in Beijing,"Wang Yi, China\'s top diplomat, met Blinken.\n\nThe talks were ""candid"", a spokesman said."\n' +
    'Blinken leaves,AP,Blinken in Beijing,"Blinken flew home, saying ties had stabilized."\n';
  const lines = await read(csv);
  assert.deepEqual(lines, [
    'refused: malformed CSV at row 2 (line 2): the quote opened on line 2 is not closed on that line and runs over the rows below it (reading goes on at line 3); close the quote, and double any " inside it as ""',
    'article: upload.csv:row 3',
    'article: upload.csv:row 4',
  ]);
});

test('an unclosed quote closed by a stray quote rows later is caught, not read as one field', async () => {
  // csv-parse reads lines 2-4 as one valid row: the quote on line 2 closes at the end of
  // line 4. Line 3 names the same outlet and story as line 2: a row of its own.
  const csv =
    HEADER +
    'Blinken meets Qin,CNN,Blinken in Beijing,"Blinken and Qin Gang spoke for five hours.\n' +
    'Blinken meets Wang,CNN,Blinken in Beijing,Wang Yi met Blinken on Monday.\n' +
    'Blinken leaves,CNN,Blinken in Beijing,Blinken said the talks went "well"\n' +
    GOOD;
  assert.deepEqual(await read(csv), [
    'refused: malformed CSV at row 2 (line 2): the quote opened on line 2 is not closed on that line and runs over the rows below it (reading goes on at line 3); close the quote, and double any " inside it as ""',
    'article: upload.csv:row 3',
    'refused: malformed CSV at row 4 (line 4): a " in the middle of a field that does not start with one; put the whole field in quotes and double the " as ""',
    'article: upload.csv:row 5',
  ]);
});

test('paragraphs inside a quoted body stay one field, commas and all', async () => {
  const body =
    'Blinken arrived in Beijing on Sunday.\n\n' +
    'He met Qin Gang, the foreign minister, for talks, officials said.\n\n' +
    'CNN, Reuters, and AP, among others, covered the visit.';
  const csv = HEADER + `Blinken in Beijing,CNN,Blinken in Beijing,"${body}"\n` + GOOD;
  const results: IngestResult[] = [];
  for await (const result of readCsv(pieces(csv), 'upload.csv', {}, DEFAULT_LIMITS))
    results.push(result);
  const [first] = results;
  assert.ok(first && !(first instanceof IngestError));
  assert.equal(first.text, `Blinken in Beijing\n\n${body}`, 'the title first, then the field');
  assert.equal(first.givenText, body);
  assert.equal(results.length, 2);
});

test('a quoted paragraph that reads like a row of the same outlet stays in its field', async () => {
  // Valid RFC 4180 (as Python's csv.writer writes it): the second paragraph of the body,
  // "CNN, citing two officials, reported …", splits into as many fields as the header and
  // names the row's outlet. The record reads cleanly, so it is never split there.
  const body =
    'Blinken arrived in Beijing on Sunday for two days of talks.\n\n' +
    'Beijing visit,CNN, citing two officials, reported that the talks would resume in May.\n\n' +
    'The officials declined to say more.';
  const csv = HEADER + `Blinken in Beijing,CNN,Blinken in Beijing,"${body}"\n` + GOOD + GOOD;
  const results: IngestResult[] = [];
  for await (const result of readCsv(pieces(csv), 'upload.csv', {}, DEFAULT_LIMITS))
    results.push(result);
  assert.deepEqual(
    results.map((r) => (r instanceof IngestError ? `refused: ${r.reason}` : r.source)),
    ['upload.csv:row 2', 'upload.csv:row 3', 'upload.csv:row 4'],
  );
  const [first] = results;
  assert.ok(first && !(first instanceof IngestError));
  assert.equal(first.givenText, body);
});

test('an undoubled quote pair inside a multi-line body is one refusal, not rows made of paragraphs', async () => {
  const csv =
    HEADER +
    'Blinken in Beijing,CNN,Blinken in Beijing,"Blinken arrived on Sunday.\n' +
    'He called the talks "candid" on Monday.\n' +
    'Qin, Wang, and Xi, in turn, met him.\n' +
    'He flew home."\n' +
    GOOD;
  assert.deepEqual(await read(csv), [
    'refused: malformed CSV at row 2 (line 2): a " inside a quoted field is not doubled (on line 3); double it as ""; the quotes then no longer pair up, so this row ran on to line 5',
    'article: upload.csv:row 3',
  ]);
});

test('a row whose quotes do not pair up runs on as csv-parse reads it, and says how far', async () => {
  const csv =
    HEADER +
    'Blinken meets Qin,CNN,Blinken in Beijing,"Talks were "candid" he said\n' +
    'Blinken leaves,CNN,Blinken in Beijing,"flew "home"\n' +
    GOOD;
  assert.deepEqual(await read(csv), [
    'refused: malformed CSV at row 2 (line 2): a " inside a quoted field is not doubled; double it as ""; the quotes then no longer pair up, so this row ran on to line 3',
    'article: upload.csv:row 3',
  ]);
});

test('line numbers count the line breaks inside quoted fields', async () => {
  const csv =
    HEADER +
    'Blinken heads to Beijing,CNN,Blinken in Beijing,"Blinken will arrive on Sunday.\n\nHe will meet Qin Gang."\n' +
    '\n' +
    'Blinken meets Qin,CNN,Blinken in Beijing,"Talks were "candid"."\n' +
    'Blinken leaves,CNN,Blinken in Beijing,Blinken flew home,on Monday.\n' +
    GOOD;
  assert.deepEqual(await read(csv), [
    'article: upload.csv:row 2',
    'refused: malformed CSV at row 3 (line 6): a " inside a quoted field is not doubled; double it as ""',
    'refused: malformed CSV at row 4 (line 7): the row has 5 fields where the header has 4; a comma inside a field needs the field in quotes',
    'article: upload.csv:row 5',
  ]);
});

test('a quote opening in the middle of a field is refused in plain words', async () => {
  const csv =
    HEADER + 'Blinken meets Qin,CNN,Blinken in Beijing,Talks were "candid" he said\n' + GOOD;
  const [refusal, article] = await read(csv);
  assert.equal(
    refusal,
    'refused: malformed CSV at row 2 (line 2): a " in the middle of a field that does not start with one; put the whole field in quotes and double the " as ""',
  );
  assert.equal(article, 'article: upload.csv:row 3');
});

test('no refusal repeats the parser library’s wording', async () => {
  const csv =
    HEADER + 'Blinken meets Qin,CNN,Blinken in Beijing,"Talks "were" candid "and" long"\n';
  const lines = await read(csv);
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.doesNotMatch(lines[0]!, /delimiter|trimable|Invalid|Quote Not Closed/);
});

test('a good file is read as before: every row an article, numbered from 2', async () => {
  const csv =
    HEADER +
    GOOD +
    'Blinken meets Qin,CNN,Blinken in Beijing,"He said ""no breakthrough"" was expected."\n';
  assert.deepEqual(await read(csv), ['article: upload.csv:row 2', 'article: upload.csv:row 3']);
});

test('an unclosed quote in a file past the size limit is refused and reading goes on', async () => {
  // Room for 100-character articles: the record limit is then 100 + 64 KiB, and the open
  // quote reaches it long before the end of the file.
  const limits = { ...DEFAULT_LIMITS, maxArticleChars: 100 };
  const csv =
    HEADER + 'Blinken meets Qin,CNN,Blinken in Beijing,"Blinken said\n' + GOOD.repeat(1000);
  const results: IngestResult[] = [];
  for await (const result of readCsv(pieces(csv, 4096), 'upload.csv', {}, limits))
    results.push(result);
  const reasons = results.flatMap((r) => (r instanceof IngestError ? [r.reason] : []));
  assert.deepEqual(reasons.slice(0, 1), [
    'malformed CSV at row 2 (line 2): the quote opened on line 2 is not closed on that line and runs over the rows below it (reading goes on at line 3); close the quote, and double any " inside it as ""',
  ]);
  assert.equal(reasons.length, 1);
  assert.equal(results.length, 1001, 'every row below the open quote is read');
});

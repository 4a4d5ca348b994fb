import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { projectPath } from '../../lib/project-paths.js';
import { readJsonl } from '../../ingest/jsonl.js';
import {
  DEFAULT_LIMITS,
  IngestError,
  type IngestLimits,
  type IngestResult,
} from '../../ingest/record.js';

const fixture = projectPath('test', 'fixtures', 'ingest', 'articles.jsonl');

async function* pieces(text: string, size = 41): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function readAll(
  text: string,
  limits: IngestLimits = DEFAULT_LIMITS,
): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for await (const result of readJsonl(
    pieces(text),
    'articles.jsonl',
    { story: 'default-story' },
    limits,
  )) {
    results.push(result);
  }
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

test('good lines go in, bad lines are reported by line number, blank lines skipped', async () => {
  const results = await readAll(readFileSync(fixture, 'utf8'));
  assertStartsWith(describe(results), [
    'article: articles.jsonl:line 1',
    'error: line 3: not valid JSON (Unterminated string i',
    'article: articles.jsonl:line 4',
    'article: articles.jsonl:line 5',
  ]);
  const written = results[2];
  assert.ok(written && !(written instanceof IngestError));
  assert.equal(written.date, '2023-06-17', '"June 17, 2023" is read as a date');
  const last = results[3];
  assert.ok(last && !(last instanceof IngestError));
  assert.equal(last.url, 'https://example.org/nyt/blinken-china');
  assert.equal(last.date, '2023-06-18T09:00:00Z');
  assert.ok(
    last.text.startsWith(`${last.title}\n\nAntony J. Blinken met in Beijing on Sunday`),
    'the title is put first',
  );
  assert.ok(!('section' in last), 'unknown fields are not carried');
});

test('wrong types are reported per line with what was found', async () => {
  const text =
    '{"outlet":"CNN","date":20230618,"text":"Blinken arrived."}\n["CNN"]\n{"outlet":7,"text":"x"}\n';
  assert.deepEqual(describe(await readAll(text)), [
    "error: line 1: field 'date' must be text or empty; got number 20230618",
    'error: line 2: expected one JSON object per line; got a list',
    "error: line 3: field 'outlet' must be text or empty; got number 7",
  ]);
});

test('the story default applies when a line names none; text newlines are LF', async () => {
  const [record] = await readAll(
    '{"outlet":"CNN","text":"Blinken arrived.\\r\\n\\r\\nHe met Qin Gang."}',
  );
  assert.ok(record && !(record instanceof IngestError));
  assert.equal(record.story, 'default-story');
  assert.equal(record.text, 'Blinken arrived.\n\nHe met Qin Gang.');
});

test('a __proto__ key cannot reach the record prototype', async () => {
  const [record] = await readAll(
    '{"outlet":"CNN","text":"Blinken arrived.","__proto__":{"polluted":true}}\n',
  );
  assert.ok(record && !(record instanceof IngestError));
  assert.equal((record as unknown as Record<string, unknown>)['polluted'], undefined);
});

test('text over the limit is refused for that line only', async () => {
  const limits = { ...DEFAULT_LIMITS, maxArticleChars: 20 };
  const long = JSON.stringify({ outlet: 'CNN', text: 'Blinken arrived in Beijing on Sunday.' });
  const huge = JSON.stringify({ outlet: 'CNN', text: 'x'.repeat(500_000) });
  const results = await readAll(`${long}\n${huge}\n{"outlet":"CNN","text":"Short."}\n`, limits);
  assertStartsWith(describe(results), [
    'error: line 1: text longer than the limit (20 char',
    'error: line 2: text longer than the limit (line ov',
    'article: articles.jsonl:line 3',
  ]);
});

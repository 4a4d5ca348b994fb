import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { projectPath } from '../../lib/project-paths.js';
import { readTxt } from '../../ingest/txt.js';
import {
  DEFAULT_LIMITS,
  IngestError,
  type ArticleRecord,
  type IngestResult,
} from '../../ingest/record.js';

const fixture = projectPath('test', 'fixtures', 'ingest', 'nyt-blinken.txt');

function article(result: IngestResult): ArticleRecord {
  assert.ok(!(result instanceof IngestError), `expected an article, got ${String(result)}`);
  return result;
}
function failure(result: IngestResult): string {
  assert.ok(result instanceof IngestError, 'expected an IngestError');
  return result.reason;
}

test('front matter fields become the record; the title, then the text after it kept exactly', () => {
  const raw = readFileSync(fixture, 'utf8');
  const record = article(readTxt(raw, 'nyt-blinken.txt', {}, DEFAULT_LIMITS));
  assert.equal(
    record.title,
    'In China, Blinken Faces Clashing Agendas and a Question: Will Xi Show Up?',
  );
  assert.equal(record.outlet, 'The New York Times');
  assert.equal(record.story, 'Blinken in Beijing, June 2023');
  assert.equal(record.url, 'https://example.org/nyt/blinken-china');
  assert.equal(record.date, '2023-06-18');
  assert.equal(record.author, null);
  assert.equal(record.source, 'nyt-blinken.txt');
  const body = raw.slice(raw.indexOf('\n---\n') + 5);
  // The body does not open with the title: it is put first, so it is scored as the headline.
  assert.equal(record.text, `${record.title}\n\n${body}`);
  assert.equal(record.givenText, body, 'the text as given, for the duplicate check');
  assert.ok(body.startsWith('Antony J. Blinken met in Beijing'));
  assert.equal(body.split('\n').length, 3, 'two paragraph lines and the final newline');
});

test('front matter flags win over defaults, defaults fill what is missing', () => {
  const raw =
    '---\noutlet: CNN\n---\nBlinken, the most senior US official to visit China in five years.\n';
  const record = article(
    readTxt(raw, 'a.txt', { outlet: 'Ignored', story: 'blinken-beijing' }, DEFAULT_LIMITS),
  );
  assert.equal(record.outlet, 'CNN');
  assert.equal(record.story, 'blinken-beijing');
});

test('a file without front matter is all text, outlet and story from the defaults', () => {
  const raw =
    'Secretary of State Antony Blinken will arrive in Beijing on Sunday.\n\nThe top US diplomat…\n';
  const record = article(
    readTxt(raw, 'b.txt', { outlet: 'CNN', story: 'Blinken' }, DEFAULT_LIMITS),
  );
  assert.equal(record.text, raw);
  assert.equal(record.title, null);
});

test('a missing outlet says how to add one', () => {
  const reason = failure(readTxt('Blinken arrived.\n', 'c.txt', { story: 's' }, DEFAULT_LIMITS));
  assert.equal(reason, 'missing outlet (add `outlet:` front matter or pass --outlet)');
  const story = failure(readTxt('Blinken arrived.\n', 'c.txt', { outlet: 'CNN' }, DEFAULT_LIMITS));
  assert.equal(story, 'missing story (add `story:` front matter or pass --story)');
});

test('front matter that is not YAML is reported with its line', () => {
  const reason = failure(
    readTxt('---\ntitle: [Blinken\noutlet: CNN\n---\nText.\n', 'd.txt', {}, DEFAULT_LIMITS),
  );
  assert.match(reason, /^front matter is not valid YAML at line \d+: /);
  const list = failure(readTxt('---\n- CNN\n- Fox\n---\nText.\n', 'd.txt', {}, DEFAULT_LIMITS));
  assert.match(list, /front matter must be `key: value` lines/);
});

test('front matter that is never closed is an error, not swallowed text', () => {
  const reason = failure(
    readTxt('---\ntitle: Blinken\nBlinken arrived.\n', 'e.txt', {}, DEFAULT_LIMITS),
  );
  assert.match(reason, /never closed/);
});

test('YAML values are read as plain text, never evaluated or typed', () => {
  const raw =
    '---\ntitle: 1984\noutlet: !!js/function "function(){}"\nstory: s\nauthor: [Edward Wong, Vivian Wang]\n---\nText.\n';
  const record = article(readTxt(raw, 'f.txt', {}, DEFAULT_LIMITS));
  assert.equal(record.title, '1984');
  assert.equal(record.outlet, 'function(){}');
  assert.equal(record.author, 'Edward Wong, Vivian Wang');
});

test('an unreadable date keeps the article without a date; a url that is not http(s) is refused', () => {
  const kept = readTxt(
    '---\noutlet: CNN\nstory: s\ndate: sometime in June\n---\nText.\n',
    'g.txt',
    {},
    DEFAULT_LIMITS,
  );
  assert.ok(!(kept instanceof IngestError));
  assert.equal(kept.date, null);
  assert.deepEqual(kept.warnings, [
    "date 'sometime in June' not understood; stored without a date",
  ]);
  const url = failure(
    readTxt(
      '---\noutlet: CNN\nstory: s\nurl: javascript:alert(1)\n---\nText.\n',
      'g.txt',
      {},
      DEFAULT_LIMITS,
    ),
  );
  assert.match(url, /^field 'url' must be an http\(s\) address/);
});

test('front matter with no text after it is reported', () => {
  const reason = failure(
    readTxt('---\noutlet: CNN\nstory: s\n---\n\n  \n', 'h.txt', {}, DEFAULT_LIMITS),
  );
  assert.match(reason, /no article text/);
});

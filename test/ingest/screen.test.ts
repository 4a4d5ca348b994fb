// What ingest refuses as not an article: text under the minimum word count, and saved pages
// that are navigation (mostly links) or pages saved from Parallax itself.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { projectPath } from '../../lib/project-paths.js';
import { readHtml } from '../../ingest/html.js';
import { readSources } from '../../ingest/read.js';
import { DEFAULT_LIMITS, IngestError } from '../../ingest/record.js';
import type { IngestResult } from '../../ingest/record.js';
import { screenArticle } from '../../ingest/screen.js';
import { serverFixture } from '../helpers.js';

const fixtures = projectPath('test', 'fixtures', 'ingest');
const defaults = { outlet: 'CNN', story: 'Blinken in Beijing' };
const dir = mkdtempSync(join(tmpdir(), 'parallax-screen-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(...paths: string[]): Promise<IngestResult[]> {
  const all: IngestResult[] = [];
  for await (const result of readSources(paths, { defaults })) all.push(result);
  return all;
}

function reason(result: IngestResult | undefined): string {
  assert.ok(result instanceof IngestError, 'expected a refusal');
  return result.reason;
}

describe('too short to be an article', () => {
  test('a one-word page and {"text":"x"} are refused with the count and the flag to change it', async () => {
    writeFileSync(join(dir, 'one.txt'), 'Blinken\n');
    writeFileSync(join(dir, 'x.jsonl'), '{"text":"x"}\n');
    const [jsonl, txt] = await readAll(join(dir, 'x.jsonl'), join(dir, 'one.txt'));
    assert.equal(
      reason(jsonl),
      'line 1: too short for an article: fewer than 50 words (1; set the minimum with --min-words)',
    );
    assert.equal((jsonl as IngestError).source, join(dir, 'x.jsonl'));
    assert.match(reason(txt), /^too short for an article: fewer than 50 words \(1;/);
  });

  test('real excerpts pass; the minimum is configurable and 0 accepts anything', () => {
    const text = readFileSync(join(fixtures, 'nyt-blinken.txt'), 'utf8');
    const record = {
      title: null,
      outlet: 'The New York Times',
      story: 'Blinken in Beijing',
      url: null,
      date: null,
      author: null,
      text,
      source: 'nyt-blinken.txt',
    };
    assert.equal(screenArticle(record, DEFAULT_LIMITS.minWords), record);
    assert.match(reason(screenArticle(record, 1000)), /fewer than 1000 words/);
    const short = { ...record, text: 'Blinken arrived.' };
    assert.equal(screenArticle(short, 0), short);
  });
});

describe('navigation rather than an article', () => {
  const fx = serverFixture();
  const read = (html: string) => readHtml(html, 'page.html', defaults, DEFAULT_LIMITS);

  test('a saved Parallax page is refused, with or without its generator tag', async () => {
    const page = (await fx.server.get('/stories/blinken-in-beijing-june-2023')).text;
    assert.match(reason(read(page)), /^a page saved from Parallax itself, not an article/);
    // Saved before the tag existed: its charts and tables are mostly links.
    const untagged = page.replace(/<meta name="generator"[^>]*>/, '');
    assert.match(reason(read(untagged)), /^looks like navigation, not an article: \d+ links in/);
  });

  test('a menu page and a list of linked headlines are refused; an article page is not', () => {
    const menu = Array.from(
      { length: 40 },
      (_, i) => `<li><a href="/section/${i}">World news ${i}</a></li>`,
    ).join('');
    assert.match(
      reason(
        read(`<html><body><main><p>Sections of the site.</p><ul>${menu}</ul></main></body></html>`),
      ),
      /^looks like navigation, not an article: 40 links in \d+ words/,
    );
    const headlines = Array.from(
      { length: 8 },
      (_, i) =>
        `<p><a href="/story/${i}">Blinken meets Chinese leaders in Beijing as both sides seek to stabilize ties, part ${i}</a></p>`,
    ).join('');
    assert.match(
      reason(read(`<html><body><article><h1>Latest</h1>${headlines}</article></body></html>`)),
      /^looks like navigation, not an article: \d+% of its text is link text$/,
    );
    const blog = readHtml(
      readFileSync(join(fixtures, 'blog-blinken.html'), 'utf8'),
      'blog-blinken.html',
      defaults,
      DEFAULT_LIMITS,
    );
    assert.ok(!(blog instanceof IngestError), 'the blog article is read');
  });
});

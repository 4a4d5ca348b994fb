// Hostile text stays text: articles whose title, outlet, story, author, URL and body carry
// script, event-handler and markup payloads are ingested, and every page that shows them
// is loaded in headless Chromium. No dialog may open, no injected element may exist, and
// the browser reports no content-security-policy violation (the pages satisfy the policy
// without exceptions, so escaping and the policy each hold on their own).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createAnalyzer } from '../../analysis/pipeline.js';
import type { ArticleRecord } from '../../ingest/record.js';
import { ingestRecords } from '../../ingest/ingest.js';
import { serve, tempStore } from '../helpers.js';
import type { TempStore, TestServer } from '../helpers.js';
import { launchBrowser } from './launch.js';

const MARK = 'xss-injected';
const PAYLOADS = [
  `<script>alert(1)</script>`,
  `<img src=x onerror=alert(2) class=${MARK}>`,
  `"><svg onload=alert(3) class=${MARK}>`,
  `'><iframe src="javascript:alert(4)" class=${MARK}></iframe>`,
  `</title></style></textarea><b class=${MARK} onmouseover=alert(5)>x</b>`,
  `{{constructor.constructor('alert(6)')()}}`,
  `<a href="javascript:alert(7)" class=${MARK}>link</a>`,
];
const hostile = (i: number) => PAYLOADS[i % PAYLOADS.length]!;

function record(i: number, outlet: string): ArticleRecord {
  // Sentences two outlets share, so the aligned-facts page has rows to show.
  const text = [
    `Blinken met Wang Yi in Beijing on Sunday ${hostile(i)} for talks on Taiwan and fentanyl.`,
    `“We want to stabilize relations ${hostile(i + 1)},” said ${hostile(i + 2)} Smith, a senior official.`,
    `Officials played down expectations of a breakthrough ${hostile(i + 3)} before the visit.`,
    `The trip was called off in February over the spy balloon ${hostile(i + 4)}.`,
  ].join('\n\n');
  return {
    title: `Headline ${hostile(i)}`,
    outlet,
    story: `Story ${hostile(5)}`,
    url: `https://example.org/${i}/"><script>alert(8)</script>`,
    date: '2023-06-18',
    author: `Author ${hostile(i + 6)}`,
    text,
    source: `xss-${i}.jsonl`,
  };
}

interface Visit {
  dialogs: string[];
  violations: string[];
}

async function visit(page: Page, url: string): Promise<Visit> {
  const seen: Visit = { dialogs: [], violations: [] };
  const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  };
  const onConsole = (message: { text(): string }) => {
    if (/Content Security Policy|Refused to/i.test(message.text()))
      seen.violations.push(message.text());
  };
  page.on('dialog', onDialog);
  page.on('console', onConsole);
  try {
    await page.goto(url);
    await page.waitForLoadState('load');
  } finally {
    page.off('dialog', onDialog);
    page.off('console', onConsole);
  }
  return seen;
}

describe('hostile text in every page', () => {
  let temp: TempStore;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const paths: string[] = [];

  before(async () => {
    temp = tempStore();
    const records = [
      record(0, `Outlet ${hostile(1)}`),
      record(1, `Outlet ${hostile(2)}`),
      record(2, `Outlet ${hostile(4)}`),
    ];
    const summary = await ingestRecords(records, temp.store, createAnalyzer());
    assert.equal(summary.added, 3, JSON.stringify(summary.rejected));
    server = await serve(temp.store);
    browser = await launchBrowser();
    page = await browser.newPage();

    const [story] = await temp.store.listStories();
    assert.ok(story);
    const base = `/stories/${encodeURIComponent(story.slug)}`;
    paths.push('/', base, `${base}?part=lead`, `${base}?part=body`, `${base}/facts`);
    // The write forms print the same names in their fields, options and confirmations.
    paths.push('/add', `${base}/edit`, `${base}/reanalyze`);
    for (const article of await temp.store.listArticles(story.slug)) {
      paths.push(`/articles/${article.id}`);
      paths.push(`/articles/${article.id}/edit`, `/articles/${article.id}/delete`);
      paths.push(`/outlets/${encodeURIComponent(article.outlet.slug)}/edit`);
      paths.push(`/search?q=blinken&outlet=${encodeURIComponent(article.outlet.slug)}`);
    }
    paths.push(`/search?q=blinken&story=${encodeURIComponent(story.slug)}`);
    paths.push(`/search?q=said&voice=quoted`);
    for (const payload of PAYLOADS) {
      paths.push(`/search?q=${encodeURIComponent(payload)}`);
      paths.push(`/search?q=blinken&speaker=${encodeURIComponent(payload)}`);
      paths.push(`/nowhere/${encodeURIComponent(payload)}`);
    }
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await temp?.cleanup();
  });

  test('no dialog, no injected element, no javascript: link, no policy violation', async () => {
    assert.ok(paths.length > 20);
    for (const path of paths) {
      const seen = await visit(page, server.base + path);
      assert.deepEqual(seen.dialogs, [], path);
      assert.deepEqual(seen.violations, [], path);
      const injected = await page.evaluate(`(() => {
        const all = [...document.querySelectorAll('*')];
        return {
          marked: document.querySelectorAll('.${MARK}').length,
          scripts: document.querySelectorAll('script, iframe, object, embed').length,
          handlers: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
          javascriptLinks: all.filter((el) =>
            ['href', 'xlink:href', 'src', 'action'].some((n) => /^\\s*javascript:/i.test(el.getAttribute(n) ?? ''))).length,
        };
      })()`);
      assert.deepEqual(injected, { marked: 0, scripts: 0, handlers: 0, javascriptLinks: 0 }, path);
    }
    // The payloads are shown as text: the page says what the article says.
    await visit(page, `${server.base}${paths.find((p) => p.startsWith('/articles/'))}`);
    assert.ok(((await page.textContent('body')) ?? '').includes('<script>alert(1)</script>'));
  });
});

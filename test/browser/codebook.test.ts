// A story with its own codebook, end to end in headless Chromium: a Trump–Kim summit story
// from the AllSides talks corpus (read at test time from ../shared, never copied into the
// project) ingested from a JSONL file whose rows name the US–North Korea codebook. Its story
// page must show North Korean officials as their own side (legend, chart, most quoted) and
// nothing of the default US–China codebook. Screenshot: test-results/screenshots/.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { ingestRecords } from '../../ingest/ingest.js';
import { readSources } from '../../ingest/read.js';
import { projectPath } from '../../lib/project-paths.js';
import { serve, tempStore } from '../helpers.js';
import type { TempStore, TestServer } from '../helpers.js';
import { launchBrowser, SHOTS } from './launch.js';

const TALKS = join(projectPath(), '..', 'shared', 'corpora', 'allsides', 'talks.jsonl');
const STORY = 'national-security-2019-02-27';

describe('a US–North Korea story with its codebook', () => {
  let temp: TempStore;
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    temp = tempStore();
    // The story's articles as the corpus has them, each row naming the codebook.
    const rows = readFileSync(TALKS, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((row) => row.story === STORY)
      .map((row) => ({
        title: row.title,
        outlet: row.outlet,
        story: row.story,
        url: row.url,
        date: row.date,
        text: row.text,
        codebook: 'us-north-korea',
      }));
    assert.ok(rows.length >= 2, `${rows.length} articles of ${STORY}`);
    const file = join(temp.dir, 'summit.jsonl');
    writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n'));
    const summary = await ingestRecords(
      readSources([file], { defaults: {} }),
      temp.store,
      createAnalyzer(),
    );
    assert.equal(summary.added, rows.length, JSON.stringify(summary.rejected));
    server = await serve(temp.store);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await temp?.cleanup();
  });

  test('the story is stored with the US–North Korea codebook', async () => {
    const story = await temp.store.getStory(STORY);
    assert.equal(story?.codebook, 'us-north-korea');
  });

  test('the story page shows North Korean officials as their own side', async () => {
    await page.goto(`${server.base}/stories/${STORY}`);
    await page.screenshot({ path: `${SHOTS}/codebook-story.png`, fullPage: true });
    const legend = page.locator('.sides-legend');
    assert.match(await legend.innerText(), /United States and North Korea/);
    assert.deepEqual(await legend.locator('span').allInnerTexts(), [
      'US government',
      'North Korean government',
      'Analyst',
      'Other',
    ]);
    // The voices chart's legend, drawn by Vega into the SVG.
    const chart = await page.locator('section[aria-labelledby="voices-h"] figure svg').innerHTML();
    assert.match(chart, /North Korean government/);
    // Among the most quoted: someone of the North Korean side (Kim Jong Un, KCNA …).
    const quoted = await page.locator('.speaker-ranking li').allInnerTexts();
    assert.ok(
      quoted.some((li) => /North Korean government/.test(li)),
      `most quoted: ${quoted.join(' | ')}`,
    );
    // The framing panel: tone toward each party of this codebook, and none other.
    const framing = page.locator('section[aria-labelledby="framing-h"]');
    await framing.screenshot({ path: `${SHOTS}/codebook-framing.png` });
    assert.deepEqual(await framing.locator('thead th').allInnerTexts(), [
      'Outlet',
      'Tone toward US government',
      'Tone toward North Korean government',
      'Loaded language',
      'Speech verbs by side',
    ]);
    const body = await page.locator('body').innerText();
    assert.doesNotMatch(body, /Chinese government|Chinese officials/);
  });

  test("an article's legend and speakers follow the codebook", async () => {
    const [article] = await temp.store.listArticles(STORY);
    assert.ok(article);
    await page.goto(`${server.base}/articles/${article.id}`);
    const text = await page.locator('body').innerText();
    assert.match(text, /North Korean government/);
    assert.doesNotMatch(text, /Chinese government/);
  });
});

// The pages as a person sees them, in headless Chromium (Debian's package, never a
// downloaded browser). In CI the browser must be there: the suite fails instead of skipping.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { corpusStore, serve } from '../helpers.js';
import { launchBrowser, SHOTS } from './launch.js';
import type { TempStore, TestServer } from '../helpers.js';

describe('pages in a browser', () => {
  let temp: TempStore;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  before(async () => {
    temp = await corpusStore();
    server = await serve(temp.store);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await temp?.cleanup();
  });

  test('the story page shows the five outlets side by side with their headlines', async () => {
    await page.goto(`${server.base}/stories/blinken-in-beijing-june-2023`);
    await page.screenshot({ path: `${SHOTS}/story.png`, fullPage: true });
    assert.equal(await page.locator('h1').textContent(), 'Blinken in Beijing, June 2023');
    const columns = page.locator('.outlet-column');
    assert.equal(await columns.count(), 5);
    // Side by side on a laptop screen: the first row holds several columns.
    const boxes = await Promise.all([0, 1, 2].map(async (i) => columns.nth(i).boundingBox()));
    assert.ok(
      boxes.every((b) => b && Math.abs(b.y - (boxes[0]?.y ?? 0)) < 2),
      'columns share a row',
    );
    const nyt = columns.filter({ hasText: 'The New York Times' });
    assert.match((await nyt.locator('h3').textContent()) ?? '', /Will Xi Show Up\?/);
  });

  test('clicking a headline opens the article with its segments and their kinds', async () => {
    await page.goto(`${server.base}/stories/blinken-in-beijing-june-2023`);
    await page
      .locator('.outlet-column', { hasText: 'blog' })
      .getByRole('link', { name: /Blinken launches high-stakes talks/ })
      .click();
    await page.waitForURL(/\/articles\/\d+$/);
    await page.screenshot({ path: `${SHOTS}/article.png`, fullPage: true });
    const headline = page.locator('.segment[data-kind="headline"]');
    assert.match(
      (await headline.textContent()) ?? '',
      /US-China tensions: Blinken launches high-stakes talks/,
    );
    const byline = page.locator('.segment[data-kind="byline"]').first();
    assert.ok(await byline.isVisible());
    assert.match((await byline.innerText()) ?? '', /BYLINE\s*Written by Dr\. Florence Akano/i);
    const furniture = page.locator('.segment[data-kind="boilerplate"]', {
      hasText: 'Leave a Comment',
    });
    assert.equal(await furniture.count(), 1);
    assert.ok((await page.locator('.segment[data-kind="body"]').count()) > 30);
  });
});

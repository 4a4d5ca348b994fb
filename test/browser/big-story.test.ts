// A story too big for one mark per sentence, as a person sees it in headless Chromium: the
// aggregated dashboard (tone as distributions, articles paginated) and the "still
// computing" page, which must reload itself into the result without any script.
// Screenshots: test-results/screenshots/big-story*.png and computing.png.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../server/app.js';
import { WorkerRunner } from '../../server/compute/page-jobs.js';
import { bigStoryStore, GatedRunner, type TempStore } from '../helpers.js';
import { launchBrowser, SHOTS } from './launch.js';

const STORY = '/stories/blinken-in-beijing-june-2023';

describe('a big story in a browser', () => {
  let temp: TempStore;
  let runner: GatedRunner;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;
  let page: Page;

  before(async () => {
    temp = await bigStoryStore();
    runner = new GatedRunner(
      new WorkerRunner({
        database: temp.store.file,
        budgetMs: 120_000,
        idleMs: 5_000,
        memoryMb: 384,
      }),
    );
    const server = createApp(temp.store, { pageRunner: runner, compute: { waitMs: 0 } }).listen(
      0,
      '127.0.0.1',
    );
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await close?.();
    await runner?.close();
    await temp?.cleanup();
  });

  test('the still-computing page says what it waits for and reloads itself into the result', async () => {
    const response = await page.goto(`${base}${STORY}`);
    assert.equal(response?.status(), 202);
    assert.equal(await page.locator('h2').first().textContent(), 'Still computing');
    assert.match(
      (await page.locator('main').textContent()) ?? '',
      /reloads itself every 2 seconds/,
    );
    await page.screenshot({ path: `${SHOTS}/computing.png`, fullPage: true });
    runner.release();
    // No script: the Refresh header brings the dashboard once it is there.
    await page.waitForSelector('#tone-h', { timeout: 60_000 });
    assert.equal(await page.locator('h1').textContent(), 'Blinken in Beijing, June 2023');
  });

  test('the aggregated dashboard fits a laptop screen and pages its articles', async () => {
    await page.goto(`${base}${STORY}`);
    await page.waitForSelector('#tone-h', { timeout: 60_000 });
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    assert.ok(Number(overflow) <= 0, `the page overflows by ${String(overflow)} px`);
    const tone = page.locator('section[aria-labelledby="tone-h"] figure.chart svg');
    const box = await tone.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 80, 'the tone chart has a readable size');
    await page.screenshot({ path: `${SHOTS}/big-story.png`, fullPage: true });
    assert.equal(await page.locator('table.article-list tbody tr').count(), 50);
    await page.locator('nav.pager a[rel="next"]').first().click();
    await page.waitForURL(/articles=2/);
    assert.ok((await page.locator('table.article-list tbody tr').count()) > 0);
    await page.locator('#articles-h').screenshot({ path: `${SHOTS}/big-story-articles-h.png` });
    await page.screenshot({ path: `${SHOTS}/big-story-page-2.png`, fullPage: true });
  });
});

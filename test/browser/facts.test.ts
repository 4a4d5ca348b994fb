// The aligned-facts page as a researcher sees it on a laptop (1366×900), in headless Chromium.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { corpusStore, serve } from '../helpers.js';
import { launchBrowser, SHOTS } from './launch.js';
import type { TempStore, TestServer } from '../helpers.js';

const FACTS = '/stories/blinken-in-beijing-june-2023/facts';

describe('the aligned-facts page in a browser', () => {
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

  test("a fact shows each outlet's sentence side by side, readable without zooming", async () => {
    await page.goto(server.base + FACTS);
    await page.screenshot({ path: `${SHOTS}/facts.png`, fullPage: true });
    const first = page.locator('section.fact').first();
    assert.match(
      (await first.locator('h2').textContent()) ?? '',
      /Fact 1\s+told by 5 of 5 outlets/,
    );
    const members = first.locator('.fact-member');
    assert.equal(await members.count(), 5);
    const boxes = await Promise.all([0, 1, 2, 3, 4].map((i) => members.nth(i).boundingBox()));
    assert.ok(
      boxes.every((b) => b && Math.abs(b.y - boxes[0]!.y) < 2 && b.width >= 200),
      `members share a row: ${JSON.stringify(boxes)}`,
    );
    // No horizontal scrolling on a laptop, and sentence text at a readable size.
    // The project's types have no DOM library, so page code is passed as text.
    const overflow = await page.evaluate<boolean>(
      'document.documentElement.scrollWidth > window.innerWidth',
    );
    assert.equal(overflow, false);
    const fontSize = await page.evaluate<number>(
      "parseFloat(getComputedStyle(document.querySelector('section.fact .fact-text')).fontSize)",
    );
    assert.ok(fontSize >= 14, `${fontSize}px`);
    assert.ok((await first.locator('mark.shared').count()) >= 5, 'shared words are marked');
  });

  test('an outlet that leaves a fact out has an empty cell saying so', async () => {
    await page.goto(`${server.base}${FACTS}?missing=the-new-york-times`);
    await page.screenshot({ path: `${SHOTS}/facts-missing.png`, fullPage: false });
    const fact = page.locator('section.fact').first();
    const cell = fact.locator('.fact-member.absent[data-outlet="the-new-york-times"]');
    assert.equal(await cell.count(), 1);
    assert.match((await cell.innerText()) ?? '', /Not reported/);
    assert.match((await fact.locator('.fact-missing').innerText()) ?? '', /The New York Times/);
  });

  test('the toggle hides facts told by only two outlets, and a source link opens the sentence', async () => {
    await page.goto(server.base + FACTS);
    const all = await page.locator('section.fact').count();
    await page.getByRole('link', { name: 'Hide facts told by only two outlets' }).click();
    await page.waitForURL(/min=3/);
    const large = await page.locator('section.fact').count();
    assert.ok(large > 0 && large < all, `${large} of ${all}`);
    assert.equal(await page.locator('section.fact[data-outlets="2"]').count(), 0);

    const link = page.locator('section.fact').first().locator('.fact-note a').first();
    const label = (await link.textContent()) ?? '';
    await link.click();
    await page.waitForURL(/\/articles\/\d+#s\d+$/);
    const target = page.locator('.segment:target');
    assert.equal(await target.count(), 1, `target of ${label}`);
    assert.ok((await target.innerText()).length > 20);
  });
});

// The five pages on a phone (390 × 844 CSS pixels), in headless Chromium: nothing wider than
// the screen (no sideways scrolling of the page), and what each page is for still readable.
// Screenshots go to test-results/screenshots/phone-*.png.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserFixture, SHOTS } from './launch.js';

const STORY = '/stories/blinken-in-beijing-june-2023';

/** How far the document is wider than the window, in CSS pixels (0 when it fits). */
async function overflow(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
}

async function open(page: Page, url: string, shot: string): Promise<void> {
  await page.goto(url);
  await page.screenshot({ path: `${SHOTS}/phone-${shot}.png`, fullPage: true });
  assert.equal(await overflow(page), 0, `${url} is wider than a 390-pixel phone`);
}

describe('pages on a 390-pixel phone', () => {
  const fx = browserFixture();
  let phone: Page;
  before(async () => {
    phone = await fx.browser.newPage({ viewport: { width: 390, height: 844 } });
  });

  test('home: the header wraps and each story is a card with labelled counts', async () => {
    await open(phone, `${fx.server.base}/`, 'home');
    const search = await phone.locator('header.site input[name="q"]').boundingBox();
    assert.ok(search && search.x >= 0 && search.x + search.width <= 390, 'search box on screen');
    assert.ok(await phone.getByRole('link', { name: 'Blinken in Beijing, June 2023' }).isVisible());
    // The column heads are hidden; each value carries its own label (CSS ::before).
    const articles = phone.locator('.story-table td[data-label="Articles"]');
    assert.equal(await articles.innerText(), '5');
    const label = await articles.evaluate(
      (td) => td.ownerDocument.defaultView?.getComputedStyle(td, '::before').content,
    );
    assert.equal(label, '"Articles: "');
    assert.ok(await articles.isVisible());
  });

  test('story: tables and charts scroll inside their own boxes at a legible size', async () => {
    await open(phone, `${fx.server.base}${STORY}`, 'story');
    assert.equal(await phone.locator('h1').textContent(), 'Blinken in Beijing, June 2023');
    assert.ok(await phone.locator('.summary-lines li').first().isVisible());
    for (const chart of await phone.locator('figure.chart svg').all()) {
      // Drawn at its own size (labels of about 10 px), not shrunk to the phone's width.
      const scale = Number(
        await chart.evaluate(
          (svg) => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
        ),
      );
      assert.ok(scale > 0.95, `chart scaled to ${scale.toFixed(2)}`);
      const box = await chart.evaluate((svg) => {
        const figure = svg.closest('figure')!.getBoundingClientRect();
        return { left: figure.left, right: figure.right };
      });
      assert.ok(box.left >= 0 && box.right <= 390, 'the chart box stays on screen');
    }
  });

  test('facts: each fact and its sentences fit the screen', async () => {
    await open(phone, `${fx.server.base}${STORY}/facts`, 'facts');
    const first = phone.locator('section.fact').first();
    assert.ok(await first.isVisible());
    const text = await first.locator('.fact-text').first().boundingBox();
    assert.ok(text && text.width > 250, `fact text ${text?.width} px wide`);
  });

  test('article: the text keeps a readable column and the margin moves below it', async () => {
    const [article] = await fx.temp.store.listArticles('blinken-in-beijing-june-2023');
    assert.ok(article);
    await open(phone, `${fx.server.base}/articles/${article.id}`, 'article');
    const row = phone.locator('.paragraph-row', { has: phone.locator('.note-line') }).nth(2);
    const paragraph = await row.locator('.paragraph').boundingBox();
    const margin = await row.locator('.margin').boundingBox();
    assert.ok(paragraph && paragraph.width > 300, `text column ${paragraph?.width} px wide`);
    assert.ok(margin && margin.y >= paragraph.y + paragraph.height - 1, 'margin under the text');
  });

  test('concordance: every line keeps context on both sides of the word', async () => {
    await open(phone, `${fx.server.base}/search?q=expectations`, 'search');
    const rows = phone.locator('table.kwic tbody tr');
    assert.ok((await rows.count()) >= 5);
    for (const row of (await rows.all()).slice(0, 5)) {
      const left = await row.locator('td.left').boundingBox();
      const match = await row.locator('td.match').boundingBox();
      const right = await row.locator('td.right').boundingBox();
      assert.ok(left && match && right, 'three columns');
      assert.ok(left.width > 80 && right.width > 80, `contexts ${left.width} / ${right.width} px`);
      assert.ok(left.x < match.x && match.x < right.x && right.x + right.width <= 390);
      assert.ok(Math.abs(left.y - right.y) < 2, 'contexts on one line with the word');
    }
  });
});

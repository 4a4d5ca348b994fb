// The pages as a person sees them, in headless Chromium (Debian's package, never a
// downloaded browser). In CI the browser must be there: the suite fails instead of skipping.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserFixture, SHOTS } from './launch.js';

describe('pages in a browser', () => {
  const fx = browserFixture();

  test('the story fx.page shows the five outlets side by side with their headlines', async () => {
    await fx.page.goto(`${fx.server.base}/stories/blinken-in-beijing-june-2023`);
    await fx.page.screenshot({ path: `${SHOTS}/story.png`, fullPage: true });
    assert.equal(await fx.page.locator('h1').textContent(), 'Blinken in Beijing, June 2023');
    const columns = fx.page.locator('article.outlet-column');
    assert.equal(await columns.count(), 5);
    // Side by side on a laptop screen: the first row holds several columns.
    const boxes = await Promise.all([0, 1, 2].map(async (i) => columns.nth(i).boundingBox()));
    assert.ok(
      boxes.every((b) => b && Math.abs(b.y - (boxes[0]?.y ?? 0)) < 2),
      'columns share a row',
    );
    const nyt = columns.filter({ hasText: 'The New York Times' });
    assert.match((await nyt.locator('h4').textContent()) ?? '', /Will Xi Show Up\?/);
  });

  test('the dashboard fits a laptop screen and its numbers lead to the sentences', async () => {
    await fx.page.goto(`${fx.server.base}/stories/blinken-in-beijing-june-2023`);
    // Nothing wider than the window: no sideways scrolling on a 1366-pixel laptop.
    const overflow = await fx.page.evaluate(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    assert.ok(Number(overflow) <= 0, `fx.page overflows by ${String(overflow)} px`);
    for (const chart of await fx.page.locator('figure.chart svg').all()) {
      const box = await chart.boundingBox();
      assert.ok(box && box.width > 300 && box.height > 80, 'chart has a readable size');
    }
    // The Daily Beast's lowers rate opens the concordance filtered to those sentences.
    const row = fx.page.locator('table.figures tbody tr', { hasText: 'The Daily Beast' });
    const lowers = row.locator('td').nth(3).locator('a').first();
    const rate = Number(await lowers.textContent());
    const sub = (await row.locator('th .sub').textContent()) ?? '';
    const words = Number(/([\d,]+) words/.exec(sub)?.[1]?.replace(/,/g, ''));
    await lowers.click();
    await fx.page.waitForURL(/\/search\?/);
    const url = new URL(fx.page.url());
    assert.equal(url.searchParams.get('expectation'), 'lowers');
    assert.equal(url.searchParams.get('outlet'), 'the-daily-beast');
    await fx.page.screenshot({ path: `${SHOTS}/story-drilldown.png`, fullPage: true });
    const expected = Math.round((rate * words) / 1000);
    assert.equal(await fx.page.locator('.exp-lowers').count(), expected);
  });

  test('a tick in the tone chart is a link to its sentence in the article', async () => {
    await fx.page.goto(`${fx.server.base}/stories/blinken-in-beijing-june-2023`);
    const href = await fx.page.locator('figure.chart a').first().getAttribute('xlink:href');
    assert.match(href ?? '', /^\/articles\/\d+#s\d+$/);
    await fx.page.goto(`${fx.server.base}${href}`);
    const target = fx.page.locator(':target');
    assert.equal(await target.count(), 1);
    assert.ok(await target.isVisible());
  });

  test('clicking a headline opens the article with its segments and their kinds', async () => {
    await fx.page.goto(`${fx.server.base}/stories/blinken-in-beijing-june-2023`);
    await fx.page
      .locator('.outlet-column', { hasText: 'blog' })
      .getByRole('link', { name: /Blinken launches high-stakes talks/ })
      .click();
    await fx.page.waitForURL(/\/articles\/\d+$/);
    await fx.page.screenshot({ path: `${SHOTS}/article.png`, fullPage: true });
    const headline = fx.page.locator('.segment[data-kind="headline"]');
    assert.match(
      (await headline.textContent()) ?? '',
      /US-China tensions: Blinken launches high-stakes talks/,
    );
    const byline = fx.page.locator('.segment[data-kind="byline"]').first();
    assert.ok(await byline.isVisible());
    assert.match((await byline.innerText()) ?? '', /BYLINE\s*Written by Dr\. Florence Akano/i);
    const furniture = fx.page.locator('.segment[data-kind="boilerplate"]', {
      hasText: 'Leave a Comment',
    });
    assert.equal(await furniture.count(), 1);
    assert.ok((await fx.page.locator('.segment[data-kind="body"]').count()) > 30);
  });
});

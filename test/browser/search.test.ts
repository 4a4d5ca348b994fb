// The concordance as a person uses it, in headless Chromium: search from the header box,
// read keyword-in-context lines with the word marked, narrow by a filter, and follow a line
// to its sentence in the article, scrolled to and highlighted.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserFixture, SHOTS } from './launch.js';

describe('the concordance in a browser', () => {
  const fx = browserFixture();

  test('header search, a filter, and a line that leads to its sentence', async () => {
    await fx.page.goto(`${fx.server.base}/stories/blinken-in-beijing-june-2023`);
    const box = fx.page.locator('header.site input[name="q"]');
    await box.fill('balloon');
    await box.press('Enter');
    await fx.page.waitForURL(/\/search\?q=balloon$/);
    await fx.page.screenshot({ path: `${SHOTS}/search.png` });

    const rows = fx.page.locator('table.kwic tbody tr');
    const all = await rows.count();
    assert.ok(all >= 5);
    // Every line has the word marked in its keyword column, between its two contexts.
    const marks = fx.page.locator('table.kwic td.match mark');
    assert.equal(await marks.count(), all);
    assert.match((await marks.first().textContent()) ?? '', /^balloon/i);
    const left = await rows.first().locator('td.left').boundingBox();
    const match = await rows.first().locator('td.match').boundingBox();
    const right = await rows.first().locator('td.right').boundingBox();
    assert.ok(left && match && right && left.x < match.x && match.x < right.x, 'KWIC columns');
    // Lines fit the laptop screen: the table is not wider than the viewport.
    const table = await fx.page.locator('table.kwic').boundingBox();
    assert.ok(table && table.x + table.width <= 1366);

    await fx.page.locator('select[name="outlet"]').selectOption({ label: 'The Daily Beast' });
    await fx.page.locator('form.search-form button[type="submit"]').click();
    await fx.page.waitForURL(/outlet=the-daily-beast/);
    const narrowed = await rows.count();
    assert.ok(narrowed > 0 && narrowed < all);
    for (const cell of await fx.page
      .locator('table.kwic td.outlet .outlet-name')
      .allTextContents()) {
      assert.equal(cell, 'The Daily Beast');
    }
    assert.match((await fx.page.locator('.active-filters').textContent()) ?? '', /The Daily Beast/);
    await fx.page.screenshot({ path: `${SHOTS}/search-filtered.png` });

    const link = rows.first().locator('td.match a');
    const href = (await link.getAttribute('href')) ?? '';
    const anchor = href.split('#')[1] ?? '';
    await link.click();
    await fx.page.waitForURL(/\/articles\/\d+#s\d+$/);
    const target = fx.page.locator(`#${anchor}`);
    assert.match((await target.textContent()) ?? '', /balloon/i);
    assert.ok(await target.evaluate((el) => el.matches(':target')), 'the sentence is the target');
    const outline = await target.evaluate(
      (el) =>
        (
          globalThis as unknown as { getComputedStyle: (e: unknown) => { outlineStyle: string } }
        ).getComputedStyle(el).outlineStyle,
    );
    assert.equal(outline, 'solid', 'the target sentence is highlighted');
    const box2 = await target.boundingBox();
    assert.ok(box2 && box2.y >= 0 && box2.y < 900, 'the sentence is scrolled into view');
    await fx.page.screenshot({ path: `${SHOTS}/search-target.png` });
  });
});

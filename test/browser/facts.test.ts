// The aligned-facts page as a researcher sees it on a laptop (1366×900), in headless Chromium.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserFixture, SHOTS } from './launch.js';

const FACTS = '/stories/blinken-in-beijing-june-2023/facts';

describe('the aligned-facts page in a browser', () => {
  const fx = browserFixture();

  test("a fact shows each outlet's sentence side by side, readable without zooming", async () => {
    await fx.page.goto(fx.server.base + FACTS);
    await fx.page.screenshot({ path: `${SHOTS}/facts.png`, fullPage: true });
    const first = fx.page.locator('section.fact').first();
    assert.match(
      (await first.locator('h2').textContent()) ?? '',
      /Group 1\s+[3-5] of 5 outlets use these words/,
    );
    // The label says what was matched, never that every outlet "reports" a fact.
    const note = (await first.locator('.fact-note').innerText()) ?? '';
    assert.match(note, /[3-5] outlets use these words: \w+/);
    assert.doesNotMatch(note, /Reported by every outlet/);
    assert.match(
      (await first.locator('.cohesion').innerText()) ?? '',
      /similarity 0\.\d\d · loosest pair 0\.\d\d/,
    );
    assert.match(
      (await first.locator('.fact-member .similarity').first().innerText()) ?? '',
      /similarity 0\.\d\d/,
    );
    const members = first.locator('.fact-member');
    assert.equal(await members.count(), 5);
    const boxes = await Promise.all([0, 1, 2, 3, 4].map((i) => members.nth(i).boundingBox()));
    assert.ok(
      boxes.every((b) => b && Math.abs(b.y - boxes[0]!.y) < 2 && b.width >= 200),
      `members share a row: ${JSON.stringify(boxes)}`,
    );
    // No horizontal scrolling on a laptop, and sentence text at a readable size.
    // The project's types have no DOM library, so fx.page code is passed as text.
    const overflow = await fx.page.evaluate<boolean>(
      'document.documentElement.scrollWidth > window.innerWidth',
    );
    assert.equal(overflow, false);
    const fontSize = await fx.page.evaluate<number>(
      "parseFloat(getComputedStyle(document.querySelector('section.fact .fact-text')).fontSize)",
    );
    assert.ok(fontSize >= 14, `${fontSize}px`);
    assert.ok((await first.locator('mark.shared').count()) >= 5, 'shared words are marked');
  });

  test('an outlet that leaves a fact out has an empty cell saying so', async () => {
    await fx.page.goto(`${fx.server.base}${FACTS}?missing=the-new-york-times`);
    await fx.page.screenshot({ path: `${SHOTS}/facts-missing.png`, fullPage: false });
    const fact = fx.page.locator('section.fact').first();
    const cell = fact.locator('.fact-member.absent[data-outlet="the-new-york-times"]');
    assert.equal(await cell.count(), 1);
    assert.match((await cell.innerText()) ?? '', /No sentence in these words/);
    assert.match((await fact.locator('.fact-missing').innerText()) ?? '', /The New York Times/);
  });

  test('the toggle hides facts told by only two outlets, and a source link opens the sentence', async () => {
    await fx.page.goto(fx.server.base + FACTS);
    const all = await fx.page.locator('section.fact').count();
    await fx.page.getByRole('link', { name: 'Hide groups of only two outlets' }).click();
    await fx.page.waitForURL(/min=3/);
    const large = await fx.page.locator('section.fact').count();
    assert.ok(large > 0 && large < all, `${large} of ${all}`);
    assert.equal(await fx.page.locator('section.fact[data-outlets="2"]').count(), 0);

    const link = fx.page.locator('section.fact').first().locator('.fact-note a').first();
    const label = (await link.textContent()) ?? '';
    await link.click();
    await fx.page.waitForURL(/\/articles\/\d+#s\d+$/);
    const target = fx.page.locator('.segment:target');
    assert.equal(await target.count(), 1, `target of ${label}`);
    assert.ok((await target.innerText()).length > 20);
  });
});

// The write forms in headless Chromium, as a researcher uses them: upload a real fixture
// file from /add and read the results page, then edit a story's title. The pages need no
// script, and the content security policy stays quiet. Screenshots go to
// test-results/screenshots/forms-*.png.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { projectPath } from '../../lib/project-paths.js';
import { browserFixture, SHOTS } from './launch.js';

const STORY = 'blinken-in-beijing-june-2023';

/** Console errors (a CSP violation is one) while `run` drives the page. */
async function consoleErrors(page: Page, run: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const listen = (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') errors.push(message.text());
  };
  page.on('console', listen);
  try {
    await run();
  } finally {
    page.off('console', listen);
  }
  return errors;
}

describe('the write forms in a browser', () => {
  const fx = browserFixture();

  test('upload a fixture file from /add: the results page links the stored article', async () => {
    const page = fx.page;
    const errors = await consoleErrors(page, async () => {
      await page.goto(`${fx.server.base}/`);
      await page.getByRole('link', { name: 'Add articles' }).first().click();
      await page.waitForURL(/\/add$/);
      assert.equal(await page.locator('h1').textContent(), 'Add articles');
      await page.screenshot({ path: `${SHOTS}/forms-add.png`, fullPage: true });

      await page
        .locator('#upload-files')
        .setInputFiles(projectPath('test', 'fixtures', 'ingest', 'nyt-blinken.txt'));
      await page.getByRole('button', { name: 'Upload and add' }).click();
      await page.waitForURL(/\/add\/results\/[A-Za-z0-9_-]{24}$/);
      assert.equal(await page.locator('h1').textContent(), 'What was added');
      const row = page.locator('table.results tbody tr');
      assert.equal(await row.count(), 1);
      assert.equal(await row.locator('code').textContent(), 'nyt-blinken.txt');
      assert.equal(await row.locator('.result-label').textContent(), 'stored');
      await page.screenshot({ path: `${SHOTS}/forms-results.png`, fullPage: true });

      // A reload shows the same results and posts nothing again (the post answered 303).
      const articles = await fx.temp.store.countArticles();
      const reloaded = await page.reload();
      assert.equal(reloaded?.request().method(), 'GET');
      assert.equal(await row.locator('.result-label').textContent(), 'stored');
      assert.equal(await fx.temp.store.countArticles(), articles);

      await row.getByRole('link').click();
      await page.waitForURL(/\/articles\/\d+$/);
      assert.equal(
        await page.locator('h1').textContent(),
        'In China, Blinken Faces Clashing Agendas and a Question: Will Xi Show Up?',
      );
    });
    assert.deepEqual(errors, []);
  });

  test('an upload that starts a story names the codebook chosen and links to where it is changed', async () => {
    const page = fx.page;
    // Written for this test (not from any gold set): an article about North Korea's talks.
    const text = `North Korea and US envoys meet in Hanoi

Envoys from North Korea and the United States met in Hanoi on Wednesday to prepare a second
summit. Pyongyang wants sanctions eased before it gives up more of its nuclear programme, and
Washington wants a full list of North Korea's sites first. A North Korean official said the
talks were useful. Analysts said neither side expected a breakthrough before the leaders meet.`;
    const errors = await consoleErrors(page, async () => {
      await page.goto(`${fx.server.base}/add`);
      await page.locator('#upload-files').setInputFiles({
        name: 'hanoi.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(text),
      });
      await page.locator('#upload-outlet').fill('Test Wire');
      await page.locator('#upload-new-story').fill('Hanoi summit <2019>');
      await page.getByRole('button', { name: 'Upload and add' }).click();
      await page.waitForURL(/\/add\/results\/[A-Za-z0-9_-]{24}$/);
      const chosen = page.locator('section.codebook-choices li');
      assert.equal(
        await chosen.innerText(),
        'Hanoi summit <2019>: United States and North Korea (us-north-korea). ' +
          'Chosen because North Korea named 5 times. Change the codebook',
      );
      await page.screenshot({ path: `${SHOTS}/forms-results-codebook.png`, fullPage: true });
      await chosen.getByRole('link', { name: 'Change the codebook' }).click();
      await page.waitForURL(/\/stories\/hanoi-summit-2019\/edit$/);
      assert.equal(await page.getByLabel('Codebook').inputValue(), 'us-north-korea');
    });
    assert.deepEqual(errors, []);
  });

  test('an upload with bad rows lists each refused row with its reason', async () => {
    const page = fx.page;
    await page.goto(`${fx.server.base}/add`);
    const dir = projectPath('test', 'fixtures', 'ingest');
    await page
      .locator('#upload-files')
      .setInputFiles([`${dir}/articles.csv`, `${dir}/articles.jsonl`]);
    await page.getByRole('button', { name: 'Upload and add' }).click();
    await page.waitForURL(/\/add\/results\/[A-Za-z0-9_-]{24}$/);
    const refused = page.locator('table.results tr.result-rejected');
    assert.ok((await refused.count()) >= 2);
    assert.match(
      await refused.first().innerText(),
      /articles\.csv\s+refused\s+malformed CSV at row 3/,
    );
    await page.screenshot({ path: `${SHOTS}/forms-results-refused.png`, fullPage: true });
  });

  test('edit a story title: the form saves and the story page shows the new title', async () => {
    const page = fx.page;
    const errors = await consoleErrors(page, async () => {
      await page.goto(`${fx.server.base}/stories/${STORY}`);
      await page.getByRole('link', { name: 'Edit the story' }).click();
      await page.waitForURL(/\/edit$/);
      const title = page.getByLabel('Title');
      assert.equal(await title.inputValue(), 'Blinken in Beijing, June 2023');
      await page.screenshot({ path: `${SHOTS}/forms-edit-story.png`, fullPage: true });
      await title.fill('Blinken’s visit to Beijing, June 2023');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(new RegExp(`/stories/${STORY}$`));
      assert.equal(await page.locator('h1').textContent(), 'Blinken’s visit to Beijing, June 2023');
    });
    assert.deepEqual(errors, []);
  });

  test('the delete confirmation and the article edit form read well, and /add fits a phone', async () => {
    const [article] = await fx.temp.store.listArticles(STORY);
    assert.ok(article);
    await fx.page.goto(`${fx.server.base}/articles/${article.id}/delete`);
    assert.ok(await fx.page.getByRole('button', { name: 'Delete this article' }).isVisible());
    await fx.page.screenshot({ path: `${SHOTS}/forms-delete.png`, fullPage: true });
    await fx.page.goto(`${fx.server.base}/articles/${article.id}/edit`);
    await fx.page.screenshot({ path: `${SHOTS}/forms-edit-article.png`, fullPage: true });
    await fx.page.goto(`${fx.server.base}/stories/${STORY}/reanalyze`);
    await fx.page.screenshot({ path: `${SHOTS}/forms-reanalyze.png`, fullPage: true });

    const phone = await fx.browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${fx.server.base}/add`);
    await phone.screenshot({ path: `${SHOTS}/forms-add-phone.png`, fullPage: true });
    const overflow = Number(
      await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
    );
    assert.equal(overflow, 0, '/add is wider than a 390-pixel phone');
    await phone.close();
  });

  test('choose another codebook in the story form: the story is re-analysed and its legend follows', async () => {
    const page = fx.page;
    const errors = await consoleErrors(page, async () => {
      await page.goto(`${fx.server.base}/stories/${STORY}/edit`);
      const codebook = page.getByLabel('Codebook');
      assert.equal(await codebook.inputValue(), 'us-china');
      await codebook.selectOption('us-north-korea');
      await page.screenshot({ path: `${SHOTS}/forms-edit-codebook.png`, fullPage: true });
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(new RegExp(`/stories/${STORY}$`));
      const legend = page.locator('.sides-legend');
      assert.match(await legend.innerText(), /United States and North Korea/);
      assert.deepEqual(await legend.locator('span').allInnerTexts(), [
        'US government',
        'North Korean government',
        'Analyst',
        'Other',
      ]);
      await page
        .locator('.sides-legend')
        .screenshot({ path: `${SHOTS}/forms-codebook-legend.png` });
    });
    assert.deepEqual(errors, []);
  });
});

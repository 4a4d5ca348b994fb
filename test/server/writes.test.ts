// Writes off the request thread: an upload is analysed on a worker thread while pages keep
// answering, one analysing write runs at a time (a second meanwhile gets 503 "busy"), and a
// post answers 303 with a results page that a reload shows again without posting anything.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectPath } from '../../lib/project-paths.js';
import { RecentResults } from '../../server/recent-results.js';
import { WriteSlot } from '../../server/write-slot.js';
import { HttpError } from '../../server/http-error.js';
import { serverFixture } from '../helpers.js';
import { FormSession, message } from './form-session.js';

const STORY = 'blinken-in-beijing-june-2023';

/**
 * A large upload from the bundled corpus's five real articles: `copies` of each, told apart
 * by a numbered last paragraph (the same text twice would be stored once).
 */
function largeUpload(copies: number): string {
  const dir = projectPath('corpus', 'articles');
  const texts = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(`${dir}/${name}`, 'utf8'));
  const rows: string[] = [];
  for (let copy = 0; copy < copies; copy++) {
    texts.forEach((text, i) => {
      rows.push(
        JSON.stringify({
          title: `Copy ${copy} of article ${i}`,
          outlet: `Outlet ${i}`,
          story: 'Load test',
          text: `${text}\n\nThis is copy number ${copy} of the article.`,
        }),
      );
    });
  }
  return rows.join('\n') + '\n';
}

describe('analysing writes from the browser', () => {
  const fx = serverFixture();

  test('pages answer while a large upload is analysed; a second write meanwhile is refused with 503', async () => {
    const session = new FormSession(fx.server.base);
    const { token } = await session.open('/add');
    const before = await fx.temp.store.countArticles();
    const copies = 60;
    let done = false;
    const upload = session
      .upload('/add/files', { _csrf: token }, [{ name: 'load.jsonl', bytes: largeUpload(copies) }])
      .finally(() => (done = true));

    // The test runs on the server's own thread: it can look at the database only when that
    // thread is free. Some articles stored but not all means the upload is under way.
    let partial = false;
    while (!done && !partial) {
      const stored = (await fx.temp.store.countArticles()) - before;
      partial = stored > 0 && stored < copies * 5;
      if (!partial) await sleep(5);
    }
    assert.ok(partial, 'saw the upload partly stored while it ran');

    // The cheapest requests first, so a loaded machine still asks them while the upload runs.
    const second = await session.post('/add', { _csrf: token, text: 'Any text', outlet: 'X' });
    const home = await fx.server.get('/');
    const stillRunning = !done;
    const story = await fx.server.get(`/stories/${STORY}?part=lead`);
    assert.equal(home.status, 200);
    assert.equal(story.status, 200);
    assert.ok(stillRunning, 'the home page answered before the upload finished');
    assert.equal(second.status, 503);
    assert.match(message(second.html), /busy adding articles[\s\S]*Nothing of yours was stored/);

    const posted = await upload;
    assert.equal(posted.status, 303);
    assert.equal(await fx.temp.store.countArticles(), before + copies * 5);
    const results = await session.follow(posted);
    assert.match(results.html, /300 articles stored/);
  });

  test('the results page survives a reload without storing anything again', async () => {
    const session = new FormSession(fx.server.base);
    const { token } = await session.open('/add');
    const posted = await session.upload('/add/files', { _csrf: token }, [
      { name: 'one.jsonl', bytes: largeUpload(1).split('\n')[0]! + '\n' },
    ]);
    assert.equal(posted.status, 303);
    const first = await session.follow(posted);
    const count = await fx.temp.store.countArticles();
    const again = await fx.server.get(posted.location!);
    assert.equal(again.status, 200);
    assert.equal(again.text, first.html);
    assert.equal(await fx.temp.store.countArticles(), count);
  });

  test('an unknown or malformed results id is a 404 saying the results are no longer kept', async () => {
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAAAA', 'short', '..%2F..%2Fetc']) {
      const page = await fx.server.get(`/add/results/${id}`);
      assert.equal(page.status, 404, id);
      assert.match(page.text, /no longer kept/);
    }
  });
});

describe('the write slot', () => {
  test('runs one write at a time and refuses a second with 503 and Retry-After', async () => {
    const slot = new WriteSlot();
    let release = () => {};
    const first = slot.run(
      'adding articles',
      () => new Promise<string>((r) => (release = () => r('done'))),
    );
    await assert.rejects(
      slot.run('re-analysing a story', async () => 'never'),
      (error: unknown) =>
        error instanceof HttpError &&
        error.status === 503 &&
        error.headers['Retry-After'] === '30' &&
        /busy adding articles/.test(error.message),
    );
    release();
    assert.equal(await first, 'done');
    assert.equal(await slot.run('re-analysing a story', async () => 'next'), 'next');
  });

  test('is free again after a write that failed', async () => {
    const slot = new WriteSlot();
    await assert.rejects(slot.run('adding articles', () => Promise.reject(new Error('broken'))));
    assert.equal(slot.busyWith, null);
  });
});

describe('recent results', () => {
  test('are kept under unguessable ids until they expire or are pushed out', () => {
    let now = 0;
    const recent = new RecentResults<string>({ limit: 2, ttlMs: 1000 }, () => now);
    const a = recent.keep('a');
    const b = recent.keep('b');
    assert.match(a, /^[A-Za-z0-9_-]{24}$/);
    assert.notEqual(a, b);
    assert.equal(recent.get(a), 'a');
    const c = recent.keep('c');
    assert.equal(recent.get(a), undefined, 'the oldest is pushed out past the limit');
    assert.equal(recent.get(c), 'c');
    now = 1000;
    assert.equal(recent.get(b), undefined, 'expired');
    assert.equal(recent.get('../../etc/passwd'), undefined);
  });
});

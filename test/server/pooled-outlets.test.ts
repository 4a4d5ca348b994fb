// A story with more outlets than the dashboard gives rows (OUTLETS_SHOWN): the largest have
// a row each and the rest one pooled row whose figures come from their sentences together.
// The fixture is the bundled story plus real cuts of its articles under fifteen more
// outlets: 20 outlets, the five bundled ones with three articles each.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { selectPart } from '../../analysis/comparison/compare.js';
import type { OutletSummary, StorySentence, StorySummary } from '../../db/store.js';
import { OTHER_OUTLETS } from '../../server/api/outlets.js';
import { signed } from '../../server/panels/context.js';
import {
  OUTLETS_SHOWN,
  selectOutlets,
  storyDashboard,
  type StoryDashboard,
} from '../../server/pages/story.js';
import { manyOutletsStore, serve, type TempStore, type TestServer } from '../helpers.js';

const SLUG = 'blinken-in-beijing-june-2023';
const STORY = `/stories/${SLUG}`;

function outlet(slug: string, articleCount: number): OutletSummary {
  return {
    id: articleCount,
    slug,
    name: slug,
    kind: null,
    country: null,
    homepage: null,
    isNameInferred: false,
    articleCount,
  };
}

describe('selectOutlets', () => {
  test('keeps every outlet in story order up to the limit', () => {
    const outlets = [outlet('a', 1), outlet('b', 5), outlet('c', 2)];
    assert.deepEqual(selectOutlets(outlets, 3), { shown: outlets, pooled: [] });
  });
  test('above it, the largest by articles (story order among equals) and the rest pooled', () => {
    const outlets = [outlet('a', 1), outlet('b', 5), outlet('c', 2), outlet('d', 2)];
    const { shown, pooled } = selectOutlets(outlets, 2);
    assert.deepEqual(
      shown.map((o) => o.slug),
      ['b', 'c'],
    );
    assert.deepEqual(
      pooled.map((o) => o.slug),
      ['a', 'd'],
    );
  });
});

describe('a story with more outlets than the dashboard shows', () => {
  let temp: TempStore;
  let story: StorySummary;
  let sentences: StorySentence[];
  let dashboard: StoryDashboard;
  let server: TestServer;
  before(async () => {
    temp = await manyOutletsStore();
    story = (await temp.store.getStory(SLUG))!;
    sentences = await temp.store.storySentences(SLUG);
    dashboard = await storyDashboard(story, sentences, 'all', await temp.store.storyFraming(SLUG));
    server = await serve(temp.store);
  });
  after(async () => {
    await server?.close();
    await temp?.cleanup();
  });

  test('the fixture has more outlets than rows', () => {
    assert.equal(story.outlets.length, 20);
    assert.ok(story.outlets.length > OUTLETS_SHOWN);
  });

  test('gives the largest outlets a row each and pools the rest into one', () => {
    const rows = dashboard.outlets.map((o) => o.slug);
    assert.equal(rows.length, OUTLETS_SHOWN + 1);
    assert.equal(rows.at(-1), OTHER_OUTLETS);
    // The five bundled outlets have three articles each: all of them have a row.
    const bundled = story.outlets.filter((o) => o.articleCount === 3).map((o) => o.slug);
    assert.equal(bundled.length, 5);
    for (const slug of bundled) assert.ok(rows.includes(slug), slug);
    assert.deepEqual(dashboard.pooled, {
      outlets: 20 - OUTLETS_SHOWN,
      articles: 20 - OUTLETS_SHOWN,
      shown: OUTLETS_SHOWN,
    });
  });

  test("the pooled row's figures are those of the pooled outlets' sentences together", () => {
    const shown = new Set(dashboard.outlets.map((o) => o.slug));
    const pooled = selectPart(sentences, 'all').filter((s) => !shown.has(s.outlet));
    const row = dashboard.outlets.at(-1)!;
    assert.equal(row.name, `Other outlets (${20 - OUTLETS_SHOWN})`);
    assert.equal(row.sentences.text, String(pooled.length));
    assert.equal(row.sentences.href, '', 'the concordance cannot list several outlets');
    const words = pooled.reduce((sum, s) => sum + s.words, 0);
    assert.equal(row.words, words);
    const tones = pooled.flatMap((s) => (s.tone === null ? [] : [s.tone]));
    const mean = tones.reduce((a, b) => a + b, 0) / tones.length;
    assert.equal(row.tone?.mean.text, signed(mean));
    const hedges = pooled.reduce((sum, s) => sum + s.hedges, 0);
    assert.equal(row.hedges.text, ((hedges / words) * 1000).toFixed(1));
    assert.equal(row.hedges.n, `n ${hedges}`);
    const lowers = pooled.filter((s) => s.expectation === 'lowers').length;
    assert.equal(row.lowers.n, `n ${lowers}`);
    const quoted = pooled.filter((s) => s.speaker !== null && s.quote !== 'none').length;
    assert.ok(quoted > 0);
    assert.equal(row.quotedShare.n, `${quoted} of ${pooled.length}`);
  });

  test('the page says what the pooled row is and offers every outlet', async () => {
    const page = await server.get(STORY);
    assert.equal(page.status, 200);
    assert.match(page.text, /the 12 with the most articles have a row each/);
    assert.match(page.text, /Other outlets \(8\)/);
    assert.match(page.text, /not averaged from each outlet's figures/);
    assert.match(page.text, /href="\/stories\/blinken-in-beijing-june-2023\?outlets&#x3D;all"/);
    const all = await server.get(`${STORY}?outlets=all`);
    assert.equal(all.status, 200);
    assert.doesNotMatch(all.text, /Other outlets \(/);
    assert.match(all.text, /Every outlet has its own row/);
    for (const o of story.outlets) assert.ok(all.text.includes(`<strong>${o.name}</strong>`));
    const lead = await server.get(`${STORY}?part=lead&outlets=all`);
    assert.match(lead.text, /href="\/stories\/blinken-in-beijing-june-2023\?outlets&#x3D;all"/);
    assert.equal((await server.get(`${STORY}?outlets=some`)).status, 400);
  });

  test('the API and the CSV keep every outlet', async () => {
    const api = JSON.parse((await server.get(`/api/stories/${SLUG}`)).text) as {
      outlets: { outlet: string }[];
    };
    assert.equal(api.outlets.length, 20);
    const csv = await server.get(`/export/summary.csv?story=${SLUG}`);
    assert.equal(csv.text.trim().split('\n').length, 1 + 20);
  });
});

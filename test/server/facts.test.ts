import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { markShared } from '../../server/pages/facts.js';
import { StoryCache } from '../../server/story-cache.js';
import { corpusStore, serve } from '../helpers.js';
import type { TempStore, TestServer } from '../helpers.js';

const STORY = '/stories/blinken-in-beijing-june-2023';

interface PageFact {
  outlets: number;
  members: { outlet: string; text: string }[];
}

/** The facts on the page, each with its members' outlets and plain sentence text. */
function factsOf(html: string): PageFact[] {
  return html
    .split('<section class="fact" ')
    .slice(1)
    .map((section) => ({
      outlets: Number(/data-outlets="(\d+)"/.exec(section)?.[1]),
      members: [
        ...section.matchAll(
          /<div class="fact-member" data-outlet="([^"]+)"[\s\S]*?<p class="fact-text">([\s\S]*?)<\/p>/g,
        ),
      ].map((m) => ({
        outlet: m[1]!,
        text: m[2]!
          .replace(/<[^>]+>/g, '')
          .replace(/&#x27;/g, "'")
          .replace(/&amp;/g, '&'),
      })),
    }));
}

/** The facts of every page of a facts list, following the pager's next links. */
async function allFacts(server: TestServer, path: string): Promise<PageFact[]> {
  const facts: PageFact[] = [];
  for (let next: string | null = path; next !== null;) {
    const page = await server.get(next);
    assert.equal(page.status, 200, `${next}: ${page.status}`);
    facts.push(...factsOf(page.text));
    next =
      /<a href="([^"]+)" rel="next">/
        .exec(page.text)?.[1]
        ?.replace(/&#x3D;/g, '=')
        .replace(/&amp;/g, '&') ?? null;
  }
  return facts;
}

const every = (fact: PageFact, re: RegExp): boolean => fact.members.every((m) => re.test(m.text));
const count = (fact: PageFact, re: RegExp): number =>
  fact.members.filter((m) => re.test(m.text)).length;

describe('aligned facts over the bundled corpus', () => {
  let temp: TempStore;
  let server: TestServer;
  let facts: PageFact[];
  before(async () => {
    temp = await corpusStore();
    server = await serve(temp.store);
    facts = await allFacts(server, `${STORY}/facts`);
  });
  after(async () => {
    await server.close();
    await temp.cleanup();
  });

  test('the page explains the grouping and links back to the story', async () => {
    const page = await server.get(`${STORY}/facts`);
    assert.match(page.text, /How sentences are grouped/);
    assert.match(page.text, /TF-IDF/);
    assert.match(page.text, /<strong>0\.35<\/strong>/);
    assert.ok(page.text.includes(`href="${STORY}"`));
    assert.ok(facts.length > 20, `${facts.length} facts`);
    assert.ok(facts.every((f) => f.members.length === f.outlets && f.outlets >= 2));
    // Most outlets first.
    const sizes = facts.map((f) => f.outlets);
    assert.deepEqual(
      sizes,
      [...sizes].sort((a, b) => b - a),
    );
  });

  test('"first secretary of state to visit since 2018 / in five years" is one fact of 3+ outlets', () => {
    const fact = facts.find(
      (f) => count(f, /since 2018/) >= 1 && count(f, /in five years/) >= 1 && f.outlets >= 3,
    );
    assert.ok(fact, 'no group holds both wordings');
    assert.ok(every(fact, /2018|five years/), JSON.stringify(fact.members));
  });

  test('"the trip was called off in February over the spy balloon" is one fact of 3+ outlets', () => {
    const postponed = /called off|cancel|postpone|scrapped/i;
    const fact = facts.find((f) => every(f, /balloon/) && count(f, postponed) >= 3);
    assert.ok(fact, 'no group of three outlets tells the postponement');
    // Nothing about fentanyl or Taiwan is glued onto it.
    assert.ok(!fact.members.some((m) => /fentanyl|Taiwan/.test(m.text)), JSON.stringify(fact));
  });

  test('"officials tempered expectations" is one fact of 3+ outlets', () => {
    const fact = facts.find((f) => f.outlets >= 3 && every(f, /temper[a-z]* expectations/i));
    assert.ok(fact, 'no group of three outlets tempers expectations');
  });

  test('no fact mixes a sentence about the balloon with one about fentanyl', () => {
    for (const fact of facts) {
      const balloonOnly = fact.members.some(
        (m) => /balloon/.test(m.text) && !/fentanyl/.test(m.text),
      );
      const fentanylOnly = fact.members.some(
        (m) => /fentanyl/.test(m.text) && !/balloon/.test(m.text),
      );
      assert.ok(!(balloonOnly && fentanylOnly), JSON.stringify(fact));
    }
  });

  test('every sentence links to its place in the article', async () => {
    const page = await server.get(`${STORY}/facts`);
    const links = [...page.text.matchAll(/href="\/articles\/(\d+)#s(\d+)"/g)];
    assert.ok(links.length >= factsOf(page.text).reduce((n, f) => n + f.members.length, 0));
    const [, id, position] = links[0]!;
    const article = await server.get(`/articles/${id}`);
    assert.match(article.text, new RegExp(`id="s${position}" data-kind="(body|headline)"`));
  });

  test('facts.json gives the same groups with scores, outlets and links', async () => {
    const page = await server.get(`${STORY}/facts.json`);
    assert.equal(page.status, 200);
    assert.match(page.type ?? '', /application\/json/);
    const data = JSON.parse(page.text) as {
      method: { threshold: number };
      outlets: { slug: string }[];
      facts: {
        outlets: string[];
        missing: string[];
        members: { href: string; text: string; tone: number | null; outlet: string }[];
      }[];
    };
    assert.equal(data.method.threshold, 0.35);
    assert.equal(data.facts.length, facts.length);
    for (const fact of data.facts) {
      assert.equal(fact.outlets.length + fact.missing.length, data.outlets.length);
      assert.deepEqual(
        fact.members.map((m) => m.outlet),
        fact.outlets,
      );
      for (const m of fact.members) assert.match(m.href, /^\/articles\/\d+#s\d+$/);
    }
  });

  test('?outlet, ?missing and ?min keep only the matching facts', async () => {
    const get = async (query: string) =>
      (
        JSON.parse((await server.get(`${STORY}/facts.json${query}`)).text) as {
          facts: { outlets: string[] }[];
        }
      ).facts;
    const tells = await get('?outlet=cnn');
    const leavesOut = await get('?missing=cnn');
    assert.ok(tells.length > 0 && leavesOut.length > 0);
    assert.ok(tells.every((f) => f.outlets.includes('cnn')));
    assert.ok(leavesOut.every((f) => !f.outlets.includes('cnn')));
    assert.equal(tells.length + leavesOut.length, facts.length);
    const large = await get('?min=3');
    assert.equal(large.length, facts.filter((f) => f.outlets >= 3).length);
    const both = await get('?outlet=cnn&missing=the-new-york-times&min=3');
    assert.ok(
      both.every((f) => f.outlets.includes('cnn') && !f.outlets.includes('the-new-york-times')),
    );
    const page = await server.get(`${STORY}/facts?missing=the-new-york-times`);
    assert.match(page.text, /Showing facts The New York Times leaves out/);
    assert.equal(
      (await allFacts(server, `${STORY}/facts?missing=the-new-york-times`)).length,
      facts.filter((f) => !f.members.some((m) => m.outlet === 'the-new-york-times')).length,
    );
  });

  test('a bad filter gets a 400 naming the outlets, an unknown story a 404', async () => {
    const bad = await server.get(`${STORY}/facts?outlet=fox`);
    assert.equal(bad.status, 400);
    assert.match(bad.text, /No outlet “fox” in this story/);
    assert.match(bad.text, /the-new-york-times/);
    assert.equal((await server.get(`${STORY}/facts?min=two`)).status, 400);
    assert.equal((await server.get(`${STORY}/facts?outlet=cnn&outlet=chinafile`)).status, 400);
    assert.equal((await server.get('/stories/no-such-story/facts')).status, 404);
    assert.equal((await server.get('/stories/no-such-story/facts.json')).status, 404);
  });

  test('a story with one outlet says there is nothing to align', async () => {
    const analyzer = createAnalyzer();
    const run = await temp.store.startRun(analyzer.info);
    const text =
      'Blinken lands in Beijing\n\nSecretary of State Antony Blinken arrived in Beijing on Sunday.';
    const [result] = await temp.store.addArticles(
      [
        {
          story: { title: 'A lone story', slug: 'a-lone-story' },
          outlet: { name: 'Lone Wire' },
          title: null,
          url: null,
          author: null,
          publishedDate: null,
          text,
          source: 'lone.txt',
          analysis: analyzer.analyze(text),
        },
      ],
      run.id,
    );
    assert.equal(result?.status, 'added');
    const page = await server.get('/stories/a-lone-story/facts');
    assert.equal(page.status, 200);
    assert.match(page.text, /This story has one outlet: there is nothing to align yet\./);
  });

  // Runs last: it adds an article to the story.
  test('a new article changes the story version, so the cached facts are recomputed', async () => {
    const before = await server.get(`${STORY}/facts`);
    assert.doesNotMatch(before.text, /Test &lt;Wire&gt;/);
    const analyzer = createAnalyzer();
    const run = await temp.store.startRun(analyzer.info);
    const text =
      'Blinken in Beijing <script>alert(1)</script>\n\nSecretary of State Antony Blinken called off his February trip to Beijing over the Chinese spy balloon.';
    const [result] = await temp.store.addArticles(
      [
        {
          story: { title: 'Blinken in Beijing, June 2023', slug: 'blinken-in-beijing-june-2023' },
          outlet: { name: 'Test <Wire>' },
          title: null,
          url: null,
          author: null,
          publishedDate: null,
          text,
          source: 'test-wire.txt',
          analysis: analyzer.analyze(text),
        },
      ],
      run.id,
    );
    assert.equal(result?.status, 'added');
    const after = await server.get(`${STORY}/facts`);
    assert.equal(after.status, 200);
    assert.match(after.text, /<th scope="row">Test &lt;Wire&gt;<\/th>/);
    assert.doesNotMatch(after.text, /<script>alert/);
    assert.ok(
      (await allFacts(server, `${STORY}/facts`)).some((f) =>
        f.members.some((m) => /Test/.test(m.outlet) || /test/.test(m.outlet)),
      ),
    );
  });
});

describe('shared words are marked in the sentence', () => {
  test('words whose stem the fact shares are marked, adjacent ones as one mark', () => {
    const pieces = markShared(
      'But a planned trip by Blinken was canceled in February after the U.S. military shot down a Chinese spy balloon.',
      new Set(['spy', 'balloon', 'februari']),
    );
    assert.deepEqual(
      pieces.filter((p) => p.shared).map((p) => p.text),
      ['February', 'spy balloon'],
    );
    assert.equal(
      pieces.map((p) => p.text).join(''),
      'But a planned trip by Blinken was canceled in February after the U.S. military shot down a Chinese spy balloon.',
    );
  });
});

describe('the story cache', () => {
  test('computes once per version and again when the version changes', async () => {
    const cache = new StoryCache();
    let calls = 0;
    const compute = () => ++calls;
    assert.equal(await cache.cached('facts:a', 'v1', compute), 1);
    assert.equal(await cache.cached('facts:a', 'v1', compute), 1);
    assert.equal(await cache.cached('facts:a', 'v2', compute), 2);
    assert.equal(calls, 2);
  });

  test('concurrent requests share one computation', async () => {
    const cache = new StoryCache();
    let calls = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 20));
    const values = await Promise.all([1, 2, 3].map(() => cache.cached('k', 'v', slow)));
    assert.deepEqual(values, [1, 1, 1]);
  });

  test('drops the least recently used entry beyond its limit', async () => {
    const cache = new StoryCache({ limit: 2 });
    let calls = 0;
    const compute = () => ++calls;
    await cache.cached('a', 'v', compute);
    await cache.cached('b', 'v', compute);
    await cache.cached('a', 'v', compute); // a is now the most recent
    await cache.cached('c', 'v', compute); // evicts b
    assert.equal(cache.size, 2);
    assert.equal(calls, 3);
    await cache.cached('a', 'v', compute);
    assert.equal(calls, 3);
    await cache.cached('b', 'v', compute);
    assert.equal(calls, 4);
  });

  test('a failed computation is not kept', async () => {
    const cache = new StoryCache();
    await assert.rejects(
      cache.cached('k', 'v', () => {
        throw new Error('store gone');
      }),
      /store gone/,
    );
    assert.equal(await cache.cached('k', 'v', () => 7), 7);
  });
});

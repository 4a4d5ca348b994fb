// The JSON API over the bundled corpus: numbers as numbers with intervals as {low, high} and
// shares as fractions, the data stamp on every answer, pagination, and JSON refusals.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { ingestRecords } from '../../ingest/ingest.js';
import { readSources } from '../../ingest/read.js';
import { projectPath } from '../../lib/project-paths.js';
import { serve, serverFixture, tempStore } from '../helpers.js';
import type { TempStore, TestServer } from '../helpers.js';

const STORY = 'blinken-in-beijing-june-2023';

interface Tone {
  mean: number;
  interval: { low: number; high: number };
  level: number;
}

interface Figures {
  outlet: string;
  sentences: number;
  tone: Tone | null;
  quotedShare: number | null;
  voices: Record<string, { count: number; share: number }>;
  expectation: Record<string, { count: number; per1000: number }>;
}

describe('JSON API over the bundled corpus', () => {
  const fx = serverFixture();
  const json = async (path: string) => {
    const response = await fx.server.get(path);
    assert.match(response.type ?? '', /application\/json/, path);
    return { status: response.status, body: JSON.parse(response.text) };
  };

  test('/api/stories lists the story with its outlets, the stamp and the pagination', async () => {
    const { status, body } = await json('/api/stories');
    assert.equal(status, 200);
    const stamp = await fx.temp.store.dataStamp({});
    assert.equal(body.stamp.dataHash, stamp.dataHash);
    assert.equal(body.stamp.articles, 5);
    assert.equal(body.stamp.runs[0].analyzerVersion, '0.1.0');
    assert.deepEqual(body.pagination, { page: 1, perPage: 50, total: 1, pageCount: 1 });
    assert.equal(body.stories[0].slug, STORY);
    assert.equal(body.stories[0].outlets.length, 5);
    assert.equal(typeof body.stories[0].wordCount, 'number');
  });

  test('/api/stories/<slug> gives the dashboard figures as numbers', async () => {
    const { body } = await json(`/api/stories/${STORY}`);
    assert.equal(body.part, 'all');
    assert.equal(body.articles.length, 5);
    const page = JSON.parse((await fx.server.get(`/stories/${STORY}.json`)).text) as {
      outlets: { slug: string; tone: { mean: { text: string } } | null }[];
    };
    for (const f of body.outlets as Figures[]) {
      assert.ok(f.tone, f.outlet);
      const { mean, interval, level } = f.tone;
      assert.ok(interval.low <= mean && mean <= interval.high);
      assert.equal(level, 0.95);
      assert.ok(f.quotedShare !== null && f.quotedShare >= 0 && f.quotedShare <= 1);
      const shares = Object.values(f.voices).reduce((sum, v) => sum + v.share, 0);
      assert.ok(Math.abs(shares - 1) < 1e-9);
      // The page shows the same mean, rounded and signed with a Unicode minus; one that
      // rounds to zero is 0.00, not −0.00 (the `|| 0` turns -0 into 0).
      const shown = page.outlets.find((o) => o.slug === f.outlet)!.tone!.mean.text;
      assert.equal(Number(shown.replace('−', '-')), Number(mean.toFixed(2)) || 0);
    }
    const lead = await json(`/api/stories/${STORY}?part=lead`);
    assert.equal(lead.body.part, 'lead');
    const sentences = (b: { outlets: Figures[] }) =>
      b.outlets.reduce((sum, f) => sum + f.sentences, 0);
    assert.ok(sentences(lead.body) < sentences(body));
  });

  test('/api/stories/<slug>/facts pages through the aligned facts', async () => {
    const first = await json(`/api/stories/${STORY}/facts?per_page=1`);
    assert.equal(first.status, 200);
    assert.equal(first.body.facts.length, 1);
    assert.ok(first.body.pagination.total >= 3);
    assert.equal(first.body.facts[0].number, 1);
    assert.equal(typeof first.body.facts[0].members[0].similarity, 'number');
    const second = await json(`/api/stories/${STORY}/facts?per_page=1&page=2`);
    assert.equal(second.body.facts[0].number, 2);
    const cnn = await json(`/api/stories/${STORY}/facts?outlet=cnn`);
    assert.ok(cnn.body.facts.every((f: { outlets: string[] }) => f.outlets.includes('cnn')));
  });

  test('/api/articles/<id> gives segments with scores and cue hits, speakers and run', async () => {
    const { status, body } = await json('/api/articles/1');
    assert.equal(status, 200);
    assert.equal(body.stamp.articles, 1);
    assert.equal(body.run.id, body.stamp.runs[0].id);
    const scored = body.segments.filter((s: { kind: string }) => s.kind === 'body');
    assert.ok(scored.length > 10);
    assert.equal(typeof scored[0].tone.combined, 'number');
    assert.ok(['lowers', 'raises', 'hedged', 'none'].includes(scored[0].expectation.label));
    const hit = body.segments.flatMap((s: { cueHits: unknown[] }) => s.cueHits)[0];
    assert.equal(typeof hit.weight, 'number');
    assert.ok(body.speakers.length > 0);
    assert.equal(typeof body.speakers[0].isAnonymous, 'boolean');
  });

  test('/api/outlets/<slug> pairs the outlet with the other outlets of each story', async () => {
    const { status, body } = await json('/api/outlets/cnn');
    assert.equal(status, 200);
    assert.equal(body.outlet.name, 'CNN');
    assert.equal(body.outlet.storyCount, 1);
    const [story] = body.stories;
    assert.equal(story.story.slug, STORY);
    assert.equal(story.others.articles, 4);
    assert.equal(story.difference.toneMean, story.outlet.tone.mean - story.others.tone.mean);
    assert.equal(story.difference.quotedShare, story.outlet.quotedShare - story.others.quotedShare);
  });

  test('refusals come back as JSON: unknown things 404, bad parameters 400', async () => {
    const cases: [string, number, RegExp][] = [
      ['/api/stories/nope', 404, /No story “nope”/],
      ['/api/stories/nope/facts', 404, /No story “nope”/],
      ['/api/articles/999999', 404, /No article/],
      ['/api/articles/abc', 404, /No article/],
      ['/api/outlets/nope', 404, /No outlet “nope”/],
      ['/api/stories?per_page=0', 400, /Bad “per_page”/],
      ['/api/stories?page=2', 400, /the last page is 1/],
      ['/api/stories?sort=title', 400, /Bad “sort”/],
      [`/api/stories/${STORY}?part=middle`, 400, /Bad “part”/],
      [`/api/stories/${STORY}/facts?outlet=nope`, 400, /No outlet “nope” in this story/],
      [`/api/stories/${STORY}/facts?min=1`, 400, /Bad “min”/],
      ['/api/articles/1?full=1', 400, /Bad “full”/],
      ['/api/outlets/cnn?page=x', 400, /Bad “page”/],
    ];
    for (const [path, status, message] of cases) {
      const { status: got, body } = await json(path);
      assert.equal(got, status, path);
      assert.equal(body.status, status, path);
      assert.match(body.error, message, path);
    }
  });
});

describe('outlet profiles', () => {
  const fx = serverFixture();

  test('the home page links each outlet to its profile', async () => {
    const home = (await fx.server.get('/')).text;
    assert.match(home, /<a href="\/outlets\/cnn">CNN<\/a>/);
  });

  test('/outlets/<slug> pairs the outlet with the other outlets, story by story', async () => {
    const page = await fx.server.get('/outlets/cnn');
    assert.equal(page.status, 200);
    const html = page.text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
    const api = JSON.parse((await fx.server.get('/api/outlets/cnn')).text);
    const difference = api.stories[0].difference.toneMean as number;
    const shown = `${difference > 0 ? '+' : '−'}${Math.abs(difference).toFixed(2)}`;
    assert.ok(html.includes(`<td class="num">${shown}</td>`), shown);
    assert.match(html, /one story: no interval/);
    assert.match(html, /\[[−+]?\d\.\d\d to [−+]?\d\.\d\d\] \/ \[[−+]?\d\.\d\d to /);
    assert.ok(html.includes(`href="/search?story=${STORY}&outlet=cnn&expectation=lowers"`));
    assert.ok(html.includes('href="/export/summary.csv?outlet=cnn"'));
    const missing = await fx.server.get('/outlets/nope');
    assert.equal(missing.status, 404);
    assert.match(missing.text, /No outlet “nope”/);
  });

  test('/outlets/<slug> pairs the tone toward each party of the story’s codebook', async () => {
    const html = (await fx.server.get('/outlets/cnn')).text;
    assert.match(html, /<h2 id="toward-h-0">Tone toward each party: United States and China<\/h2>/);
    assert.match(html, /<th scope="row">Chinese government<\/th>/);
    const api = JSON.parse((await fx.server.get('/api/outlets/cnn')).text);
    const [story] = api.stories;
    assert.equal(story.codebook.name, 'us-china');
    assert.deepEqual(
      story.toward.map((t: { party: string }) => t.party),
      ['us_gov', 'china_gov'],
    );
  });
});

// Two US–North Korea stories from the AllSides talks corpus (read at test time from
// ../shared, never copied into the project) that USA TODAY covered with other outlets.
const TALKS = join(projectPath(), '..', 'shared', 'corpora', 'allsides', 'talks.jsonl');
const NK_STORIES = ['north-korea-2018-03-09', 'national-security-2019-02-27'];

interface PartyPair {
  party: string;
  outlet: { mean: number; sentences: number } | null;
  others: { mean: number; sentences: number } | null;
  difference: number | null;
}

describe('outlet profiles across stories that share a codebook', () => {
  let temp: TempStore;
  let server: TestServer;

  before(async () => {
    temp = tempStore();
    const rows = readFileSync(TALKS, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((row) => NK_STORIES.includes(String(row.story)))
      .map((row) => ({ ...row, codebook: 'us-north-korea' }));
    const file = join(temp.dir, 'talks.jsonl');
    writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n'));
    const summary = await ingestRecords(
      readSources([file], { defaults: {} }),
      temp.store,
      createAnalyzer(),
    );
    assert.equal(summary.added, rows.length, JSON.stringify(summary.rejected));
    server = await serve(temp.store);
  });

  after(async () => {
    await server?.close();
    await temp?.cleanup();
  });

  test('tone toward North Korea is paired per story and averaged over both stories', async () => {
    const api = JSON.parse((await server.get('/api/outlets/usa-today')).text) as {
      stories: { codebook: { name: string }; toward: PartyPair[] }[];
    };
    assert.equal(api.stories.length, 2);
    const differences: number[] = [];
    for (const story of api.stories) {
      assert.equal(story.codebook.name, 'us-north-korea');
      assert.deepEqual(
        story.toward.map((t) => t.party),
        ['us_gov', 'nk_gov'],
      );
      for (const t of story.toward) {
        const enough = (t.outlet?.sentences ?? 0) >= 5 && (t.others?.sentences ?? 0) >= 5;
        if (!enough) {
          assert.equal(t.difference, null, 'fewer than 5 sentences: no difference');
          continue;
        }
        assert.equal(t.difference, t.outlet!.mean - t.others!.mean);
        if (t.party === 'nk_gov') differences.push(t.difference!);
      }
    }
    assert.ok(differences.length > 0, 'some story has 5 sentences about North Korea on each side');
    const html = (await server.get('/outlets/usa-today')).text;
    assert.match(html, /Tone toward each party: United States and North Korea/);
    assert.match(html, /<th scope="row">North Korean government<\/th>/);
    assert.doesNotMatch(html, /Chinese government/);
    const mean = differences.reduce((a, b) => a + b, 0) / differences.length;
    const shown = `${mean > 0 ? '+' : '−'}${Math.abs(mean).toFixed(2)}`;
    assert.match(
      html,
      new RegExp(`<th scope="row">North Korean government</th><td class="num">${shown}</td>`),
    );
    // The outlet's figure links to its sentences about the party in that story.
    assert.match(
      html.replace(/&amp;/g, '&').replace(/&#x3D;/g, '='),
      /href="\/search\?story=north-korea-2018-03-09&outlet=usa-today&about=/,
    );
  });
});

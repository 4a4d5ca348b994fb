// The behaviour every Store implementation owes the rest of Parallax, written against the
// Store interface only (db/store.ts): storeContract(name, factory) runs the same tests on
// any store the factory makes. test/db/store-contract.test.ts runs it on the SQLite store;
// a second store passes when it passes these.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { EditConflict } from '../../db/store.js';
import type { NewArticle, Store } from '../../db/store.js';
import { brotliCompressSync } from 'node:zlib';
import { KeptPages, packValue, pageCodeVersion, taskKey } from '../../server/compute/kept-pages.js';
import type { PageTask, TaskValue } from '../../server/compute/tasks.js';
import { plainSentence } from '../../db/sentence-row.js';

export interface StoreUnderTest {
  store: Store;
  cleanup: () => Promise<void>;
}

const analyzer = createAnalyzer();

/** Kept bytes as a plain Uint8Array (the stores return Buffers), to compare with deepEqual. */
function bytes(value: Uint8Array | null): Uint8Array {
  assert.ok(value !== null, 'kept');
  return Uint8Array.from(value);
}

const TEXTS = {
  cnn: `Blinken arrives in Beijing

Secretary of State Antony Blinken will arrive in Beijing on Sunday for a rare visit. “We are not expecting a breakthrough,” a senior State Department official told reporters.

Officials played down expectations for the talks, which may ease tensions.`,
  xinhua: `Qin Gang holds talks with Blinken

Chinese Foreign Minister Qin Gang held talks with Antony Blinken in Beijing on Sunday. Qin said the relationship is at its lowest point since it was established.`,
};

function article(outlet: 'cnn' | 'xinhua', text: string = TEXTS[outlet]): NewArticle {
  return {
    story: { title: 'Blinken in Beijing', description: 'A visit' },
    outlet: { name: outlet === 'cnn' ? 'CNN' : 'Xinhua', kind: null },
    title: null,
    url: `https://example.com/${outlet}`,
    author: null,
    publishedDate: outlet === 'cnn' ? '2023-06-17' : '2023-06-18',
    text,
    source: `${outlet}.txt`,
    analysis: analyzer.analyze(text),
  };
}

export function storeContract(name: string, factory: () => Promise<StoreUnderTest>): void {
  describe(`Store contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: Store;
    let runId: number;
    const ids: Record<string, number> = {};

    before(async () => {
      subject = await factory();
      store = subject.store;
      const run = await store.startRun(analyzer.info);
      runId = run.id;
      assert.equal(run.status, 'running');
      assert.equal(run.lexiconHash, analyzer.info.lexiconHash);
      const results = await store.addArticles([article('cnn'), article('xinhua')], runId);
      for (const result of results) {
        assert.equal(result.status, 'added', JSON.stringify(result));
        if (result.status === 'added') ids[result.source] = result.articleId;
      }
      await store.finishRun(runId, 'done');
    });
    after(() => subject.cleanup());

    test('an article added twice is stored once, and found by its text', async () => {
      const [again] = await store.addArticles([article('cnn')], runId);
      assert.deepEqual(again, {
        status: 'duplicate',
        articleId: ids['cnn.txt'],
        source: 'cnn.txt',
      });
      assert.equal(await store.countArticles(), 2);
      assert.equal(await store.findByText(TEXTS.xinhua), ids['xinhua.txt']);
      assert.equal(await store.findByText('never stored'), null);
    });

    test('one story with both outlets, found by the slug made from its title', async () => {
      const stories = await store.listStories();
      assert.equal(stories.length, 1);
      const story = stories[0]!;
      assert.equal(story.slug, 'blinken-in-beijing');
      assert.deepEqual(story.outlets.map((o) => [o.name, o.articleCount]).sort(), [
        ['CNN', 1],
        ['Xinhua', 1],
      ]);
      assert.deepEqual(await store.getStory(story.slug), story);
      assert.equal(await store.getStory('no-such-story'), null);
      const articles = await store.listArticles(story.slug);
      assert.equal(articles.length, 2);
      assert.equal(
        articles.find((a) => a.id === ids['cnn.txt'])?.headline,
        'Blinken arrives in Beijing',
      );
    });

    test('an article comes back whole: text, segments with offsets, speakers, cues, run', async () => {
      const stored = await store.getArticle(ids['cnn.txt']!);
      assert.ok(stored);
      assert.equal(stored.text, TEXTS.cnn);
      const analysis = article('cnn').analysis;
      assert.equal(stored.segments.length, analysis.segments.length);
      for (const segment of stored.segments) {
        assert.equal(TEXTS.cnn.slice(segment.start, segment.end), segment.text);
      }
      assert.deepEqual(
        stored.segments.map((s) => s.expectation),
        analysis.segments.map((s) => s.expectation?.label ?? null),
      );
      assert.deepEqual(
        stored.speakers.map((s) => [s.name, s.side, s.isAnonymous]),
        analysis.speakers.map((s) => [s.name, s.side, s.anonymous]),
      );
      const cues = stored.segments.reduce((n, s) => n + s.cueHits.length, 0);
      assert.equal(cues, analysis.cueHits.length);
      // Each sentence keeps its own speaker and cue hits (PostgreSQL links them by position
      // inside one statement).
      const speakerPosition = new Map(stored.speakers.map((s) => [s.id, s.position]));
      assert.deepEqual(
        stored.segments.map((s) =>
          s.speakerId === null ? null : speakerPosition.get(s.speakerId),
        ),
        analysis.segments.map((s) => s.speaker),
      );
      const cue = (c: { lexicon: string; entry: string; start: number; end: number }) =>
        `${c.lexicon} ${c.entry} ${c.start}-${c.end}`;
      assert.deepEqual(
        stored.segments.map((s) => s.cueHits.map(cue).sort()),
        analysis.segments.map((_, i) =>
          analysis.cueHits
            .filter((h) => h.segment === i)
            .map(cue)
            .sort(),
        ),
      );
      assert.equal(stored.run.id, runId);
      assert.equal(stored.run.status, 'done');
      assert.equal(await store.getArticle(999_999), null);
    });

    test('story sentences are the scored ones, in reading order', async () => {
      const sentences = await store.storySentences('blinken-in-beijing');
      const scored = [article('cnn'), article('xinhua')].reduce(
        (n, a) => n + a.analysis.segments.filter((s) => s.tone !== null).length,
        0,
      );
      assert.equal(sentences.length, scored);
      assert.ok(sentences.every((s) => s.kind === 'headline' || s.kind === 'body'));
      const cnn = sentences.filter((s) => s.outlet === sentences[0]!.outlet);
      assert.deepEqual(
        cnn.map((s) => s.position),
        [...cnn.map((s) => s.position)].sort((a, b) => a - b),
      );
    });

    test('story sentences share their repeated values and match the concordance row for row', async () => {
      const sentences = await store.storySentences('blinken-in-beijing');
      // Equal issue lists are one frozen array: a big story holds one per distinct list.
      const byList = new Map<string, (typeof sentences)[number]['issues']>();
      let shared = 0;
      for (const s of sentences) {
        const key = s.issues.join('|');
        const first = byList.get(key);
        if (first === undefined) byList.set(key, s.issues);
        else {
          assert.equal(s.issues, first, `issues [${key}] of sentence ${s.segmentId}`);
          shared++;
        }
        assert.ok(Object.isFrozen(s.issues));
      }
      assert.ok(shared > 0, 'no two sentences with the same issues');
      // Pooling changes no value: each sentence is the concordance's row of it, field by field.
      const rows = new Map(
        (
          await store.searchSentences({
            terms: [],
            story: 'blinken-in-beijing',
            offset: 0,
            limit: 1000,
          })
        ).rows.map((r) => [r.segmentId, r]),
      );
      assert.equal(rows.size, sentences.length);
      for (const s of sentences) {
        const row = rows.get(s.segmentId)!;
        // A store may read its sentences through getters (db/sentence-row.ts): compared as
        // plain objects of StorySentence's fields.
        const plain = plainSentence(s);
        const same = Object.fromEntries(
          Object.keys(plain).map((k) => [k, row[k as keyof typeof row]]),
        );
        assert.deepEqual({ ...plain, issues: [...s.issues] }, { ...same, issues: [...row.issues] });
      }
    });

    test('the concordance finds a word, stemmed, with its offsets, and narrows by filters', async () => {
      const query = { terms: [{ text: 'expectation', prefix: false }], offset: 0, limit: 10 };
      const found = await store.searchSentences(query);
      // Stemmed: "expecting" is found too.
      assert.equal(found.total, 2);
      assert.deepEqual(
        found.rows.map((row) => row.matches.map((m) => row.text.slice(m.start, m.end))),
        [['expecting'], ['expectations']],
      );
      const none = await store.searchSentences({ ...query, outlet: 'xinhua' });
      assert.deepEqual(none, { total: 0, more: false, rows: [] });
      const categories = await store.cueCategories();
      assert.ok(categories.some((c) => c.lexicon === 'expectation'));
    });

    test('past its count limit the concordance stops counting and pages in stored order', async () => {
      const every = await store.searchSentences({ terms: [], offset: 0, limit: 100 });
      assert.equal(every.more, false);
      assert.ok(every.total > 6, `${every.total} sentences`);
      const stored = every.rows.map((r) => r.segmentId).sort((a, b) => a - b);
      const page = (offset: number, countLimit: number) =>
        store.searchSentences({ terms: [], offset, limit: 3, countLimit });
      const first = await page(0, 4);
      assert.equal(first.total, 4);
      assert.equal(first.more, true);
      assert.deepEqual(
        first.rows.map((r) => r.segmentId),
        stored.slice(0, 3),
      );
      // Pages go on past the count limit, in the same order, until the matches end.
      const second = await page(3, 4);
      assert.deepEqual(
        second.rows.map((r) => r.segmentId),
        stored.slice(3, 6),
      );
      assert.equal((await page(every.total, 4)).rows.length, 0);
      // At or above the total the count is exact and the order the usual one.
      const exact = await page(0, every.total);
      assert.deepEqual(exact, { ...exact, total: every.total, more: false });
      assert.deepEqual(
        exact.rows.map((r) => r.segmentId),
        every.rows.slice(0, 3).map((r) => r.segmentId),
      );
      const word = await store.searchSentences({
        terms: [{ text: 'Blinken', prefix: false }],
        offset: 0,
        limit: 10,
        countLimit: 1,
      });
      assert.equal(word.more, true);
      assert.ok(word.rows.length > 1);
      assert.ok(word.rows.every((r) => r.matches.length > 0));
    });

    test('a kept page is read back for its task and version only, and replaced by the next', async () => {
      const task = JSON.stringify({ kind: 'facts', slug: 'blinken-in-beijing' });
      const version = await store.storyVersion('blinken-in-beijing');
      const one = Uint8Array.from([0, 1, 2, 0xff, 0x7b]);
      const two = Uint8Array.from([0x80, 0, 0xfe]);
      assert.equal(await store.keptPage(task, version), null);
      await store.keepPage(task, 'blinken-in-beijing', version, one);
      assert.deepEqual(bytes(await store.keptPage(task, version)), one);
      assert.equal(await store.keptPage(task, `${version}x`), null, 'another version');
      assert.equal(await store.keptPage(JSON.stringify({ kind: 'other' }), version), null);
      await store.keepPage(task, 'blinken-in-beijing', `${version}x`, two);
      assert.equal(await store.keptPage(task, version), null, 'replaced, not added');
      assert.deepEqual(bytes(await store.keptPage(task, `${version}x`)), two);
    });

    test('kept bytes come back exactly, a view into a larger buffer as its own bytes', async () => {
      const task = JSON.stringify({ kind: 'facts', slug: 'bytes' });
      // 1 MB of every byte value (SQLite overflow pages, PostgreSQL TOAST), then a view.
      const big = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 7919) % 251);
      await store.keepPage(task, 'bytes', 'v', big);
      assert.ok(Buffer.from(big).equals(bytes(await store.keptPage(task, 'v'))));
      const view = big.subarray(1000, 1010);
      await store.keepPage(task, 'bytes', 'v', view);
      assert.deepEqual(bytes(await store.keptPage(task, 'v')), Uint8Array.from(view));
      await store.keepPage(task, 'bytes', 'v', new Uint8Array(0));
      assert.deepEqual(bytes(await store.keptPage(task, 'v')), new Uint8Array(0));
    });

    test('KeptPages keeps a value compressed and reads it back exactly', async () => {
      const kept = new KeptPages(store);
      const task: PageTask = { kind: 'facts', slug: 'blinken-in-beijing' };
      const version = await store.storyVersion('blinken-in-beijing');
      // A large, repetitive value as a dashboard's is (its SVG charts, one row per outlet),
      // with text beyond ASCII and numbers JSON must give back exactly.
      const value = {
        groups: Array.from({ length: 5000 }, (_, i) => ({
          id: i,
          outlet: `outlet-${i % 40}`,
          text: `Blinken said “talks” were ${i % 3 === 0 ? 'constructive' : 'candid'} — 会谈 ${i}`,
          tone: Math.sin(i) / 3,
          svg: `<path d="M${i},0L${i + 1},${(i * 37) % 100}" fill="#4c78a8"/>`,
        })),
        empty: null,
      };
      const json = JSON.stringify(value);
      await kept.keep(task, version, value as unknown as TaskValue<typeof task>);
      const stored = await store.keptPage(taskKey(task), `${version}|${pageCodeVersion()}`);
      assert.ok(stored);
      const jsonBytes = Buffer.byteLength(json);
      assert.ok(
        stored.byteLength * 5 < jsonBytes,
        `stored ${stored.byteLength} bytes for ${jsonBytes} bytes of JSON`,
      );
      assert.equal(JSON.stringify(await kept.read(task, version)), json);
      assert.deepEqual(await kept.read(task, version), value);
    });

    test('KeptPages treats a kept row it cannot read back as not kept', async (t) => {
      const warn = t.mock.method(console, 'warn', () => undefined);
      const kept = new KeptPages(store);
      const task: PageTask = { kind: 'facts', slug: 'blinken-in-beijing' };
      const version = await store.storyVersion('blinken-in-beijing');
      const key = taskKey(task);
      const full = `${version}|${pageCodeVersion()}`;
      const damaged = [
        Buffer.from('{"groups":[1]}'), // JSON as migration 010 kept it: not brotli
        Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0, 1, 2, 3]),
        new Uint8Array(0),
        brotliCompressSync(Buffer.from('{"groups": [1')), // brotli, but not JSON
        (await packValue({ groups: [1] })).subarray(0, 5), // cut short
      ];
      for (const bad of damaged) {
        await store.keepPage(key, task.slug, full, bad);
        assert.equal(await kept.read(task, version), undefined, Buffer.from(bad).toString('hex'));
      }
      assert.equal(warn.mock.callCount(), damaged.length);
      // Computed again and kept: the row is replaced and reads back.
      await kept.keep(task, version, { groups: [1] } as unknown as TaskValue<typeof task>);
      assert.deepEqual(await kept.read(task, version), { groups: [1] });
    });

    test('assigning another codebook changes the story version', async () => {
      const version = await store.storyVersion('blinken-in-beijing');
      const before = await store.codebookOfStory('Blinken in Beijing');
      assert.equal(await store.setStoryCodebook('blinken-in-beijing', 'us-north-korea'), true);
      assert.notEqual(await store.storyVersion('blinken-in-beijing'), version);
      assert.equal(await store.setStoryCodebook('blinken-in-beijing', before!), true);
      assert.equal(await store.storyVersion('blinken-in-beijing'), version);
    });

    test('re-analysis replaces an article’s results and changes the story version', async () => {
      const version = await store.storyVersion('blinken-in-beijing');
      const texts = await store.articleTexts('blinken-in-beijing');
      assert.deepEqual(texts.map((t) => t.text).sort(), [TEXTS.cnn, TEXTS.xinhua].sort());
      const run = await store.startRun(analyzer.info);
      const changed = `${TEXTS.xinhua}\n\nThe talks were candid.`;
      await store.replaceAnalysis(ids['xinhua.txt']!, analyzer.analyze(changed), run.id);
      await store.finishRun(run.id, 'done');
      const stored = await store.getArticle(ids['xinhua.txt']!);
      assert.equal(stored?.run.id, run.id);
      assert.ok(stored?.segments.some((s) => s.text === 'The talks were candid.'));
      assert.notEqual(await store.storyVersion('blinken-in-beijing'), version);
    });

    test('a story edit changes its title and description, keeps its slug and its version moves', async () => {
      const version = await store.storyVersion('blinken-in-beijing');
      const edit = { title: 'Blinken’s Beijing visit', description: null };
      assert.equal(await store.updateStory('blinken-in-beijing', edit), true);
      const story = await store.getStory('blinken-in-beijing');
      assert.equal(story?.title, 'Blinken’s Beijing visit');
      assert.equal(story?.description, null);
      assert.equal(story?.titleSource, 'metadata');
      assert.notEqual(await store.storyVersion('blinken-in-beijing'), version);
      assert.equal(await store.updateStory('no-such-story', edit), false);
    });

    test('a renamed outlet takes the slug of its new name; a name another outlet has is refused', async () => {
      const edit = { name: 'Xinhua News Agency', kind: 'state media', country: 'China' };
      assert.equal(await store.updateOutlet('xinhua', edit), 'xinhua-news-agency');
      assert.equal(await store.getOutlet('xinhua'), null);
      const outlet = await store.getOutlet('xinhua-news-agency');
      assert.deepEqual(
        [outlet?.name, outlet?.kind, outlet?.country, outlet?.articleCount],
        ['Xinhua News Agency', 'state media', 'China', 1],
      );
      await assert.rejects(
        store.updateOutlet('cnn', { ...edit, name: 'xinhua news agency' }),
        EditConflict,
      );
      assert.equal((await store.getOutlet('cnn'))?.name, 'CNN');
      assert.equal(await store.updateOutlet('no-such-outlet', edit), null);
      assert.deepEqual(
        (await store.listOutlets()).map((o) => o.slug),
        ['cnn', 'xinhua-news-agency'],
      );
    });

    test('an article’s metadata is edited and it moves outlet; an unknown outlet or story is refused', async () => {
      const id = ids['cnn.txt']!;
      const edit = {
        title: 'Blinken lands in Beijing',
        author: 'A. Reporter',
        publishedDate: '2023-06-19',
        url: 'https://example.com/cnn-edited',
        outletSlug: 'xinhua-news-agency',
        storySlug: 'blinken-in-beijing',
      };
      const version = await store.storyVersion('blinken-in-beijing');
      assert.equal(await store.updateArticle(id, edit), true);
      const stored = await store.getArticle(id);
      assert.deepEqual(
        [stored?.title, stored?.author, stored?.publishedDate, stored?.url, stored?.outlet.slug],
        [edit.title, edit.author, edit.publishedDate, edit.url, 'xinhua-news-agency'],
      );
      assert.equal(stored?.text, TEXTS.cnn, 'the text stays');
      assert.notEqual(await store.storyVersion('blinken-in-beijing'), version);
      await assert.rejects(store.updateArticle(id, { ...edit, outletSlug: 'nope' }), EditConflict);
      await assert.rejects(store.updateArticle(id, { ...edit, storySlug: 'nope' }), EditConflict);
      assert.equal((await store.getArticle(id))?.outlet.slug, 'xinhua-news-agency');
      assert.equal(await store.updateArticle(999_999, edit), false);
      assert.equal(await store.updateArticle(id, { ...edit, outletSlug: 'cnn' }), true);
    });

    test('deleting an article removes its analysis, and its outlet and story with their last article', async () => {
      const xinhua = ids['xinhua.txt']!;
      assert.deepEqual(await store.deleteArticle(xinhua), {
        storySlug: 'blinken-in-beijing',
        outletSlug: 'xinhua-news-agency',
        removedStory: false,
        removedOutlet: true,
      });
      assert.equal(await store.getArticle(xinhua), null);
      assert.equal(await store.findByText(TEXTS.xinhua), null);
      assert.equal(await store.countArticles(), 1);
      const qin = { terms: [{ text: 'Qin', prefix: false }], offset: 0, limit: 10 };
      assert.equal((await store.searchSentences(qin)).total, 0);
      assert.equal(await store.getOutlet('xinhua-news-agency'), null);
      assert.equal(await store.deleteArticle(xinhua), null);

      assert.deepEqual(await store.deleteArticle(ids['cnn.txt']!), {
        storySlug: 'blinken-in-beijing',
        outletSlug: 'cnn',
        removedStory: true,
        removedOutlet: true,
      });
      assert.deepEqual(await store.listStories(), []);
      assert.equal(await store.countArticles(), 0);
    });
  });
}

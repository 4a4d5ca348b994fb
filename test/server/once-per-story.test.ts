// The figures several pages of one story share (server/panels/once-per-story.ts): computed
// once for one array of the story's sentences, computed anew for another.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { storyFigures, storyFramingFigures } from '../../server/api/figures.js';
import { storyWords } from '../../server/panels/words.js';
import { storyDashboard } from '../../server/pages/story.js';
import { oncePerStory } from '../../server/panels/once-per-story.js';
import type { StorySentence, StorySummary } from '../../db/store.js';
import type { StoryFramingRows } from '../../analysis/comparison/framing.js';
import { corpusStore, type TempStore } from '../helpers.js';

const SLUG = 'blinken-in-beijing-june-2023';
let temp: TempStore;
let story: StorySummary;
let sentences: StorySentence[];
let framing: StoryFramingRows;

before(async () => {
  temp = await corpusStore();
  story = (await temp.store.getStory(SLUG))!;
  sentences = await temp.store.storySentences(SLUG);
  framing = await temp.store.storyFraming(SLUG);
});

after(async () => {
  await temp.cleanup();
});

test('a value is computed once per array, key and other input', () => {
  const list = [{}, {}];
  let runs = 0;
  const compute = () => ({ run: ++runs });
  const rows = {};
  const first = oncePerStory(list, 'a', compute, rows);
  assert.equal(oncePerStory(list, 'a', compute, rows), first);
  assert.equal(runs, 1);
  assert.notEqual(oncePerStory(list, 'b', compute, rows), first);
  assert.notEqual(oncePerStory(list, 'a', compute, {}), first);
  assert.notEqual(oncePerStory([...list], 'a', compute, rows), first);
  assert.equal(runs, 4);
});

test("the API's figures and the terms CSV's words reuse the every-outlet dashboard's", async () => {
  // The bundled story has fewer outlets than the dashboard shows: every outlet its own row.
  const dashboard = await storyDashboard(story, sentences, 'all', framing);
  const figures = storyFigures(story, sentences, 'all');
  const words = storyWords(sentences, 'all');
  const parties = storyFramingFigures(story, sentences, framing, 'all');
  // The same objects, not equal copies: computed once.
  const row = dashboard.framing.figures.find((f) => f.outlet === parties[0]!.outlet)!;
  assert.equal(parties[0]!.loaded, row.loaded);
  assert.equal(storyFigures(story, sentences, 'all')[0]!.expectation, figures[0]!.expectation);
  assert.equal(storyWords(sentences, 'all').outlets[0]!.terms, words.outlets[0]!.terms);
  const byOutlet = new Map(words.outlets.map((o) => [o.outlet, o.terms]));
  for (const outlet of dashboard.outlets) {
    assert.equal(outlet.terms.length, byOutlet.get(outlet.slug)?.length ?? 0);
  }

  // Another array of the same sentences (as a server worker reads them): computed anew, the
  // same numbers.
  const again = [...sentences];
  const fresh = storyFigures(story, again, 'all');
  assert.notEqual(fresh[0]!.expectation, figures[0]!.expectation);
  assert.deepEqual(fresh, figures);
  assert.deepEqual(storyWords(again, 'all'), words);
  assert.deepEqual(storyFramingFigures(story, again, framing, 'all'), parties);
});

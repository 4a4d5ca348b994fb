// The outlet profile's rows (server/api/outlets.ts, analysis/comparison/others.ts): every
// outlet of a story against the others pooled, computed in one pass over the story. The
// reference is how each row was computed before, one outlet at a time: the story's
// sentences with every other outlet renamed OTHER_OUTLETS, then compareOutlets and the
// framing panel's figures. A story of up to OWN_DRAWS_MAX_OUTLETS outlets gives the same
// bytes; a bigger one the same numbers except the other outlets' interval bounds, which
// come from draws shared by every outlet of the story.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { compareOutlets } from '../../analysis/comparison/compare.js';
import { MIN_TARGET_SENTENCES, type StoryFramingRows } from '../../analysis/comparison/framing.js';
import { OWN_DRAWS_MAX_OUTLETS } from '../../analysis/comparison/others.js';
import { sideInfo } from '../../analysis/vocabulary/sides.js';
import type { StorySentence, StorySummary } from '../../db/store.js';
import { outletFigures, toneFigure } from '../../server/api/figures.js';
import {
  OTHER_OUTLETS,
  outletInStory,
  outletsInStory,
  type OutletInStory,
} from '../../server/api/outlets.js';
import { storyFraming } from '../../server/panels/framing.js';
import { storyCodebook } from '../../server/sides.js';
import { corpusStore, manyOutletsStore, type TempStore } from '../helpers.js';
import { renamedSentence } from '../../db/sentence-row.js';

const SLUG = 'blinken-in-beijing-june-2023';

/** One row as it was computed before: the other outlets renamed, everything again. */
function pooledRow(
  story: StorySummary,
  sentences: readonly StorySentence[],
  framingRows: StoryFramingRows,
  slug: string,
): OutletInStory {
  const name = story.outlets.find((o) => o.slug === slug)?.name ?? slug;
  const pooled = sentences.map((s) => (s.outlet === slug ? s : renamedSentence(s, OTHER_OUTLETS)));
  const codebook = storyCodebook(story);
  const [own, rest] = compareOutlets([slug, OTHER_OUTLETS], pooled, {
    buckets: codebook.vocabulary.buckets,
  });
  const outlet = outletFigures(own!, name);
  const others = rest!.sentences > 0 ? outletFigures(rest!, 'other outlets') : null;
  const minus = (a: number | null | undefined, b: number | null | undefined) =>
    a === null || a === undefined || b === null || b === undefined ? null : a - b;
  const framing = storyFraming([slug, OTHER_OUTLETS], codebook, pooled, framingRows);
  const [ownFraming, restFraming] = framing.figures;
  return {
    story: { slug: story.slug, title: story.title, outlets: story.outlets.length },
    codebook: { name: codebook.name, title: codebook.title },
    outlet,
    others,
    difference: {
      toneMean: minus(outlet.tone?.mean, others?.tone?.mean),
      lowersPer1000: minus(outlet.expectation.lowers.per1000, others?.expectation.lowers.per1000),
      raisesPer1000: minus(outlet.expectation.raises.per1000, others?.expectation.raises.per1000),
      hedgedPer1000: minus(outlet.expectation.hedged.per1000, others?.expectation.hedged.per1000),
      hedgesPer1000: minus(outlet.hedges.per1000, others?.hedges.per1000),
      quotedShare: minus(outlet.quotedShare, others?.quotedShare),
    },
    toward: ownFraming!.toward.map((t, i) => {
      const r = restFraming!.toward[i]!;
      const enough =
        t.tone !== null &&
        r.tone !== null &&
        t.sentences >= MIN_TARGET_SENTENCES &&
        r.sentences >= MIN_TARGET_SENTENCES;
      return {
        party: t.party,
        name: sideInfo(codebook.vocabulary, t.party).name,
        outlet: toneFigure(t.tone),
        others: toneFigure(r.tone),
        difference: enough ? t.tone!.estimate - r.tone!.estimate : null,
        about: framing.about(slug, t.party),
      };
    }),
  };
}

interface Loaded {
  story: StorySummary;
  sentences: StorySentence[];
  framing: StoryFramingRows;
}

async function load(temp: TempStore): Promise<Loaded> {
  return {
    story: (await temp.store.getStory(SLUG))!,
    sentences: await temp.store.storySentences(SLUG),
    framing: await temp.store.storyFraming(SLUG),
  };
}

/** The other outlets' interval bounds of a row, by where they are, and the row without them. */
function otherBounds(row: OutletInStory) {
  const bounds = new Map<string, { low: number; high: number } | null>();
  const rest = JSON.parse(JSON.stringify(row), function (this: unknown, key, value) {
    return key === 'interval' ? '(bounds)' : value;
  }) as OutletInStory;
  const tones = {
    tone: row.others?.tone,
    narrator: row.others?.toneByVoice.narrator,
    quoted: row.others?.toneByVoice.quoted,
    ...Object.fromEntries(row.toward.map((t) => [t.party, t.others])),
  };
  for (const [where, tone] of Object.entries(tones)) bounds.set(where, tone?.interval ?? null);
  // The outlet's own intervals are not among them: they must be the same bytes.
  return {
    bounds,
    rest,
    own: JSON.stringify(row.outlet) + JSON.stringify(row.toward.map((t) => t.outlet)),
  };
}

describe('outlet rows of a story of a few outlets', () => {
  let temp: TempStore;
  let input: Loaded;
  before(async () => {
    temp = await corpusStore();
    input = await load(temp);
  });
  after(async () => temp?.cleanup());

  test('are the bytes of each row pooled apart, computed together or alone', () => {
    const { story, sentences, framing } = input;
    const slugs = story.outlets.map((o) => o.slug);
    assert.ok(slugs.length >= 5 && slugs.length <= OWN_DRAWS_MAX_OUTLETS);
    const rows = outletsInStory(story, sentences, framing, slugs);
    for (const [i, slug] of slugs.entries()) {
      const expected = JSON.stringify(pooledRow(story, sentences, framing, slug));
      assert.equal(JSON.stringify(rows[i]), expected, slug);
      assert.equal(JSON.stringify(outletInStory(story, sentences, framing, slug)), expected);
    }
  });
});

describe('outlet rows of a story of many outlets', () => {
  let temp: TempStore;
  let input: Loaded;
  before(async () => {
    temp = await manyOutletsStore();
    input = await load(temp);
  });
  after(async () => temp?.cleanup());

  test('share the draws of the other outlets, and every other number is the same', () => {
    const { story, sentences, framing } = input;
    const slugs = story.outlets.map((o) => o.slug);
    assert.ok(slugs.length > OWN_DRAWS_MAX_OUTLETS);
    const rows = outletsInStory(story, sentences, framing, slugs);
    let compared = 0;
    for (const [i, slug] of slugs.entries()) {
      const expected = otherBounds(pooledRow(story, sentences, framing, slug));
      const actual = otherBounds(rows[i]!);
      assert.deepEqual(actual.rest, expected.rest, slug);
      assert.equal(actual.own, expected.own, slug);
      for (const [where, bounds] of expected.bounds) {
        const shared = actual.bounds.get(where)!;
        assert.equal(shared === null, bounds === null, `${slug} ${where}`);
        if (bounds === null || shared === null) continue;
        // Another realization of the same resampling: within a tenth of the width.
        const width = bounds.high - bounds.low;
        assert.ok(Math.abs(shared.low - bounds.low) <= 0.1 * width, `${slug} ${where} low`);
        assert.ok(Math.abs(shared.high - bounds.high) <= 0.1 * width, `${slug} ${where} high`);
        compared++;
      }
    }
    assert.ok(compared >= 3 * slugs.length, `compared ${compared}`);
  });

  test('a row computed alone is the row computed with the others', () => {
    const { story, sentences, framing } = input;
    const slugs = story.outlets.map((o) => o.slug);
    const rows = outletsInStory(story, sentences, framing, slugs);
    for (const slug of [slugs[0]!, slugs.at(-1)!]) {
      assert.deepEqual(
        outletInStory(story, sentences, framing, slug),
        rows[slugs.indexOf(slug)],
        slug,
      );
    }
  });
});

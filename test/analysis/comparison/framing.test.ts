import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  framingClaims,
  MIN_TARGET_SENTENCES,
  outletFraming,
  type FramingSentence,
  type FramingCueRow,
  type StoryFramingRows,
  type TargetRow,
} from '../../../analysis/comparison/framing.js';
import { loadCodebook, partyOfName } from '../../../analysis/codebooks/codebook.js';

/** A scored body sentence of `outlet`'s article `articleId`. */
function sentence(segmentId: number, outlet: string, articleId: number): FramingSentence {
  return {
    segmentId,
    articleId,
    outlet,
    position: segmentId,
    paragraph: segmentId,
    kind: 'body',
    words: 20,
    tone: 0,
    expectation: null,
    hedges: 0,
    boosters: 0,
    quote: null,
    speaker: null,
    side: null,
    anonymous: false,
    issues: [],
  };
}

// Two outlets, two articles each, every sentence about North Korea: outlet A harsh, B mild.
function story(perArticle: number): { sentences: FramingSentence[]; rows: StoryFramingRows } {
  const sentences: FramingSentence[] = [];
  const rows: { targets: TargetRow[]; cues: FramingCueRow[] } = { targets: [], cues: [] };
  let id = 0;
  for (const [outlet, tone, articles] of [
    ['a', -2, [1, 2]],
    ['b', 1, [3, 4]],
  ] as const) {
    for (const article of articles)
      for (let k = 0; k < perArticle; k++) {
        id++;
        sentences.push(sentence(id, outlet, article));
        rows.targets.push({
          segmentId: id,
          target: 'Pyongyang',
          role: 'subject',
          tone: tone + (k % 2) * 0.2,
          isQuoted: false,
        });
        // A's own quotes by the party count for nothing: a quote by Kim is his tone.
        rows.targets.push({
          segmentId: id,
          target: 'Kim Jong Un',
          role: 'speaker',
          tone: 5,
          isQuoted: false,
        });
        if (outlet === 'a')
          rows.cues.push({ segmentId: id, lexicon: 'loaded', category: 'pejorative-label' });
      }
  }
  return { sentences, rows };
}

const korea = loadCodebook('us-north-korea');
const partyOf = (target: string) => partyOfName(korea, target);

test('a target names its party through the codebook: actors, surnames and metonyms', () => {
  assert.equal(partyOf('Pyongyang'), 'nk_gov');
  assert.equal(partyOf('Kim Jong-un'), 'nk_gov');
  assert.equal(partyOf('Secretary Pompeo'), 'us_gov');
  assert.equal(partyOf('the White House'), 'us_gov');
  assert.equal(partyOf('Moon Jae-in'), null);
  assert.equal(partyOfName(loadCodebook(), 'Pyongyang'), null, 'no party in US–China');
});

test('tone toward a party, loaded language and the claims they carry', () => {
  const { sentences, rows } = story(3);
  const framing = outletFraming(
    ['a', 'b'],
    sentences,
    rows,
    korea.vocabulary.parties,
    korea.vocabulary.speakerSides,
    (target) => partyOf(target),
    { replicates: 200, seed: 1 },
  );
  const [a, b] = framing;
  const nkA = a!.toward.find((t) => t.party === 'nk_gov')!;
  assert.equal(nkA.sentences, 6);
  // −2, −1.8, −2 in each article.
  assert.ok(Math.abs(nkA.tone!.estimate - -5.8 / 3) < 1e-9, String(nkA.tone!.estimate));
  assert.equal(a!.toward.find((t) => t.party === 'us_gov')!.tone, null);
  assert.equal(a!.loaded.count, 6);
  assert.deepEqual(a!.loaded.byCategory, [{ category: 'pejorative-label', count: 6 }]);
  assert.equal(b!.loaded.count, 0);
  const claims = framingClaims(framing, (p) => korea.vocabulary.info[p]!.name);
  assert.deepEqual(claims.get('a'), ['most negative toward North Korean government (n 6)']);
  assert.deepEqual(claims.get('b'), ['most positive toward North Korean government (n 6)']);
});

test(`fewer than ${MIN_TARGET_SENTENCES} sentences about a party never make a claim`, () => {
  const { sentences, rows } = story(2);
  const framing = outletFraming(
    ['a', 'b'],
    sentences,
    rows,
    korea.vocabulary.parties,
    korea.vocabulary.speakerSides,
    (target) => partyOf(target),
    { replicates: 200, seed: 1 },
  );
  assert.equal(framing[0]!.toward.find((t) => t.party === 'nk_gov')!.sentences, 4);
  const claims = framingClaims(framing, (p) => p);
  assert.deepEqual(claims.get('a'), []);
  assert.deepEqual(claims.get('b'), []);
});

test('a metonym listed with its article is its party written either way ("the North", "North")', () => {
  assert.equal(partyOf('the North'), 'nk_gov');
  assert.equal(partyOf('North'), 'nk_gov');
  assert.equal(partyOfName(loadCodebook('us-iran'), 'Islamic Republic'), 'iran_gov');
});

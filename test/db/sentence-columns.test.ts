// A story's sentences and framing rows as columns (db/sentence-row.ts): every field reads
// back as the row mapped to an object did, texts cut from UTF-8 included, and what the
// pages keep or a worker posts of a sentence is a plain object.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  FramingColumns,
  plainSentence,
  renamedSentence,
  SentenceColumns,
  splitsPair,
  StringPool,
  toStorySentence,
  type SentenceRow,
} from '../../db/sentence-row.js';
import type { StorySentence } from '../../db/store.js';
import { rememberingTerms, textTerms, contentTerms } from '../../analysis/comparison/terms.js';
import { prepareFacts } from '../../server/pages/facts.js';
import type { FramingCueRow, TargetRow } from '../../analysis/comparison/framing.js';

// Article texts with characters past U+00FF (’, —), past U+FFFF (emoji, a CJK extension
// ideograph: surrogate pairs), and one with a lone surrogate (malformed UTF-16).
const ARTICLES = [
  'Blinken’s visit — talks in Beijing. Xi said 😀 “stable”. 𠀋 ended it.',
  'Plain ASCII text. Second sentence here.',
  'Broken \ud800 half. Then more.',
];

type Cut = { article: number; start: number; end: number } | { own: string };

function row(id: number, cut: Cut, over: Partial<SentenceRow> = {}): SentenceRow & Cut {
  return {
    id,
    article_id: 'article' in cut ? 100 + cut.article : 100,
    outlet: id % 2 ? 'cnn' : 'xinhua',
    position: id,
    paragraph_index: id % 3,
    kind: id === 1 ? 'headline' : 'body',
    text: 'own' in cut ? cut.own : '',
    word_count: id * 3,
    tone_combined: id % 4 === 0 ? null : -0.25 * id,
    tone_afinn: id % 5 === 0 ? null : 0,
    tone_diplomacy: 1e-17 * id,
    expectation: id % 3 === 0 ? 'raises' : null,
    expectation_move: id % 3 === 0 ? 'raise:hope' : null,
    hedge_count: id % 2,
    booster_count: 7,
    quote_kind: id % 2 ? 'direct' : null,
    speaker: id % 2 ? (id === 3 ? '' : 'Wang Yi') : null,
    side: id % 2 ? 'china' : null,
    is_anonymous: id === 5 ? 1 : id % 2 ? 0 : null,
    issues: id === 2 ? 'taiwan|trade|taiwan' : id === 4 ? 'taiwan|trade|taiwan' : null,
    ...cut,
    ...over,
  };
}

// Cuts at every sentence of each article, plus cuts right before and after a pair, and
// one between the halves of a pair (which UTF-8 cannot give back).
const EMOJI = ARTICLES[0]!.indexOf('😀');
const EXT = ARTICLES[0]!.indexOf('𠀋');
const CUTS: Cut[] = [
  { article: 0, start: 0, end: 36 },
  { article: 0, start: 37, end: EMOJI },
  { article: 0, start: EMOJI, end: EMOJI + 2 },
  { article: 0, start: EMOJI + 1, end: EXT + 1 },
  { article: 0, start: EXT, end: ARTICLES[0]!.length },
  { article: 0, start: 0, end: ARTICLES[0]!.length },
  { article: 1, start: 0, end: 18 },
  { article: 1, start: 19, end: 39 },
  { article: 2, start: 0, end: 13 },
  { article: 2, start: 14, end: 24 },
  { own: 'Own text 🐉 past U+FFFF, and ’quotes’.' },
  { own: '' },
  // An article that is not there: an empty text, as before.
  { article: 9, start: 0, end: 5 },
];

function bothWays(): { columns: StorySentence[]; objects: StorySentence[] } {
  const columns = new SentenceColumns(2);
  const sources = ARTICLES.map((text) => columns.addText(text));
  const pool = new StringPool();
  const objects: StorySentence[] = [];
  CUTS.forEach((cut, n) => {
    const r = row(n + 1, cut);
    const own = 'own' in cut;
    const text = own ? cut.own : (ARTICLES[cut.article] ?? '').slice(cut.start, cut.end);
    objects.push(toStorySentence({ ...r, text }, pool));
    if (own) columns.add({ ...r, text: cut.own });
    else columns.add({ ...r, text: null }, sources[cut.article] ?? -1, cut.start, cut.end);
  });
  return { columns: columns.sentences(), objects };
}

test('every field of a sentence read through columns is the row mapped to an object', () => {
  const { columns, objects } = bothWays();
  assert.equal(columns.length, objects.length);
  for (const [i, s] of columns.entries()) {
    const expected = objects[i]!;
    assert.deepEqual(plainSentence(s), expected, `sentence ${i + 1}`);
    // The same JSON, key order included: kept pages are JSON.
    assert.equal(JSON.stringify(plainSentence(s)), JSON.stringify(expected));
    assert.ok(Object.is(s.tone, expected.tone));
  }
  // Texts past U+FFFF and around surrogate pairs come back whole.
  assert.equal(columns[2]!.text, '😀');
  assert.equal(columns[3]!.text, ARTICLES[0]!.slice(EMOJI + 1, EXT + 1));
  assert.equal(columns[10]!.text, 'Own text 🐉 past U+FFFF, and ’quotes’.');
  assert.equal(columns[8]!.text, 'Broken \ud800 half.'.slice(0, 13));
  assert.equal(columns[12]!.text, '');
  // An empty speaker stays empty, not null; equal issue lists are one frozen array.
  assert.equal(columns[2]!.speaker, '');
  assert.equal(columns[1]!.issues, columns[3]!.issues);
  assert.deepEqual(columns[1]!.issues, ['taiwan', 'trade', 'taiwan']);
  assert.ok(Object.isFrozen(columns[1]!.issues) && Object.isFrozen(columns[0]!.issues));
  assert.deepEqual(columns[0]!.issues, []);
});

test('a sentence read through columns writes its fields as JSON, not the column store', () => {
  const { columns, objects } = bothWays();
  for (const [i, s] of columns.entries()) {
    assert.equal(JSON.stringify(s), JSON.stringify(objects[i]!), `sentence ${i + 1}`);
  }
  assert.equal(
    JSON.stringify(renamedSentence(columns[1]!, 'others')),
    JSON.stringify({ ...objects[1]!, outlet: 'others' }),
  );
});

test('a cut between the halves of a surrogate pair is told', () => {
  const text = 'a😀b';
  assert.equal(splitsPair(text, 2), true);
  assert.equal(splitsPair(text, 1), false);
  assert.equal(splitsPair(text, 3), false);
  assert.equal(splitsPair(text, 0), false);
  assert.equal(splitsPair(text, 4), false);
});

test('a renamed sentence changes only its outlet; a plain one is copied', () => {
  const { columns, objects } = bothWays();
  const renamed = renamedSentence(columns[1]!, 'others');
  assert.deepEqual(plainSentence(renamed), { ...objects[1]!, outlet: 'others' });
  assert.equal(columns[1]!.outlet, 'xinhua');
  assert.deepEqual(renamedSentence(objects[1]!, 'others'), { ...objects[1]!, outlet: 'others' });
});

test('what the aligned facts keep of a sentence is a plain object, posted whole', () => {
  const { columns, objects } = bothWays();
  // Enough sentences sharing words for a fact between the two outlets.
  const many = (list: StorySentence[]) => [...list, ...list.map((s) => renamedSentence(s, 'ap'))];
  const fromColumns = prepareFacts(many(columns));
  const fromObjects = prepareFacts(many(objects));
  assert.ok(fromObjects.facts.length > 0, 'no fact found');
  // structuredClone is what a worker's postMessage does: getters would be lost.
  assert.deepEqual(structuredClone(fromColumns), fromObjects);
  assert.equal(JSON.stringify(fromColumns), JSON.stringify(fromObjects));
});

test('a sentence’s terms are remembered by the sentence, its text read once', async () => {
  const { columns } = bothWays();
  const s = columns[0]!;
  let reads = 0;
  const counting = {
    get text() {
      reads++;
      return s.text;
    },
    termsOwner: (s as unknown as { termsOwner: object }).termsOwner,
    termsIndex: 0,
    termsCount: columns.length,
  };
  await rememberingTerms(async () => {
    const first = textTerms(counting);
    const again = textTerms(counting);
    assert.deepEqual(again, first);
    assert.deepEqual(first, contentTerms(s.text));
    assert.ok(first.length > 0);
  });
  assert.equal(reads, 1);
  // Outside rememberingTerms each call reads the text.
  textTerms(counting);
  assert.equal(reads, 2);
});

test('framing rows read through columns are the rows added, on every pass', () => {
  const targets: TargetRow[] = [
    { segmentId: 3, target: 'China', role: 'subject', tone: -0.5, isQuoted: false },
    { segmentId: 3, target: 'United States', role: 'object', tone: 0, isQuoted: true },
    { segmentId: 2 ** 40, target: 'China', role: 'speaker', tone: 1e-9, isQuoted: false },
  ];
  const cues: FramingCueRow[] = [
    { segmentId: 3, lexicon: 'loaded', category: 'pejorative-label' },
    { segmentId: 4, lexicon: 'voice', category: 'speech_verb:distancing' },
  ];
  const columns = new FramingColumns();
  targets.forEach((t) => columns.addTarget(t));
  cues.forEach((c) => columns.addCue(c));
  const rows = columns.rows();
  for (let pass = 0; pass < 2; pass++) {
    assert.deepEqual([...rows.targets], targets);
    assert.deepEqual([...rows.cues], cues);
  }
  assert.deepEqual([...new FramingColumns().rows().targets], []);
});

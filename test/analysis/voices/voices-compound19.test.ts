import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCodebook } from '../../../analysis/codebooks/codebook.js';
import { voicesOf } from './paragraphs.js';

// A speech word in its bare form after an article and a singular noun heads a compound noun
// ("the conference report", "a key demand"), not a verb whose subject is that noun: a
// singular subject would take "promises", "reports". Sentences written for this test.
const voices = (paragraphs: string[][]) => voicesOf(paragraphs, loadCodebook().actors);

test('"the conference report", "a key demand", "a second tweet" are nouns, not a source and its verb', () => {
  const v = voices([
    ['The conference report that lawmakers agreed on caps months of work.'],
    ['A key demand of the union was a raise.'],
    ['The White House sent a second tweet saying the plan was dead.'],
  ]);
  assert.deepEqual(
    v.map((x) => x.name),
    [null, null, 'White House'],
  );
});

test('a plural without -s, a share or a noun after a preposition is still a subject', () => {
  const v = voices([
    ['The police warn that the roads will close.'],
    ['Critics of the deal warn that it will not hold.'],
  ]);
  assert.notEqual(v[0]!.name, null);
  assert.notEqual(v[1]!.name, null);
});

test('a phrasal speech verb closing a sentence without its particle is no reporting clause', () => {
  // "play down" needs "down": "Medicaid power play" ends a title, it reports nothing (review17).
  const v = voices([['Jindal spoke.', "Red states' Medicaid power play"]]);
  assert.equal(v.at(-1)!.name, null);
});

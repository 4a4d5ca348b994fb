import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCodebook } from '../../../analysis/codebooks/codebook.js';
import { voicesOf } from './paragraphs.js';

// A government title its holder was removed from ("fired FBI Director …") is a former one,
// and a former official speaks as an analyst, as "former FBI Director …" does. Sentences
// written for this test, with invented names.
const voices = (paragraphs: string[][]) => voicesOf(paragraphs, loadCodebook().actors);

test('a fired or ousted holder of a government title is a former official', () => {
  const v = voices([
    ['Fired FBI Director Tom Alder said the memo was accurate.'],
    ['The president fired FBI Director Ann Ruiz, who said the memo was accurate.'],
    ['FBI Director Ida Lopes said the memo was accurate.'],
    ['The fired Facebook engineer Ben Hale said he wanted answers.'],
  ]);
  assert.equal(v[0]!.side, 'analyst');
  assert.equal(v[1]!.side, 'analyst');
  assert.equal(v[2]!.side, 'us_gov');
  // Not a government title: the rule leaves it alone.
  assert.equal(v[3]!.side, 'other');
});

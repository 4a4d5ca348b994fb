import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCodebook } from '../../../analysis/codebooks/codebook.js';
import { voicesOf } from './paragraphs.js';

// Issue 12, ninth session: a name never runs across a sentence's end after a word ("the
// Iraq War. John Bolton"), nor holds a capitalised "With" or "Or" (a heading in title case);
// a listed office holder is found with a middle initial. Sentences written for these tests
// in the shapes the AllSides sample showed.
const voices = (paragraphs: string[][]) => voicesOf(paragraphs, loadCodebook().actors);

test('a name does not run across the end of a sentence after a word', () => {
  const v = voices([
    [
      'Two things will dominate memories of him: the credit crunch and the Iraq War.',
      'John Bolton, the former ambassador, admitted this week that it was a mess.',
    ],
    ['The talks ended on Election Day.', 'Trump said the talks had gone well.'],
  ]);
  assert.equal(v[1]!.name, 'John Bolton');
  assert.equal(v[3]!.name, 'Trump');
});

test('a heading in title case is not a name the short form resolves to', () => {
  const v = voices([
    ['Update at 7:25 p.m. ET. Obama Speaks With Putin:'],
    ['"We will find who did this," Obama said.'],
  ]);
  assert.equal(v.at(-1)!.name, 'Obama');
});

test('a listed office holder is found with a middle initial', () => {
  const v = voices([['George W. Bush said the talks went well.']]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'George W. Bush', side: 'us_gov' });
});

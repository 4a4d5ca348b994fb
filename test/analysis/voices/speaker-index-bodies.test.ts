import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../../analysis/segmentation/tokens.js';
import { buildIndex } from '../../../analysis/voices/speaker-index.js';

// The title an article writes before a name is read whole when a listed body's "and" is in it
// (voice-roles.json, bodiesWithAnd); before, "Health and" was cut off and "Human Services
// Secretary" gave no government's side. A sentence written for this test.
test('a title holding a listed body with "and" is the whole title before the name', () => {
  const text = 'Health and Human Services Secretary Tom Alder said the plan would pass.';
  const index = buildIndex(text, tokenize(text));
  assert.deepEqual(index.titles.get('alder'), ['Health and Human Services Secretary']);
  // An "and" between two people still ends the title.
  const two = 'Trump and Homeland Security Secretary Ann Ruiz said the wall would be built.';
  assert.deepEqual(buildIndex(two, tokenize(two)).titles.get('ruiz'), [
    'Homeland Security Secretary',
  ]);
});

// The one pluralisation rule every page uses.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plural } from '../../server/plural.js';

test('one takes the singular; zero, many and fractions the plural, with thousands separators', () => {
  assert.equal(plural(1, 'story', 'stories'), '1 story');
  assert.equal(plural(0, 'story', 'stories'), '0 stories');
  assert.equal(plural(2, 'article'), '2 articles');
  assert.equal(plural(6632, 'word'), '6,632 words');
  assert.equal(plural(1, 'sentence matches', 'sentences match'), '1 sentence matches');
});

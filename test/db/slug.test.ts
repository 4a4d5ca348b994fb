import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distinctSlug, sameName, slugify } from '../../db/slug.js';

test('a slug asked for again, and after the remembered slugs were emptied, is the same', () => {
  assert.equal(slugify('The New York Times'), 'the-new-york-times');
  assert.equal(slugify('The New York Times'), 'the-new-york-times');
  assert.equal(slugify('新华社'), '新华社');
  // More names than are kept (10,000): the first is made afresh, the same.
  for (let k = 0; k < 10_050; k++) slugify(`Outlet number ${k}`);
  assert.equal(slugify('The New York Times'), 'the-new-york-times');
  assert.equal(slugify('Outlet number 7'), 'outlet-number-7');
  assert.ok(sameName('Blinken in Beijing', 'blinken-in-beijing'));
  assert.match(distinctSlug('The New York Times'), /^the-new-york-times-[0-9a-f]{8}$/);
});

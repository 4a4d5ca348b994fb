import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

test('a remembered slug keeps no file its name was read from alive', () => {
  // A name read from front matter is a slice of its file; V8 keeps the whole file for a
  // slice of 13 characters or more.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const files = 40;
  const fileChars = 500_000;
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < files; i++) {
    const file = `story: blinken-beijing-${i}\n---\n` + 'z'.repeat(fileChars);
    const name = file.slice(7, file.indexOf('\n'));
    assert.equal(slugify(name), `blinken-beijing-${i}`);
  }
  gc();
  const kept = process.memoryUsage().heapUsed - before;
  // All forty files are 20 MB; their names alone are a few kilobytes.
  assert.ok(kept < (files * fileChars) / 4, `the heap kept ${kept} bytes`);
  assert.equal(slugify('blinken-beijing-3'), 'blinken-beijing-3');
});

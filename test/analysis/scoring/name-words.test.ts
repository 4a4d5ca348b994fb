import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  notNameEnd,
  notNameStart,
  pronounOrAdjective,
} from '../../../analysis/scoring/name-words.js';
import { tokenize } from '../../../analysis/segmentation/tokens.js';

test('what a word says about names is remembered without keeping its article alive', () => {
  // A token is a slice of its article; the memo must not keep the article with it.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const articles = 40;
  const articleChars = 500_000;
  notNameStart(tokenize('Warmup')[0]!); // the part-of-speech lexicon, read on first use
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < articles; i++) {
    // A word of 13 characters or more is the kind V8 stores as a pointer into its parent.
    const article = `Schwarzenegger${i} spoke. ` + 'z'.repeat(articleChars);
    const word = tokenize(article.slice(0, 40))[0]!;
    notNameStart(word);
    notNameEnd(word);
    pronounOrAdjective(word);
  }
  gc();
  const kept = process.memoryUsage().heapUsed - before;
  // All forty articles are 20 MB; the remembered words alone are a few kilobytes.
  assert.ok(kept < (articles * articleChars) / 4, `the heap kept ${kept} bytes`);
  // Still remembered, and still right.
  const again = tokenize('Schwarzenegger0 spoke.')[0]!;
  assert.equal(notNameStart(again), false);
  assert.equal(notNameStart(tokenize('Secretary')[0]!), true);
});

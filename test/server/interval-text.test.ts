// When a tone mean shows its interval: one rule (MIN_INTERVAL_SENTENCES) for the pages,
// the report and the exports.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bootstrapMeanCI,
  MIN_INTERVAL_SENTENCES,
  showsInterval,
} from '../../analysis/comparison/stats.js';
import { CLAIM_MINIMUMS } from '../../analysis/comparison/summary.js';
import { toneFigure } from '../../server/api/figures.js';
import { intervalText } from '../../server/panels/context.js';

test('the interval minimum is the sentences a summary phrase needs', () => {
  assert.equal(MIN_INTERVAL_SENTENCES, CLAIM_MINIMUMS.sentences);
});

test('a mean of 3 sentences shows its n and no interval, on the page and in the figures', () => {
  const three = bootstrapMeanCI([[-2.5, -2.4, -1.9]])!;
  assert.equal(showsInterval(three), false);
  const text = intervalText(three);
  assert.equal(text.range, null);
  assert.equal(text.note, 'no interval below 10 sentences');
  assert.equal(text.n, 'n 3');
  assert.equal(toneFigure(three)!.interval, null);
});

test('a mean of 10 varied sentences shows its interval', () => {
  const ten = bootstrapMeanCI([
    [1, -1, 2, 0.5, -0.5, 1.5, 0, 2.5, -2, 1],
    [0.5, 1],
  ])!;
  assert.equal(showsInterval(ten), true);
  assert.match(intervalText(ten).range ?? '', /^[−+]?\d\.\d\d to [−+]?\d\.\d\d$/);
  assert.deepEqual(toneFigure(ten)!.interval, { low: ten.low, high: ten.high });
});

// The number formatters every page and the report use: a value that rounds to zero has no sign.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber } from '../../server/format-helpers.js';
import { signed } from '../../server/panels/context.js';

test('a signed mean that rounds to zero prints 0.00, whichever side of zero it was', () => {
  assert.equal(signed(-0.0012), '0.00');
  assert.equal(signed(0.0012), '0.00');
  assert.equal(signed(0), '0.00');
  assert.equal(signed(-0), '0.00');
  assert.equal(signed(-2.43), '−2.43');
  assert.equal(signed(1.456), '+1.46');
  assert.equal(signed(-0.04, 1), '0.0');
});

test('the {{number}} helper prints a value that rounds to zero without a minus sign', () => {
  assert.equal(formatNumber(-0.0012, 2), '0.00');
  assert.equal(formatNumber(-0.4, 0), '0');
  assert.equal(formatNumber(-0.006, 2), '-0.01');
  assert.equal(formatNumber(6632, 0), '6,632');
  assert.equal(formatNumber(null, 2), '–');
});

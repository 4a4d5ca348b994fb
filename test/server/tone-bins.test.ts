import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OutletComparison } from '../../analysis/comparison/compare.js';
import type { StorySentence } from '../../db/store.js';
import type { PanelContext } from '../../server/panels/context.js';
import { toneBins } from '../../server/panels/tone.js';

test('tone bins put neutral sentences in a bin of their own and clamp the ends', () => {
  const tones = [0, 0, 0, 0.2, -0.3, 1.1, 7, -9, null];
  const context = {
    figures: [{ outlet: 'wire' } as OutletComparison],
    sentences: tones.map((tone) => ({ outlet: 'wire', tone }) as StorySentence),
    outletNames: ['The Wire'],
    nameOf: () => 'The Wire',
    link: (outlet: string) => `/search?outlet=${outlet}`,
  } as unknown as PanelContext;
  const bins = toneBins(context);
  const at = (centre: number) => bins.find((b) => b.centre === centre);
  // 0.2 rounds to the 0 bin; −0.3 to −0.5.
  assert.equal(at(0)?.count, 4);
  assert.deepEqual([at(0)?.from, at(0)?.to], [-0.25, 0.25]);
  assert.equal(at(-0.5)?.count, 1);
  assert.equal(at(1)?.count, 1);
  assert.equal(at(5)?.count, 1);
  assert.equal(at(-5)?.count, 1);
  assert.equal(
    bins.reduce((n, b) => n + b.count, 0),
    8,
  );
  assert.ok(Math.abs(bins.reduce((n, b) => n + b.share, 0) - 1) < 1e-9);
  assert.ok(bins.every((b) => b.href === '/search?outlet=wire' && b.outlet === 'The Wire'));
});

// Agreement between two annotators: Cohen's κ against a worked textbook case, and the
// pairing of segments both annotators cut the same way.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agreement, cohensKappa } from '../../../analysis/evaluation/agreement.js';
import type { GoldRow } from '../../../analysis/evaluation/evaluate.js';

test('κ matches the worked example: 50 items, 20+15 agreements, marginals 25/25 and 30/20', () => {
  // Annotator A says yes 25 times, B 30 times; both yes 20, both no 15. p_o = 0.7,
  // p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4.
  const pairs: Array<[string, string]> = [
    ...Array.from({ length: 20 }, (): [string, string] => ['yes', 'yes']),
    ...Array.from({ length: 5 }, (): [string, string] => ['yes', 'no']),
    ...Array.from({ length: 10 }, (): [string, string] => ['no', 'yes']),
    ...Array.from({ length: 15 }, (): [string, string] => ['no', 'no']),
  ];
  assert.equal(cohensKappa(pairs)?.toFixed(3), '0.400');
  assert.equal(cohensKappa([]), null);
  assert.equal(cohensKappa([['a', 'a']]), null, 'one label everywhere: chance is total');
});

const row = (text: string, labels: Partial<GoldRow>): GoldRow => ({
  doc: 'd',
  para: 0,
  sent: 0,
  kind: 'body',
  text,
  ...labels,
});

test('labels are compared only where both annotators cut the same segment and gave the label', () => {
  const a = [
    row('Talks resumed.', { expectation: 'none', quote: 'none', tone: 0, hedge: false }),
    row('"It may fail," Lee said.', {
      expectation: 'lowers',
      quote: 'direct',
      speaker: 'Kim Lee',
      speaker_side: 'other',
      tone: -1,
      hedge: true,
    }),
    row('Only A cut this one.', { expectation: 'none' }),
  ];
  const b = [
    row('Talks  resumed.', { expectation: 'raises', quote: 'none', tone: 1, hedge: false }),
    row('"It may fail," Lee said.', {
      expectation: 'lowers',
      quote: 'direct',
      speaker: 'Lee',
      speaker_side: 'other',
      tone: -2,
      hedge: true,
    }),
  ];
  const r = agreement(a, b);
  assert.equal(r.matched, 2, 'whitespace is collapsed before pairing');
  assert.equal(r.expectation?.n, 2);
  assert.equal(r.expectation?.observed, 0.5);
  assert.equal(r.quote?.observed, 1);
  assert.deepEqual(r.speaker, { n: 1, observed: 1 }, 'same surname is the same speaker');
  assert.equal(r.tone?.spearman, 1);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  evaluate,
  type EvalDocument,
  type GoldRow,
  type PredictedSegment,
} from '../../../analysis/evaluation/evaluate.js';
import { bootstrapIntervals } from '../../../analysis/evaluation/intervals.js';

// Small gold documents: each sentence's gold and predicted expectation label.
function doc(name: string, labels: Array<[gold: string, predicted: string]>): EvalDocument {
  const gold: GoldRow[] = labels.map(([g], i) => ({
    doc: name,
    para: 0,
    sent: i,
    kind: 'body',
    text: `Sentence ${i} of ${name}.`,
    expectation: g as GoldRow['expectation'],
  }));
  const predicted: PredictedSegment[] = labels.map(([, p], i) => ({
    text: `Sentence ${i} of ${name}.`,
    kind: 'body',
    expectation: p as PredictedSegment['expectation'],
    tone: null,
    quote: null,
    speaker: null,
    speaker_side: null,
    hedge: false,
  }));
  return { doc: name, gold, predicted };
}
const eventOf = (d: string) => d.split('__')[0]!;
const score = (docs: EvalDocument[]) => evaluate('test', docs).report;

// Six events: two where the analyzer is right on every sentence, four where it misses lowers.
const events = [
  doc('a__x', [
    ['lowers', 'lowers'],
    ['none', 'none'],
    ['raises', 'raises'],
  ]),
  doc('b__x', [
    ['lowers', 'lowers'],
    ['none', 'none'],
  ]),
  doc('c__x', [
    ['lowers', 'none'],
    ['none', 'none'],
  ]),
  doc('c__y', [
    ['lowers', 'none'],
    ['hedged', 'hedged'],
  ]),
  doc('d__x', [
    ['lowers', 'none'],
    ['none', 'none'],
  ]),
  doc('e__x', [
    ['lowers', 'none'],
    ['none', 'lowers'],
  ]),
];

test('intervals resample events, hold the estimate, and repeat with the same seed', () => {
  const a = bootstrapIntervals(events, eventOf, score, { draws: 300, seed: 7 });
  const b = bootstrapIntervals(events, eventOf, score, { draws: 300, seed: 7 });
  assert.deepEqual(a, b);
  assert.equal(a.events, 5);
  const lowers = a.figures!['lowers_recall']!;
  assert.equal(lowers.estimate, 2 / 6);
  assert.ok(lowers.low! <= lowers.estimate! && lowers.estimate! <= lowers.high!);
  // Some resamples draw only the events that miss every lowers sentence, some only the two
  // that find them all.
  assert.ok(lowers.low! < 0.2 && lowers.high! > 0.5, JSON.stringify(lowers));
  // Only event a has a raises sentence: resamples without it have no raises recall, and one
  // event's rows give no interval ([1, 1] would claim certainty).
  const raises = a.figures!['raises_recall']!;
  assert.ok(raises.draws > 0 && raises.draws < 300, String(raises.draws));
  assert.deepEqual([raises.estimate, raises.events, raises.low, raises.high], [1, 1, null, null]);
  assert.equal(lowers.events, 5);
  // No speaker labels: no figure.
  assert.equal(a.figures!['speaker_accuracy']!.estimate, null);
});

test('events that all score alike give an interval of zero width', () => {
  const same = ['p', 'q', 'r', 's', 't'].map((e) =>
    doc(`${e}__x`, [
      ['lowers', 'lowers'],
      ['raises', 'none'],
    ]),
  );
  const { figures } = bootstrapIntervals(same, eventOf, score, { draws: 200 });
  assert.deepEqual(
    [
      figures!['lowers_recall']!.low,
      figures!['lowers_recall']!.high,
      figures!['raises_recall']!.high,
    ],
    [1, 1, 0],
  );
});

test('a set of fewer than five events gets no intervals', () => {
  const few = bootstrapIntervals(events.slice(0, 4), eventOf, score, { draws: 100 });
  assert.equal(few.events, 3);
  assert.equal(few.figures, null);
});

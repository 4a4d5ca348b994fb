import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../../analysis/pipeline.js';
import {
  averageRanks,
  classification,
  collectExpectationCues,
  evaluate,
  predictionsFromAnalysis,
  matchSegments,
  pearson,
  sameSpeaker,
  spearman,
  type GoldRow,
  type PredictedSegment,
} from '../../../analysis/evaluation/evaluate.js';

const gold = (text: string, labels: Partial<GoldRow> = {}): GoldRow => ({
  doc: 'd',
  para: 0,
  sent: 0,
  kind: 'body',
  text,
  ...labels,
});
const predicted = (text: string, labels: Partial<PredictedSegment> = {}): PredictedSegment => ({
  text,
  kind: 'body',
  expectation: null,
  tone: null,
  quote: null,
  speaker: null,
  speaker_side: null,
  hedge: false,
  ...labels,
});

test('segments match on whitespace-collapsed text, duplicates in order', () => {
  const m = matchSegments(
    [gold('Comments'), gold('The stakes are high.'), gold('Comments')],
    [predicted('Comments'), predicted('The  stakes\nare high.'), predicted('Extra.')],
  );
  assert.equal(m.pairs.length, 2);
  assert.deepEqual(
    m.missing.map((g) => g.text),
    ['Comments'],
  );
  assert.deepEqual(
    m.extra.map((p) => p.text),
    ['Extra.'],
  );
});

test('segmentation precision, recall, F1 and kind accuracy are micro-averaged', () => {
  const { report } = evaluate('g', [
    {
      doc: 'a',
      gold: [gold('A.'), gold('B.')],
      predicted: [predicted('A.'), predicted('B.', { kind: 'section' })],
    },
    { doc: 'b', gold: [gold('C.'), gold('D.')], predicted: [predicted('C. D.')] },
  ]);
  // matched 2 of 3 predicted and 2 of 4 gold
  assert.equal(report.segmentation.precision, 2 / 3);
  assert.equal(report.segmentation.recall, 0.5);
  assert.ok(Math.abs(report.segmentation.f1 - (2 * (2 / 3) * 0.5) / (2 / 3 + 0.5)) < 1e-12);
  assert.equal(report.segmentation.kind_accuracy, 0.5);
  assert.equal(report.gold_segments, 4);
  assert.equal(report.predicted_segments, 3);
});

test('classification metrics by hand', () => {
  // gold → predicted: lowers→lowers, lowers→none, raises→raises, none→raises, none→none
  const m = classification(
    [
      ['lowers', 'lowers'],
      ['lowers', 'none'],
      ['raises', 'raises'],
      ['none', 'raises'],
      ['none', 'none'],
    ],
    ['lowers', 'raises', 'hedged', 'none'],
    ['lowers', 'raises', 'hedged'],
  );
  assert.equal(m.n, 5);
  assert.equal(m.accuracy, 0.6);
  assert.deepEqual(m.per_class.lowers, { precision: 1, recall: 0.5, f1: 2 / 3, support: 2 });
  assert.deepEqual(m.per_class.raises, { precision: 0.5, recall: 1, f1: 2 / 3, support: 1 });
  assert.deepEqual(m.per_class.none, { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
  // hedged has neither support nor predictions: left out of the means
  assert.equal(m.per_class.hedged, undefined);
  assert.ok(Math.abs(m.macro_f1 - (2 / 3 + 2 / 3 + 0.5) / 3) < 1e-12);
  assert.ok(Math.abs((m.macro_f1_directional ?? 0) - 2 / 3) < 1e-12);
  assert.deepEqual(m.confusion, {
    lowers: { lowers: 1, none: 1 },
    raises: { raises: 1 },
    none: { raises: 1, none: 1 },
  });
});

test('Pearson and Spearman with average ranks for ties', () => {
  assert.deepEqual(averageRanks([10, 20, 20, 30]), [1, 2.5, 2.5, 4]);
  assert.ok(Math.abs((pearson([1, 2, 3], [2, 4, 7]) ?? 0) - 0.9933992677987828) < 1e-12);
  // ranks x: 1,2.5,2.5,4 — y: 1,2,3,4 → r = 0.9486832980505138
  assert.ok(Math.abs((spearman([1, 2, 2, 3], [1, 2, 3, 4]) ?? 0) - 0.9486832980505138) < 1e-12);
  assert.equal(pearson([1, 1, 1], [1, 2, 3]), null);
});

test('tone sign agreement treats gold within ±0.5 as zero', () => {
  const { report } = evaluate('g', [
    {
      doc: 'a',
      gold: [
        gold('A.', { tone: -2 }),
        gold('B.', { tone: 0.4 }),
        gold('C.', { tone: 1 }),
        gold('D.', { tone: 0 }),
      ],
      predicted: [
        predicted('A.', { tone: -1.5 }),
        predicted('B.', { tone: 0 }),
        predicted('C.', { tone: -0.3 }),
        predicted('D.', { tone: 0.05 }),
      ],
    },
  ]);
  // A agrees (−/−), B agrees (0/0), C disagrees (+/−), D agrees (0/0 within the predicted band)
  assert.equal(report.tone?.n, 4);
  assert.equal(report.tone?.sign_agreement, 0.75);
});

test('labels the pipeline does not produce are null, hedge is binary', () => {
  const { report } = evaluate('g', [
    {
      doc: 'a',
      gold: [
        gold('A.', { expectation: 'lowers', hedge: true, quote: 'none' }),
        gold('B.', { expectation: 'none', hedge: false, quote: 'none' }),
        gold('C.', { expectation: 'none', hedge: true, quote: 'none' }),
      ],
      predicted: [
        predicted('A.', { hedge: true }),
        predicted('B.', { hedge: true }),
        predicted('C.'),
      ],
    },
  ]);
  assert.equal(report.expectation, null);
  assert.equal(report.quote, null);
  assert.equal(report.tone, null);
  assert.equal(report.speaker, null);
  assert.deepEqual(report.hedge, { n: 3, precision: 0.5, recall: 0.5, f1: 0.5, accuracy: 1 / 3 });
});

test('a speaker span is compared through its head, on every gold set alike', () => {
  // PolNeAR-style gold spans against the analyzer's names.
  assert.ok(sameSpeaker('the newspaper', 'newspaper'));
  assert.ok(sameSpeaker('a spokeswoman', 'spokeswoman'));
  assert.ok(sameSpeaker('Ann Lee, a professor of history at Some University', 'Ann Lee'));
  assert.ok(sameSpeaker('Bo Park of the Example Institute', 'Bo Park'));
  assert.ok(sameSpeaker('campaign chairman Cy Dorn', 'Cy Dorn'));
  assert.ok(sameSpeaker('a smiling Dorn', 'Cy Dorn'));
  assert.ok(sameSpeaker('a source close to the ministry', 'source'));
  assert.ok(sameSpeaker('U.S. officials', 'US officials'));
  assert.ok(sameSpeaker("the club's general manager, Ann Lee", 'Ann Lee'));
  // A head is not a different word for the same referent, nor the owner of the source.
  assert.ok(!sameSpeaker('the daily', 'newspaper'));
  assert.ok(!sameSpeaker('aides to Mr. Dorn', 'Dorn'));
  assert.ok(!sameSpeaker('an analysis by The Ledger', 'Ledger'));
  assert.ok(!sameSpeaker('a report released Thursday', 'Thursday'));
  assert.ok(!sameSpeaker('Ann Lee, a professor', 'professor'));
  assert.ok(!sameSpeaker('Bo Park, The Ledger', 'The Ledger'));
});

test('what the head cut drops still tells groups and people apart', () => {
  // A place or affiliation on both sides must agree: each is "officials", yet two groups.
  assert.ok(!sameSpeaker('officials in Beijing', 'officials in Washington'));
  assert.ok(!sameSpeaker('diplomats from the European Union', 'diplomats in Vienna'));
  assert.ok(sameSpeaker('officials in Beijing', 'officials in Beijing'));
  assert.ok(sameSpeaker('a source close to the White House', 'source close to White House'));
  // A group opening its sentence is capitalised there, and still that group.
  assert.ok(
    sameSpeaker('critics of the Trump administration', 'Critics of the Trump administration'),
  );
  assert.ok(
    !sameSpeaker('critics of the Trump administration', 'Critics of the Obama administration'),
  );
  assert.ok(!sameSpeaker('officials in Beijing', 'Officials in Washington'));
  // The gold's place must be named: "officials" may be the ones in Washington.
  assert.ok(!sameSpeaker('officials in Beijing', 'officials'));
  assert.ok(!sameSpeaker('a source close to the White House', 'source'));
  // A prediction may name a group more fully than the gold span, never less or otherwise.
  assert.ok(sameSpeaker('officials', 'officials in Beijing'));
  assert.ok(sameSpeaker('Officials', 'senior F.B.I. officials'));
  assert.ok(sameSpeaker('the administration', 'Obama administration'));
  assert.ok(sameSpeaker('other journalists', 'journalists'));
  assert.ok(!sameSpeaker('US officials', 'officials'));
  assert.ok(!sameSpeaker('banking analysts', 'Wall Street analysts'));
  assert.ok(!sameSpeaker('31 percent', 'Forty-one percent of respondents'));
  assert.ok(!sameSpeaker('a 2005 video', 'release of a 2005 video'));
  // A person's affiliation is a description, never counted against the name.
  assert.ok(sameSpeaker('Bo Park of the Example Institute', 'Bo Park of Example'));
  // One surname, two given names: two people; a middle initial, title or misspelling is not.
  assert.ok(!sameSpeaker('Seth Hutchinson', 'Tim C. Hutchinson'));
  assert.ok(sameSpeaker('Susan Rice', 'Susan E. Rice'));
  assert.ok(sameSpeaker('Joe Arpaio', 'Sheriff Arpaio'));
  assert.ok(sameSpeaker('Joe Arpaio', 'Arizona Sheriff Joe Arpaio'));
  assert.ok(sameSpeaker('Mr. Clyburn', 'Representatives James E. Clyburn'));
  assert.ok(sameSpeaker('Vicente Fox', 'Vincente Fox'));
  assert.ok(sameSpeaker('Tony Blinken', 'Antony Blinken'));
});

test('speakers match by surname for people and by whole name for groups', () => {
  assert.ok(sameSpeaker('Kurt Campbell', 'Campbell'));
  assert.ok(sameSpeaker('Kim Jong Un', 'Kim'));
  assert.ok(!sameSpeaker('Kim Jong Un', 'Moon'));
  assert.ok(sameSpeaker('US officials', 'us officials'));
  assert.ok(!sameSpeaker('US officials', 'Chinese officials'));
  assert.ok(!sameSpeaker('Qin Gang', 'Wang Yi'));
  assert.ok(sameSpeaker('Felipe Calderón', 'Felipe Calderon'));
  // Two people credited jointly are the same two in either order, and not one of them.
  assert.ok(sameSpeaker('Kim Jong Un and Moon Jae-in', 'Moon Jae-in and Kim Jong Un'));
  assert.ok(!sameSpeaker('Kim Jong Un and Moon Jae-in', 'Moon Jae-in'));
  assert.ok(!sameSpeaker('Kim Jong Un and Moon Jae-in', 'Kim Jong Un and Donald Trump'));
  const { report } = evaluate('g', [
    {
      doc: 'a',
      gold: [
        gold('A.', { quote: 'direct', speaker: 'Kurt Campbell', speaker_side: 'us_gov' }),
        gold('B.', { quote: 'indirect', speaker: 'Derek Grossman', speaker_side: 'analyst' }),
      ],
      predicted: [
        predicted('A.', { quote: 'direct', speaker: 'Campbell', speaker_side: 'us_gov' }),
        predicted('B.', { quote: 'indirect', speaker: null, speaker_side: null }),
      ],
    },
  ]);
  assert.deepEqual(report.speaker, { n: 2, accuracy: 0.5 });
  assert.equal(report.speaker_side?.accuracy, 0.5);
  assert.deepEqual(report.speaker_side?.confusion, {
    us_gov: { us_gov: 1 },
    analyst: { '(none)': 1 },
  });
  assert.equal(report.quote?.accuracy, 1);
});

test('each directional gold class is split by the cues the analyzer had: right, cue ignored, other cues, none', () => {
  const row = (label: string, got: string, cues: string[], n: number) => ({
    gold: gold(`S${n}.`, { expectation: label as GoldRow['expectation'] }),
    predicted: predicted(`S${n}.`, { expectation: got, expectation_cues: cues }),
  });
  const pairs = [
    row('lowers', 'lowers', ['lowers'], 1),
    row('lowers', 'none', ['lowers'], 2),
    row('lowers', 'raises', ['raises'], 3),
    row('lowers', 'none', [], 4),
    row('lowers', 'none', [], 5),
    row('raises', 'raises', [], 6),
    row('none', 'none', [], 7),
  ];
  const { report } = evaluate('g', [
    { doc: 'd', gold: pairs.map((p) => p.gold), predicted: pairs.map((p) => p.predicted) },
  ]);
  assert.deepEqual(report.expectation_coverage?.lowers, {
    n: 5,
    right: 1,
    missed_with_cue: 1,
    missed_other_cues: 1,
    missed_no_cue: 2,
  });
  assert.deepEqual(report.expectation_coverage?.raises, {
    n: 1,
    right: 1,
    missed_with_cue: 0,
    missed_other_cues: 0,
    missed_no_cue: 0,
  });
  // Predictions without cue lists (another caller): no coverage, the figures as before.
  const bare = pairs.map((p) => ({ ...p.predicted, expectation_cues: undefined }));
  const plain = evaluate('g', [{ doc: 'd', gold: pairs.map((p) => p.gold), predicted: bare }]);
  assert.equal(plain.report.expectation_coverage, null);
  assert.deepEqual(plain.report.expectation, report.expectation);
});

test("the analyzer's cues per sentence come from its expectation features, whatever the label", () => {
  const analyzer = createAnalyzer();
  const text =
    'Talks resume in Geneva\n\nA bakery opened on Monday. The ruling is a major stumbling block for the mayor.\n\nThe two sides were unable to reach a deal.';
  const { cues, observeExpectation } = collectExpectationCues();
  const analysis = analyzer.analyze(text, { observeExpectation });
  const rows = predictionsFromAnalysis(analysis, cues);
  const row = (start: string) => rows.find((r) => r.text.startsWith(start));
  assert.deepEqual(row('A bakery')?.expectation_cues, []);
  // An obstacle cue counts only in the way of the talks: found, not counted.
  assert.deepEqual(
    [row('The ruling')?.expectation, row('The ruling')?.expectation_cues],
    ['none', ['lowers']],
  );
  assert.deepEqual(
    [row('The two sides')?.expectation, row('The two sides')?.expectation_cues],
    ['lowers', ['lowers']],
  );
  // Without the map, predictions carry no cue list (and the labels are the same).
  const plain = predictionsFromAnalysis(analyzer.analyze(text));
  assert.equal(plain[0]?.expectation_cues, undefined);
  assert.deepEqual(
    plain.map((r) => r.expectation),
    rows.map((r) => r.expectation),
  );
});

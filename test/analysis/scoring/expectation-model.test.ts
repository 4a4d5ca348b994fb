import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { namesTalksOrOutcome, scoreExpectation } from '../../../analysis/scoring/expectation.js';
import { sentenceFeatures } from '../../../analysis/scoring/expectation-model.js';
import {
  MODEL_FILE,
  parseExpectationModel,
  type ExpectationModel,
} from '../../../analysis/scoring/expectation-model-file.js';
import {
  fit,
  leaveOneEventOut,
  predict,
  train,
  tuneDecision,
  vocabulary,
  type Example,
} from '../../../analysis/scoring/expectation-train.js';
import { defaultLexiconDir, loadLexicons } from '../../../analysis/scoring/lexicon.js';
import { analyzeScope } from '../../../analysis/scoring/scope.js';
import { scoreTone } from '../../../analysis/scoring/tone.js';
import { createAnalyzer } from '../../../analysis/pipeline.js';
import { tokenize } from '../../../analysis/segmentation/tokens.js';

const lexicons = loadLexicons();

function featuresOf(text: string, context = { headline: false, talksJustNamed: false }) {
  const tokens = tokenize(text);
  const scope = analyzeScope(tokens, lexicons);
  const tone = scoreTone(scope, 0, lexicons).tone;
  const rules = scoreExpectation(scope, 0, lexicons).expectation;
  return sentenceFeatures(scope, tone, lexicons, rules, {
    ...context,
    talksNamed: namesTalksOrOutcome(tokens, lexicons),
  });
}
const names = (text: string, context?: { headline: boolean; talksJustNamed: boolean }) =>
  featuresOf(text, context).map((f) => f.name);

test('features: word stems and stem pairs, with the talks named, modality and the rules label', () => {
  const f = names('Diplomats said the summit could prove historic.');
  for (const expected of [
    'w:summit',
    'w:histor',
    'b:prove_histor',
    'talks&w:histor',
    'talks-named',
    'modal',
    'talks&modal',
    'rule:raises',
  ])
    assert.ok(f.includes(expected), `${expected} missing from ${f.join(' ')}`);
  assert.ok(!f.includes('headline') && !f.includes('negation') && !f.includes('quoted'));
  // Each feature once, in the order read.
  assert.equal(new Set(f).size, f.length);
});

test('features: negation, future and past, quotation, the question mark and comparatives', () => {
  const f = names('“The negotiators will not find a better deal,” he warned?');
  for (const expected of ['negation', 'future', 'quoted', 'question', 'comparative'])
    assert.ok(f.includes(expected), `${expected} missing from ${f.join(' ')}`);
  assert.ok(names('The ministers met and agreed on little.').includes('past'));
  assert.ok(names('It was the biggest gathering yet.').includes('superlative'));
});

test('features: no talks named, no talks combinations; the sentence before and the headline count', () => {
  const plain = names('The weather in the capital was warm and bright.');
  assert.ok(!plain.some((f) => f.startsWith('talks')), plain.join(' '));
  const after = names('The weather in the capital was warm and bright.', {
    headline: true,
    talksJustNamed: true,
  });
  assert.ok(after.includes('headline') && after.includes('talks&headline'));
  assert.ok(after.includes('talks-named-before') && after.includes('talks&w:weather'));
});

test('features: a word feature points at its tokens, a sentence-level one at none', () => {
  const features = featuresOf('The summit could be historic.');
  const historic = features.find((f) => f.name === 'w:histor');
  assert.deepEqual(historic?.span, [4, 5]);
  assert.equal(features.find((f) => f.name === 'modal')?.span, null);
});

// A tiny self-written training set: four events, each with raising and plain sentences the
// rules know and lowering ones in words they do not ("threadbare", "meagre").
const SENTENCES: Array<[event: string, text: string, gold: 'raises' | 'lowers' | 'none']> = [];
const EVENTS = ['alpha', 'beta', 'gamma', 'delta'];
for (const event of EVENTS) {
  SENTENCES.push(
    [event, `The ${event} summit is a momentous opportunity for both nations.`, 'raises'],
    [event, `Aides called the ${event} summit a momentous chance to reset ties.`, 'raises'],
    [event, `Officials describe the ${event} summit agenda as threadbare.`, 'lowers'],
    [event, `Diplomats call the ${event} summit agenda meagre and threadbare.`, 'lowers'],
    [event, `The ${event} delegation arrived by train on Monday.`, 'none'],
    [event, `Reporters waited outside the ${event} hotel in the rain.`, 'none'],
  );
}
function fixture(): Example[] {
  return SENTENCES.map(([event, text, gold]) => {
    const tokens = tokenize(text);
    const scope = analyzeScope(tokens, lexicons);
    const rules = scoreExpectation(scope, 0, lexicons).expectation;
    const features = featuresOf(text).map((f) => f.name);
    return { event, scored: true, features, rules: rules.label, gold };
  });
}

test('the vocabulary keeps only features seen in enough events', () => {
  const examples = fixture();
  const vocab = vocabulary(examples, 3);
  assert.ok(vocab.includes('w:moment'), 'a stem of every event');
  assert.ok(!vocab.includes('w:alpha'), "one event's own word");
  assert.deepEqual(vocabulary(examples, 5), []);
});

test('train → predict: the fitted weights learn the fixture, deterministically', () => {
  const examples = fixture();
  const a = fit(examples, 0.01, 3);
  const b = fit(examples, 0.01, 3);
  assert.deepEqual(a, b);
  assert.ok(a.weights['w:moment']!.raises > a.weights['w:moment']!.none);
  assert.ok(a.weights['w:threadbar']!.lowers > a.weights['w:threadbar']!.raises);
  const model = train(examples, { l2: [0.01], minEvents: 3, innerFolds: 4, wordPenalty: 1 });
  for (const e of examples) assert.equal(predict(model, e), e.gold, e.features.join(' '));
  // Left out, each event is still learned from the other three.
  const results = leaveOneEventOut(examples, {
    l2: [0.01],
    minEvents: 3,
    innerFolds: 3,
    wordPenalty: 1,
  });
  assert.deepEqual(
    results.map((r) => r.event),
    [...EVENTS].sort(),
  );
  for (const r of results) for (const [gold, , model] of r.items) assert.equal(model, gold);
});

test('tuning the decision: an override above 1 never replaces a rule label', () => {
  const examples: Example[] = [
    { event: 'a', scored: true, features: [], rules: 'lowers', gold: 'lowers' },
    { event: 'a', scored: true, features: [], rules: 'none', gold: 'raises' },
  ];
  const p = [
    { lowers: 0.1, raises: 0.8, hedged: 0.05, none: 0.05 },
    { lowers: 0.1, raises: 0.8, hedged: 0.05, none: 0.05 },
  ];
  const decision = tuneDecision(examples, p);
  assert.equal(decision.f1, 1);
  assert.ok(decision.override > 0.8, `override ${decision.override}`);
});

function writtenModel(examples: Example[]): ExpectationModel {
  const trained = train(examples, { l2: [0.01], minEvents: 3, innerFolds: 4, wordPenalty: 1 });
  return {
    name: 'expectation-model',
    version: '1.0.0',
    training: {
      command: 'test',
      sets: ['fixture'],
      events: 4,
      examples: examples.length,
      l2: trained.l2,
      minEvents: 3,
    },
    offsets: trained.offsets,
    override: trained.override,
    bias: trained.bias,
    weights: trained.weights,
  };
}

test('a model file in the lexicon folder decides through the pipeline, with its features as cue hits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-model-'));
  try {
    cpSync(defaultLexiconDir(), dir, { recursive: true });
    rmSync(join(dir, MODEL_FILE), { force: true });
    const without = createAnalyzer({ lexiconDir: dir });
    writeFileSync(join(dir, MODEL_FILE), JSON.stringify(writtenModel(fixture())));
    const withModel = createAnalyzer({ lexiconDir: dir });
    assert.notEqual(withModel.info.lexiconHash, without.info.lexiconHash);
    const text = 'Diplomats call the epsilon summit agenda threadbare.';
    assert.equal(without.analyze(text).segments[0]?.expectation?.label, 'none');
    const analysis = withModel.analyze(text);
    const segment = analysis.segments.find((s) => s.expectation !== null)!;
    assert.equal(segment.expectation?.label, 'lowers');
    const hits = analysis.cueHits.filter((h) => h.lexicon === 'expectation-model');
    assert.ok(hits.length > 0);
    const word = hits.find((h) => h.entry === 'w:threadbar');
    assert.ok(word && word.weight > 0 && word.category === 'lowers');
    assert.equal(text.slice(word.start, word.end), 'threadbare');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a bad model file is a clear error naming the file and the field', () => {
  const good = JSON.stringify(writtenModel(fixture()));
  assert.doesNotThrow(() => parseExpectationModel(good, 'm.json'));
  assert.throws(
    () => parseExpectationModel('{ not json', 'm.json'),
    /expectation model m\.json: cannot read it as JSON/,
  );
  const broken = JSON.parse(good);
  broken.weights['w:moment'].raises = 'high';
  assert.throws(
    () => parseExpectationModel(JSON.stringify(broken), 'm.json'),
    /invalid expectation model m\.json: field "weights\.w:moment\.raises"/,
  );
  const missing = JSON.parse(good);
  delete missing.offsets;
  assert.throws(() => parseExpectationModel(JSON.stringify(missing), 'm.json'), /field "offsets"/);
  const dir = mkdtempSync(join(tmpdir(), 'parallax-model-'));
  try {
    cpSync(defaultLexiconDir(), dir, { recursive: true });
    writeFileSync(join(dir, MODEL_FILE), '[]');
    assert.throws(() => loadLexicons(dir), /invalid expectation model .*expectation-model\.json/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

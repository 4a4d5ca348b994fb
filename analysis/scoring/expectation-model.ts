// A small trained model for expectation-setting, deciding together with the hand rules
// (expectation.ts): multinomial logistic regression over interpretable features of one
// sentence — its word stems and stem pairs, the expectation lexicon's building blocks and
// cues, modality, negation, future, quotation, comparatives, tone, whether the talks are
// named here or in the sentence before, the headline flag, and the rules' own label — plus
// each of those combined with "the talks are named", which is where significance and
// optimism language becomes expectation. Its weights are a versioned data file
// (lexicons/expectation-model.json, written by `npm run train`, cli/train.ts) read through the
// data file log, so the run's data hash covers it. Every decision it takes is shown as cue
// hits (lexicon 'expectation-model', entry = feature, weight = its contribution), so the
// article page can list the features that fired and their weights.
// The file's format and reading are in expectation-model-file.ts. It does not train itself (cli/train.ts and expectation-train.ts do) and knows nothing of
// speakers; where the file is absent, the rules alone decide.

import { stemOf } from '../comparison/terms.js';
import type { ExpectationLabel } from '../vocabulary/expectation.js';
import { MODEL_CLASSES, type ExpectationModel, type PerClass } from './expectation-model-file.js';
import type { Lexicons } from './lexicon.js';
import type { SentenceScope } from './scope.js';
import type { CueHit, ExpectationScore, ToneScore } from '../types.js';

/** The sentence around the one scored: what the features read beyond its tokens. */
export interface FeatureContext {
  headline: boolean;
  /** The sentence before names the talks or their outcome. */
  talksJustNamed: boolean;
  /** This sentence names them (expectation.ts namesTalksOrOutcome). */
  talksNamed: boolean;
}

/** One feature of a sentence; `span` is the token range it was read from, if it is words. */
export interface Feature {
  name: string;
  span: [from: number, to: number] | null;
}

const MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'can', "'ll", 'should', 'must']);
const FUTURE = new Set([
  'will',
  "'ll",
  'going',
  'expected',
  'poised',
  'upcoming',
  'next',
  'tomorrow',
]);
const PAST = new Set(['was', 'were', 'had', 'did', 'ended', 'reached', 'agreed', 'met', 'held']);
const COMPARATIVES = new Set([
  'more',
  'less',
  'better',
  'worse',
  'further',
  'greater',
  'fewer',
  'bigger',
  'higher',
  'lower',
]);
const SUPERLATIVES = new Set([
  'most',
  'least',
  'best',
  'worst',
  'biggest',
  'greatest',
  'first',
  'last',
]);
const QUOTE_MARKS = /^["“”]$/;
const WORD = /[\p{L}]/u;
/** Tone beyond this (the combined score) counts as clearly positive or negative. */
const TONE_BAND = 0.5;

/**
 * The features of one sentence, each once, in a fixed order. `rules` is the hand rules'
 * result for the sentence: its label is a feature, so the model learns when to trust it.
 */
export function sentenceFeatures(
  scope: SentenceScope,
  tone: ToneScore,
  lexicons: Lexicons,
  rules: ExpectationScore,
  context: FeatureContext,
): Feature[] {
  const { tokens } = scope;
  const seen = new Set<string>();
  const out: Feature[] = [];
  const add = (name: string, span: [number, number] | null) => {
    if (seen.has(name)) return;
    seen.add(name);
    out.push({ name, span });
  };
  const talks = context.talksNamed || context.talksJustNamed;
  // Stems and stem pairs: the wording, generalised over inflection.
  let previous: { stem: string; at: number } | null = null;
  tokens.forEach((t, i) => {
    if (!t.isWord || !WORD.test(t.norm)) {
      previous = null;
      return;
    }
    const stem = stemOf(t.norm.replace(/['’]s$/, ''));
    add(`w:${stem}`, [i, i + 1]);
    if (talks) add(`talks&w:${stem}`, [i, i + 1]);
    if (previous) add(`b:${previous.stem}_${stem}`, [previous.at, i + 1]);
    previous = { stem, at: i };
  });
  // The expectation lexicon's building blocks and cues, anywhere in the sentence (the rules'
  // clause and target conditions are what the model may relax).
  for (const m of lexicons.expectation.matchAll(tokens)) {
    for (const e of m.entries) {
      const name = e.role === 'cue' ? `cue:${e.label}:${e.move}` : `role:${e.role}`;
      add(name, [m.from, m.to]);
      if (talks) add(`talks&${name}`, [m.from, m.to]);
    }
  }
  const norms = tokens.map((t) => t.norm);
  const general: string[] = [`rule:${rules.label}`, `rule-move:${rules.move}`];
  if (norms.some((n) => MODALS.has(n))) general.push('modal');
  if (norms.some((n) => FUTURE.has(n))) general.push('future');
  if (norms.some((n) => PAST.has(n))) general.push('past');
  if (scope.negator.some((n) => n === 1)) general.push('negation');
  if (norms.some((n) => COMPARATIVES.has(n))) general.push('comparative');
  if (norms.some((n) => SUPERLATIVES.has(n) || (n.length > 5 && n.endsWith('est'))))
    general.push('superlative');
  if (tone.combined >= TONE_BAND) general.push('tone:positive');
  if (tone.combined <= -TONE_BAND) general.push('tone:negative');
  if (tokens.some((t) => QUOTE_MARKS.test(t.text))) general.push('quoted');
  if (norms[norms.length - 1] === '?') general.push('question');
  if (context.headline) general.push('headline');
  for (const g of general) {
    add(g, null);
    if (talks) add(`talks&${g}`, null);
  }
  if (context.talksNamed) add('talks-named', null);
  if (context.talksJustNamed) add('talks-named-before', null);
  return out;
}

/** The class scores (logits): bias + Σ weights of the features present. */
export function classScores(
  model: Pick<ExpectationModel, 'bias' | 'weights'>,
  features: readonly string[],
): PerClass {
  const s = { ...model.bias };
  for (const f of features) {
    const w = model.weights[f];
    if (!w) continue;
    for (const c of MODEL_CLASSES) s[c] += w[c];
  }
  return s;
}

export function softmax(scores: PerClass): PerClass {
  const top = Math.max(...MODEL_CLASSES.map((c) => scores[c]));
  const e = MODEL_CLASSES.map((c) => Math.exp(scores[c] - top));
  const total = e.reduce((a, b) => a + b, 0);
  return {
    lowers: e[0]! / total,
    raises: e[1]! / total,
    hedged: e[2]! / total,
    none: e[3]! / total,
  };
}

/**
 * The label from the model's probabilities and the rules' label: the arg-max of the scores
 * with the tuned offsets; where the rules gave another label than none, the model's replaces
 * it only with at least `override` probability.
 */
export function combine(
  p: PerClass,
  rulesLabel: ExpectationLabel,
  offsets: PerClass,
  override: number,
): { label: ExpectationLabel; byModel: boolean } {
  let best: ExpectationLabel = 'none';
  let bestScore = -Infinity;
  for (const c of MODEL_CLASSES) {
    const score = Math.log(p[c]) + offsets[c];
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  if (best === rulesLabel) return { label: best, byModel: false };
  if (rulesLabel === 'none' || p[best] >= override) return { label: best, byModel: true };
  return { label: rulesLabel, byModel: false };
}

/**
 * The sentence's expectation with the model: the rules' result when the model agrees or may
 * not override them, else the model's label with one cue hit per feature that pushed toward
 * it (weight: the feature's weight for that label minus its weight for the label set aside).
 */
export function applyExpectationModel(
  model: ExpectationModel,
  rules: { expectation: ExpectationScore; cueHits: CueHit[] },
  scope: SentenceScope,
  features: readonly Feature[],
  segmentIndex: number,
): { expectation: ExpectationScore; cueHits: CueHit[] } {
  const names = features.map((f) => f.name);
  const p = softmax(classScores(model, names));
  const decision = combine(p, rules.expectation.label, model.offsets, model.override);
  if (!decision.byModel) return rules;
  const label = decision.label;
  const against = rules.expectation.label;
  const { tokens } = scope;
  const sentenceStart = tokens[0]?.start ?? 0;
  const sentenceEnd = tokens[tokens.length - 1]?.end ?? sentenceStart;
  const cueHits: CueHit[] = [];
  for (const f of features) {
    const w = model.weights[f.name];
    if (!w) continue;
    const weight = Math.round((w[label] - w[against]) * 1000) / 1000;
    if (weight <= 0) continue;
    cueHits.push({
      segment: segmentIndex,
      lexicon: 'expectation-model',
      entry: f.name,
      category: label,
      start: f.span ? tokens[f.span[0]]!.start : sentenceStart,
      end: f.span ? tokens[f.span[1] - 1]!.end : sentenceEnd,
      weight,
      negated: false,
    });
  }
  const sign = label === 'lowers' ? -1 : label === 'raises' ? 1 : 0;
  return {
    expectation: { label, move: 'model', score: Math.round(sign * p[label] * 1000) / 1000 },
    cueHits,
  };
}

// A small trained model for expectation-setting where the hand rules (expectation.ts) are
// silent: multinomial logistic regression over a few dozen interpretable features of one
// sentence (which expectation building blocks occur, whether the talks are named, the
// sentence's tone, modality, negation, quotation). Its weights are a versioned data file
// (lexicons/expectation-model.json, written by `npm run train`, cli/train.ts) read through the
// data file log, so the run's data hash covers it. Each decision it makes is shown as cue hits
// (lexicon 'expectation-model', entry = feature, weight = that feature's contribution).
// It never overrides a rule's label; it does not train itself (cli/train.ts does) and knows
// nothing of speakers.

import { z } from 'zod';
import type { DataFileLog } from '../data-files.js';
import type { Lexicons } from './lexicon.js';
import type { SentenceScope } from './scope.js';
import type { CueHit, ExpectationScore, ToneScore } from '../types.js';

/** The classes the model chooses between: hedged is too rare in the gold to learn. */
export const MODEL_CLASSES = ['none', 'lowers', 'raises'] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];

export const expectationModelSchema = z.strictObject({
  name: z.literal('expectation-model'),
  version: z.string().min(1),
  description: z.string().optional(),
  /** How the weights were made: sets, documents left out, regularisation. */
  training: z.strictObject({
    command: z.string(),
    sets: z.array(z.string()),
    excluded: z.string().nullable(),
    examples: z.number().int().nonnegative(),
    l2: z.number().nonnegative(),
  }),
  /** A class is given only when its probability reaches this. */
  threshold: z.number().min(0).max(1),
  bias: z.record(z.enum(MODEL_CLASSES), z.number()),
  /** feature → class → weight; absent weights are 0. */
  weights: z.record(z.string(), z.record(z.enum(MODEL_CLASSES), z.number())),
});
export type ExpectationModel = z.infer<typeof expectationModelSchema>;

export const MODEL_FILE = 'expectation-model.json';

/** The model of a lexicon folder, or null when the folder has none (rules only). */
export function readExpectationModel(files: DataFileLog, path: string): ExpectationModel | null {
  const text = files.readIfExists(path);
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path}: cannot read it as JSON (${(err as Error).message})`);
  }
  const parsed = expectationModelSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `invalid model file ${path}: field "${issue.path.join('.')}": ${issue.message}`,
    );
  }
  return parsed.data;
}

const MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'can', "'ll", 'should']);
const FUTURE = new Set(['will', "'ll", 'going', 'expected', 'set', 'poised', 'upcoming']);
const QUOTE_MARKS = /["“”]/;
/** Tone beyond this (combined score) counts as clearly positive or negative. */
const TONE_BAND = 0.5;

/**
 * The features of one sentence, each 1 when present (a set, so a feature counts once):
 * the building-block roles and cue moves of the expectation lexicon, matched anywhere in the
 * sentence (the rules' clause and target conditions are what the model may relax), and
 * general properties, alone and combined with whether the talks or their outcome are named.
 */
export function sentenceFeatures(
  scope: SentenceScope,
  tone: ToneScore,
  lexicons: Lexicons,
  headline: boolean,
): string[] {
  const { tokens } = scope;
  const features = new Set<string>();
  let talks = false;
  for (const m of lexicons.expectation.matchAll(tokens)) {
    for (const e of m.entries) {
      if (e.role === 'target' || e.role === 'outcome') talks = true;
      if (e.role === 'cue') features.add(`cue:${e.label}:${e.move}`);
      else features.add(`role:${e.role}`);
    }
  }
  const norms = tokens.map((t) => t.norm);
  const general: string[] = [];
  if (norms.some((n) => MODALS.has(n))) general.push('modal');
  if (norms.some((n) => FUTURE.has(n))) general.push('future');
  if (scope.negator.some((n) => n === 1)) general.push('negation');
  if (tone.combined >= TONE_BAND) general.push('tone:positive');
  if (tone.combined <= -TONE_BAND) general.push('tone:negative');
  if (tokens.some((t) => QUOTE_MARKS.test(t.text))) general.push('quoted');
  if (norms[norms.length - 1] === '?') general.push('question');
  if (headline) general.push('headline');
  for (const g of general) {
    features.add(g);
    if (talks) features.add(`talks+${g}`);
  }
  if (talks) features.add('talks');
  return [...features].sort();
}

export interface ModelDecision {
  label: ModelClass;
  probability: number;
  /** Feature → contribution to the chosen class's score (its weight for that class). */
  contributions: [string, number][];
}

/** Class probabilities by softmax over bias + Σ feature weights. */
export function classProbabilities(
  model: Pick<ExpectationModel, 'bias' | 'weights'>,
  features: readonly string[],
): Record<ModelClass, number> {
  const logits = MODEL_CLASSES.map(
    (c) => (model.bias[c] ?? 0) + features.reduce((s, f) => s + (model.weights[f]?.[c] ?? 0), 0),
  );
  const top = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return Object.fromEntries(MODEL_CLASSES.map((c, i) => [c, exps[i]! / total])) as Record<
    ModelClass,
    number
  >;
}

export function decideByModel(model: ExpectationModel, features: readonly string[]): ModelDecision {
  const p = classProbabilities(model, features);
  const best = MODEL_CLASSES.reduce((a, b) => (p[b] > p[a] ? b : a));
  const label = best !== 'none' && p[best] >= model.threshold ? best : 'none';
  const contributions = features
    .map((f): [string, number] => [f, model.weights[f]?.[label] ?? 0])
    .filter(([, w]) => w !== 0);
  return { label, probability: p[label], contributions };
}

/**
 * The rules' label stands when they found anything; when they are silent (none, no signal),
 * the model may give lowers or raises, shown as one cue hit per feature that fired, spanning
 * the sentence.
 */
export function applyExpectationModel(
  model: ExpectationModel | null,
  rules: ExpectationScore,
  ruleHits: readonly CueHit[],
  scope: SentenceScope,
  features: readonly string[],
  segmentIndex: number,
): { expectation: ExpectationScore; cueHits: CueHit[] } | null {
  if (!model || rules.label !== 'none' || ruleHits.length > 0) return null;
  const decision = decideByModel(model, features);
  if (decision.label === 'none') return null;
  const { tokens } = scope;
  const start = tokens[0]?.start ?? 0;
  const end = tokens[tokens.length - 1]?.end ?? start;
  const sign = decision.label === 'lowers' ? -1 : 1;
  return {
    expectation: {
      label: decision.label,
      move: 'model',
      score: Math.round(sign * decision.probability * 1000) / 1000,
    },
    cueHits: decision.contributions.map(([feature, weight]) => ({
      segment: segmentIndex,
      lexicon: 'expectation-model',
      entry: feature,
      category: decision.label,
      start,
      end,
      weight: Math.round(weight * 1000) / 1000,
      negated: false,
    })),
  };
}

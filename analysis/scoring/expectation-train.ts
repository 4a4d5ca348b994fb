// Learning the expectation model (expectation-model.ts) from labelled sentences: fitting the
// multinomial logistic regression, tuning how its probabilities and the rules' label combine
// (per-class offsets, the override probability) for macro-F1 by cross-validation over whole
// events, and leave-one-event-out measurement with that tuning nested inside each training
// fold, so the left-out event never shapes the model that scores it. Pure and deterministic:
// fixed orders, no randomness; it reads no files (cli/train.ts does).

import {
  classification,
  DIRECTIONAL_CLASSES,
  EXPECTATION_CLASSES,
} from '../evaluation/evaluate.js';
import type { ExpectationLabel } from '../vocabulary/expectation.js';
import { classScores, combine, softmax } from './expectation-model.js';
import { MODEL_CLASSES, type ExpectationModel, type PerClass } from './expectation-model-file.js';

/**
 * One gold-labelled sentence: its event, its features, the rules' label and the gold one.
 * A sentence the pipeline does not score (a furniture line the gold labels) is kept with
 * `scored` false: it counts in the measures, as none, and is not learned from.
 */
export interface Example {
  event: string;
  scored: boolean;
  features: string[];
  rules: ExpectationLabel;
  gold: ExpectationLabel;
}

export interface TrainOptions {
  /** L2 penalties to choose from by inner cross-validation (one: no choice). */
  l2: number[];
  /** A feature is kept only when it occurs in at least this many training events. */
  minEvents: number;
  /** Event folds of the inner cross-validation (at most the number of events). */
  innerFolds: number;
  /** How many times the L2 penalty the word features get (WORD_FEATURE). */
  wordPenalty: number;
  /** Features never used (an ablation: e.g. /^(talks&)?rule:/ leaves the rules' label out). */
  drop?: RegExp;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  l2: [0.003],
  minEvents: 3,
  innerFolds: 4,
  wordPenalty: 3,
};

type Weights = Pick<ExpectationModel, 'bias' | 'weights'>;
export type Decision = Pick<ExpectationModel, 'offsets' | 'override'>;

const ITERATIONS = 300;
/** The features read from the wording itself (stems, stem pairs, alone or with the talks). */
export const WORD_FEATURE = /^(talks&)?[wb]:/;
const STEP = 0.05;
const K = MODEL_CLASSES.length;
const zero = (): PerClass => ({ lowers: 0, raises: 0, hedged: 0, none: 0 });

/** The features that occur in at least `minEvents` different events, sorted. */
export function vocabulary(
  examples: readonly Example[],
  minEvents: number,
  drop?: RegExp,
): string[] {
  const events = new Map<string, Set<string>>();
  for (const e of examples)
    for (const f of e.features) {
      const set = events.get(f);
      if (set) set.add(e.event);
      else events.set(f, new Set([e.event]));
    }
  return [...events]
    .filter(([f, set]) => set.size >= minEvents && !drop?.test(f))
    .map(([f]) => f)
    .sort();
}

/**
 * Multinomial logistic regression with an L2 penalty (the bias is not penalised), fitted by
 * full-batch Adam from zero. Each class's examples weigh the square root of its inverse
 * frequency, so the rare directional classes are not drowned by none.
 */
export function fit(
  all: readonly Example[],
  l2: number,
  minEvents: number,
  drop?: RegExp,
  wordPenalty = 1,
): Weights {
  const examples = all.filter((e) => e.scored);
  const names = vocabulary(examples, minEvents, drop);
  // Word stems and pairs are many and each rare: penalised more than the lexicon's cues.
  const penalty = names.map((f) => (WORD_FEATURE.test(f) ? l2 * wordPenalty : l2));
  const index = new Map(names.map((f, i) => [f, i]));
  // The examples' feature indices, flattened: example i's are at[start[i] .. start[i + 1]).
  const lists = examples.map((e) => e.features.flatMap((f) => index.get(f) ?? []));
  const start = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => (start[i + 1] = start[i]! + l.length));
  const at = Int32Array.from(lists.flat());
  const ys = Int32Array.from(examples.map((e) => MODEL_CLASSES.indexOf(e.gold)));
  const counts = new Array<number>(K).fill(0);
  for (const y of ys) counts[y]!++;
  const classWeight = counts.map((n) => (n === 0 ? 0 : Math.sqrt(examples.length / (K * n))));
  let totalWeight = 0;
  for (const y of ys) totalWeight += classWeight[y]!;
  const scaleOf = Float64Array.from(ys, (y) => classWeight[y]! / (totalWeight || 1));
  const dim = (names.length + 1) * K; // the last K are the biases
  const biasAt = names.length * K;
  const decay = new Float64Array(dim);
  for (let j = 0; j < biasAt; j++) decay[j] = penalty[Math.floor(j / K)]!;
  const w = new Float64Array(dim);
  const m = new Float64Array(dim);
  const v = new Float64Array(dim);
  const grad = new Float64Array(dim);
  const logits = new Float64Array(K);
  for (let step = 1; step <= ITERATIONS; step++) {
    grad.fill(0);
    for (let i = 0; i < ys.length; i++) {
      const from = start[i]!;
      const to = start[i + 1]!;
      let top = -Infinity;
      for (let c = 0; c < K; c++) {
        let s = w[biasAt + c]!;
        for (let k = from; k < to; k++) s += w[at[k]! * K + c]!;
        logits[c] = s;
        if (s > top) top = s;
      }
      let total = 0;
      for (let c = 0; c < K; c++) {
        logits[c] = Math.exp(logits[c]! - top);
        total += logits[c]!;
      }
      const scale = scaleOf[i]!;
      const y = ys[i]!;
      for (let c = 0; c < K; c++) {
        const error = scale * (logits[c]! / total - (c === y ? 1 : 0));
        grad[biasAt + c] = grad[biasAt + c]! + error;
        for (let k = from; k < to; k++) {
          const j = at[k]! * K + c;
          grad[j] = grad[j]! + error;
        }
      }
    }
    const c1 = 1 - 0.9 ** step;
    const c2 = 1 - 0.999 ** step;
    for (let j = 0; j < dim; j++) {
      const g = grad[j]! + decay[j]! * w[j]!;
      m[j] = 0.9 * m[j]! + 0.1 * g;
      v[j] = 0.999 * v[j]! + 0.001 * g * g;
      w[j] = w[j]! - (STEP * (m[j]! / c1)) / (Math.sqrt(v[j]! / c2) + 1e-8);
    }
  }
  // Rounded, and features whose weights are all negligible dropped: the file reads as a list.
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const perClass = (at: number): PerClass => {
    const out = zero();
    MODEL_CLASSES.forEach((c, k) => (out[c] = round(w[at + k]!)));
    return out;
  };
  const weights: Record<string, PerClass> = {};
  names.forEach((f, i) => {
    const pc = perClass(i * K);
    if (MODEL_CLASSES.some((c) => Math.abs(pc[c]) >= 0.005)) weights[f] = pc;
  });
  return { bias: perClass(biasAt), weights };
}

export const probabilities = (weights: Weights, e: Example): PerClass =>
  softmax(classScores(weights, e.features));

/** The label of a sentence as the pipeline gives it: unscored sentences keep the rules' none. */
const decide = (p: PerClass, e: Example, d: Decision): ExpectationLabel =>
  e.scored ? combine(p, e.rules, d.offsets, d.override).label : e.rules;

/** Macro-F1 over the four labels, as `npm run eval` computes it. */
export function macroF1(items: Array<[gold: string, predicted: string]>): number {
  return classification(items, EXPECTATION_CLASSES, DIRECTIONAL_CLASSES).macro_f1;
}

/** The events of a set of examples, sorted. */
export const eventsOf = (examples: readonly Example[]): string[] =>
  [...new Set(examples.map((e) => e.event))].sort();

/**
 * Out-of-fold probabilities: events dealt round-robin (in sorted order) into `folds` folds,
 * each fold predicted by a model fitted on the others.
 */
export function outOfFold(
  examples: readonly Example[],
  l2: number,
  options: TrainOptions,
): PerClass[] {
  const events = eventsOf(examples);
  const k = Math.max(2, Math.min(options.innerFolds, events.length));
  const foldOf = new Map(events.map((e, i) => [e, i % k]));
  const out: PerClass[] = new Array(examples.length);
  for (let fold = 0; fold < k; fold++) {
    const train = examples.filter((e) => foldOf.get(e.event) !== fold);
    const weights = fit(train, l2, options.minEvents, options.drop, options.wordPenalty);
    examples.forEach((e, i) => {
      if (foldOf.get(e.event) === fold) out[i] = probabilities(weights, e);
    });
  }
  return out;
}

const OVERRIDES = [0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
const OFFSETS = [-4, -3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2];

/**
 * The offsets and override probability that give the best macro-F1 on these probabilities
 * (out-of-fold ones): for each override, coordinate ascent over the three directional
 * classes' offsets from 0; ties keep the earlier choice, so the result is deterministic.
 */
export function tuneDecision(
  examples: readonly Example[],
  probs: readonly PerClass[],
): Decision & { f1: number } {
  const score = (d: Decision) => macroF1(examples.map((e, i) => [e.gold, decide(probs[i]!, e, d)]));
  let best: Decision & { f1: number } = { offsets: zero(), override: 1.01, f1: -1 };
  for (const override of OVERRIDES) {
    const offsets = zero();
    let f1 = score({ offsets, override });
    for (let pass = 0; pass < 3; pass++) {
      let changed = false;
      for (const c of ['lowers', 'raises', 'hedged'] as const) {
        for (const o of OFFSETS) {
          const trial = { ...offsets, [c]: o };
          const f = score({ offsets: trial, override });
          if (f > f1 + 1e-12) {
            f1 = f;
            offsets[c] = o;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (f1 > best.f1 + 1e-12) best = { offsets: { ...offsets }, override, f1 };
  }
  return best;
}

export interface Trained extends Weights, Decision {
  l2: number;
}

/**
 * A model from these examples: the L2 penalty and the decision tuned by inner cross-
 * validation over events, then the weights fitted on all of them.
 */
export function train(examples: readonly Example[], options: TrainOptions): Trained {
  let chosen: { l2: number; decision: Decision; f1: number } | null = null;
  for (const l2 of options.l2) {
    const probs = outOfFold(examples, l2, options);
    const { f1, ...decision } = tuneDecision(examples, probs);
    if (chosen === null || f1 > chosen.f1 + 1e-12) chosen = { l2, decision, f1 };
  }
  if (chosen === null) throw new Error('no L2 penalty to choose from');
  return {
    ...fit(examples, chosen.l2, options.minEvents, options.drop, options.wordPenalty),
    ...chosen.decision,
    l2: chosen.l2,
  };
}

export const predict = (model: Trained, e: Example): ExpectationLabel =>
  decide(probabilities(model, e), e, model);

export interface EventResult {
  event: string;
  /** [gold, rules' label, rules + model label] per sentence. */
  items: Array<[gold: ExpectationLabel, rules: ExpectationLabel, model: ExpectationLabel]>;
  l2: number;
  override: number;
}

/** Leave-one-event-out: each event scored by a model trained (and tuned) on all the others. */
export function leaveOneEventOut(
  examples: readonly Example[],
  options: TrainOptions,
  progress?: (event: string) => void,
): EventResult[] {
  return eventsOf(examples).map((event) => {
    progress?.(event);
    const model = train(
      examples.filter((e) => e.event !== event),
      options,
    );
    const held = examples.filter((e) => e.event === event);
    return {
      event,
      items: held.map((e) => [e.gold, e.rules, predict(model, e)]),
      l2: model.l2,
      override: model.override,
    };
  });
}

// Evaluation metrics: gold segments (a gold set's segments.jsonl rows) against the
// segments the analyzer predicted, per document, summed into one report whose shape is
// the JSON of ../shared/eval/README.md. Pure: it reads no files and runs no analyzer
// (cli/eval.ts does both), so every number can be checked on hand-made inputs.

import { z } from 'zod';
import type { ArticleAnalysis } from '../types.js';
import { EXPECTATION_DIRECTIONS, EXPECTATION_LABELS } from '../vocabulary/expectation.js';
import { QUOTE_KINDS } from '../vocabulary/quotes.js';
import { SEGMENT_KINDS } from '../vocabulary/segments.js';
import { SPEAKER_SIDES } from '../vocabulary/sides.js';
import { sameSpeaker } from './speaker-match.js';

export { sameSpeaker };

const nullableLabel = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).nullable().optional();

/** One row of segments.jsonl. A missing or null label is not counted for that label. */
export const goldRowSchema = z.object({
  doc: z.string().min(1),
  para: z.number().int().min(0),
  sent: z.number().int().min(0),
  kind: z.enum(SEGMENT_KINDS),
  text: z.string().min(1),
  expectation: nullableLabel(EXPECTATION_LABELS),
  tone: z.number().nullable().optional(),
  quote: nullableLabel(QUOTE_KINDS),
  speaker: z.string().nullable().optional(),
  speaker_side: nullableLabel(SPEAKER_SIDES),
  hedge: z.boolean().nullable().optional(),
});
export type GoldRow = z.infer<typeof goldRowSchema>;

/** What the analyzer said about one segment, in the gold rows' terms. */
export interface PredictedSegment {
  text: string;
  kind: string;
  expectation: string | null;
  tone: number | null;
  quote: string | null;
  speaker: string | null;
  speaker_side: string | null;
  hedge: boolean;
  /**
   * The labels of the expectation lexicon's cues found in the sentence, whether or not a rule
   * let them count (the rules gate most cues on the talks being named); absent when unknown.
   */
  expectation_cues?: string[];
}

export interface EvalDocument {
  doc: string;
  gold: GoldRow[];
  predicted: PredictedSegment[];
}

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}
export interface ClassificationMetrics {
  n: number;
  accuracy: number;
  macro_f1: number;
  per_class: Record<string, ClassMetrics>;
  confusion: Record<string, Record<string, number>>;
  macro_f1_directional?: number;
}
export interface EvalReport {
  gold: string;
  docs: number;
  gold_segments: number;
  predicted_segments: number;
  segmentation: { precision: number; recall: number; f1: number; kind_accuracy: number | null };
  expectation: ClassificationMetrics | null;
  tone: {
    n: number;
    pearson: number | null;
    spearman: number | null;
    sign_agreement: number;
  } | null;
  hedge: { n: number; precision: number; recall: number; f1: number; accuracy: number } | null;
  quote: ClassificationMetrics | null;
  speaker: { n: number; accuracy: number } | null;
  speaker_side: ClassificationMetrics | null;
  /** Where the expectation misses come from (expectationCoverage); null without cue lists. */
  expectation_coverage?: Record<string, ExpectationCoverage> | null;
}

/**
 * The gold sentences of one directional class, by what the analyzer had to go on: labelled
 * right; missed although a cue of the gold direction was in the sentence (a rule did not let
 * it count, or another label won); missed with only cues of other directions; missed with no
 * cue entry at all (the lexicon does not list how the sentence says it). A cue is an entry of
 * the expectation lexicon with role "cue"; a rule's building blocks ("hopes" … "slim") are not.
 */
export interface ExpectationCoverage {
  n: number;
  right: number;
  missed_with_cue: number;
  missed_other_cues: number;
  missed_no_cue: number;
}

/** One disagreement, for `npm run eval -- --errors`. */
export interface EvalError {
  doc: string;
  type: 'missing' | 'extra' | 'kind' | 'label';
  text: string;
  detail: string;
}

export const EXPECTATION_CLASSES: string[] = [...EXPECTATION_LABELS];
export const DIRECTIONAL_CLASSES: string[] = [...EXPECTATION_DIRECTIONS];
export const QUOTE_CLASSES: string[] = [...QUOTE_KINDS];
export const SIDE_CLASSES: string[] = [...SPEAKER_SIDES];
/** Gold tone within ±0.5 of zero is neutral (README). */
export const GOLD_ZERO_BAND = 0.5;
/** Predicted tone within ±0.1 is neutral: a lexicon score with no real cue behind it. */
export const PREDICTED_ZERO_BAND = 0.1;

/** Gold directional sentences by what the analyzer had to go on (ExpectationCoverage). */
export function expectationCoverage(
  pairs: { gold: GoldRow; predicted: PredictedSegment }[],
): Record<string, ExpectationCoverage> | null {
  const rows = pairs.filter(
    (x) => x.gold.expectation != null && DIRECTIONAL_CLASSES.includes(x.gold.expectation),
  );
  if (rows.length === 0 || rows.some((x) => x.predicted.expectation_cues === undefined))
    return null;
  const out: Record<string, ExpectationCoverage> = {};
  for (const label of DIRECTIONAL_CLASSES) {
    const counts = { n: 0, right: 0, missed_with_cue: 0, missed_other_cues: 0, missed_no_cue: 0 };
    for (const x of rows.filter((r) => r.gold.expectation === label)) {
      const cues = x.predicted.expectation_cues ?? [];
      counts.n++;
      if (x.predicted.expectation === label) counts.right++;
      else if (cues.includes(label)) counts.missed_with_cue++;
      else if (cues.length > 0) counts.missed_other_cues++;
      else counts.missed_no_cue++;
    }
    out[label] = counts;
  }
  return out;
}

/** The analyzer's article result, as PredictedSegments. */
export function predictionsFromAnalysis(
  analysis: ArticleAnalysis,
  expectationCues?: ReadonlyMap<number, string[]>,
): PredictedSegment[] {
  return analysis.segments.map((s, i) => {
    const speaker = s.speaker === null ? undefined : analysis.speakers[s.speaker];
    return {
      text: s.text,
      kind: s.kind,
      expectation: s.expectation?.label ?? null,
      tone: s.tone?.combined ?? null,
      quote: s.quote,
      speaker: speaker?.name ?? null,
      speaker_side: speaker?.side ?? null,
      hedge: s.hedges > 0,
      ...(expectationCues ? { expectation_cues: expectationCues.get(i) ?? [] } : {}),
    };
  });
}

/**
 * The analyzer's options that collect, per segment, the labels of the expectation cues its
 * sentence holds (for predictionsFromAnalysis), and the map they fill. Labels come from the
 * expectation features' cue names (`cue:<label>:<move>`, scoring/expectation-model.ts).
 */
export function collectExpectationCues(): {
  cues: Map<number, string[]>;
  observeExpectation: (segment: number, features: { name: string }[]) => void;
} {
  const cues = new Map<number, string[]>();
  return {
    cues,
    observeExpectation: (segment, features) =>
      cues.set(segment, [
        ...new Set(
          features.filter((f) => f.name.startsWith('cue:')).map((f) => f.name.split(':')[1]!),
        ),
      ]),
  };
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Pairs gold and predicted segments by whitespace-collapsed text; duplicates pair in order. */
export function matchSegments(gold: GoldRow[], predicted: PredictedSegment[]) {
  const queues = new Map<string, number[]>();
  predicted.forEach((p, i) => {
    const key = collapse(p.text);
    const queue = queues.get(key);
    if (queue) queue.push(i);
    else queues.set(key, [i]);
  });
  const pairs: Array<{ gold: GoldRow; predicted: PredictedSegment }> = [];
  const missing: GoldRow[] = [];
  const used = new Set<number>();
  for (const g of gold) {
    const i = queues.get(collapse(g.text))?.shift();
    if (i === undefined) missing.push(g);
    else {
      used.add(i);
      pairs.push({ gold: g, predicted: predicted[i] as PredictedSegment });
    }
  }
  const extra = predicted.filter((_, i) => !used.has(i));
  return { pairs, missing, extra };
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const f1Of = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/**
 * Accuracy, per-class P/R/F1, confusion (gold → predicted → count) and macro-F1 over
 * `classes`; a class with neither gold support nor predictions is left out of the macro mean.
 */
export function classification(
  items: Array<[gold: string, predicted: string]>,
  classes: string[],
  directional?: string[],
): ClassificationMetrics {
  const confusion: Record<string, Record<string, number>> = {};
  let correct = 0;
  for (const [g, p] of items) {
    const row = (confusion[g] ??= {});
    row[p] = (row[p] ?? 0) + 1;
    if (g === p) correct++;
  }
  const per_class: Record<string, ClassMetrics> = {};
  for (const c of classes) {
    const support = items.filter(([g]) => g === c).length;
    const predictedN = items.filter(([, p]) => p === c).length;
    if (support === 0 && predictedN === 0) continue;
    const tp = confusion[c]?.[c] ?? 0;
    const precision = ratio(tp, predictedN);
    const recall = ratio(tp, support);
    per_class[c] = { precision, recall, f1: f1Of(precision, recall), support };
  }
  const macro = (list: string[]): number => {
    const f1s = list.flatMap((c) => (per_class[c] ? [per_class[c].f1] : []));
    return f1s.length === 0 ? 0 : f1s.reduce((a, b) => a + b, 0) / f1s.length;
  };
  const result: ClassificationMetrics = {
    n: items.length,
    accuracy: ratio(correct, items.length),
    macro_f1: macro(classes),
    per_class,
    confusion,
  };
  if (directional) result.macro_f1_directional = macro(directional);
  return result;
}

export function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** 1-based ranks; tied values share the average of their ranks. */
export function averageRanks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.[0] === order[i]?.[0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]?.[1] as number] = rank;
    i = j + 1;
  }
  return ranks;
}

export const spearman = (xs: number[], ys: number[]): number | null =>
  pearson(averageRanks(xs), averageRanks(ys));

const sign = (v: number, band: number): number => (Math.abs(v) <= band ? 0 : Math.sign(v));

/** The whole report over a gold set's documents, plus the disagreements behind it. */
export function evaluate(
  goldName: string,
  documents: EvalDocument[],
): { report: EvalReport; errors: EvalError[] } {
  const errors: EvalError[] = [];
  const pairs: Array<{ doc: string; gold: GoldRow; predicted: PredictedSegment }> = [];
  let goldN = 0;
  let predictedN = 0;
  for (const d of documents) {
    goldN += d.gold.length;
    predictedN += d.predicted.length;
    const m = matchSegments(d.gold, d.predicted);
    for (const g of m.missing)
      errors.push({ doc: d.doc, type: 'missing', text: g.text, detail: g.kind });
    for (const p of m.extra)
      errors.push({ doc: d.doc, type: 'extra', text: p.text, detail: p.kind });
    for (const pair of m.pairs) pairs.push({ doc: d.doc, ...pair });
  }

  const matched = pairs.length;
  const precision = ratio(matched, predictedN);
  const recall = ratio(matched, goldN);
  const kindRight = pairs.filter((x) => x.gold.kind === x.predicted.kind).length;
  for (const x of pairs) {
    if (x.gold.kind !== x.predicted.kind) {
      errors.push({
        doc: x.doc,
        type: 'kind',
        text: x.gold.text,
        detail: `${x.gold.kind} → ${x.predicted.kind}`,
      });
    }
  }

  const labelled = (
    label: 'expectation' | 'quote' | 'speaker_side',
    classes: string[],
    missingAs: string,
    directional?: string[],
  ): ClassificationMetrics | null => {
    const rows = pairs.filter((x) => x.gold[label] != null);
    if (rows.length === 0 || pairs.every((x) => x.predicted[label] === null)) return null;
    const items = rows.map((x): [string, string] => [
      x.gold[label] as string,
      x.predicted[label] ?? missingAs,
    ]);
    rows.forEach((x, i) => {
      const [g, p] = items[i] as [string, string];
      if (g !== p)
        errors.push({
          doc: x.doc,
          type: 'label',
          text: x.gold.text,
          detail: `${label}: ${g} → ${p}`,
        });
    });
    return classification(items, classes, directional);
  };

  const toneRows = pairs.filter((x) => x.gold.tone != null && x.predicted.tone !== null);
  const gt = toneRows.map((x) => x.gold.tone as number);
  const pt = toneRows.map((x) => x.predicted.tone as number);
  const tone =
    toneRows.length === 0
      ? null
      : {
          n: toneRows.length,
          pearson: pearson(gt, pt),
          spearman: spearman(gt, pt),
          sign_agreement: ratio(
            gt.filter(
              (g, i) => sign(g, GOLD_ZERO_BAND) === sign(pt[i] as number, PREDICTED_ZERO_BAND),
            ).length,
            gt.length,
          ),
        };

  const hedgeRows = pairs.filter((x) => x.gold.hedge != null);
  let hedge: EvalReport['hedge'] = null;
  if (hedgeRows.length > 0) {
    const tp = hedgeRows.filter((x) => x.gold.hedge && x.predicted.hedge).length;
    const p = ratio(tp, hedgeRows.filter((x) => x.predicted.hedge).length);
    const r = ratio(tp, hedgeRows.filter((x) => x.gold.hedge).length);
    const right = hedgeRows.filter((x) => x.gold.hedge === x.predicted.hedge).length;
    hedge = {
      n: hedgeRows.length,
      precision: p,
      recall: r,
      f1: f1Of(p, r),
      accuracy: ratio(right, hedgeRows.length),
    };
    for (const x of hedgeRows) {
      if (x.gold.hedge !== x.predicted.hedge) {
        errors.push({
          doc: x.doc,
          type: 'label',
          text: x.gold.text,
          detail: `hedge: ${x.gold.hedge} → ${x.predicted.hedge}`,
        });
      }
    }
  }

  const speakerRows = pairs.filter((x) => x.gold.speaker != null);
  let speaker: EvalReport['speaker'] = null;
  if (speakerRows.length > 0 && !pairs.every((x) => x.predicted.speaker === null)) {
    const same = (x: (typeof speakerRows)[number]): boolean =>
      x.predicted.speaker !== null && sameSpeaker(x.gold.speaker as string, x.predicted.speaker);
    speaker = {
      n: speakerRows.length,
      accuracy: ratio(speakerRows.filter(same).length, speakerRows.length),
    };
    for (const x of speakerRows) {
      if (!same(x)) {
        errors.push({
          doc: x.doc,
          type: 'label',
          text: x.gold.text,
          detail: `speaker: ${x.gold.speaker} → ${x.predicted.speaker}`,
        });
      }
    }
  }

  const report: EvalReport = {
    expectation_coverage: expectationCoverage(pairs),
    gold: goldName,
    docs: documents.length,
    gold_segments: goldN,
    predicted_segments: predictedN,
    segmentation: {
      precision,
      recall,
      f1: f1Of(precision, recall),
      kind_accuracy: matched === 0 ? null : kindRight / matched,
    },
    expectation: labelled('expectation', EXPECTATION_CLASSES, 'none', DIRECTIONAL_CLASSES),
    tone,
    hedge,
    quote: labelled('quote', QUOTE_CLASSES, 'none'),
    speaker,
    speaker_side: labelled('speaker_side', SIDE_CLASSES, '(none)'),
  };
  return { report, errors };
}

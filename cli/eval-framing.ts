// The framing part of `npm run eval`: for a gold folder that also holds stance.jsonl and
// bias_spans.jsonl (BASIL's layout, ../shared/eval/public/basil-dev/README.md), reads them
// and prints the measures analysis/evaluation/framing-eval.ts computes. Reading and printing only.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  biasSpanSchema,
  evaluateFraming,
  stanceRowSchema,
  type Detection,
  type FramingDocument,
  type FramingGold,
  type FramingReport,
  type Ordering,
} from '../analysis/evaluation/framing-eval.js';
import { readGoldJsonl } from './gold-file.js';

/** The framing gold of `folder`, or null when it has no stance.jsonl / bias_spans.jsonl. */
export function readFramingGold(folder: string): FramingGold | null {
  const stanceFile = join(folder, 'stance.jsonl');
  const spansFile = join(folder, 'bias_spans.jsonl');
  if (!existsSync(stanceFile) || !existsSync(spansFile)) return null;
  const stance = readGoldJsonl(stanceFile, stanceRowSchema);
  return {
    events: stance.flatMap((r) => (r.type === 'event' ? [r] : [])),
    articles: stance.flatMap((r) => (r.type === 'article' ? [r] : [])),
    spans: readGoldJsonl(spansFile, biasSpanSchema),
  };
}

export function framingReport(gold: FramingGold, documents: FramingDocument[]): FramingReport {
  return evaluateFraming(gold, documents);
}

const fmt = (v: number | null): string => (v === null ? '  —  ' : v.toFixed(3));

function orderingLine(o: Ordering): string {
  return `concordance ${fmt(o.concordance)} over ${o.pairs} untied pairs (${o.events} events), permutation p ${o.p_value === null ? '—' : o.p_value.toFixed(4)}`;
}

function detectionLine(d: Detection): string {
  return `P ${fmt(d.precision)}  R ${fmt(d.recall)}  F1 ${fmt(d.f1)}  (${d.positives} of ${d.n} sentences)`;
}

export function printFraming(r: FramingReport): void {
  console.log('\nframing');
  console.log(`  ordering toward each entity: ${orderingLine(r.ordering)}`);
  console.log(`    baseline, article mean tone: ${orderingLine(r.ordering_mean_tone)}`);
  console.log(`  loaded language, outside quotes: ${detectionLine(r.loaded)}`);
  console.log(`    with quoted spans counted:     ${detectionLine(r.loaded.with_quotes)}`);
  console.log(
    `    baseline, any AFINN-negative word: ${detectionLine(r.loaded.baseline_afinn_negative)}`,
  );
  console.log(
    `    baseline, any AFINN word |score| ≥ 3: ${detectionLine(r.loaded.baseline_afinn_strong)}`,
  );
  console.log(
    `  article polarity Spearman (${r.articles} articles): ${fmt(r.article_spearman)}  (article mean tone ${fmt(r.article_spearman_mean_tone)}, framing score ${fmt(r.article_spearman_relative)})`,
  );
}

// The framing part of `npm run eval`: for a gold folder that also holds stance.jsonl and
// bias_spans.jsonl (BASIL's layout, ../shared/eval/public/basil-dev/README.md), reads them
// and prints the measures analysis/evaluation/framing-eval.ts computes. Reading and printing only.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
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

/** A malformed framing gold file: the command reports it like a usage error (exit 2). */
export class FramingGoldError extends Error {}

function readJsonl<S extends z.ZodType>(file: string, schema: S): z.infer<S>[] {
  const rows: z.infer<S>[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new FramingGoldError(`${file} line ${i + 1}: not valid JSON`);
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new FramingGoldError(
          `${file} line ${i + 1}: ${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid row'}`,
        );
      }
      rows.push(parsed.data);
    });
  return rows;
}

/** The framing gold of `folder`, or null when it has no stance.jsonl / bias_spans.jsonl. */
export function readFramingGold(folder: string): FramingGold | null {
  const stanceFile = join(folder, 'stance.jsonl');
  const spansFile = join(folder, 'bias_spans.jsonl');
  if (!existsSync(stanceFile) || !existsSync(spansFile)) return null;
  const stance = readJsonl(stanceFile, stanceRowSchema);
  return {
    events: stance.flatMap((r) => (r.type === 'event' ? [r] : [])),
    articles: stance.flatMap((r) => (r.type === 'article' ? [r] : [])),
    spans: readJsonl(spansFile, biasSpanSchema),
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

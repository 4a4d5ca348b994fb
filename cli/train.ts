// `npm run train`: learns the expectation model (analysis/scoring/expectation-model.ts) from
// gold sets and writes it as a versioned data file. It analyses each gold document with the
// rules alone, keeps the gold sentences on which the rules are silent (the only ones the
// model decides), and fits a multinomial logistic regression with a strong L2 penalty by
// full-batch gradient descent. It evaluates nothing: `npm run eval` measures the result, and
// --exclude-docs leaves an event out so it can be measured on text it was not trained on.

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  classProbabilities,
  MODEL_CLASSES,
  type ExpectationModel,
  type ModelClass,
} from '../analysis/scoring/expectation-model.js';
import { createAnalyzer } from '../analysis/pipeline.js';
import { expectationTrainingRow } from '../analysis/scoring/score.js';
import { tokenize } from '../analysis/segmentation/tokens.js';
import { projectPath } from '../lib/project-paths.js';
import { goldDocuments, readGold, UsageError } from './gold-set.js';

const USAGE = `Usage: npm run train -- <gold-folder>... [--exclude-docs RE] [--out FILE] [--l2 X]

Trains the expectation model on the gold sets' sentences where the rules are silent.
  --exclude-docs RE  leave out documents whose name matches RE (validation, a held-out event)
  --docs RE          only documents whose name matches RE
  --out FILE         where to write (default analysis/lexicons/expectation-model.json)
  --l2 X             L2 penalty per example (default ${0.1})
  --threshold P      probability a class needs to be given (default 0.5)`;

const ITERATIONS = 3000;
const LEARNING_RATE = 0.5;

interface Example {
  features: string[];
  label: ModelClass;
}

/** Multinomial logistic regression, L2-penalised (the bias is not), by gradient descent. */
export function fit(examples: Example[], l2: number): Pick<ExpectationModel, 'bias' | 'weights'> {
  const names = [...new Set(examples.flatMap((e) => e.features))].sort();
  const zero = () =>
    Object.fromEntries(MODEL_CLASSES.map((c) => [c, 0])) as Record<ModelClass, number>;
  const model = {
    bias: zero(),
    weights: Object.fromEntries(names.map((f) => [f, zero()])) as Record<
      string,
      Record<ModelClass, number>
    >,
  };
  const n = Math.max(1, examples.length);
  for (let step = 0; step < ITERATIONS; step++) {
    const gradBias = zero();
    const grad = Object.fromEntries(names.map((f) => [f, zero()]));
    for (const e of examples) {
      const p = classProbabilities(model, e.features);
      for (const c of MODEL_CLASSES) {
        const error = p[c] - (e.label === c ? 1 : 0);
        gradBias[c] += error / n;
        for (const f of e.features) grad[f]![c] += error / n;
      }
    }
    for (const c of MODEL_CLASSES) {
      model.bias[c] -= LEARNING_RATE * gradBias[c];
      for (const f of names) {
        const w = model.weights[f]!;
        w[c] -= LEARNING_RATE * (grad[f]![c] + l2 * w[c]);
      }
    }
  }
  // Rounded, and weights too small to matter dropped, so the file reads as a list of cues.
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const weights: Record<string, Record<ModelClass, number>> = {};
  for (const f of names) {
    const w = model.weights[f]!;
    if (MODEL_CLASSES.some((c) => Math.abs(w[c]) >= 0.01))
      weights[f] = Object.fromEntries(MODEL_CLASSES.map((c) => [c, round(w[c])])) as Record<
        ModelClass,
        number
      >;
  }
  return {
    bias: Object.fromEntries(MODEL_CLASSES.map((c) => [c, round(model.bias[c])])) as Record<
      ModelClass,
      number
    >,
    weights,
  };
}

function main(argv: string[]): number {
  const args = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'exclude-docs': { type: 'string' },
      docs: { type: 'string' },
      out: { type: 'string' },
      l2: { type: 'string' },
      threshold: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (args.values.help || args.positionals.length === 0) {
    console.log(USAGE);
    return args.values.help ? 0 : 2;
  }
  const l2 = Number(args.values.l2 ?? '0.1');
  const threshold = Number(args.values.threshold ?? '0.5');
  if (!(l2 >= 0) || !(threshold > 0 && threshold <= 1))
    throw new UsageError('--l2 must be ≥ 0 and --threshold in (0, 1]');
  const exclude = args.values['exclude-docs'];
  const only = args.values.docs;
  const filter = {
    exclude: exclude === undefined ? undefined : new RegExp(exclude),
    only: only === undefined ? undefined : new RegExp(only),
  };
  // Rules alone: a model present in the lexicon folder must not shape its own training data.
  const analyzer = createAnalyzer();
  const lexicons = { ...analyzer.data.lexicons, expectationModel: null };
  const examples: Example[] = [];
  const sets: string[] = [];
  for (const folder of args.positionals) {
    const { docsDir, rows } = readGold(resolve(folder));
    sets.push(folder);
    for (const { text, gold } of goldDocuments(docsDir, rows, filter)) {
      const labelled = new Map<string, (typeof gold)[number]>();
      for (const g of gold) {
        if (g.expectation !== null && g.expectation !== undefined)
          labelled.set(g.text.replace(/\s+/g, ' ').trim(), g);
      }
      const analysis = analyzer.analyze(text);
      for (const segment of analysis.segments) {
        const g = labelled.get(segment.text.replace(/\s+/g, ' ').trim());
        if (!g || segment.expectation === null) continue;
        const tokens = tokenize(segment.text, segment.start);
        const row = expectationTrainingRow(tokens, lexicons, segment.kind === 'headline');
        if (row.rules.label !== 'none' || row.ruleHits > 0) continue;
        const label: ModelClass =
          g.expectation === 'lowers' || g.expectation === 'raises' ? g.expectation : 'none';
        examples.push({ features: row.features, label });
      }
    }
  }
  const fitted = fit(examples, l2);
  const model: ExpectationModel = {
    name: 'expectation-model',
    version: '1.0.0',
    description:
      'Multinomial logistic regression deciding expectation where the rules are silent (analysis/scoring/expectation-model.ts). Written by cli/train.ts; do not edit by hand.',
    training: {
      command: ['npm run train --', ...argv].join(' '),
      sets,
      excluded: exclude ?? null,
      examples: examples.length,
      l2,
    },
    threshold,
    ...fitted,
  };
  const out = args.values.out ?? projectPath('analysis', 'lexicons', 'expectation-model.json');
  writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
  const counts = MODEL_CLASSES.map((c) => `${c} ${examples.filter((e) => e.label === c).length}`);
  console.log(
    `trained on ${examples.length} rule-silent sentences (${counts.join(', ')}) → ${out}`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`train: ${(error as Error).message}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}

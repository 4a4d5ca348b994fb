// `npm run train -- <gold-folder>...`: learns the expectation model
// (analysis/scoring/expectation-model.ts) from gold sets and writes it as a versioned data
// file, or with --loeo measures it leave-one-event-out against the rules alone. It analyses
// each gold document with the rules only (a model already in the lexicon folder never shapes
// its own training data), keeps the gold-labelled sentences with their features and the
// rules' label, and hands them to analysis/scoring/expectation-train.ts. Adding a gold set is
// one more folder argument.

import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Example, EventResult, TrainOptions } from '../analysis/scoring/expectation-train.js';
import type { ExpectationModel } from '../analysis/scoring/expectation-model-file.js';
import type { ExpectationLabel } from '../analysis/vocabulary/expectation.js';
import { runCommand } from './command.js';
import { GoldFileError } from './gold-file.js';
import { eventOf, goldDocuments, readGold } from './gold-set.js';

const loadAnalysis = async () => ({
  ...(await import('../analysis/evaluation/evaluate.js')),
  ...(await import('../analysis/pipeline.js')),
  ...(await import('../analysis/scoring/expectation-train.js')),
  ...(await import('../lib/project-paths.js')),
});
type Analysis = Awaited<ReturnType<typeof loadAnalysis>>;

const USAGE = `Usage: npm run train -- <gold-folder>... [--loeo] [options]

Learns the expectation model from the gold-labelled sentences of the gold folders (each as
\`npm run eval\` reads it) and writes analysis/lexicons/expectation-model.json. An event is
the part of a document's name before "__"; a folder whose names carry none is one event.

Options
  --loeo           do not write a model: leave one event out at a time, train on the
                   others (tuning nested inside), score it, and print rules-only against
                   rules + model per event, their mean, pooled macro-F1 and recall per class
  --test FOLDER    do not write a model: train (and tune) on the gold folders, score each
                   event of FOLDER (repeatable) with it, and print the same table as --loeo
  --json           with --loeo or --test, end with one JSON line of the figures
  --out FILE       where to write the model (default analysis/lexicons/expectation-model.json)
  --min-events N   keep a feature only when it occurs in N training events or more (default 3)
  --drop RE        leave out the features whose name matches RE (an ablation, e.g.
                   '^(talks&)?rule:' for a model that does not see the rules' label)
  --l2 LIST        L2 penalties to choose from by inner cross-validation (default 0.003)
  --word-penalty X how many times that penalty the word stems and pairs get (default 3)
  -h, --help       this text`;

class UsageError extends Error {}

/** The gold-labelled sentences of the folders, analysed by the rules alone. */
function examplesOf(folders: string[], analysis: Analysis): Example[] {
  const analyzer = analysis.createAnalyzer();
  analyzer.data.lexicons = { ...analyzer.data.lexicons, expectationModel: null };
  const examples: Example[] = [];
  for (const folder of folders) {
    const { docsDir, rows } = readGold(resolve(folder), analysis.goldRowSchema);
    for (const { doc, text, gold } of goldDocuments(docsDir, rows)) {
      const observed = new Map<number, { features: string[]; rules: ExpectationLabel }>();
      const article = analyzer.analyze(text, {
        observeExpectation: (segment, features, rules) =>
          observed.set(segment, { features: features.map((f) => f.name), rules: rules.label }),
      });
      const predicted = analysis.predictionsFromAnalysis(article);
      const indexOf = new Map(predicted.map((p, i) => [p, i]));
      for (const pair of analysis.matchSegments(gold, predicted).pairs) {
        const label = pair.gold.expectation;
        if (label === null || label === undefined) continue;
        const seen = observed.get(indexOf.get(pair.predicted)!);
        examples.push({
          event: eventOf(doc, basename(resolve(folder))),
          scored: seen !== undefined,
          features: seen?.features ?? [],
          rules: seen?.rules ?? 'none',
          gold: label,
        });
      }
    }
  }
  return examples;
}

const fmt = (v: number | undefined): string => (v === undefined ? '  —  ' : v.toFixed(3));

interface Figures {
  mean: number;
  pooled: number;
  recall: Record<string, number | undefined>;
}

function figures(results: EventResult[], column: 1 | 2, analysis: Analysis): Figures {
  const metrics = (items: Array<[string, string]>) =>
    analysis.classification(items, analysis.EXPECTATION_CLASSES, analysis.DIRECTIONAL_CLASSES);
  const perEvent = results.map((r) => metrics(r.items.map((i) => [i[0], i[column]])).macro_f1);
  const pooled = metrics(
    results.flatMap((r) => r.items.map((i): [string, string] => [i[0], i[column]])),
  );
  const recall: Record<string, number | undefined> = {};
  for (const c of analysis.EXPECTATION_CLASSES) recall[c] = pooled.per_class[c]?.recall;
  return {
    mean: perEvent.reduce((a, b) => a + b, 0) / Math.max(1, perEvent.length),
    pooled: pooled.macro_f1,
    recall,
  };
}

function printLoeo(title: string, results: EventResult[], analysis: Analysis, json: boolean): void {
  const metrics = (items: Array<[string, string]>) =>
    analysis.classification(items, analysis.EXPECTATION_CLASSES, analysis.DIRECTIONAL_CLASSES);
  const width = Math.max(14, ...results.map((r) => r.event.length));
  console.log(
    `\n${title}, expectation macro-F1 (${results.length} events, ${results.reduce((s, r) => s + r.items.length, 0)} sentences)`,
  );
  console.log(`  ${'event'.padEnd(width)}     n   rules  +model   L2  override`);
  for (const r of results) {
    const rules = metrics(r.items.map((i) => [i[0], i[1]])).macro_f1;
    const model = metrics(r.items.map((i) => [i[0], i[2]])).macro_f1;
    const override = r.override > 1 ? 'never' : r.override.toFixed(1);
    console.log(
      `  ${r.event.padEnd(width)} ${String(r.items.length).padStart(5)}   ${fmt(rules)}   ${fmt(model)}  ${String(r.l2).padStart(5)} ${override.padStart(6)}`,
    );
  }
  const rules = figures(results, 1, analysis);
  const model = figures(results, 2, analysis);
  console.log(`\n  ${''.padEnd(22)} ${'rules'.padStart(8)} ${'+model'.padStart(8)}`);
  const line = (name: string, a: number | undefined, b: number | undefined) =>
    console.log(`  ${name.padEnd(22)} ${fmt(a).padStart(8)} ${fmt(b).padStart(8)}`);
  line('per-event mean', rules.mean, model.mean);
  line('pooled macro-F1', rules.pooled, model.pooled);
  for (const c of analysis.EXPECTATION_CLASSES)
    line(`${c} recall`, rules.recall[c], model.recall[c]);
  if (json) console.log(JSON.stringify({ events: results.length, rules, model }));
}

function listOption(value: string | undefined, fallback: number[]): number[] {
  if (value === undefined) return fallback;
  const list = value.split(',').map(Number);
  if (list.length === 0 || list.some((x) => !(x >= 0)))
    throw new UsageError('--l2 takes numbers ≥ 0, comma-separated');
  return list;
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        loeo: { type: 'boolean', default: false },
        test: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        'min-events': { type: 'string' },
        l2: { type: 'string' },
        drop: { type: 'string' },
        'word-penalty': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length === 0) {
    console.error(`expected one gold folder or more\n\n${USAGE}`);
    return 2;
  }
  try {
    const analysis = await loadAnalysis();
    const minEvents = Number(args.values['min-events'] ?? analysis.DEFAULT_TRAIN_OPTIONS.minEvents);
    if (!Number.isInteger(minEvents) || minEvents < 1)
      throw new UsageError('--min-events takes a whole number ≥ 1');
    const options: TrainOptions = {
      ...analysis.DEFAULT_TRAIN_OPTIONS,
      minEvents,
      l2: listOption(args.values.l2, analysis.DEFAULT_TRAIN_OPTIONS.l2),
      wordPenalty: Number(
        args.values['word-penalty'] ?? analysis.DEFAULT_TRAIN_OPTIONS.wordPenalty,
      ),
      drop: args.values.drop === undefined ? undefined : new RegExp(args.values.drop),
    };
    if (!(options.wordPenalty >= 0)) throw new UsageError('--word-penalty takes a number ≥ 0');
    const examples = examplesOf(args.positionals, analysis);
    const events = analysis.eventsOf(examples);
    console.log(
      `${examples.length} gold-labelled sentences from ${events.length} events in ${args.positionals.join(', ')}`,
    );
    if (args.values.loeo) {
      const results = analysis.leaveOneEventOut(examples, options, (event) =>
        process.stderr.write(`  leaving out ${event}\n`),
      );
      printLoeo('leave-one-event-out', results, analysis, args.values.json);
      return 0;
    }
    const trained = analysis.train(examples, options);
    if (args.values.test) {
      const test = examplesOf(args.values.test, analysis);
      const results = analysis.eventsOf(test).map((event) => ({
        event,
        items: test
          .filter((e) => e.event === event)
          .map((e): [ExpectationLabel, ExpectationLabel, ExpectationLabel] => [
            e.gold,
            e.rules,
            analysis.predict(trained, e),
          ]),
        l2: trained.l2,
        override: trained.override,
      }));
      printLoeo(
        `trained on ${args.positionals.join(', ')}; scored on`,
        results,
        analysis,
        args.values.json,
      );
      return 0;
    }
    const model: ExpectationModel = {
      name: 'expectation-model',
      version: '1.0.0',
      description:
        'Multinomial logistic regression deciding expectation with the rules (analysis/scoring/expectation-model.ts). Written by npm run train (cli/train.ts); do not edit by hand.',
      training: {
        command: ['parallax train', ...argv].join(' '),
        sets: args.positionals.map((f) => basename(resolve(f))),
        events: events.length,
        examples: examples.filter((e) => e.scored).length,
        l2: trained.l2,
        minEvents,
      },
      offsets: trained.offsets,
      override: trained.override,
      bias: trained.bias,
      weights: trained.weights,
    };
    const out =
      args.values.out ?? analysis.projectPath('analysis', 'lexicons', 'expectation-model.json');
    writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
    console.log(
      `wrote ${out}: ${Object.keys(model.weights).length} features, L2 ${trained.l2}, override ${trained.override > 1 ? 'never' : trained.override}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof GoldFileError) {
      console.error(`train: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

runCommand('train', () => main(process.argv.slice(2)));

// `npm run eval -- <gold-folder> [--json] [--errors]`: runs the analysis pipeline on every
// docs/<doc>.txt of a gold set and compares it with segments.jsonl (format and metric
// definitions: ../shared/eval/README.md). A thin wrapper: reading files and printing here,
// every number computed in analysis/evaluation/evaluate.ts.

import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type {
  ClassificationMetrics,
  EvalDocument,
  EvalReport,
  ExpectationCoverage,
  GoldRow,
} from '../analysis/evaluation/evaluate.js';
import type { FramingDocument } from '../analysis/evaluation/framing-eval.js';
import type { Intervals } from '../analysis/evaluation/intervals.js';
import type { Analyzer } from '../analysis/pipeline.js';
import { runCommand } from './command.js';
import { GoldFileError } from './gold-file.js';
import { eventOf, goldDocuments, readGold, type DocFilter } from './gold-set.js';

// The analysis modules take a noticeable fraction of a second to load: they are imported
// once the flags are read, so `--help` and usage errors answer at once.
const loadAnalysis = async () => ({
  ...(await import('../analysis/evaluation/evaluate.js')),
  ...(await import('../analysis/pipeline.js')),
  ...(await import('./eval-framing.js')),
  ...(await import('../analysis/evaluation/intervals.js')),
});
type Analysis = Awaited<ReturnType<typeof loadAnalysis>>;

const USAGE = `Usage: npm run eval -- <gold-folder>... [--json] [--errors] [options]

Runs Parallax's analyzer on <gold-folder>/docs/*.txt and compares it with
<gold-folder>/segments.jsonl (one gold segment per line; see ../shared/eval/README.md).
Several folders are scored as one pooled set (e.g. every validation set together, for one
figure with a narrower interval); their documents are then named <folder>/<doc>, and an
event is a folder's event.

Metrics
  segmentation   a predicted segment matches a gold one when their texts are equal after
                 collapsing whitespace; precision, recall, F1 summed over all documents;
                 kind accuracy over matched segments.
  expectation    over matched segments with a gold label: accuracy, per-class P/R/F1,
                 macro-F1 over lowers/raises/hedged/none, macro-F1 over the three
                 directional classes, confusion (gold → predicted); and each directional
                 gold class by what the analyzer had: right, missed although a cue of its
                 direction was in the sentence (a rule did not let it count, or another label
                 won), missed with only cues of other directions, missed with no cue entry
                 of the expectation lexicon in the sentence (its wording is not listed; a
                 rule's building blocks, such as "hopes … slim", are not counted as cues).
  tone           Pearson and Spearman (average ranks for ties) between tone.combined and
                 the gold tone; sign agreement, where gold within ±0.5 and predicted within
                 ±0.1 of zero count as neutral.
  hedge          binary detection (gold true = positive; predicted = one hedge cue or more).
  quote          like expectation, over direct/indirect/none.
  speaker        share of gold speakers the analyzer names as the same person (same
                 surname, or "Kim" for "Kim Jong Un") or the same group (case-insensitive);
                 a gold span is compared through its head ("the newspaper" = newspaper,
                 "Ann Lee, a professor at …" = Ann Lee, "campaign chairman Cy Dorn" = Cy Dorn);
                 what the cut drops must not tell sources apart: a group the gold places by a
                 proper name needs that place ("officials in Beijing" ≠ "officials in
                 Washington" or "officials"), two given names before one surname are two
                 people ("Seth Lee" ≠ "Tim C. Lee"); a prediction may name the gold's group
                 more fully ("officials" = "F.B.I. officials", not the reverse).
  speaker_side   like expectation, over us_gov/china_gov/analyst/other.
  framing        when the folder also has stance.jsonl and bias_spans.jsonl (BASIL's layout):
                 ordering toward each entity (concordance, pairs, permutation p), loaded-
                 language sentence P/R/F1 with baselines, article polarity Spearman.
  A metric is "not computed" when no gold row carries that label or the analyzer does
  not produce it yet (null on every matched segment).

Options
  --json     end the output with one JSON line holding every metric
  --errors   list missing and extra segments, kind errors and label confusions
  --lexicons DIR  evaluate with another folder of tone/expectation/hedge lexicons
  --issues FILE   another issue lexicon
  --codebook NAME|FILE  another codebook (default us-china, whose sides the gold sets use;
                 e.g. a copy without actors, to measure the side rules alone)
  --docs RE       only the documents whose name matches the regular expression RE
  --exclude-docs RE  leave out the documents whose name matches RE (e.g. a validation
                 event kept aside while developing: --exclude-docs '^trade-')
  --by-event      also score each event apart (the part of a document's name before
                 "__"; a set without it is one event) and print, per event and as the
                 unweighted mean over events, expectation macro-F1, lowers and raises
                 recall, speaker and side accuracy: the per-event figures that
                 leave-one-event-out decisions compare
  --intervals N   95 % bootstrap intervals of expectation macro-F1, lowers and raises
                 recall, speaker and side accuracy and quote macro-F1, resampling whole
                 events with replacement N times (1000 is plenty; seeded, so repeatable);
                 a set of fewer than 5 events gets none, nor does a figure fewer than 5
                 events compute alone (a class in one event). With --json they are the
                 report's "intervals" field
  -h, --help show this text`;

class UsageError extends Error {}

function loadDocuments(
  docsDir: string,
  rows: GoldRow[],
  analyzer: Analyzer,
  filter: DocFilter,
  framing: FramingDocument[],
  { predictionsFromAnalysis, collectExpectationCues }: Analysis,
): EvalDocument[] {
  return goldDocuments(docsDir, rows, filter).map(({ doc, text, gold }) => {
    const { cues, observeExpectation } = collectExpectationCues();
    const analysis = analyzer.analyze(text, { observeExpectation });
    framing.push({ doc, text, analysis, gold });
    return { doc, gold, predicted: predictionsFromAnalysis(analysis, cues) };
  });
}

const fmt = (v: number | null | undefined): string =>
  v === null || v === undefined ? '  —  ' : v.toFixed(3);

function printClassification(name: string, m: ClassificationMetrics | null): void {
  if (m === null) {
    console.log(`\n${name}: not computed`);
    return;
  }
  const directional =
    m.macro_f1_directional === undefined
      ? ''
      : `  macro-F1 (directional) ${fmt(m.macro_f1_directional)}`;
  console.log(
    `\n${name}: n ${m.n}  accuracy ${fmt(m.accuracy)}  macro-F1 ${fmt(m.macro_f1)}${directional}`,
  );
  console.log(
    `  ${'class'.padEnd(10)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'support'.padStart(8)}`,
  );
  for (const [c, v] of Object.entries(m.per_class)) {
    console.log(
      `  ${c.padEnd(10)} ${fmt(v.precision).padStart(6)} ${fmt(v.recall).padStart(6)} ${fmt(v.f1).padStart(6)} ${String(v.support).padStart(8)}`,
    );
  }
  const predicted = [...new Set(Object.values(m.confusion).flatMap((r) => Object.keys(r)))].sort();
  console.log(`  confusion (rows gold, columns predicted): ${predicted.join(' | ')}`);
  for (const [g, row] of Object.entries(m.confusion)) {
    console.log(
      `  ${g.padEnd(10)} ${predicted.map((p) => String(row[p] ?? 0).padStart(Math.max(p.length, 3))).join(' | ')}`,
    );
  }
}

function printCoverage(coverage: Record<string, ExpectationCoverage> | null): void {
  if (coverage === null) return;
  console.log(
    `  gold lowers/raises/hedged by what the analyzer had: ${'right'.padStart(6)} ${'missed, cue of its direction'.padStart(29)} ${'missed, other cues'.padStart(19)} ${'missed, no cue entry'.padStart(21)}`,
  );
  for (const [label, c] of Object.entries(coverage)) {
    console.log(
      `  ${label.padEnd(51)} ${String(c.right).padStart(6)} ${String(c.missed_with_cue).padStart(29)} ${String(c.missed_other_cues).padStart(19)} ${String(c.missed_no_cue).padStart(21)}  (of ${c.n})`,
    );
  }
}

function printReport(r: EvalReport): void {
  console.log(
    `gold ${r.gold}: ${r.docs} docs, ${r.gold_segments} gold segments, ${r.predicted_segments} predicted`,
  );
  const s = r.segmentation;
  console.log(
    `\nsegmentation: P ${fmt(s.precision)}  R ${fmt(s.recall)}  F1 ${fmt(s.f1)}  kind accuracy ${fmt(s.kind_accuracy)}`,
  );
  printClassification('expectation', r.expectation);
  printCoverage(r.expectation_coverage ?? null);
  console.log(
    r.tone === null
      ? '\ntone: not computed'
      : `\ntone: n ${r.tone.n}  Pearson ${fmt(r.tone.pearson)}  Spearman ${fmt(r.tone.spearman)}  sign agreement ${fmt(r.tone.sign_agreement)}`,
  );
  console.log(
    r.hedge === null
      ? '\nhedge: not computed'
      : `\nhedge: n ${r.hedge.n}  P ${fmt(r.hedge.precision)}  R ${fmt(r.hedge.recall)}  F1 ${fmt(r.hedge.f1)}  accuracy ${fmt(r.hedge.accuracy)}`,
  );
  printClassification('quote', r.quote);
  console.log(
    r.speaker === null
      ? '\nspeaker: not computed'
      : `\nspeaker: n ${r.speaker.n}  accuracy ${fmt(r.speaker.accuracy)}`,
  );
  printClassification('speaker_side', r.speaker_side);
}

/**
 * The event of a document: the part of its name before "__"; in a pooled run
 * ("<folder>/<doc>") the folder's event, so that two sets without events stay two.
 */
function eventOfPooled(doc: string): string {
  const slash = doc.indexOf('/');
  return slash < 0 ? eventOf(doc) : `${doc.slice(0, slash)}/${eventOf(doc.slice(slash + 1))}`;
}

function printByEvent(
  folder: string,
  documents: EvalDocument[],
  { evaluate, groupByEvent }: Analysis,
): void {
  const events = groupByEvent(documents, eventOfPooled);
  const columns = ['expectation F1', 'lowers R', 'raises R', 'speaker', 'side'];
  const rows = [...events].map(([event, docs]): [string, Array<number | null>] => {
    const { report: r } = evaluate(folder, docs);
    return [
      event,
      [
        r.expectation?.macro_f1 ?? null,
        r.expectation?.per_class['lowers']?.support
          ? r.expectation.per_class['lowers'].recall
          : null,
        r.expectation?.per_class['raises']?.support
          ? r.expectation.per_class['raises'].recall
          : null,
        r.speaker?.accuracy ?? null,
        r.speaker_side?.accuracy ?? null,
      ],
    ];
  });
  // The unweighted mean over the events that have the measure: each event counts once,
  // whatever its length, as in leave-one-event-out.
  const means = columns.map((_, i) => {
    const values = rows.map(([, v]) => v[i]).filter((v): v is number => typeof v === 'number');
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  });
  const width = Math.max(12, ...rows.map(([e]) => e.length));
  console.log(`\nby event (${rows.length})`);
  console.log(`  ${'event'.padEnd(width)} ${columns.map((c) => c.padStart(14)).join(' ')}`);
  for (const [event, values] of [
    ...rows,
    ['mean of events', means] as [string, Array<number | null>],
  ])
    console.log(`  ${event.padEnd(width)} ${values.map((v) => fmt(v).padStart(14)).join(' ')}`);
}

const eventCount = (n: number): string => `${n} event${n === 1 ? '' : 's'}`;

function printIntervals(intervals: Intervals, minEvents: number): void {
  const head = `${Math.round(intervals.level * 100)} % intervals, bootstrap over ${eventCount(intervals.events)}`;
  if (intervals.figures === null) {
    console.log(`\n${head}: not computed (fewer than ${minEvents} events)`);
    return;
  }
  console.log(`\n${head} (${intervals.draws} resamples, seed ${intervals.seed})`);
  for (const [name, f] of Object.entries(intervals.figures)) {
    if (f.estimate === null) continue;
    if (f.low === null) {
      console.log(
        `  ${name.padEnd(22)} ${fmt(f.estimate)}  (no interval: ${eventCount(f.events)} compute it)`,
      );
      continue;
    }
    console.log(
      `  ${name.padEnd(22)} ${fmt(f.estimate)}  [${fmt(f.low)}, ${fmt(f.high)}]${f.draws < intervals.draws ? `  (${f.draws} resamples had the class)` : ''}`,
    );
  }
}

// The value of --intervals: null without it, the number of resamples, or what is wrong.
function intervalDraws(value: string | undefined): number | null | string {
  if (value === undefined) return null;
  const n = Number(value);
  if (Number.isInteger(n) && n >= 100 && n <= 100_000) return n;
  return `--intervals: expected a number of resamples from 100 to 100000, got "${value}"`;
}

function regexOption(flag: string, value: string | undefined): RegExp | undefined {
  if (value === undefined) return undefined;
  try {
    return new RegExp(value);
  } catch (error) {
    throw new UsageError(`${flag}: not a regular expression (${(error as Error).message})`);
  }
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        errors: { type: 'boolean', default: false },
        lexicons: { type: 'string' },
        issues: { type: 'string' },
        codebook: { type: 'string' },
        docs: { type: 'string' },
        'exclude-docs': { type: 'string' },
        'by-event': { type: 'boolean', default: false },
        intervals: { type: 'string' },
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
  const folders = args.positionals;
  if (folders.length === 0) {
    console.error(`expected a gold folder\n\n${USAGE}`);
    return 2;
  }
  // A pooled run names documents and events by the folder's last part: two folders of one
  // name (the same folder twice, or "a/gold" and "b/gold") would merge their events.
  const names = folders.map((f) => basename(resolve(f)));
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) {
    console.error(
      `eval: two gold folders named "${twice}": a pooled set keeps events apart by folder name\n\n${USAGE}`,
    );
    return 2;
  }
  const pooled = folders.length > 1;
  const folder = folders.join(' + ');
  const draws = intervalDraws(args.values.intervals);
  if (typeof draws === 'string') {
    console.error(`eval: ${draws}\n\n${USAGE}`);
    return 2;
  }
  const analysis = await loadAnalysis();
  try {
    const golds = folders.map((f) => readGold(resolve(f), analysis.goldRowSchema));
    const analyzer = analysis.createAnalyzer({
      lexiconDir: args.values.lexicons,
      issuesFile: args.values.issues,
      codebook: args.values.codebook,
    });
    const filter: DocFilter = {
      only: regexOption('--docs', args.values.docs),
      exclude: regexOption('--exclude-docs', args.values['exclude-docs']),
    };
    const framingDocuments: FramingDocument[] = [];
    const documents = golds.flatMap(({ docsDir, rows }, i) => {
      const docs = loadDocuments(docsDir, rows, analyzer, filter, framingDocuments, analysis);
      return pooled ? docs.map((d) => ({ ...d, doc: `${names[i]}/${d.doc}` })) : docs;
    });
    const { report, errors } = analysis.evaluate(folder, documents);
    // BASIL's framing measures read one folder's layout.
    const framingGold = pooled ? null : analysis.readFramingGold(resolve(folder));
    if (args.values.errors) {
      for (const e of errors)
        console.log(`[${e.doc}] ${e.type.padEnd(7)} ${e.detail.padEnd(22)} ${e.text}`);
      console.log('');
    }
    printReport(report);
    // A gold folder with BASIL's layout also gets the framing measures (eval-framing.ts).
    const framing = framingGold ? analysis.framingReport(framingGold, framingDocuments) : undefined;
    if (framing) analysis.printFraming(framing);
    if (args.values['by-event']) printByEvent(folder, documents, analysis);
    const intervals =
      draws === null
        ? undefined
        : analysis.bootstrapIntervals(
            documents,
            eventOfPooled,
            (docs) => analysis.evaluate(folder, docs).report,
            { draws },
          );
    if (intervals) printIntervals(intervals, analysis.MIN_INTERVAL_EVENTS);
    if (args.values.json)
      console.log(
        JSON.stringify({ ...report, ...(framing && { framing }), ...(intervals && { intervals }) }),
      );
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof GoldFileError) {
      console.error(`eval: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

runCommand('eval', () => main(process.argv.slice(2)));

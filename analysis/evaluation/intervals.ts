// How far the eval's figures could move with other articles of the same kind: percentile
// bootstrap intervals, resampling whole events (the story part of a document's name) with
// replacement and scoring each resample with evaluate.ts. Events, not sentences or
// documents, are the unit because a set's articles on one event share their wording, their
// speakers and their errors: resampling sentences would treat 300 sentences of 10 events as
// 300 independent draws and give intervals several times too narrow. With a seed, the same
// folder gives the same intervals.

import { DEFAULT_SEED, mulberry32, quantileSorted } from '../comparison/stats.js';
import type { EvalDocument, EvalReport } from './evaluate.js';

/** A figure of the report that gets an interval; null where a resample cannot compute it. */
export interface IntervalFigure {
  name: string;
  read: (report: EvalReport) => number | null;
}

// A class's recall counts only where the resample holds that class.
const recallOf = (report: EvalReport, label: string): number | null => {
  const c = report.expectation?.per_class[label];
  return c && c.support > 0 ? c.recall : null;
};

/** The figures issue 12's targets and the README's accuracy table are stated in. */
export const INTERVAL_FIGURES: readonly IntervalFigure[] = [
  { name: 'expectation_macro_f1', read: (r) => r.expectation?.macro_f1 ?? null },
  { name: 'lowers_recall', read: (r) => recallOf(r, 'lowers') },
  { name: 'raises_recall', read: (r) => recallOf(r, 'raises') },
  { name: 'speaker_accuracy', read: (r) => r.speaker?.accuracy ?? null },
  { name: 'side_accuracy', read: (r) => r.speaker_side?.accuracy ?? null },
  { name: 'quote_macro_f1', read: (r) => r.quote?.macro_f1 ?? null },
];

/** Fewer events than this give no interval: a resample of two or three says little. */
export const MIN_INTERVAL_EVENTS = 5;
export const DEFAULT_INTERVAL_DRAWS = 1000;
export const INTERVAL_LEVEL = 0.95;

export interface FigureInterval {
  /** The figure on the set as it is. */
  estimate: number | null;
  low: number | null;
  high: number | null;
  /** Resamples that could compute it (a resample without any `raises` row has no raises recall). */
  draws: number;
  /** Events that can compute it alone; under MIN_INTERVAL_EVENTS, low and high are null. */
  events: number;
}

export interface Intervals {
  unit: 'event';
  events: number;
  draws: number;
  seed: number;
  level: number;
  /** null when the set has fewer than MIN_INTERVAL_EVENTS events. */
  figures: Record<string, FigureInterval> | null;
}

/** The documents of each event, in the order the events first appear. */
export function groupByEvent(
  documents: readonly EvalDocument[],
  eventOf: (doc: string) => string,
): Map<string, EvalDocument[]> {
  const byEvent = new Map<string, EvalDocument[]>();
  for (const d of documents) {
    const event = eventOf(d.doc);
    const list = byEvent.get(event);
    if (list) list.push(d);
    else byEvent.set(event, [d]);
  }
  return byEvent;
}

/**
 * Bootstrap intervals of `figures`: `draws` resamples of the events (each as many events as
 * the set has, drawn with replacement, each bringing all its documents), scored by `score`.
 */
export function bootstrapIntervals(
  documents: readonly EvalDocument[],
  eventOf: (doc: string) => string,
  score: (documents: EvalDocument[]) => EvalReport,
  {
    draws = DEFAULT_INTERVAL_DRAWS,
    seed = DEFAULT_SEED,
    figures = INTERVAL_FIGURES,
  }: { draws?: number; seed?: number; figures?: readonly IntervalFigure[] } = {},
): Intervals {
  const events = [...groupByEvent(documents, eventOf).values()];
  const head = {
    unit: 'event' as const,
    events: events.length,
    draws,
    seed,
    level: INTERVAL_LEVEL,
  };
  if (events.length < MIN_INTERVAL_EVENTS) return { ...head, figures: null };

  const whole = score([...documents]);
  // A figure only some events can compute (a class in one event) gets no interval from fewer
  // than MIN_INTERVAL_EVENTS of them: resampling one event's raises rows gives [1, 1].
  const alone = events.map((docs) => score(docs));
  const computable = figures.map(
    (figure) =>
      alone.filter((report) => {
        const value = figure.read(report);
        return value !== null && Number.isFinite(value);
      }).length,
  );
  const samples = figures.map((): number[] => []);
  const random = mulberry32(seed);
  for (let draw = 0; draw < draws; draw++) {
    const resample: EvalDocument[] = [];
    for (let i = 0; i < events.length; i++)
      resample.push(...events[Math.floor(random() * events.length)]!);
    const report = score(resample);
    figures.forEach((figure, f) => {
      const value = figure.read(report);
      if (value !== null && Number.isFinite(value)) samples[f]!.push(value);
    });
  }
  const tail = (1 - INTERVAL_LEVEL) / 2;
  const result: Record<string, FigureInterval> = {};
  figures.forEach((figure, f) => {
    const sorted = samples[f]!.sort((a, b) => a - b);
    const empty = sorted.length === 0 || computable[f]! < MIN_INTERVAL_EVENTS;
    result[figure.name] = {
      estimate: figure.read(whole),
      low: empty ? null : quantileSorted(sorted, tail),
      high: empty ? null : quantileSorted(sorted, 1 - tail),
      draws: sorted.length,
      events: computable[f]!,
    };
  });
  return { ...head, figures: result };
}

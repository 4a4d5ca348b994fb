// Agreement between two annotators' gold files of the same documents: how far two careful
// readers following GUIDE.md agree, which is the ceiling any analyzer is judged against.
// Segments pair by whitespace-collapsed text as in the eval; each label is compared over
// the pairs where both annotators gave it. It does not adjudicate: that is a person's call.

import {
  classification,
  DIRECTIONAL_CLASSES,
  EXPECTATION_CLASSES,
  matchSegments,
  QUOTE_CLASSES,
  SIDE_CLASSES,
  sameSpeaker,
  spearman,
  type ClassificationMetrics,
  type GoldRow,
  type PredictedSegment,
} from './evaluate.js';

export interface LabelAgreement {
  n: number;
  /** Share of pairs with the same label. */
  observed: number;
  /** Cohen's κ: agreement beyond what the two label distributions give by chance. */
  kappa: number | null;
  /** Macro-F1 reading annotator A as gold and B as predictions (what the eval reports). */
  macro_f1: number;
}

export interface AgreementReport {
  docs: number;
  segments_a: number;
  segments_b: number;
  /** Segments whose text both annotators cut the same way. */
  matched: number;
  kind: LabelAgreement | null;
  expectation: (LabelAgreement & { macro_f1_directional: number }) | null;
  quote: LabelAgreement | null;
  hedge: LabelAgreement | null;
  speaker_side: LabelAgreement | null;
  speaker: { n: number; observed: number } | null;
  tone: { n: number; spearman: number | null } | null;
}

/** Cohen's κ over paired labels; null when chance agreement is already total. */
export function cohensKappa(pairs: Array<[string, string]>): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let same = 0;
  for (const [x, y] of pairs) {
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
    if (x === y) same++;
  }
  let chance = 0;
  for (const [label, count] of a) chance += (count / n) * ((b.get(label) ?? 0) / n);
  return chance === 1 ? null : (same / n - chance) / (1 - chance);
}

function labelAgreement(
  pairs: Array<[string, string]>,
  classes: string[],
): { agreement: LabelAgreement; metrics: ClassificationMetrics } | null {
  if (pairs.length === 0) return null;
  const metrics = classification(pairs, classes, DIRECTIONAL_CLASSES);
  return {
    agreement: {
      n: pairs.length,
      observed: metrics.accuracy,
      kappa: cohensKappa(pairs),
      macro_f1: metrics.macro_f1,
    },
    metrics,
  };
}

// B's rows in the shape the matcher pairs gold against.
const asPredicted = (row: GoldRow): PredictedSegment & { row: GoldRow } => ({
  text: row.text,
  kind: row.kind,
  expectation: row.expectation ?? null,
  tone: row.tone ?? null,
  quote: row.quote ?? null,
  speaker: row.speaker ?? null,
  speaker_side: row.speaker_side ?? null,
  hedge: row.hedge ?? false,
  row,
});

const present = <T>(value: T | null | undefined): value is T =>
  value !== null && value !== undefined;

export function agreement(a: GoldRow[], b: GoldRow[]): AgreementReport {
  const docs = [...new Set([...a, ...b].map((r) => r.doc))].sort();
  const pairs: Array<[GoldRow, GoldRow]> = [];
  for (const doc of docs) {
    const m = matchSegments(
      a.filter((r) => r.doc === doc),
      b.filter((r) => r.doc === doc).map(asPredicted),
    );
    for (const p of m.pairs)
      pairs.push([p.gold, (p.predicted as ReturnType<typeof asPredicted>).row]);
  }
  const labels = (key: 'expectation' | 'quote' | 'speaker_side') =>
    pairs.flatMap(([x, y]): Array<[string, string]> => {
      const u: string | null | undefined = x[key];
      const v: string | null | undefined = y[key];
      return present(u) && present(v) ? [[u, v]] : [];
    });
  const hedges = pairs.flatMap(([x, y]): Array<[string, string]> =>
    present(x.hedge) && present(y.hedge) ? [[String(x.hedge), String(y.hedge)]] : [],
  );
  const kinds = pairs.map(([x, y]): [string, string] => [x.kind, y.kind]);
  const expectation = labelAgreement(labels('expectation'), EXPECTATION_CLASSES);
  const speakers = pairs.filter(([x, y]) => present(x.speaker) && present(y.speaker));
  const tones = pairs.filter(([x, y]) => present(x.tone) && present(y.tone));
  return {
    docs: docs.length,
    segments_a: a.length,
    segments_b: b.length,
    matched: pairs.length,
    kind: labelAgreement(kinds, [...new Set(kinds.flat())])?.agreement ?? null,
    expectation: expectation && {
      ...expectation.agreement,
      macro_f1_directional: expectation.metrics.macro_f1_directional ?? 0,
    },
    quote: labelAgreement(labels('quote'), QUOTE_CLASSES)?.agreement ?? null,
    hedge: labelAgreement(hedges, ['true'])?.agreement ?? null,
    speaker_side: labelAgreement(labels('speaker_side'), SIDE_CLASSES)?.agreement ?? null,
    speaker:
      speakers.length === 0
        ? null
        : {
            n: speakers.length,
            observed:
              speakers.filter(([x, y]) => sameSpeaker(x.speaker as string, y.speaker as string))
                .length / speakers.length,
          },
    tone:
      tones.length === 0
        ? null
        : {
            n: tones.length,
            spearman: spearman(
              tones.map(([x]) => x.tone as number),
              tones.map(([, y]) => y.tone as number),
            ),
          },
  };
}

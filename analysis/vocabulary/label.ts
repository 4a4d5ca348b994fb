// What every vocabulary module says about each of its labels: the name a page shows, a
// one-line description, and the colour charts and badges use where the label has one.
// It holds no labels itself; each score's module (expectation.ts, sides.ts, …) does.

export interface LabelInfo {
  /** Display name, capitalised as in a table header or a legend. */
  name: string;
  /** What the label means, in one sentence (tooltips, the README, the JSON output). */
  description: string;
  /** Okabe–Ito colour, for labels that are drawn; never the only carrier of the meaning. */
  colour?: string;
}

/** A label list written `as const` as the non-empty tuple z.enum() takes. */
export type LabelList<L extends string> = readonly [L, ...L[]];

/** A value's display name in a vocabulary table; a value the table lacks is shown as is. */
export function nameOf(table: Readonly<Record<string, LabelInfo>>, value: string): string {
  return table[value]?.name ?? value;
}

// Figures that several pages of one story compute from the same sentences: the dashboard
// with every outlet on its own row (a story of up to OUTLETS_SHOWN outlets, or `?outlets=all`),
// the JSON API's figures and the terms CSV's words all compare every outlet over the same
// part of the story. `npm run precompute` computes those pages from one array of the
// story's sentences, so each figure is computed once for it and kept beside the array (a
// WeakMap): gone with the sentences. A server worker reads the sentences anew for each
// page, so it computes them as before. Callers must not change what they are given.

const kept = new WeakMap<object, Map<string, { with: object | null; value: unknown }>>();

/**
 * `compute()`, or what it gave before for this story's sentences (the array itself, not a
 * copy), under this key and, if given, this other input (the same object).
 */
export function oncePerStory<T>(
  sentences: readonly object[],
  key: string,
  compute: () => T,
  other: object | null = null,
): T {
  let values = kept.get(sentences);
  if (values === undefined) {
    values = new Map();
    kept.set(sentences, values);
  }
  const known = values.get(key);
  if (known !== undefined && known.with === other) return known.value as T;
  const value = compute();
  values.set(key, { with: other, value });
  return value;
}

/** The key of every outlet's comparison over a part of the story (compareOutlets). */
export function comparisonKey(
  part: string,
  outlets: readonly string[],
  buckets: readonly string[],
): string {
  return ['compare', part, buckets.join(','), ...outlets].join('\u0000');
}

/** The key of every outlet's framing figures over a part of the story (storyFraming). */
export function framingKey(part: string, codebook: string, outlets: readonly string[]): string {
  return ['framing', part, codebook, ...outlets].join('\u0000');
}

/** The key of every outlet's distinctive words over a part of the story (distinctiveWords). */
export function wordsKey(part: string): string {
  return ['words', part].join('\u0000');
}

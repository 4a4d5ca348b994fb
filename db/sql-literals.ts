// SQL literals for the vocabulary lists (segment kinds, quote kinds) that queries compare
// against, so a query says `IN (…)` with the same list the analysis uses. Only lower-case
// identifiers are accepted: no text a person typed ever reaches this function.

/** `'a', 'b'` for an IN list; throws on anything but lower-case words and `_`/`-`. */
export function sqlList(values: readonly string[]): string {
  for (const value of values) {
    if (!/^[a-z][a-z_-]*$/.test(value)) throw new Error(`not a vocabulary value: ${value}`);
  }
  return values.map((value) => `'${value}'`).join(', ');
}

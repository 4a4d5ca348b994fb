// String helpers shared by the analysis and the store, standing alone (no project imports).

/**
 * A copy of `text` that shares no memory with the string it was cut from. A token's text
 * is a slice of its article, and V8 keeps a slice of 13 characters or more as a pointer
 * into the whole article: a cached chunk like "administration's" (afinn.ts) kept its
 * article's text alive as long as it stayed in the cache, some 1,000 articles (18 MB) at any
 * time over 6,000 AllSides articles. Concatenating makes V8 copy the characters into a new
 * string. A cache kept by a token's text or a name read from a file keeps this copy
 * (afinn.ts, name-words.ts, db/slug.ts).
 */
export function detached(text: string): string {
  return (' ' + text).slice(1);
}

/**
 * Values remembered by a text, at most `limit` of them: when full it is emptied and starts
 * again. Each text is kept `detached`, so a remembered word or name never keeps the article
 * or file it was cut from alive (name-words.ts, db/slug.ts).
 */
export class TextMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(text: string): V | undefined {
    return this.values.get(text);
  }

  set(text: string, value: V): void {
    if (this.values.size >= this.limit) this.values.clear();
    this.values.set(detached(text), value);
  }

  clear(): void {
    this.values.clear();
  }
}

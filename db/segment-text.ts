// Where a segment's text comes from since migration 007: its article's text between the
// segment's offsets, unless the segment keeps its own copy (own_text) because the two
// cannot agree. The SQL to read it and the rule for what to store live here, together.

/**
 * SQL for the text of segment `s` of article `a` (table aliases). SQLite's substr() counts
 * characters where the offsets count UTF-16 units; own_text covers the articles where
 * those differ.
 */
export function segmentTextSql(s: string, a: string): string {
  return `coalesce(${s}.own_text, substr(${a}.text, ${s}.start_offset + 1, ${s}.end_offset - ${s}.start_offset))`;
}

/**
 * Where a character beyond U+FFFF first occurs in an article's text (a surrogate pair),
 * or Infinity: before it, UTF-16 offsets and SQLite's character counts agree.
 */
export function firstWideChar(articleText: string): number {
  const at = articleText.search(/[\uD800-\uDFFF]/);
  return at < 0 ? Infinity : at;
}

/** What a new segment stores in own_text: null when segmentTextSql reads it from the article. */
export function ownText(
  articleText: string,
  wideFrom: number,
  segment: { text: string; start: number; end: number },
): string | null {
  const readable =
    segment.end <= wideFrom && articleText.slice(segment.start, segment.end) === segment.text;
  return readable ? null : segment.text;
}

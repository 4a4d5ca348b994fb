/**
 * Reader for `.jsonl` files: one JSON object per line with the fields title, outlet,
 * story, url, date, author, text (unknown fields ignored; blank lines skipped). Lines are
 * split from a stream of text chunks, so a large file never sits in memory whole.
 *
 * Errors are per line ("line N: not valid JSON (…)", "line N: field 'date' must be …"):
 * the good lines still go in. Line N counts every line of the file from 1, blank ones too,
 * so it matches what an editor shows.
 *
 * Deliberately not here: JSON5/comments, or a JSON array of articles (that is .json,
 * which is not accepted: one bad article would make the whole array unreadable).
 */
import { buildArticle, IngestError, ARTICLE_FIELDS } from './record.js';
import type { IngestDefaults, IngestLimits, IngestResult, LooseFields } from './record.js';
import { UnreadableText } from './decode.js';

/** Read articles from decoded JSONL text chunks (LF line ends, BOM already dropped). */
export async function* readJsonl(
  chunks: AsyncIterable<string>,
  file: string,
  defaults: IngestDefaults,
  limits: IngestLimits,
): AsyncGenerator<IngestResult> {
  // JSON escapes (\n, \", \u00e9) can make a line several times longer than its text.
  const maxLineChars = limits.maxArticleChars * 6 + 64 * 1024;
  let pending = '';
  let lineNumber = 0;
  let overlong = false; // the current line passed the limit; drop it up to its newline

  const finishLine = (line: string): IngestResult | null => {
    lineNumber++;
    if (overlong) {
      overlong = false;
      return new IngestError(
        file,
        `line ${lineNumber}: text longer than the limit (line over ${maxLineChars} characters)`,
      );
    }
    return line.trim() ? readLine(line, lineNumber, file, defaults, limits) : null;
  };

  try {
    for await (const chunk of chunks) {
      let start = 0;
      let newline = chunk.indexOf('\n');
      while (newline !== -1) {
        const result = finishLine(pending + chunk.slice(start, newline));
        pending = '';
        if (result) yield result;
        start = newline + 1;
        newline = chunk.indexOf('\n', start);
      }
      if (!overlong) pending += chunk.slice(start);
      if (pending.length > maxLineChars) {
        overlong = true;
        pending = '';
      }
    }
    if (pending || overlong) {
      const result = finishLine(pending);
      if (result) yield result;
    }
  } catch (error) {
    if (!(error instanceof UnreadableText)) throw error;
    yield new IngestError(file, error.reason);
  }
}

/** Parse and validate one line; `lineNumber` counts from 1. */
export function readLine(
  line: string,
  lineNumber: number,
  file: string,
  defaults: IngestDefaults,
  limits: IngestLimits,
): IngestResult {
  const where = `line ${lineNumber}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const why = error instanceof Error ? ` (${error.message})` : '';
    return new IngestError(file, `${where}: not valid JSON${why}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const got = Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value;
    return new IngestError(file, `${where}: expected one JSON object per line; got ${got}`);
  }
  // Copy only the known fields: unknown ones are ignored, `__proto__` never travels.
  const object = value as Record<string, unknown>;
  const fields: LooseFields = {};
  for (const field of ARTICLE_FIELDS) {
    if (Object.hasOwn(object, field)) fields[field] = object[field];
  }
  return buildArticle(fields, {
    file,
    where,
    defaults,
    limits,
    howToAdd: (field) => `add the "${field}" field or pass --${field}`,
  });
}

/**
 * Reader for `.csv` files: one article per row, a header row naming the columns
 * title, outlet, story, url, date, author, text (case-insensitive; unknown columns are
 * ignored; `text` is required). Parsed by csv-parse's stream API, so memory stays flat.
 *
 * Errors are per row: a malformed or invalid row is reported as
 * "malformed CSV at row N: …" or "row N: …" and the good rows still go in. Row N counts
 * as a spreadsheet does: the header is row 1, the first article row 2 (blank lines are
 * skipped and not counted). A broken header or a parse error csv-parse cannot recover
 * from stops the file there.
 *
 * Deliberately not here: guessing delimiters or relaxing quoting rules; a quote in the
 * wrong place is an error, never a silently merged row.
 */
import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { ARTICLE_FIELDS, buildArticle, IngestError } from './record.js';
import type {
  ArticleField,
  IngestDefaults,
  IngestLimits,
  IngestResult,
  LooseFields,
} from './record.js';
import { UnreadableText } from './decode.js';

/** A header problem found inside csv-parse's columns callback, surfaced as a file error. */
class HeaderProblem extends Error {}

/**
 * A record past max_record_size. csv-parse cannot find where such a field ends and
 * reports it again for every chunk that follows (a 10 MB field gave 123 rejections), so
 * the file stops there with one.
 */
class RecordTooLong extends Error {
  constructor(
    readonly row: number,
    readonly limit: number,
  ) {
    super(`row ${row} is longer than the limit`);
  }
}

interface NumberedRow {
  row: number;
  fields: LooseFields;
}

/** Read articles from decoded CSV text chunks (LF line ends, BOM already dropped). */
export async function* readCsv(
  chunks: AsyncIterable<string>,
  file: string,
  defaults: IngestDefaults,
  limits: IngestLimits,
): AsyncGenerator<IngestResult> {
  let rowsSeen = 0; // records emitted or skipped so far, in parse order
  const skipped: Array<{ row: number; error: IngestError }> = [];
  // Room for the longest article plus its metadata; beyond that the file is stopped.
  const maxRecordSize = limits.maxArticleChars + 64 * 1024;
  const parser = parse({
    bom: true,
    columns: headerColumns,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: maxRecordSize,
    on_skip: (error) => {
      if (error?.code === 'CSV_MAX_RECORD_SIZE') {
        if (!parser.destroyed) parser.destroy(new RecordTooLong(rowsSeen + 2, maxRecordSize));
        return undefined;
      }
      rowsSeen++;
      const row = rowsSeen + 1;
      const reason = `malformed CSV at row ${row}: ${csvMessage(error?.message ?? 'unreadable row')}`;
      skipped.push({ row, error: new IngestError(file, reason) });
      return undefined;
    },
    on_record: (record: Record<string, string>): NumberedRow => {
      rowsSeen++;
      return { row: rowsSeen + 1, fields: record as LooseFields };
    },
  });
  const source = Readable.from(chunks);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);

  // on_skip runs while csv-parse works ahead of this loop, so skipped rows are queued
  // and released in row order, between the records around them.
  const releaseSkippedBefore = function* (row: number): Generator<IngestError> {
    while (skipped.length > 0 && skipped[0]!.row < row) yield skipped.shift()!.error;
  };

  let articles = 0;
  try {
    for await (const numbered of parser as AsyncIterable<NumberedRow>) {
      yield* releaseSkippedBefore(numbered.row);
      articles++;
      yield buildArticle(numbered.fields, {
        file,
        where: `row ${numbered.row}`,
        defaults,
        limits,
        howToAdd: (field) => `add the '${field}' column or pass --${field}`,
      });
    }
    yield* releaseSkippedBefore(Infinity);
    if (articles === 0 && rowsSeen === 0) {
      yield new IngestError(file, 'no articles: the CSV has a header row but no rows below it');
    }
  } catch (error) {
    yield* releaseSkippedBefore(Infinity);
    yield fileError(file, error, rowsSeen + 2);
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/** Header names → known fields (case-insensitive); unknown columns dropped, duplicates refused. */
function headerColumns(header: string[]): Array<ArticleField | false> {
  const seen = new Set<string>();
  const columns = header.map((raw) => {
    const name = raw.trim().toLowerCase();
    if (!(ARTICLE_FIELDS as readonly string[]).includes(name)) return false;
    if (seen.has(name)) throw new HeaderProblem(`the header names the '${name}' column twice`);
    seen.add(name);
    return name as ArticleField;
  });
  if (!seen.has('text')) {
    // Shortened: a file without line breaks would otherwise put all of itself in the reason.
    const names = header.slice(0, 10).map((h) => {
      const name = h.replace(/\s+/g, ' ').trim();
      return name.length > 40 ? `${name.slice(0, 40)}…` : name;
    });
    const found = names.join(', ') + (header.length > 10 ? ', …' : '');
    // Spreadsheets in many locales save ';'-separated "CSV"; say so instead of a bare miss.
    if (header.length === 1 && /[;\t]/.test(header[0] ?? '')) {
      throw new HeaderProblem(
        `the header row has no 'text' column: the columns seem to be separated by ` +
          `${header[0]?.includes(';') ? 'semicolons' : 'tabs'}; save the file as comma-separated CSV`,
      );
    }
    throw new HeaderProblem(
      `the header row has no 'text' column (found: ${found}); the first row must name the columns ` +
        `(title, outlet, story, url, date, author, text)`,
    );
  }
  return columns;
}

function fileError(file: string, error: unknown, row: number): IngestError {
  if (error instanceof UnreadableText) return new IngestError(file, error.reason);
  if (error instanceof HeaderProblem)
    return new IngestError(file, `malformed CSV at row 1: ${error.message}`);
  if (error instanceof RecordTooLong) {
    return new IngestError(
      file,
      `row ${error.row}: longer than the limit (${error.limit.toLocaleString('en')} characters; ` +
        `a quote left open makes the rest of the file one field); reading stopped here`,
    );
  }
  // csv-parse wraps errors thrown from the columns callback; unwrap ours.
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof HeaderProblem)
    return new IngestError(file, `malformed CSV at row 1: ${cause.message}`);
  const message = csvMessage(error instanceof Error ? error.message : String(error));
  const stopped = error instanceof CsvError ? ' (reading stopped here)' : '';
  return new IngestError(file, `malformed CSV at row ${row}: ${message}${stopped}`);
}

/** csv-parse names the field of an ignored column "field undefined"; that part says nothing. */
function csvMessage(message: string): string {
  return message.replace(/ on field undefined\b/g, '');
}

/**
 * Reader for `.csv` files: one article per row, a header row naming the columns
 * title, outlet, story, url, date, author, text (case-insensitive; unknown columns are
 * ignored; `text` is required). Parsed by csv-parse's stream API, so memory stays flat.
 *
 * Errors are per record: a malformed or invalid row is refused once, as "malformed CSV at
 * row N (line L): …" or "row N (line L): …" in plain words, and the good rows still go in.
 * Row N counts as a spreadsheet does (the header is row 1, the first article row 2; blank
 * lines are skipped and not counted); line L is the physical line of the file where the
 * record starts, which differs from N once a quoted field holds line breaks. A broken
 * header or a parse error csv-parse cannot recover from stops the file there.
 *
 * Deliberately not here: guessing delimiters or relaxing quoting rules; a quote in the
 * wrong place is an error, never a silently merged row. Recovery is csv-parse's own
 * (skip_records_with_error), so a record whose quotes do not pair up may run on to the
 * next closing quote, as the CSV grammar says; it is still refused once.
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
  line: number;
  fields: LooseFields;
}

/** What csv-parse passes to on_record with `raw: true`. */
interface RawRecord {
  record: Record<string, string>;
  raw: string;
}

/**
 * The line a record starts on, from the line csv-parse is at (`lines`, the line of the
 * last character read) and the record's raw text so far. Leading blank lines skipped
 * before the record are not part of it, and a final line break belongs to its last line.
 */
export function recordStartLine(lines: number, raw: string | undefined): number {
  const body = (raw ?? '').replace(/^\n+/, '').replace(/\n$/, '');
  let breaks = 0;
  for (const char of body) if (char === '\n') breaks++;
  return Math.max(1, lines - breaks);
}

/** A record csv-parse skipped, refused when the loop below reaches its row. */
interface Refusal {
  row: number;
  /** Where the record starts, where its first problem is, and where its last one is. */
  line: number;
  atLine: number;
  lastLine: number;
  error: CsvError | undefined;
  headerFields: number;
}

function refusal(file: string, skip: Refusal): IngestError {
  const { row, line, atLine, lastLine, error, headerFields } = skip;
  // A quote that is not doubled leaves the field open, so the next quote closes it and the
  // row can run on over following lines (csv-parse's reading, as the CSV grammar has it).
  const ranOn =
    lastLine > line && error?.code !== 'CSV_QUOTE_NOT_CLOSED'
      ? `; the quotes then no longer pair up, so this row ran on to line ${lastLine}`
      : '';
  return new IngestError(
    file,
    `malformed CSV at row ${row} (line ${line}): ${plainCsvReason(error, line, atLine, headerFields)}${ranOn}`,
  );
}

/** Read articles from decoded CSV text chunks (LF line ends, BOM already dropped). */
export async function* readCsv(
  chunks: AsyncIterable<string>,
  file: string,
  defaults: IngestDefaults,
  limits: IngestLimits,
): AsyncGenerator<IngestResult> {
  let rowsSeen = 0; // records emitted or refused so far, in parse order
  let headerFields = 0;
  // csv-parse reports each bad quote of a record separately; the record is refused once,
  // for its first problem, and the line of its last problem says how far it ran.
  const skipped: Refusal[] = [];
  // Room for the longest article plus its metadata; beyond that the file is stopped.
  const maxRecordSize = limits.maxArticleChars + 64 * 1024;
  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      headerFields = header.length;
      return headerColumns(header);
    },
    skip_empty_lines: true,
    skip_records_with_error: true,
    raw: true,
    max_record_size: maxRecordSize,
    on_skip: (error, raw) => {
      if (error?.code === 'CSV_MAX_RECORD_SIZE') {
        if (!parser.destroyed) parser.destroy(new RecordTooLong(rowsSeen + 2, maxRecordSize));
        return undefined;
      }
      const atLine = typeof error?.lines === 'number' ? error.lines : parser.info.lines;
      const line = recordStartLine(atLine, raw);
      const last = skipped.at(-1);
      if (last?.line === line) {
        last.lastLine = Math.max(last.lastLine, atLine);
        return undefined;
      }
      rowsSeen++;
      skipped.push({ row: rowsSeen + 1, line, atLine, lastLine: atLine, error, headerFields });
      return undefined;
    },
    on_record: (record: RawRecord, info): NumberedRow => {
      rowsSeen++;
      return {
        row: rowsSeen + 1,
        line: recordStartLine(info.lines, record.raw),
        fields: record.record as LooseFields,
      };
    },
  });
  const source = Readable.from(chunks);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);

  // on_skip runs while csv-parse works ahead of this loop, so skipped rows are queued
  // and released in row order, between the records around them.
  const releaseSkippedBefore = function* (row: number): Generator<IngestError> {
    while (skipped.length > 0 && skipped[0]!.row < row) yield refusal(file, skipped.shift()!);
  };

  let articles = 0;
  try {
    for await (const numbered of parser as AsyncIterable<NumberedRow>) {
      yield* releaseSkippedBefore(numbered.row);
      articles++;
      yield buildArticle(numbered.fields, {
        file,
        where: `row ${numbered.row}`,
        whereInReasons: `row ${numbered.row} (line ${numbered.line})`,
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
    yield fileError(file, error, rowsSeen + 2, parser.info.lines);
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

function fileError(file: string, error: unknown, row: number, line: number): IngestError {
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
  if (error instanceof CsvError) {
    const reason = plainCsvReason(error, line, line, 0);
    return new IngestError(file, `malformed CSV at line ${line}: ${reason} (reading stopped here)`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new IngestError(file, `malformed CSV at row ${row}: ${message}`);
}

/**
 * csv-parse's error in words a researcher can act on. `line` is where the record starts,
 * `atLine` where csv-parse found the problem; `headerFields` is 0 when unknown.
 */
function plainCsvReason(
  error: CsvError | undefined,
  line: number,
  atLine: number,
  headerFields: number,
): string {
  const onLine = atLine !== line ? ` (on line ${atLine})` : '';
  switch (error?.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `a " inside a quoted field is not doubled${onLine}; double it as ""`;
    case 'INVALID_OPENING_QUOTE':
      return (
        `a " in the middle of a field that does not start with one${onLine}; ` +
        `put the whole field in quotes and double the " as ""`
      );
    case 'CSV_QUOTE_NOT_CLOSED':
      return `an unclosed quote from line ${line} runs to the end of the file; close the quote`;
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const found = Array.isArray(error.record) ? error.record.length : undefined;
      const expected = headerFields || undefined;
      const counts =
        found !== undefined && expected !== undefined
          ? `the row has ${found} ${found === 1 ? 'field' : 'fields'} where the header has ${expected}`
          : 'the row has a different number of fields from the header';
      const hint =
        found !== undefined && expected !== undefined && found > expected
          ? 'a comma inside a field needs the field in quotes'
          : 'a field or a comma is missing';
      return `${counts}; ${hint}`;
    }
    default:
      return csvMessage(error?.message ?? 'unreadable row');
  }
}

/** csv-parse's own wording, less the parts that say nothing to a researcher. */
function csvMessage(message: string): string {
  return message
    .replace(/ on field undefined\b/g, '')
    .replace(
      / instead of delimiter, record delimiter, trimable character \(if activated\) or comment/,
      '',
    );
}

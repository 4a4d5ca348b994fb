/**
 * Reader for `.csv` files: one article per row, a header row naming the columns
 * title, outlet, story, url, date, author, text (case-insensitive; unknown columns are
 * ignored; `text` is required). Read record by record (`csv-records.ts`), fields by
 * csv-parse, so memory stays flat.
 *
 * Errors are per record: a malformed or invalid row is refused once, as "malformed CSV at
 * row N (line L): …" or "row N (line L): …" in plain words, and the good rows still go in.
 * Row N counts as a spreadsheet does (the header is row 1, the first article row 2; blank
 * lines are skipped and not counted); line L is the physical line of the file where the
 * record starts, which differs from N once a quoted field holds line breaks. A broken
 * header, or a record past the size limit with no row to start again from, stops the file.
 *
 * Deliberately not here: guessing delimiters or relaxing quoting rules; a quote in the
 * wrong place is an error, never a silently merged row. A quote that does not pair up is
 * refused at the line it opens on; when it ran over lines that read as rows of their own,
 * reading starts again at the first of them, so the rows after it are not lost.
 */
import { ARTICLE_FIELDS, buildArticle, IngestError } from './record.js';
import type {
  ArticleField,
  IngestDefaults,
  IngestLimits,
  IngestResult,
  LooseFields,
} from './record.js';
import { UnreadableText } from './decode.js';
import { csvRecords, RecordTooLong, type CsvProblem, type CsvRecord } from './csv-records.js';

/** A header problem, surfaced as a file error. */
class HeaderProblem extends Error {}

function refusal(file: string, row: number, record: CsvRecord, headerFields: number): IngestError {
  const { line, lastLine, error, resumedAt } = record;
  const where = `malformed CSV at row ${row} (line ${line})`;
  if (resumedAt !== undefined) return new IngestError(file, `${where}: ${swallowed(record)}`);
  if (!error) {
    const found = record.fields?.length ?? 0;
    const reason = plainCsvReason(
      { code: 'CSV_RECORD_INCONSISTENT_COLUMNS', message: 'field count', record: record.fields },
      line,
      line,
      headerFields,
    );
    return new IngestError(file, `${where}: ${found === 0 ? 'an empty row' : reason}`);
  }
  const atLine = line + (typeof error.lines === 'number' ? error.lines : 1) - 1;
  // A quote that is not doubled leaves the field open, so the next quote closes it and the
  // row can run on over following lines (csv-parse's reading, as the CSV grammar has it).
  const ranOn =
    lastLine > line && error.code !== 'CSV_QUOTE_NOT_CLOSED'
      ? `; the quotes then no longer pair up, so this row ran on to line ${lastLine}`
      : '';
  return new IngestError(
    file,
    `${where}: ${plainCsvReason(error, line, atLine, headerFields)}${ranOn}`,
  );
}

/** Why a record that ran over later rows is refused, and what to fix. */
function swallowed(record: CsvRecord): string {
  const { line, lastLine, resumedAt, firstLineError } = record;
  const runs =
    `runs over the rows below it (reading goes on at line ${resumedAt}` +
    (lastLine > line ? `; lines ${line + 1} to ${lastLine} are refused with this row)` : ')');
  switch (firstLineError?.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `a " inside a quoted field is not doubled, so the field stays open and ${runs}; double the " as ""`;
    case 'INVALID_OPENING_QUOTE':
      return `a " in the middle of a field opens a quote that ${runs}; put the whole field in quotes and double the " as ""`;
    default:
      return `the quote opened on line ${line} is not closed on that line and ${runs}; close the quote, and double any " inside it as ""`;
  }
}

/** Read articles from decoded CSV text chunks (LF line ends, BOM already dropped). */
export async function* readCsv(
  chunks: AsyncIterable<string>,
  file: string,
  defaults: IngestDefaults,
  limits: IngestLimits,
): AsyncGenerator<IngestResult> {
  let rows = 0; // records read so far, the header included
  let headerFields = 0;
  let columns: Array<ArticleField | false> = [];
  let keyColumns: number[] = [];
  let lastLine = 0;
  // Room for the longest article plus its metadata; beyond that the file is stopped.
  const maxRecordSize = limits.maxArticleChars + 64 * 1024;
  const records = csvRecords(dropBom(chunks), {
    headerFields: () => headerFields,
    keyColumns: () => keyColumns,
    maxRecordSize,
  });
  try {
    for await (const record of records) {
      rows++;
      lastLine = record.lastLine;
      if (rows === 1) {
        if (!record.fields) {
          const reason = plainCsvReason(record.error ?? undefined, record.line, record.line, 0);
          yield new IngestError(
            file,
            `malformed CSV at line ${record.line}: ${reason} (reading stopped here)`,
          );
          return;
        }
        headerFields = record.fields.length;
        columns = headerColumns(record.fields);
        keyColumns = columns.flatMap((name, i) =>
          name === 'outlet' || name === 'story' ? [i] : [],
        );
        continue;
      }
      if (!record.fields || record.fields.length !== headerFields) {
        yield refusal(file, rows, record, headerFields);
        continue;
      }
      const fields: LooseFields = {};
      record.fields.forEach((value, i) => {
        const name = columns[i];
        if (name) fields[name] = value;
      });
      yield buildArticle(fields, {
        file,
        where: `row ${rows}`,
        whereInReasons: `row ${rows} (line ${record.line})`,
        defaults,
        limits,
        howToAdd: (field) => `add the '${field}' column or pass --${field}`,
      });
    }
    if (rows <= 1) {
      yield new IngestError(file, 'no articles: the CSV has a header row but no rows below it');
    }
  } catch (error) {
    yield fileError(file, error, rows + 1, lastLine + 1, maxRecordSize);
  } finally {
    await records.return(undefined);
  }
}

/** A byte-order mark left at the start of the text (csv-parse's `bom` option, kept). */
async function* dropBom(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of chunks) {
    yield first && chunk.startsWith('\uFEFF') ? chunk.slice(1) : chunk;
    first = false;
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

function fileError(
  file: string,
  error: unknown,
  row: number,
  line: number,
  limit: number,
): IngestError {
  if (error instanceof UnreadableText) return new IngestError(file, error.reason);
  if (error instanceof HeaderProblem)
    return new IngestError(file, `malformed CSV at row 1: ${error.message}`);
  if (error instanceof RecordTooLong) {
    return new IngestError(
      file,
      `row ${row} (line ${error.line}): longer than the limit (${limit.toLocaleString('en')} characters; ` +
        `a quote left open makes the rest of the file one field); reading stopped here`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new IngestError(file, `malformed CSV at row ${row} (line ${line}): ${message}`);
}

/**
 * csv-parse's error in words a researcher can act on. `line` is where the record starts,
 * `atLine` where csv-parse found the problem; `headerFields` is 0 when unknown.
 */
function plainCsvReason(
  error: CsvProblem | undefined,
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

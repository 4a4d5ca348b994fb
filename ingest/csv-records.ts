/**
 * Splits decoded CSV text into records, line by line, and keeps one record whose quotes do
 * not pair up from swallowing the records after it.
 *
 * A record ends at the first line end outside a quoted field; counting quotes per line (a
 * doubled `""` counts twice) finds it without reading fields, so only one record is held at
 * a time. Each record's fields are then read by csv-parse (strict: its errors are kept).
 *
 * An unclosed quote makes every line after it part of one field, up to the next quote or
 * the end of the file. When a record spanning several lines holds lines that are clearly
 * rows of their own, the record is refused at the line it starts on and reading starts
 * again at the first such line. "Clearly" means: the record is broken anyway (a parse
 * error, a quote still open at the end of the file or at the size limit, or a field count
 * unlike the header's), or, when csv-parse refused it, a line inside it reads as a full row
 * naming the same outlet or story as the record itself; and the line, read from there, is a complete row with the
 * header's number of fields and no error. A paragraph break inside a properly quoted
 * article body is none of these, so multi-line fields stay one field.
 *
 * Deliberately not here: guessing delimiters, relaxing quoting rules, or repairing a row.
 */
import { parse, CsvError } from 'csv-parse/sync';

/** What is wrong with a record: csv-parse's error, or the same shape for a problem found here. */
export interface CsvProblem {
  code: string;
  message: string;
  /** Line of the problem, counted from the record's first line (1). */
  lines?: number;
  record?: unknown;
}

/** One record as the file holds it, with its fields or csv-parse's first error. */
export interface CsvRecord {
  /** Line of the file the record starts on, and its last line. */
  line: number;
  lastLine: number;
  fields: string[] | null;
  error: CsvProblem | null;
  /** Set when the record swallowed later rows: the line reading started again at. */
  resumedAt?: number;
  /** The record's first line read alone, for the reason given when it swallowed rows. */
  firstLineError?: CsvProblem | null;
}

export interface CsvFraming {
  /** Fields the header has; 0 until the header (the first record) is read. */
  headerFields: () => number;
  /** Columns (by index) holding outlet and story, to recognise a row swallowed whole. */
  keyColumns: () => number[];
  /** A record longer than this stops the file, unless rows of their own are found in it. */
  maxRecordSize: number;
}

/** A record past the size limit with no row of its own inside it to start again from. */
export class RecordTooLong extends Error {
  constructor(
    readonly line: number,
    readonly limit: number,
  ) {
    super(`the record from line ${line} is longer than the limit`);
  }
}

function commas(line: string): number {
  let count = 0;
  for (let i = line.indexOf(','); i !== -1; i = line.indexOf(',', i + 1)) count++;
  return count;
}

function oddQuotes(line: string): boolean {
  let odd = false;
  for (let i = line.indexOf('"'); i !== -1; i = line.indexOf('"', i + 1)) odd = !odd;
  return odd;
}

/** csv-parse's reading of one record's text: its fields, or its first error. */
export function readRecord(text: string): { fields: string[] | null; error: CsvProblem | null } {
  try {
    const rows = parse(text, {
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: '\n',
    }) as string[][];
    if (rows.length === 1) return { fields: rows[0]!, error: null };
    return {
      fields: null,
      error: { code: 'CSV_QUOTE_NOT_CLOSED', message: 'the quotes do not pair up' },
    };
  } catch (error) {
    if (error instanceof CsvError) return { fields: null, error };
    throw error;
  }
}

/**
 * The index (after 0, before `before`) of the first line from which a complete, error-free
 * row with `fields` fields can be read inside `lines`, or -1.
 */
export function resyncIndex(
  lines: readonly string[],
  fields: number,
  before = lines.length,
): number {
  if (fields === 0) return -1;
  // closesAt[k]: the last line of a record starting at line k: k itself when its quotes
  // pair up, else the next line with an odd number of quotes (-1: none, it never closes).
  const odd = lines.map(oddQuotes);
  const closesAt = new Array<number>(lines.length).fill(-1);
  let nextOdd = -1;
  for (let k = lines.length - 1; k >= 0; k--) {
    closesAt[k] = odd[k] ? nextOdd : k;
    if (odd[k]) nextOdd = k;
  }
  for (let k = 1; k < before; k++) {
    const end = closesAt[k]!;
    if (end === -1 || lines[k] === '') continue;
    if (!odd[k] && !lines[k]!.includes('"') && lines[k]!.split(',').length !== fields) continue;
    const { fields: read, error } = readRecord(lines.slice(k, end + 1).join('\n'));
    if (!error && read?.length === fields) return k;
  }
  return -1;
}

/**
 * Fields as the quotes split them when every `"` opens or closes a quoted part: a reading
 * that never fails, for judging where a broken record was meant to end.
 */
export function looseFields(text: string): string[] {
  const fields: string[] = [];
  let inside = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') inside = !inside;
    else if (char === ',' && !inside) {
      fields.push(text.slice(from, i));
      from = i + 1;
    }
  }
  fields.push(text.slice(from));
  return fields.map((field) => field.trim().replace(/^"|"$/g, '').trim());
}

/** A line after the first that reads as a full row naming the first line's outlet or story. */
function holdsOwnRow(lines: readonly string[], framing: CsvFraming): boolean {
  const keys = framing.keyColumns();
  const expected = framing.headerFields();
  if (keys.length === 0 || expected === 0) return false;
  const first = looseFields(lines[0]!);
  for (let k = 1; k < lines.length; k++) {
    if (commas(lines[k]!) < expected - 1) continue;
    const fields = looseFields(lines[k]!);
    if (fields.length !== expected) continue;
    // Only columns the first line holds whole (before its quote opens) are compared.
    if (keys.some((i) => i < first.length - 1 && fields[i] !== '' && fields[i] === first[i]))
      return true;
  }
  return false;
}

interface Line {
  text: string;
  no: number;
}

/** The text's lines, numbered from 1; a single line past `max` characters stops the file. */
async function* numberedLines(chunks: AsyncIterable<string>, max: number): AsyncGenerator<Line> {
  let partial = '';
  let no = 0;
  for await (const chunk of chunks) {
    let from = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', from)) {
      yield { text: partial + chunk.slice(from, end), no: ++no };
      partial = '';
      from = end + 1;
    }
    partial += chunk.slice(from);
    if (partial.length > max) throw new RecordTooLong(no + 1, max);
  }
  if (partial !== '') yield { text: partial, no: ++no };
}

/** Records of the file in order; blank lines between records are skipped. */
export async function* csvRecords(
  chunks: AsyncIterable<string>,
  framing: CsvFraming,
): AsyncGenerator<CsvRecord> {
  const source = numberedLines(chunks, framing.maxRecordSize)[Symbol.asyncIterator]();
  const pending: Line[] = []; // lines read ahead or handed back, to be read (again) first
  let done = false;
  const nextLine = async (): Promise<Line | undefined> => {
    const next = pending.shift();
    if (next !== undefined || done) return next;
    const read = await source.next();
    if (!read.done) return read.value;
    done = true;
    return undefined;
  };

  /**
   * The record `held`, refused at its first line when it ran over rows of their own.
   * Returns the lines to read again. A row inside the record may itself hold a quoted
   * field that goes on past the record's end, so lines are read ahead to the next line
   * with an odd number of quotes (where such a field closes), within the size limit.
   */
  const settle = async function* (
    held: Line[],
    atEnd: boolean,
    tooLong: boolean,
  ): AsyncGenerator<CsvRecord, Line[]> {
    const lines = held.map((l) => l.text);
    const line = held[0]!.no;
    const { fields, error } = tooLong
      ? { fields: null, error: null }
      : readRecord(lines.join('\n'));
    const lastLine = line + lines.length - 1;
    if (lines.length > 1) {
      const expected = framing.headerFields();
      // Where the record ends is wrong, not just a quote inside it (that is refused once).
      // A record csv-parse reads cleanly with the header's fields is never split again,
      // whatever its lines look like: a quoted paragraph may itself read as a row
      // ("CNN, citing two officials, reported …").
      const overran =
        tooLong ||
        atEnd ||
        (expected > 0 && (fields ?? looseFields(lines.join('\n'))).length !== expected) ||
        (error !== null && holdsOwnRow(lines, framing));
      if (overran) {
        const ahead: Line[] = [];
        let size = 0;
        while (!atEnd && size <= framing.maxRecordSize) {
          const next = await nextLine();
          if (next === undefined) break;
          ahead.push(next);
          size += next.text.length + 1;
          if (oddQuotes(next.text)) break;
        }
        const k = resyncIndex([...lines, ...ahead.map((l) => l.text)], expected, lines.length);
        if (k > 0) {
          yield {
            line,
            lastLine: line + k - 1,
            fields: null,
            error,
            resumedAt: held[k]!.no,
            firstLineError: readRecord(lines[0]!).error,
          };
          return [...held.slice(k), ...ahead];
        }
        pending.unshift(...ahead);
      }
    }
    if (tooLong) throw new RecordTooLong(line, framing.maxRecordSize);
    yield { line, lastLine, fields, error };
    return [];
  };

  let record: Line[] = []; // the record being read
  let open = false; // inside a quoted field at the end of its last line
  let size = 0;
  for (;;) {
    const next = await nextLine();
    if (next === undefined && record.length === 0) return;
    if (next !== undefined) {
      if (record.length === 0 && next.text === '') continue;
      record.push(next);
      size += next.text.length + 1;
      if (oddQuotes(next.text)) open = !open;
      if (open && size <= framing.maxRecordSize) continue;
    }
    // The record closed, the file ended inside a quoted field, or the record is too long.
    const held = record;
    record = [];
    size = 0;
    const wasOpen = open;
    open = false;
    pending.unshift(...(yield* settle(held, next === undefined, wasOpen && next !== undefined)));
  }
}

/**
 * The entry point for getting articles in: walks files and folders (or takes uploaded
 * files, or the paste form's fields), checks each file can be read as text, and hands it
 * to the reader for its format. The CLI and the server's add page both come through
 * `readSource` here, so an article read either way is the same record.
 *
 * Every record is screened (screen.ts: too short, not an article) on its way out.
 * Every problem is yielded as an IngestError naming the file (and row or line) and
 * what was wrong; nothing is thrown for bad input, so one bad file never stops a batch.
 *
 * Text handed to the readers is decoded UTF-8 (or UTF-16 with a byte-order mark),
 * without the BOM, with CRLF and lone CR turned into LF: analysis offsets count into
 * that normalized text, which is what the store keeps.
 *
 * Deliberately not here: analysis and storage (the ingest step after this), slugs,
 * deduplication, fetching URLs.
 */
import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { readCsv } from './csv.js';
import { decodeChunks, decodeWhole, UnreadableText } from './decode.js';
import { readHtmlBounded } from './html-budget.js';
import { readJsonl } from './jsonl.js';
import { buildArticle, IngestError, resolveLimits } from './record.js';
import { screenAll, screenArticle } from './screen.js';
import type {
  IngestDefaults,
  IngestLimits,
  IngestResult,
  LooseFields,
  ReadOptions,
} from './record.js';
import { readTxt } from './txt.js';

type Format = 'txt' | 'html' | 'csv' | 'jsonl';

const FORMAT_BY_EXTENSION: Readonly<Record<string, Format>> = {
  '.txt': 'txt',
  '.md': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.csv': 'csv',
  '.jsonl': 'jsonl',
};

export const ACCEPTED_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION);

/** CSV and JSONL hold many articles and are streamed; the others are read whole. */
const STREAMED: ReadonlySet<Format> = new Set(['csv', 'jsonl']);

/**
 * Files read from disk may also be gzip-compressed, as large corpora are shipped
 * (`articles.jsonl.gz`): only the streamed formats, which are decompressed as they are read.
 */
export const COMPRESSED_EXTENSIONS = Object.entries(FORMAT_BY_EXTENSION)
  .filter(([, format]) => STREAMED.has(format))
  .map(([extension]) => `${extension}.gz`);

/**
 * Read every article under the given files and folders. Folders are walked recursively
 * in sorted (code point) order, skipping names that start with a dot. A record's
 * `source` is its path as reached from what was passed in.
 */
export async function* readSources(
  paths: string[],
  options: ReadOptions,
): AsyncGenerator<IngestResult> {
  const limits = resolveLimits(options.limits);
  const visited = new Set<string>();
  for (const path of paths) {
    for await (const found of walk(path, visited)) {
      if (found instanceof IngestError) yield found;
      else
        yield* screenAll(
          guarded(found.path, readFileAt(found.path, found.size, options.defaults, limits)),
          limits.minWords,
        );
    }
  }
}

/** A file sent to the server (the upload form): the client's name and the bytes. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Where an ingest reads from: files and folders on disk, uploaded files, or pasted text. */
export type IngestSource =
  | { paths: string[] }
  | { uploads: UploadedFile[] }
  /** The paste form's fields, as a reader would have found them in a file. */
  | { pasted: LooseFields };

/** Every article of a source, read and screened: what `ingest` (ingest.ts) stores. */
export function readSource(
  source: IngestSource,
  options: ReadOptions,
): AsyncIterable<IngestResult> {
  if ('paths' in source) return readSources(source.paths, options);
  if ('uploads' in source) return readUploads(source.uploads, options);
  return readPasted(source.pasted, options);
}

async function* readUploads(
  uploads: UploadedFile[],
  options: ReadOptions,
): AsyncGenerator<IngestResult> {
  for (const upload of uploads) yield* parseUpload(upload.name, upload.bytes, options);
}

/**
 * Read the articles in one uploaded file, exactly as `readSources` would read the same
 * file from disk. `name` is the client's file name: only its last part is used.
 */
export async function* parseUpload(
  name: string,
  bytes: Uint8Array,
  options: ReadOptions,
): AsyncGenerator<IngestResult> {
  const limits = resolveLimits(options.limits);
  const opened = await openUpload(name, bytes, limits);
  if (opened instanceof IngestError) return yield opened;
  const { file, format, text } = opened;
  const results = guarded(
    file,
    readText(format, file, singleChunk(text), text, options.defaults, limits),
  );
  yield* screenAll(results, limits.minWords);
}

/**
 * Why an uploaded file cannot be read at all (an unsupported type, too large, empty, not
 * text), or null: the server refuses such an upload whole, before anything is stored.
 */
export async function uploadProblem(
  name: string,
  bytes: Uint8Array,
  limits?: Partial<IngestLimits>,
): Promise<IngestError | null> {
  const opened = await openUpload(name, bytes, resolveLimits(limits));
  return opened instanceof IngestError ? opened : null;
}

async function openUpload(
  name: string,
  bytes: Uint8Array,
  limits: IngestLimits,
): Promise<{ file: string; format: Format; text: string } | IngestError> {
  const file = uploadName(name);
  const format = formatOf(file);
  if (typeof format !== 'string') return format;
  if (bytes.length > limits.maxFileBytes) return tooLarge(file, limits);
  const text = await decodeOrError(file, bytes);
  if (text instanceof IngestError) return text;
  return { file, format, text };
}

/** The last part of a client's file name (browsers on Windows may send a whole path). */
export function uploadName(name: string): string {
  return basename(name.replace(/\\/g, '/')) || 'upload';
}

/** The name pasted text goes by in results and in the article's `source`. */
export const PASTED_SOURCE = 'pasted text';

/**
 * One article from the paste form's fields, through the same validation (record.ts) and
 * screening as a file's: the same reasons for the same problems.
 */
async function* readPasted(
  fields: LooseFields,
  options: ReadOptions,
): AsyncGenerator<IngestResult> {
  const limits = resolveLimits(options.limits);
  const record = buildArticle(fields, {
    file: PASTED_SOURCE,
    defaults: options.defaults,
    limits,
    howToAdd: (field) => `fill in the ${field} field`,
  });
  yield screenArticle(record, limits.minWords);
}

/**
 * Whatever a reader throws (a parser bug, a library's own limit) becomes that file's
 * rejection, after the articles it already gave, so one file never stops the batch.
 */
async function* guarded(
  file: string,
  results: AsyncGenerator<IngestResult>,
): AsyncGenerator<IngestResult> {
  try {
    yield* results;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    yield new IngestError(file, `could not be read (${why.split('\n')[0]})`);
  }
}

interface FoundFile {
  path: string;
  size: number;
}

async function* walk(path: string, visited: Set<string>): AsyncGenerator<FoundFile | IngestError> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    return yield new IngestError(path, cannotRead(error));
  }
  if (info.isFile()) return yield { path, size: info.size };
  if (!info.isDirectory()) return yield new IngestError(path, 'not a regular file or folder');

  // A symlink back up the tree would otherwise be walked forever.
  const real = await realpath(path);
  if (visited.has(real)) return;
  visited.add(real);

  let names: string[];
  try {
    names = await readdir(path);
  } catch (error) {
    return yield new IngestError(path, cannotRead(error));
  }
  const visible = names
    .filter((name) => !name.startsWith('.'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of visible) yield* walk(join(path, name), visited);
}

async function* readFileAt(
  path: string,
  size: number,
  defaults: IngestDefaults,
  limits: IngestLimits,
): AsyncGenerator<IngestResult> {
  const gzip = isGzipName(path);
  const format = gzip ? formatOfCompressed(path) : formatOf(path, COMPRESSED_EXTENSIONS);
  if (typeof format !== 'string') return yield format;
  if (size === 0) return yield new IngestError(path, 'empty file');

  if (!STREAMED.has(format)) {
    if (size > limits.maxFileBytes) return yield tooLarge(path, limits);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      return yield new IngestError(path, cannotRead(error));
    }
    const text = await decodeOrError(path, bytes);
    if (text instanceof IngestError) return yield text;
    return yield* readText(format, path, singleChunk(text), text, defaults, limits);
  }

  // Streamed formats are checked in a first pass, so a file that is not text is refused
  // as a whole before any of its rows go in; the second pass parses.
  const problem = await checkTextStream(path, gzip);
  if (problem) return yield problem;
  yield* readText(format, path, decodeChunks(openBytes(path, gzip)), null, defaults, limits);
}

function isGzipName(file: string): boolean {
  return file.toLowerCase().endsWith('.gz');
}

/** The file's bytes, decompressed on the way when it is gzip. */
function openBytes(path: string, gzip: boolean): Readable {
  const raw = createReadStream(path);
  if (!gzip) return raw;
  const gunzip = createGunzip();
  // pipeline passes a read error on to the reader of the decompressed stream, and closes
  // the file when that reader stops early or the archive is refused.
  pipeline(raw, gunzip, () => {});
  return gunzip;
}

/** Dispatch decoded text to its reader; `whole` is the full text when already in memory. */
async function* readText(
  format: Format,
  file: string,
  chunks: AsyncIterable<string>,
  whole: string | null,
  defaults: IngestDefaults,
  limits: IngestLimits,
): AsyncGenerator<IngestResult> {
  switch (format) {
    case 'txt':
      return yield readTxt(whole ?? (await collect(chunks)), file, defaults, limits);
    case 'html':
      return yield await readHtmlBounded(whole ?? (await collect(chunks)), file, defaults, limits);
    case 'csv':
      return yield* readCsv(chunks, file, defaults, limits);
    case 'jsonl':
      return yield* readJsonl(chunks, file, defaults, limits);
  }
}

function formatOfCompressed(file: string): Format | IngestError {
  const inner = extname(file.slice(0, -'.gz'.length)).toLowerCase();
  const format = FORMAT_BY_EXTENSION[inner];
  if (format && STREAMED.has(format)) return format;
  const what = inner ? `file type '${inner}.gz'` : `file '.gz' (no format named before it)`;
  return new IngestError(
    file,
    `unsupported compressed ${what}; accepted compressed: ${COMPRESSED_EXTENSIONS.join(' ')}`,
  );
}

/** `alsoAccepted`: further extensions this way of reading takes (files on disk: gzip). */
function formatOf(file: string, alsoAccepted: string[] = []): Format | IngestError {
  const extension = extname(file).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (format) return format;
  const what = extension ? `'${extension}'` : '(no extension)';
  return new IngestError(
    file,
    `unsupported file type ${what}; accepted: ${[...ACCEPTED_EXTENSIONS, ...alsoAccepted].join(' ')}`,
  );
}

async function decodeOrError(file: string, bytes: Uint8Array): Promise<string | IngestError> {
  if (bytes.length === 0) return new IngestError(file, 'empty file');
  try {
    const text = await decodeWhole(bytes);
    return text.trim() ? text : new IngestError(file, 'empty file (only whitespace)');
  } catch (error) {
    if (error instanceof UnreadableText) return new IngestError(file, error.reason);
    throw error;
  }
}

async function checkTextStream(path: string, gzip: boolean): Promise<IngestError | null> {
  let sawText = false;
  try {
    for await (const chunk of decodeChunks(openBytes(path, gzip))) {
      if (!sawText && /\S/.test(chunk)) sawText = true;
    }
  } catch (error) {
    if (error instanceof UnreadableText) return new IngestError(path, error.reason);
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (gzip && typeof code === 'string' && code.startsWith('Z_')) {
      return new IngestError(
        path,
        `not a readable gzip file (${error instanceof Error ? error.message : code})`,
      );
    }
    return new IngestError(path, cannotRead(error));
  }
  return sawText ? null : new IngestError(path, 'empty file (only whitespace)');
}

function tooLarge(file: string, limits: IngestLimits): IngestError {
  const megabytes = Math.round((limits.maxFileBytes / (1024 * 1024)) * 10) / 10;
  const limit =
    megabytes >= 1 ? `${megabytes} MB` : `${limits.maxFileBytes.toLocaleString('en')} bytes`;
  return new IngestError(file, `file larger than the limit (${limit})`);
}

function cannotRead(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read: permission denied';
  return `cannot read${code ? ` (${code})` : ''}: ${error instanceof Error ? error.message : String(error)}`;
}

async function* singleChunk(text: string): AsyncGenerator<string> {
  yield text;
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

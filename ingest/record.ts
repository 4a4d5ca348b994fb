/**
 * The plain article record every ingest reader yields, the error a reader yields
 * instead, and the one place that turns loose fields (front matter, CSV cells, JSON
 * values, page metadata) into a validated record.
 *
 * Deliberately not here: file reading and text decoding (decode.ts, read.ts), format
 * parsing (txt.ts, html.ts, csv.ts, jsonl.ts), slugs and deduplication (the store).
 * Outlet and story stay as the researcher wrote them; the store makes slugs.
 */
import { z } from 'zod';
import { readDate } from './dates.js';

/** An ISO date (YYYY-MM-DD) or ISO date-time with optional offset, kept as given. */
const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })]);

export const ArticleRecordSchema = z.object({
  title: z.string().min(1).nullable(),
  outlet: z.string().min(1),
  story: z.string().min(1),
  url: z.string().min(1).nullable(),
  date: isoDate.nullable(),
  author: z.string().min(1).nullable(),
  /** The story's display title and description, when the input gives them. */
  storyTitle: z.string().min(1).nullable().optional(),
  storyDescription: z.string().min(1).nullable().optional(),
  /** The bundled codebook to analyse its story with (analysis/codebooks/<name>.json), if named. */
  codebook: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'codebook must be a codebook name such as us-north-korea')
    .nullable()
    .optional(),
  /**
   * The article text exactly as stored; analysis offsets point into it. LF line ends. A
   * title the text does not open with is put before it as its first paragraph (headlineFirst).
   */
  text: z.string().refine((text) => text.trim().length > 0, 'text is empty'),
  /**
   * The text as the input gave it, when the title was put before it: an article stored
   * before titles were put first (2026-12-07) is found by it, so a re-ingest is no duplicate.
   */
  givenText: z.string().optional(),
  /** File name, plus ':row N' (CSV) or ':line N' (JSONL) for multi-article files. */
  source: z.string().min(1),
  /** What was stored differently from how it was given (an unreadable date), if anything. */
  warnings: z.array(z.string()).optional(),
});

export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

/** Why a file, row or line was not ingested, in words a researcher can act on. */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`${source}: ${reason}`);
  }
}

export type IngestResult = ArticleRecord | IngestError;

export function isIngestError(result: IngestResult): result is IngestError {
  return result instanceof IngestError;
}

export interface IngestLimits {
  /** Largest file read whole into memory (txt, md, html, and every upload). */
  maxFileBytes: number;
  /** Longest article text, in characters (UTF-16 code units, as JavaScript counts). */
  maxArticleChars: number;
  /** Shortest article, in words; shorter text is refused (screen.ts). 0 accepts any. */
  minWords: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxArticleChars: 2_000_000,
  // The shared corpora (BASIL, AllSides: 37,817 articles) have none under 178 words; a
  // short wire alert can still go in with --min-words.
  minWords: 50,
};

/** Metadata longer than this is a mis-mapped column, not a title. */
const MAX_FIELD_CHARS = 2_000;

export interface IngestDefaults {
  outlet?: string;
  story?: string;
}

export interface ReadOptions {
  /** Fallbacks (CLI flags, upload form) for articles that do not name their outlet or story. */
  defaults: IngestDefaults;
  limits?: Partial<IngestLimits>;
}

export function resolveLimits(limits: Partial<IngestLimits> | undefined): IngestLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

export const ARTICLE_FIELDS = [
  'title',
  'outlet',
  'story',
  'url',
  'date',
  'author',
  'story_title',
  'story_description',
  'codebook',
  'text',
] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];

/** Loose field values as a reader found them; anything not a string is reported. */
export type LooseFields = Partial<Record<ArticleField, unknown>>;

export interface BuildContext {
  /** File name as the researcher knows it. */
  file: string;
  /** 'row 4' or 'line 3' for multi-article files; prefixes the record source and reasons. */
  where?: string;
  /** Prefixes reasons instead of `where` when set, e.g. 'row 4 (line 6)' for a CSV row. */
  whereInReasons?: string;
  defaults: IngestDefaults;
  limits: IngestLimits;
  /** How to supply a missing outlet/story, e.g. "add `outlet:` front matter or pass --outlet". */
  howToAdd: (field: 'outlet' | 'story') => string;
}

/** How many opening paragraphs, and lines, may hold the headline already (after a kicker, a label). */
const HEADLINE_WITHIN = 3;

/** Letters and digits only, lower case: the headline as the text has it or not. */
function headlineKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * How much of the longer of a title and an opening line the shorter must be, when one holds
 * the other, for the line to be the headline: a scraped title keeps a site suffix ("… : NPR")
 * or a line a label ("Opinion …"), while a body sentence that names the title's words holds
 * far more.
 */
const HEADLINE_CONTAINED = 0.6;

/**
 * The opening part (a paragraph or a line) is the headline, give or take a label. A part
 * longer than the title that ends like a sentence is a lede restating it ("Trump meets Kim in
 * Singapore on Tuesday."): the title still goes first, or the article would have no headline.
 */
function isHeadline(part: string, key: string): boolean {
  const partKey = headlineKey(part);
  if (partKey === key) return true;
  if (partKey.length > key.length && /[.!?][’”'")\]]*\s*$/.test(part)) return false;
  const [shorter, longer] = partKey.length < key.length ? [partKey, key] : [key, partKey];
  return shorter.length >= HEADLINE_CONTAINED * longer.length && longer.includes(shorter);
}

/**
 * The text with the headline as its first paragraph, unless one of its first paragraphs
 * or lines is the headline already (a page's <h1>, a text file that opens with its title
 * on a line of its own, a scraped headline without the title's " : NPR"): never twice.
 * A copy of the title glued to the end of an opening teaser paragraph moves first.
 */
export function headlineFirst(text: string, headline: string | undefined): string {
  const key = headline === undefined ? '' : headlineKey(headline);
  if (key === '') return text;
  const opening = [
    ...text.split('\n\n', HEADLINE_WITHIN),
    ...text.trimStart().split('\n', HEADLINE_WITHIN),
  ];
  if (opening.some((part) => isHeadline(part, key))) return text;
  const title = headline!.replace(/\s+/g, ' ').trim();
  return `${title}\n\n${withoutGluedTitle(text, key)}`;
}

/**
 * What may stand between a teaser's last sentence and a title glued after it: nothing, or
 * a photo credit ("| REUTERS", "| AP Photo").
 */
const BEFORE_GLUED_TITLE = /(?:[.!?][’”'")\]]*|\|\s*[\p{Lu}][\p{L}\s./&-]{0,40})\s+$/u;

/** A full stop, or a question or exclamation closing a quotation: a sentence, no title. */
const SENTENCE_END = /(?:[.…][’”'")\]]*|[!?][’”'")\]]+)\s*$/;

/** Letters and digits of the longest title looked for at a teaser's end (the AllSides corpus's longest: 211). */
const MAX_GLUED_TITLE = 400;

/**
 * The text without a copy of the title glued to the end of one of its opening paragraphs
 * after a teaser sentence (AllSides' POLITICO rows: "National polls have moved to a virtual
 * tie this month. Obama stumbles out of the gate"): the title goes first instead, and is not
 * read twice. The paragraph keeps everything before the title.
 */
function withoutGluedTitle(text: string, key: string): string {
  // (A title is a line, not a page: each candidate cut below re-reads the paragraph's end.)
  if (key.length > MAX_GLUED_TITLE) return text;
  let start = 0;
  for (let n = 0; n < HEADLINE_WITHIN && start < text.length; n++) {
    const end = text.indexOf('\n\n', start);
    const stop = end === -1 ? text.length : end;
    const paragraph = text.slice(start, stop).trimEnd();
    const cut = gluedTitleStart(paragraph, key);
    if (cut !== -1)
      return text.slice(0, start + cut).trimEnd() + text.slice(start + paragraph.length);
    if (end === -1) break;
    start = end + 2;
  }
  return text;
}

/** Where a title glued after a teaser sentence starts in the paragraph, or -1. */
function gluedTitleStart(paragraph: string, key: string): number {
  const paragraphKey = headlineKey(paragraph);
  if (paragraphKey.length <= key.length || !paragraphKey.endsWith(key)) return -1;
  for (let i = paragraph.length - 1; i > 0; i--) {
    if (!/\s/.test(paragraph[i - 1]!) || /\s/.test(paragraph[i]!)) continue;
    const suffix = headlineKey(paragraph.slice(i));
    if (suffix.length < key.length) continue;
    // A title ends without a full stop; a sentence that says the title's words is the text's.
    if (suffix !== key || SENTENCE_END.test(paragraph)) return -1;
    const before = paragraph.slice(0, i);
    return BEFORE_GLUED_TITLE.test(before) && headlineKey(before).length > 0 ? i : -1;
  }
  return -1;
}

/** CRLF and lone CR become LF, so offsets mean the same on every platform. */
export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Validate loose fields into an ArticleRecord, or say what is wrong.
 * Metadata is trimmed and empty values become null; the text is kept exactly
 * (apart from newline normalization) because analysis offsets point into it.
 */
export function buildArticle(fields: LooseFields, context: BuildContext): IngestResult {
  const where = context.whereInReasons ?? context.where;
  const prefix = where ? `${where}: ` : '';
  const fail = (reason: string) => new IngestError(context.file, prefix + reason);

  const meta: Partial<Record<Exclude<ArticleField, 'text'>, string | null>> = {};
  for (const field of ARTICLE_FIELDS) {
    if (field === 'text') continue;
    const value = textValue(fields[field], field === 'author');
    if (value === undefined) {
      return fail(`field '${field}' must be text or empty; got ${describe(fields[field])}`);
    }
    if (value !== null && value.length > MAX_FIELD_CHARS) {
      return fail(
        `field '${field}' is longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters`,
      );
    }
    meta[field] = value;
  }

  const rawText = fields.text;
  if (rawText !== undefined && rawText !== null && typeof rawText !== 'string') {
    return fail(`field 'text' must be text; got ${describe(rawText)}`);
  }
  const text = normalizeNewlines(rawText ?? '');
  if (text.trim().length === 0) return fail(`no article text (field 'text' is missing or empty)`);
  if (text.length > context.limits.maxArticleChars) {
    return fail(
      `text longer than the limit (${context.limits.maxArticleChars.toLocaleString('en')} characters; ` +
        `this one has ${text.length.toLocaleString('en')})`,
    );
  }

  // A title kept only as metadata (AllSides, BASIL and most CSV exports) would never be
  // read as the headline, and the lead part would hold the first paragraph alone.
  const titled = headlineFirst(text, meta.title ?? undefined);
  const outlet = meta.outlet ?? nonEmpty(context.defaults.outlet);
  if (!outlet) return fail(`missing outlet (${context.howToAdd('outlet')})`);
  // A story_title with no story name names the story too.
  const story = meta.story ?? meta.story_title ?? nonEmpty(context.defaults.story);
  if (!story) return fail(`missing story (${context.howToAdd('story')})`);

  // A date nobody can read costs the article its date, not its place in the corpus.
  const reading = meta.date === undefined || meta.date === null ? null : readDate(meta.date);
  const date = reading?.date ?? null;
  const url = meta.url ?? null;
  if (url !== null && !isWebAddress(url)) {
    return fail(`field 'url' must be an http(s) address; got '${url}'`);
  }

  const record: ArticleRecord = {
    title: meta.title ?? null,
    outlet,
    story,
    url,
    date,
    author: meta.author ?? null,
    storyTitle: meta.story_title ?? null,
    storyDescription: meta.story_description ?? null,
    codebook: meta.codebook ?? null,
    text: titled,
    ...(titled === text ? {} : { givenText: text }),
    source: context.where ? `${context.file}:${context.where}` : context.file,
    ...(reading?.warning ? { warnings: [reading.warning] } : {}),
  };
  // The checks above mirror the schema; parsing again keeps the two from drifting apart.
  const checked = ArticleRecordSchema.safeParse(record);
  return checked.success
    ? checked.data
    : fail(checked.error.issues.map((i) => i.message).join('; '));
}

/** Accepts a date only if the schema would; readers use this to skip bad page metadata. */
export function isIsoDate(value: string): boolean {
  return isoDate.safeParse(value).success;
}

export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** string → trimmed or null; null/undefined → null; a list of names (authors) → joined; else undefined. */
function textValue(value: unknown, allowList: boolean): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return nonEmpty(value) ?? null;
  if (allowList && Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) {
    return (
      nonEmpty(
        value
          .map((v) => v.trim())
          .filter(Boolean)
          .join(', '),
      ) ?? null
    );
  }
  return undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

// The concordance's address, read at the edge: /search?q=…&story=…&outlet=…&kind=… is
// validated with zod into a typed search request, and the typed query text is split into
// words, "quoted phrases" and trailing-* prefixes. Bad input becomes one clear message
// for a 400 page; nothing here builds SQL or FTS5 syntax (db/sqlite-search.ts quotes every
// term), so no typed input can be a syntax error.

import type { SideVocabulary } from '../analysis/vocabulary/sides.js';
import { z } from 'zod';
import { EXPECTATION_LABELS } from '../analysis/vocabulary/expectation.js';
import { SEGMENT_KINDS, type SegmentKind } from '../analysis/vocabulary/segments.js';
import type { SearchTerm, SentenceQuery } from '../db/store.js';

export const PAGE_SIZE = 50;
const MAX_QUERY_LENGTH = 300;
const MAX_TERMS = 12;
/** An issue filter plus up to two cue filters: the store takes three. */
const MAX_CUE_FILTERS = 2;

/** The filters as given (after validation), echoed on the page and in the JSON. */
export interface SearchFilters {
  story?: string;
  outlet?: string;
  kind?: SegmentKind[];
  expectation?: SentenceQuery['expectation'];
  side?: SentenceQuery['side'];
  voice?: SentenceQuery['voice'];
  anonymous?: boolean;
  speaker?: string;
  /** Sentences about one of these targets (the framing panel's tone toward a party). */
  about?: string[];
  part?: SentenceQuery['part'];
  issue?: string;
  cue?: string[];
}

export interface SearchRequest {
  q: string;
  terms: SearchTerm[];
  filters: SearchFilters;
  page: number;
  /** Past the count limit: the page goes on after this segment id (the previous page's next). */
  after?: number;
}

export type ParsedSearch = { ok: true; request: SearchRequest } | { ok: false; message: string };

/** Splits typed text into terms: "a phrase", word, prefix*; terms without letters are dropped. */
export function parseQueryText(q: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const m of q.matchAll(/"([^"]*)"?(\*?)|([^\s"]+)/g)) {
    const raw = m[1] ?? m[3] ?? '';
    const prefix = m[1] !== undefined ? m[2] === '*' : raw.endsWith('*');
    const text = raw.replace(/\*/g, ' ').replace(/\s+/g, ' ').trim();
    if (/[\p{L}\p{N}]/u.test(text)) terms.push({ text, prefix });
  }
  return terms;
}

// A blank form field means "any": the GET form sends every field, filled or not.
const isBlank = (v: unknown) => typeof v === 'string' && v.trim() === '';
const blank = (v: unknown) =>
  isBlank(v) || (Array.isArray(v) && v.every(isBlank)) ? undefined : v;

function single<T extends z.ZodType>(schema: T) {
  return z.preprocess(blank, schema.optional());
}

function choice<const V extends readonly [string, ...string[]]>(name: string, values: V) {
  return single(
    z.enum(values, {
      error: (issue) => `unknown ${name} “${String(issue.input)}”: use one of ${values.join(', ')}`,
    }),
  ).optional();
}

const slug = (name: string) =>
  single(
    z
      .string()
      .max(200)
      .regex(
        /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}-]*$/u,
        `a ${name} is given by its slug (lower-case letters, digits, -)`,
      ),
  ).optional();

const listOf = (v: unknown) => {
  const list = (Array.isArray(v) ? v : [v])
    .flatMap((x) => String(x).split(','))
    .filter((x) => x !== '');
  return list.length > 0 ? list : undefined;
};

const SearchQuerySchema = z.object({
  q: single(
    z.string().max(MAX_QUERY_LENGTH, `the query is longer than ${MAX_QUERY_LENGTH} characters`),
  ).optional(),
  story: slug('story'),
  outlet: slug('outlet'),
  kind: z.preprocess(
    (v) => (v === undefined ? undefined : listOf(v)),
    z
      .array(
        z.enum(SEGMENT_KINDS, {
          error: (issue) =>
            `unknown kind “${String(issue.input)}”: use one of ${SEGMENT_KINDS.join(', ')}`,
        }),
      )
      .optional(),
  ),
  expectation: choice('expectation', EXPECTATION_LABELS),
  // A side is the narrator or a party of some codebook: which ones exist depends on the
  // stored stories' codebooks, so the route checks it (checkSide) against those.
  side: single(
    z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, {
      error: (issue) =>
        `unknown side “${String(issue.input)}”: a side is an id such as narrator, us_gov, nk_gov, analyst`,
    }),
  ).optional(),
  voice: choice('voice', ['narrator', 'quoted'] as const),
  part: choice('part', ['lead', 'body'] as const),
  anonymous: single(
    z.enum(['1', '0', 'true', 'false', 'on'], {
      error: () => 'anonymous is 1 (only unnamed sources) or 0',
    }),
  )
    .optional()
    .transform((v) => (v === undefined ? undefined : v === '1' || v === 'true' || v === 'on')),
  speaker: single(
    z.string().trim().max(200, 'a speaker name is at most 200 characters'),
  ).optional(),
  issue: slug('issue'),
  about: z.preprocess(
    (v) => (v === undefined ? undefined : listOf(v)),
    z
      .array(z.string().trim().min(1).max(200, 'a target name is at most 200 characters'))
      .max(40, 'at most 40 targets')
      .optional(),
  ),
  cue: z.preprocess(
    (v) => (v === undefined ? undefined : listOf(v)),
    z
      .array(
        z
          .string()
          .regex(
            /^[a-z_]+(:.+)?$/,
            'a cue filter is lexicon:category (e.g. hedge:epistemic) or lexicon:* for any category',
          ),
      )
      .max(MAX_CUE_FILTERS, `at most ${MAX_CUE_FILTERS} cue filters`)
      .optional(),
  ),
  page: single(
    z.coerce
      .number({ error: () => 'page is a whole number from 1' })
      .int('page is a whole number from 1')
      .min(1, 'page is a whole number from 1')
      .max(100_000, 'page is at most 100000'),
  ),
  after: single(
    z.coerce
      .number({ error: () => 'after is a sentence id, a whole number from 0' })
      .int('after is a sentence id, a whole number from 0')
      .min(0, 'after is a sentence id, a whole number from 0')
      .max(Number.MAX_SAFE_INTEGER, 'after is a sentence id, a whole number from 0'),
  ),
});

/** Validates the query string of /search and /api/search. */
export function parseSearchParams(query: Record<string, unknown>): ParsedSearch {
  const unknown = Object.keys(query).filter((k) => !(k in SearchQuerySchema.shape));
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `unknown parameter ${unknown.map((k) => `“${k}”`).join(', ')}: use ${Object.keys(SearchQuerySchema.shape).join(', ')}`,
    };
  }
  const repeated = Object.keys(query).filter(
    (k) => k !== 'kind' && k !== 'cue' && k !== 'about' && Array.isArray(blank(query[k])),
  );
  if (repeated.length > 0) {
    return { ok: false, message: `give one “${repeated[0]}”, not several` };
  }
  const parsed = SearchQuerySchema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Every message names its parameter, so the zod path adds nothing a reader needs.
    return { ok: false, message: issue?.message ?? 'invalid search' };
  }
  const { q = '', page = 1, after, ...rest } = parsed.data;
  const terms = parseQueryText(q);
  if (terms.length > MAX_TERMS) {
    return { ok: false, message: `the query has ${terms.length} terms; at most ${MAX_TERMS}` };
  }
  const filters: SearchFilters = {};
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) Object.assign(filters, { [key]: value });
  }
  return {
    ok: true,
    request: { q: q.trim(), terms, filters, page, ...(after !== undefined ? { after } : {}) },
  };
}

/**
 * The message of a 400 when the request's side is not one of `sides` (server/sides.ts:
 * the bundled codebooks' and the stored stories'), else null.
 */
export function checkSide(request: SearchRequest, sides: SideVocabulary): string | null {
  const side = request.filters.side;
  if (side === undefined || sides.buckets.includes(side)) return null;
  return `unknown side “${side}”: use one of ${sides.buckets.join(', ')}`;
}

/** The store query for one page of a validated request. */
export function sentenceQuery(request: SearchRequest): SentenceQuery {
  const { filters } = request;
  const cues: SentenceQuery['cues'] = [];
  if (filters.issue !== undefined) cues.push({ lexicon: 'issue', category: filters.issue });
  for (const cue of filters.cue ?? []) {
    const colon = cue.indexOf(':');
    const lexicon = colon < 0 ? cue : cue.slice(0, colon);
    const category = colon < 0 ? '*' : cue.slice(colon + 1);
    cues.push({ lexicon, category: category === '*' ? null : category });
  }
  return {
    terms: request.terms,
    story: filters.story,
    outlet: filters.outlet,
    kinds: filters.kind,
    expectation: filters.expectation,
    side: filters.side,
    voice: filters.voice,
    anonymous: filters.anonymous,
    speaker: filters.speaker,
    about: filters.about,
    part: filters.part,
    cues,
    offset: (request.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    ...(request.after !== undefined ? { after: request.after } : {}),
  };
}

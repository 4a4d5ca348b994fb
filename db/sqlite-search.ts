// The concordance's queries on SQLite: sentences found through the FTS5 index
// (migrations 002 and 007) and narrowed by filters. Filters vary per request, so
// the SQL is assembled from a fixed set of clause fragments whose values are always bound
// parameters (never interpolated), and each combination is prepared once and cached.
// Filter meanings follow analysis/comparison/compare.ts, so dashboard figures and listed sentences
// agree. It does not parse what a person typed (server/search-params.ts does) and it does
// not format anything for a page.

import type Database from 'better-sqlite3';
import { ATTRIBUTED_QUOTE_KINDS } from '../analysis/vocabulary/quotes.js';
import { SCORED_KINDS } from '../analysis/vocabulary/segments.js';
import { segmentTextSql } from './segment-text.js';
import { toStorySentence } from './sentence-row.js';
import { sqlList } from './sql-literals.js';
import type { SentenceRow } from './sentence-row.js';
import { SEARCH_COUNT_LIMIT, SEARCH_SCAN_LIMIT } from './store.js';
import type { SearchResult, SearchRow, SearchTerm, SentenceQuery } from './store.js';

/**
 * Each term quoted like a phrase, so FTS5 operators in user text are just words. Whole
 * terms go to the stemmed index, prefix terms to the unstemmed one (see the migration).
 */
export function fts5Match(terms: readonly SearchTerm[]): string | null {
  const parts = terms
    .filter((t) => /[\p{L}\p{N}]/u.test(t.text))
    .map((t) => `"${t.text.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`);
  return parts.length > 0 ? parts.join(' ') : null;
}

// A sentence is "quoted" when it has a resolved speaker and a direct or indirect quote
// (compare.ts voiceOf); everything else is the narrator's voice.
const QUOTED = `(sp.id IS NOT NULL AND s.quote_kind IN (${sqlList(ATTRIBUTED_QUOTE_KINDS)}))`;
// Lead = headline + the article's first body paragraph (compare.ts leadFlags).
const LEAD = `(s.kind = 'headline' OR s.paragraph_index = (
  SELECT min(b.paragraph_index) FROM segment b WHERE b.article_id = s.article_id AND b.kind = 'body'))`;
const MAX_CUES = 3;

const FRAGMENTS: Record<string, string> = {
  match: `s.id IN (SELECT rowid FROM segment_search WHERE segment_search MATCH @match)`,
  prefix: `s.id IN (SELECT rowid FROM segment_words WHERE segment_words MATCH @prefix)`,
  story: `st.slug = @story`,
  outlet: `o.slug = @outlet`,
  kinds: `s.kind IN (SELECT value FROM json_each(@kinds))`,
  expectation: `s.expectation = @expectation`,
  narrator: `NOT ${QUOTED}`,
  quoted: QUOTED,
  side: `${QUOTED} AND sp.side = @side`,
  anonymous: `${QUOTED} AND sp.is_anonymous = 1`,
  speaker: `${QUOTED} AND sp.name = @speaker COLLATE NOCASE`,
  about: `s.id IN (SELECT segment_id FROM segment_target
    WHERE role <> 'speaker' AND target IN (SELECT value FROM json_each(@about)))`,
  lead: LEAD,
  body: `NOT ${LEAD}`,
};
for (let i = 0; i < MAX_CUES; i++) {
  FRAGMENTS[`cue${i}`] = `s.id IN (SELECT segment_id FROM cue_hit
    WHERE lexicon = @cueLexicon${i} AND category = @cueCategory${i})`;
  FRAGMENTS[`cueAny${i}`] =
    `s.id IN (SELECT segment_id FROM cue_hit WHERE lexicon = @cueLexicon${i})`;
}

const JOINS = `JOIN article a ON a.id = s.article_id
  JOIN story st ON st.id = a.story_id
  JOIN outlet o ON o.id = a.outlet_id
  LEFT JOIN speaker sp ON sp.id = s.speaker_id`;

// What a count needs to join: every segment has one article, story and outlet (foreign
// keys), so a count joins them only when a filter reads them; counting all sentences of a
// large corpus then stays a walk over one table.
const NEEDS_SPEAKER = new Set(['narrator', 'quoted', 'side', 'anonymous', 'speaker']);

function countJoins(names: readonly string[]): string {
  const story = names.includes('story');
  const outlet = names.includes('outlet');
  const joins = [
    story || outlet ? `JOIN article a ON a.id = s.article_id` : '',
    story ? `JOIN story st ON st.id = a.story_id` : '',
    outlet ? `JOIN outlet o ON o.id = a.outlet_id` : '',
    names.some((n) => NEEDS_SPEAKER.has(n)) ? `LEFT JOIN speaker sp ON sp.id = s.speaker_id` : '',
  ];
  return joins.filter(Boolean).join(' ');
}

const COLUMNS = `s.id, s.article_id, s.position, s.paragraph_index, s.kind,
  ${segmentTextSql('s', 'a')} AS text, s.word_count,
  s.tone_combined, s.tone_afinn, s.tone_diplomacy, s.expectation, s.expectation_move,
  s.hedge_count, s.booster_count, s.quote_kind, sp.name AS speaker, sp.side, sp.is_anonymous,
  st.slug AS story_slug, st.title AS story_title, o.slug AS outlet, o.name AS outlet_name,
  a.title AS article_title,
  (SELECT group_concat(h.category, '|' ORDER BY h.id) FROM cue_hit h
    WHERE h.segment_id = s.id AND h.lexicon = 'issue') AS issues`;

const ORDER = `ORDER BY st.title, st.id, o.name, o.id, a.id, s.position`;
// Past the count limit: the order of the index (segment ids follow articles and positions),
// so a page is read without sorting every match.
const STORED_ORDER = `ORDER BY s.id`;
// The outer query orders the page's rows again; the driver's m.id is s.id there.
const ORDER_OF: Record<string, string> = { 'ORDER BY m.id': STORED_ORDER };

// Private-use characters cannot come from FTS5's tokens and mark where highlight() put a match.
const OPEN = '\uE000';
const CLOSE = '\uE001';

interface SearchSqlRow extends SentenceRow {
  story_slug: string;
  story_title: string;
  outlet_name: string;
  article_title: string | null;
}

interface Prepared {
  count: Database.Statement;
  page: Database.Statement;
  pageStored: Database.Statement;
  /** With words: how many of them the scan read (up to @scan) and the last one's id. */
  scan: Database.Statement | null;
}

type Params = Record<string, string | number>;

// With words, the sentences that have them drive the query in stored order (FTS5 returns
// rowids ascending and honours a rowid bound), at most @scan of them after @after; the
// filters are checked on those. CROSS JOIN keeps them the outer loop: otherwise SQLite may
// start from an outlet's articles and probe the matches, or build the whole match list (all
// 1.1M sentences with "the") before reading one row. @after is cast: better-sqlite3 binds a
// JavaScript number as a REAL, and FTS5 seeks to an integer rowid bound only (a REAL one
// reads the doclist from its start: 60 ms instead of 0.1 for "the" after sentence 1.5M).
const DRIVERS: Record<'match' | 'prefix', string> = {
  match: `SELECT rowid AS id FROM segment_search
    WHERE segment_search MATCH @match AND rowid > CAST(@after AS INTEGER) ORDER BY rowid LIMIT @scan`,
  prefix: `SELECT rowid AS id FROM segment_words
    WHERE segment_words MATCH @prefix AND rowid > CAST(@after AS INTEGER) ORDER BY rowid LIMIT @scan`,
};

export class SqliteSentenceSearch {
  private readonly prepared = new Map<string, Prepared>();
  private readonly highlight: Database.Statement;
  private readonly highlightPrefix: Database.Statement;
  private readonly categories: Database.Statement;
  private categoriesRead: { state: string; rows: { lexicon: string; category: string }[] } | null =
    null;

  constructor(
    private readonly db: Database.Database,
    /** The database state: cueCategories is read again when it moves (as listStories). */
    private readonly state: () => string = () => '',
  ) {
    this.highlight = db.prepare(
      `SELECT rowid AS id, highlight(segment_search, 0, '${OPEN}', '${CLOSE}') AS marked
       FROM segment_search
       WHERE segment_search MATCH @match AND rowid IN (SELECT value FROM json_each(@ids))`,
    );
    this.highlightPrefix = db.prepare(
      `SELECT rowid AS id, highlight(segment_words, 0, '${OPEN}', '${CLOSE}') AS marked
       FROM segment_words
       WHERE segment_words MATCH @match AND rowid IN (SELECT value FROM json_each(@ids))`,
    );
    this.categories = db.prepare(
      `SELECT DISTINCT c.lexicon, c.category FROM cue c
       WHERE EXISTS (SELECT 1 FROM cue_hit_row h WHERE h.cue_id = c.id)
       ORDER BY c.lexicon, c.category`,
    );
  }

  search(query: SentenceQuery): SearchResult {
    const { names, params, driver } = clauses(query);
    if (names === null) return { total: 0, more: false, rows: [] };
    const statements = this.statements(names, driver);
    const countLimit = query.countLimit ?? SEARCH_COUNT_LIMIT;
    const scanLimit = query.scanLimit ?? SEARCH_SCAN_LIMIT;
    // The count always starts at the first match, whichever page this is.
    const counted = statements.count.get({
      ...params,
      after: 0,
      scan: scanLimit,
      countLimit: countLimit + 1,
    }) as number;
    const more = counted > countLimit;
    const total = more ? countLimit : counted;
    // Under the count limit with words: exact only if the scan read every sentence with them.
    let scanned: number | undefined;
    if (!more && statements.scan) {
      const read = statements.scan.get({ ...params, after: 0, scan: scanLimit + 1 }) as {
        n: number;
      };
      if (read.n > scanLimit) scanned = scanLimit;
    }
    const stored = more || scanned !== undefined;
    const partial = scanned !== undefined ? { scanned } : {};
    if (!stored && (total === 0 || query.offset >= total)) return { total, more, rows: [] };
    const after = stored ? (query.after ?? 0) : 0;
    const rows = (stored ? statements.pageStored : statements.page).all({
      ...params,
      after,
      scan: scanLimit,
      limit: query.limit,
      offset: stored && query.after !== undefined ? 0 : query.offset,
    }) as SearchSqlRow[];
    // A short page in stored order may only mean the scan ended: then the next page goes on
    // from the last sentence it read, if the words have more.
    let next: number | undefined;
    if (stored && statements.scan && rows.length < query.limit) {
      const read = statements.scan.get({ ...params, after, scan: scanLimit }) as {
        n: number;
        last: number | null;
      };
      if (read.n === scanLimit && read.last !== null) next = read.last;
    }
    const matches = new Map<number, { start: number; end: number }[]>();
    const ids = JSON.stringify(rows.map((r) => r.id));
    for (const [statement, match] of [
      [this.highlight, params.match],
      [this.highlightPrefix, params.prefix],
    ] as const) {
      if (match === undefined) continue;
      for (const m of statement.all({ match, ids }) as { id: number; marked: string }[]) {
        matches.set(m.id, [...(matches.get(m.id) ?? []), ...matchOffsets(m.marked)]);
      }
    }
    return {
      total,
      more,
      rows: rows.map((r) => toSearchRow(r, merged(matches.get(r.id) ?? []))),
      ...partial,
      ...(next !== undefined ? { next } : {}),
    };
  }

  /** Kept until the database changes: the EXISTS over every cue took 2–40 ms a request. */
  cueCategories(): { lexicon: string; category: string }[] {
    const state = this.state();
    if (this.categoriesRead?.state !== state) {
      this.categoriesRead = {
        state,
        rows: this.categories.all() as { lexicon: string; category: string }[],
      };
    }
    return this.categoriesRead.rows.map((c) => ({ ...c }));
  }

  private statements(names: string[], driver: 'match' | 'prefix' | null): Prepared {
    const key = `${driver}|${names.join(',')}`;
    let statements = this.prepared.get(key);
    if (!statements) {
      // The driver's own fragment is what it reads; every other one is a filter.
      const filters = names.filter((n) => n !== driver);
      const where = (extra: string[] = []) => {
        const all = [...filters.map((n) => `(${FRAGMENTS[n]})`), ...extra];
        return all.length > 0 ? `WHERE ${all.join('\n  AND ')}` : '';
      };
      const head = driver
        ? `FROM (${DRIVERS[driver]}) m CROSS JOIN segment s ON s.id = m.id`
        : `FROM segment s`;
      // Without words the stored order is the segment table's own: the keyset is a bound on it.
      const storedWhere = driver ? where() : where(['s.id > CAST(@after AS INTEGER)']);
      // The page's ids first, then their columns: the per-row subqueries (issues) run for
      // 50 rows, not for every match before the sort.
      const page = (order: string, whereSql: string) =>
        this.db.prepare(
          `SELECT ${COLUMNS} FROM (SELECT s.id AS page_id ${head} ${JOINS} ${whereSql} ${order}
             LIMIT @limit OFFSET @offset) page
           JOIN segment s ON s.id = page.page_id
           JOIN article a ON a.id = s.article_id
           JOIN story st ON st.id = a.story_id
           JOIN outlet o ON o.id = a.outlet_id
           LEFT JOIN speaker sp ON sp.id = s.speaker_id
           ${ORDER_OF[order] ?? order}`,
        );
      statements = {
        count: this.db
          .prepare(
            `SELECT count(*) FROM (SELECT 1 ${head} ${countJoins(filters)} ${where()} LIMIT @countLimit)`,
          )
          .pluck(),
        page: page(ORDER, where()),
        pageStored: page(driver ? `ORDER BY m.id` : STORED_ORDER, storedWhere),
        scan: driver
          ? this.db.prepare(`SELECT count(*) AS n, max(id) AS last FROM (${DRIVERS[driver]})`)
          : null,
      };
      this.prepared.set(key, statements);
    }
    return statements;
  }
}

/** The fragment names a query needs and their bound values; names null = nothing can match. */
function clauses(query: SentenceQuery): {
  names: string[] | null;
  params: Params;
  /** Which word index drives the query (words given), else null. */
  driver: 'match' | 'prefix' | null;
} {
  const names: string[] = [];
  const params: Params = {};
  const add = (name: string, values: Params = {}) => {
    names.push(name);
    Object.assign(params, values);
  };
  if (query.terms.length > 0) {
    const match = fts5Match(query.terms.filter((t) => !t.prefix));
    const prefix = fts5Match(query.terms.filter((t) => t.prefix));
    // Terms without a single letter or digit cannot match anything.
    if (match === null && prefix === null) return { names: null, params, driver: null };
    if (match !== null) add('match', { match });
    if (prefix !== null) add('prefix', { prefix });
  }
  if (query.story !== undefined) add('story', { story: query.story });
  if (query.outlet !== undefined) add('outlet', { outlet: query.outlet });
  add('kinds', { kinds: JSON.stringify(query.kinds ?? SCORED_KINDS) });
  if (query.expectation !== undefined) add('expectation', { expectation: query.expectation });
  if (query.side === 'narrator') add('narrator');
  else if (query.side !== undefined) add('side', { side: query.side });
  if (query.voice !== undefined) add(query.voice);
  if (query.anonymous) add('anonymous');
  if (query.speaker !== undefined) add('speaker', { speaker: query.speaker });
  if (query.about !== undefined && query.about.length > 0)
    add('about', { about: JSON.stringify(query.about) });
  if (query.part !== undefined) add(query.part);
  const cues = query.cues ?? [];
  if (cues.length > MAX_CUES)
    throw new Error(`at most ${MAX_CUES} cue filters, not ${cues.length}`);
  cues.forEach((cue, i) => {
    if (cue.category === null) add(`cueAny${i}`, { [`cueLexicon${i}`]: cue.lexicon });
    else add(`cue${i}`, { [`cueLexicon${i}`]: cue.lexicon, [`cueCategory${i}`]: cue.category });
  });
  const driver = names.includes('match') ? 'match' : names.includes('prefix') ? 'prefix' : null;
  return { names, params, driver };
}

/** Removes highlight()'s markers and returns where they were, as offsets into the text. */
export function matchOffsets(marked: string): { start: number; end: number }[] {
  const matches: { start: number; end: number }[] = [];
  let at = 0;
  let start = -1;
  for (const ch of marked) {
    if (ch === OPEN) start = at;
    else if (ch === CLOSE) {
      if (start >= 0 && at > start) matches.push({ start, end: at });
      start = -1;
    } else at += ch.length;
  }
  return matches;
}

/** Matches from both indexes in text order, overlapping ones joined. */
function merged(matches: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else out.push({ ...m });
  }
  return out;
}

function toSearchRow(r: SearchSqlRow, matches: { start: number; end: number }[]): SearchRow {
  return {
    ...toStorySentence(r),
    storySlug: r.story_slug,
    storyTitle: r.story_title,
    outletName: r.outlet_name,
    articleTitle: r.article_title,
    matches,
  };
}

// The concordance's queries on PostgreSQL: sentences found through its own text search
// (segment.search and segment.words, tsvector columns with GIN indexes; migration 001)
// and narrowed by the same filters as db/sqlite-search.ts, with every value a bound
// parameter. Whole words and "phrases" go to the stemmed vector (english: Snowball's
// English stemmer, with its stop words), prefix terms (negotiat*) to the unstemmed one
// (simple), as SQLite's two FTS5 indexes. A term made only of English stop words ("the",
// "not") would match nothing through the stemmed vector, so it goes to the unstemmed one.
// How results differ from FTS5's is in the README (Running on PostgreSQL).
// It does not parse what a person typed (server/search-params.ts does).

import { ATTRIBUTED_QUOTE_KINDS } from '../analysis/vocabulary/quotes.js';
import { SCORED_KINDS } from '../analysis/vocabulary/segments.js';
import type { PgConnection } from './pg-connection.js';
import { toStorySentence } from './sentence-row.js';
import type { SentenceRow } from './sentence-row.js';
import { matchOffsets } from './sqlite-search.js';
import { sqlList } from './sql-literals.js';
import { SEARCH_COUNT_LIMIT } from './store.js';
import type { SearchResult, SearchTerm, SentenceQuery } from './store.js';

const QUOTED = `(sp.id IS NOT NULL AND s.quote_kind IN (${sqlList(ATTRIBUTED_QUOTE_KINDS)}))`;
const LEAD = `(s.kind = 'headline' OR s.paragraph_index = (
  SELECT min(b.paragraph_index) FROM segment b WHERE b.article_id = s.article_id AND b.kind = 'body'))`;
const MAX_CUES = 3;

const FROM = `FROM segment s
  JOIN article a ON a.id = s.article_id
  JOIN story st ON st.id = a.story_id
  JOIN outlet o ON o.id = a.outlet_id
  LEFT JOIN speaker sp ON sp.id = s.speaker_id`;

const COLUMNS = `s.id, s.article_id, s.position, s.paragraph_index, s.kind, s.text, s.word_count,
  s.tone_combined, s.tone_afinn, s.tone_diplomacy, s.expectation, s.expectation_move,
  s.hedge_count, s.booster_count, s.quote_kind, sp.name AS speaker, sp.side,
  sp.is_anonymous::int AS is_anonymous,
  st.slug AS story_slug, st.title AS story_title, o.slug AS outlet, o.name AS outlet_name,
  a.title AS article_title,
  (SELECT string_agg(h.category, '|' ORDER BY h.id) FROM cue_hit h
    WHERE h.segment_id = s.id AND h.lexicon = 'issue') AS issues`;

const ORDER = `ORDER BY st.title, st.id, o.name, o.id, a.id, s.position`;
// Past the count limit: segment ids follow articles and positions; no sort of every match.
const STORED_ORDER = `ORDER BY s.id`;

// Private-use characters cannot come from the text's words and mark where ts_headline put
// a match (matchOffsets reads them as it does FTS5's highlight()).
const HIGHLIGHT = `StartSel=\uE000, StopSel=\uE001, HighlightAll=true`;

interface SearchSqlRow extends SentenceRow {
  story_slug: string;
  story_title: string;
  outlet_name: string;
  article_title: string | null;
}

/** One text-search condition: the tsvector column, the configuration and the query text. */
interface TextQuery {
  column: 'search' | 'words';
  config: 'english' | 'simple';
  /** A tsquery expression over the parameter `$n` (filled in by `where`). */
  tsquery: (param: string) => string;
  value: string;
  /** More than one word: its matches are marked as one span. */
  phrase: boolean;
}

/** Letters and digits of a term, lower-cased: the words of a prefix query. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** A prefix term as tsquery text: its words in order, the last one a prefix (`'negotiat':*`). */
export function prefixQuery(term: SearchTerm): string | null {
  const list = words(term.text);
  if (list.length === 0) return null;
  return list.map((w, i) => `'${w}'${i === list.length - 1 ? ':*' : ''}`).join(' <-> ');
}

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export class PgSentenceSearch {
  constructor(private readonly conn: PgConnection) {}

  async search(query: SentenceQuery): Promise<SearchResult> {
    const texts = await this.textQueries(query.terms);
    if (texts === null) return { total: 0, more: false, rows: [] };
    const params = new Params();
    const where = this.where(query, texts, params);
    // A whole number written into the SQL: the count's parameters are the page's too.
    const countLimit = Math.max(0, Math.floor(query.countLimit ?? SEARCH_COUNT_LIMIT));
    const countRow = await this.conn.one<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT 1 ${FROM} WHERE ${where} LIMIT ${countLimit + 1}) c`,
      params.values,
    );
    const counted = Number(countRow?.n ?? 0);
    const more = counted > countLimit;
    const total = more ? countLimit : counted;
    if (total === 0 || (!more && query.offset >= total)) return { total, more, rows: [] };
    const order = more ? STORED_ORDER : ORDER;
    // Past the count limit a page may go on after the previous one's last sentence (keyset).
    const keyset =
      more && query.after !== undefined ? ` AND s.id > ${params.add(query.after)}` : '';
    const limit = params.add(query.limit);
    const offset = params.add(keyset ? 0 : query.offset);
    // The page's ids first, then their columns: the per-row subquery (issues) runs for one
    // page of rows, not for every match before the sort.
    const rows = await this.conn.rows<SearchSqlRow>(
      `SELECT ${COLUMNS} FROM (SELECT s.id AS page_id ${FROM} WHERE ${where}${keyset} ${order}
         LIMIT ${limit} OFFSET ${offset}) page
       JOIN segment s ON s.id = page.page_id
       JOIN article a ON a.id = s.article_id
       JOIN story st ON st.id = a.story_id
       JOIN outlet o ON o.id = a.outlet_id
       LEFT JOIN speaker sp ON sp.id = s.speaker_id
       ${order}`,
      params.values,
    );
    const matches = await this.highlights(
      texts,
      rows.map((r) => r.id),
      new Map(rows.map((r) => [r.id, r.text])),
    );
    return {
      total,
      more,
      rows: rows.map((r) => ({
        ...toStorySentence(r),
        storySlug: r.story_slug,
        storyTitle: r.story_title,
        outletName: r.outlet_name,
        articleTitle: r.article_title,
        matches: merged(matches.get(r.id) ?? []),
      })),
    };
  }

  async cueCategories(): Promise<{ lexicon: string; category: string }[]> {
    return this.conn.rows(
      `SELECT DISTINCT lexicon, category FROM cue_hit ORDER BY lexicon, category`,
    );
  }

  /**
   * The text conditions of the terms, or null when none can match (no letter or digit
   * in any). Whole terms whose every word is an English stop word go to the unstemmed
   * vector; the server says which (numnode of the stemmed query is 0).
   */
  private async textQueries(terms: readonly SearchTerm[]): Promise<TextQuery[] | null> {
    const usable = terms.filter((t) => /[\p{L}\p{N}]/u.test(t.text));
    if (terms.length > 0 && usable.length === 0) return null;
    const whole = usable.filter((t) => !t.prefix).map((t) => t.text);
    const stopOnly =
      whole.length === 0
        ? []
        : (
            await this.conn.rows<{ empty: boolean }>(
              `SELECT numnode(phraseto_tsquery('english', t)) = 0 AS empty
               FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n`,
              [whole],
            )
          ).map((r) => r.empty);
    const queries: TextQuery[] = [];
    whole.forEach((text, i) => {
      const config = stopOnly[i] ? 'simple' : 'english';
      queries.push({
        column: config === 'english' ? 'search' : 'words',
        config,
        tsquery: (p) => `phraseto_tsquery('${config}', ${p})`,
        value: text,
        phrase: words(text).length > 1,
      });
    });
    for (const term of usable.filter((t) => t.prefix)) {
      const value = prefixQuery(term);
      if (value === null) continue;
      queries.push({
        column: 'words',
        config: 'simple',
        tsquery: (p) => `to_tsquery('simple', ${p})`,
        value,
        phrase: words(term.text).length > 1,
      });
    }
    return queries;
  }

  private where(query: SentenceQuery, texts: TextQuery[], params: Params): string {
    const conditions: string[] = texts.map(
      (t) => `s.${t.column} @@ ${t.tsquery(params.add(t.value))}`,
    );
    if (query.story !== undefined) conditions.push(`st.slug = ${params.add(query.story)}`);
    if (query.outlet !== undefined) conditions.push(`o.slug = ${params.add(query.outlet)}`);
    conditions.push(`s.kind = ANY(${params.add(query.kinds ?? [...SCORED_KINDS])}::text[])`);
    if (query.expectation !== undefined)
      conditions.push(`s.expectation = ${params.add(query.expectation)}`);
    if (query.side === 'narrator') conditions.push(`NOT ${QUOTED}`);
    else if (query.side !== undefined)
      conditions.push(`${QUOTED} AND sp.side = ${params.add(query.side)}`);
    if (query.voice === 'narrator') conditions.push(`NOT ${QUOTED}`);
    else if (query.voice === 'quoted') conditions.push(QUOTED);
    if (query.anonymous) conditions.push(`${QUOTED} AND sp.is_anonymous`);
    if (query.speaker !== undefined)
      conditions.push(`${QUOTED} AND lower(sp.name) = lower(${params.add(query.speaker)})`);
    if (query.about !== undefined && query.about.length > 0) {
      conditions.push(`s.id IN (SELECT segment_id FROM segment_target
        WHERE role <> 'speaker' AND target = ANY(${params.add(query.about)}::text[]))`);
    }
    if (query.part === 'lead') conditions.push(LEAD);
    else if (query.part === 'body') conditions.push(`NOT ${LEAD}`);
    const cues = query.cues ?? [];
    if (cues.length > MAX_CUES)
      throw new Error(`at most ${MAX_CUES} cue filters, not ${cues.length}`);
    for (const cue of cues) {
      const category = cue.category === null ? '' : ` AND category = ${params.add(cue.category)}`;
      conditions.push(`s.id IN (SELECT segment_id FROM cue_hit
        WHERE lexicon = ${params.add(cue.lexicon)}${category})`);
    }
    return conditions.map((c) => `(${c})`).join('\n  AND ');
  }

  /** Where each row's text matches the terms, from ts_headline's markers. */
  private async highlights(
    texts: TextQuery[],
    ids: number[],
    textOf: Map<number, string>,
  ): Promise<Map<number, { start: number; end: number }[]>> {
    const found = new Map<number, { start: number; end: number }[]>();
    if (ids.length === 0) return found;
    for (const t of texts) {
      const marked = await this.conn.rows<{ id: number; marked: string }>(
        `SELECT id, ts_headline('${t.config}', text, ${t.tsquery('$1')}, $2) AS marked
         FROM segment WHERE id = ANY($3::bigint[])`,
        [t.value, HIGHLIGHT, ids],
      );
      for (const m of marked) {
        // ts_headline rebuilds the text from its tokens; offsets count only if it kept it.
        const text = textOf.get(m.id) ?? '';
        if (m.marked.replace(/[\uE000\uE001]/g, '') !== text) continue;
        let offsets = matchOffsets(m.marked);
        if (t.phrase) offsets = phraseSpans(offsets, text);
        found.set(m.id, [...(found.get(m.id) ?? []), ...offsets]);
      }
    }
    return found;
  }
}

/**
 * A phrase's matches as FTS5 marks them: ts_headline marks each of its words wherever it
 * occurs, so consecutive marks with only spaces or punctuation between them become one
 * span, and a lone word of the phrase is dropped.
 */
function phraseSpans(
  matches: { start: number; end: number }[],
  text: string,
): { start: number; end: number }[] {
  const spans: { start: number; end: number; words: number }[] = [];
  for (const m of matches) {
    const last = spans[spans.length - 1];
    if (last && !/[\p{L}\p{N}]/u.test(text.slice(last.end, m.start))) {
      last.end = m.end;
      last.words++;
    } else spans.push({ ...m, words: 1 });
  }
  return spans.filter((s) => s.words > 1).map(({ start, end }) => ({ start, end }));
}

/** Matches of several terms in text order, overlapping ones joined. */
function merged(matches: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else out.push({ ...m });
  }
  return out;
}

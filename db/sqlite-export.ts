// The CSV exports' queries: articles, segments, cue hits and speakers streamed row by row
// with better-sqlite3's statement.iterate(), so memory stays flat however large the corpus,
// and the data stamp of an export's scope. It does not format CSV (server/api/csv.ts).
//
// A file-backed store streams through its own read-only connection per export: the rows come
// from one consistent snapshot (one read transaction), and the store's main connection stays
// free for other requests while a slow client drains a download (better-sqlite3 refuses any
// other query on a connection that is in the middle of iterating).

import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type {
  ArticleExportRow,
  CueHitExportRow,
  DataStamp,
  ExportFilter,
  RunStamp,
  SegmentExportRow,
  SpeakerExportRow,
} from './export-rows.js';
import { segmentTextSql } from './segment-text.js';

// Every export joins the same way and narrows by the same optional filters.
const SCOPE = `
  FROM article a
  JOIN story st ON st.id = a.story_id
  JOIN outlet o ON o.id = a.outlet_id
  JOIN analysis_run r ON r.id = a.run_id`;
const WHERE = `
  WHERE (@story IS NULL OR st.slug = @story)
    AND (@outlet IS NULL OR o.slug = @outlet)
    AND (@article IS NULL OR a.id = @article)`;
const RUN = `r.id AS run_id, r.analyzer_version, r.lexicon_hash`;

const ARTICLES = `
  SELECT a.id AS article_id, st.slug AS story_slug, st.title AS story_title,
    o.slug AS outlet_slug, o.name AS outlet_name, a.title, a.url, a.author, a.published_date,
    a.word_count, a.sentence_count, a.content_hash, a.source, a.added_at, ${RUN}
  ${SCOPE} ${WHERE}
  ORDER BY st.slug, o.slug, a.id`;

// A segment's issues are its few cue hits read by segment (the tables behind the view
// cue_hit, migration 011). Left to itself SQLite's planner picked the (lexicon, category) index instead, which suits the DISTINCT … ORDER BY, and
// then reads every issue hit of the database for every segment: 82k segments of 2,000
// AllSides articles took 33 s instead of under 2.
const SEGMENTS = `
  SELECT s.id AS segment_id, a.id AS article_id, st.slug AS story_slug, o.slug AS outlet_slug,
    s.position, s.paragraph_index, s.sentence_index, s.kind, s.start_offset, s.end_offset,
    s.word_count, s.tone_combined, s.tone_afinn, s.tone_diplomacy, s.expectation,
    s.expectation_move, s.expectation_score, s.hedge_count, s.booster_count, s.quote_kind,
    s.speaker_id, sp.name AS speaker_name, sp.side AS speaker_side,
    sp.is_anonymous AS speaker_is_anonymous,
    coalesce((SELECT group_concat(category, '|') FROM (SELECT DISTINCT c.category
      FROM cue_hit_row h INDEXED BY cue_hit_segment JOIN cue c ON c.id = h.cue_id
      WHERE h.segment_id = s.id AND c.lexicon = 'issue' ORDER BY c.category)),
      '') AS issues,
    ${segmentTextSql('s', 'a')} AS text, ${RUN}
  ${SCOPE}
  JOIN segment s ON s.article_id = a.id
  LEFT JOIN speaker sp ON sp.id = s.speaker_id
  ${WHERE}
  ORDER BY st.slug, o.slug, a.id, s.position`;

const CUE_HITS = `
  SELECT h.id AS cue_hit_id, s.id AS segment_id, a.id AS article_id, st.slug AS story_slug,
    o.slug AS outlet_slug, h.lexicon, h.category, h.entry, h.start_offset, h.end_offset,
    h.weight, h.is_negated, ${segmentTextSql('s', 'a')} AS segment_text, s.start_offset AS segment_start, ${RUN}
  ${SCOPE}
  JOIN segment s ON s.article_id = a.id
  JOIN cue_hit h ON h.segment_id = s.id
  ${WHERE}
  ORDER BY st.slug, o.slug, a.id, s.position, h.start_offset, h.end_offset, h.id`;

const SPEAKERS = `
  SELECT sp.id AS speaker_id, a.id AS article_id, st.slug AS story_slug, o.slug AS outlet_slug,
    sp.position, sp.name, sp.side, sp.is_anonymous, sp.role,
    (SELECT count(*) FROM segment s WHERE s.speaker_id = sp.id
      AND s.kind IN ('headline', 'body')) AS sentence_count,
    ${RUN}
  ${SCOPE}
  JOIN speaker sp ON sp.article_id = a.id
  ${WHERE}
  ORDER BY st.slug, o.slug, a.id, sp.position`;

const STAMP = `
  SELECT a.content_hash, r.id, r.analyzer_version, r.lexicon_hash, r.status, r.started_at,
    r.finished_at
  ${SCOPE} ${WHERE}`;

interface StampRow {
  content_hash: string;
  id: number;
  analyzer_version: string;
  lexicon_hash: string;
  status: RunStamp['status'];
  started_at: string;
  finished_at: string | null;
}

type CueHitQueryRow = Omit<CueHitExportRow, 'matched_text'> & {
  segment_text: string;
  segment_start: number;
};

function parameters(filter: ExportFilter) {
  return {
    story: filter.story ?? null,
    outlet: filter.outlet ?? null,
    article: filter.article ?? null,
  };
}

export class SqliteExport {
  private readonly stampRows: Database.Statement;

  constructor(
    private readonly file: string,
    private readonly main: Database.Database,
  ) {
    this.stampRows = main.prepare(STAMP);
  }

  articles(filter: ExportFilter): AsyncIterable<ArticleExportRow> {
    return this.rows<ArticleExportRow>(ARTICLES, filter);
  }

  segments(filter: ExportFilter): AsyncIterable<SegmentExportRow> {
    return this.rows<SegmentExportRow>(SEGMENTS, filter);
  }

  async *cueHits(filter: ExportFilter): AsyncIterable<CueHitExportRow> {
    for await (const row of this.rows<CueHitQueryRow>(CUE_HITS, filter)) {
      const { segment_text, segment_start, ...hit } = row;
      // Offsets are UTF-16 positions in article.text, as JavaScript slices strings; SQLite's
      // substr counts code points, so the words are cut out here rather than in SQL.
      const from = hit.start_offset - segment_start;
      const to = hit.end_offset - segment_start;
      const inside = from >= 0 && to <= segment_text.length && to >= from;
      yield { ...hit, matched_text: inside ? segment_text.slice(from, to) : '' };
    }
  }

  speakers(filter: ExportFilter): AsyncIterable<SpeakerExportRow> {
    return this.rows<SpeakerExportRow>(SPEAKERS, filter);
  }

  /** The data stamp of the articles in scope (see DataStamp). One row per article is read. */
  stamp(filter: ExportFilter): DataStamp {
    const rows = this.stampRows.all(parameters(filter)) as StampRow[];
    const lines = rows
      .map((r) => `${r.content_hash}\t${r.analyzer_version}\t${r.lexicon_hash}\n`)
      .sort();
    const hash = createHash('sha256');
    for (const line of lines) hash.update(line, 'utf8');
    const runs = new Map<number, RunStamp>();
    for (const r of rows) {
      runs.set(r.id, {
        id: r.id,
        analyzerVersion: r.analyzer_version,
        lexiconHash: r.lexicon_hash,
        status: r.status,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
      });
    }
    return {
      dataHash: hash.digest('hex'),
      articles: rows.length,
      runs: [...runs.values()].sort((a, b) => a.id - b.id),
    };
  }

  private async *rows<T>(sql: string, filter: ExportFilter): AsyncGenerator<T> {
    // An in-memory database has no file a second connection could open; it streams over
    // the main connection, which then must not be queried until the export ends.
    const own = this.file === ':memory:' ? null : new Database(this.file, { readonly: true });
    try {
      const db = own ?? this.main;
      for (const row of db.prepare(sql).iterate(parameters(filter))) yield row as T;
    } finally {
      own?.close();
    }
  }
}

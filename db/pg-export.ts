// The CSV exports' queries on PostgreSQL: rows streamed through a server-side cursor
// (pg-cursor) in batches, so memory stays flat however large the corpus, each export from
// one snapshot (a REPEATABLE READ, READ ONLY transaction on its own pooled connection),
// and the data stamp of an export's scope. Columns and order are db/sqlite-export.ts's.
// It does not format CSV (server/api/csv.ts).

import { createHash } from 'node:crypto';
import type pg from 'pg';
import Cursor from 'pg-cursor';
import type {
  ArticleExportRow,
  CueHitExportRow,
  DataStamp,
  ExportFilter,
  RunStamp,
  SegmentExportRow,
  SpeakerExportRow,
} from './export-rows.js';
import { PG_TYPES } from './pg-connection.js';
import type { PgConnection } from './pg-connection.js';

const BATCH = 500;

const SCOPE = `
  FROM article a
  JOIN story st ON st.id = a.story_id
  JOIN outlet o ON o.id = a.outlet_id
  JOIN analysis_run r ON r.id = a.run_id`;
const WHERE = `
  WHERE ($1::text IS NULL OR st.slug = $1)
    AND ($2::text IS NULL OR o.slug = $2)
    AND ($3::bigint IS NULL OR a.id = $3)`;
const RUN = `r.id AS run_id, r.analyzer_version, r.lexicon_hash`;

const ARTICLES = `
  SELECT a.id AS article_id, st.slug AS story_slug, st.title AS story_title,
    o.slug AS outlet_slug, o.name AS outlet_name, a.title, a.url, a.author, a.published_date,
    a.word_count, a.sentence_count, a.content_hash, a.source, a.added_at,
    ${RUN}
  ${SCOPE} ${WHERE}
  ORDER BY st.slug, o.slug, a.id`;

const SEGMENTS = `
  SELECT s.id AS segment_id, a.id AS article_id, st.slug AS story_slug, o.slug AS outlet_slug,
    s.position, s.paragraph_index, s.sentence_index, s.kind, s.start_offset, s.end_offset,
    s.word_count, s.tone_combined, s.tone_afinn, s.tone_diplomacy, s.expectation,
    s.expectation_move, s.expectation_score, s.hedge_count, s.booster_count, s.quote_kind,
    s.speaker_id, sp.name AS speaker_name, sp.side AS speaker_side,
    sp.is_anonymous::int AS speaker_is_anonymous,
    coalesce((SELECT string_agg(DISTINCT h.category, '|' ORDER BY h.category)
      FROM cue_hit h WHERE h.segment_id = s.id AND h.lexicon = 'issue'), '') AS issues,
    s.text, ${RUN}
  ${SCOPE}
  JOIN segment s ON s.article_id = a.id
  LEFT JOIN speaker sp ON sp.id = s.speaker_id
  ${WHERE}
  ORDER BY st.slug, o.slug, a.id, s.position`;

const CUE_HITS = `
  SELECT h.id AS cue_hit_id, s.id AS segment_id, a.id AS article_id, st.slug AS story_slug,
    o.slug AS outlet_slug, h.lexicon, h.category, h.entry, h.start_offset, h.end_offset,
    h.weight, h.is_negated::int AS is_negated, s.text AS segment_text,
    s.start_offset AS segment_start, ${RUN}
  ${SCOPE}
  JOIN segment s ON s.article_id = a.id
  JOIN cue_hit h ON h.segment_id = s.id
  ${WHERE}
  ORDER BY st.slug, o.slug, a.id, s.position, h.start_offset, h.end_offset, h.id`;

const SPEAKERS = `
  SELECT sp.id AS speaker_id, a.id AS article_id, st.slug AS story_slug, o.slug AS outlet_slug,
    sp.position, sp.name, sp.side, sp.is_anonymous::int AS is_anonymous, sp.role,
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

function parameters(filter: ExportFilter): unknown[] {
  return [filter.story ?? null, filter.outlet ?? null, filter.article ?? null];
}

export class PgExport {
  constructor(
    private readonly conn: PgConnection,
    private readonly pool: pg.Pool | null,
  ) {}

  articles(filter: ExportFilter): AsyncIterable<ArticleExportRow> {
    return this.rows<ArticleExportRow>(ARTICLES, filter);
  }

  segments(filter: ExportFilter): AsyncIterable<SegmentExportRow> {
    return this.rows<SegmentExportRow>(SEGMENTS, filter);
  }

  async *cueHits(filter: ExportFilter): AsyncIterable<CueHitExportRow> {
    for await (const row of this.rows<CueHitQueryRow>(CUE_HITS, filter)) {
      const { segment_text, segment_start, ...hit } = row;
      // UTF-16 offsets, as JavaScript slices strings: cut here, not with SQL's substr.
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
  async stamp(filter: ExportFilter): Promise<DataStamp> {
    const rows = await this.conn.rows<StampRow>(STAMP, parameters(filter));
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
    // A store bound to a caller's transaction reads through it; otherwise each export has
    // its own connection and snapshot, and the pool stays free for other requests.
    const client = this.pool ? await this.pool.connect() : (this.conn.db as pg.PoolClient);
    const own = this.pool !== null;
    let open = false;
    try {
      if (own) {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        open = true;
      }
      const cursor = client.query(new Cursor<T>(sql, parameters(filter), { types: PG_TYPES }));
      try {
        for (;;) {
          const batch = await cursor.read(BATCH);
          if (batch.length === 0) break;
          yield* batch;
        }
      } finally {
        await cursor.close();
      }
      if (open) await client.query('COMMIT');
      open = false;
    } finally {
      // A consumer that stops early (a closed download) ends the snapshot here.
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      if (own) client.release();
    }
  }
}

// The PostgreSQL store (node-postgres, pooled): the Store interface on a database server
// that several ingesting machines and dashboard processes share. Chosen by a connection URL
// (db/open-store.ts); the schema is db/pg-migrations/. It answers every question as the
// SQLite store does, in the same order (test/db/store-contract.ts holds both to it).
// An analyzed article is written in one statement of array inserts (pg-article-insert.ts),
// not a statement per row or per table: a round trip to a server costs what a whole row
// costs SQLite.
//
// Not here: the concordance (pg-search.ts), the CSV exports (pg-export.ts), the browser's
// edits (pg-curation.ts) and the ingest queue (pg-queue.ts).

import { hostname } from 'node:os';
import type pg from 'pg';
import type { FramingCueRow, StoryFramingRows, TargetRow } from '../analysis/comparison/framing.js';
import type { ArticleAnalysis } from '../analysis/types.js';
import { isScoredKind, SCORED_KINDS } from '../analysis/vocabulary/segments.js';
import type { SegmentKind } from '../analysis/vocabulary/segments.js';
import { DEFAULT_CODEBOOK } from '../analysis/vocabulary/sides.js';
import type {
  ArticleExportRow,
  CueHitExportRow,
  DataStamp,
  ExportFilter,
  SegmentExportRow,
  SpeakerExportRow,
} from './export-rows.js';
import {
  analysisRowsParams,
  articleParams,
  INSERT_ANALYSIS_ROWS,
  INSERT_ARTICLE,
} from './pg-article-insert.js';
import { createPool, isRetryable, PgConnection } from './pg-connection.js';
import type { Queryable } from './pg-connection.js';
import { PgCuration } from './pg-curation.js';
import { PgExport } from './pg-export.js';
import { migratePostgres } from './pg-migrate.js';
import { PgSentenceSearch } from './pg-search.js';
import { StringPool, toStorySentence } from './sentence-row.js';
import { OUTLET_COLUMNS, processAlive, toArticleSummary, toOutlet, toStory } from './store-rows.js';
import type { ArticleRow, OutletRow, StoryRow } from './store-rows.js';
import type { SentenceRow } from './sentence-row.js';
import { contentHash } from './sqlite-store.js';
import { sqlList } from './sql-literals.js';
import { distinctSlug, sameName, slugify } from './slug.js';
import type {
  AddResult,
  ArticleDetail,
  ArticleEdit,
  ArticleSummary,
  DeletedArticle,
  NewArticle,
  OutletEdit,
  OutletMeta,
  OutletSummary,
  Run,
  RunInfo,
  SearchResult,
  SentenceQuery,
  Store,
  StoredCueHit,
  StoredSegment,
  StoredSpeaker,
  StoryEdit,
  StoryMeta,
  StorySentence,
  StorySummary,
} from './store.js';

interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  analyzer_version: string;
  lexicon_hash: string;
  options: Record<string, unknown>;
  status: Run['status'];
}

interface SegmentRow {
  id: number;
  position: number;
  paragraph_index: number;
  sentence_index: number;
  kind: SegmentKind;
  text: string;
  start_offset: number;
  end_offset: number;
  word_count: number;
  tone_afinn: number | null;
  tone_diplomacy: number | null;
  tone_combined: number | null;
  expectation: StoredSegment['expectation'];
  expectation_move: string | null;
  expectation_score: number | null;
  hedge_count: number;
  booster_count: number;
  quote_kind: StoredSegment['quote'];
  speaker_id: number | null;
}

// SQLite sorts NULL first; PostgreSQL last unless told.
const STORY_COLUMNS = `s.*, count(a.id) AS article_count, coalesce(sum(a.word_count), 0) AS word_count,
  min(substr(a.published_date, 1, 10)) AS first_date,
  max(substr(a.published_date, 1, 10)) AS last_date,
  (SELECT title FROM article WHERE story_id = s.id AND title IS NOT NULL
    ORDER BY id LIMIT 1) AS sample_title`;

const HEADLINE_AND_LEAD = `
  (SELECT sg.text FROM segment sg WHERE sg.article_id = a.id
    AND sg.kind = 'headline' ORDER BY sg.position LIMIT 1) AS headline,
  (SELECT sg.text FROM segment sg WHERE sg.article_id = a.id
    AND sg.kind = 'body' ORDER BY sg.position LIMIT 1) AS lead`;

const ARTICLE_COLUMNS = `a.id, a.title, a.url, a.author, a.published_date, a.word_count,
  a.sentence_count, s.slug AS story_slug, a.run_id, a.outlet_id, a.source, a.added_at`;

const SCORED = `(${sqlList(SCORED_KINDS)})`;

function toRun(row: RunRow): Run {
  return {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    analyzerVersion: row.analyzer_version,
    lexiconHash: row.lexicon_hash,
    options: row.options,
    status: row.status,
  };
}

export class PgStore implements Store {
  private readonly search: PgSentenceSearch;
  private readonly exports: PgExport;
  private readonly curation: PgCuration;
  /** Story and outlet ids a job-bound store has found or created (placeId). */
  private readonly placeIds = new Map<string, number>();
  /** Codebooks of stories a job-bound store has looked up (codebookOfStory). */
  private readonly storyCodebooks = new Map<string, string>();

  private constructor(
    private readonly conn: PgConnection,
    private readonly pool: pg.Pool | null,
    /**
     * Where stories and outlets are found or created: the article's own transaction, except
     * for a store bound to a queue job, where it is the pool (see inTransaction).
     */
    private readonly places: Queryable | null = null,
  ) {
    this.search = new PgSentenceSearch(conn);
    this.exports = new PgExport(conn, pool);
    this.curation = new PgCuration(conn);
  }

  /** Connects to `url` (postgres://…) and brings its schema up to date. */
  static async open(url: string): Promise<PgStore> {
    const pool = createPool(url);
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PgStore(new PgConnection(pool, pool), pool);
  }

  /**
   * A store over one client inside a transaction its caller opened and will end: every
   * write becomes part of it (a queue job, db/pg-queue.ts). close() leaves the client alone.
   */
  static inTransaction(client: pg.PoolClient, pool: pg.Pool): PgStore {
    // Stories and outlets are created in their own short transactions (on the pool), not
    // in the job's: a new row under a unique slug locks it until its transaction ends, and
    // two workers whose jobs name the same new outlets would wait for each other's whole
    // job, or deadlock. So a killed job may leave a story or outlet row it created, with no
    // article (its job, taken again, fills it); never an article or any part of one.
    return new PgStore(new PgConnection(client, null), null, pool);
  }

  async startRun(info: RunInfo): Promise<Run> {
    return this.conn.transaction(async (db) => {
      await this.markAbandonedRuns(this.places ?? db);
      const { rows } = await db.query<RunRow>(
        `INSERT INTO analysis_run (started_at, analyzer_version, lexicon_hash, options, host, pid)
         VALUES (now(), $1, $2, $3, $4, $5) RETURNING *`,
        [
          info.analyzerVersion,
          info.lexiconHash,
          JSON.stringify(info.options),
          hostname(),
          process.pid,
        ],
      );
      return toRun(rows[0]!);
    });
  }

  /**
   * Runs still 'running' whose process on this machine is gone become 'interrupted'. Runs
   * of other machines cannot be checked here and are left as they are.
   */
  private async markAbandonedRuns(db: Queryable): Promise<void> {
    const { rows } = await db.query<{ id: number; pid: number }>(
      `SELECT id, pid FROM analysis_run WHERE status = 'running' AND host = $1 AND pid IS NOT NULL`,
      [hostname()],
    );
    for (const run of rows) {
      if (run.pid !== process.pid && !processAlive(run.pid)) {
        await db.query(
          `UPDATE analysis_run SET finished_at = now(), status = 'interrupted' WHERE id = $1`,
          [run.id],
        );
      }
    }
  }

  async finishRun(runId: number, status: Exclude<Run['status'], 'running'>): Promise<void> {
    await this.conn.db.query(
      `UPDATE analysis_run SET finished_at = now(), status = $1 WHERE id = $2`,
      [status, runId],
    );
  }

  async addArticles(articles: NewArticle[], runId: number): Promise<AddResult[]> {
    const write = async (db: Queryable) => {
      const results: AddResult[] = [];
      for (const article of articles) {
        try {
          results.push(await this.conn.savepoint(db, (c) => this.insertArticle(c, article, runId)));
        } catch (error) {
          // A deadlock with another writer fails the whole batch, which is run again;
          // anything else rolled back this article's savepoint only, and the batch goes on.
          if (isRetryable(error)) throw error;
          results.push({
            status: 'failed',
            source: article.source,
            reason: (error as Error).message,
          });
        }
      }
      return results;
    };
    // Bound to a queue job, the job is the transaction and each article's savepoint all the
    // isolation needed: a savepoint around the batch would only add two round trips.
    return this.conn.bound ? write(this.conn.db) : this.conn.transaction(write);
  }

  private async insertArticle(
    db: Queryable,
    article: NewArticle,
    runId: number,
  ): Promise<AddResult> {
    const hash = contentHash(article.text);
    // A queue job's ingest looked the text up just before (findByText, same transaction);
    // elsewhere a duplicate is found before its story and outlet are looked up or created.
    if (!this.conn.bound) {
      const existing = await this.articleIdByHash(db, hash);
      if (existing !== null)
        return { status: 'duplicate', articleId: existing, source: article.source };
    }
    const { analysis } = article;
    const storyId = await this.placeId(db, 'story', article.story, (p) =>
      this.storyId(p, article.story),
    );
    const outletId = await this.placeId(db, 'outlet', article.outlet, (p) =>
      this.outletId(p, article.outlet),
    );
    // Another transaction storing the same text meanwhile: this insert waits for it, and
    // finds its article once it commits (ON CONFLICT), across workers and machines.
    const { rows } = await db.query<{ id: number }>({
      ...INSERT_ARTICLE,
      values: articleParams(
        {
          storyId,
          outletId,
          title: article.title,
          url: article.url,
          author: article.author,
          publishedDate: article.publishedDate,
          text: article.text,
          contentHash: hash,
          words: analysis.words,
          sentences: analysis.segments.filter((s) => isScoredKind(s.kind)).length,
          source: article.source,
          runId,
        },
        analysis,
      ),
    });
    if (rows.length === 0) {
      const other = await this.articleIdByHash(db, hash);
      if (other === null) throw new Error('the same text was stored and removed meanwhile');
      return { status: 'duplicate', articleId: other, source: article.source };
    }
    return { status: 'added', articleId: rows[0]!.id, source: article.source };
  }

  private async articleIdByHash(db: Queryable, hash: string): Promise<number | null> {
    const { rows } = await db.query<{ id: number }>(
      `SELECT id FROM article WHERE content_hash = $1`,
      [hash],
    );
    return rows[0]?.id ?? null;
  }

  async replaceAnalysis(
    articleId: number,
    analysis: ArticleAnalysis,
    runId: number,
  ): Promise<void> {
    await this.conn.transaction(async (db) => {
      const { rowCount } = await db.query(
        `UPDATE article SET word_count = $1, sentence_count = $2, run_id = $3 WHERE id = $4`,
        [
          analysis.words,
          analysis.segments.filter((s) => isScoredKind(s.kind)).length,
          runId,
          articleId,
        ],
      );
      if (rowCount !== 1) throw new Error(`no article with id ${articleId}`);
      // Segments first: their speaker_id points at the speakers deleted next.
      await db.query(`DELETE FROM segment WHERE article_id = $1`, [articleId]);
      await db.query(`DELETE FROM speaker WHERE article_id = $1`, [articleId]);
      await db.query({
        ...INSERT_ANALYSIS_ROWS,
        values: analysisRowsParams(articleId, analysis),
      });
    });
  }

  async articleTexts(
    storySlug?: string,
  ): Promise<{ id: number; title: string | null; text: string; codebook: string }[]> {
    return this.conn.rows(
      `SELECT a.id, a.title, a.text, s.codebook FROM article a JOIN story s ON s.id = a.story_id
       WHERE $1::text IS NULL OR s.slug = $1 ORDER BY a.id`,
      [storySlug ?? null],
    );
  }

  /**
   * The id of the story or outlet `meta` describes, found or created. A store bound to a
   * queue job asks the database once per job for each one its articles name (a job's
   * articles mostly share a few); other stores ask every time.
   */
  private async placeId(
    db: Queryable,
    table: 'story' | 'outlet',
    meta: StoryMeta | OutletMeta,
    find: (db: Queryable) => Promise<number>,
  ): Promise<number> {
    if (this.places === null) return find(db);
    const key = `${table} ${JSON.stringify(meta)}`;
    let id = this.placeIds.get(key);
    if (id === undefined) {
      id = await find(this.places);
      this.placeIds.set(key, id);
    }
    return id;
  }

  // A slug already taken by a different name gets a hashed variant instead of merging the
  // two (as the SQLite store). Two writers creating the same outlet at once: the second
  // insert waits for the first and then finds its row.
  private async outletId(db: Queryable, meta: OutletMeta): Promise<number> {
    for (;;) {
      const found = await this.findNamed(db, 'outlet', 'name', meta.name);
      if (found.id !== undefined) return found.id;
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO outlet (slug, name, homepage, country, kind, is_name_inferred, notes)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (slug) DO NOTHING RETURNING id`,
        [
          found.slug,
          meta.name,
          meta.homepage ?? null,
          meta.country ?? null,
          meta.kind ?? null,
          meta.isNameInferred ?? false,
          meta.notes ?? null,
        ],
      );
      if (rows[0]) return rows[0].id;
    }
  }

  private async storyId(db: Queryable, meta: StoryMeta): Promise<number> {
    const titleSource = meta.titleSource ?? 'name';
    const description = meta.description ?? null;
    // Found by the slug of the name its articles give it, whatever its title became.
    const slug = meta.slug ?? slugify(meta.key ?? meta.title);
    for (;;) {
      const { rows: existing } = await db.query<{ id: number }>(
        `SELECT id FROM story WHERE slug = $1`,
        [slug],
      );
      if (existing[0]) {
        const id = existing[0].id;
        // Only a change is written: an update locks the row until the transaction ends.
        if (meta.codebook !== undefined)
          await db.query(`UPDATE story SET codebook = $1 WHERE id = $2 AND codebook <> $1`, [
            meta.codebook,
            id,
          ]);
        // A title from metadata replaces a name or made-up title; a description fills an
        // empty one. Nothing given is ever erased.
        if (titleSource === 'metadata' || description !== null) {
          await db.query(
            `UPDATE story SET
               title = CASE WHEN $2 = 'metadata' AND title_source <> 'metadata' THEN $3 ELSE title END,
               title_source = CASE WHEN $2 = 'metadata' THEN 'metadata' ELSE title_source END,
               description = coalesce(description, $4)
             WHERE id = $1 AND (($2 = 'metadata' AND title_source <> 'metadata')
               OR (description IS NULL AND $4::text IS NOT NULL))`,
            [id, titleSource, meta.title, description],
          );
        }
        return id;
      }
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO story (slug, title, description, start_date, end_date, title_source, codebook)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (slug) DO NOTHING RETURNING id`,
        [
          slug,
          meta.title,
          description,
          meta.startDate ?? null,
          meta.endDate ?? null,
          titleSource,
          meta.codebook ?? DEFAULT_CODEBOOK,
        ],
      );
      if (rows[0]) return rows[0].id;
    }
  }

  /** The row whose slug belongs to `name` (same name up to case and punctuation), or the slug to create. */
  private async findNamed(
    db: Queryable,
    table: 'outlet',
    column: 'name',
    name: string,
  ): Promise<{ id?: number; slug: string }> {
    for (const candidate of [slugify(name), distinctSlug(name)]) {
      const { rows } = await db.query<{ id: number; name: string }>(
        `SELECT id, ${column} AS name FROM ${table} WHERE slug = $1`,
        [candidate],
      );
      const row = rows[0];
      if (!row) return { slug: candidate };
      if (sameName(row.name, name) || row.name === candidate || name === candidate) {
        return { id: row.id, slug: candidate };
      }
    }
    throw new Error(`cannot find a free identifier for “${name}”`);
  }

  async findByText(text: string): Promise<number | null> {
    return this.articleIdByHash(this.conn.db, contentHash(text));
  }

  async countArticles(): Promise<number> {
    return (await this.conn.one<{ n: number }>(`SELECT count(*) AS n FROM article`))!.n;
  }

  async listStories(): Promise<StorySummary[]> {
    const outlets = new Map<number, OutletSummary[]>();
    const outletRows = await this.conn.rows<OutletRow & { story_id: number }>(
      `SELECT a.story_id, ${OUTLET_COLUMNS}, count(a.id) AS article_count
       FROM article a JOIN outlet o ON o.id = a.outlet_id
       GROUP BY a.story_id, o.id ORDER BY o.name`,
    );
    for (const row of outletRows) {
      const list = outlets.get(row.story_id) ?? [];
      list.push(toOutlet(row));
      outlets.set(row.story_id, list);
    }
    const stories = await this.conn.rows<StoryRow>(
      `SELECT ${STORY_COLUMNS} FROM story s LEFT JOIN article a ON a.story_id = s.id
       GROUP BY s.id
       ORDER BY coalesce(s.start_date, min(substr(a.published_date, 1, 10)), '') DESC, s.title`,
    );
    return stories.map((row) => toStory(row, outlets.get(row.id) ?? []));
  }

  async storiesToTitle(): Promise<{ slug: string; headlines: string[] }[]> {
    // Slug-like names have a hyphen: "basil-2018-c6a0e65c", not "trade".
    const slugs = await this.conn.rows<{ slug: string }>(
      `SELECT slug FROM story
       WHERE title_source = 'headlines' OR (title_source = 'name' AND title = slug
         AND slug LIKE '%-%')
       ORDER BY slug`,
    );
    const result: { slug: string; headlines: string[] }[] = [];
    for (const { slug } of slugs) {
      const rows = await this.conn.rows<{ headline: string | null }>(
        `SELECT coalesce(a.title, (SELECT sg.text FROM segment sg
           WHERE sg.article_id = a.id AND sg.kind = 'headline' ORDER BY sg.position LIMIT 1))
           AS headline
         FROM article a JOIN story s ON s.id = a.story_id
         WHERE s.slug = $1 ORDER BY a.id`,
        [slug],
      );
      result.push({
        slug,
        headlines: rows.map((r) => r.headline).filter((h): h is string => h !== null),
      });
    }
    return result;
  }

  async setHeadlineTitle(storySlug: string, title: string): Promise<void> {
    // Like stories themselves, outside a queue job's transaction, and only when it changes.
    await (this.places ?? this.conn.db).query(
      `UPDATE story SET title = $1, title_source = 'headlines'
       WHERE slug = $2 AND title_source <> 'metadata'
         AND (title <> $1 OR title_source <> 'headlines')`,
      [title, storySlug],
    );
  }

  async codebookOfStory(name: string): Promise<string | null> {
    // Asked for every article an ingest reads; a job-bound store asks once per story and job.
    const slug = slugify(name);
    const known = this.places === null ? undefined : this.storyCodebooks.get(slug);
    if (known !== undefined) return known;
    const row = await this.conn.one<{ codebook: string }>(
      `SELECT codebook FROM story WHERE slug = $1`,
      [slug],
    );
    if (row && this.places !== null) this.storyCodebooks.set(slug, row.codebook);
    return row?.codebook ?? null;
  }

  async setStoryCodebook(storySlug: string, codebook: string): Promise<boolean> {
    const { rowCount } = await this.conn.db.query(
      `UPDATE story SET codebook = $1 WHERE slug = $2`,
      [codebook, storySlug],
    );
    return (rowCount ?? 0) > 0;
  }

  async getStory(slug: string): Promise<StorySummary | null> {
    const row = await this.conn.one<StoryRow>(
      `SELECT ${STORY_COLUMNS} FROM story s LEFT JOIN article a ON a.story_id = s.id
       WHERE s.slug = $1 GROUP BY s.id`,
      [slug],
    );
    if (!row) return null;
    const outlets = await this.conn.rows<OutletRow>(
      `SELECT ${OUTLET_COLUMNS}, count(a.id) AS article_count
       FROM article a JOIN outlet o ON o.id = a.outlet_id
       WHERE a.story_id = $1 GROUP BY o.id ORDER BY o.name`,
      [row.id],
    );
    return toStory(row, outlets.map(toOutlet));
  }

  async listArticles(storySlug: string): Promise<ArticleSummary[]> {
    const rows = await this.conn.rows<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS}, ${HEADLINE_AND_LEAD}
       FROM article a JOIN story s ON s.id = a.story_id JOIN outlet o ON o.id = a.outlet_id
       WHERE s.slug = $1 ORDER BY o.name, a.published_date NULLS FIRST, a.id`,
      [storySlug],
    );
    const outlets = await this.outletsById(rows.map((r) => r.outlet_id));
    return rows.map((row) => toArticleSummary(row, outlets.get(row.outlet_id)!));
  }

  private async outletsById(ids: number[]): Promise<Map<number, OutletSummary>> {
    const rows = await this.conn.rows<OutletRow>(
      `SELECT ${OUTLET_COLUMNS},
         (SELECT count(*) FROM article WHERE outlet_id = o.id) AS article_count
       FROM outlet o WHERE o.id = ANY($1::bigint[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, toOutlet(r)]));
  }

  async getArticle(id: number): Promise<ArticleDetail | null> {
    if (!Number.isSafeInteger(id)) return null;
    const row = await this.conn.one<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS}, a.text, ${HEADLINE_AND_LEAD}
       FROM article a JOIN story s ON s.id = a.story_id WHERE a.id = $1`,
      [id],
    );
    if (!row) return null;
    const story = await this.getStory(row.story_slug);
    const outlets = await this.outletsById([row.outlet_id]);
    const hits = new Map<number, StoredCueHit[]>();
    const hitRows = await this.conn.rows<{
      segment_id: number;
      lexicon: string;
      entry: string;
      category: string;
      start_offset: number;
      end_offset: number;
      weight: number;
      is_negated: boolean;
    }>(
      `SELECT h.* FROM cue_hit h JOIN segment s ON s.id = h.segment_id
       WHERE s.article_id = $1 ORDER BY h.start_offset, h.end_offset, h.id`,
      [id],
    );
    for (const h of hitRows) {
      const list = hits.get(h.segment_id) ?? [];
      list.push({
        lexicon: h.lexicon,
        entry: h.entry,
        category: h.category,
        start: h.start_offset,
        end: h.end_offset,
        weight: h.weight,
        negated: h.is_negated,
      });
      hits.set(h.segment_id, list);
    }
    const segmentRows = await this.conn.rows<SegmentRow>(
      `SELECT id, position, paragraph_index, sentence_index, kind, text, start_offset,
         end_offset, word_count, tone_afinn, tone_diplomacy, tone_combined, expectation,
         expectation_move, expectation_score, hedge_count, booster_count, quote_kind, speaker_id
       FROM segment WHERE article_id = $1 ORDER BY position`,
      [id],
    );
    const segments = segmentRows.map((s): StoredSegment => ({
      id: s.id,
      position: s.position,
      paragraph: s.paragraph_index,
      sentence: s.sentence_index,
      kind: s.kind,
      text: s.text,
      start: s.start_offset,
      end: s.end_offset,
      words: s.word_count,
      tone: s.tone_combined,
      toneAfinn: s.tone_afinn,
      toneDiplomacy: s.tone_diplomacy,
      expectation: s.expectation,
      expectationMove: s.expectation_move,
      expectationScore: s.expectation_score,
      hedges: s.hedge_count,
      boosters: s.booster_count,
      quote: s.quote_kind,
      speakerId: s.speaker_id,
      cueHits: hits.get(s.id) ?? [],
    }));
    const speakerRows = await this.conn.rows<{
      id: number;
      position: number;
      name: string;
      side: StoredSpeaker['side'];
      is_anonymous: boolean;
      role: string | null;
    }>(`SELECT * FROM speaker WHERE article_id = $1 ORDER BY position`, [id]);
    const run = await this.conn.one<RunRow>(`SELECT * FROM analysis_run WHERE id = $1`, [
      row.run_id,
    ]);
    return {
      ...toArticleSummary(row, outlets.get(row.outlet_id)!),
      text: row.text,
      source: row.source,
      addedAt: row.added_at,
      story: story as StorySummary,
      run: toRun(run!),
      segments,
      speakers: speakerRows.map((s) => ({
        id: s.id,
        position: s.position,
        name: s.name,
        side: s.side,
        isAnonymous: s.is_anonymous,
        role: s.role,
      })),
    };
  }

  async storyVersion(storySlug: string): Promise<string> {
    // Edits in the browser (edited_at) of the story, its articles or their outlets count too.
    const row = await this.conn.one<{ v: string }>(
      `SELECT count(a.id) || ':' || coalesce(max(a.id), 0) || ':' || coalesce(max(a.run_id), 0)
         || ':' || coalesce(sum(a.run_id), 0) || ':' || coalesce(max(s.edited_at)::text, '')
         || ':' || coalesce(max(a.edited_at)::text, '') || ':' || coalesce(max(o.edited_at)::text, '')
         || ':' || max(s.codebook) AS v
       FROM story s LEFT JOIN article a ON a.story_id = s.id
         LEFT JOIN outlet o ON o.id = a.outlet_id
       WHERE s.slug = $1`,
      [storySlug],
    );
    return `${storySlug}:${row?.v ?? ''}`;
  }

  async keptPage(task: string, version: string): Promise<Uint8Array | null> {
    const row = await this.conn.one<{ value: Buffer }>(
      `SELECT value FROM kept_page WHERE task = $1 AND version = $2`,
      [task, version],
    );
    return row?.value ?? null;
  }

  async keepPage(task: string, storySlug: string, version: string, value: Uint8Array) {
    await this.conn.db.query(
      `INSERT INTO kept_page (task, story_slug, version, value, computed_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (task) DO UPDATE SET story_slug = excluded.story_slug,
         version = excluded.version, value = excluded.value,
         computed_at = excluded.computed_at`,
      [task, storySlug, version, value],
    );
  }

  async storySentences(storySlug: string): Promise<StorySentence[]> {
    const rows = await this.conn.rows<SentenceRow>(
      `SELECT s.id, s.article_id, o.slug AS outlet, s.position, s.paragraph_index, s.kind,
         s.text, s.word_count, s.tone_combined, s.tone_afinn, s.tone_diplomacy, s.expectation,
         s.expectation_move, s.hedge_count, s.booster_count, s.quote_kind, sp.name AS speaker,
         sp.side, sp.is_anonymous::int AS is_anonymous,
         (SELECT string_agg(h.category, '|' ORDER BY h.id) FROM cue_hit h
           WHERE h.segment_id = s.id AND h.lexicon = 'issue') AS issues
       FROM story st
       JOIN article a ON a.story_id = st.id
       JOIN outlet o ON o.id = a.outlet_id
       JOIN segment s ON s.article_id = a.id
       LEFT JOIN speaker sp ON sp.id = s.speaker_id
       WHERE st.slug = $1 AND s.kind IN ${SCORED}
       ORDER BY a.id, s.position`,
      [storySlug],
    );
    const pool = new StringPool();
    return rows.map((row) => toStorySentence(row, pool));
  }

  async storyFraming(storySlug: string): Promise<StoryFramingRows> {
    const targets = await this.conn.rows<{
      segment_id: number;
      target: string;
      role: TargetRow['role'];
      tone: number;
      is_quoted: boolean;
    }>(
      `SELECT t.segment_id, t.target, t.role, t.tone, t.is_quoted
       FROM story st JOIN article a ON a.story_id = st.id
       JOIN segment s ON s.article_id = a.id JOIN segment_target t ON t.segment_id = s.id
       WHERE st.slug = $1 AND s.kind IN ${SCORED}
       ORDER BY t.id`,
      [storySlug],
    );
    const cues = await this.conn.rows<{
      segment_id: number;
      lexicon: FramingCueRow['lexicon'];
      category: string;
    }>(
      `SELECT h.segment_id, h.lexicon, h.category
       FROM story st JOIN article a ON a.story_id = st.id
       JOIN segment s ON s.article_id = a.id JOIN cue_hit h ON h.segment_id = s.id
       WHERE st.slug = $1 AND s.kind IN ${SCORED}
         AND (h.lexicon = 'loaded' OR (h.lexicon = 'voice' AND h.category LIKE 'speech\\_verb:%'))
       ORDER BY h.id`,
      [storySlug],
    );
    return {
      targets: targets.map((t) => ({
        segmentId: t.segment_id,
        target: t.target,
        role: t.role,
        tone: t.tone,
        isQuoted: t.is_quoted,
      })),
      cues: cues.map((c) => ({
        segmentId: c.segment_id,
        lexicon: c.lexicon,
        category: c.category,
      })),
    };
  }

  searchSentences(query: SentenceQuery): Promise<SearchResult> {
    return this.search.search(query);
  }

  cueCategories(): Promise<{ lexicon: string; category: string }[]> {
    return this.search.cueCategories();
  }

  exportArticles(filter: ExportFilter): AsyncIterable<ArticleExportRow> {
    return this.exports.articles(filter);
  }

  exportSegments(filter: ExportFilter): AsyncIterable<SegmentExportRow> {
    return this.exports.segments(filter);
  }

  exportCueHits(filter: ExportFilter): AsyncIterable<CueHitExportRow> {
    return this.exports.cueHits(filter);
  }

  exportSpeakers(filter: ExportFilter): AsyncIterable<SpeakerExportRow> {
    return this.exports.speakers(filter);
  }

  async getOutlet(slug: string): Promise<OutletSummary | null> {
    const row = await this.conn.one<OutletRow>(
      `SELECT ${OUTLET_COLUMNS},
         (SELECT count(*) FROM article WHERE outlet_id = o.id) AS article_count
       FROM outlet o WHERE o.slug = $1`,
      [slug],
    );
    return row ? toOutlet(row) : null;
  }

  async listOutlets(): Promise<OutletSummary[]> {
    const rows = await this.conn.rows<OutletRow>(
      `SELECT ${OUTLET_COLUMNS},
         (SELECT count(*) FROM article WHERE outlet_id = o.id) AS article_count
       FROM outlet o ORDER BY o.name, o.slug`,
    );
    return rows.map(toOutlet);
  }

  updateStory(slug: string, edit: StoryEdit): Promise<boolean> {
    return this.curation.updateStory(slug, edit);
  }

  updateOutlet(slug: string, edit: OutletEdit): Promise<string | null> {
    return this.curation.updateOutlet(slug, edit);
  }

  updateArticle(id: number, edit: ArticleEdit): Promise<boolean> {
    return this.curation.updateArticle(id, edit);
  }

  deleteArticle(id: number): Promise<DeletedArticle | null> {
    return this.curation.deleteArticle(id);
  }

  dataStamp(filter: ExportFilter): Promise<DataStamp> {
    return this.exports.stamp(filter);
  }

  async close(): Promise<void> {
    await this.pool?.end();
  }
}

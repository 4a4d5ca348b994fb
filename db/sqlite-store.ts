// The embedded SQLite store (better-sqlite3): the default behind the Store interface.
// Statements are prepared once; one article is one transaction (a savepoint inside the
// batch's transaction), so a batch commits once and never stores half an article.

import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type { ArticleAnalysis, CueHit } from '../analysis/types.js';
import type { FramingCueRow, StoryFramingRows, TargetRow } from '../analysis/comparison/framing.js';
import type { SegmentKind } from '../analysis/vocabulary/segments.js';
import { DEFAULT_CODEBOOK } from '../analysis/vocabulary/sides.js';
import { isScoredKind, SCORED_KINDS } from '../analysis/vocabulary/segments.js';
import type {
  ArticleExportRow,
  CueHitExportRow,
  DataStamp,
  ExportFilter,
  SegmentExportRow,
  SpeakerExportRow,
} from './export-rows.js';
import { isBusy, retryWhileBusy } from './busy.js';
import { openDatabase } from './migrate.js';
import { SqliteCuration } from './sqlite-curation.js';
import { SqliteExport } from './sqlite-export.js';
import { FramingColumns, SentenceColumns } from './sentence-row.js';
import { OUTLET_COLUMNS, processAlive, toArticleSummary, toOutlet, toStory } from './store-rows.js';
import type { ArticleRow, OutletRow, StoryRow } from './store-rows.js';
import type { SentenceRow } from './sentence-row.js';
import { SqliteSentenceSearch } from './sqlite-search.js';
import { sqlList } from './sql-literals.js';
import { firstWideChar, ownText, segmentTextSql } from './segment-text.js';
import { distinctSlug, sameName, slugify } from './slug.js';
import type {
  AddResult,
  ArticleDetail,
  ArticleEdit,
  DeletedArticle,
  OutletEdit,
  StoryEdit,
  ArticleSummary,
  NewArticle,
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
  StoryMeta,
  StorySentence,
  StorySummary,
} from './store.js';

/** The most target ids SqliteStore keeps in memory (a few MB); past it, they are read again. */
const TARGET_IDS_KEPT = 50_000;

export function contentHash(text: string): string {
  return createHash('sha256').update(text.trim(), 'utf8').digest('hex');
}

interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  analyzer_version: string;
  lexicon_hash: string;
  options_json: string;
  status: Run['status'];
}

interface SegmentRow {
  id: number;
  position: number;
  paragraph_index: number;
  sentence_index: number;
  kind: SegmentKind;
  own_text: string | null;
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

/** A story sentence whose text (own_text) is null until cut out of its article's text. */
type StorySentenceRow = Omit<SentenceRow, 'text'> & {
  text: string | null;
  start_offset: number;
  end_offset: number;
};

interface CueHitRow {
  segment_id: number;
  lexicon: string;
  entry: string;
  category: string;
  start_offset: number;
  end_offset: number;
  weight: number;
  is_negated: number;
}

interface SpeakerRow {
  id: number;
  position: number;
  name: string;
  side: StoredSpeaker['side'];
  is_anonymous: number;
  role: string | null;
}

// The headline line and first body sentence as segmented, shown where an article has no title.
const HEADLINE_AND_LEAD = `
  (SELECT ${segmentTextSql('sg', 'a')} FROM segment sg WHERE sg.article_id = a.id
    AND sg.kind = 'headline' ORDER BY sg.position LIMIT 1) AS headline,
  (SELECT ${segmentTextSql('sg', 'a')} FROM segment sg WHERE sg.article_id = a.id
    AND sg.kind = 'body' ORDER BY sg.position LIMIT 1) AS lead`;

function toRun(row: RunRow): Run {
  return {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    analyzerVersion: row.analyzer_version,
    lexiconHash: row.lexicon_hash,
    options: JSON.parse(row.options_json) as Record<string, unknown>,
    status: row.status,
  };
}

export class SqliteStore implements Store {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly stmt;
  private readonly search: SqliteSentenceSearch;
  private readonly exports: SqliteExport;
  private readonly curation: SqliteCuration;
  /**
   * cue ids by lexicon, category and entry, as read or inserted by this connection: an
   * ingest matches the same thousand cues a million times. Ids of cues inserted in a
   * transaction that is then rolled back are gone, so every rollback clears the map.
   */
  private readonly cueIds = new Map<string, number>();
  /**
   * target_name ids by name (migration 013), forgotten as cueIds are. Names are many (about
   * 3,900 in 2,000 AllSides articles), so the map is also emptied at TARGET_IDS_KEPT.
   */
  private readonly targetIds = new Map<string, number>();
  /** listStories' answer and the database state it was read at (see listStories). */
  private storiesRead: { state: string; stories: StorySummary[] } | null = null;

  constructor(file: string, options: { cacheMb?: number } = {}) {
    this.file = file;
    this.db = openDatabase(file);
    const db = this.db;
    if (options.cacheMb !== undefined) {
      db.pragma(`cache_size = ${-Math.round(options.cacheMb * 1024)}`);
    }
    this.search = new SqliteSentenceSearch(db, () => this.state());
    this.exports = new SqliteExport(file, db);
    this.curation = new SqliteCuration(db);
    this.stmt = {
      insertRun: db.prepare(
        `INSERT INTO analysis_run (started_at, analyzer_version, lexicon_hash, options_json,
           host, pid)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      runningHere: db.prepare(
        `SELECT id, pid FROM analysis_run
         WHERE status = 'running' AND host = ? AND pid IS NOT NULL`,
      ),
      finishRun: db.prepare(`UPDATE analysis_run SET finished_at = ?, status = ? WHERE id = ?`),
      getRun: db.prepare(`SELECT * FROM analysis_run WHERE id = ?`),
      outletBySlug: db.prepare(`SELECT id, name FROM outlet WHERE slug = ?`),
      insertOutlet: db.prepare(
        `INSERT INTO outlet (slug, name, homepage, country, kind, is_name_inferred, notes)
         VALUES (@slug, @name, @homepage, @country, @kind, @isNameInferred, @notes)`,
      ),
      storyBySlug: db.prepare(`SELECT id, title AS name FROM story WHERE slug = ?`),
      insertStory: db.prepare(
        `INSERT INTO story (slug, title, description, start_date, end_date, title_source, codebook)
         VALUES (@slug, @title, @description, @startDate, @endDate, @titleSource, @codebook)`,
      ),
      storyCodebook: db.prepare(`SELECT codebook FROM story WHERE slug = ?`).pluck(),
      setStoryCodebook: db.prepare(`UPDATE story SET codebook = ? WHERE slug = ?`),
      // A title from metadata replaces a story's name or made-up title; a description
      // fills an empty one. Nothing given is never erased.
      completeStory: db.prepare(
        `UPDATE story SET
           title = CASE WHEN @titleSource = 'metadata' AND title_source <> 'metadata'
             THEN @title ELSE title END,
           title_source = CASE WHEN @titleSource = 'metadata' THEN 'metadata'
             ELSE title_source END,
           description = coalesce(description, @description)
         WHERE id = @id`,
      ),
      // Slug-like names have a hyphen: "basil-2018-c6a0e65c", not "trade".
      storiesToTitle: db
        .prepare(
          `SELECT slug FROM story
           WHERE title_source = 'headlines' OR (title_source = 'name' AND title = slug
             AND slug LIKE '%-%')
           ORDER BY slug`,
        )
        .pluck(),
      headlinesOfStory: db
        .prepare(
          `SELECT coalesce(a.title, (SELECT ${segmentTextSql('sg', 'a')} FROM segment sg
             WHERE sg.article_id = a.id AND sg.kind = 'headline' ORDER BY sg.position LIMIT 1))
             AS headline
           FROM article a JOIN story s ON s.id = a.story_id
           WHERE s.slug = ? ORDER BY a.id`,
        )
        .pluck(),
      setHeadlineTitle: db.prepare(
        `UPDATE story SET title = ?, title_source = 'headlines'
         WHERE slug = ? AND title_source <> 'metadata'`,
      ),
      articleByHash: db.prepare(`SELECT id FROM article WHERE content_hash = ?`).pluck(),
      insertArticle: db.prepare(
        `INSERT INTO article (story_id, outlet_id, title, url, author, published_date, text,
           content_hash, word_count, sentence_count, source, run_id, added_at)
         VALUES (@storyId, @outletId, @title, @url, @author, @publishedDate, @text,
           @hash, @words, @sentences, @source, @runId, @addedAt)`,
      ),
      insertSpeaker: db.prepare(
        `INSERT INTO speaker (article_id, position, name, side, is_anonymous, role)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      insertSegment: db.prepare(
        `INSERT INTO segment (article_id, position, paragraph_index, sentence_index, kind, own_text,
           start_offset, end_offset, word_count, tone_afinn, tone_diplomacy, tone_combined,
           expectation, expectation_move, expectation_score, hedge_count, booster_count,
           quote_kind, speaker_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      // Targets name their person by a target_name id (migration 013).
      targetId: db.prepare(`SELECT id FROM target_name WHERE name = ?`).pluck(),
      insertTargetName: db.prepare(`INSERT INTO target_name (name) VALUES (?)`),
      insertSegmentTarget: db.prepare(
        `INSERT INTO segment_target_row (segment_id, target_id, role, tone, weight, is_quoted,
           start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      // Cue hits name their lexicon entry by its cue id (migration 011).
      cueId: db
        .prepare(`SELECT id FROM cue WHERE lexicon = ? AND category = ? AND entry = ?`)
        .pluck(),
      insertCue: db.prepare(`INSERT INTO cue (lexicon, category, entry) VALUES (?, ?, ?)`),
      insertCueHit: db.prepare(
        `INSERT INTO cue_hit_row (segment_id, cue_id, start_offset, end_offset, weight, is_negated)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      countArticles: db.prepare(`SELECT count(*) FROM article`).pluck(),
      articleText: db.prepare(`SELECT text FROM article WHERE id = ?`).pluck(),
      lastSegmentId: db.prepare(`SELECT coalesce(max(id), 0) FROM segment`).pluck(),
      indexSearch: db.prepare(
        `INSERT INTO segment_search (rowid, text) SELECT id, text FROM segment_text WHERE id > ?`,
      ),
      indexWords: db.prepare(
        `INSERT INTO segment_words (rowid, text) SELECT id, text FROM segment_text WHERE id > ?`,
      ),
      allArticleTexts: db.prepare(
        `SELECT a.id, a.title, a.text, s.codebook FROM article a JOIN story s ON s.id = a.story_id
         ORDER BY a.id`,
      ),
      storyArticleTexts: db.prepare(
        `SELECT a.id, a.title, a.text, s.codebook FROM article a JOIN story s ON s.id = a.story_id
         WHERE s.slug = ? ORDER BY a.id`,
      ),
      deleteSegments: db.prepare(`DELETE FROM segment WHERE article_id = ?`),
      deleteSpeakers: db.prepare(`DELETE FROM speaker WHERE article_id = ?`),
      updateArticleAnalysis: db.prepare(
        `UPDATE article SET word_count = ?, sentence_count = ?, run_id = ? WHERE id = ?`,
      ),
      stories: db.prepare(
        `SELECT s.*, count(a.id) AS article_count, coalesce(sum(a.word_count), 0) AS word_count,
           min(substr(a.published_date, 1, 10)) AS first_date,
           max(substr(a.published_date, 1, 10)) AS last_date,
           (SELECT title FROM article WHERE story_id = s.id AND title IS NOT NULL
             ORDER BY id LIMIT 1) AS sample_title
         FROM story s LEFT JOIN article a ON a.story_id = s.id
         GROUP BY s.id ORDER BY coalesce(s.start_date, first_date, '') DESC, s.title`,
      ),
      storyBySlugFull: db.prepare(
        `SELECT s.*, count(a.id) AS article_count, coalesce(sum(a.word_count), 0) AS word_count,
           min(substr(a.published_date, 1, 10)) AS first_date,
           max(substr(a.published_date, 1, 10)) AS last_date,
           (SELECT title FROM article WHERE story_id = s.id AND title IS NOT NULL
             ORDER BY id LIMIT 1) AS sample_title
         FROM story s LEFT JOIN article a ON a.story_id = s.id
         WHERE s.slug = ? GROUP BY s.id`,
      ),
      // Counted over the (story, outlet) index alone, then named: no sort of every article.
      storyOutlets: db.prepare(
        `SELECT c.story_id, ${OUTLET_COLUMNS}, c.article_count
         FROM (SELECT story_id, outlet_id, count(*) AS article_count
               FROM article GROUP BY story_id, outlet_id) c
         JOIN outlet o ON o.id = c.outlet_id ORDER BY o.name`,
      ),
      totalChanges: db.prepare(`SELECT total_changes()`).pluck(),
      outletsOfStory: db.prepare(
        `SELECT ${OUTLET_COLUMNS}, count(a.id) AS article_count
         FROM article a JOIN outlet o ON o.id = a.outlet_id
         WHERE a.story_id = ? GROUP BY o.id ORDER BY o.name`,
      ),
      articlesOfStory: db.prepare(
        `SELECT a.id, a.title, a.url, a.author, a.published_date, a.word_count, a.sentence_count,
           s.slug AS story_slug, a.run_id, a.outlet_id, '' AS text, a.source, a.added_at,
           ${HEADLINE_AND_LEAD}
         FROM article a JOIN story s ON s.id = a.story_id JOIN outlet o ON o.id = a.outlet_id
         WHERE s.slug = ? ORDER BY o.name, a.published_date, a.id`,
      ),
      article: db.prepare(
        `SELECT a.id, a.title, a.url, a.author, a.published_date, a.word_count, a.sentence_count,
           s.slug AS story_slug, a.run_id, a.outlet_id, a.text, a.source, a.added_at,
           ${HEADLINE_AND_LEAD}
         FROM article a JOIN story s ON s.id = a.story_id WHERE a.id = ?`,
      ),
      outlet: db.prepare(
        `SELECT ${OUTLET_COLUMNS},
           (SELECT count(*) FROM article WHERE outlet_id = o.id) AS article_count
         FROM outlet o WHERE o.id = ?`,
      ),
      segments: db.prepare(`SELECT * FROM segment WHERE article_id = ? ORDER BY position`),
      cueHits: db.prepare(
        `SELECT h.* FROM cue_hit h JOIN segment s ON s.id = h.segment_id
         WHERE s.article_id = ? ORDER BY h.start_offset, h.end_offset`,
      ),
      speakers: db.prepare(`SELECT * FROM speaker WHERE article_id = ? ORDER BY position`),
      // Edits in the browser (edited_at, migration 006) of the story, its articles or
      // their outlets change it too.
      storyVersion: db
        .prepare(
          `SELECT count(a.id) || ':' || coalesce(max(a.id), 0) || ':' || coalesce(max(a.run_id), 0)
           || ':' || coalesce(sum(a.run_id), 0) || ':' || coalesce(max(s.edited_at), '')
           || ':' || coalesce(max(a.edited_at), '') || ':' || coalesce(max(o.edited_at), '')
           || ':' || max(s.codebook)
         FROM story s LEFT JOIN article a ON a.story_id = s.id
           LEFT JOIN outlet o ON o.id = a.outlet_id
         WHERE s.slug = ?`,
        )
        .pluck(),
      outletBySlugFull: db.prepare(
        `SELECT ${OUTLET_COLUMNS},
           (SELECT count(*) FROM article WHERE outlet_id = o.id) AS article_count
         FROM outlet o WHERE o.slug = ?`,
      ),
      outlets: db.prepare(
        `SELECT ${OUTLET_COLUMNS},
           (SELECT count(*) FROM article WHERE outlet_id = o.id) AS article_count
         FROM outlet o ORDER BY o.name, o.slug`,
      ),
      keptPage: db.prepare(`SELECT value FROM kept_page WHERE task = ? AND version = ?`).pluck(),
      keepPage: db.prepare(
        `INSERT INTO kept_page (task, story_slug, version, value, computed_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (task) DO UPDATE SET story_slug = excluded.story_slug,
           version = excluded.version, value = excluded.value,
           computed_at = excluded.computed_at`,
      ),
      storySentences: db.prepare(
        `SELECT s.id, s.article_id, o.slug AS outlet, s.position, s.paragraph_index, s.kind,
           s.own_text AS text, s.start_offset, s.end_offset, s.word_count, s.tone_combined, s.tone_afinn,
           s.tone_diplomacy, s.expectation,
           s.expectation_move, s.hedge_count, s.booster_count,
           s.quote_kind, sp.name AS speaker, sp.side, sp.is_anonymous,
           (SELECT group_concat(h.category, '|' ORDER BY h.id) FROM cue_hit h
             WHERE h.segment_id = s.id AND h.lexicon = 'issue') AS issues
         FROM story st
         JOIN article a ON a.story_id = st.id
         JOIN outlet o ON o.id = a.outlet_id
         JOIN segment s ON s.article_id = a.id
         LEFT JOIN speaker sp ON sp.id = s.speaker_id
         WHERE st.slug = ? AND s.kind IN (${sqlList(SCORED_KINDS)})
         ORDER BY a.id, s.position`,
      ),
      storyTargets: db.prepare(
        `SELECT t.segment_id, t.target, t.role, t.tone, t.is_quoted
         FROM story st JOIN article a ON a.story_id = st.id
         JOIN segment s ON s.article_id = a.id JOIN segment_target t ON t.segment_id = s.id
         WHERE st.slug = ? AND s.kind IN (${sqlList(SCORED_KINDS)})
         ORDER BY t.id`,
      ),
      // The unary + keeps SQLite from reaching the cue hits through their lexicon index,
      // which walked every loaded-language hit of the corpus (6 s per story on 37,543
      // articles); through the story's segments it reads only this story's (1 ms).
      storyFramingCues: db.prepare(
        `SELECT h.segment_id, h.lexicon, h.category
         FROM story st JOIN article a ON a.story_id = st.id
         JOIN segment s ON s.article_id = a.id JOIN cue_hit h ON h.segment_id = s.id
         WHERE st.slug = ? AND s.kind IN (${sqlList(SCORED_KINDS)})
           AND (+h.lexicon = 'loaded' OR (+h.lexicon = 'voice' AND h.category LIKE 'speech_verb:%'))
         ORDER BY h.id`,
      ),
    };
  }

  async startRun(info: RunInfo): Promise<Run> {
    const id = await retryWhileBusy(() =>
      this.db
        .transaction(() => {
          this.markAbandonedRuns();
          return this.stmt.insertRun.run(
            new Date().toISOString(),
            info.analyzerVersion,
            info.lexiconHash,
            JSON.stringify(info.options),
            hostname(),
            process.pid,
          ).lastInsertRowid;
        })
        .immediate(),
    );
    return toRun(this.stmt.getRun.get(id) as RunRow);
  }

  /**
   * Runs still 'running' whose process on this machine is gone (killed, crashed) become
   * 'interrupted'. Runs from other machines, or from before their process was recorded,
   * cannot be checked and are left as they are.
   */
  private markAbandonedRuns(): void {
    const running = this.stmt.runningHere.all(hostname()) as { id: number; pid: number }[];
    for (const run of running) {
      if (run.pid !== process.pid && !processAlive(run.pid)) {
        this.stmt.finishRun.run(new Date().toISOString(), 'interrupted', run.id);
      }
    }
  }

  async finishRun(runId: number, status: Exclude<Run['status'], 'running'>): Promise<void> {
    await retryWhileBusy(() => this.stmt.finishRun.run(new Date().toISOString(), status, runId));
  }

  async addArticles(articles: NewArticle[], runId: number): Promise<AddResult[]> {
    const addOne = this.db.transaction((article: NewArticle) => this.insertArticle(article, runId));
    const addBatch = this.forgettingIdsOnRollback(
      this.db.transaction((batch: NewArticle[]) => {
        const lastBefore = this.stmt.lastSegmentId.get() as number;
        const results = batch.map((article): AddResult => {
          try {
            return addOne(article);
          } catch (error) {
            this.forgetIds();
            // A locked database fails the whole batch, which is retried; anything else
            // rolled back this article's savepoint only, and the batch goes on.
            if (isBusy(error)) throw error;
            return { status: 'failed', source: article.source, reason: (error as Error).message };
          }
        });
        this.indexSegmentsAfter(lastBefore);
        return results;
      }),
    );
    // IMMEDIATE: the duplicate check and the insert see the same database, even with
    // another ingest writing to it (content_hash is UNIQUE as the last line of defence).
    return retryWhileBusy(() => addBatch.immediate(articles));
  }

  private insertArticle(article: NewArticle, runId: number): AddResult {
    const hash = contentHash(article.text);
    const existing = this.stmt.articleByHash.get(hash) as number | undefined;
    if (existing !== undefined) {
      return { status: 'duplicate', articleId: existing, source: article.source };
    }
    const { analysis } = article;
    const scored = analysis.segments.filter((s) => isScoredKind(s.kind));
    const articleId = Number(
      this.stmt.insertArticle.run({
        storyId: this.storyId(article.story),
        outletId: this.outletId(article.outlet),
        title: article.title,
        url: article.url,
        author: article.author,
        publishedDate: article.publishedDate,
        text: article.text,
        hash,
        words: analysis.words,
        sentences: scored.length,
        source: article.source,
        runId,
        addedAt: new Date().toISOString(),
      }).lastInsertRowid,
    );
    this.insertAnalysisRows(articleId, article.text, analysis);
    return { status: 'added', articleId, source: article.source };
  }

  /** Speakers, segments, their targets and cue hits of one article; the caller holds the transaction. */
  private insertAnalysisRows(
    articleId: number,
    articleText: string,
    analysis: ArticleAnalysis,
  ): void {
    const wideFrom = firstWideChar(articleText);
    const speakerIds = analysis.speakers.map((speaker, position) =>
      Number(
        this.stmt.insertSpeaker.run(
          articleId,
          position,
          speaker.name,
          speaker.side,
          speaker.anonymous ? 1 : 0,
          speaker.role,
        ).lastInsertRowid,
      ),
    );
    const segmentIds = analysis.segments.map((s, position) =>
      Number(
        this.stmt.insertSegment.run(
          articleId,
          position,
          s.paragraph,
          s.sentence,
          s.kind,
          ownText(articleText, wideFrom, s),
          s.start,
          s.end,
          s.words,
          s.tone?.afinn ?? null,
          s.tone?.diplomacy ?? null,
          s.tone?.combined ?? null,
          s.expectation?.label ?? null,
          s.expectation?.move ?? null,
          s.expectation?.score ?? null,
          s.hedges,
          s.boosters,
          s.quote,
          s.speaker === null ? null : (speakerIds[s.speaker] ?? null),
        ).lastInsertRowid,
      ),
    );
    analysis.segments.forEach((s, position) => {
      for (const t of s.targets) {
        this.stmt.insertSegmentTarget.run(
          segmentIds[position],
          this.targetId(analysis.targets[t.target] ?? ''),
          t.role,
          t.tone,
          t.weight,
          t.quoted ? 1 : 0,
          t.start,
          t.end,
        );
      }
    });
    for (const hit of analysis.cueHits) {
      const segmentId = segmentIds[hit.segment];
      if (segmentId === undefined)
        throw new Error(`cue hit points at missing segment ${hit.segment}`);
      this.stmt.insertCueHit.run(
        segmentId,
        this.cueId(hit),
        hit.start,
        hit.end,
        hit.weight,
        hit.negated ? 1 : 0,
      );
    }
  }

  /** The cue id of a hit's lexicon entry, adding the entry to `cue` the first time it matches. */
  private cueId(hit: CueHit): number {
    const key = `${hit.lexicon}\u0000${hit.category}\u0000${hit.entry}`;
    let id = this.cueIds.get(key);
    if (id === undefined) {
      id =
        (this.stmt.cueId.get(hit.lexicon, hit.category, hit.entry) as number | undefined) ??
        Number(this.stmt.insertCue.run(hit.lexicon, hit.category, hit.entry).lastInsertRowid);
      this.cueIds.set(key, id);
    }
    return id;
  }

  /** The target_name id of a target's name, adding the name the first time it is a target. */
  private targetId(name: string): number {
    let id = this.targetIds.get(name);
    if (id === undefined) {
      id =
        (this.stmt.targetId.get(name) as number | undefined) ??
        Number(this.stmt.insertTargetName.run(name).lastInsertRowid);
      if (this.targetIds.size >= TARGET_IDS_KEPT) this.targetIds.clear();
      this.targetIds.set(name, id);
    }
    return id;
  }

  /** Forgets the cue and target ids read or added: a rollback may have taken some away. */
  private forgetIds(): void {
    this.cueIds.clear();
    this.targetIds.clear();
  }

  /** `transaction` (immediate), forgetting the cue and target ids it may have added when it rolls back. */
  private forgettingIdsOnRollback<A extends unknown[], R>(
    transaction: Database.Transaction<(...args: A) => R>,
  ): { immediate: (...args: A) => R } {
    return {
      immediate: (...args: A) => {
        try {
          return transaction.immediate(...args);
        } catch (error) {
          this.forgetIds();
          throw error;
        }
      },
    };
  }

  /**
   * Adds the segments with ids above `lastId` to the search indexes, in the caller's
   * transaction (migration 007: one insert per batch, not a trigger per row).
   */
  private indexSegmentsAfter(lastId: number): void {
    this.stmt.indexSearch.run(lastId);
    this.stmt.indexWords.run(lastId);
  }

  async replaceAnalysis(
    articleId: number,
    analysis: ArticleAnalysis,
    runId: number,
  ): Promise<void> {
    const replace = this.forgettingIdsOnRollback(
      this.db.transaction(() => {
        const text = this.stmt.articleText.get(articleId) as string | undefined;
        if (text === undefined) throw new Error(`no article with id ${articleId}`);
        // Segments first: their speaker_id points at the speakers deleted next.
        this.stmt.deleteSegments.run(articleId);
        this.stmt.deleteSpeakers.run(articleId);
        const lastBefore = this.stmt.lastSegmentId.get() as number;
        this.insertAnalysisRows(articleId, text, analysis);
        this.indexSegmentsAfter(lastBefore);
        const sentences = analysis.segments.filter((s) => isScoredKind(s.kind)).length;
        const changed = this.stmt.updateArticleAnalysis.run(
          analysis.words,
          sentences,
          runId,
          articleId,
        );
        if (changed.changes !== 1) throw new Error(`no article with id ${articleId}`);
      }),
    );
    await retryWhileBusy(() => replace.immediate());
  }

  async articleTexts(
    storySlug?: string,
  ): Promise<{ id: number; title: string | null; text: string; codebook: string }[]> {
    const rows =
      storySlug === undefined
        ? this.stmt.allArticleTexts.all()
        : this.stmt.storyArticleTexts.all(storySlug);
    return rows as { id: number; title: string | null; text: string; codebook: string }[];
  }

  // A slug already taken by a different name (two names that slug alike only by
  // truncation or coincidence) gets a hashed variant instead of merging the two.
  private outletId(meta: OutletMeta): number {
    const existing = this.findNamed(this.stmt.outletBySlug, meta.name);
    if (existing.id !== undefined) return existing.id;
    return Number(
      this.stmt.insertOutlet.run({
        slug: existing.slug,
        name: meta.name,
        homepage: meta.homepage ?? null,
        country: meta.country ?? null,
        kind: meta.kind ?? null,
        isNameInferred: meta.isNameInferred ? 1 : 0,
        notes: meta.notes ?? null,
      }).lastInsertRowid,
    );
  }

  private storyId(meta: StoryMeta): number {
    const titleSource = meta.titleSource ?? 'name';
    const description = meta.description ?? null;
    // A story is found by the slug of the name its articles give it, whatever its title
    // became since (story_title, a title from headlines): names that slug alike are one
    // story ("Blinken in Beijing", "blinken-in-beijing").
    const slug = meta.slug ?? slugify(meta.key ?? meta.title);
    const existing = this.stmt.storyBySlug.get(slug) as { id: number } | undefined;
    if (existing) {
      if (meta.codebook !== undefined) this.stmt.setStoryCodebook.run(meta.codebook, slug);
      if (titleSource === 'metadata' || description !== null) {
        this.stmt.completeStory.run({
          id: existing.id,
          title: meta.title,
          titleSource,
          description,
        });
      }
      return existing.id;
    }
    return Number(
      this.stmt.insertStory.run({
        slug,
        title: meta.title,
        description,
        startDate: meta.startDate ?? null,
        endDate: meta.endDate ?? null,
        titleSource,
        codebook: meta.codebook ?? DEFAULT_CODEBOOK,
      }).lastInsertRowid,
    );
  }

  /** The row whose slug belongs to `name` (the same name up to case and punctuation), or the slug to create. */
  private findNamed(
    bySlug: Database.Statement,
    name: string,
    slug = slugify(name),
  ): { id?: number; slug: string } {
    // The hashed variant only when the plain slug is another name's.
    for (const hashed of [false, true]) {
      const candidate = hashed ? distinctSlug(name) : slug;
      const row = bySlug.get(candidate) as { id: number; name: string } | undefined;
      if (!row) return { slug: candidate };
      if (sameName(row.name, name) || row.name === candidate || name === candidate) {
        return { id: row.id, slug: candidate };
      }
    }
    throw new Error(`cannot find a free identifier for “${name}”`);
  }

  async findByText(text: string): Promise<number | null> {
    return (this.stmt.articleByHash.get(contentHash(text)) as number | undefined) ?? null;
  }

  async countArticles(): Promise<number> {
    return this.stmt.countArticles.get() as number;
  }

  /**
   * Every story with its outlets. Kept until the database changes: grouping the articles of
   * 37,000 by story and outlet cost 50–150 ms, and the home page and every concordance
   * request ask for it. Any write is seen: another connection's commit (ingest, the page
   * worker) changes PRAGMA data_version, this connection's own rows total_changes().
   */
  async listStories(): Promise<StorySummary[]> {
    const state = this.state();
    if (this.storiesRead?.state !== state) {
      this.storiesRead = { state, stories: this.readStories() };
    }
    return [...this.storiesRead.stories];
  }

  /**
   * Where the database stands: another connection's commit moves PRAGMA data_version, this
   * connection's own writes total_changes(). What is kept between requests is kept under it.
   */
  private state(): string {
    return `${this.db.pragma('data_version', { simple: true })}:${this.stmt.totalChanges.get()}`;
  }

  private readStories(): StorySummary[] {
    const outlets = new Map<number, OutletSummary[]>();
    for (const row of this.stmt.storyOutlets.all() as (OutletRow & { story_id: number })[]) {
      const list = outlets.get(row.story_id) ?? [];
      list.push(toOutlet(row));
      outlets.set(row.story_id, list);
    }
    return (this.stmt.stories.all() as StoryRow[]).map((row) =>
      toStory(row, outlets.get(row.id) ?? []),
    );
  }

  async storiesToTitle(): Promise<{ slug: string; headlines: string[] }[]> {
    return (this.stmt.storiesToTitle.all() as string[]).map((slug) => ({
      slug,
      headlines: (this.stmt.headlinesOfStory.all(slug) as (string | null)[]).filter(
        (h): h is string => h !== null,
      ),
    }));
  }

  async setHeadlineTitle(storySlug: string, title: string): Promise<void> {
    this.stmt.setHeadlineTitle.run(title, storySlug);
  }

  async codebookOfStory(name: string): Promise<string | null> {
    return (this.stmt.storyCodebook.get(slugify(name)) as string | undefined) ?? null;
  }

  async setStoryCodebook(storySlug: string, codebook: string): Promise<boolean> {
    return this.stmt.setStoryCodebook.run(codebook, storySlug).changes > 0;
  }

  async getStory(slug: string): Promise<StorySummary | null> {
    const row = this.stmt.storyBySlugFull.get(slug) as StoryRow | undefined;
    if (!row) return null;
    return toStory(row, (this.stmt.outletsOfStory.all(row.id) as OutletRow[]).map(toOutlet));
  }

  async listArticles(storySlug: string): Promise<ArticleSummary[]> {
    return (this.stmt.articlesOfStory.all(storySlug) as ArticleRow[]).map((row) =>
      this.articleSummary(row),
    );
  }

  private articleSummary(row: ArticleRow): ArticleSummary {
    return toArticleSummary(row, toOutlet(this.stmt.outlet.get(row.outlet_id) as OutletRow));
  }

  async getArticle(id: number): Promise<ArticleDetail | null> {
    const row = this.stmt.article.get(id) as ArticleRow | undefined;
    if (!row) return null;
    const story = await this.getStory(row.story_slug);
    const hits = new Map<number, StoredCueHit[]>();
    for (const h of this.stmt.cueHits.all(id) as CueHitRow[]) {
      const list = hits.get(h.segment_id) ?? [];
      list.push({
        lexicon: h.lexicon,
        entry: h.entry,
        category: h.category,
        start: h.start_offset,
        end: h.end_offset,
        weight: h.weight,
        negated: h.is_negated === 1,
      });
      hits.set(h.segment_id, list);
    }
    const segments = (this.stmt.segments.all(id) as SegmentRow[]).map((s): StoredSegment => ({
      id: s.id,
      position: s.position,
      paragraph: s.paragraph_index,
      sentence: s.sentence_index,
      kind: s.kind,
      text: s.own_text ?? row.text.slice(s.start_offset, s.end_offset),
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
    const speakers = (this.stmt.speakers.all(id) as SpeakerRow[]).map((s): StoredSpeaker => ({
      id: s.id,
      position: s.position,
      name: s.name,
      side: s.side,
      isAnonymous: s.is_anonymous === 1,
      role: s.role,
    }));
    return {
      ...this.articleSummary(row),
      text: row.text,
      source: row.source,
      addedAt: row.added_at,
      story: story as StorySummary,
      run: toRun(this.stmt.getRun.get(row.run_id) as RunRow),
      segments,
      speakers,
    };
  }

  async storyVersion(storySlug: string): Promise<string> {
    return `${storySlug}:${this.stmt.storyVersion.get(storySlug) as string}`;
  }

  async keptPage(task: string, version: string): Promise<Uint8Array | null> {
    return (this.stmt.keptPage.get(task, version) as Buffer | undefined) ?? null;
  }

  async keepPage(task: string, storySlug: string, version: string, value: Uint8Array) {
    await retryWhileBusy(() =>
      this.stmt.keepPage.run(task, storySlug, version, value, new Date().toISOString()),
    );
  }

  async storySentences(storySlug: string): Promise<StorySentence[]> {
    // Each article's text is read once and its sentences cut out when read: substr() in SQL
    // would read the whole article again for every sentence of a story of thousands.
    const columns = new SentenceColumns();
    const texts = new Map<number, number>();
    for (const a of this.stmt.storyArticleTexts.iterate(storySlug) as Iterable<{
      id: number;
      text: string;
    }>)
      texts.set(a.id, columns.addText(a.text));
    // Row by row, each row dropped once stored in the columns: all() held every row's
    // object at once (about 750 MB for 263,000 sentences).
    for (const row of this.stmt.storySentences.iterate(storySlug) as Iterable<StorySentenceRow>) {
      columns.add(row, texts.get(row.article_id) ?? -1, row.start_offset, row.end_offset);
    }
    return columns.sentences();
  }

  async storyFraming(storySlug: string): Promise<StoryFramingRows> {
    const framing = new FramingColumns();
    for (const t of this.stmt.storyTargets.iterate(storySlug) as Iterable<{
      segment_id: number;
      target: string;
      role: TargetRow['role'];
      tone: number;
      is_quoted: number;
    }>)
      framing.addTarget({
        segmentId: t.segment_id,
        target: t.target,
        role: t.role,
        tone: t.tone,
        isQuoted: t.is_quoted === 1,
      });
    for (const c of this.stmt.storyFramingCues.iterate(storySlug) as Iterable<{
      segment_id: number;
      lexicon: FramingCueRow['lexicon'];
      category: string;
    }>)
      framing.addCue({
        segmentId: c.segment_id,
        lexicon: c.lexicon,
        category: c.category,
      });
    return framing.rows();
  }

  async searchSentences(query: SentenceQuery): Promise<SearchResult> {
    return this.search.search(query);
  }

  async cueCategories(): Promise<{ lexicon: string; category: string }[]> {
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
    const row = this.stmt.outletBySlugFull.get(slug) as OutletRow | undefined;
    return row ? toOutlet(row) : null;
  }

  async listOutlets(): Promise<OutletSummary[]> {
    return (this.stmt.outlets.all() as OutletRow[]).map(toOutlet);
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

  async dataStamp(filter: ExportFilter): Promise<DataStamp> {
    return this.exports.stamp(filter);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

// The store: the one typed interface between Parallax and its database. Methods are async
// and the types mention no driver class, so a PostgreSQL store can stand in for the
// embedded SQLite one (db/sqlite-store.ts) without touching ingest, analysis or pages.

import type { ComparedSentence, Voice } from '../analysis/comparison/compare.js';
import type { StoryFramingRows } from '../analysis/comparison/framing.js';
import type { ArticleAnalysis } from '../analysis/types.js';
import type { ExpectationLabel } from '../analysis/vocabulary/expectation.js';
import type { QuoteKind } from '../analysis/vocabulary/quotes.js';
import type { SegmentKind } from '../analysis/vocabulary/segments.js';
import type { SpeakerSide, VoiceBucket } from '../analysis/vocabulary/sides.js';
import type {
  ArticleExportRow,
  CueHitExportRow,
  DataStamp,
  ExportFilter,
  SegmentExportRow,
  SpeakerExportRow,
} from './export-rows.js';

export interface RunInfo {
  analyzerVersion: string;
  lexiconHash: string;
  options: Record<string, unknown>;
}

export interface Run extends RunInfo {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  /** 'interrupted': stopped by a signal, or its process was found gone (migration 004). */
  status: 'running' | 'done' | 'failed' | 'interrupted';
}

export interface OutletMeta {
  name: string;
  homepage?: string | null;
  country?: string | null;
  kind?: string | null;
  isNameInferred?: boolean;
  notes?: string | null;
}

/** Where a story's title comes from (migration 003 explains each). */
export type StoryTitleSource = 'name' | 'metadata' | 'headlines';

export interface StoryMeta {
  /** Display title; when only a slug is known the slug doubles as title. */
  title: string;
  /**
   * The name the input gives the story (its `story` field) when the title differs from it:
   * articles find their story by this name, whatever its title became.
   */
  key?: string;
  /** 'metadata' when the title was given (story_title, a manifest); default 'name'. */
  titleSource?: 'name' | 'metadata';
  slug?: string;
  description?: string | null;
  /**
   * The codebook to analyse the story with (analysis/codebooks/<name>.json). Given, it is
   * the story's codebook from then on; absent, a new story gets the default (migration 009).
   */
  codebook?: string;
  startDate?: string | null;
  endDate?: string | null;
}

export interface NewArticle {
  story: StoryMeta;
  outlet: OutletMeta;
  title: string | null;
  url: string | null;
  author: string | null;
  publishedDate: string | null;
  text: string;
  source: string;
  analysis: ArticleAnalysis;
}

export type AddResult =
  | { status: 'added'; articleId: number; source: string }
  | { status: 'duplicate'; articleId: number; source: string }
  | { status: 'failed'; source: string; reason: string }
  /** Good input the database could not take (locked by other writers): run it again. */
  | { status: 'retryable'; source: string; reason: string };

export interface OutletSummary {
  id: number;
  slug: string;
  name: string;
  kind: string | null;
  country: string | null;
  homepage: string | null;
  isNameInferred: boolean;
  articleCount: number;
}

export interface StorySummary {
  id: number;
  slug: string;
  title: string;
  titleSource: StoryTitleSource;
  description: string | null;
  /** Its codebook's name: whose parties its sides are (migration 009). */
  codebook: string;
  startDate: string | null;
  endDate: string | null;
  articleCount: number;
  wordCount: number;
  /** Earliest and latest publication date of its articles (YYYY-MM-DD), if any has one. */
  firstArticleDate: string | null;
  lastArticleDate: string | null;
  /** One article's title, to recognise a story known only by its slug. */
  sampleHeadline: string | null;
  outlets: OutletSummary[];
}

export interface ArticleSummary {
  id: number;
  title: string | null;
  url: string | null;
  author: string | null;
  publishedDate: string | null;
  wordCount: number;
  sentenceCount: number;
  outlet: OutletSummary;
  storySlug: string;
  runId: number;
  /** The headline line as segmented (may differ from the metadata title), if any. */
  headline: string | null;
  /** The first body sentence. */
  lead: string | null;
}

export interface StoredSpeaker {
  id: number;
  position: number;
  name: string;
  side: SpeakerSide;
  isAnonymous: boolean;
  role: string | null;
}

export interface StoredCueHit {
  lexicon: string;
  entry: string;
  category: string;
  start: number;
  end: number;
  weight: number;
  negated: boolean;
}

export interface StoredSegment {
  id: number;
  position: number;
  paragraph: number;
  sentence: number;
  kind: SegmentKind;
  text: string;
  start: number;
  end: number;
  words: number;
  /** The combined tone (column tone_combined): the tone every page, chart and mean shows. */
  tone: number | null;
  toneAfinn: number | null;
  toneDiplomacy: number | null;
  expectation: ExpectationLabel | null;
  expectationMove: string | null;
  expectationScore: number | null;
  hedges: number;
  boosters: number;
  quote: QuoteKind | null;
  speakerId: number | null;
  cueHits: StoredCueHit[];
}

export interface ArticleDetail extends ArticleSummary {
  text: string;
  source: string | null;
  addedAt: string;
  story: StorySummary;
  run: Run;
  segments: StoredSegment[];
  speakers: StoredSpeaker[];
}

/** A scored sentence of a story, with what the comparison and the links need. */
export interface StorySentence extends ComparedSentence {
  segmentId: number;
  text: string;
  expectationMove: string | null;
  toneAfinn: number | null;
  toneDiplomacy: number | null;
}

/** One word or "quoted phrase" of a concordance query; `prefix` for a trailing *. */
export interface SearchTerm {
  text: string;
  prefix: boolean;
}

/**
 * What the concordance asks for: sentences containing every term (stemmed), narrowed by
 * filters that mean what the story comparison (analysis/comparison/compare.ts) means by them, so a
 * number on the dashboard and the sentences listed under the same filters agree.
 */
export interface SentenceQuery {
  /** Every term must occur; none = no text condition (filters only). */
  terms: SearchTerm[];
  story?: string;
  outlet?: string;
  /** Segment kinds to include; default headline and body (the scored ones). */
  kinds?: SegmentKind[];
  expectation?: ExpectationLabel;
  /** Voice bucket: the narrator (no quoted speaker) or a quoted speaker of this side. */
  side?: VoiceBucket;
  voice?: Voice;
  /** Quoted sentences credited to an unnamed source. */
  anonymous?: boolean;
  /** A quoted speaker's canonical name (case-insensitive, as the comparison groups them). */
  speaker?: string;
  /** Sentences about any of these targets (segment_target, not as the quoted speaker). */
  about?: string[];
  /** lead = headline + the article's first body paragraph; body = the rest. */
  part?: 'lead' | 'body';
  /**
   * Sentences with a cue hit of each of these lexicons, of the category unless null (an
   * issue is the lexicon 'issue' with the issue id as category).
   */
  cues?: { lexicon: string; category: string | null }[];
  offset: number;
  limit: number;
  /**
   * Keyset paging in stored order: only sentences stored after this segment id (a page's
   * `next`). Deep pages then cost what the first does; `offset` walks every row before it.
   */
  after?: number;
  /** Count matches up to this many (default SEARCH_COUNT_LIMIT); tests set a small one. */
  countLimit?: number;
  /**
   * Check the filters against at most this many sentences with the words per request
   * (default SEARCH_SCAN_LIMIT; SQLite only); tests set a small one.
   */
  scanLimit?: number;
}

/**
 * The concordance counts matches up to this many. A common word matches tens of thousands
 * of sentences of a large corpus; counting and sorting them all cost half a second.
 */
export const SEARCH_COUNT_LIMIT = 1000;

/**
 * With words and filters, the concordance checks the filters against at most this many of
 * the sentences that have the words, per request: "the" is in 1.1M sentences of the full
 * AllSides corpus, and with a rare filter (a small outlet) every one of them would be read
 * to fill a page. About 10 ms on that corpus, 20–40 ms under load (2026-12-06).
 */
export const SEARCH_SCAN_LIMIT = 10_000;

/**
 * One page of the concordance. Up to the count limit, `total` is exact and rows come in
 * story, outlet, article, position order; past it, `more` is true, `total` is the limit
 * (more than that many match) and rows come in the order they were stored (article by
 * article, each in position order), which needs no sort over every match.
 */
export interface SearchResult {
  total: number;
  more: boolean;
  rows: SearchRow[];
  /**
   * Counting stopped at the scan limit: only the first `scanned` sentences with the words
   * were checked against the filters, `total` of them match, so at least `total` match in
   * all. Rows then come in stored order, as past the count limit. Absent: not stopped.
   */
  scanned?: number;
  /**
   * In stored order, the `after` of the next page when it is not the last row's id: a page
   * that ended at the scan limit with fewer rows than asked for. Absent: the last row's id
   * if the page is full, else no next page.
   */
  next?: number;
}

/** One sentence found by the concordance (SearchResult says in which order). */
export interface SearchRow extends StorySentence {
  storySlug: string;
  storyTitle: string;
  outletName: string;
  articleTitle: string | null;
  /** Where the query's terms occur in `text`: [start, end) UTF-16 offsets; [] without terms. */
  matches: { start: number; end: number }[];
}

/** A story's fields a researcher can edit in the browser; its slug (its address) stays. */
export interface StoryEdit {
  title: string;
  description: string | null;
}

/** An outlet's editable fields; a new name gives the outlet the slug made from it. */
export interface OutletEdit {
  name: string;
  kind: string | null;
  country: string | null;
}

/** An article's editable metadata; it moves to another (existing) outlet or story by slug. */
export interface ArticleEdit {
  title: string | null;
  author: string | null;
  /** ISO date (YYYY-MM-DD) or date-time, as ingest stores it. */
  publishedDate: string | null;
  url: string | null;
  outletSlug: string;
  storySlug: string;
}

/** What deleting an article removed besides it: a story or outlet left with no article. */
export interface DeletedArticle {
  storySlug: string;
  outletSlug: string;
  removedStory: boolean;
  removedOutlet: boolean;
}

/**
 * An edit the database refuses for a reason the editor can fix (a new outlet name that
 * another outlet already has, a story or outlet that does not exist): nothing was changed.
 */
export class EditConflict extends Error {
  override readonly name = 'EditConflict';
}

export interface Store {
  /** Records the start of an analysis run; its id stamps every article it analyzes. */
  startRun(info: RunInfo): Promise<Run>;
  finishRun(runId: number, status: Exclude<Run['status'], 'running'>): Promise<void>;
  /**
   * Stores analyzed articles: each in its own transaction (all its rows or none), the batch
   * committed together. A failure in one article is reported and does not touch the others.
   */
  addArticles(articles: NewArticle[], runId: number): Promise<AddResult[]>;
  countArticles(): Promise<number>;
  /** The id of the stored article with this exact text (by content hash), if any. */
  findByText(text: string): Promise<number | null>;
  /** Ids and texts of the stored articles (of one story, or all), for re-analysis. */
  /** Stored texts to analyse again, each with its story's codebook. */
  articleTexts(
    storySlug?: string,
  ): Promise<{ id: number; title: string | null; text: string; codebook: string }[]>;
  /**
   * Replaces an article's analysis (segments, speakers, cue hits, counts, run) in one
   * transaction: afterwards it holds the new results whole, or, on failure, the old ones.
   */
  replaceAnalysis(articleId: number, analysis: ArticleAnalysis, runId: number): Promise<void>;
  listStories(): Promise<StorySummary[]>;
  /**
   * Stories known only by a slug-like name (or titled from headlines before), with their
   * articles' headlines (the title, else the segmented headline line), to be titled anew.
   */
  storiesToTitle(): Promise<{ slug: string; headlines: string[] }[]>;
  /** Titles a story from its headlines, unless it has a title from metadata meanwhile. */
  setHeadlineTitle(storySlug: string, title: string): Promise<void>;
  /** The codebook of the story its articles call `name`, or null before it exists. */
  codebookOfStory(name: string): Promise<string | null>;
  /** Assigns a codebook to a story; false when there is no such story. */
  setStoryCodebook(storySlug: string, codebook: string): Promise<boolean>;
  getStory(slug: string): Promise<StorySummary | null>;
  listArticles(storySlug: string): Promise<ArticleSummary[]>;
  getArticle(id: number): Promise<ArticleDetail | null>;
  /**
   * A token that changes whenever the story's stored data changes (articles added, removed,
   * edited or re-analyzed, its codebook changed): pages cache their expensive parts (charts, aligned facts) under it.
   */
  storyVersion(storySlug: string): Promise<string>;
  /**
   * A page computation kept in the database (migrations 010 and 012): the bytes kept for
   * exactly this task and version, else null. The store does not look inside them (they
   * are the value's JSON compressed by server/compute/kept-pages.ts).
   */
  keptPage(task: string, version: string): Promise<Uint8Array | null>;
  /** Keeps a page computation's bytes, replacing whatever was kept for the task before. */
  keepPage(task: string, storySlug: string, version: string, value: Uint8Array): Promise<void>;
  /** Every headline and body sentence of a story with its scores, in reading order. */
  storySentences(storySlug: string): Promise<StorySentence[]>;
  /**
   * What the framing panel needs beyond the sentences, for a story's scored sentences:
   * whom each is about (segment_target) and its loaded-language and speech-verb cue hits.
   */
  storyFraming(storySlug: string): Promise<StoryFramingRows>;
  /** The concordance: one page of matching sentences and how many match in all. */
  searchSentences(query: SentenceQuery): Promise<SearchResult>;
  /** Every (lexicon, category) pair with at least one cue hit, for the concordance's filters. */
  cueCategories(): Promise<{ lexicon: string; category: string }[]>;
  /**
   * The CSV exports' rows, streamed in a stable order (story, outlet, article, position) from
   * one consistent snapshot; memory stays flat however many rows there are.
   */
  exportArticles(filter: ExportFilter): AsyncIterable<ArticleExportRow>;
  exportSegments(filter: ExportFilter): AsyncIterable<SegmentExportRow>;
  exportCueHits(filter: ExportFilter): AsyncIterable<CueHitExportRow>;
  exportSpeakers(filter: ExportFilter): AsyncIterable<SpeakerExportRow>;
  /** One outlet by slug, with its article count (0 when it has none). */
  getOutlet(slug: string): Promise<OutletSummary | null>;
  /** Every outlet, by name. */
  listOutlets(): Promise<OutletSummary[]>;
  /** Changes a story's title and description; false when there is no such story. */
  updateStory(slug: string, edit: StoryEdit): Promise<boolean>;
  /**
   * Changes an outlet's name, kind and country. Returns its slug afterwards (the slug of the
   * new name), or null when there is no such outlet; throws EditConflict when another
   * outlet already has the new name's slug.
   */
  updateOutlet(slug: string, edit: OutletEdit): Promise<string | null>;
  /**
   * Changes an article's metadata and moves it to another outlet or story (both must
   * exist, else EditConflict); false when there is no such article. The text and its
   * analysis stay as they are.
   */
  updateArticle(id: number, edit: ArticleEdit): Promise<boolean>;
  /**
   * Deletes an article with its analysis, in one transaction, and its story and outlet
   * when it was their last article; null when there is no such article.
   */
  deleteArticle(id: number): Promise<DeletedArticle | null>;
  /** What the articles in scope were computed from: data hash and runs (db/export-rows.ts). */
  dataStamp(filter: ExportFilter): Promise<DataStamp>;
  close(): Promise<void>;
}

// The row shapes of the CSV exports as the store streams them: one row per article,
// segment, cue hit or speaker, with snake_case names that are the CSV's column names, and
// the data stamp that identifies what an export was computed from. Types only: the SQL is
// db/sqlite-export.ts, the CSV writing server/api/csv.ts.

/** Which rows an export covers; every field narrows it, none = the whole corpus. */
export interface ExportFilter {
  /** Story slug. */
  story?: string;
  /** Outlet slug. */
  outlet?: string;
  /** Article id. */
  article?: number;
}

/** The analysis run that produced a row's article. */
export interface RunColumns {
  run_id: number;
  analyzer_version: string;
  lexicon_hash: string;
}

export interface ArticleExportRow extends RunColumns {
  article_id: number;
  story_slug: string;
  story_title: string;
  outlet_slug: string;
  outlet_name: string;
  title: string | null;
  url: string | null;
  author: string | null;
  published_date: string | null;
  word_count: number;
  sentence_count: number;
  content_hash: string;
  source: string | null;
  added_at: string;
}

export interface SegmentExportRow extends RunColumns {
  segment_id: number;
  article_id: number;
  story_slug: string;
  outlet_slug: string;
  position: number;
  paragraph_index: number;
  sentence_index: number;
  kind: string;
  start_offset: number;
  end_offset: number;
  word_count: number;
  tone_combined: number | null;
  tone_afinn: number | null;
  tone_diplomacy: number | null;
  expectation: string | null;
  expectation_move: string | null;
  expectation_score: number | null;
  hedge_count: number;
  booster_count: number;
  quote_kind: string | null;
  speaker_id: number | null;
  speaker_name: string | null;
  speaker_side: string | null;
  speaker_is_anonymous: number | null;
  /** Issue ids named in the sentence, distinct, sorted, joined with "|". */
  issues: string;
  text: string;
}

export interface CueHitExportRow extends RunColumns {
  cue_hit_id: number;
  segment_id: number;
  article_id: number;
  story_slug: string;
  outlet_slug: string;
  lexicon: string;
  category: string;
  entry: string;
  /** The words of the text the cue matched (article.text between the offsets). */
  matched_text: string;
  start_offset: number;
  end_offset: number;
  weight: number;
  is_negated: number;
}

export interface SpeakerExportRow extends RunColumns {
  speaker_id: number;
  article_id: number;
  story_slug: string;
  outlet_slug: string;
  position: number;
  name: string;
  side: string;
  is_anonymous: number;
  role: string | null;
  /** Headline and body sentences credited to the speaker. */
  sentence_count: number;
}

/** One analysis run, as a stamp names it. */
export interface RunStamp {
  id: number;
  analyzerVersion: string;
  lexiconHash: string;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
}

/**
 * What an export or API answer was computed from. `dataHash` is a SHA-256 over the sorted
 * (article content hash, analyzer version, lexicon hash) triples of the articles in scope:
 * the same texts analysed by the same analyzer and lexicons give the same hash, in any
 * database and whatever the ingest order or run ids.
 */
export interface DataStamp {
  dataHash: string;
  articles: number;
  /** The runs that produced the articles in scope, by id. */
  runs: RunStamp[];
}

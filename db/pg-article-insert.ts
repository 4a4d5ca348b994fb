// An analyzed article's rows in one statement: the article, its speakers, segments, their
// targets and cue hits, each table filled from arrays (unnest) in a chain of data-modifying
// CTEs that pass the new ids along (segments find their speaker's id, targets and cue hits
// their segment's). One round trip per article instead of one per table: on a 2-core
// machine shared with the server, every round trip costs both processes a wake-up, and the
// queue worker measured 15 statements per article before (README, The ingest queue).
// The statement is prepared once per connection (a named statement), so the server parses
// and plans it once, not per article.
//
// Not here: finding or creating the story and outlet (pg-store.ts) and the duplicate
// check's fallback when the text is already stored (ON CONFLICT returns no row).

import type { ArticleAnalysis } from '../analysis/types.js';

/** The article row's values, in the order of ARTICLE_COLUMNS below. */
export interface ArticleValues {
  storyId: number;
  outletId: number;
  title: string | null;
  url: string | null;
  author: string | null;
  publishedDate: string | null;
  text: string;
  contentHash: string;
  words: number;
  sentences: number;
  source: string | null;
  runId: number;
}

// The analysis arrays are $1…$ANALYSIS_PARAMS; the article comes after them, so that the
// same chain serves a new article and the re-analysis of a stored one.
const ANALYSIS_PARAMS = 39;

// Every INSERT … SELECT orders by the input position: ids then follow the analysis's order,
// as the SQLite store's row-by-row inserts give them (pages and exports sort by id).
const ROWS_CHAIN = `
speakers AS (
  INSERT INTO speaker (article_id, position, name, side, is_anonymous, role)
  SELECT a.id, t.position, t.name, t.side, t.is_anonymous, t.role
  FROM target_article a,
    unnest($1::int[], $2::text[], $3::text[], $4::bool[], $5::text[])
      AS t(position, name, side, is_anonymous, role)
  ORDER BY t.position
  RETURNING id, position
),
segments AS (
  INSERT INTO segment (article_id, position, paragraph_index, sentence_index, kind, text,
    start_offset, end_offset, word_count, tone_afinn, tone_diplomacy, tone_combined,
    expectation, expectation_move, expectation_score, hedge_count, booster_count,
    quote_kind, speaker_id)
  SELECT a.id, t.position, t.paragraph_index, t.sentence_index, t.kind, t.text,
    t.start_offset, t.end_offset, t.word_count, t.tone_afinn, t.tone_diplomacy,
    t.tone_combined, t.expectation, t.expectation_move, t.expectation_score, t.hedge_count,
    t.booster_count, t.quote_kind, sp.id
  FROM target_article a
  CROSS JOIN unnest($6::int[], $7::int[], $8::int[], $9::text[], $10::text[], $11::int[],
      $12::int[], $13::int[], $14::float8[], $15::float8[], $16::float8[], $17::text[],
      $18::text[], $19::float8[], $20::int[], $21::int[], $22::text[], $23::int[])
    AS t(position, paragraph_index, sentence_index, kind, text, start_offset, end_offset,
      word_count, tone_afinn, tone_diplomacy, tone_combined, expectation, expectation_move,
      expectation_score, hedge_count, booster_count, quote_kind, speaker)
  LEFT JOIN speakers sp ON sp.position = t.speaker
  ORDER BY t.position
  RETURNING id, position
),
targets AS (
  INSERT INTO segment_target (segment_id, target, role, tone, weight, is_quoted,
    start_offset, end_offset)
  SELECT sg.id, t.target, t.role, t.tone, t.weight, t.is_quoted, t.start_offset, t.end_offset
  FROM unnest($24::int[], $25::text[], $26::text[], $27::float8[], $28::float8[], $29::bool[],
      $30::int[], $31::int[]) WITH ORDINALITY
    AS t(segment, target, role, tone, weight, is_quoted, start_offset, end_offset, n)
  JOIN segments sg ON sg.position = t.segment
  ORDER BY t.n
),
cue_hits AS (
  INSERT INTO cue_hit (segment_id, lexicon, entry, category, start_offset, end_offset,
    weight, is_negated)
  SELECT sg.id, t.lexicon, t.entry, t.category, t.start_offset, t.end_offset, t.weight,
    t.is_negated
  FROM unnest($32::int[], $33::text[], $34::text[], $35::text[], $36::int[], $37::int[],
      $38::float8[], $39::bool[]) WITH ORDINALITY
    AS t(segment, lexicon, entry, category, start_offset, end_offset, weight, is_negated, n)
  JOIN segments sg ON sg.position = t.segment
  ORDER BY t.n
)`;

/**
 * A new article and all its rows. Returns the article's id, or no row when its text is
 * stored already (content_hash is unique; a concurrent insert of the same text waits for
 * the other transaction, then finds the conflict): then nothing else is inserted either.
 */
export const INSERT_ARTICLE = {
  name: 'parallax_insert_article',
  text: `WITH target_article AS (
  INSERT INTO article (story_id, outlet_id, title, url, author, published_date, text,
    content_hash, word_count, sentence_count, source, run_id, added_at)
  VALUES ($40, $41, $42, $43, $44, $45, $46, $47, $48, $49, $50, $51, now())
  ON CONFLICT (content_hash) DO NOTHING RETURNING id
),${ROWS_CHAIN}
SELECT id FROM target_article`,
};

/** The rows of a new analysis for a stored article (whose old rows the caller deleted). */
export const INSERT_ANALYSIS_ROWS = {
  name: 'parallax_insert_analysis_rows',
  text: `WITH target_article AS (SELECT $40::bigint AS id),${ROWS_CHAIN}
SELECT id FROM target_article`,
};

/** The parameters of INSERT_ARTICLE. */
export function articleParams(article: ArticleValues, analysis: ArticleAnalysis): unknown[] {
  return [
    ...analysisParams(analysis),
    article.storyId,
    article.outletId,
    article.title,
    article.url,
    article.author,
    article.publishedDate,
    article.text,
    article.contentHash,
    article.words,
    article.sentences,
    article.source,
    article.runId,
  ];
}

/** The parameters of INSERT_ANALYSIS_ROWS. */
export function analysisRowsParams(articleId: number, analysis: ArticleAnalysis): unknown[] {
  return [...analysisParams(analysis), articleId];
}

/** $1…$39: the speakers', segments', targets' and cue hits' columns as arrays. */
function analysisParams(analysis: ArticleAnalysis): unknown[] {
  const { speakers, segments, cueHits } = analysis;
  const segmentCount = segments.length;
  for (const hit of cueHits) {
    if (hit.segment < 0 || hit.segment >= segmentCount || !Number.isInteger(hit.segment))
      throw new Error(`cue hit points at missing segment ${hit.segment}`);
  }
  const targets = segments.flatMap((s, position) => s.targets.map((t) => ({ ...t, position })));
  const params = [
    speakers.map((_, i) => i),
    speakers.map((s) => s.name),
    speakers.map((s) => s.side),
    speakers.map((s) => s.anonymous),
    speakers.map((s) => s.role),

    segments.map((_, i) => i),
    segments.map((s) => s.paragraph),
    segments.map((s) => s.sentence),
    segments.map((s) => s.kind),
    segments.map((s) => s.text),
    segments.map((s) => s.start),
    segments.map((s) => s.end),
    segments.map((s) => s.words),
    segments.map((s) => s.tone?.afinn ?? null),
    segments.map((s) => s.tone?.diplomacy ?? null),
    segments.map((s) => s.tone?.combined ?? null),
    segments.map((s) => s.expectation?.label ?? null),
    segments.map((s) => s.expectation?.move ?? null),
    segments.map((s) => s.expectation?.score ?? null),
    segments.map((s) => s.hedges),
    segments.map((s) => s.boosters),
    segments.map((s) => s.quote),
    segments.map((s) => s.speaker),

    targets.map((t) => t.position),
    targets.map((t) => analysis.targets[t.target] ?? ''),
    targets.map((t) => t.role),
    targets.map((t) => t.tone),
    targets.map((t) => t.weight),
    targets.map((t) => t.quoted),
    targets.map((t) => t.start),
    targets.map((t) => t.end),

    cueHits.map((h) => h.segment),
    cueHits.map((h) => h.lexicon),
    cueHits.map((h) => h.entry),
    cueHits.map((h) => h.category),
    cueHits.map((h) => h.start),
    cueHits.map((h) => h.end),
    cueHits.map((h) => h.weight),
    cueHits.map((h) => h.negated),
  ];
  if (params.length !== ANALYSIS_PARAMS) throw new Error('analysis parameters out of step');
  return params;
}

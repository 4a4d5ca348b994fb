// The CSV exports, shared by /export/<what>.csv and `npm run export`: which exports exist,
// their columns in a fixed order, where their rows come from, and how they are written
// (RFC 4180 with CRLF record ends, UTF-8 without byte-order mark, a header row, text cells
// that a spreadsheet would run as a formula prefixed with an apostrophe; numbers stay
// numbers, negative ones included). Rows stream from the store: memory stays flat.
// Every row ends with the run stamp: run_id, analyzer_version, lexicon_hash, data_hash.

import { Readable } from 'node:stream';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Part } from '../../analysis/comparison/compare.js';
import type { DataStamp, ExportFilter, RunColumns } from '../../db/export-rows.js';
import type { Store, StorySummary } from '../../db/store.js';
import { storyCodebook } from '../sides.js';
import { factsJson, prepareFacts, type PreparedFacts } from '../pages/facts.js';
import { storyFigures, storyFramingFigures } from './figures.js';
import { storyWords, type StoryWords } from '../panels/words.js';
import type { FramingFigures, OutletFigures } from './figures.js';
import { EXPECTATION_DIRECTIONS } from '../../analysis/vocabulary/expectation.js';
import type { ExportName } from './export-names.js';

export { EXPORTS, type ExportName } from './export-names.js';

const STAMP_COLUMNS = ['run_id', 'analyzer_version', 'lexicon_hash', 'data_hash'] as const;

/** Column order of each export; the README documents them in this order. */
export const COLUMNS: Record<ExportName, readonly string[]> = {
  articles: [
    'article_id',
    'story_slug',
    'story_title',
    'outlet_slug',
    'outlet_name',
    'title',
    'url',
    'author',
    'published_date',
    'word_count',
    'sentence_count',
    'content_hash',
    'source',
    'added_at',
    ...STAMP_COLUMNS,
  ],
  segments: [
    'segment_id',
    'article_id',
    'story_slug',
    'outlet_slug',
    'position',
    'paragraph_index',
    'sentence_index',
    'kind',
    'start_offset',
    'end_offset',
    'word_count',
    'tone_combined',
    'tone_afinn',
    'tone_diplomacy',
    'expectation',
    'expectation_move',
    'expectation_score',
    'hedge_count',
    'booster_count',
    'quote_kind',
    'speaker_id',
    'speaker_name',
    'speaker_side',
    'speaker_is_anonymous',
    'issues',
    'text',
    ...STAMP_COLUMNS,
  ],
  cue_hits: [
    'cue_hit_id',
    'segment_id',
    'article_id',
    'story_slug',
    'outlet_slug',
    'lexicon',
    'category',
    'entry',
    'matched_text',
    'start_offset',
    'end_offset',
    'weight',
    'is_negated',
    ...STAMP_COLUMNS,
  ],
  speakers: [
    'speaker_id',
    'article_id',
    'story_slug',
    'outlet_slug',
    'position',
    'name',
    'side',
    'is_anonymous',
    'role',
    'sentence_count',
    ...STAMP_COLUMNS,
  ],
  summary: [
    'story_slug',
    'outlet_slug',
    'outlet_name',
    'part',
    'article_count',
    'sentence_count',
    'word_count',
    'tone_mean',
    'tone_low',
    'tone_high',
    'tone_method',
    'tone_q1',
    'tone_median',
    'tone_q3',
    'tone_narrator_mean',
    'tone_quoted_mean',
    ...EXPECTATION_DIRECTIONS.flatMap((label) => [
      `${label}_count`,
      `${label}_per_1000`,
      `${label}_own_per_1000`,
      `${label}_quoted_per_1000`,
    ]),
    'hedge_count',
    'hedges_per_1000',
    'booster_count',
    'boosters_per_1000',
    'share_narrator',
    'share_us_gov',
    'share_china_gov',
    'share_analyst',
    'share_other',
    'share_quoted',
    'anonymous_count',
    'share_anonymous',
    ...STAMP_COLUMNS,
  ],
  summary_parties: [
    'story_slug',
    'outlet_slug',
    'outlet_name',
    'part',
    'codebook',
    'party',
    'party_name',
    'toward_sentence_count',
    'toward_article_count',
    'toward_tone_mean',
    'toward_tone_low',
    'toward_tone_high',
    'toward_tone_method',
    'voice_sentence_count',
    'voice_share',
    'distancing_verb_count',
    'neutral_verb_count',
    'distancing_share',
    ...STAMP_COLUMNS,
  ],
  facts: [
    'story_slug',
    'fact_number',
    'fact_outlet_count',
    'fact_cohesion',
    'fact_terms',
    'missing_outlets',
    'segment_id',
    'article_id',
    'outlet_slug',
    'position',
    'kind',
    'similarity',
    'tone_combined',
    'expectation',
    'quote_kind',
    'speaker_name',
    'speaker_side',
    'issues',
    'text',
    ...STAMP_COLUMNS,
  ],
  terms: [
    'story_slug',
    'outlet_slug',
    'outlet_name',
    'part',
    'rank',
    'word',
    'stem',
    'count',
    'other_count',
    'outlet_term_count',
    'story_term_count',
    'log_odds',
    'z',
    ...STAMP_COLUMNS,
  ],
};

export interface ExportRequest extends ExportFilter {
  /** Part of the articles for the summaries (default all). */
  part?: Part;
}

/** The per-outlet figures are computed for one part of the articles; the rest are rows as stored. */
export function takesPart(what: ExportName): boolean {
  return what === 'summary' || what === 'summary_parties' || what === 'terms';
}

type Cell = string | number | null;
type CsvRow = Record<string, Cell>;

function stampOf(run: RunColumns, stamp: DataStamp): CsvRow {
  return {
    run_id: run.run_id,
    analyzer_version: run.analyzer_version,
    lexicon_hash: run.lexicon_hash,
    data_hash: stamp.dataHash,
  };
}

async function* withStamp<T extends RunColumns>(
  rows: AsyncIterable<T>,
  stamp: DataStamp,
): AsyncGenerator<CsvRow> {
  for await (const row of rows) yield { ...row, ...stampOf(row, stamp) } as unknown as CsvRow;
}

/** The stories an export walks: the one asked for, else every story (with the outlet, if any). */
async function storiesInScope(store: Store, request: ExportRequest): Promise<StorySummary[]> {
  if (request.story !== undefined) {
    const story = await store.getStory(request.story);
    return story ? [story] : [];
  }
  const stories = await store.listStories();
  return stories
    .filter((s) => request.outlet === undefined || s.outlets.some((o) => o.slug === request.outlet))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** The run of each article of a story, as stamp columns. */
async function articleRuns(
  store: Store,
  slug: string,
  stamp: DataStamp,
): Promise<Map<number, RunColumns>> {
  const runs = new Map(stamp.runs.map((r) => [r.id, r]));
  const result = new Map<number, RunColumns>();
  for (const article of await store.listArticles(slug)) {
    const run = runs.get(article.runId);
    if (run) {
      result.set(article.id, {
        run_id: run.id,
        analyzer_version: run.analyzerVersion,
        lexicon_hash: run.lexiconHash,
      });
    }
  }
  return result;
}

/**
 * The latest run behind each outlet's articles of a story: an outlet's articles may come
 * from several runs, and a summary row names the latest.
 */
async function outletRuns(
  store: Store,
  slug: string,
  stamp: DataStamp,
): Promise<Map<string, RunColumns>> {
  const runs = await articleRuns(store, slug, stamp);
  const latest = new Map<string, RunColumns>();
  for (const article of await store.listArticles(slug)) {
    const run = runs.get(article.id);
    const known = latest.get(article.outlet.slug);
    if (run && (!known || run.run_id > known.run_id)) latest.set(article.outlet.slug, run);
  }
  return latest;
}

async function* summaryRows(
  store: Store,
  request: ExportRequest,
  stamp: DataStamp,
  computations: StoryComputations,
): AsyncGenerator<CsvRow> {
  const part = request.part ?? 'all';
  for (const story of await storiesInScope(store, request)) {
    const runs = await outletRuns(store, story.slug, stamp);
    const figures = await computations.figures(story, part);
    for (const f of figures) {
      if (request.outlet !== undefined && f.outlet !== request.outlet) continue;
      const latest = runs.get(f.outlet);
      if (!latest) continue;
      const e = f.expectation;
      const rates = Object.fromEntries(
        EXPECTATION_DIRECTIONS.flatMap((label) => [
          [`${label}_count`, e[label].count],
          [`${label}_per_1000`, e[label].per1000],
          [`${label}_own_per_1000`, e[label].byVoice.narrator.per1000],
          [`${label}_quoted_per_1000`, e[label].byVoice.quoted.per1000],
        ]),
      );
      yield {
        story_slug: story.slug,
        outlet_slug: f.outlet,
        outlet_name: f.name,
        part,
        article_count: f.articles,
        sentence_count: f.sentences,
        word_count: f.words,
        tone_mean: f.tone?.mean ?? null,
        tone_low: f.tone?.interval?.low ?? null,
        tone_high: f.tone?.interval?.high ?? null,
        tone_method: f.tone?.method ?? null,
        tone_q1: f.toneSpread?.q1 ?? null,
        tone_median: f.toneSpread?.median ?? null,
        tone_q3: f.toneSpread?.q3 ?? null,
        tone_narrator_mean: f.toneByVoice.narrator?.mean ?? null,
        tone_quoted_mean: f.toneByVoice.quoted?.mean ?? null,
        ...rates,
        hedge_count: f.hedges.count,
        hedges_per_1000: f.hedges.per1000,
        booster_count: f.boosters.count,
        boosters_per_1000: f.boosters.per1000,
        // A party the story's codebook does not have is left empty (the JSON API's voices
        // hold every party of the story's codebook).
        share_narrator: f.voices.narrator?.share ?? null,
        share_us_gov: f.voices.us_gov?.share ?? null,
        share_china_gov: f.voices.china_gov?.share ?? null,
        share_analyst: f.voices.analyst?.share ?? null,
        share_other: f.voices.other?.share ?? null,
        share_quoted: f.quotedShare,
        anonymous_count: f.anonymous.count,
        share_anonymous: f.anonymous.share,
        ...stampOf(latest, stamp),
      };
    }
  }
}

/**
 * One row per story, outlet and party of the story's codebook (long, so a US–North Korea
 * story and a US–China story share columns): tone toward the party with its interval and
 * n, the party's quoted voice, and the speech verbs introducing its quotes.
 */
async function* summaryPartyRows(
  store: Store,
  request: ExportRequest,
  stamp: DataStamp,
  computations: StoryComputations,
): AsyncGenerator<CsvRow> {
  const part = request.part ?? 'all';
  for (const story of await storiesInScope(store, request)) {
    const runs = await outletRuns(store, story.slug, stamp);
    const { figures: outlets, framing } = await computations.framing(story, part);
    const figures = new Map(outlets.map((f) => [f.outlet, f]));
    for (const f of framing) {
      if (request.outlet !== undefined && f.outlet !== request.outlet) continue;
      const latest = runs.get(f.outlet);
      const outlet = figures.get(f.outlet);
      if (!latest || !outlet) continue;
      for (const toward of f.toward) {
        const voice = outlet.voices[toward.party];
        const verbs = f.speechVerbs.find((v) => v.side === toward.party);
        yield {
          story_slug: story.slug,
          outlet_slug: f.outlet,
          outlet_name: outlet.name,
          part,
          codebook: storyCodebook(story).name,
          party: toward.party,
          party_name: toward.name,
          toward_sentence_count: toward.sentences,
          toward_article_count: toward.tone?.articles ?? 0,
          toward_tone_mean: toward.tone?.mean ?? null,
          toward_tone_low: toward.tone?.interval?.low ?? null,
          toward_tone_high: toward.tone?.interval?.high ?? null,
          toward_tone_method: toward.tone?.method ?? null,
          voice_sentence_count: voice?.count ?? 0,
          voice_share: outlet.sentences > 0 ? (voice?.share ?? 0) : null,
          distancing_verb_count: verbs?.distancing ?? 0,
          neutral_verb_count: verbs?.neutral ?? 0,
          distancing_share: verbs?.distancingShare ?? null,
          ...stampOf(latest, stamp),
        };
      }
    }
  }
}

async function* factRows(
  store: Store,
  request: ExportRequest,
  stamp: DataStamp,
  computations: StoryComputations,
): AsyncGenerator<CsvRow> {
  for (const story of await storiesInScope(store, request)) {
    const runs = await articleRuns(store, story.slug, stamp);
    const prepared = await computations.facts(story);
    const facts = factsJson(story, prepared, { min: 2, outlet: request.outlet }).facts;
    for (const fact of facts) {
      for (const m of fact.members) {
        const run = runs.get(m.articleId);
        if (!run) continue;
        yield {
          story_slug: story.slug,
          fact_number: fact.number,
          fact_outlet_count: fact.outlets.length,
          fact_cohesion: fact.cohesion,
          fact_terms: fact.terms.join('|'),
          missing_outlets: fact.missing.join('|'),
          segment_id: m.segmentId,
          article_id: m.articleId,
          outlet_slug: m.outlet,
          position: m.position,
          kind: m.kind,
          similarity: m.similarity,
          tone_combined: m.tone,
          expectation: m.expectation,
          quote_kind: m.quote,
          speaker_name: m.speaker,
          speaker_side: m.side,
          issues: [...m.issues].sort().join('|'),
          text: m.text,
          ...stampOf(run, stamp),
        };
      }
    }
  }
}

/**
 * One row per story, outlet and distinctive word, in the page's order (highest z first):
 * the words the story page lists for each outlet (server/panels/words.ts), every outlet its
 * own row as on its "every outlet" page, with the counts behind each statistic.
 */
async function* termRows(
  store: Store,
  request: ExportRequest,
  stamp: DataStamp,
  computations: StoryComputations,
): AsyncGenerator<CsvRow> {
  const part = request.part ?? 'all';
  for (const story of await storiesInScope(store, request)) {
    const runs = await outletRuns(store, story.slug, stamp);
    const names = new Map(story.outlets.map((o) => [o.slug, o.name]));
    const words = await computations.words(story, part);
    for (const outlet of words.outlets) {
      if (request.outlet !== undefined && outlet.outlet !== request.outlet) continue;
      const latest = runs.get(outlet.outlet);
      if (!latest) continue;
      for (const [index, term] of outlet.terms.entries()) {
        yield {
          story_slug: story.slug,
          outlet_slug: outlet.outlet,
          outlet_name: names.get(outlet.outlet) ?? outlet.outlet,
          part,
          rank: index + 1,
          word: term.word,
          stem: term.stem,
          count: term.count,
          other_count: term.otherCount,
          outlet_term_count: outlet.tokens,
          story_term_count: words.tokens,
          log_odds: term.delta,
          z: term.z,
          ...stampOf(latest, stamp),
        };
      }
    }
  }
}

/**
 * Where the summary and facts exports get a story's computed figures: computed here by
 * default (the export and report commands); the server passes its worker thread's
 * (server/compute/page-jobs.ts), so a download never computes on the request thread.
 */
export interface StoryComputations {
  figures(story: StorySummary, part: Part): Promise<OutletFigures[]>;
  /** Each outlet's figures with its framing toward the codebook's parties (api/figures.ts). */
  framing(
    story: StorySummary,
    part: Part,
  ): Promise<{ figures: OutletFigures[]; framing: FramingFigures[] }>;
  facts(story: StorySummary): Promise<PreparedFacts>;
  /** Every outlet's distinctive words in one part (panels/words.ts). */
  words(story: StorySummary, part: Part): Promise<StoryWords>;
}

export function inlineComputations(store: Store): StoryComputations {
  return {
    figures: async (story, part) =>
      storyFigures(story, await store.storySentences(story.slug), part),
    framing: async (story, part) => {
      const sentences = await store.storySentences(story.slug);
      const rows = await store.storyFraming(story.slug);
      return {
        figures: storyFigures(story, sentences, part),
        framing: storyFramingFigures(story, sentences, rows, part),
      };
    },
    facts: async (story) => prepareFacts(await store.storySentences(story.slug)),
    words: async (story, part) => storyWords(await store.storySentences(story.slug), part),
  };
}

export async function exportRows(
  store: Store,
  what: ExportName,
  request: ExportRequest,
  computations: StoryComputations = inlineComputations(store),
): Promise<AsyncIterable<CsvRow>> {
  const filter: ExportFilter = {
    story: request.story,
    outlet: request.outlet,
    article: request.article,
  };
  const stamp = await store.dataStamp(filter);
  switch (what) {
    case 'articles':
      return withStamp(store.exportArticles(filter), stamp);
    case 'segments':
      return withStamp(store.exportSegments(filter), stamp);
    case 'cue_hits':
      return withStamp(store.exportCueHits(filter), stamp);
    case 'speakers':
      return withStamp(store.exportSpeakers(filter), stamp);
    case 'summary':
      return summaryRows(store, request, stamp, computations);
    case 'summary_parties':
      return summaryPartyRows(store, request, stamp, computations);
    case 'facts':
      return factRows(store, request, stamp, computations);
    case 'terms':
      return termRows(store, request, stamp, computations);
  }
}

/** Writes rows as CSV to `out` (ends it); resolves when everything is written. */
export async function writeCsv(
  what: ExportName,
  rows: AsyncIterable<CsvRow>,
  out: Writable,
): Promise<void> {
  const stringifier = stringify({
    header: true,
    columns: [...COLUMNS[what]],
    record_delimiter: '\r\n',
    escape_formulas: true,
    // Floats as JavaScript writes them: shortest round-trip form, no locale.
    cast: { number: (value) => String(value) },
  });
  await pipeline(Readable.from(rows), stringifier, out);
}

/** A file name for an export and its filters: `segments-<story>-<outlet>.csv`. */
export function exportFileName(what: ExportName, request: ExportRequest): string {
  const parts = [
    what,
    request.story,
    request.outlet,
    request.article === undefined ? undefined : `article-${request.article}`,
    request.part && request.part !== 'all' && takesPart(what) ? request.part : undefined,
  ].filter((p): p is string => p !== undefined);
  return `${parts.join('-')}.csv`;
}

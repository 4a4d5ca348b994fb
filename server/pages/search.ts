// View model of the concordance (/search) and the shape of its JSON (/api/search): each
// found sentence as a keyword-in-context line (left context | match | right context) with
// its outlet, badges and link to the sentence in the article; the filter form with the
// current choices; the active filters, each removable; and the pager. It decides nothing
// about what matches (the store does) and prints nothing (views/search.hbs does).

import type { SearchResult, SearchRow, StorySummary } from '../../db/store.js';
import type { LayoutModel } from '../render.js';
import { EXPECTATION, EXPECTATION_LABELS } from '../../analysis/vocabulary/expectation.js';
import { nameOf, type LabelInfo } from '../../analysis/vocabulary/label.js';
import { SEGMENT_KIND, SEGMENT_KINDS } from '../../analysis/vocabulary/segments.js';
import { sideInfo } from '../../analysis/vocabulary/sides.js';
import { storySides } from '../sides.js';
import { searchHref, sentenceView } from './sentence.js';
import type { SentenceView } from './sentence.js';
import { plural } from '../plural.js';
import { PAGE_SIZE } from '../search-params.js';
import type { SearchFilters, SearchRequest } from '../search-params.js';

export interface MatchPiece {
  text: string;
  mark: boolean;
}

export interface ConcordanceLine extends SentenceView {
  kindLabel: string | null;
  storyTitle: string;
  /** The whole sentence, for the row's tooltip. */
  title: string;
  left: MatchPiece[];
  match: MatchPiece[];
  right: MatchPiece[];
  /** Without a text query the sentence is shown whole, with no keyword column. */
  whole: MatchPiece[];
}

export interface Option {
  value: string;
  label: string;
  selected: boolean;
}

export interface SearchPage extends LayoutModel {
  q: string;
  /** Why nothing could be searched (bad parameters, a query with no words). */
  message: string | null;
  summary: string | null;
  note: string | null;
  isKwic: boolean;
  showStory: boolean;
  form: {
    stories: Option[];
    outlets: Option[];
    kinds: Option[];
    expectations: Option[];
    sides: Option[];
    voices: Option[];
    parts: Option[];
    issues: Option[];
    cues: { label: string; options: Option[] }[];
    speaker: string;
    anonymous: boolean;
  };
  active: { label: string; removeHref: string }[];
  lines: ConcordanceLine[];
  pager: {
    prev: string | null;
    next: string | null;
    pages: { label: string; href: string; isCurrent: boolean }[];
  } | null;
  jsonHref: string;
}

export interface SearchContext {
  stories: StorySummary[];
  cueCategories: { lexicon: string; category: string }[];
}

const LEFT_CHARS = 90;
const RIGHT_CHARS = 150;

/** Cuts a sentence around its first match into left context, match and right context. */
export function kwic(
  text: string,
  matches: readonly { start: number; end: number }[],
): Pick<ConcordanceLine, 'left' | 'match' | 'right'> {
  const first = matches[0];
  if (!first) return { left: [], match: [], right: pieces(text, matches, 0, text.length) };
  let from = Math.max(0, first.start - LEFT_CHARS);
  if (from > 0) from = nextWordStart(text, from, first.start);
  let to = Math.min(text.length, first.end + RIGHT_CHARS);
  if (to < text.length) to = previousWordEnd(text, to, first.end);
  const left = pieces(text, matches, from, first.start);
  const right = pieces(text, matches, first.end, to);
  if (from > 0) left.unshift({ text: '…', mark: false });
  if (to < text.length) right.push({ text: '…', mark: false });
  return { left, match: [{ text: text.slice(first.start, first.end), mark: true }], right };
}

function nextWordStart(text: string, at: number, limit: number): number {
  const space = text.slice(at, limit).search(/\s/);
  return space < 0 ? at : at + space + 1;
}

function previousWordEnd(text: string, at: number, limit: number): number {
  const space = text.slice(limit, at).search(/\s\S*$/);
  return space < 0 ? at : limit + space;
}

/** The text between from and to as plain and marked pieces. */
export function pieces(
  text: string,
  matches: readonly { start: number; end: number }[],
  from: number,
  to: number,
): MatchPiece[] {
  const out: MatchPiece[] = [];
  let at = from;
  for (const m of matches) {
    const start = Math.max(m.start, at);
    const end = Math.min(m.end, to);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < to) out.push({ text: text.slice(at, to), mark: false });
  return out;
}

function line(
  row: SearchRow,
  names: ReadonlyMap<string, string>,
  isKwic: boolean,
): ConcordanceLine {
  const parts = isKwic ? kwic(row.text, row.matches) : { left: [], match: [], right: [] };
  return {
    ...sentenceView(row, names),
    kindLabel: row.kind === 'body' ? null : nameOf(SEGMENT_KIND, row.kind),
    storyTitle: row.storyTitle,
    title: row.text,
    ...parts,
    whole: isKwic ? [] : pieces(row.text, row.matches, 0, row.text.length),
  };
}

function options(
  values: readonly string[],
  labels: Record<string, string>,
  selected: string | undefined,
): Option[] {
  return values.map((value) => ({
    value,
    label: labels[value] ?? value,
    selected: value === selected,
  }));
}

/** Display names of a vocabulary table, for options(). */
function names(table: Readonly<Record<string, LabelInfo>>): Record<string, string> {
  return Object.fromEntries(Object.entries(table).map(([value, info]) => [value, info.name]));
}

function formOf(request: SearchRequest | null, context: SearchContext): SearchPage['form'] {
  const f = request?.filters ?? {};
  const sides = storySides(context.stories);
  const outletNames = new Map<string, string>();
  for (const story of context.stories)
    for (const o of story.outlets) outletNames.set(o.slug, o.name);
  const issues = context.cueCategories.filter((c) => c.lexicon === 'issue').map((c) => c.category);
  const lexicons = [...new Set(context.cueCategories.map((c) => c.lexicon))].filter(
    (l) => l !== 'issue',
  );
  const cue = f.cue?.[0];
  return {
    stories: context.stories.map((s) => ({
      value: s.slug,
      label: s.title,
      selected: s.slug === f.story,
    })),
    outlets: [...outletNames]
      .sort((a, b) => a[1].localeCompare(b[1]))
      .map(([value, label]) => ({ value, label, selected: value === f.outlet })),
    kinds: options(
      SEGMENT_KINDS,
      names(SEGMENT_KIND),
      f.kind?.length === 1 ? f.kind[0] : undefined,
    ),
    expectations: options(EXPECTATION_LABELS, names(EXPECTATION), f.expectation),
    sides: options(sides.buckets, names(sides.info), f.side),
    voices: options(['narrator', 'quoted'], { narrator: 'Narrator', quoted: 'Quoted' }, f.voice),
    parts: options(
      ['lead', 'body'],
      { lead: 'Headline + lead paragraph', body: 'Rest of the body' },
      f.part,
    ),
    issues: options(issues, {}, f.issue),
    cues: lexicons.map((lexicon) => ({
      label: lexicon,
      options: [
        {
          value: `${lexicon}:*`,
          label: `${lexicon}: any`,
          selected: cue === `${lexicon}:*` || cue === lexicon,
        },
        ...context.cueCategories
          .filter((c) => c.lexicon === lexicon)
          .map((c) => ({
            value: `${lexicon}:${c.category}`,
            label: `${lexicon}: ${c.category}`,
            selected: cue === `${lexicon}:${c.category}`,
          })),
      ],
    })),
    speaker: f.speaker ?? '',
    anonymous: f.anonymous === true,
  };
}

function activeFilters(
  request: SearchRequest,
  outletNames: ReadonlyMap<string, string>,
  stories: StorySummary[],
): SearchPage['active'] {
  const f = request.filters;
  const without = (key: keyof SearchFilters, value?: string) => {
    const rest: SearchFilters = { ...f };
    if (value !== undefined && key === 'cue') rest.cue = f.cue?.filter((c) => c !== value);
    else if (value !== undefined && key === 'kind') rest.kind = f.kind?.filter((k) => k !== value);
    else delete rest[key];
    return searchHref(request.q, rest);
  };
  const out: SearchPage['active'] = [];
  if (f.story)
    out.push({
      label: `story: ${stories.find((s) => s.slug === f.story)?.title ?? f.story}`,
      removeHref: without('story'),
    });
  if (f.outlet)
    out.push({
      label: `outlet: ${outletNames.get(f.outlet) ?? f.outlet}`,
      removeHref: without('outlet'),
    });
  for (const k of f.kind ?? [])
    out.push({ label: `kind: ${nameOf(SEGMENT_KIND, k)}`, removeHref: without('kind', k) });
  if (f.expectation)
    out.push({
      label: `expectation: ${nameOf(EXPECTATION, f.expectation)}`,
      removeHref: without('expectation'),
    });
  if (f.side)
    out.push({
      label: `voice of: ${sideInfo(storySides(stories), f.side).name}`,
      removeHref: without('side'),
    });
  if (f.voice) out.push({ label: `voice: ${f.voice}`, removeHref: without('voice') });
  if (f.anonymous) out.push({ label: 'unnamed sources', removeHref: without('anonymous') });
  if (f.speaker) out.push({ label: `speaker: ${f.speaker}`, removeHref: without('speaker') });
  if (f.about) out.push({ label: `about: ${f.about.join(', ')}`, removeHref: without('about') });
  if (f.part)
    out.push({
      label: f.part === 'lead' ? 'headline + lead' : 'body after the lead',
      removeHref: without('part'),
    });
  if (f.issue) out.push({ label: `issue: ${f.issue}`, removeHref: without('issue') });
  for (const c of f.cue ?? []) out.push({ label: `cue: ${c}`, removeHref: without('cue', c) });
  return out;
}

/** Rows in stored order, paged by `after` (past the count limit, or counted by the scan). */
function isStored(result: SearchResult): boolean {
  return result.more || result.scanned !== undefined;
}

/** The `after` of the next page in stored order, or null when this page is the last. */
export function nextAfter(result: SearchResult): number | null {
  if (!isStored(result)) return null;
  if (result.next !== undefined) return result.next;
  const last = result.rows[result.rows.length - 1];
  return result.rows.length === PAGE_SIZE && last ? last.segmentId : null;
}

/**
 * Numbered pages up to the last. In stored order the last page is not known and a page is
 * read after the previous one's last sentence: the pager offers the first page and "next".
 */
function pager(request: SearchRequest, result: SearchResult): SearchPage['pager'] {
  const at = request.page;
  const href = (page: number, after?: number) =>
    searchHref(request.q, request.filters, page, '/search', after);
  if (isStored(result)) {
    const next = nextAfter(result);
    if (at <= 1 && next === null) return null;
    return {
      prev: null,
      next: next === null ? null : href(at + 1, next),
      pages: [
        { label: '1', href: href(1), isCurrent: at <= 1 },
        ...(at > 1 ? [{ label: String(at), href: href(at, request.after), isCurrent: true }] : []),
      ],
    };
  }
  const last = Math.ceil(result.total / PAGE_SIZE);
  if (last <= 1) return null;
  const shown = [...new Set([1, at - 2, at - 1, at, at + 1, at + 2, last])]
    .filter((p) => p >= 1 && p <= last)
    .sort((a, b) => a - b);
  return {
    prev: at > 1 ? href(Math.min(at - 1, last)) : null,
    next: at < last ? href(at + 1) : null,
    pages: shown.map((p) => ({ label: String(p), href: href(p), isCurrent: p === at })),
  };
}

/** The page for a validated request and its results, or for a message alone (bad input). */
export function searchPage(
  request: SearchRequest | null,
  result: SearchResult | null,
  context: SearchContext,
  message: string | null = null,
): SearchPage {
  const outletNames = new Map<string, string>();
  for (const story of context.stories)
    for (const o of story.outlets) outletNames.set(o.slug, o.name);
  const q = request?.q ?? '';
  const isKwic = (request?.terms.length ?? 0) > 0;
  const total = result?.total ?? 0;
  const firstShown = request ? (request.page - 1) * PAGE_SIZE + 1 : 0;
  const rows = result?.rows ?? [];
  let summary: string | null = null;
  let note: string | null = null;
  if (request && result && !message) {
    const what = isKwic ? `“${q}”` : 'the filters';
    const count = total.toLocaleString('en-US');
    const scanned = result.scanned?.toLocaleString('en-US');
    summary =
      scanned !== undefined && total === 0
        ? `No sentence matches ${what} among the first ${scanned} sentences with the words`
        : scanned !== undefined
          ? `At least ${plural(total, 'sentence matches', 'sentences match')} ${what} (counted among the first ${scanned} sentences with the words)`
          : result.more
            ? `More than ${count} sentences match ${what}`
            : `${plural(total, 'sentence matches', 'sentences match')} ${what}`;
    if (rows.length > 0)
      summary += isStored(result)
        ? ` · page ${request.page}: ${plural(rows.length, 'sentence')}`
        : ` · showing ${firstShown.toLocaleString('en-US')}–${(firstShown + rows.length - 1).toLocaleString('en-US')}`;
    if (scanned !== undefined)
      note = `So many sentences have the words that each page checks the filters on ${scanned} of them at most: the count covers the first ${scanned}, and the list goes article by article in the order they were added, each page after the last. Narrow the search (a story, an outlet, more words) to have every match counted and sorted by story and outlet.`;
    else if (result.more)
      note = `Too many to count and sort: they are listed article by article in the order they were added. Narrow the search (a story, an outlet, more words) to under ${count} to have them counted and sorted by story and outlet.`;
    if (isStored(result) && rows.length === 0)
      note =
        nextAfter(result) === null
          ? `Page ${request.page} is past the end of the results.`
          : `No sentence on this page passes the filters; the next page goes on through the rest.`;
    else if (!isStored(result) && total > 0 && rows.length === 0)
      note = `Page ${request.page} is past the end: the results fill ${plural(Math.ceil(total / PAGE_SIZE), 'page')} of ${PAGE_SIZE}.`;
  }
  return {
    title: q ? `“${q}” · Concordance` : 'Concordance',
    crumbs: [{ label: 'Stories', href: '/' }],
    q,
    message: message && message.charAt(0).toUpperCase() + message.slice(1),
    summary,
    note,
    isKwic,
    showStory: context.stories.length > 1 && !request?.filters.story,
    form: formOf(request, context),
    active: request ? activeFilters(request, outletNames, context.stories) : [],
    lines: rows.map((r) => line(r, outletNames, isKwic)),
    pager: request && result ? pager(request, result) : null,
    jsonHref: request
      ? searchHref(request.q, request.filters, request.page, '/api/search')
      : '/api/search',
  };
}

/** The JSON of /api/search: the same sentences and filters as the page, with raw scores. */
export function searchJson(request: SearchRequest, result: SearchResult) {
  return {
    query: request.q,
    terms: request.terms,
    filters: request.filters,
    total: result.total,
    /** More than `total` sentences match: not counted further, listed in stored order. */
    more: result.more,
    /**
     * Null, or how many sentences with the words were checked against the filters: `total`
     * counts the matches among them only (at least that many match), in stored order.
     */
    scanned: result.scanned ?? null,
    // As every list of the JSON API: the page asked for, its size, the total and the count
    // (null past the count limit, when the last page is not known).
    pagination: {
      page: request.page,
      perPage: PAGE_SIZE,
      total: result.total,
      pageCount: isStored(result) ? null : Math.ceil(result.total / PAGE_SIZE),
      // In stored order the next page is read after this sentence id (`after=`); null: none.
      nextAfter: nextAfter(result),
    },
    results: result.rows.map((r) => ({
      segmentId: r.segmentId,
      href: `/articles/${r.articleId}#s${r.position}`,
      story: r.storySlug,
      outlet: r.outlet,
      outletName: r.outletName,
      articleId: r.articleId,
      articleTitle: r.articleTitle,
      position: r.position,
      paragraph: r.paragraph,
      kind: r.kind,
      text: r.text,
      matches: r.matches,
      words: r.words,
      tone: r.tone,
      toneAfinn: r.toneAfinn,
      toneDiplomacy: r.toneDiplomacy,
      expectation: r.expectation,
      expectationMove: r.expectationMove,
      hedges: r.hedges,
      boosters: r.boosters,
      quote: r.quote,
      speaker: r.speaker,
      side: r.side,
      anonymous: r.anonymous,
      issues: r.issues,
    })),
  };
}

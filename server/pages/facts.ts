// View model of a story's aligned facts (/stories/<slug>/facts and facts.json): groups of
// sentences from different outlets that tell the same fact, each outlet's sentence with its
// tone, expectation label and speaker, the shared words marked, and the outlets that do not
// tell the fact. The grouping itself is analysis/comparison/align.ts; this module only prepares it for
// reading (highlights, filters, links). It deliberately does not cache (server/story-cache.ts)
// nor read the store (the route does).

import { alignFacts, DEFAULT_ALIGN_THRESHOLD } from '../../analysis/comparison/align.js';
import { contentTerms, type TermsKey } from '../../analysis/comparison/terms.js';
import { tokenize } from '../../analysis/segmentation/tokens.js';
import type { StorySentence, StorySummary } from '../../db/store.js';
import { plainSentence } from '../../db/sentence-row.js';
import { isScoredKind } from '../../analysis/vocabulary/segments.js';
import type { LayoutModel } from '../render.js';
import { paginate, type Pager } from '../pager.js';
import { sentenceView } from './sentence.js';
import type { SentenceView } from './sentence.js';

/** Comparison window and shared-word minimum as used by alignFacts' defaults. */
const WINDOW = 8;
const MIN_SHARED = 3;
/** Up to this many outlets, each outlet keeps its own column in every fact. */
const MAX_COLUMNS = 6;

/** A piece of a sentence's text; `shared` marks a word whose stem the fact's members share. */
export interface SharedPiece {
  text: string;
  shared: boolean;
}

/** One aligned fact, computed once per story version and cached by the route. */
export interface PreparedFact {
  /** 1-based rank in the full, unfiltered list: stays the same under every filter. */
  number: number;
  outlets: string[];
  terms: string[];
  cohesion: number;
  /** Lowest similarity between two members: how well the loosest pair matches. */
  weakest: number;
  members: { sentence: StorySentence; similarity: number; pieces: SharedPiece[] }[];
}

/**
 * Most sentences aligned at once. Alignment's windows and candidate pairs grow faster than
 * the sentences: a 44,000-sentence story took minutes and 2 GB. Above this, each article
 * gives its headline and first sentences (the same number from each), which is where news
 * states its facts.
 */
export const ALIGN_SENTENCE_LIMIT = 6000;
/** Most facts kept, the best ranked first (most outlets, then tightest). */
export const FACTS_LIMIT = 500;
/** Facts per page of /stories/<slug>/facts. */
export const FACTS_PER_PAGE = 50;

/** Which sentences were aligned when a story had more than ALIGN_SENTENCE_LIMIT. */
export interface AlignedInput {
  /** Headline and body sentences aligned, and how many the story has. */
  sentences: number;
  of: number;
  /** Each article's first this-many sentences (headline included); null when all were. */
  perArticle: number | null;
}

export interface PreparedFacts {
  threshold: number;
  input: AlignedInput;
  /** Facts found before FACTS_LIMIT kept the best. */
  found: number;
  /** Headline and body sentences aligned, per outlet. */
  sentencesByOutlet: Record<string, number>;
  facts: PreparedFact[];
}

/** Aligns a story's headline and body sentences and marks the shared words in each member. */
export function prepareFacts(
  sentences: readonly StorySentence[],
  limit = ALIGN_SENTENCE_LIMIT,
): PreparedFacts {
  const all = sentences.filter((s) => isScoredKind(s.kind));
  const { scored, perArticle } = boundedInput(all, limit);
  const byId = new Map(scored.map((s) => [s.segmentId, s]));
  const sentencesByOutlet: Record<string, number> = {};
  for (const s of scored) sentencesByOutlet[s.outlet] = (sentencesByOutlet[s.outlet] ?? 0) + 1;
  const facts = alignFacts(
    scored.map((s) => {
      // A story's sentence read through columns keeps its terms by itself (TermsKey), as the
      // distinctive words read them: tokenized once for both.
      const key = s as Partial<TermsKey>;
      return {
        id: s.segmentId,
        outlet: s.outlet,
        article: s.articleId,
        text: s.text,
        termsOwner: key.termsOwner,
        termsIndex: key.termsIndex,
        termsCount: key.termsCount,
      };
    }),
    { threshold: DEFAULT_ALIGN_THRESHOLD },
  );
  return {
    threshold: DEFAULT_ALIGN_THRESHOLD,
    input: { sentences: scored.length, of: all.length, perArticle },
    found: facts.length,
    sentencesByOutlet,
    facts: facts.slice(0, FACTS_LIMIT).map((fact, index) => {
      const stems = new Set(fact.terms.flatMap((term) => contentTerms(term).map((t) => t.stem)));
      return {
        number: index + 1,
        outlets: fact.outlets,
        terms: fact.terms,
        cohesion: fact.cohesion,
        weakest: fact.weakest,
        members: fact.members.map((m) => {
          // A plain copy: the value is kept as JSON and posted from the worker.
          const sentence = plainSentence(byId.get(m.id)!);
          return { sentence, similarity: m.similarity, pieces: markShared(sentence.text, stems) };
        }),
      };
    }),
  };
}

/**
 * The story's sentences when they fit in `limit`, else each article's first k (in reading
 * order), k the largest that fits: every article keeps the same share of its lead.
 */
export function boundedInput(
  sentences: readonly StorySentence[],
  limit: number,
): { scored: StorySentence[]; perArticle: number | null } {
  if (sentences.length <= limit) return { scored: [...sentences], perArticle: null };
  const lengths = new Map<number, number>();
  for (const s of sentences) lengths.set(s.articleId, (lengths.get(s.articleId) ?? 0) + 1);
  const fits = (k: number) => {
    let total = 0;
    for (const n of lengths.values()) total += Math.min(n, k);
    return total <= limit;
  };
  let k = 1;
  while (fits(k + 1)) k++;
  const taken = new Map<number, number>();
  const scored = sentences.filter((s) => {
    const n = taken.get(s.articleId) ?? 0;
    taken.set(s.articleId, n + 1);
    return n < k;
  });
  return { scored, perArticle: k };
}

/** Splits `text` into pieces, marking each word with a content stem in `stems`. */
export function markShared(text: string, stems: ReadonlySet<string>): SharedPiece[] {
  const pieces: SharedPiece[] = [];
  let at = 0;
  for (const token of tokenize(text)) {
    if (!token.isWord || !contentTerms(token.text).some((t) => stems.has(t.stem))) continue;
    const gap = text.slice(at, token.start);
    const last = pieces[pieces.length - 1];
    // Adjacent shared words ("spy balloon") read better as one mark.
    if (last?.shared && /^\s+$/.test(gap)) last.text += gap + token.text;
    else {
      if (gap) pieces.push({ text: gap, shared: false });
      pieces.push({ text: token.text, shared: true });
    }
    at = token.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), shared: false });
  return pieces;
}

export interface FactsFilter {
  /** Only facts this outlet tells. */
  outlet?: string;
  /** Only facts this outlet does not tell. */
  missing?: string;
  /** Only facts told by at least this many outlets (2 = all). */
  min: number;
}

interface OutletRef {
  slug: string;
  name: string;
}

export interface MemberView extends SentenceView {
  kindLabel: string | null;
  pieces: SharedPiece[];
  similarity: string;
}

export interface FactView {
  /** The fact's number in the full list ("Fact 3"); not `number`, the template helper's name. */
  rank: number;
  anchor: string;
  outletCount: number;
  outletTotal: number;
  cohesion: string;
  weakest: string;
  /** What was matched, worded by it: "3 outlets use these words: spy, balloon, February". */
  label: string;
  terms: string[];
  /** In column layout one cell per outlet of the story (member or null); else members only. */
  cells: { outlet: OutletRef; member: MemberView | null }[];
  missing: OutletRef[];
  /** Where each member stands in its article: "The Daily Beast, sentence 12". */
  sources: { label: string; href: string }[];
}

export interface FactsPage extends LayoutModel {
  story: { title: string; href: string; jsonHref: string; csvHref: string };
  method: { threshold: string; window: number; minShared: number; sentences: number };
  /** Said when a big story was aligned over its articles' leads or its best facts kept. */
  bounds: string[];
  counts: {
    facts: number;
    shown: number;
    bySize: { outlets: number; facts: number; href: string }[];
  };
  outlets: {
    slug: string;
    name: string;
    sentences: number;
    tells: number;
    tellsHref: string;
    leavesOut: number;
    leavesOutHref: string;
    selected: boolean;
  }[];
  filter: {
    description: string | null;
    clearHref: string;
    pairsHidden: boolean;
    pairsHref: string;
  };
  /** Said when no fact is shown: why (one outlet, nothing shared, or the filter). */
  emptyMessage: string;
  isColumns: boolean;
  columns: number;
  facts: FactView[];
  pager: Pager;
}

export function outletRefs(story: StorySummary, prepared: PreparedFacts): OutletRef[] {
  const refs = story.outlets.map((o) => ({ slug: o.slug, name: o.name }));
  for (const slug of Object.keys(prepared.sentencesByOutlet)) {
    if (!refs.some((r) => r.slug === slug)) refs.push({ slug, name: slug });
  }
  return refs;
}

/** The facts a filter keeps, in the aligned order (most outlets, then cohesion, first). */
export function filterFacts(facts: readonly PreparedFact[], filter: FactsFilter): PreparedFact[] {
  return facts.filter(
    (f) =>
      f.outlets.length >= filter.min &&
      (filter.outlet === undefined || f.outlets.includes(filter.outlet)) &&
      (filter.missing === undefined || !f.outlets.includes(filter.missing)),
  );
}

function factsHref(slug: string, filter: Partial<FactsFilter>, page = 1): string {
  const params = new URLSearchParams();
  if (filter.outlet) params.set('outlet', filter.outlet);
  if (filter.missing) params.set('missing', filter.missing);
  if (filter.min && filter.min > 2) params.set('min', String(filter.min));
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/stories/${encodeURIComponent(slug)}/facts${query ? `?${query}` : ''}`;
}

/** What bounded a big story's alignment, in words for the page. */
function boundsText(prepared: PreparedFacts): string[] {
  const { input } = prepared;
  const bounds: string[] = [];
  if (input.perArticle !== null) {
    bounds.push(
      `This story has ${input.of.toLocaleString('en')} headline and body sentences, more than are aligned at once: the first ${input.perArticle} sentences of each article (headline included) were aligned, ${input.sentences.toLocaleString('en')} sentences in all.`,
    );
  }
  if (prepared.found > prepared.facts.length) {
    bounds.push(
      `${prepared.found.toLocaleString('en')} groups were found; the ${prepared.facts.length.toLocaleString('en')} held by the most outlets, then the most similar, are kept.`,
    );
  }
  return bounds;
}

export function factsPage(
  story: StorySummary,
  prepared: PreparedFacts,
  filter: FactsFilter,
  page = 1,
): FactsPage {
  const outlets = outletRefs(story, prepared);
  const names = new Map(outlets.map((o) => [o.slug, o.name]));
  const nameOf = (slug: string): string => names.get(slug) ?? slug;
  const shown = filterFacts(prepared.facts, filter);
  const { items: onPage, pager } = paginate(shown, page, FACTS_PER_PAGE, (n) =>
    factsHref(story.slug, filter, n),
  );
  const isColumns = outlets.length <= MAX_COLUMNS;
  const storyHref = `/stories/${encodeURIComponent(story.slug)}`;

  const sizes = [...new Set(shown.map((f) => f.outlets.length))];
  const description = [
    filter.outlet ? `facts ${nameOf(filter.outlet)} tells` : null,
    filter.missing ? `facts ${nameOf(filter.missing)} leaves out` : null,
    filter.min > 2 ? `told by at least ${filter.min} outlets` : null,
  ].filter((p): p is string => p !== null);

  return {
    title: `Aligned facts · ${story.title}`,
    crumbs: [
      { label: 'Stories', href: '/' },
      { label: story.title, href: storyHref },
    ],
    story: {
      title: story.title,
      href: storyHref,
      jsonHref: factsHref(story.slug, filter).replace('/facts', '/facts.json'),
      // The CSV keeps the outlet filter; it lists every fact's members, one row each.
      csvHref: `/export/facts.csv?${new URLSearchParams({
        story: story.slug,
        ...(filter.outlet ? { outlet: filter.outlet } : {}),
      })}`,
    },
    method: {
      threshold: prepared.threshold.toFixed(2),
      window: WINDOW,
      minShared: MIN_SHARED,
      sentences: Object.values(prepared.sentencesByOutlet).reduce((a, b) => a + b, 0),
    },
    bounds: boundsText(prepared),
    counts: {
      facts: prepared.facts.length,
      shown: shown.length,
      bySize: sizes.map((size) => ({
        outlets: size,
        facts: shown.filter((f) => f.outlets.length === size).length,
        href: factHref(story.slug, filter, shown, (f) => f.outlets.length === size),
      })),
    },
    outlets: outlets.map((o) => ({
      slug: o.slug,
      name: o.name,
      sentences: prepared.sentencesByOutlet[o.slug] ?? 0,
      tells: prepared.facts.filter((f) => f.outlets.includes(o.slug)).length,
      tellsHref: factsHref(story.slug, { outlet: o.slug }),
      leavesOut: prepared.facts.filter((f) => !f.outlets.includes(o.slug)).length,
      leavesOutHref: factsHref(story.slug, { missing: o.slug }),
      selected: filter.outlet === o.slug || filter.missing === o.slug,
    })),
    filter: {
      description: description.length > 0 ? `Showing ${description.join(', ')}.` : null,
      clearHref: factsHref(story.slug, {}),
      pairsHidden: filter.min > 2,
      pairsHref: factsHref(story.slug, { ...filter, min: filter.min > 2 ? 2 : 3 }),
    },
    emptyMessage:
      outlets.length < 2
        ? 'This story has one outlet: there is nothing to align yet.'
        : prepared.facts.length === 0
          ? 'No two outlets of this story tell a fact in shared words.'
          : 'No fact matches this filter.',
    isColumns,
    columns: isColumns ? outlets.length : 1,
    facts: onPage.map((fact) => factView(fact, outlets, names, isColumns)),
    pager,
  };
}

/** The address of the first shown fact that `matches`, on its page of the list. */
function factHref(
  slug: string,
  filter: FactsFilter,
  shown: readonly PreparedFact[],
  matches: (fact: PreparedFact) => boolean,
): string {
  const index = shown.findIndex(matches);
  const page = Math.floor(index / FACTS_PER_PAGE) + 1;
  return `${factsHref(slug, filter, page)}#fact-${shown[index]!.number}`;
}

const KIND_LABELS: Record<string, string> = { headline: 'Headline' };

function factView(
  fact: PreparedFact,
  outlets: readonly OutletRef[],
  names: ReadonlyMap<string, string>,
  isColumns: boolean,
): FactView {
  const members = new Map(
    fact.members.map((m) => [
      m.sentence.outlet,
      {
        ...sentenceView(m.sentence, names),
        kindLabel: KIND_LABELS[m.sentence.kind] ?? null,
        pieces: m.pieces,
        similarity: m.similarity.toFixed(2),
      },
    ]),
  );
  const cells = outlets
    .map((outlet) => ({ outlet, member: members.get(outlet.slug) ?? null }))
    .filter((cell) => isColumns || cell.member !== null);
  return {
    rank: fact.number,
    anchor: `fact-${fact.number}`,
    outletCount: fact.outlets.length,
    outletTotal: outlets.length,
    cohesion: fact.cohesion.toFixed(2),
    weakest: fact.weakest.toFixed(2),
    label: `${fact.outlets.length} outlets use these words: ${fact.terms.join(', ')}`,
    terms: fact.terms,
    cells,
    missing: outlets.filter((o) => !fact.outlets.includes(o.slug)),
    // In column order, so the note reads like the row above it.
    sources: cells
      .flatMap(({ outlet }) => fact.members.filter((m) => m.sentence.outlet === outlet.slug))
      .map((m) => ({
        // Paragraphs are what a reader can count on the article page; it numbers nothing.
        label: `${names.get(m.sentence.outlet) ?? m.sentence.outlet}, ${
          m.sentence.kind === 'headline' ? 'headline' : `paragraph ${m.sentence.paragraph + 1}`
        }`,
        href: `/articles/${m.sentence.articleId}#s${m.sentence.position}`,
      })),
  };
}

/** The same facts as JSON (`facts.json`): plain numbers, every sentence with its link. */
export function factsJson(story: StorySummary, prepared: PreparedFacts, filter: FactsFilter) {
  const outlets = outletRefs(story, prepared);
  const names = new Map(outlets.map((o) => [o.slug, o.name]));
  return {
    story: { slug: story.slug, title: story.title },
    method: {
      similarity: 'cosine of TF-IDF vectors over stemmed content words, best 8-word window pair',
      threshold: prepared.threshold,
      window: WINDOW,
      minShared: MIN_SHARED,
    },
    filter: { outlet: filter.outlet ?? null, missing: filter.missing ?? null, min: filter.min },
    outlets: outlets.map((o) => ({ ...o, sentences: prepared.sentencesByOutlet[o.slug] ?? 0 })),
    facts: filterFacts(prepared.facts, filter).map((fact) => ({
      number: fact.number,
      outlets: fact.outlets,
      missing: outlets.filter((o) => !fact.outlets.includes(o.slug)).map((o) => o.slug),
      terms: fact.terms,
      cohesion: round(fact.cohesion),
      weakest: round(fact.weakest),
      members: fact.members.map(({ sentence: s, similarity }) => ({
        segmentId: s.segmentId,
        articleId: s.articleId,
        position: s.position,
        href: `/articles/${s.articleId}#s${s.position}`,
        outlet: s.outlet,
        outletName: names.get(s.outlet) ?? s.outlet,
        kind: s.kind,
        text: s.text,
        similarity: round(similarity),
        tone: s.tone,
        expectation: s.expectation,
        speaker: s.speaker,
        side: s.side,
        quote: s.quote,
        issues: [...new Set(s.issues)],
      })),
    })),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

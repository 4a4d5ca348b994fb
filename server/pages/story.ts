// View model of the story page, the comparison dashboard: per outlet, for the whole article
// or the headline + lead paragraph or the rest of the body, the tone distribution with its
// bootstrap CI, expectation-setting and hedging per 1,000 words split by narrator vs quoted
// voice, whose voices are heard, issue emphasis, distinctive words and a generated summary
// line; then the articles themselves. Counts and rates link to the sentences behind them.

import type { OutletComparison, Part } from '../../analysis/comparison/compare.js';
import {
  compareOutlets,
  PARTS,
  selectPart,
  voiceShare,
} from '../../analysis/comparison/compare.js';
import { sideHue, sideInfo, type SideVocabulary } from '../../analysis/vocabulary/sides.js';
import { CLAIM_MINIMUMS, summarizeOutlets } from '../../analysis/comparison/summary.js';
import type { SummaryFigures } from '../../analysis/comparison/summary.js';
import {
  EXPECTATION,
  EXPECTATION_DIRECTIONS,
  type ExpectationDirection,
} from '../../analysis/vocabulary/expectation.js';
import type { ArticleSummary, OutletSummary, StorySentence, StorySummary } from '../../db/store.js';
import type { Chart } from '../charts.js';
import type { Linked, PanelContext } from '../panels/context.js';
import { expectationCells, expectationPanel, type ExpectationCell } from '../panels/expectation.js';
import { hedgeCells } from '../panels/hedges.js';
import { issuesPanel } from '../panels/issues.js';
import { distinctiveWords } from '../panels/words.js';
import { toneCell, tonePanel, TONE_TICKS_LIMIT, type ToneCell } from '../panels/tone.js';
import { paginate, type Pager } from '../pager.js';
import { voiceCells, voicesPanel, type SpeakerCell } from '../panels/voices.js';
import type { LayoutModel } from '../render.js';
import type { DataStamp } from '../../db/export-rows.js';
import { stampView } from './stamp.js';
import type { StampView } from './stamp.js';
import { dateRange, titleNote } from './home.js';
import { sentencesHref } from './sentence.js';
import { framingPanel, storyFraming, type FramingPanel } from '../panels/framing.js';
import { comparisonKey, framingKey, oncePerStory, wordsKey } from '../panels/once-per-story.js';
import type { StoryFramingRows } from '../../analysis/comparison/framing.js';
import { storyCodebook } from '../sides.js';
import { OTHER_OUTLETS } from '../api/outlets.js';
import { renamedSentence } from '../../db/sentence-row.js';

type OutletRow = {
  name: string;
  slug: string;
  summary: string;
  articles: number;
  sentences: Linked;
  words: number;
  tone: ToneCell | null;
} & Record<ExpectationDirection, ExpectationCell> & {
    hedges: Linked;
    boosters: Linked;
    quotedShare: Linked;
    anonymousShare: Linked;
    speakers: SpeakerCell[];
    terms: { word: string; z: string; count: number; href: string }[];
  };

/** The story's codebook as the page names it: its title and the sides' legend. */
export interface CodebookLegend {
  name: string;
  title: string;
  sides: { id: string; name: string; description: string; hue: string }[];
}

export interface StoryDashboard {
  part: Part;
  codebook: CodebookLegend;
  framing: FramingPanel;
  outlets: OutletRow[];
  charts: { tone: Chart; expectation: Chart; voices: Chart; issues: Chart | null };
  /** The tone chart shows distributions, not one tick per sentence (TONE_TICKS_LIMIT). */
  toneIsDistribution: boolean;
  /**
   * The outlets pooled into the last row ("other outlets") when the story has more than
   * OUTLETS_SHOWN; null when every outlet has its own row.
   */
  pooled: PooledOutlets | null;
  /** Whether every outlet was asked for (`?outlets=all`) on a story that has more. */
  allOutlets: boolean;
}

/** The outlets a big story's dashboard pools into one row, as the page names them. */
export interface PooledOutlets {
  outlets: number;
  articles: number;
  /** The shown outlets' count (the N of "the N outlets with the most articles"). */
  shown: number;
}

export interface StoryPage extends LayoutModel {
  story: {
    title: string;
    slug: string;
    description: string | null;
    /** Where a made-up title comes from (home.ts titleNote); null for a given title. */
    titleNote: string | null;
    dates: string | null;
  };
  totals: { outlets: number; articles: number; words: number; sentences: number };
  links: {
    facts: string;
    search: string;
    json: string;
    edit: string;
    reanalyze: string;
    specs: Record<string, string>;
    /** On a story of more than OUTLETS_SHOWN outlets: this tab with every outlet / the largest. */
    allOutlets: string;
    topOutlets: string;
  };
  parts: { label: string; href: string; current: boolean }[];
  partNote: string;
  isSingleOutlet: boolean;
  /** The smallest sample a summary phrase rests on, stated above the phrases. */
  claimMinimums: typeof CLAIM_MINIMUMS;
  /** CLAIM_MINIMUMS.sideShare as a percentage, for the sentence that states it. */
  sideSharePercent: number;
  /** The dashboard table's expectation columns, one per direction of the vocabulary. */
  expectationColumns: { key: ExpectationDirection; name: string }[];
  dashboard: StoryDashboard;
  /** The analysis runs and data hash behind the page. */
  stamp: StampView;
  columns: {
    name: string;
    slug: string;
    editHref: string;
    kind: string | null;
    country: string | null;
    isNameInferred: boolean;
    articleCount: number;
    articles: ArticleCard[];
  }[];
}

export interface ArticleCard {
  href: string;
  headline: string;
  hasTitle: boolean;
  date: string | null;
  author: string | null;
  words: number;
  sentences: number;
}

/**
 * Up to this many articles the page lists them all, one column per outlet; above it, one
 * table of ARTICLES_PER_PAGE articles a page (`?articles=N`), by outlet and date.
 */
export const ARTICLE_COLUMNS_LIMIT = 60;
export const ARTICLES_PER_PAGE = 50;

/**
 * Above this many outlets the dashboard gives a row (and a chart row) to the ones with the
 * most articles and pools the rest into one: at 164 outlets one row each made a 5.8 MB page
 * 84,000 px tall. `?outlets=all` asks for every outlet; CSV and API keep every outlet.
 */
export const OUTLETS_SHOWN = 12;

/**
 * The outlets with a row of their own and those pooled: all in story order up to `limit`,
 * else the `limit` with the most articles (story order among equals) and the rest.
 */
export function selectOutlets(
  outlets: readonly OutletSummary[],
  limit: number = OUTLETS_SHOWN,
): { shown: OutletSummary[]; pooled: OutletSummary[] } {
  if (outlets.length <= limit) return { shown: [...outlets], pooled: [] };
  const ranked = [...outlets].sort((a, b) => b.articleCount - a.articleCount);
  const shown = new Set(ranked.slice(0, limit));
  return {
    shown: ranked.slice(0, limit),
    pooled: outlets.filter((o) => !shown.has(o)),
  };
}

/** The story page as rendered: the cached dashboard with one page of a big story's articles. */
export interface StoryView extends StoryPage {
  articleTable: {
    rows: (ArticleCard & { outlet: string })[];
    pager: Pager;
    /** The outlets' table is folded (more than OUTLETS_SHOWN rows before the articles). */
    foldOutlets: boolean;
  } | null;
}

const PART_LABELS: Record<Part, string> = {
  all: 'Whole article',
  lead: 'Headline + lead paragraph',
  body: 'Rest of the body',
};

const PART_NOTES: Record<Part, string> = {
  all: 'All headline and body sentences.',
  lead: 'The headline and the first body paragraph only: the part that sets the frame.',
  body: 'Body sentences after the lead paragraph.',
};

/** Shortens a first sentence shown in place of a missing headline. */
function shorten(text: string, max = 110): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > 60 ? cut : max)}…`;
}

function summaryFigures(c: OutletComparison, sides: SideVocabulary): SummaryFigures {
  const rates = (voice: 'narrator' | 'quoted') => ({
    lowers: c.expectation.lowers.byVoice[voice].per1000,
    raises: c.expectation.raises.byVoice[voice].per1000,
    hedged: c.expectation.hedged.byVoice[voice].per1000,
  });
  return {
    outlet: c.outlet,
    words: c.words,
    // A single sentence has no interval to compare (summary.ts sets the sample minimums).
    tone: c.tone && c.tone.method !== 'none' ? c.tone : null,
    expectation: { narrator: rates('narrator'), quoted: rates('quoted') },
    speakerShare: Object.fromEntries(
      sides.speakerSides.map((side) => [side, voiceShare(c, side).share]),
    ),
    sentences: c.sentences,
    hedgesPer1000: c.hedges.per1000,
    issuesPer1000: Object.fromEntries(Object.entries(c.issues).map(([k, v]) => [k, v.per1000])),
  };
}

/** The dashboard's numbers and charts for one part of the articles: one panel per score. */
export async function storyDashboard(
  story: StorySummary,
  allSentences: StorySentence[],
  part: Part,
  /** The sentences' targets and loaded/speech-verb cues (store.storyFraming). */
  framingRows: StoryFramingRows,
  /** Display names of issue ids in place of the codebook's issue lexicon's (tests). */
  labels?: Readonly<Record<string, string>>,
  /** Every outlet its own row, however many (`?outlets=all`); else OUTLETS_SHOWN. */
  allOutlets = false,
): Promise<StoryDashboard> {
  const codebook = storyCodebook(story);
  const sides = codebook.vocabulary;
  const issueLabels =
    labels ?? Object.fromEntries(codebook.issues.issues.map((issue) => [issue.id, issue.label]));
  const { shown, pooled } = selectOutlets(
    story.outlets,
    allOutlets ? story.outlets.length : OUTLETS_SHOWN,
  );
  // The pooled outlets' sentences become one pseudo-outlet's, so its figures are computed
  // from their sentences together (articles stay the bootstrap's unit), not averaged.
  const pooledSlugs = new Set(pooled.map((o) => o.slug));
  const partSentences = selectPart(allSentences, part);
  const sentences =
    pooled.length === 0
      ? partSentences
      : partSentences.map((s) =>
          pooledSlugs.has(s.outlet) ? renamedSentence(s, OTHER_OUTLETS) : s,
        );
  const outletSlugs = [...shown.map((o) => o.slug), ...(pooled.length > 0 ? [OTHER_OUTLETS] : [])];
  const names = new Map(story.outlets.map((o) => [o.slug, o.name]));
  if (pooled.length > 0) names.set(OTHER_OUTLETS, `Other outlets (${pooled.length})`);
  const nameOf = (slug: string) => names.get(slug) ?? slug;
  const articleCounts = new Map(story.outlets.map((o) => [o.slug, o.articleCount]));
  articleCounts.set(
    OTHER_OUTLETS,
    pooled.reduce((sum, o) => sum + o.articleCount, 0),
  );
  // With every outlet on its own row, the figures of the API and the terms CSV: computed
  // once for the story's sentences (once-per-story.ts).
  const unpooled = pooled.length === 0;
  const once = <T>(key: string, compute: () => T, other: object | null = null): T =>
    unpooled ? oncePerStory(allSentences, key, compute, other) : compute();
  const figures = once(comparisonKey(part, outletSlugs, sides.buckets), () =>
    compareOutlets(outletSlugs, sentences, { buckets: sides.buckets }),
  );
  const partFilter = part === 'all' ? {} : { part };
  const context: PanelContext = {
    figures,
    sentences,
    outletNames: outletSlugs.map(nameOf),
    nameOf,
    sides,
    // The concordance filters by one outlet: the pooled row's numbers are not linked.
    link: (outlet, extra) =>
      outlet === OTHER_OUTLETS && pooled.length > 0
        ? ''
        : sentencesHref({ story: story.slug, outlet, ...partFilter, ...extra }),
  };
  const summaries = new Map(
    summarizeOutlets(
      figures.map((f) => summaryFigures(f, sides)),
      issueLabels,
      sides,
    ).map((s) => [s.outlet, s.line]),
  );
  const keyness = new Map(
    once(wordsKey(part), () => distinctiveWords(sentences)).map((k) => [k.outlet, k.terms]),
  );

  const outlets: OutletRow[] = figures.map((f) => {
    const { quotedShare, anonymousShare, speakers } = voiceCells(context, f);
    return {
      name: nameOf(f.outlet),
      slug: f.outlet,
      summary: summaries.get(f.outlet) ?? '',
      articles: articleCounts.get(f.outlet) ?? f.articles,
      sentences: { text: String(f.sentences), href: context.link(f.outlet, {}) },
      words: f.words,
      tone: toneCell(context, f),
      ...expectationCells(context, f),
      ...hedgeCells(context, f),
      quotedShare,
      anonymousShare,
      speakers,
      terms: (keyness.get(f.outlet) ?? []).map((t) => ({
        word: t.word,
        z: t.z.toFixed(1),
        count: t.count,
        href: context.link(f.outlet, { q: t.word }),
      })),
    };
  });

  const tone = await tonePanel(context);
  const expectation = await expectationPanel(context);
  const voices = await voicesPanel(context);
  const issues = await issuesPanel(context, issueLabels);
  const framing = framingPanel(
    context,
    codebook,
    once(
      framingKey(part, codebook.name, outletSlugs),
      () => storyFraming(outletSlugs, codebook, sentences, framingRows),
      framingRows,
    ),
  );
  return {
    part,
    framing,
    codebook: {
      name: codebook.name,
      title: codebook.title,
      sides: sides.speakerSides.map((id) => ({
        id,
        name: sideInfo(sides, id).name,
        description: sideInfo(sides, id).description,
        hue: sideHue(sides, id),
      })),
    },
    outlets,
    charts: { tone, expectation, voices, issues },
    toneIsDistribution: sentences.filter((s) => s.tone !== null).length > TONE_TICKS_LIMIT,
    pooled:
      pooled.length === 0
        ? null
        : {
            outlets: pooled.length,
            articles: articleCounts.get(OTHER_OUTLETS)!,
            shown: shown.length,
          },
    allOutlets: allOutlets && story.outlets.length > OUTLETS_SHOWN,
  };
}

export function parsePart(value: unknown): Part | null {
  if (value === undefined || value === '') return 'all';
  return PARTS.includes(value as Part) ? (value as Part) : null;
}

export function storyPage(
  story: StorySummary,
  articles: ArticleSummary[],
  sentenceCount: number,
  dashboard: StoryDashboard,
  stamp: DataStamp,
): StoryPage {
  const base = `/stories/${encodeURIComponent(story.slug)}`;
  const all = dashboard.allOutlets;
  return {
    title: story.title,
    crumbs: [{ label: 'Stories', href: '/' }],
    story: {
      title: story.title,
      slug: story.slug,
      description: story.description,
      titleNote: titleNote(story),
      dates:
        dateRange(story.startDate, story.endDate) ??
        dateRange(story.firstArticleDate, story.lastArticleDate),
    },
    totals: {
      outlets: story.outlets.length,
      articles: articles.length,
      words: story.wordCount,
      sentences: sentenceCount,
    },
    links: {
      facts: `${base}/facts`,
      search: sentencesHref({ story: story.slug }),
      json: `${base}.json?part=${dashboard.part}${all ? '&outlets=all' : ''}`,
      edit: `${base}/edit`,
      reanalyze: `${base}/reanalyze`,
      specs: Object.fromEntries(
        ['tone', 'expectation', 'voices', 'issues'].map((name) => [
          name,
          `${base}/charts/${name}.vl.json?part=${dashboard.part}${all ? '&outlets=all' : ''}`,
        ]),
      ),
      allOutlets: storyHref(base, dashboard.part, true),
      topOutlets: storyHref(base, dashboard.part, false),
    },
    parts: PARTS.map((part) => ({
      label: PART_LABELS[part],
      href: storyHref(base, part, all),
      current: part === dashboard.part,
    })),
    partNote: PART_NOTES[dashboard.part],
    isSingleOutlet: story.outlets.length < 2,
    claimMinimums: CLAIM_MINIMUMS,
    sideSharePercent: Math.round(CLAIM_MINIMUMS.sideShare * 100),
    expectationColumns: EXPECTATION_DIRECTIONS.map((key) => ({ key, name: EXPECTATION[key].name })),
    dashboard,
    stamp: stampView(stamp),
    columns: story.outlets.map((outlet) => ({
      name: outlet.name,
      slug: outlet.slug,
      editHref: `/outlets/${encodeURIComponent(outlet.slug)}/edit`,
      kind: outlet.kind,
      country: outlet.country,
      isNameInferred: outlet.isNameInferred,
      articleCount: articles.filter((a) => a.outlet.id === outlet.id).length,
      articles: articles
        .filter((a) => a.outlet.id === outlet.id)
        .map((a) => ({
          href: `/articles/${a.id}`,
          headline: a.title ?? a.headline ?? shorten(a.lead ?? '(no text)'),
          hasTitle: Boolean(a.title ?? a.headline),
          date: a.publishedDate,
          author: a.author,
          words: a.wordCount,
          sentences: a.sentenceCount,
        })),
    })),
  };
}

/** A tab of the story page: its part, every outlet or the largest. */
function storyHref(base: string, part: Part, allOutlets: boolean, articlesPage = 1): string {
  const query = new URLSearchParams();
  if (part !== 'all') query.set('part', part);
  if (allOutlets) query.set('outlets', 'all');
  if (articlesPage > 1) query.set('articles', String(articlesPage));
  return `${base}${query.size > 0 ? `?${query}` : ''}`;
}

/**
 * The page a request gets: a story with more than ARTICLE_COLUMNS_LIMIT articles lists them
 * in a paginated table (page `articlesPage`) under the outlets, else in outlet columns.
 */
export function storyView(page: StoryPage, articlesPage: number): StoryView {
  if (page.totals.articles <= ARTICLE_COLUMNS_LIMIT) return { ...page, articleTable: null };
  const rows = page.columns.flatMap((column) =>
    column.articles.map((article) => ({ ...article, outlet: column.name })),
  );
  const base = `/stories/${encodeURIComponent(page.story.slug)}`;
  const { items, pager } = paginate(
    rows,
    articlesPage,
    ARTICLES_PER_PAGE,
    (n) => `${storyHref(base, page.dashboard.part, page.dashboard.allOutlets, n)}#articles-h`,
  );
  return {
    ...page,
    columns: page.columns.map((column) => ({ ...column, articles: [] })),
    articleTable: { rows: items, pager, foldOutlets: page.columns.length > OUTLETS_SHOWN },
  };
}

// View model of the story page, the comparison dashboard: per outlet, for the whole article
// or the headline + lead paragraph or the rest of the body, the tone distribution with its
// bootstrap CI, expectation-setting and hedging per 1,000 words split by narrator vs quoted
// voice, whose voices are heard, issue emphasis, distinctive words and a generated summary
// line; then the articles themselves. Counts and rates link to the sentences behind them.

import type { OutletComparison, Part } from '../../analysis/compare.js';
import { compareOutlets, PARTS, selectPart, VOICE_BUCKETS } from '../../analysis/compare.js';
import { distinctiveTerms } from '../../analysis/keyness.js';
import { summarizeOutlets } from '../../analysis/summary.js';
import type { OutletFigures } from '../../analysis/summary.js';
import type { ArticleSummary, StorySentence, StorySummary } from '../../db/store.js';
import type { Chart } from '../charts.js';
import {
  expectationChartSpec,
  issuesHeatmapSpec,
  renderChart,
  toneChartSpec,
  voicesChartSpec,
} from '../charts.js';
import type { LayoutModel } from '../render.js';
import { dateRange, titleNote } from './home.js';
import { SIDE_LABELS, sentencesHref } from './sentence.js';
import type { SentenceFilters } from './sentence.js';

interface Linked {
  text: string;
  href: string;
}

interface OutletRow {
  name: string;
  slug: string;
  summary: string;
  articles: number;
  sentences: Linked;
  words: number;
  tone: {
    mean: Linked;
    ci: string;
    method: string;
    spread: string;
    narrator: string;
    quoted: string;
  } | null;
  lowers: Linked & { own: Linked; quoted: Linked };
  raises: Linked & { own: Linked; quoted: Linked };
  hedged: Linked & { own: Linked; quoted: Linked };
  hedges: Linked;
  boosters: Linked;
  quotedShare: Linked;
  anonymousShare: Linked;
  speakers: { name: string; sideLabel: string; side: string; sentences: number; href: string }[];
  terms: { word: string; z: string; count: number; href: string }[];
}

export interface StoryDashboard {
  part: Part;
  outlets: OutletRow[];
  charts: { tone: Chart; expectation: Chart; voices: Chart; issues: Chart | null };
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
  links: { facts: string; search: string; json: string; specs: Record<string, string> };
  parts: { label: string; href: string; current: boolean }[];
  partNote: string;
  isSingleOutlet: boolean;
  dashboard: StoryDashboard;
  columns: {
    name: string;
    slug: string;
    kind: string | null;
    country: string | null;
    isNameInferred: boolean;
    articles: {
      href: string;
      headline: string;
      hasTitle: boolean;
      date: string | null;
      author: string | null;
      words: number;
      sentences: number;
    }[];
  }[];
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

const fixed = (value: number, digits: number) => value.toFixed(digits);
const signed = (value: number) =>
  `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(2)}`;
const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Shortens a first sentence shown in place of a missing headline. */
function shorten(text: string, max = 110): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > 60 ? cut : max)}…`;
}

function summaryFigures(c: OutletComparison): OutletFigures {
  const rates = (voice: 'narrator' | 'quoted') => ({
    lowers: c.expectation.lowers.byVoice[voice].per1000,
    raises: c.expectation.raises.byVoice[voice].per1000,
    hedged: c.expectation.hedged.byVoice[voice].per1000,
  });
  return {
    outlet: c.outlet,
    words: c.words,
    // No tone claim rests on fewer than five sentences: their interval says too little.
    tone: c.tone && c.tone.method !== 'none' && c.tone.n >= 5 ? c.tone : null,
    expectation: { narrator: rates('narrator'), quoted: rates('quoted') },
    speakerShare: {
      us_gov: c.voices.us_gov.share,
      china_gov: c.voices.china_gov.share,
      analyst: c.voices.analyst.share,
      other: c.voices.other.share,
    },
    sentences: c.sentences,
    hedgesPer1000: c.hedges.per1000,
    issuesPer1000: Object.fromEntries(Object.entries(c.issues).map(([k, v]) => [k, v.per1000])),
  };
}

/** The dashboard's numbers and charts for one part of the articles. */
export async function storyDashboard(
  story: StorySummary,
  allSentences: StorySentence[],
  part: Part,
  issueLabels: Readonly<Record<string, string>>,
): Promise<StoryDashboard> {
  const sentences = selectPart(allSentences, part);
  const outletSlugs = story.outlets.map((o) => o.slug);
  const names = new Map(story.outlets.map((o) => [o.slug, o.name]));
  const nameOf = (slug: string) => names.get(slug) ?? slug;
  const figures = compareOutlets(outletSlugs, sentences);
  const summaries = new Map(
    summarizeOutlets(figures.map(summaryFigures), issueLabels).map((s) => [s.outlet, s.line]),
  );
  const keyness = new Map(
    distinctiveTerms(
      sentences.map((s) => ({ outlet: s.outlet, text: s.text })),
      { top: 8 },
    ).map((k) => [k.outlet, k.terms]),
  );
  const partFilter = part === 'all' ? {} : { part };
  const link = (outlet: string, extra: Omit<SentenceFilters, 'story'>): string =>
    sentencesHref({ story: story.slug, outlet, ...partFilter, ...extra });
  const rateLink = (
    outlet: string,
    rate: { count: number; per1000: number },
    extra: Omit<SentenceFilters, 'story'>,
  ): Linked => ({ text: fixed(rate.per1000, 1), href: link(outlet, extra) });

  const outlets: OutletRow[] = figures.map((f) => {
    const label = (name: 'lowers' | 'raises' | 'hedged') => ({
      ...rateLink(f.outlet, f.expectation[name], { expectation: name }),
      own: rateLink(f.outlet, f.expectation[name].byVoice.narrator, {
        expectation: name,
        voice: 'narrator',
      }),
      quoted: rateLink(f.outlet, f.expectation[name].byVoice.quoted, {
        expectation: name,
        voice: 'quoted',
      }),
    });
    const quoted = f.sentences > 0 ? 1 - f.voices.narrator.share : null;
    return {
      name: nameOf(f.outlet),
      slug: f.outlet,
      summary: summaries.get(f.outlet) ?? '',
      articles: story.outlets.find((o) => o.slug === f.outlet)?.articleCount ?? f.articles,
      sentences: { text: String(f.sentences), href: link(f.outlet, {}) },
      words: f.words,
      tone: f.tone && {
        mean: { text: signed(f.tone.estimate), href: link(f.outlet, {}) },
        ci: `${signed(f.tone.low)} to ${signed(f.tone.high)}`,
        spread: `${signed(f.toneDistribution.q1)} to ${signed(f.toneDistribution.q3)}`,
        method:
          f.tone.method === 'articles'
            ? `resampling ${f.tone.articles} articles`
            : f.tone.method === 'sentences'
              ? 'one article: resampling its sentences'
              : 'a single sentence',
        narrator: f.toneByVoice.narrator ? signed(f.toneByVoice.narrator.estimate) : '–',
        quoted: f.toneByVoice.quoted ? signed(f.toneByVoice.quoted.estimate) : '–',
      },
      lowers: label('lowers'),
      raises: label('raises'),
      hedged: label('hedged'),
      hedges: rateLink(f.outlet, f.hedges, { cue: 'hedge' }),
      boosters: rateLink(f.outlet, f.boosters, { cue: 'booster' }),
      quotedShare: {
        text: quoted === null ? '–' : percent(quoted),
        href: link(f.outlet, { voice: 'quoted' }),
      },
      anonymousShare: {
        text: f.sentences > 0 ? percent(f.anonymous.share) : '–',
        href: link(f.outlet, { anonymous: true }),
      },
      speakers: f.topSpeakers.map((s) => ({
        name: s.name,
        side: s.side,
        sideLabel: SIDE_LABELS[s.side] ?? s.side,
        sentences: s.sentences,
        href: link(f.outlet, { speaker: s.name }),
      })),
      terms: (keyness.get(f.outlet) ?? []).map((t) => ({
        word: t.word,
        z: t.z.toFixed(1),
        count: t.count,
        href: link(f.outlet, { q: t.word }),
      })),
    };
  });

  const outletNames = outletSlugs.map(nameOf);
  const tone = await renderChart(
    toneChartSpec(
      sentences.flatMap((s) =>
        s.tone === null
          ? []
          : [
              {
                outlet: nameOf(s.outlet),
                tone: s.tone,
                text: s.text.length > 160 ? `${s.text.slice(0, 157)}…` : s.text,
                href: `/articles/${s.articleId}#s${s.position}`,
              },
            ],
      ),
      figures.flatMap((f) =>
        f.tone
          ? [
              {
                outlet: nameOf(f.outlet),
                mean: f.tone.estimate,
                low: f.tone.low,
                high: f.tone.high,
                n: f.tone.n,
                href: link(f.outlet, {}),
              },
            ]
          : [],
      ),
      outletNames,
    ),
  );
  const expectation = await renderChart(
    expectationChartSpec(
      figures.flatMap((f) =>
        (['lowers', 'raises', 'hedged'] as const).flatMap((label) =>
          (['narrator', 'quoted'] as const).map((voice) => ({
            outlet: nameOf(f.outlet),
            group: label,
            voice: voice === 'narrator' ? 'own voice' : 'quoted',
            per1000: f.expectation[label].byVoice[voice].per1000,
            count: f.expectation[label].byVoice[voice].count,
            href: link(f.outlet, { expectation: label, voice }),
          })),
        ),
      ),
      outletNames,
    ),
  );
  const voices = await renderChart(
    voicesChartSpec(
      figures.flatMap((f) =>
        VOICE_BUCKETS.map((bucket) => ({
          outlet: nameOf(f.outlet),
          bucket,
          label: SIDE_LABELS[bucket] ?? bucket,
          share: f.voices[bucket].share,
          count: f.voices[bucket].count,
          href: link(f.outlet, { side: bucket }),
        })),
      ),
      outletNames,
    ),
  );
  const issueIds = Object.keys(issueLabels).filter((id) =>
    figures.some((f) => (f.issues[id]?.count ?? 0) > 0),
  );
  const issues =
    issueIds.length === 0
      ? null
      : await renderChart(
          issuesHeatmapSpec(
            figures.flatMap((f) =>
              issueIds.map((id) => ({
                outlet: nameOf(f.outlet),
                issue: issueLabels[id] ?? id,
                per1000: f.issues[id]?.per1000 ?? 0,
                count: f.issues[id]?.count ?? 0,
                href: link(f.outlet, { issue: id }),
              })),
            ),
            outletNames,
            issueIds.map((id) => issueLabels[id] ?? id),
          ),
        );
  return { part, outlets, charts: { tone, expectation, voices, issues } };
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
): StoryPage {
  const base = `/stories/${encodeURIComponent(story.slug)}`;
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
      json: `${base}.json?part=${dashboard.part}`,
      specs: Object.fromEntries(
        ['tone', 'expectation', 'voices', 'issues'].map((name) => [
          name,
          `${base}/charts/${name}.vl.json?part=${dashboard.part}`,
        ]),
      ),
    },
    parts: PARTS.map((part) => ({
      label: PART_LABELS[part],
      href: part === 'all' ? base : `${base}?part=${part}`,
      current: part === dashboard.part,
    })),
    partNote: PART_NOTES[dashboard.part],
    isSingleOutlet: story.outlets.length < 2,
    dashboard,
    columns: story.outlets.map((outlet) => ({
      name: outlet.name,
      slug: outlet.slug,
      kind: outlet.kind,
      country: outlet.country,
      isNameInferred: outlet.isNameInferred,
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

// Framing measured against people's judgements (BASIL layout: stance.jsonl and
// bias_spans.jsonl beside segments.jsonl; definitions in
// ../shared/eval/public/basil-dev/README.md):
//   ordering  for each event and entity with tiers of outlets (most negative first), every
//             pair of articles in different tiers, ordered by the article's score toward the
//             entity (targets.ts); ties count half. Permutation p: the three scores of each
//             event shuffled among its articles, seeded.
//   loaded    sentence detection of BASIL's lexical spans outside quotation marks (and, apart,
//             with quoted spans counted) by loaded-language cues, beside two word-list
//             baselines (any AFINN-negative word; any AFINN word of strength ≥ 3).
//   article   Spearman between the article's tone toward its main entities and BASIL's
//             (positive − negative spans) per sentence (both within one article, so the
//             tone toward the target itself, not the score set against the other sentences).
// Pure, like evaluate.ts: cli/eval-framing.ts reads the files. It never reads an outlet's
// name: events name their articles through `docs`, and only the scores order them.

import { z } from 'zod';
import { afinnWordScore } from '../scoring/afinn.js';
import { matchSegments, predictionsFromAnalysis, spearman, type GoldRow } from './evaluate.js';
import type { ArticleAnalysis } from '../types.js';
import { findQuoteSpans } from '../voices/quotes.js';
import { mulberry32 } from '../comparison/stats.js';
import {
  articleTargetScore,
  findTargets,
  TargetMatcher,
  targetSentences,
} from '../scoring/targets.js';
import { tokenize } from '../segmentation/tokens.js';

const tiers = z.array(z.array(z.string()));

export const stanceEventSchema = z.object({
  type: z.literal('event'),
  story: z.string(),
  docs: z.record(z.string(), z.string()),
  common_entities: z.array(z.string()),
  author_feeling_order: z.record(z.string(), tiers),
});
export const stanceArticleSchema = z.object({
  type: z.literal('article'),
  doc: z.string(),
  main_entities: z.array(z.string()),
});
export const stanceRowSchema = z.discriminatedUnion('type', [
  stanceEventSchema,
  stanceArticleSchema,
]);
export const biasSpanSchema = z.object({
  doc: z.string(),
  /** null for a span in a title the text does not hold: it belongs to no gold sentence. */
  para: z.number().int().nullable(),
  sent: z.number().int().nullable(),
  bias: z.enum(['lexical', 'informational']),
  polarity: z.enum(['negative', 'positive']),
  quote: z.boolean(),
});
export type StanceEvent = z.infer<typeof stanceEventSchema>;
export type StanceArticle = z.infer<typeof stanceArticleSchema>;
export type BiasSpan = z.infer<typeof biasSpanSchema>;

export interface FramingGold {
  events: StanceEvent[];
  articles: StanceArticle[];
  spans: BiasSpan[];
}

export interface FramingDocument {
  doc: string;
  text: string;
  analysis: ArticleAnalysis;
  gold: GoldRow[];
}

export interface Detection {
  n: number;
  positives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Ordering {
  events: number;
  pairs: number;
  concordant: number;
  concordance: number | null;
  p_value: number | null;
}

export interface FramingReport {
  ordering: Ordering;
  /** The same pairs ordered by the article's mean sentence tone (no target): the baseline. */
  ordering_mean_tone: Ordering;
  loaded: Detection & {
    with_quotes: Detection;
    baseline_afinn_negative: Detection;
    baseline_afinn_strong: Detection;
  };
  article_spearman: number | null;
  article_spearman_mean_tone: number | null;
  /** The same with the relative (framing) score, which is built to compare articles instead. */
  article_spearman_relative: number | null;
  articles: number;
}

export const PERMUTATIONS = 10_000;
export const PERMUTATION_SEED = 20190601;

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/**
 * An article's scores toward an entity named in the gold (targets.ts): `relative` (the
 * framing score, set against the article's other sentences) orders the articles of an event;
 * `score` (the tone toward the entity itself) is what BASIL's span polarity, counted within
 * one article, measures.
 */
export function entityScores(
  analysis: ArticleAnalysis,
  entity: string,
): { score: number; relative: number } {
  const result = findTargets(targetSentences(analysis), new TargetMatcher([entity]));
  return articleTargetScore(result, 0);
}

function meanTone(analysis: ArticleAnalysis): number {
  const tones = analysis.segments.flatMap((s) => (s.tone ? [s.tone.combined] : []));
  return tones.length === 0 ? 0 : tones.reduce((a, b) => a + b, 0) / tones.length;
}

/** One pair to order: tier index of each article (lower = more negative) per event slot. */
interface RankedEntity {
  /** Tier of each of the event's articles (slot 0..k-1), undefined when not ranked. */
  tier: (number | undefined)[];
  score: number[];
}

function concordantOf(entities: RankedEntity[], permutation: (e: number) => number[]): number {
  let concordant = 0;
  entities.forEach((e, index) => {
    const order = permutation(index);
    for (let a = 0; a < e.tier.length; a++) {
      for (let b = 0; b < e.tier.length; b++) {
        const ta = e.tier[a];
        const tb = e.tier[b];
        if (ta === undefined || tb === undefined || ta >= tb) continue;
        // a is in a more negative tier than b: concordant when a scores lower.
        const sa = e.score[order[a]!]!;
        const sb = e.score[order[b]!]!;
        if (sa < sb) concordant += 1;
        else if (sa === sb) concordant += 0.5;
      }
    }
  });
  return concordant;
}

/** Concordance over all ranked (event, entity) pairs and its permutation p-value. */
export function ordering(
  events: { entities: RankedEntity[] }[],
  permutations = PERMUTATIONS,
  seed = PERMUTATION_SEED,
): Ordering {
  const flat = events.flatMap((e, ev) => e.entities.map((entity) => ({ ev, entity })));
  const entities = flat.map((f) => f.entity);
  let pairs = 0;
  for (const e of entities)
    for (const ta of e.tier)
      for (const tb of e.tier) if (ta !== undefined && tb !== undefined && ta < tb) pairs++;
  const identity = (e: number) => entities[e]!.score.map((_, i) => i);
  const concordant = concordantOf(entities, identity);
  if (pairs === 0)
    return { events: events.length, pairs, concordant, concordance: null, p_value: null };
  // One shuffle per event, shared by its entities: the articles are what is exchangeable.
  const random = mulberry32(seed);
  let atLeast = 0;
  for (let r = 0; r < permutations; r++) {
    const perEvent = events.map((e) => shuffle(e.entities[0]?.score.length ?? 0, random));
    const c = concordantOf(entities, (i) => perEvent[flat[i]!.ev]!);
    if (c >= concordant - 1e-9) atLeast++;
  }
  return {
    events: events.length,
    pairs,
    concordant,
    concordance: concordant / pairs,
    p_value: (atLeast + 1) / (permutations + 1),
  };
}

function shuffle(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function detection(items: { gold: boolean; predicted: boolean }[]): Detection {
  const tp = items.filter((x) => x.gold && x.predicted).length;
  const predicted = items.filter((x) => x.predicted).length;
  const positives = items.filter((x) => x.gold).length;
  const precision = ratio(tp, predicted);
  const recall = ratio(tp, positives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { n: items.length, positives, precision, recall, f1 };
}

interface SentenceView {
  gold: boolean;
  goldWithQuotes: boolean;
  loaded: boolean;
  loadedWithQuotes: boolean;
  afinnNegative: boolean;
  afinnStrong: boolean;
}

/** Per gold sentence (headline and body): the gold and each detector's verdict. */
function sentenceViews(document: FramingDocument, spans: BiasSpan[]): SentenceView[] {
  const key = (para: number | null, sent: number | null) => `${para}:${sent}`;
  const lexical = new Set<string>();
  const lexicalAny = new Set<string>();
  for (const s of spans) {
    if (s.doc !== document.doc || s.bias !== 'lexical') continue;
    lexicalAny.add(key(s.para, s.sent));
    if (!s.quote) lexical.add(key(s.para, s.sent));
  }
  const quotes = findQuoteSpans(document.text);
  const inQuote = (start: number, end: number) =>
    quotes.some((q) => start >= q.start && end <= q.end);
  const predicted = predictionsFromAnalysis(document.analysis);
  const index = new Map(predicted.map((p, i) => [p, i]));
  const scoredGold = document.gold.filter((g) => g.kind === 'body' || g.kind === 'headline');
  const { pairs, missing } = matchSegments(scoredGold, predicted);
  const loadedBySegment = new Map<number, { outside: boolean }[]>();
  for (const h of document.analysis.cueHits) {
    if (h.lexicon !== 'loaded') continue;
    const list = loadedBySegment.get(h.segment) ?? [];
    list.push({ outside: !inQuote(h.start, h.end) });
    loadedBySegment.set(h.segment, list);
  }
  const views: SentenceView[] = pairs.map(({ gold, predicted: p }) => {
    const i = index.get(p)!;
    const segment = document.analysis.segments[i]!;
    const hits = loadedBySegment.get(i) ?? [];
    let afinnNegative = false;
    let afinnStrong = false;
    for (const t of tokenize(segment.text, segment.start)) {
      const v = t.isWord ? afinnWordScore(t.norm) : 0;
      if (v === 0 || inQuote(t.start, t.end)) continue;
      if (v < 0) afinnNegative = true;
      if (Math.abs(v) >= 3) afinnStrong = true;
    }
    return {
      gold: lexical.has(key(gold.para, gold.sent)),
      goldWithQuotes: lexicalAny.has(key(gold.para, gold.sent)),
      loaded: hits.some((h) => h.outside),
      loadedWithQuotes: hits.length > 0,
      afinnNegative,
      afinnStrong,
    };
  });
  // A gold sentence the segmenter split differently is still judged: nothing predicted.
  for (const g of missing) {
    views.push({
      gold: lexical.has(key(g.para, g.sent)),
      goldWithQuotes: lexicalAny.has(key(g.para, g.sent)),
      loaded: false,
      loadedWithQuotes: false,
      afinnNegative: false,
      afinnStrong: false,
    });
  }
  return views;
}

/** The framing report over the documents given; events with a missing article are skipped. */
export function evaluateFraming(
  gold: FramingGold,
  documents: FramingDocument[],
  options: { permutations?: number; seed?: number } = {},
): FramingReport {
  const byDoc = new Map(documents.map((d) => [d.doc, d]));
  const targetEvents: { entities: RankedEntity[] }[] = [];
  const toneEvents: { entities: RankedEntity[] }[] = [];
  for (const event of gold.events) {
    const slots = Object.entries(event.docs);
    const docs = slots.map(([, doc]) => byDoc.get(doc));
    if (docs.some((d) => d === undefined)) continue;
    const target: RankedEntity[] = [];
    const tone: RankedEntity[] = [];
    for (const [entity, order] of Object.entries(event.author_feeling_order)) {
      const tierOf = new Map<string, number>();
      order.forEach((tier, t) => tier.forEach((slot) => tierOf.set(slot, t)));
      const tier = slots.map(([slot]) => tierOf.get(slot));
      target.push({ tier, score: docs.map((d) => entityScores(d!.analysis, entity).relative) });
      tone.push({ tier, score: docs.map((d) => meanTone(d!.analysis)) });
    }
    targetEvents.push({ entities: target });
    toneEvents.push({ entities: tone });
  }

  const views = documents.flatMap((d) => sentenceViews(d, gold.spans));
  const pick = (goldKey: 'gold' | 'goldWithQuotes', predictedKey: keyof SentenceView) =>
    detection(views.map((v) => ({ gold: v[goldKey], predicted: v[predictedKey] })));

  const mainEntities = new Map(gold.articles.map((a) => [a.doc, a.main_entities]));
  const goldPolarity: number[] = [];
  const predictedPolarity: number[] = [];
  const tonePolarity: number[] = [];
  const relativePolarity: number[] = [];
  for (const d of documents) {
    const entities = mainEntities.get(d.doc);
    const sentences = d.gold.filter((g) => g.kind === 'body' || g.kind === 'headline').length;
    if (!entities || entities.length === 0 || sentences === 0) continue;
    let net = 0;
    for (const s of gold.spans) if (s.doc === d.doc) net += s.polarity === 'positive' ? 1 : -1;
    goldPolarity.push(net / sentences);
    const scores = entities.map((e) => entityScores(d.analysis, e));
    predictedPolarity.push(scores.reduce((a, b) => a + b.score, 0) / scores.length);
    relativePolarity.push(scores.reduce((a, b) => a + b.relative, 0) / scores.length);
    tonePolarity.push(meanTone(d.analysis));
  }

  const permutations = options.permutations ?? PERMUTATIONS;
  const seed = options.seed ?? PERMUTATION_SEED;
  return {
    ordering: ordering(targetEvents, permutations, seed),
    ordering_mean_tone: ordering(toneEvents, permutations, seed),
    loaded: {
      ...pick('gold', 'loaded'),
      with_quotes: pick('goldWithQuotes', 'loadedWithQuotes'),
      baseline_afinn_negative: pick('gold', 'afinnNegative'),
      baseline_afinn_strong: pick('gold', 'afinnStrong'),
    },
    article_spearman: spearman(goldPolarity, predictedPolarity),
    article_spearman_mean_tone: spearman(goldPolarity, tonePolarity),
    article_spearman_relative: spearman(goldPolarity, relativePolarity),
    articles: goldPolarity.length,
  };
}

// View model of the article page: the text as paragraphs of segments, each segment with its
// kind; in headline and body sentences the words behind every score are highlighted from the
// stored cue hits, and a margin beside each paragraph gives every sentence's tone,
// expectation label and speaker. Quoted sentences are tinted by the speaker's side.

import type {
  ArticleDetail,
  ArticleSummary,
  StoredCueHit,
  StoredSegment,
  StoredSpeaker,
} from '../../db/store.js';
import { findLinkCards } from '../../analysis/segmentation/link-cards.js';
import { nameOf } from '../../analysis/vocabulary/label.js';
import { QUOTE } from '../../analysis/vocabulary/quotes.js';
import { isScoredKind, SEGMENT_KIND } from '../../analysis/vocabulary/segments.js';
import { sideHue, sideInfo } from '../../analysis/vocabulary/sides.js';
import { storyCodebook } from '../sides.js';
import type { LayoutModel } from '../render.js';
import { expectationBadge, speakerBadge, toneBadge } from './sentence.js';
import type { SentenceBadges } from './sentence.js';

export interface CuePiece {
  text: string;
  /** Set when cues cover the piece: their CSS classes and a readable explanation. */
  cue: { className: string; label: string } | null;
}

interface SegmentView {
  id: number;
  anchor: string;
  /** 1-based number of the sentence among the article's scored sentences, or null. */
  seq: number | null;
  kind: string;
  kindLabel: string;
  voiceClass: string;
  voiceTitle: string;
  pieces: CuePiece[];
}

interface MarginNote extends SentenceBadges {
  anchor: string;
  seq: number;
  hedges: number;
  boosters: number;
  /** When the trained model set the expectation label: the features that pushed it there. */
  model: ModelEvidence | null;
}

export interface ModelEvidence {
  label: string;
  /** The strongest features, weight first: what the line shows. */
  top: { feature: string; weight: string }[];
  /** Every feature with its weight, for the line's title. */
  all: string;
}

/** How many of the model's features the margin line shows (the rest are in its title). */
const MODEL_FEATURES_SHOWN = 5;

/**
 * A model feature's name as a reader takes it: stems and stem pairs in quotes, cues and
 * building blocks of the expectation lexicon by role, "(talks named)" for the combinations.
 */
export function describeFeature(name: string): string {
  const talks = name.startsWith('talks&');
  const bare = talks ? name.slice('talks&'.length) : name;
  const [kind, ...rest] = bare.split(':');
  const value = rest.join(':');
  const text =
    kind === 'w'
      ? `“${value}…”`
      : kind === 'b'
        ? `“${value.replace('_', ' ')}…”`
        : kind === 'cue'
          ? `cue ${value.replace(':', ' / ')}`
          : kind === 'role'
            ? `${value} word`
            : kind === 'rule'
              ? `rules said ${value}`
              : kind === 'rule-move'
                ? `rules' move ${value}`
                : bare.replace(/[:-]/g, ' ');
  return talks ? `${text} (talks named)` : text;
}

/** The model's cue hits on a sentence, as the margin's evidence line, or null. */
export function modelEvidence(segment: StoredSegment): ModelEvidence | null {
  const hits = segment.cueHits
    .filter((h) => h.lexicon === 'expectation-model')
    .sort((a, b) => b.weight - a.weight || a.entry.localeCompare(b.entry));
  if (hits.length === 0) return null;
  const signed = (w: number) => `${w >= 0 ? '+' : ''}${w.toFixed(2)}`;
  return {
    label: hits[0]!.category,
    top: hits
      .slice(0, MODEL_FEATURES_SHOWN)
      .map((h) => ({ feature: describeFeature(h.entry), weight: signed(h.weight) })),
    all: hits.map((h) => `${describeFeature(h.entry)} ${signed(h.weight)}`).join('; '),
  };
}

export interface ArticlePage extends LayoutModel {
  article: {
    id: number;
    title: string;
    outlet: string;
    outletKind: string | null;
    isNameInferred: boolean;
    date: string | null;
    author: string | null;
    url: string | null;
    words: number;
    sentences: number;
    source: string | null;
    storyHref: string;
  };
  run: { id: number; analyzerVersion: string; lexiconHash: string; startedAt: string };
  /** Whether any segment holds a link card (a greyed piece): the legend then says what it is. */
  hasLinkCards: boolean;
  /** The story codebook's sides, for the legend: the narrator is unmarked. */
  sides: { name: string; hue: string }[];
  speakers: {
    name: string;
    sideLabel: string;
    side: string;
    hue: string;
    role: string | null;
    sentences: number;
  }[];
  paragraphs: { index: number; kind: string; segments: SegmentView[]; notes: MarginNote[] }[];
}

/** Quote marks span whole quotations; the sentence's voice tint shows them instead. */
const INLINE_LEXICONS = new Set(['tone', 'expectation', 'hedge', 'booster', 'voice', 'issue']);

function cueClass(hit: StoredCueHit): string {
  switch (hit.lexicon) {
    case 'tone':
      return hit.weight < 0 ? 'cue-tone-neg' : 'cue-tone-pos';
    case 'expectation':
      return hit.weight < 0
        ? 'cue-exp-lowers'
        : hit.weight > 0
          ? 'cue-exp-raises'
          : 'cue-exp-hedged';
    case 'hedge':
      return 'cue-hedge';
    case 'booster':
      return 'cue-booster';
    case 'voice':
      return 'cue-voice';
    default:
      return 'cue-issue';
  }
}

function cueText(hit: StoredCueHit): string {
  const negated = hit.negated ? ', negated' : '';
  const weight = hit.lexicon === 'tone' ? ` ${hit.weight > 0 ? '+' : ''}${hit.weight}` : '';
  return `${hit.lexicon}: ${hit.category.replace(/[_-]/g, ' ')}${weight}${negated} (“${hit.entry}”)`;
}

/** A link card left in scraped text (link-cards.ts): shown as stored, greyed, never a cue. */
const LINK_CARD = {
  className: 'link-card',
  label: 'a link card from the page (other stories’ headlines): not read by the analysis',
};

/**
 * Splits a segment's text at every cue boundary; each piece carries the classes of all the
 * cues covering it, so overlapping evidence (a hedge inside an expectation phrase) all shows.
 * A link card the analysis did not read is a greyed piece of its own.
 */
export function pieces(segment: StoredSegment): CuePiece[] {
  const hits = segment.cueHits.filter(
    (h) =>
      INLINE_LEXICONS.has(h.lexicon) &&
      !(h.lexicon === 'voice' && h.category === 'quote_mark') &&
      h.start >= segment.start &&
      h.end <= segment.end &&
      h.end > h.start,
  );
  const cards = findLinkCards(segment.text).map((c) => ({
    start: c.start + segment.start,
    end: c.end + segment.start,
  }));
  const cuts = new Set([segment.start, segment.end]);
  for (const h of hits) cuts.add(h.start).add(h.end);
  for (const c of cards) cuts.add(c.start).add(c.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: CuePiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const text = segment.text.slice(from - segment.start, to - segment.start);
    const covering = hits.filter((h) => h.start <= from && h.end >= to);
    const cue = cards.some((c) => c.start <= from && c.end >= to)
      ? LINK_CARD
      : covering.length === 0
        ? null
        : {
            className: [...new Set(covering.map(cueClass))].join(' '),
            label: covering.map(cueText).join('; '),
          };
    const last = out[out.length - 1];
    if (last && last.cue?.className === cue?.className && last.cue?.label === cue?.label) {
      last.text += text;
    } else {
      out.push({ text, cue });
    }
  }
  return out;
}

/** Only http(s) addresses become links: a stored "javascript:" URL must never be clickable. */
export function httpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function articlePage(article: ArticleDetail): ArticlePage {
  const sides = storyCodebook(article.story).vocabulary;
  const speakers = new Map<number, StoredSpeaker>(article.speakers.map((s) => [s.id, s]));
  const spoken = new Map<number, number>();
  const paragraphs: ArticlePage['paragraphs'] = [];
  let seq = 0;
  for (const segment of article.segments) {
    let paragraph = paragraphs[paragraphs.length - 1];
    if (!paragraph || paragraph.index !== segment.paragraph) {
      paragraph = { index: segment.paragraph, kind: segment.kind, segments: [], notes: [] };
      paragraphs.push(paragraph);
    }
    const isScored = isScoredKind(segment.kind);
    const speaker = segment.speakerId === null ? undefined : speakers.get(segment.speakerId);
    const quoted =
      isScored && speaker !== undefined && segment.quote !== null && segment.quote !== 'none';
    if (quoted) spoken.set(speaker.id, (spoken.get(speaker.id) ?? 0) + 1);
    const anchor = `s${segment.position}`;
    if (isScored) seq++;
    paragraph.segments.push({
      id: segment.id,
      anchor,
      seq: isScored ? seq : null,
      kind: segment.kind,
      kindLabel: nameOf(SEGMENT_KIND, segment.kind),
      voiceClass: quoted ? `voice-${sideHue(sides, speaker.side)} quote-${segment.quote}` : '',
      voiceTitle: quoted
        ? `${nameOf(QUOTE, segment.quote ?? 'none')}: ${speaker.name} (${sideInfo(sides, speaker.side).name}${speaker.isAnonymous ? ', anonymous' : ''})`
        : '',
      // Unscored segments show no cues; link cards are greyed in every segment.
      pieces: pieces(isScored ? segment : { ...segment, cueHits: [] }),
    });
    if (isScored) {
      paragraph.notes.push({
        anchor,
        seq,
        tone: toneBadge(segment.tone, segment.toneAfinn, segment.toneDiplomacy),
        expectation: expectationBadge(segment.expectation, segment.expectationMove),
        speaker: speakerBadge(
          speaker?.name ?? null,
          speaker?.side ?? null,
          segment.quote,
          speaker?.isAnonymous ?? false,
        ),
        hedges: segment.hedges,
        boosters: segment.boosters,
        model: modelEvidence(segment),
      });
    }
  }
  const title = articleName(article);
  const storyHref = `/stories/${encodeURIComponent(article.story.slug)}`;
  return {
    title,
    crumbs: [
      { label: 'Stories', href: '/' },
      { label: article.story.title, href: storyHref },
    ],
    hasLinkCards: paragraphs.some((p) =>
      p.segments.some((s) => s.pieces.some((piece) => piece.cue === LINK_CARD)),
    ),
    sides: sides.speakerSides.map((side) => ({
      name: sideInfo(sides, side).name,
      hue: sideHue(sides, side),
    })),
    article: {
      id: article.id,
      title,
      outlet: article.outlet.name,
      outletKind: article.outlet.kind,
      isNameInferred: article.outlet.isNameInferred,
      date: article.publishedDate,
      author: article.author,
      url: httpUrl(article.url),
      words: article.wordCount,
      sentences: article.sentenceCount,
      source: article.source,
      storyHref,
    },
    run: {
      id: article.run.id,
      analyzerVersion: article.run.analyzerVersion,
      lexiconHash: article.run.lexiconHash.slice(0, 12),
      startedAt: article.run.startedAt.slice(0, 16).replace('T', ' '),
    },
    speakers: article.speakers
      .map((s) => ({
        name: s.name,
        side: s.side,
        hue: sideHue(sides, s.side),
        sideLabel: `${sideInfo(sides, s.side).name}${s.isAnonymous ? ', anonymous' : ''}`,
        role: s.role,
        sentences: spoken.get(s.id) ?? 0,
      }))
      .filter((s) => s.sentences > 0)
      .sort((a, b) => b.sentences - a.sentences || a.name.localeCompare(b.name)),
    paragraphs,
  };
}

/** How pages name an article: its title, else its headline line, else outlet and date. */
export function articleName(article: ArticleSummary): string {
  return (
    article.title ??
    article.headline ??
    `${article.outlet.name}${article.publishedDate ? `, ${article.publishedDate}` : ''} (no headline in the text)`
  );
}

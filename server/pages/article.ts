// View model of the article page: paragraphs of segments, each with its kind, and the
// words behind each score highlighted from the stored cue hits.

import type { ArticleDetail, StoredCueHit, StoredSegment } from '../../db/store.js';
import type { LayoutModel } from '../render.js';

export interface TextPiece {
  text: string;
  /** Set when the piece is a cue: its lexicon and category, as a CSS class suffix. */
  cue: { className: string; label: string } | null;
}

export interface ArticlePage extends LayoutModel {
  article: {
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
  };
  run: { id: number; analyzerVersion: string; lexiconHash: string; startedAt: string };
  paragraphs: {
    index: number;
    kind: string;
    segments: {
      id: number;
      anchor: string;
      kind: string;
      kindLabel: string;
      isScored: boolean;
      pieces: TextPiece[];
    }[];
  }[];
}

const KIND_LABELS: Record<string, string> = {
  headline: 'Headline',
  dek: 'Dek',
  byline: 'Byline',
  section: 'Section heading',
  body: 'Body',
  boilerplate: 'Page furniture',
};

/**
 * Splits a segment's text into plain pieces and cue pieces. Overlapping hits are resolved
 * in favour of the one that starts first, then the longer one; the rest stay in the tooltip
 * data of the page's evidence table, not as nested highlights.
 */
export function pieces(segment: StoredSegment): TextPiece[] {
  const hits = [...segment.cueHits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextPiece[] = [];
  let at = segment.start;
  for (const hit of hits) {
    if (hit.start < at || hit.end > segment.end) continue;
    if (hit.start > at)
      out.push({
        text: segment.text.slice(at - segment.start, hit.start - segment.start),
        cue: null,
      });
    out.push({
      text: segment.text.slice(hit.start - segment.start, hit.end - segment.start),
      cue: cueLabel(hit),
    });
    at = hit.end;
  }
  if (at < segment.end) out.push({ text: segment.text.slice(at - segment.start), cue: null });
  return out;
}

function cueLabel(hit: StoredCueHit): { className: string; label: string } {
  const category = hit.category.replace(/[^a-z0-9_-]/gi, '-').toLowerCase();
  const lexicon = hit.lexicon.replace(/[^a-z0-9_-]/gi, '-').toLowerCase();
  const negated = hit.negated ? ' (negated)' : '';
  return {
    className: `cue-${lexicon} cue-${lexicon}-${category}`,
    label: `${hit.lexicon}: ${hit.category}${negated} — “${hit.entry}”`,
  };
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
  const paragraphs: ArticlePage['paragraphs'] = [];
  for (const segment of article.segments) {
    let paragraph = paragraphs[paragraphs.length - 1];
    if (!paragraph || paragraph.index !== segment.paragraph) {
      paragraph = { index: segment.paragraph, kind: segment.kind, segments: [] };
      paragraphs.push(paragraph);
    }
    paragraph.segments.push({
      id: segment.id,
      anchor: `s${segment.position}`,
      kind: segment.kind,
      kindLabel: KIND_LABELS[segment.kind] ?? segment.kind,
      isScored: segment.kind === 'body' || segment.kind === 'headline',
      pieces: pieces(segment),
    });
  }
  const title = article.title ?? article.headline ?? 'Untitled article';
  return {
    title,
    crumbs: [
      { label: 'Stories', href: '/' },
      { label: article.story.title, href: `/stories/${encodeURIComponent(article.story.slug)}` },
    ],
    article: {
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
    },
    run: {
      id: article.run.id,
      analyzerVersion: article.run.analyzerVersion,
      lexiconHash: article.run.lexiconHash.slice(0, 12),
      startedAt: article.run.startedAt,
    },
    paragraphs,
  };
}

// Parallax's segmenter: an article's text in, its paragraphs and sentences out, each with
// exact offsets into the original text and a kind (headline, dek, byline, section, body,
// boilerplate). A paragraph is every non-empty line. Page furniture, bylines and headings
// are recognised per line, from data patterns (lexicons/segmentation.json) and from shape
// (length, final punctuation, title case, position); body lines are split into sentences
// by sentences.ts. It deliberately does not tokenize or score anything.

import { segmentationRules, type LinePattern, type SegmentationRules } from './segment-rules.js';
import { splitSentences } from './sentences.js';
import type { Segment } from '../types.js';
import type { SegmentKind } from '../vocabulary/segments.js';

export interface SegmentHints {
  /** The title from the article's metadata: the line that equals it is the headline. */
  title?: string;
}

interface Line {
  start: number;
  end: number;
  /** The line's text, only for lines short enough to be headings or furniture. */
  short: string | null;
  /** Word count, counted up to 61 (and 61 for every line that is not short). */
  words: number;
}

/** Line-level decision; 'body' and 'dek' lines are split into sentences. */
type LineKind = SegmentKind | 'pending';

const SHORT_LINE = 200;
/** Lines longer than this are never tested against the furniture and byline patterns. */
const FURNITURE_MAX_WORDS = 30;
const HEADING_MAX_WORDS = 12;
const QUESTION_HEADING_MAX_WORDS = 10;
const HEADLINE_MAX_WORDS = 30;
const DEK_MAX_WORDS = 16;
/** A first line this long or longer, unpunctuated, under a headline the text lacks, is a standfirst. */
const STANDFIRST_MIN_WORDS = 8;
/** Furniture longer than this is prose ("This story has been corrected. An earlier …"),
 *  unless its pattern keeps it whole. */
const FURNITURE_UNIT_MAX_WORDS = 12;
/** How much of a line the keep-whole furniture patterns see. */
const WHOLE_FURNITURE_HEAD = 300;
/** How many of the first unclassified lines may open a summary box. */
const SUMMARY_SEARCH_LINES = 3;
/** A question heading opens with its question word, not with a connective. */
const CONNECTIVES = new Set(['so', 'and', 'but', 'or', 'yet', 'then', 'now', 'which', 'because']);
const FUNCTION_WORDS = new Set(
  'a an the and or but nor of in on at to for with by from as vs via into onto over per up off out than'.split(
    ' ',
  ),
);
const OPENING_MARKS = new Set(['“', '‘', '"', "'", '—', '–', '-', '(', '[', '«']);
const QUOTE_OPENERS = new Set(['“', '‘', '"', "'"]);
const BYLINE_PREFIX_RE =
  /^(?:(?:written|posted|reported|compiled)\s+)?by\s+|^(?:authors?|words|text|writer)\s*:\s*/i;
// A line of one to four personal names, each of two to four capitalised words ("Garry L.
// Smith"), joined by "and" or commas.
const PERSON_NAME = String.raw`\p{Lu}[\p{L}'’-]*\.?(?: \p{Lu}[\p{L}'’-]*\.?){1,3}`;
const MORE_NAMES = String.raw`(?:(?:,| and|, and) ${PERSON_NAME})`;
const NAMES_ONLY_RE = new RegExp(String.raw`^${PERSON_NAME}${MORE_NAMES}{0,3}$`, 'u');
// Names beyond doubt: one name of two plain words, or two names or more.
const PLAIN_NAMES_RE = new RegExp(
  String.raw`^(?:\p{Lu}[\p{L}'’-]* \p{Lu}[\p{L}'’-]*|${PERSON_NAME}${MORE_NAMES}{1,3})$`,
  'u',
);
// An outlet's credit line in capitals: "USA TODAY", "THE ASSOCIATED PRESS".
const OUTLET_CREDIT_RE = /^\p{Lu}[\p{Lu}&.' ]{1,30}$/u;
const TITLE_PREFIX_RE = /^(?:dr|mr|mrs|ms|prof)\.?\s+/i;

/** Segments of `text`, in reading order. */
export function segmentArticle(text: string, hints: SegmentHints = {}): Segment[] {
  const rules = segmentationRules();
  const lines = paragraphLines(text);
  // Whether each line opens like furniture that is never prose, tested once per line.
  const whole = lines.map((line) => wholeFurniture(text, line, rules));
  const kinds = classifyLines(text, lines, whole, hints, rules);
  const segments: Segment[] = [];
  lines.forEach((line, paragraph) => {
    const kind = kinds[paragraph] ?? 'body';
    const prose =
      kind === 'body' ||
      kind === 'dek' ||
      (kind === 'boilerplate' && line.words > FURNITURE_UNIT_MAX_WORDS && !whole[paragraph]);
    if (!prose) {
      segments.push(segmentOf(text, paragraph, 0, kind, line.start, line.end));
      return;
    }
    const spans = splitSentences(text, line.start, line.end, rules);
    spans.forEach((span, sentence) => {
      let spanKind: SegmentKind = kind;
      // "… relations? —The Editors", "… Vivian Wang contributed reporting.": furniture
      // closing a paragraph of body text.
      if (
        kind !== 'boilerplate' &&
        sentence > 0 &&
        sentence === spans.length - 1 &&
        span.end - span.start <= 80
      ) {
        if (matchesAny(rules.boilerplate, text.slice(span.start, span.end)))
          spanKind = 'boilerplate';
      }
      segments.push(segmentOf(text, paragraph, sentence, spanKind, span.start, span.end));
    });
  });
  return segments;
}

function segmentOf(
  text: string,
  paragraph: number,
  sentence: number,
  kind: SegmentKind,
  start: number,
  end: number,
): Segment {
  return { paragraph, sentence, kind, text: text.slice(start, end), start, end };
}

/** Every non-empty line (any of \n, \r\n, \r ends a line), trimmed. */
function paragraphLines(text: string): Line[] {
  const lines: Line[] = [];
  const hasCR = text.includes('\r');
  let lineStart = 0;
  while (lineStart <= text.length) {
    let i = hasCR ? lineStart : text.indexOf('\n', lineStart);
    if (i === -1) i = text.length;
    for (; hasCR && i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || code === 13) break;
    }
    let s = lineStart;
    let e = i;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      // Only short lines can be headings or furniture, so only they need a word count.
      const short = e - s <= SHORT_LINE;
      lines.push({
        start: s,
        end: e,
        short: short ? text.slice(s, e) : null,
        words: short ? countWordsUpTo(text, s, e, 61) : 61,
      });
    }
    lineStart = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return lines;
}

/** Whitespace, including \r, no-break and the Unicode spaces. */
function isBlank(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0xfeff ||
    code === 0x3000 ||
    code === 0x202f ||
    code === 0x205f ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029
  );
}

function countWordsUpTo(text: string, start: number, end: number, cap: number): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end && words < cap; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 0xa0;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

const matchesAny = (patterns: readonly LinePattern[], line: string): boolean =>
  patterns.some((p) => p.test(line));

/** A line that opens like furniture that is never prose (a video box, a photo caption). */
function wholeFurniture(text: string, line: Line, rules: SegmentationRules): boolean {
  const head = text.slice(line.start, Math.min(line.end, line.start + WHOLE_FURNITURE_HEAD));
  return matchesAny(rules.wholeLineFurniture, head);
}

const normalize = (s: string): string =>
  s.replace(/\s+/g, ' ').replace(/[’‘]/g, "'").replace(/[“”]/g, '"').trim().toLowerCase();

/** "Who won the Vegas debate?": a one-line question of a few words. */
function isShortQuestion(line: Line): boolean {
  return (
    line.short !== null && line.short.endsWith('?') && line.words <= QUESTION_HEADING_MAX_WORDS
  );
}

/**
 * Last character class: a line ending in a letter, digit or closing bracket is unpunctuated,
 * also behind closing quotation marks (a headline's "… a 'mission of peace'"; a sentence's
 * quotation closes after its period: "… he said.”").
 */
function endsUnpunctuated(line: string): boolean {
  return /[\p{L}\p{N})\]][’”'"]*$/u.test(line);
}

/** "Blinken Vows to Address Concerns in Talks with Chinese Officials." */
function isTitleCase(line: string): boolean {
  let content = 0;
  let capitalized = 0;
  for (const raw of line.split(/\s+/)) {
    const word = raw.replace(/^[^\p{L}\p{N}]+/u, '');
    if (!/^\p{L}/u.test(word) || FUNCTION_WORDS.has(word.toLowerCase())) continue;
    content++;
    if (/^\p{Lu}/u.test(word)) capitalized++;
  }
  return content >= 3 && capitalized / content >= 0.85;
}

/**
 * A summary box near the top ("Story highlights Western diplomat says …" and its bullet
 * lines, CNN): the opening line and the short unpunctuated lines after it are deks, not a
 * headline and body.
 */
function markSummaryBox(
  text: string,
  lines: readonly Line[],
  kinds: LineKind[],
  rules: SegmentationRules,
): void {
  let seen = 0;
  for (let p = 0; p < lines.length && seen < SUMMARY_SEARCH_LINES; p++) {
    if (kinds[p] !== 'pending') continue;
    seen++;
    const line = lines[p]!;
    const head = text.slice(line.start, Math.min(line.end, line.start + WHOLE_FURNITURE_HEAD));
    if (!matchesAny(rules.summaryIntro, head)) continue;
    kinds[p] = 'dek';
    for (let q = p + 1; q < lines.length && kinds[q] === 'pending'; q++) {
      const s = lines[q]!.short;
      if (s === null || lines[q]!.words > HEADLINE_MAX_WORDS || !endsUnpunctuated(s)) break;
      kinds[q] = 'dek';
    }
    return;
  }
}

function classifyLines(
  text: string,
  lines: Line[],
  whole: readonly boolean[],
  hints: SegmentHints,
  rules: SegmentationRules,
): SegmentKind[] {
  const kinds: LineKind[] = lines.map(() => 'pending');
  const authorNames = new Set<string>();

  // 1. Furniture and bylines, by pattern, line by line.
  lines.forEach((line, p) => {
    const s = line.short;
    if (whole[p]) {
      kinds[p] = 'boilerplate';
      return;
    }
    // Furniture and bylines are short; most body paragraphs are skipped without a match.
    if (s === null || line.words > FURNITURE_MAX_WORDS) return;
    // Asked only of a short unpunctuated line that is neither byline nor furniture.
    const afterAuthorIntro = () =>
      p > 0 &&
      lines[p - 1]?.short != null &&
      matchesAny(rules.authorIntro, lines[p - 1]?.short ?? '');
    if (matchesAny(rules.authorIntro, s) || matchesAny(rules.byline, s)) {
      kinds[p] = 'byline';
      const name = normalize(s.replace(BYLINE_PREFIX_RE, ''));
      authorNames.add(name);
      authorNames.add(name.replace(TITLE_PREFIX_RE, ''));
    } else if (matchesAny(rules.partLineFurniture, s)) {
      // All boilerplate patterns but the keepWhole ones: a short line is its whole head,
      // which those have failed on above.
      kinds[p] = 'boilerplate';
    } else if (
      (line.words <= 6 && endsUnpunctuated(s) && afterAuthorIntro()) ||
      (authorNames.size > 0 && authorNames.has(normalize(s)))
    ) {
      kinds[p] = 'byline';
    }
  });
  markSummaryBox(text, lines, kinds, rules);

  const content = lines.map((_, p) => p).filter((p) => kinds[p] === 'pending');
  if (content.length <= 1) {
    return kinds.map((k) => (k === 'pending' ? 'body' : k));
  }

  // 2. Headline: the first content line, when it looks like a title; then an optional dek.
  const sentenceCount = (line: Line): number =>
    line.words > 60 ? 99 : splitSentences(text, line.start, line.end, rules).length;
  // A blank title ("  ", ".") is no title: it names no headline.
  const title = (hints.title && normalize(hints.title).replace(/[.;:]$/, '')) || null;
  let headline = -1;
  const titled = title
    ? content.slice(0, 3).find((p) => {
        const s = lines[p]?.short;
        return s != null && normalize(s).replace(/[.;:]$/, '') === title;
      })
    : undefined;
  const firstIndex = content[0];
  const first = firstIndex === undefined ? undefined : lines[firstIndex];
  if (titled !== undefined) {
    headline = titled;
  } else if (first && first.short !== null && firstIndex !== undefined) {
    const s = first.short;
    // A first line ending in a period is a headline only in title case: short ledes
    // ("Huckabee made the announcement …") are common, headlines with a period are not.
    // When the metadata names the headline and no first line is it, the text's own
    // headline must be in title case ("As China's Economy Cools" for "China's Economy Cools,
    // Perhaps …"): an unpunctuated first line is then more often a kicker, a caption, a
    // dateline or "7 years ago" than another headline.
    const looksTitle =
      first.words <= HEADLINE_MAX_WORDS &&
      (title !== null
        ? isTitleCase(s)
        : endsUnpunctuated(s) || isTitleCase(s) || /[;:]$/.test(s) || isShortQuestion(first));
    // A line opening with a mark is a quotation or an aside, not a headline, unless it opens
    // with a quoted word and ends in a plain word ("'Historic' climate deal in sight").
    const quotedOpening =
      QUOTE_OPENERS.has(s[0] ?? '') && /[’”'"]/.test(s.slice(1)) && /[\p{L}\p{N}]$/u.test(s);
    if (looksTitle && (!OPENING_MARKS.has(s[0] ?? '') || quotedOpening)) headline = firstIndex;
  }
  // The metadata names the headline and the text does not hold it: a first line that is one
  // unpunctuated sentence-like line over the story is its standfirst ("President offers no
  // new solutions to government shutdown in first Oval Office address"), not body.
  if (headline < 0 && title !== null && first?.short != null && firstIndex !== undefined) {
    const s = first.short;
    if (
      content.length > 2 &&
      first.words >= STANDFIRST_MIN_WORDS &&
      first.words <= HEADLINE_MAX_WORDS &&
      endsUnpunctuated(s) &&
      !OPENING_MARKS.has(s[0] ?? '') &&
      sentenceCount(first) === 1
    )
      kinds[firstIndex] = 'dek';
  }
  if (headline >= 0) {
    kinds[headline] = 'headline';
    const next = lines[headline + 1];
    const after = content.indexOf(headline + 1);
    if (next && next.short !== null && after > 0 && after < content.length - 1) {
      const unpunctuated = endsUnpunctuated(next.short) && next.words <= HEADLINE_MAX_WORDS;
      // A short sentence ending in a period under the headline is the lede ("The summit is
      // set."), not a dek: a dek that is a sentence asks or exclaims, has no full stop, or is
      // in title case ("… Between Russia And U.S.").
      const oneShortSentence =
        next.words <= DEK_MAX_WORDS &&
        !next.short.endsWith(':') &&
        (!next.short.endsWith('.') || isTitleCase(next.short)) &&
        sentenceCount(next) === 1;
      if (unpunctuated || oneShortSentence) kinds[headline + 1] = 'dek';
    }
  }

  // "David Jackson and John Fritze" over "USA TODAY": at the top (the first line, or under
  // the headline and its dek), a line of names only over a short line in capitals is the
  // byline and its outlet credit, not a headline.
  const top = headline >= 0 ? [headline, headline + 1, headline + 2] : content.slice(0, 1);
  for (const p of top) {
    const names = lines[p]?.short;
    const credit = lines[p + 1]?.short;
    if (
      names != null &&
      credit != null &&
      // A headline the metadata names is no byline ("Trump Fires Comey" over "ANALYSIS").
      (kinds[p] === 'pending' || kinds[p] === 'dek' || (p === headline && titled === undefined)) &&
      (kinds[p + 1] === 'pending' || (p === headline && kinds[p + 1] === 'dek')) &&
      NAMES_ONLY_RE.test(names) &&
      OUTLET_CREDIT_RE.test(credit) &&
      // A line taken for the headline needs more than capitals to be names: one name of
      // two words or names joined by "and" or commas, over a credit of two words or more
      // ("David Jackson" / "USA TODAY"; not "Trump Fires Comey" / "ANALYSIS").
      (p !== headline || (PLAIN_NAMES_RE.test(names) && /\s/.test(credit.trim())))
    ) {
      kinds[p] = 'byline';
      kinds[p + 1] = 'byline';
      authorNames.add(normalize(names));
      break;
    }
  }

  // 3. Headings between body paragraphs; unpunctuated short lines after the last body
  //    paragraph are furniture ("Share", an author's name, "Related").
  const heading = (line: Line): boolean => {
    const s = line.short;
    if (s === null || line.words > HEADING_MAX_WORDS || !/^[\p{Lu}\p{N}]/u.test(s)) return false;
    if (endsUnpunctuated(s)) return sentenceCount(line) === 1;
    if (s.endsWith('?')) {
      const firstWord = (s.split(/\s/, 1)[0] ?? '').toLowerCase();
      return (
        line.words <= QUESTION_HEADING_MAX_WORDS &&
        !/[:;,]/.test(s) &&
        !CONNECTIVES.has(firstWord) &&
        sentenceCount(line) === 1
      );
    }
    return /[.:]$/.test(s) && isTitleCase(s) && sentenceCount(line) === 1;
  };
  const headingShaped = new Set(
    content.filter((p) => kinds[p] === 'pending' && heading(lines[p] as Line)),
  );
  let lastBody = -1;
  for (const p of content) if (kinds[p] === 'pending' && !headingShaped.has(p)) lastBody = p;
  for (const p of content) {
    if (kinds[p] !== 'pending') continue;
    if (!headingShaped.has(p) || lastBody < 0) kinds[p] = 'body';
    else if (p < lastBody) kinds[p] = 'section';
    else kinds[p] = (lines[p]?.words ?? 0) <= 8 ? 'boilerplate' : 'body';
  }
  return kinds.map((k) => (k === 'pending' ? 'body' : k));
}

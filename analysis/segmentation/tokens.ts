// Tokenizer shared by every scoring stage: one pass over a sentence gives words and
// punctuation with offsets into the original text, so cue hits can point at the words.
// It deliberately does no sentence splitting (segment.ts) and no stemming.
//
// The rule, as a regular expression (test/analysis/segmentation/tokens.test.ts checks the scanner below
// against it on real and random text):
//
//   /[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu
//
// Words keep inner apostrophes, hyphens and dots ("U.S.-China", "don't", "Xi's", "9.5"),
// so lexicon entries can name them whole; everything else non-space is one punctuation token.
// It is written as a character scanner because running that regex with matchAll, a regex
// test and a replace per token made tokenizing the second most expensive stage (0.7M
// words/s); the scanner looks each character's class up in a table (2M words/s, same machine).

import type { Token } from '../types.js';

const ALNUM = 1;
const SPACE = 2;
const OTHER = 3;
const ALNUM_RE = /[\p{L}\p{N}]/u;
const SPACE_RE = /\s/u;

/** Class of each BMP code point, filled in the first time one is seen (0: not yet known). */
const bmpClass = new Uint8Array(0x10000);

function classify(codePoint: number): number {
  const ch = String.fromCodePoint(codePoint);
  return ALNUM_RE.test(ch) ? ALNUM : SPACE_RE.test(ch) ? SPACE : OTHER;
}

function classOf(codePoint: number): number {
  if (codePoint > 0xffff) return classify(codePoint);
  let c = bmpClass[codePoint]!;
  if (c === 0) {
    c = classify(codePoint);
    bmpClass[codePoint] = c;
  }
  return c;
}

const DOT = 0x2e;

/** A word may continue over one of these when a letter or digit follows ("U.S.-China"). */
function isJoiner(code: number): boolean {
  return code === 0x2019 || code === 0x27 || code === DOT || code === 0x2d;
}

/** End of the run of letters and digits starting at `i` (`i` itself when there is none). */
function alnumEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    if (classOf(cp) !== ALNUM) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** Lower-cased, curly apostrophes made straight; most tokens are already in that form. */
function norm(raw: string): string {
  for (let k = 0; k < raw.length; k++) {
    const code = raw.charCodeAt(k);
    if ((code >= 0x41 && code <= 0x5a) || code >= 0x80) {
      const lower = raw.toLowerCase();
      return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
    }
  }
  return raw;
}

/**
 * Tokens of `text`, whose offsets are shifted by `offset` (the position of `text` in the
 * original article), so that `original.slice(t.start, t.end) === t.text`.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const cls = classOf(cp);
    if (cls === SPACE) {
      i += width;
      continue;
    }
    const start = offset + i;
    if (cls === OTHER) {
      if (cp === DOT) {
        tokens.push({ text: '.', norm: '.', start, end: start + 1, isWord: false });
      } else {
        const raw = text.slice(i, i + width);
        tokens.push({ text: raw, norm: norm(raw), start, end: start + width, isWord: false });
      }
      i += width;
      continue;
    }
    let end = alnumEnd(text, i);
    let innerDot = false;
    while (end + 1 < n && isJoiner(text.charCodeAt(end))) {
      const next = alnumEnd(text, end + 1);
      if (next === end + 1) break;
      if (text.charCodeAt(end) === DOT) innerDot = true;
      end = next;
    }
    // A trailing dot stays with dotted abbreviations ("U.S.", "a.m."); otherwise
    // ("said.", "Mr.") it is punctuation, so the word matches lexicon entries as written.
    const dot = end < n && text.charCodeAt(end) === DOT;
    if (dot && innerDot) end++;
    const raw = text.slice(i, end);
    tokens.push({ text: raw, norm: norm(raw), start, end: offset + end, isWord: true });
    if (dot && !innerDot) {
      tokens.push({
        text: '.',
        norm: '.',
        start: offset + end,
        end: offset + end + 1,
        isWord: false,
      });
      end++;
    }
    i = end;
  }
  return tokens;
}

/**
 * Number of word tokens: the one word count used everywhere (per-1,000-word rates).
 * It walks the words as tokenize() does without making tokens, and stops at `atMost`
 * (screening asks only whether a text reaches a minimum; counting a whole article's
 * tokens for that was a tenth of the ingest's main thread).
 */
export function countWords(text: string, atMost = Infinity): number {
  let n = 0;
  const length = text.length;
  let i = 0;
  while (i < length && n < atMost) {
    const cp = text.codePointAt(i)!;
    if (classOf(cp) !== ALNUM) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    // A word: letters and digits, joined over one apostrophe, hyphen or dot (as tokenize).
    n++;
    let end = alnumEnd(text, i);
    while (end + 1 < length && isJoiner(text.charCodeAt(end))) {
      const next = alnumEnd(text, end + 1);
      if (next === end + 1) break;
      end = next;
    }
    i = end;
  }
  return n;
}

/**
 * Number of runs of letters and digits in `text` (what /[\p{L}\p{N}]+/gu would match), with
 * the tokenizer's character table: quotes.ts counts a quotation's words with it.
 */
export function countLetterRuns(text: string): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const letter = classOf(cp) === ALNUM;
    if (letter && !inRun) runs++;
    inRun = letter;
    i += cp > 0xffff ? 2 : 1;
  }
  return runs;
}

// Quotation-mark spans of an article: which stretches of text are someone's words in
// quotation marks. One linear pass over the text; a paragraph (one line) ends every open
// quote, because news style reopens a quote that runs on into the next paragraph.
// It deliberately does not decide whether a span is a real quote or a scare quote, nor
// who said it (voices.ts and speakers.ts do that).

import { countLetterRuns } from '../segmentation/tokens.js';

export interface QuoteSpan {
  /** Offset of the opening mark (or of the paragraph start when the opening is missing). */
  start: number;
  /** Offset just after the closing mark (or the paragraph end when the quote runs on). */
  end: number;
  /** Word count of the quoted words. */
  words: number;
  /** False when the paragraph ended before a closing mark (a quote running on). */
  closed: boolean;
  /** False when a closing mark had no opening one in the paragraph. */
  opened: boolean;
}

// A straight quote or a single curly opening quote opens after a space, a line start or an
// opening bracket/dash; anywhere else it closes (or is an apostrophe).
function opensHere(text: string, i: number): boolean {
  if (i === 0) return true;
  const prev = text[i - 1] ?? ' ';
  return /[\s([{\u2014\u2013\-:/]/.test(prev);
}

/** All quote spans of `text`, in order. Linear in the length of the text. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let paraStart = 0;
  let openAt = -1; // offset of the pending opening double quote
  let singleAt = -1; // pending opening single quote, outside double quotes only
  const push = (start: number, end: number, closed: boolean, opened: boolean) => {
    spans.push({ start, end, words: countLetterRuns(text.slice(start, end)), closed, opened });
  };
  // Only quotation marks and line breaks matter: jump from one to the next. Two straight
  // apostrophes ('') are a double quotation mark in some archives (the NYT's).
  const MARKS = /[\n“”„"‘’']/g;
  for (;;) {
    const m = MARKS.exec(text);
    const i = m ? m.index : text.length;
    let raw = m ? m[0] : '\n';
    if (raw === "'") {
      if (text[i + 1] === "'") {
        raw = "''";
        MARKS.lastIndex = i + 2;
      } else if (!straightSingle(text, i)) continue;
    }
    const ch = raw === "''" ? '"' : raw;
    const width = raw.length;
    if (ch === '\n') {
      if (openAt >= 0) push(openAt, trimEnd(text, paraStart, i), false, true);
      openAt = -1;
      singleAt = -1;
      paraStart = i + 1;
      if (!m) break;
      continue;
    }
    let isOpen: boolean | null = null;
    if (ch === '“' || ch === '„') isOpen = true;
    else if (ch === '”') isOpen = false;
    else if (ch === '"') isOpen = openAt < 0 && opensHere(text, i);
    else if (ch === "'" && openAt < 0 && singleAt < 0 && !opensHere(text, i)) continue;
    if (isOpen !== null) {
      if (isOpen) {
        if (openAt < 0) openAt = i;
      } else if (openAt >= 0) {
        push(openAt, i + width, true, true);
        openAt = -1;
      } else {
        // A closing mark with nothing open: the quote began at the paragraph start.
        const from = skipSpace(text, paraStart, i);
        if (countLetterRuns(text.slice(from, i)) > 0) push(from, i + width, true, false);
      }
      continue;
    }
    if (openAt >= 0) continue;
    // A straight single mark opens before a letter after a space, and closes after a letter
    // or punctuation (the regex only lets those through); ‘ may close with ' and ' with ’.
    if ((ch === '‘' || ch === "'") && opensHere(text, i) && /\p{L}/u.test(text[i + 1] ?? '')) {
      singleAt = i;
    } else if ((ch === '’' || ch === "'") && singleAt >= 0 && !/\p{L}/u.test(text[i + 1] ?? '')) {
      push(singleAt, i + 1, true, true);
      singleAt = -1;
    }
  }
  return spans;
}

// A straight single mark that can open (after a space, before a letter) or close (after a
// letter or punctuation, not before a letter); an apostrophe inside a word ("don't") is neither.
function straightSingle(text: string, i: number): boolean {
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  if (/[\s(\[—–-]/.test(before)) return /\p{L}/u.test(after);
  return /[\p{L}.,!?]/u.test(before) && !/\p{L}/u.test(after);
}

function skipSpace(text: string, from: number, to: number): number {
  while (from < to && /\s/.test(text[from] ?? '')) from++;
  return from;
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  return to;
}

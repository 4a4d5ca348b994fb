// Sentence boundaries inside one paragraph of news text, by a single left-to-right
// character scan. A terminal mark (. ? ! … or a run of them) ends a sentence only when
// closing quotes/brackets, then whitespace, then a plausible sentence opener follow
// (capital, digit, opening quote), and, for a period, when the word before it is not an
// abbreviation or initial. The abbreviation classes are data (lexicons/segmentation.json).
// It deliberately knows nothing about paragraphs or kinds (segment.ts) and uses no
// regular expression over the whole text, so a megabyte-long line is still linear.

import { segmentationRules, type SegmentationRules } from './segment-rules.js';

/** A sentence as offsets into the original text, already trimmed. */
export interface SentenceSpan {
  start: number;
  end: number;
}

const CLOSERS = new Set(['”', '’', '"', "'", ')', ']', '}', '»']);
const QUOTE_CLOSERS = new Set(['”', '’', '"', "'", '»']);
const OPENERS = new Set(['“', '‘', '"', "'", '«', '„', '¿', '¡']);
const LEADING_PUNCT = new Set(['“', '‘', '"', "'", '«', '„', '(', '[', '{']);
const BULLETS = new Set(['•', '⁃', '▪', '◦', '●', '‣', '∙']);
const DASHES = new Set(['—', '–']);
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;
const DOTTED_RE = /^(?:\p{L}\.)+\p{L}$/u;
const SINGLE_LETTER_RE = /^\p{L}$/u;
const LIST_PREFIX_RE = /^(?:[•⁃▪◦●‣∙]\s*)?(?:\d{1,3}|\p{L})$/u;
const LIST_START_RE = /^(\d{1,3}|[a-zA-Z])(\.\)|\)|\.)\s/;
const SIGNATURE_RE = /^[—–]\s?\p{Lu}[^.?!]*$/u;
const WORD_CHAR_RE = /[\p{L}\p{N}'’.-]/u;

const isSpace = (c: string | undefined): boolean =>
  c === ' ' ||
  c === '\t' ||
  c === '\u00a0' ||
  c === '\u3000' ||
  (c !== undefined && c >= '\u2000' && c <= '\u200b') ||
  c === '\u202f';
const isUpper = (c: string | undefined): boolean => c !== undefined && UPPER_RE.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Splits text[start, end) (one paragraph) into trimmed sentence spans. */
export function splitSentences(
  text: string,
  start: number,
  end: number,
  rules: SegmentationRules = segmentationRules(),
): SentenceSpan[] {
  return new Scanner(text, start, end, rules).run();
}

type RunKind = 'period' | 'ellipsis' | 'strong';

/** One paragraph's scan. A class, not closures, so no function objects are made per call. */
class Scanner {
  private readonly spans: SentenceSpan[] = [];
  private sentStart: number;

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
    private readonly rules: SegmentationRules,
  ) {
    this.sentStart = start;
  }

  run(): SentenceSpan[] {
    const { text, end } = this;
    const forced = listItemStarts(text, this.start, end);
    let forcedAt = 0;
    let i = this.start;
    while (i < end) {
      // Next terminal mark: a plain char-code loop, bounded by the paragraph's end.
      let t = i;
      for (; t < end; t++) {
        const code = text.charCodeAt(t);
        if (code === 46 || code === 63 || code === 33 || code === 0x2026 || code === 0x203d) break;
      }
      for (let f = forced[forcedAt]; f !== undefined && f <= t; f = forced[++forcedAt]) {
        if (f < this.sentStart) continue;
        this.push(this.sentStart, f);
        this.sentStart = f;
      }
      if (t >= end) break;
      i = this.terminalAt(t);
    }
    this.push(this.sentStart, end);
    return this.spans;
  }

  /** Decides about the terminal mark at i; returns where to continue scanning. */
  private terminalAt(i: number): number {
    const { text, end } = this;
    const c = text[i];
    let runEnd: number;
    let kind: RunKind;
    if (c === '.' && isSpace(text[i - 1]) && text[i + 1] === ' ' && text[i + 2] === '.') {
      // Spaced ellipsis after a space: three dots mark an omission, four end the sentence.
      const { after, dots } = this.spacedDots(i);
      if (dots < 4) return after;
      runEnd = after;
      kind = 'strong';
    } else if (c === '.' && text[i + 1] === ' ' && text[i + 2] === '.' && text[i + 3] === ' ') {
      // "compounds. . . . The": the period ends the sentence, the ellipsis opens the next one.
      let m = this.spacedDots(i + 2).after;
      while (m < end && CLOSERS.has(text[m] ?? '')) m++;
      const n = this.skipSpaces(m);
      if (n > m && isUpper(text[n])) {
        this.push(this.sentStart, i + 1);
        this.sentStart = i + 2;
        return n;
      }
      return m;
    } else {
      let j = i;
      let dots = 0;
      let ellipses = 0;
      let strong = false;
      for (; j < end; j++) {
        const r = text[j];
        if (r === '.') dots++;
        else if (r === '…') ellipses++;
        else if (r === '?' || r === '!' || r === '‽') strong = true;
        else break;
      }
      runEnd = j;
      if (strong) kind = 'strong';
      else if (dots === 1 && ellipses === 0) kind = 'period';
      else if ((dots <= 3 && ellipses === 0) || (dots === 0 && ellipses === 1)) kind = 'ellipsis';
      else kind = 'strong';
    }

    let e = runEnd;
    let quoted = false;
    while (e < end && CLOSERS.has(text[e] ?? '')) {
      if (QUOTE_CLOSERS.has(text[e] ?? '')) quoted = true;
      e++;
    }
    // "U.S.-China", "$100.00", "Jr.'s", or the paragraph's own end.
    if (e >= end || !isSpace(text[e])) return runEnd;
    const n = this.skipSpaces(e);
    const next = text[n];
    let ends: boolean;
    if (next !== undefined && DASHES.has(next)) {
      // "… relations? —The Editors": a signature closing the paragraph.
      ends = end - n <= 60 && SIGNATURE_RE.test(text.slice(n, end));
    } else if (kind === 'ellipsis') {
      // In news an ellipsis marks an omission inside quoted speech far more often than a
      // trailing-off sentence end ("an effect on… Donna Brazile is"), so it never ends one;
      // "…." (ellipsis and period) does.
      ends = false;
    } else if (
      !isUpper(next) &&
      !isDigit(next) &&
      !this.opensQuote(n) &&
      !this.bracketOrEllipsisOpens(n)
    ) {
      ends = false;
    } else if (kind === 'strong') {
      ends = !(quoted && this.attributionFollows(n));
    } else {
      ends = this.periodEnds(i, n);
    }
    if (!ends) return e;
    this.push(this.sentStart, e);
    this.sentStart = n;
    return n;
  }

  private push(from: number, to: number): void {
    const { text } = this;
    while (from < to && isSpace(text[from])) from++;
    while (to > from && isSpace(text[to - 1])) to--;
    if (to > from) this.spans.push({ start: from, end: to });
  }

  private skipSpaces(k: number): number {
    while (k < this.end && isSpace(this.text[k])) k++;
    return k;
  }

  /** The word at k (letters, digits, inner apostrophes and dots), at most 40 characters. */
  private wordAt(k: number): string {
    let e = k;
    while (e < this.end && e - k < 40 && WORD_CHAR_RE.test(this.text[e] ?? '')) e++;
    const word = this.text.slice(k, e);
    return word.endsWith('.') ? word.slice(0, -1) : word;
  }

  /** "U.S. How …" begins a new sentence, "U.S. Government …" does not. */
  private opensSentence(n: number): boolean {
    return (
      OPENERS.has(this.text[n] ?? '') ||
      this.rules.sentenceStarters.has(this.wordAt(n).toLowerCase())
    );
  }

  /** `?” Grossman asked.`: a speech verb within five words continues the sentence. */
  private attributionFollows(n: number): boolean {
    const { text, rules } = this;
    let k = n;
    for (let words = 0; words < 5 && k < this.end; words++) {
      const w = this.wordAt(k);
      if (w === '') return false;
      const low = w.toLowerCase();
      if (rules.speechVerbs.has(low)) return true;
      k += w.length;
      if (text[k] === '.') {
        if (!rules.titles.has(low)) return false;
        k++;
      }
      if (!isSpace(text[k])) return false;
      k = this.skipSpaces(k);
    }
    return false;
  }

  /** Does the period at i end a sentence whose next word starts at n? */
  private periodEnds(i: number, n: number): boolean {
    const { text, rules, sentStart } = this;
    let tokStart = i;
    const limit = Math.max(sentStart, i - 40);
    while (tokStart > limit && !isSpace(text[tokStart - 1])) tokStart--;
    const spaceBefore = tokStart;
    while (tokStart < i && LEADING_PUNCT.has(text[tokStart] ?? '')) tokStart++;
    const token = text.slice(tokStart, i);
    if (token === '') return true;
    // "1. The first item", "a. …", "• 9. …": a list marker opening the sentence.
    if (i - sentStart <= 6 && LIST_PREFIX_RE.test(text.slice(sentStart, i))) return false;
    const low = token.toLowerCase();
    if (rules.titles.has(low) || rules.neverFinal.has(low)) return false;
    // "then-Gov. Bill Clinton", "ex-Sen. …"
    const hyphen = low.lastIndexOf('-');
    if (hyphen >= 0 && rules.titles.has(low.slice(hyphen + 1))) return false;
    if (isDigit(text[n]) && rules.beforeNumber.has(low)) return false;
    if (token.length === 1 && SINGLE_LETTER_RE.test(token)) {
      if (!isUpper(token)) return true;
      // An initial ("Daniel J. Kritenbrink", "manager S. Donald Sussman"), unless a
      // lower-case word precedes it and a sentence opener follows: "you and I. Did …"
      const prev = this.previousWord(spaceBefore);
      return prev !== '' && LOWER_RE.test(prev[0] ?? '') && this.opensSentence(n);
    }
    if (token.includes('.') && DOTTED_RE.test(token)) {
      // "at 1:50 p.m. ET. New …": the time zone ends it, not "p.m.".
      if (rules.timeOfDay.has(low))
        return !this.isTimePhrase(spaceBefore) && !rules.timeZones.has(this.wordAt(n));
      return this.opensSentence(n);
    }
    if (rules.nameParts.has(low)) return this.opensSentence(n);
    return true;
  }

  private previousWord(k: number): string {
    const { text, sentStart } = this;
    let e = k;
    while (e > sentStart && isSpace(text[e - 1])) e--;
    let s = e;
    while (s > sentStart && e - s < 40 && !isSpace(text[s - 1])) s--;
    while (s < e && LEADING_PUNCT.has(text[s] ?? '')) s++;
    return text.slice(s, e);
  }

  /** "At 5 a.m. Mr. Smith went …": the sentence so far is only a time phrase. */
  private isTimePhrase(tokenStart: number): boolean {
    if (tokenStart - this.sentStart > 30) return false;
    const words = this.text.slice(this.sentStart, tokenStart).trim().split(/\s+/);
    return words.length <= 3 && this.rules.introPrepositions.has((words[0] ?? '').toLowerCase());
  }

  /** An opening quotation mark, not the apostrophe of "F.D.A. 's concern". */
  private opensQuote(n: number): boolean {
    const c = this.text[n] ?? '';
    // A closing mark typed for an opening one after a space: ". ”It is possible …"
    if (c === '”') return isUpper(this.text[n + 1]);
    if (!OPENERS.has(c)) return false;
    if ((c === "'" || c === '’') && LOWER_RE.test(this.text[n + 1] ?? '')) return false;
    // A detached closing quote (Penn-tokenised "soundness . ''") opens nothing.
    let k = n + 1;
    while (k < this.end && OPENERS.has(this.text[k] ?? '')) k++;
    const after = this.text[k];
    if (after === '.' && this.text.startsWith('..', k + 1)) return true; // "... These thefts"
    return !(k >= this.end || isSpace(after) || (after !== undefined && '.,;:!?'.includes(after)));
  }

  /** "(The bank's board …)", "[ Speech to …]", "... The downward spiral": openers too. */
  private bracketOrEllipsisOpens(n: number): boolean {
    const { text } = this;
    const c = text[n];
    if (c === '(' || c === '[') return isUpper(text[this.skipSpaces(n + 1)]);
    let k: number;
    if (c === '…') k = n + 1;
    else if (text.startsWith('...', n)) k = n + 3;
    else if (text.startsWith('. . .', n)) k = n + 5;
    else return false;
    return isSpace(text[k]) && isUpper(text[this.skipSpaces(k)]);
  }

  /** End of a spaced ellipsis ". . ." starting at the dot k, and how many dots it has. */
  private spacedDots(k: number): { after: number; dots: number } {
    const { text, end } = this;
    let dots = 0;
    while (k < end && text[k] === '.') {
      dots++;
      if (text[k + 1] === ' ' && text[k + 2] === '.') k += 2;
      else return { after: k + 1, dots };
    }
    return { after: k, dots };
  }
}

/**
 * Where list items start inside a paragraph that opens with a list marker
 * ("1. … 2. …", "a) … b) …", "• … • …"): items without final punctuation still split.
 */
function listItemStarts(text: string, start: number, end: number): number[] {
  // Work on the paragraph alone so that searches never run past its end.
  const para = text.slice(start, end);
  const first = para[0];
  const starts: number[] = [];
  if (first !== undefined && BULLETS.has(first)) {
    for (let k = para.indexOf(first, 1); k !== -1; k = para.indexOf(first, k + 1)) {
      if (isSpace(para[k - 1])) starts.push(start + k);
    }
    return starts;
  }
  const m = LIST_START_RE.exec(para.slice(0, 8));
  if (!m || m[1] === undefined || m[2] === undefined) return starts;
  const style = m[2];
  let value = m[1];
  let from = m[0].length;
  for (;;) {
    value = /^\d+$/.test(value)
      ? String(Number(value) + 1)
      : String.fromCharCode(value.charCodeAt(0) + 1);
    const marker = value + style + ' ';
    let k = para.indexOf(marker, from);
    while (k !== -1 && !isSpace(para[k - 1])) k = para.indexOf(marker, k + 1);
    if (k === -1) return starts;
    starts.push(start + k);
    from = k + marker.length;
  }
}

// Tokenizer shared by every scoring stage: one pass over a sentence gives words and
// punctuation with offsets into the original text, so cue hits can point at the words.
// It deliberately does no sentence splitting (segment.ts) and no stemming.

import type { Token } from './types.js';

// Words keep inner apostrophes, hyphens and dots ("U.S.-China", "don't", "Xi's", "9.5"),
// so lexicon entries can name them whole; everything else non-space is one punctuation token.
const TOKEN_RE = /[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;
const WORD_START_RE = /^[\p{L}\p{N}]/u;

/**
 * Tokens of `text`, whose offsets are shifted by `offset` (the position of `text` in the
 * original article), so that `original.slice(t.start, t.end) === t.text`.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    let raw = m[0];
    // A trailing dot stays with dotted abbreviations ("U.S.", "a.m."); otherwise
    // ("said.", "Mr.") it is punctuation, so the word matches lexicon entries as written.
    if (raw.endsWith('.') && !raw.slice(0, -1).includes('.')) {
      raw = raw.slice(0, -1);
    }
    const start = offset + (m.index ?? 0);
    tokens.push({
      text: raw,
      norm: raw.toLowerCase().replace(/’/g, "'"),
      start,
      end: start + raw.length,
      isWord: WORD_START_RE.test(raw),
    });
    if (raw.length < m[0].length) {
      const dot = start + raw.length;
      tokens.push({ text: '.', norm: '.', start: dot, end: dot + 1, isWord: false });
    }
  }
  return tokens;
}

/** Number of word tokens: the one word count used everywhere (per-1,000-word rates). */
export function countWords(text: string): number {
  let n = 0;
  for (const t of tokenize(text)) if (t.isWord) n++;
  return n;
}

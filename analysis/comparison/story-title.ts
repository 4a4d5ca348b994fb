// A readable title for a story known only by a slug (basil-2018-c6a0e65c), made from the
// words its articles' headlines share: "Blinken in Beijing" from "Blinken in Beijing for
// talks with Xi" and "Blinken in Beijing amid tensions". Only words that at least two
// headlines use go in, so the title takes no single outlet's framing ("amid tensions");
// they are written as in the headline that holds most of them, in its order, with the small
// words between two of them kept ("in"), and separate runs joined by commas. With one
// headline, or fewer than two words shared, the shortest headline is the title.
// It deliberately reads nothing but headlines (no body text, no metadata) and stores nothing.

import { contentTerms } from './terms.js';
import { tokenize } from '../segmentation/tokens.js';

/** Shared words kept in a title, most shared first. */
const MAX_TITLE_WORDS = 6;
/** Fewer shared words than this (stems written) and the shortest headline is the title. */
const MIN_SHARED_WORDS = 2;
/** A headline used whole is cut after this many words. */
const MAX_HEADLINE_WORDS = 12;
/** Small words (no content term) bridged between two kept words. */
const MAX_BRIDGE = 2;

interface HeadlineWord {
  start: number;
  end: number;
  stems: string[];
  /** Punctuation comes before it ("Reid: Mosque"): a run of kept words ends there. */
  afterBreak: boolean;
}

/** The title, or null when no headline has a word in it. */
export function titleFromHeadlines(headlines: readonly string[]): string | null {
  const texts = [...new Set(headlines.map((h) => h.replace(/\s+/g, ' ').trim()))].filter(
    (h) => wordsOf(h).length > 0,
  );
  if (texts.length === 0) return null;
  const parsed = texts.map((text) => ({ text, words: wordsOf(text) }));

  // How many headlines use each stem.
  const shared = new Map<string, number>();
  for (const { words } of parsed) {
    for (const stem of new Set(words.flatMap((w) => w.stems))) {
      shared.set(stem, (shared.get(stem) ?? 0) + 1);
    }
  }
  const firstSeen = new Map<string, number>();
  parsed.forEach(({ words }) =>
    words.forEach((w, i) => w.stems.forEach((s) => firstSeen.set(s, firstSeen.get(s) ?? i))),
  );
  const kept = new Set(
    [...shared]
      .filter(([, count]) => count >= 2)
      .sort((a, b) => b[1] - a[1] || firstSeen.get(a[0])! - firstSeen.get(b[0])!)
      .slice(0, MAX_TITLE_WORDS)
      .map(([stem]) => stem),
  );
  const isKept = (w: HeadlineWord) => w.stems.some((s) => kept.has(s));
  const used = new Set<string>();
  // A kept word that repeats only stems already written ("secretary of defense" after
  // "Defense Secretary") is not written twice.
  const addsNew = (w: HeadlineWord) => w.stems.some((s) => kept.has(s) && !used.has(s));

  if (kept.size === 0) return shortestHeadline(parsed);

  // The headline holding most kept words (the shorter one on a tie) gives their wording.
  const best = [...parsed].sort(
    (a, b) =>
      b.words.filter(isKept).length - a.words.filter(isKept).length ||
      a.words.length - b.words.length,
  )[0]!;
  const runs: string[] = [];
  let run: { start: number; end: number } | null = null;
  let bridge = 0;
  for (const word of best.words) {
    if (addsNew(word)) {
      for (const stem of word.stems) used.add(stem);
      if (run && !word.afterBreak && bridge <= MAX_BRIDGE) run.end = word.end;
      else {
        if (run) runs.push(best.text.slice(run.start, run.end));
        run = { start: word.start, end: word.end };
      }
      bridge = 0;
    } else if (word.stems.length === 0 && !word.afterBreak) {
      bridge++;
    } else {
      bridge = MAX_BRIDGE + 1;
    }
  }
  if (run) runs.push(best.text.slice(run.start, run.end));
  // One shared word ("Trump", "North", "Bergdahl" for three stories) names no story: the
  // shortest headline does, at the price of one outlet's wording.
  if (used.size < MIN_SHARED_WORDS) return shortestHeadline(parsed);
  // A possessive ends a run only because its noun follows unkept: "Newsweek's" → "Newsweek".
  return capitalize(runs.map((r) => r.replace(/['’]s$/, '')).join(', '));
}

function wordsOf(text: string): HeadlineWord[] {
  const words: HeadlineWord[] = [];
  let afterBreak = false;
  for (const token of tokenize(text)) {
    if (!token.isWord) {
      afterBreak = true;
      continue;
    }
    words.push({
      start: token.start,
      end: token.end,
      stems: contentTerms(token.text).map((t) => t.stem),
      afterBreak,
    });
    afterBreak = false;
  }
  return words;
}

function shortestHeadline(parsed: { text: string; words: HeadlineWord[] }[]): string {
  const shortest = [...parsed].sort((a, b) => a.words.length - b.words.length)[0]!;
  return wholeHeadline(shortest.text, shortest.words);
}

function wholeHeadline(text: string, words: HeadlineWord[]): string {
  if (words.length <= MAX_HEADLINE_WORDS) return capitalize(text);
  return `${capitalize(text.slice(0, words[MAX_HEADLINE_WORDS - 1]!.end))} …`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

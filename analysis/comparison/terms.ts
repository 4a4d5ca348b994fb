// Content terms of a text: stemmed, stopwords removed, each with the surface form it came
// from. Distinctive words (keyness.ts) and aligned facts (align.ts) both count these, so the
// two views agree on what "a word" is. It deliberately does no weighting and no counting
// across texts; callers do that. A link card glued into a sentence (The Hill's hover cards,
// segmentation/link-cards.ts) is another story's headlines, not the sentence's words: its
// terms are left out, as the analysis leaves it out.

import { createRequire } from 'node:module';
import { maskLinkCards } from '../segmentation/link-cards.js';
import { tokenize } from '../segmentation/tokens.js';
import { TextMemo } from '../../lib/strings.js';

// natural's index takes 0.4 s to load and prints to stdout; its submodules are plain
// CommonJS without type declarations, so they are loaded with require and typed here.
const require = createRequire(import.meta.url);
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as {
  stem(word: string): string;
};
const naturalStopwords = require('natural/lib/natural/util/stopwords.js') as { words: string[] };

// natural's list (170 words) keeps several words that carry no content in news prose:
// negators, reporting verbs, honorifics, pronouns. Numbers and ordinals ("first", "2018",
// "five") stay terms: facts are often told by them.
const NEWS_STOPWORDS = [
  'not', 'no', 'nor', 'us', 'say', 'says', 'saying', 'told', 'tell', 'tells', 'mr', 'mrs',
  'ms', 'dr', 'will', 'just', 'also', 'yet', 'even', 'may', 'one', 'who', 'whose', 'i',
  'a', 'an', 'it', 's', 't', 'don\'t', 'it\'s', 'that\'s', 'he\'s', 'she\'s', 'there\'s',
  'according', 'however', 'although', 'though', 'including', 'already', 'among', 'around',
  'across', 'against', 'along', 'upon', 'within', 'without', 'per', 'via', 'whether',
  'ever', 'every', 'become', 'became', 'made', 'going', 'want', 'wants', 'been', 'being',
  'thing', 'things', 'lot', 'something', 'anything', 'nothing', 'others',
]; // prettier-ignore

const STOPWORDS: ReadonlySet<string> = new Set([...naturalStopwords.words, ...NEWS_STOPWORDS]);

// natural's Porter stemmer costs ~20 µs a word (a chain of regexes); news vocabulary
// repeats, so stems are memoised. The cap keeps memory bounded on huge corpora.
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

export function stemOf(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = porter.stem(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/** One content word of a text: its stem (the unit counted) and how it was written. */
export interface Term {
  stem: string;
  /** The word as written, possessive 's dropped ("Xi's" → "Xi"). */
  surface: string;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// Seven digits or more with nothing between them is an id, not a word: a photo or story
// number left in scraped text ("1155968404"), never a figure an article states.
const ID_NUMBER = /^\d{7,}$/;

// While a caller computes several views of one story (npm run precompute: the dashboard of
// each part, the facts), the same sentences are read again by each: their terms are kept
// by text until it ends. Off by default, so the server's worker keeps no more memory.
// Kept as interned term ids in one typed array (each text its run of it), not an array of
// term objects per text: on a story of 263,000 sentences that was about 40 MB, this 12.
let remembered: RememberedTerms | null = null;

class RememberedTerms {
  /** Text → its slot; slot k's ids are ids[starts[k]] up to ids[starts[k + 1]]. */
  private readonly slots = new Map<string, number>();
  /** A story's sentences' slots by sentence (TermsKey), -1 not yet read. */
  private readonly owned = new WeakMap<object, Int32Array>();
  private starts: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private ids: Int32Array<ArrayBuffer> = new Int32Array(16384);
  private used = 0;
  private slotCount = 0;
  /** Term by id, and id by term (terms are interned objects). */
  private readonly terms: Term[] = [];
  private readonly idOf = new Map<Term, number>();

  ofText(text: string): readonly Term[] {
    const slot = this.slots.get(text);
    if (slot !== undefined) return this.read(slot);
    const terms = termsOf(text);
    this.slots.set(text, this.append(terms));
    return terms;
  }

  ofKey(key: TermsKey, text: () => string): readonly Term[] {
    let slots = this.owned.get(key.termsOwner);
    if (slots === undefined) {
      slots = new Int32Array(key.termsCount).fill(-1);
      this.owned.set(key.termsOwner, slots);
    }
    const slot = slots[key.termsIndex]!;
    if (slot >= 0) return this.read(slot);
    const terms = termsOf(text());
    slots[key.termsIndex] = this.append(terms);
    return terms;
  }

  private read(slot: number): Term[] {
    const from = this.starts[slot]!;
    const to = this.starts[slot + 1]!;
    const terms = new Array<Term>(to - from);
    for (let i = from; i < to; i++) terms[i - from] = this.terms[this.ids[i]!]!;
    return terms;
  }

  private append(terms: readonly Term[]): number {
    const slot = this.slotCount++;
    if (slot + 2 > this.starts.length) this.starts = grown(this.starts, slot + 2);
    if (this.used + terms.length > this.ids.length) {
      this.ids = grown(this.ids, this.used + terms.length);
    }
    for (const term of terms) {
      let id = this.idOf.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.terms.push(term);
        this.idOf.set(term, id);
      }
      this.ids[this.used++] = id;
    }
    this.starts[slot + 1] = this.used;
    return slot;
  }
}

/** A copy of `array` with room for at least `needed` values (half again as many). */
function grown(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(Math.max(needed, Math.ceil(array.length * 1.5)));
  copy.set(array);
  return copy;
}

/**
 * Runs `work` with every text's content terms kept by text, then forgets them. A text
 * read again gets the same terms, in a new array.
 */
export async function rememberingTerms<T>(work: () => Promise<T>): Promise<T> {
  const outer = remembered;
  remembered ??= new RememberedTerms();
  try {
    return await work();
  } finally {
    remembered = outer;
  }
}

/**
 * Content terms of `text` in order. Hyphenated compounds count as their parts
 * ("U.S.-China" → "u.s." + "china"), so "US-China" and "U.S.-China relations" meet;
 * "US" in capitals is the country, not the pronoun.
 */
export function contentTerms(text: string): readonly Term[] {
  return remembered === null ? termsOf(text) : remembered.ofText(text);
}

/**
 * What a story's sentence (db/sentence-row.ts) is known by while its story computes: its
 * terms are remembered by it, not by its text, so the text is not kept for them.
 */
export interface TermsKey {
  /** The story's sentences (the same object for all of them). */
  readonly termsOwner: object;
  /** This sentence's number among them, below termsCount. */
  readonly termsIndex: number;
  readonly termsCount: number;
}

/** contentTerms of a text, remembered by its sentence when it has a TermsKey. */
export function textTerms(item: { readonly text: string } & Partial<TermsKey>): readonly Term[] {
  if (remembered === null || item.termsOwner === undefined) return contentTerms(item.text);
  return remembered.ofKey(item as TermsKey, () => item.text);
}

// Terms are interned: the same (stem, surface) pair is one read-only object wherever it is
// written, so tallies count by object (SurfaceTally) instead of by two strings. Bounded like
// the stem cache; an object made before a clear still counts right, only slower.
const internedTerms = new Map<string, Map<string, Term>>();
let internedCount = 0;

function internedTerm(stem: string, surface: string): Term {
  let bySurface = internedTerms.get(stem);
  if (bySurface === undefined) {
    if (internedCount >= STEM_CACHE_LIMIT) {
      internedTerms.clear();
      internedCount = 0;
      termOfPart.clear();
    }
    bySurface = new Map();
    internedTerms.set(stem, bySurface);
  }
  let term = bySurface.get(surface);
  if (term === undefined) {
    term = { stem, surface };
    bySurface.set(surface, term);
    internedCount++;
  }
  return term;
}

// A word's term depends on its text alone, and news repeats its words: each piece of a
// word (split at hyphens) is looked up once, its term (or null: no term) then remembered,
// by a copy of the piece (a slice would keep its article alive). Cleared with the interned
// terms, so a piece always gives the interned object.
const termOfPart = new TextMemo<Term | null>(STEM_CACHE_LIMIT);

function termOfPiece(part: string): Term | null {
  let term = termOfPart.get(part);
  if (term === undefined) {
    term = newTermOf(part);
    termOfPart.set(part, term);
  }
  return term;
}

function newTermOf(part: string): Term | null {
  if (!LETTER_OR_DIGIT.test(part)) return null;
  if (ID_NUMBER.test(part)) return null;
  const lower = part.toLowerCase().replace(/’/g, "'");
  // The country, however written: "U.S.", "US", "U.S"; the pronoun "us" is lower-case.
  const norm = part === 'US' || lower === 'u.s' || lower === 'u.s.' ? 'u.s.' : lower;
  if (norm.length < 2 && !/\d/.test(norm)) return null;
  if (STOPWORDS.has(norm)) return null;
  // Possessives count with their noun ("Xi's" → "xi").
  const base = norm.endsWith("'s") ? norm.slice(0, -2) : norm;
  if (base.length === 0 || STOPWORDS.has(base)) return null;
  const stem = /\d/.test(base) || base.includes('.') ? base : stemOf(base);
  const surface = part.endsWith("'s") || part.endsWith('’s') ? part.slice(0, -2) : part;
  return internedTerm(stem, surface);
}

function termsOf(text: string): Term[] {
  const terms: Term[] = [];
  for (const token of tokenize(maskLinkCards(text))) {
    if (!token.isWord) continue;
    const word = token.text;
    if (!word.includes('-')) {
      const term = termOfPiece(word);
      if (term !== null) terms.push(term);
      continue;
    }
    for (const part of word.split('-')) {
      const term = termOfPiece(part);
      if (term !== null) terms.push(term);
    }
  }
  return terms;
}

/**
 * The most frequent surface form per stem from a tally of (stem, surface) pairs. Sentence-
 * initial capitals are folded by preferring the lower-case form when it is at least as common.
 */
export class SurfaceTally {
  /** Occurrences by term object, in order of first occurrence (contentTerms interns them). */
  private readonly byTerm = new Map<Term, number>();
  /** Per stem, its forms' counts in order of first occurrence; built when first read. */
  private formsByStem: Map<string, Map<string, number>> | null = null;

  add(term: Term): void {
    this.byTerm.set(term, (this.byTerm.get(term) ?? 0) + 1);
    this.formsByStem = null;
  }

  private get forms(): Map<string, Map<string, number>> {
    if (this.formsByStem === null) {
      this.formsByStem = new Map();
      for (const [{ stem, surface }, count] of this.byTerm) {
        let byForm = this.formsByStem.get(stem);
        if (!byForm) {
          byForm = new Map();
          this.formsByStem.set(stem, byForm);
        }
        byForm.set(surface, (byForm.get(surface) ?? 0) + count);
      }
    }
    return this.formsByStem;
  }

  /** Whether every occurrence of the stem was written with a capital (a name, not a word). */
  isCapitalized(stem: string): boolean {
    const byForm = this.forms.get(stem);
    return byForm !== undefined && [...byForm.keys()].every((form) => /^\p{Lu}/u.test(form));
  }

  surfaceOf(stem: string): string {
    const byForm = this.forms.get(stem);
    if (!byForm) return stem;
    // Fold case variants together, then show the most common spelling of the winner.
    const folded = new Map<string, { total: number; best: string; bestCount: number }>();
    for (const [form, count] of byForm) {
      const key = form.toLowerCase();
      const entry = folded.get(key) ?? { total: 0, best: form, bestCount: 0 };
      entry.total += count;
      if (count > entry.bestCount || (count === entry.bestCount && form === key)) {
        entry.best = form;
        entry.bestCount = count;
      }
      folded.set(key, entry);
    }
    let winner = stem;
    let winnerCount = -1;
    for (const entry of folded.values()) {
      if (entry.total > winnerCount) {
        winner = entry.best;
        winnerCount = entry.total;
      }
    }
    return winner;
  }
}

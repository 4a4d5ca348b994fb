// Which bundled codebook fits a story, from its first article: for each codebook, how often
// the article names that codebook's own parties (the parties not in every bundled codebook,
// i.e. the other side of the US's talks: China, North Korea, Iran, Russia) by a marker,
// metonym or actor. Ingest uses it for a new story whose article names no codebook.
//
// The default codebook (us-china) is taken only when its party is the clear match: named at
// least twice as often as the next. China is a frequent bystander in other talks (North
// Korea's ally, Iran's oil buyer, Russia's partner), so a close lead is not enough. When no
// codebook's party is named at all, the default stays: every codebook's US party and rules
// are the same, so for such a story the sides found do not depend on the choice.
//
// Not counted, as they name other people too often: single-word actor aliases under five
// letters ("Kim", "Xi", "Qin", "Ri"), surnames (they need a title to mean anything), and
// metonyms that are common phrases ("the north"). Reading the bundled codebooks is
// ingest/codebook-choice.ts's.

import { DEFAULT_CODEBOOK } from '../vocabulary/sides.js';
import type { CodebookFile } from './codebook.js';

/** What names a codebook's own parties, and how to say which country that is. */
export interface CodebookTerms {
  codebook: string;
  /** "North Korea": the first party's first metonym, in title case. */
  place: string;
  pattern: RegExp;
}

export interface CodebookCount {
  codebook: string;
  place: string;
  mentions: number;
}

export interface CodebookChoice {
  codebook: string;
  /** Every codebook's count, most named first (ties in name order). */
  counts: CodebookCount[];
  /**
   * `named`: the codebook whose party is named most (clearly, for the default); `none`: no
   * codebook's party is named, the default kept; `not-clear`: the default's party leads
   * but not twice over, so the next codebook is taken.
   */
  why: 'named' | 'none' | 'not-clear';
}

const COMMON_PHRASES = new Set(['the north']);

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The terms of the parties in `own`, as one case-insensitive whole-word pattern. */
export function codebookTerms(book: CodebookFile, shared: ReadonlySet<string>): CodebookTerms {
  const own = book.parties.filter((party) => !shared.has(party.id));
  const terms = new Set<string>();
  for (const party of own) {
    for (const term of [...party.markers, ...party.metonyms])
      if (!COMMON_PHRASES.has(term)) terms.add(term);
    for (const actor of party.actors)
      for (const name of [actor.name, ...actor.aliases])
        if (name.includes(' ') || name.length >= 5) terms.add(name.toLowerCase());
  }
  // Longest first, so "north korea's" is one mention, not "north korea" and a rest.
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(escape);
  const first = own[0]?.metonyms[0] ?? own[0]?.markers[0] ?? book.name;
  return {
    codebook: book.name,
    place: first.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase()),
    pattern: new RegExp(
      alternatives.length === 0
        ? '(?!)'
        : `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`,
      'giu',
    ),
  };
}

/** The terms of each codebook, its own parties being those not in every one of `books`. */
export function termsOfCodebooks(books: readonly CodebookFile[]): CodebookTerms[] {
  // A party every codebook has (the US government) tells none of them apart.
  const ids = books.map((book) => new Set(book.parties.map((party) => party.id)));
  const shared = new Set([...(ids[0] ?? [])].filter((id) => ids.every((set) => set.has(id))));
  return books.map((book) => codebookTerms(book, shared));
}

/** How often each codebook's own parties are named in `text`, most first. */
export function countMentions(text: string, books: readonly CodebookTerms[]): CodebookCount[] {
  const plain = text.replace(/[‘’]/g, "'");
  return books
    .map(({ codebook, place, pattern }) => ({
      codebook,
      place,
      mentions: plain.match(pattern)?.length ?? 0,
    }))
    .sort((a, b) => b.mentions - a.mentions || a.codebook.localeCompare(b.codebook));
}

/** The codebook for a new story whose first article (title and text) is `text`. */
export function chooseCodebook(
  text: string,
  books: readonly CodebookTerms[],
  fallback: string = DEFAULT_CODEBOOK,
): CodebookChoice {
  const counts = countMentions(text, books);
  const [first, second] = counts;
  if (!first || first.mentions === 0) return { codebook: fallback, counts, why: 'none' };
  if (first.codebook === fallback && second && second.mentions > 0) {
    if (first.mentions < 2 * second.mentions)
      return { codebook: second.codebook, counts, why: 'not-clear' };
  }
  return { codebook: first.codebook, counts, why: 'named' };
}

/**
 * Why the codebook was chosen, the counts that decided it: "North Korea named 14 times,
 * China 3", or for the default "no other party of a bundled codebook is named: not China,
 * Iran, North Korea or Russia".
 */
export function whyChosen(choice: CodebookChoice): string {
  const named = choice.counts.filter((count) => count.mentions > 0);
  const times = (n: number) => (n === 1 ? 'once' : `${n} times`);
  if (choice.why === 'none') {
    const places = choice.counts.map((count) => count.place).sort();
    const list = `${places.slice(0, -1).join(', ')} or ${places.at(-1)}`;
    return `no other party of a bundled codebook is named: not ${list}`;
  }
  const chosen = named.find((count) => count.codebook === choice.codebook)!;
  const others = named
    .filter((count) => count !== chosen)
    .map((count) => `${count.place} ${count.mentions}`);
  const rest = others.length > 0 ? `, ${others.join(', ')}` : '';
  const note =
    choice.why === 'not-clear'
      ? `; ${named[0]!.place} is named more but not twice as often, too close for ${named[0]!.codebook}`
      : '';
  return `${chosen.place} named ${times(chosen.mentions)}${rest}${note}`;
}

/** The choice in a line: "codebook us-north-korea (North Korea named 14 times, China 3)". */
export function describeChoice(choice: CodebookChoice): string {
  const because = whyChosen(choice);
  return choice.why === 'none'
    ? `codebook ${choice.codebook}, the default (${because})`
    : `codebook ${choice.codebook} (${because})`;
}

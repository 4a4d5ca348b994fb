// A compiled token trie for lexicon phrases: single words and multiword cues ("played down
// expectations", "it remains to be seen") are matched in one left-to-right pass over a
// sentence's tokens, longest match first, so a multiword cue wins over the single words it
// contains ("not sure" is not also "sure"). Cost is O(tokens × longest phrase), never a loop
// over all entries. It deliberately knows nothing about what the entries mean: negation,
// clause scope and scoring are the callers' job (tone.ts, expectation.ts, hedges.ts).

import { tokenize } from '../segmentation/tokens.js';
import type { Token } from '../types.js';

/** A phrase token "*" matches any one word (a gap slot: "raise * hopes"). */
const WILDCARD = '*';
/**
 * Quotation marks inside a phrase are read through: a writer who quotes part of a cue ("lost
 * a “great opportunity”", "a “historic” summit") still uses it. A phrase never starts on one.
 */
const QUOTE_MARKS = new Set(['"', '“', '”', "'", '‘', '’', '«', '»']);
const isQuoteMark = (token: Token | undefined) =>
  token !== undefined && QUOTE_MARKS.has(token.norm);

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  /** Entries whose phrase ends here (several entries may share one phrase). */
  entries: T[];
  /** True when one of the next words is "*". */
  hasGap: boolean;
}

/** One match: tokens [from, to) of the sentence, and the entries of the matched phrase. */
export interface PhraseMatch<T> {
  from: number;
  to: number;
  entries: readonly T[];
}

function newNode<T>(): TrieNode<T> {
  return { next: new Map(), entries: [], hasGap: false };
}

/** Bits in a trie's first-word filter (8 KB). */
const FILTER_BITS = 1 << 16;

/**
 * A cheap hash of a word from its length and three of its characters, for the first-word
 * filter: computing it reads no memory beyond the string, where a Map lookup hashes the
 * string and walks a bucket.
 */
function filterHash(word: string): number {
  const n = word.length;
  const h = word.charCodeAt(0) * 961 + word.charCodeAt(n >> 1) * 31 + word.charCodeAt(n - 1);
  return (h ^ (n << 11)) & (FILTER_BITS - 1);
}

/** The norm forms a phrase is matched on: the same tokenizer as the text, so "U.S.-China" agrees. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}

export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = newNode();
  private longest = 0;
  /**
   * One bit per filterHash of the phrases' first words: a token whose bit is clear starts no
   * phrase, so most tokens are passed over without a lookup in the root's map (each stage's
   * lexicons scan every token of every sentence). A set bit only says "maybe".
   */
  private readonly firstWords = new Uint32Array(FILTER_BITS / 32);

  constructor(entries: Iterable<{ phrase: string; entry: T }> = []) {
    for (const { phrase, entry } of entries) this.add(phrase, entry);
  }

  add(phrase: string, entry: T): void {
    const words = phraseTokens(phrase);
    if (words.length === 0) throw new Error(`empty phrase ${JSON.stringify(phrase)}`);
    const first = filterHash(words[0]!);
    this.firstWords[first >>> 5]! |= 1 << (first & 31);
    let node = this.root;
    for (const w of words) {
      if (w === WILDCARD) node.hasGap = true;
      let child = node.next.get(w);
      if (!child) {
        child = newNode();
        node.next.set(w, child);
      }
      node = child;
    }
    node.entries.push(entry);
    this.longest = Math.max(this.longest, words.length);
  }

  /** Longest phrase starting at token `from`, or null. Literal words are tried before "*". */
  matchAt(tokens: readonly Token[], from: number): PhraseMatch<T> | null {
    if (!this.mayStartAt(tokens, from)) return null;
    // The common case, no "*" on the path: one walk down the trie, no allocation. Only a
    // path through a node with a "*" branch ("not * clear whether") needs the full search.
    let node = this.root;
    let bestTo = -1;
    let bestEntries: T[] = node.entries;
    for (let i = from; ; i++) {
      if (node.hasGap) return this.matchWithGaps(tokens, from);
      // A match ends on a word, not on a quotation mark read through ("an opportunity”").
      if (node.entries.length > 0 && (i === from || !isQuoteMark(tokens[i - 1]))) {
        bestTo = i;
        bestEntries = node.entries;
      }
      const token = tokens[i];
      if (i > from && isQuoteMark(token)) continue;
      const next = token && node.next.get(token.norm);
      if (!next) break;
      node = next;
    }
    return bestTo < 0 ? null : { from, to: bestTo, entries: bestEntries };
  }

  /**
   * False when no phrase can start at token `from`: its first word's filter bit is clear and
   * the root has no "*" branch (a phrase never opens with "*" or "": add() refuses the one, the
   * tokenizer never makes the other, but a filter must not assume either).
   */
  private mayStartAt(tokens: readonly Token[], from: number): boolean {
    const token = tokens[from];
    if (token === undefined || this.root.hasGap || this.root.entries.length > 0) return true;
    const norm = token.norm;
    if (norm.length === 0) return true;
    const h = filterHash(norm);
    return (this.firstWords[h >>> 5]! & (1 << (h & 31))) !== 0;
  }

  private matchWithGaps(tokens: readonly Token[], from: number): PhraseMatch<T> | null {
    let best: PhraseMatch<T> | null = null;
    // Depth-first over literal and wildcard branches; the trie is shallow (≤ ~6 tokens).
    const stack: [TrieNode<T>, number][] = [[this.root, from]];
    while (stack.length > 0) {
      const [node, i] = stack.pop()!;
      const endsOnWord = i === from || !isQuoteMark(tokens[i - 1]);
      if (node.entries.length > 0 && endsOnWord && (!best || i > best.to)) {
        best = { from, to: i, entries: node.entries };
      }
      const token = tokens[i];
      if (!token) continue;
      if (i > from && isQuoteMark(token)) {
        stack.push([node, i + 1]);
        continue;
      }
      const gap = token.isWord ? node.next.get(WILDCARD) : undefined;
      if (gap) stack.push([gap, i + 1]);
      const literal = node.next.get(token.norm);
      if (literal) stack.push([literal, i + 1]);
    }
    return best;
  }

  /**
   * Leftmost-longest, non-overlapping matches over the whole sentence: after a match the
   * scan resumes at its end, so the words of a multiword cue are not matched again.
   */
  matchAll(tokens: readonly Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const m = this.matchAt(tokens, i);
      if (m) {
        out.push(m);
        i = m.to;
      } else {
        i++;
      }
    }
    return out;
  }

  /** Number of tokens of the longest phrase (for diagnostics). */
  get maxLength(): number {
    return this.longest;
  }
}

// Clause structure and negation of one sentence, shared by tone, expectation and hedges:
// which clause each token is in, which tokens are negators, and how much each clause
// weighs (a subordinate "although …" clause less than the main clause; the clause before
// "but" less than the one after). Negation follows NegEx (Chapman et al. 2001): a trigger
// scopes forward over a few words and stops at a clause boundary. It deliberately parses
// nothing: clause boundaries are punctuation and a short list of words (scope.json).
// A negated complement ("might not be able to walk away with a win", "unable to secure a
// deal") carries the negation to the end of its clause, past the three-word window.
// For tone it also marks valence shifters ("lost a great opportunity", "eased tensions") and
// degree adverbs ("very", "slightly"); expectation and hedges do not read them.

import type { Lexicons } from './lexicon.js';
import type { Token } from '../types.js';

export interface Clause {
  /** Token range [from, to) of the clause. */
  from: number;
  to: number;
  /** Weight of the clause in the sentence: 1 main, 0.5 subordinate, 0.7 before a contrast. */
  weight: number;
}

export interface SentenceScope {
  tokens: readonly Token[];
  /** Clause index of each token. */
  clauseOf: Int32Array;
  clauses: Clause[];
  /** 1 where a negation trigger (or the first token of a multiword one) starts. */
  negator: Uint8Array;
  /**
   * 1 on the tokens of a negated complement: from after "able to" in "not be able to …" (or
   * after "unable to") to the end of the clause. What the complement says did not happen.
   */
  negatedComplement: Uint8Array;
  /** 1 where a valence shifter starts: a verb reversing the words after it ("lost", "eased"). */
  shifter: Uint8Array;
  /** +1 on an intensifier ("very"), -1 on a downtoner ("slightly"), else 0. */
  degree: Int8Array;
}

/** Words a negator may skip before its complement head: "not (yet) (be) able to". */
const COMPLEMENT_GAP = 3;

/**
 * After one of these a shifter word is an adjective or a noun ("the lost ferry", "its
 * end"), not a verb taking an object.
 */
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
]);

const SUBORDINATE_WEIGHT = 0.5;
const BEFORE_CONTRAST_WEIGHT = 0.7;

/** "don't", "isn't", "won't", Penn-tokenised "n't": all negate, none needs its own entry. */
function isContractedNegation(norm: string): boolean {
  return norm.endsWith("n't");
}

export function analyzeScope(tokens: readonly Token[], lexicons: Lexicons): SentenceScope {
  const n = tokens.length;
  const clauseOf = new Int32Array(n);
  const negator = new Uint8Array(n);
  const negatedComplement = new Uint8Array(n);
  const shifter = new Uint8Array(n);
  const degree = new Int8Array(n);
  /** Token where a negated complement starts (its clause is known only at the end). */
  const complementStarts: number[] = [];
  const clauses: Clause[] = [];
  let clauseStart = 0;
  let subordinate = false;

  const close = (to: number, nextSubordinate: boolean): void => {
    if (to > clauseStart) {
      clauses.push({ from: clauseStart, to, weight: subordinate ? SUBORDINATE_WEIGHT : 1 });
      clauseStart = to;
    }
    subordinate = nextSubordinate;
  };

  let i = 0;
  const matches = lexicons.scope.matchAll(tokens);
  let m = 0;
  while (i < n) {
    const match = matches[m]?.from === i ? matches[m++] : undefined;
    const role = match?.entries[0]?.role;
    const to = match ? match.to : i + 1;
    if (role === 'clause-boundary') {
      close(i, false);
    } else if (role === 'contrast') {
      // Everything before a contrast marker yields to what follows it ("X, but Y").
      close(i, false);
      for (const c of clauses) c.weight = Math.min(c.weight, BEFORE_CONTRAST_WEIGHT);
    } else if (role === 'subordinator') {
      close(i, true);
    } else if (role === 'negator' || (!match && isContractedNegation(tokens[i]!.norm))) {
      negator[i] = 1;
      // "unable to", "failed to": the negator is itself a complement head.
      if (tokens[to - 1]?.norm === 'to' && to - i > 1) complementStarts.push(to);
    } else if (role === 'shifter') {
      if (!DETERMINERS.has(tokens[i - 1]?.norm ?? '')) shifter[i] = 1;
    } else if (role === 'intensifier' || role === 'downtoner') {
      degree[i] = role === 'intensifier' ? 1 : -1;
    } else if (role === 'complement' && negatorWithin(tokens, negator, i, COMPLEMENT_GAP)) {
      complementStarts.push(to);
    }
    // pseudo-negators ("not only", "no doubt") are consumed without marking anything.
    i = to;
  }
  close(n, false);
  clauses.forEach((c, index) => clauseOf.fill(index, c.from, c.to));
  for (const from of complementStarts) {
    const clause = clauses[clauseOf[from] ?? -1];
    if (clause && from < n) negatedComplement.fill(1, from, clause.to);
  }
  return { tokens, clauseOf, clauses, negator, negatedComplement, shifter, degree };
}

/** A negator at most `gap` words before token `at`, with no punctuation between. */
function negatorWithin(
  tokens: readonly Token[],
  negator: Uint8Array,
  at: number,
  gap: number,
): boolean {
  let words = 0;
  for (let k = at - 1; k >= 0 && tokens[k]!.isWord; k--) {
    if (negator[k]) return true;
    if (++words > gap) break;
  }
  return false;
}

/**
 * Index of a negator before token `at` in the same clause, at most `window` word tokens
 * back (Infinity: anywhere earlier in the clause), or -1.
 */
export function negatorBefore(scope: SentenceScope, at: number, window = Infinity): number {
  const clause = scope.clauseOf[at];
  let words = 0;
  for (let i = at - 1; i >= 0 && scope.clauseOf[i] === clause; i--) {
    if (scope.negator[i]) return i;
    if (scope.tokens[i]!.isWord && ++words >= window) break;
  }
  return -1;
}

/**
 * Index of a valence shifter before token `at` in the same clause, at most `window` word
 * tokens back, or -1. A manner adverb after the verb ("ended sadly") is not its object.
 */
export function shifterBefore(scope: SentenceScope, at: number, window: number): number {
  if (scope.tokens[at]!.norm.endsWith('ly')) return -1;
  const clause = scope.clauseOf[at];
  let words = 0;
  for (let i = at - 1; i >= 0 && scope.clauseOf[i] === clause; i--) {
    if (scope.shifter[i]) return i;
    if (scope.tokens[i]!.isWord && ++words >= window) break;
  }
  return -1;
}

/**
 * The nearest degree adverb among the `window` words before token `at` in the same clause:
 * its sign (+1 intensifier, -1 downtoner) and how many words stand between (0 = adjacent).
 */
export function degreeBefore(
  scope: SentenceScope,
  at: number,
  window: number,
): { sign: number; gap: number } | null {
  const clause = scope.clauseOf[at];
  let gap = 0;
  for (let i = at - 1; i >= 0 && scope.clauseOf[i] === clause && gap < window; i--) {
    if (!scope.tokens[i]!.isWord) continue;
    const sign = scope.degree[i]!;
    if (sign !== 0) return { sign, gap };
    gap++;
  }
  return null;
}

/** Weight of the clause holding token `at`. */
export function clauseWeight(scope: SentenceScope, at: number): number {
  return scope.clauses[scope.clauseOf[at]!]?.weight ?? 1;
}

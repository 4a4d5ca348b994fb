// Tone of one sentence, three numbers (ToneScore): wink-sentiment's normalized AFINN score
// as published (`afinn`, the baseline), the diplomacy lexicon's conflict-vs-cooperation sum
// (`diplomacy`), and `combined`, the score the charts use. It deliberately scores one
// sentence at a time and knows nothing of speakers: the voices stage may later split
// narrator from quoted voice by calling it on each part.
//
// combined = (A + D) / sqrt(max(words, 15) / 15), clamped to [-5, 5], where
//   A = the AFINN word scores of the sentence, corrected for news use: the determiner "no"
//       is not itself negative (wink scores it -1), a negated AFINN word counts -0.5 × its
//       score instead of wink's full flip (negated: wink's two-token rule, a scope.json
//       negator within 3 words in the clause, or a negated complement, "might not be able
//       to walk away with a win"; seeds-dev Spearman 0.676 → 0.702, nyt-tone dev Pearson
//       0.500 → 0.511, development halves), and words the diplomacy lexicon covers or
//       overrides ("United States", "kind of", "ominous") take the lexicon's weight instead;
//   D = the diplomacy score (below).
// The length damping is wink's own (average sentence length 15 words), so a long sentence
// with one negative word is not as negative as a short one.
//
// diplomacy = Σ weight of matched conflict / cooperation / euphemism entries, each flipped
// (× -0.75) when a negator ("not", "no", "n't", "without", …) stands within 3 words before
// it in the same clause ("not constructive", "without tensions").
//
// Both A and D weigh each word by its clause (scope.ts): 0.7 before "but", 0.5 in a
// subordinate "although …" clause, so "tense, but constructive" leans positive.

import { afinnScore } from './afinn.js';
import type { Lexicons } from './lexicon.js';
import type { ToneScore } from '../types.js';
import type { SentenceScope } from './scope.js';
import { clauseWeight, negatorBefore } from './scope.js';
import type { CueHit } from '../types.js';

const NEGATION_WINDOW = 3;
const DIPLOMACY_NEGATED = -0.75;
/** VADER uses -0.74 for a negated word; wink flips fully, which overstates "not good". */
const AFINN_NEGATED = -0.5;
const AVERAGE_SENTENCE_WORDS = 15;

/** AFINN scores of words that are negation triggers, not sentiment ("no breakthrough"). */
const NEGATOR_WORDS = new Set(['no', 'not', 'never', 'none', 'nothing']);

export interface ToneResult {
  tone: ToneScore;
  cueHits: CueHit[];
}

export function scoreTone(
  scope: SentenceScope,
  segmentIndex: number,
  lexicons: Lexicons,
): ToneResult {
  const { tokens } = scope;
  const cueHits: CueHit[] = [];
  const covered = new Set<string>();
  let diplomacy = 0;
  let overrides = 0;
  let words = 0;
  for (const t of tokens) if (t.isWord) words++;

  for (const m of lexicons.tone.matchAll(tokens)) {
    const entry = m.entries[0]!;
    for (let i = m.from; i < m.to; i++) covered.add(tokens[i]!.norm);
    const negated =
      negatorBefore(scope, m.from, NEGATION_WINDOW) >= 0 || scope.negatedComplement[m.from] === 1;
    if (entry.category === 'afinn-override') {
      overrides += negated ? entry.weight * AFINN_NEGATED : entry.weight;
      continue;
    }
    const weight =
      (negated ? entry.weight * DIPLOMACY_NEGATED : entry.weight) * clauseWeight(scope, m.from);
    diplomacy += weight;
    cueHits.push({
      segment: segmentIndex,
      lexicon: 'tone',
      entry: entry.phrase,
      category: entry.category,
      start: tokens[m.from]!.start,
      end: tokens[m.to - 1]!.end,
      weight,
      negated,
    });
  }

  const wink = afinnScore(tokens);
  let afinn = overrides;
  // wink's tokens follow the sentence's own tokens in order; a cursor finds each scored word's
  // clause, so the clause after "but" outweighs the one before it (VADER's but-rule) and a
  // subordinate "although …" clause counts less.
  let cursor = 0;
  for (const t of wink.scored) {
    const value = t.value.toLowerCase();
    let at = cursor;
    while (at < tokens.length && tokens[at]!.norm !== value) at++;
    if (at < tokens.length) cursor = at + 1;
    if (NEGATOR_WORDS.has(value) || covered.has(value)) continue;
    const weight = at < tokens.length ? clauseWeight(scope, at) : 1;
    const base = t.negation ? -t.score : t.score;
    const negated =
      t.negation ||
      (at < tokens.length &&
        (negatorBefore(scope, at, NEGATION_WINDOW) >= 0 || scope.negatedComplement[at] === 1));
    afinn += weight * (negated ? base * AFINN_NEGATED : base);
  }

  const damping = Math.sqrt(Math.max(words, AVERAGE_SENTENCE_WORDS) / AVERAGE_SENTENCE_WORDS);
  const combined = Math.max(-5, Math.min(5, (afinn + diplomacy) / damping));
  return {
    tone: {
      afinn: wink.normalizedScore,
      diplomacy: round(diplomacy),
      combined: round(combined),
    },
    cueHits,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

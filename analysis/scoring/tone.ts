// Tone of one sentence, three numbers (ToneScore): wink-sentiment's normalized AFINN score
// as published (`afinn`, the baseline), the diplomacy lexicon's conflict-vs-cooperation sum
// (`diplomacy`), and `combined`, the score the charts use. It deliberately scores one
// sentence at a time and knows nothing of speakers: the voices stage may later split
// narrator from quoted voice by calling it on each part.
//
// combined = (A + D + N) / sqrt(max(words, 15) / 15), clamped to [-5, 5], where
//   A = the AFINN word scores of the sentence, corrected for news use: the determiner "no"
//       is not itself negative (wink scores it -1; N below counts it once), a negated AFINN
//       word counts -0.5 × its score instead of wink's full flip (negated: wink's two-token
//       rule, a scope.json negator within 3 words in the clause, or a negated complement,
//       "might not be able to walk away with a win"), and words the diplomacy lexicon covers
//       or overrides ("United States", "kind of", "ominous") take the lexicon's weight instead;
//   D = the diplomacy score (below);
//   N = -1 per negator in the sentence (× its clause weight): a negated statement reads as
//       negative even when nothing it negates carries tone ("the envoy did not attend").
// evaluative = the same without the priors of bare negators (negators that negate no word
// carrying tone): the tone toward the persons and parties a sentence names (targets.ts).
// "The envoy did not attend" is negative news, but says nothing about the envoy; counting
// its prior toward the envoy cost BASIL's ordering toward each entity 0.667 → 0.633 on the
// development events (40 → 38 of 60 pairs), and leaving it out restores 0.667.
// The length damping is wink's own (average sentence length 15 words), so a long sentence
// with one negative word is not as negative as a short one.
//
// diplomacy = Σ weight of matched conflict / cooperation / euphemism entries, each flipped
// (× -0.75) when a negator ("not", "no", "n't", "without", …) stands within 3 words before
// it in the same clause ("not constructive", "without tensions").
//
// Three compositional rules reach A and D alike (scope.ts):
//   - clause weight: 0.7 before "but", 0.5 in a subordinate "although …" clause, so "tense,
//     but constructive" leans positive;
//   - valence shifters: a word up to 3 words after a verb that reverses it ("lost a great
//     opportunity", "eased tensions", "an end to the war") counts as negated; a shifter and a
//     negator together cancel ("did not ease tensions");
//   - degree adverbs (VADER's rule): an intensifier up to 3 words before ("very", "deeply")
//     strengthens a word by 30 %, a downtoner ("slightly", "somewhat") weakens it as much,
//     less with each word between (× 1, 0.95, 0.9).
// Measured on development halves kept apart from validation halves
// (docs/accuracy.md): nyt-tone by editorial number, talks-dev by event.

import { afinnScore } from './afinn.js';
import type { Lexicons } from './lexicon.js';
import type { ToneScore } from '../types.js';
import type { SentenceScope } from './scope.js';
import { clauseWeight, degreeBefore, negatorBefore, shifterBefore } from './scope.js';
import type { CueHit } from '../types.js';

const NEGATION_WINDOW = 3;
const DIPLOMACY_NEGATED = -0.75;
/** VADER uses -0.74 for a negated word; wink flips fully, which overstates "not good". */
const AFINN_NEGATED = -0.5;
const AVERAGE_SENTENCE_WORDS = 15;
/** What one negator adds to the sentence's sum (before length damping). */
const NEGATION_PRIOR = -1;
/** Words after a valence shifter that it reverses: the same reach as a negator's. */
const SHIFTER_WINDOW = 3;
/** Words before a sentiment word in which a degree adverb modifies it. */
const DEGREE_WINDOW = 3;
/** How much a degree adverb strengthens (or weakens) the word it modifies. */
const DEGREE_SCALE = 0.3;
/** The degree effect by the number of words between adverb and word (VADER: 1, .95, .9). */
const DEGREE_DECAY = [1, 0.95, 0.9];

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
  /** 1 on a negator that negates a word carrying tone (its prior is not bare). */
  const evaluating = new Uint8Array(tokens.length);
  for (const t of tokens) if (t.isWord) words++;

  for (const m of lexicons.tone.matchAll(tokens)) {
    const entry = m.entries[0]!;
    for (let i = m.from; i < m.to; i++) covered.add(tokens[i]!.norm);
    const negated = isNegated(scope, m.from) !== isShifted(scope, m.from);
    if (isNegated(scope, m.from)) markNegator(scope, m.from, evaluating);
    if (entry.category === 'afinn-override') {
      overrides += negated ? entry.weight * AFINN_NEGATED : entry.weight;
      continue;
    }
    const weight =
      (negated ? entry.weight * DIPLOMACY_NEGATED : entry.weight) *
      clauseWeight(scope, m.from) *
      degree(scope, m.from);
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
    const found = at < tokens.length;
    const weight = found ? clauseWeight(scope, at) * degree(scope, at) : 1;
    const base = t.negation ? -t.score : t.score;
    const negated = t.negation || (found && isNegated(scope, at) !== isShifted(scope, at));
    if (found && (t.negation || isNegated(scope, at))) markNegator(scope, at, evaluating);
    afinn += weight * (negated ? base * AFINN_NEGATED : base);
  }

  // N, and apart the part of it from negators that negate a word carrying tone: a bare
  // negator ("did not attend") makes the event read negative but evaluates no one.
  let negation = 0;
  let evaluatingNegation = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!scope.negator[i]) continue;
    const prior = NEGATION_PRIOR * clauseWeight(scope, i);
    negation += prior;
    if (evaluating[i]) evaluatingNegation += prior;
  }

  const damping = Math.sqrt(Math.max(words, AVERAGE_SENTENCE_WORDS) / AVERAGE_SENTENCE_WORDS);
  const clamp = (x: number) => Math.max(-5, Math.min(5, x / damping));
  const combined = clamp(afinn + diplomacy + negation);
  const evaluative = clamp(afinn + diplomacy + evaluatingNegation);
  return {
    tone: {
      afinn: wink.normalizedScore,
      diplomacy: round(diplomacy),
      combined: round(combined),
      evaluative: round(evaluative),
    },
    cueHits,
  };
}

/** A negator within 3 words before token `at` in its clause, or a negated complement. */
function isNegated(scope: SentenceScope, at: number): boolean {
  return negatorBefore(scope, at, NEGATION_WINDOW) >= 0 || scope.negatedComplement[at] === 1;
}

/** Marks the negator that negates token `at` (the one isNegated found). */
function markNegator(scope: SentenceScope, at: number, evaluating: Uint8Array): void {
  let negator = negatorBefore(scope, at, NEGATION_WINDOW);
  if (negator < 0 && scope.negatedComplement[at] === 1) negator = negatorBefore(scope, at);
  if (negator >= 0) evaluating[negator] = 1;
}

function isShifted(scope: SentenceScope, at: number): boolean {
  return shifterBefore(scope, at, SHIFTER_WINDOW) >= 0;
}

/** The factor a degree adverb before token `at` puts on its weight (1 without one). */
function degree(scope: SentenceScope, at: number): number {
  const found = degreeBefore(scope, at, DEGREE_WINDOW);
  return found ? 1 + found.sign * DEGREE_SCALE * DEGREE_DECAY[found.gap]! : 1;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

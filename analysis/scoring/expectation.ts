// Expectation-setting of one sentence: lowers / raises / hedged / none (docs/method.md §1), the finer
// move behind it and a signed score, with the cues as evidence. Cues come from
// expectation.json; rules combine its building blocks inside one clause (scope.ts):
//   negator or minimiser + outcome          "not … a breakthrough", "few deliverables"  → lowers
//   lowering verb + expectation noun        "played down expectations"                  → lowers
//   expectation noun + copula + minimiser   "the goals appear to be modest"             → lowers
//   raising verb + expectation noun         "raised hopes"                              → raises
//   realised verb + expectation noun        "exceeded (the low) expectations"           → none, +
//   modal + positive prospect               "could open a more constructive era"        → raises
//   negated modal + positive prospect       "unlikely to improve", "not … pull it off"  → lowers
//   modal + negative prospect               "relations might become worse"              → lowers
//   negated expect verb                     "I don't expect …"                          → lowers
//   outcome + modal                         "some wins could come from …"               → raises
//   outcome + present copula + doubt        "a breakthrough is unlikely"                → lowers
//   negated modal + change verb + object    "it will not alter the trajectory"          → lowers
//   "unlikely to" + any verb (target named) "the visit is unlikely to moderate …"       → lowers
//   concern/doubt + modal (target named)    "concerns that the meetings could …"        → lowers
//   harm verb + modal (target named)        "could overshadow the talks"                → lowers
// plus direct cues (stakes, optimism, pessimism, uncertainty). Each signal is weighted by its
// clause (a subordinate "even though …" clause counts half, the clause before "but" 0.7), so
// the main clause decides; lowering and raising of equal weight make the sentence hedged.
// It deliberately ignores who speaks (voices stage) and does not judge the target of the
// expectation (an agenda item with no outcome judgment simply matches nothing).

import type { ExpectationEntry, ExpectationRole, Lexicons } from './lexicon.js';
import type { ExpectationLabel } from '../vocabulary/expectation.js';
import type { ExpectationScore } from '../types.js';
import type { SentenceScope } from './scope.js';
import { clauseWeight, negatorBefore } from './scope.js';
import type { CueHit } from '../types.js';

interface Found {
  from: number;
  to: number;
  entry: ExpectationEntry;
}

interface Signal {
  label: ExpectationLabel;
  move: string;
  weight: number;
  found: Found;
  negated: boolean;
}

export interface ExpectationResult {
  expectation: ExpectationScore;
  cueHits: CueHit[];
}

/** Tokens between a modal and the prospect it governs ("could, in time, open …"). */
const MODAL_WINDOW = 6;
/** Tokens between a verb or minimiser and the noun it qualifies ("temper their expectations"). */
const NEAR = 4;
/** Lowering and raising within this share of each other make a sentence two-sided. */
const BALANCE = 0.25;
const WH_WORDS = new Set(['what', 'how', 'why', 'who', 'which', 'where', 'when']);
const CERTAINTY_COPULAS = new Set([
  'be', 'is', 'are', 'was', 'were', 'been', 'remain', 'remains', 'remained', 'appear',
  'appears', 'seem', 'seems', 'set', 'kept', 'look', 'looks', 'stay', 'stays',
]); // prettier-ignore
const PAST_COPULAS = new Set(['was', 'were', 'been', 'remained', 'kept', 'set']);

export function scoreExpectation(
  scope: SentenceScope,
  segmentIndex: number,
  lexicons: Lexicons,
): ExpectationResult {
  const { tokens, clauseOf } = scope;
  // A question the writer poses ("What are the stakes …?") asks, it does not judge (GUIDE.md).
  if (tokens[tokens.length - 1]?.norm === '?' && WH_WORDS.has(tokens[0]?.norm ?? '')) {
    return { expectation: { label: 'none', move: 'question', score: 0 }, cueHits: [] };
  }
  const byRole = new Map<ExpectationRole, Found[]>();
  for (const m of lexicons.expectation.matchAll(tokens)) {
    for (const entry of m.entries) {
      const list = byRole.get(entry.role) ?? [];
      list.push({ from: m.from, to: m.to, entry });
      byRole.set(entry.role, list);
    }
  }
  const found = (role: ExpectationRole) => byRole.get(role) ?? [];
  const sameClause = (a: number, b: number) => clauseOf[a] === clauseOf[b];
  /** A `role` match in the same clause, ending at most `before` tokens before `at` or starting at most `after` tokens after it. */
  const near = (role: ExpectationRole, at: Found, before: number, after = 0) =>
    found(role).find(
      (f) =>
        sameClause(f.from, at.from) &&
        ((f.to <= at.from && at.from - f.to < before) ||
          (f.from >= at.to && f.from - at.to < after)),
    );

  // Minimisers and doubt predicates that can follow a copula ("prospects are slim", "a deal is unlikely").
  const doubts = [...found('minimiser'), ...found('doubt-predicate')];
  const signals: Signal[] = [];
  const claimed = new Set<number>();
  const emit = (f: Found, label: ExpectationLabel, move: string, negated = false, base = 1) => {
    if (claimed.has(f.from)) return;
    claimed.add(f.from);
    signals.push({ label, move, weight: base * clauseWeight(scope, f.from), found: f, negated });
  };

  // 1. Direct cues.
  for (const f of found('cue')) {
    const negated = negatorBefore(scope, f.from, NEAR) >= 0;
    const weight = f.entry.weight ?? 1;
    if (!negated) emit(f, f.entry.label!, f.entry.move!, false, weight);
    // "no room for optimism", "not a key test": a negated raise lowers; other negated cues say nothing.
    else if (f.entry.label === 'raises') emit(f, 'lowers', `negated-${f.entry.move}`, true, weight);
  }
  const clauseHas = (move: string, at: number) =>
    signals.some((s) => s.move === move && sameClause(s.found.from, at));

  // 2. Expectation nouns qualified by a verb or minimiser.
  for (const f of found('expectation-noun')) {
    if (near('realised-verb', f, NEAR)) emit(f, 'none', 'exceeded');
    else if (near('lowering-verb', f, NEAR + 1, NEAR + 1)) emit(f, 'lowers', 'tempered');
    else if (near('minimiser', f, NEAR) || negatorBefore(scope, f.from, 2) >= 0)
      emit(f, 'lowers', 'low-bar');
    else if (predicativeDoubt(scope, f, doubts, false)) emit(f, 'lowers', 'low-bar');
    else if (near('raising-verb', f, NEAR, 2)) emit(f, 'raises', 'raised-hopes');
  }

  // A modal prospect ("could lead to", "can help") raises only when the sentence names what
  // the expectation is about (the visit, the talks, relations): general news is full of
  // "would lead to" that sets no expectation of an event (METHOD.md §3.3, RAISE noise).
  const anchored = found('target').length > 0;

  // 3. Negative prospects under a modal ("might become worse", "prepare for escalating tensions");
  // harm verbs only next to a target ("could undermine the talks", not "would undermine the
  // integrity of elections", an argument about a bill).
  const setbacks = anchored
    ? [...found('negative-prospect'), ...found('harm-verb')]
    : found('negative-prospect');
  for (const f of setbacks) {
    if (
      near('modal', f, MODAL_WINDOW, MODAL_WINDOW) &&
      negatorBefore(scope, f.from) < 0 &&
      // "reduce the risk of escalation", "prevent a downward spiral": averted, not predicted.
      !near('averting-verb', f, MODAL_WINDOW)
    )
      emit(f, 'lowers', 'setback');
  }

  // 4. Outcomes: denied or minimised → lowers; under a modal → raises.
  for (const f of found('outcome')) {
    if (clauseHas('outcome-neg', f.from) || clauseHas('outcome-pos', f.from)) continue;
    const negated = negatorBefore(scope, f.from) >= 0;
    if (negated || near('minimiser', f, NEAR) || predicativeDoubt(scope, f, doubts, true))
      emit(f, 'lowers', 'no-breakthrough', negated);
    else if (anchored && near('modal', f, MODAL_WINDOW, 3) && !clauseHas('setback', f.from))
      emit(f, 'raises', 'prospect');
  }

  // 5. Positive prospects under a modal, and negated expectation verbs.
  for (const f of found('positive-prospect')) {
    if (!near('modal', f, MODAL_WINDOW) || clauseHas('setback', f.from)) continue;
    if (negatorBefore(scope, f.from) >= 0) emit(f, 'lowers', 'negated-prospect', true);
    else if (anchored) emit(f, 'raises', 'prospect');
  }
  // "will not alter", "unlikely to change": a denied change lowers; "could change" says nothing.
  // Only with an object: "will not alter the trajectory" denies an effect, "status will not change." reassures.
  for (const f of found('change-verb')) {
    if (!tokens[f.to]?.isWord) continue;
    if (near('modal', f, MODAL_WINDOW) && negatorBefore(scope, f.from) >= 0)
      emit(f, 'lowers', 'negated-prospect', true);
  }
  // "I don't expect …", "few expect …": a denied or minimised expectation.
  for (const f of found('expect-verb')) {
    if (negatorBefore(scope, f.from, NEAR) >= 0) emit(f, 'lowers', 'not-expected', true);
    else if (near('minimiser', f, 1)) emit(f, 'lowers', 'not-expected');
  }
  if (anchored) {
    // "The visit is unlikely to …" predicts that something will not happen, whatever the verb,
    // unless what is unlikely is itself bad ("unlikely to collapse").
    for (const f of found('negative-modal')) {
      if (!near('negative-prospect', f, 0, MODAL_WINDOW)) emit(f, 'lowers', 'negated-prospect');
    }
    // "concerns that the meetings could end up …": apprehension about what is coming.
    for (const f of found('apprehension')) {
      const ahead =
        near('modal', f, 0, MODAL_WINDOW) ?? near('negative-prospect', f, 0, MODAL_WINDOW);
      if (ahead && negatorBefore(scope, f.from, NEAR) < 0) emit(f, 'lowers', 'apprehension');
    }
  }

  // "exceeded the low expectations" is a realised, positive outcome: its "low" lowers nothing.
  const kept = signals.filter(
    (s) =>
      s.label !== 'lowers' ||
      !signals.some((o) => o.move === 'exceeded' && sameClause(o.found.from, s.found.from)),
  );
  return {
    expectation: decide(kept, clauseOf),
    cueHits: kept.map((s) => toHit(s, tokens, segmentIndex)),
  };
}

/**
 * "expectations … have been set low", "the goals appear to be modest", "a deal is unlikely":
 * noun, copula, minimiser or doubt. For an outcome (`forward`), only a present or future
 * copula counts: "the results were modest" judges a realised outcome, which is not a lowering.
 */
function predicativeDoubt(
  scope: SentenceScope,
  noun: Found,
  doubts: Found[],
  forward: boolean,
): boolean {
  const { tokens, clauseOf } = scope;
  return doubts.some((m) => {
    if (m.from < noun.to || clauseOf[m.from] !== clauseOf[noun.from]) return false;
    let i = m.from - 1;
    if (tokens[i]?.norm.endsWith('ly')) i--; // "are relatively low"
    const copula = tokens[i]?.norm ?? '';
    return CERTAINTY_COPULAS.has(copula) && (!forward || !PAST_COPULAS.has(copula));
  });
}

function decide(signals: Signal[], clauseOf: Int32Array): ExpectationScore {
  // Per clause and label the strongest signal counts, not the number of cue words: "unlikely
  // to lead to breakthroughs" is one lowering, not two. Clauses then add up.
  const best = new Map<string, number>();
  for (const s of signals) {
    const key = `${clauseOf[s.found.from]}:${s.label}`;
    best.set(key, Math.max(best.get(key) ?? 0, s.weight));
  }
  const sum = { lowers: 0, raises: 0, hedged: 0, none: 0 };
  for (const [key, weight] of best) sum[key.split(':')[1] as ExpectationLabel] += weight;
  // Stakes say how much the visit matters, not which way it will go (docs/method.md §2: lower
  // precedence than any direction): next to a lowering, stakes alone weigh half.
  const directional = signals.some((s) => s.label === 'raises' && s.move !== 'stakes');
  if (sum.lowers > 0 && !directional) sum.raises /= 2;
  const score = round(sum.raises - sum.lowers);
  const strongest = (label: ExpectationLabel) =>
    signals.filter((s) => s.label === label).sort((a, b) => b.weight - a.weight)[0]?.move ?? label;
  const top = Math.max(sum.lowers, sum.raises, sum.hedged);
  if (top === 0) {
    const outcome = signals[0];
    if (!outcome) return { label: 'none', move: 'none', score: 0 };
    return { label: 'none', move: outcome.move, score: outcome.move === 'outcome-neg' ? -1 : 1 };
  }
  const low = sum.lowers;
  const high = sum.raises;
  if (low > 0 && high > 0 && Math.abs(low - high) <= BALANCE * Math.max(low, high)) {
    if (sum.hedged <= Math.max(low, high)) return { label: 'hedged', move: 'two-sided', score };
  }
  if (sum.hedged >= top) return { label: 'hedged', move: strongest('hedged'), score };
  if (low >= high) return { label: 'lowers', move: strongest('lowers'), score };
  return { label: 'raises', move: strongest('raises'), score };
}

function toHit(s: Signal, tokens: SentenceScope['tokens'], segmentIndex: number): CueHit {
  const sign = s.label === 'lowers' ? -1 : s.label === 'raises' ? 1 : 0;
  return {
    segment: segmentIndex,
    lexicon: 'expectation',
    entry: s.found.entry.phrase,
    category: s.move,
    start: tokens[s.found.from]!.start,
    end: tokens[s.found.to - 1]!.end,
    weight: round(sign * s.weight),
    negated: s.negated,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

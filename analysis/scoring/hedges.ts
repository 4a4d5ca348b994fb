// Hedge and booster counts of one sentence from the typed lists in hedges.json and
// boosters.json (one trie, longest match first, so "no doubt" is a booster and not the
// hedge "doubt"; "could not be higher" is an intensifier, not the hedge "could").
// Negation flips certainty: "not sure", "not clear", "not necessarily" are hedges; a
// negated hedge stays a hedge ("not likely"). A question opened by a modal ("Will Xi show
// up?") is a hedge on the outcome. Two weasel constructions are built from frame-* parts
// of hedges.json: a vague source + a verb of saying ("critics have argued", "some U.S.
// officials believe") and an agentless passive of one ("is widely regarded as"); a source
// the text has named ("his supporters") or a named agent ("by the ministry") is not vague.
// It deliberately does not decide what the hedge is about; expectation.ts does that.

import type { Lexicons, StanceEntry } from './lexicon.js';
import type { PhraseMatch } from './matcher.js';
import type { SentenceScope } from './scope.js';
import { negatorBefore } from './scope.js';
import type { CueHit, Token } from '../types.js';

export interface HedgeResult {
  hedges: number;
  boosters: number;
  cueHits: CueHit[];
}

/** Be-forms that make "aux + participle" a passive ("is regarded as"; "has regarded" is active;
 * "is being considered" is a deliberation, not a report). */
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been']);
/** Words between a vague source or a be-form and its verb ("critics have long argued"). */
const FRAME_GAP = 3;
const MODALS = new Set(['will', "'ll", 'would', 'should', 'must', 'can', 'could', 'may', 'might']);
/** Determiners that make a source specific: "his supporters", "the bill's proponents". */
const DETERMINERS = new Set([
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'the',
  'these',
  'those',
  'other',
]);
/** Words of the noun phrase a quantifier may head ("some U.S. officials"). */
const QUANTIFIED_NOUN_WORDS = 2;

/** A negator this close before a certainty word flips it ("is not entirely sure"). */
const NEGATION_WINDOW = 3;
const QUESTION_OPENERS = new Set(['will', 'would', 'could', 'can', 'might', 'may', 'should']);

export function scoreHedges(
  scope: SentenceScope,
  segmentIndex: number,
  lexicons: Lexicons,
): HedgeResult {
  const { tokens } = scope;
  const cueHits: CueHit[] = [];
  let hedges = 0;
  let boosters = 0;
  const hit = (
    from: number,
    to: number,
    lexicon: string,
    entry: string,
    category: string,
    negated: boolean,
  ) => {
    cueHits.push({
      segment: segmentIndex,
      lexicon,
      entry,
      category,
      start: tokens[from]!.start,
      end: tokens[to - 1]!.end,
      weight: 1,
      negated,
    });
  };

  const matches = lexicons.stance.matchAll(tokens);
  const frames = frameParts(matches);
  const matched = new Set(matches.map((m) => m.from));
  for (const m of matches) {
    // A word can be both a hedge and a frame part ("many", "widely"): the hedge counts.
    const entry = m.entries.find((e) => e.lexicon !== 'hedge' || !isFramePart(e)) ?? m.entries[0]!;
    if (entry.lexicon === 'hedge') {
      if (entry.type === 'not-a-hedge') continue;
      if (isFramePart(entry)) {
        const weasel = completesFrame(m, frames, matched, tokens);
        if (weasel) {
          hedges++;
          hit(weasel.from, m.to, 'hedge', weasel.what, 'weasel', false);
        }
        continue;
      }
      // "in May", "May 2023": the month, not the modal (a sentence-initial "May" stays ambiguous).
      if (entry.phrase === 'may' && m.from > 0 && tokens[m.from]!.text === 'May') continue;
      hedges++;
      hit(m.from, m.to, 'hedge', entry.phrase, entry.type, false);
      continue;
    }
    const negated = negatorBefore(scope, m.from, NEGATION_WINDOW) >= 0;
    if (negated) {
      hedges++;
      hit(m.from, m.to, 'hedge', entry.phrase, 'negated-certainty', true);
    } else if (entry.type === 'booster') {
      boosters++;
      hit(m.from, m.to, 'booster', entry.phrase, entry.type, false);
    }
  }

  const first = tokens.find((t) => t.isWord);
  const last = tokens[tokens.length - 1];
  if (first && last?.norm === '?' && QUESTION_OPENERS.has(first.norm)) {
    hedges++;
    hit(0, tokens.length, 'hedge', '? (modal question)', 'question', false);
  }
  return { hedges, boosters, cueHits };
}

type StanceMatch = PhraseMatch<StanceEntry>;
type FrameType =
  'frame-aux' | 'frame-participle' | 'frame-verb' | 'frame-source' | 'frame-quantifier';

function isFramePart(entry: StanceEntry): boolean {
  return entry.lexicon === 'hedge' && entry.type.startsWith('frame-');
}

/** For each token where a match starts, the frame types its entries carry. */
function frameParts(matches: readonly StanceMatch[]): Map<number, Set<FrameType>> {
  const parts = new Map<number, Set<FrameType>>();
  for (const m of matches) {
    for (const e of m.entries) {
      if (e.lexicon !== 'hedge' || !isFramePart(e)) continue;
      const set = parts.get(m.from) ?? new Set<FrameType>();
      set.add(e.type as FrameType);
      parts.set(m.from, set);
    }
  }
  return parts;
}

/**
 * When the verb match `m` closes a weasel frame, where the frame starts and what it is:
 *   vague source [aux/adverb ≤3] verb of saying   "critics have long argued", "some say"
 *   be-form [adverb ≤2] participle, no named agent "is widely regarded as", "was believed by some"
 * A passive with a named agent ("was described by the ministry as") is attribution, not a weasel.
 */
function completesFrame(
  m: StanceMatch,
  frames: Map<number, Set<FrameType>>,
  matched: ReadonlySet<number>,
  tokens: readonly Token[],
): { from: number; what: string } | null {
  const here = frames.get(m.from);
  if (!here) return null;
  let be = -1;
  let i = m.from - 1;
  for (let gap = 0; i >= 0 && gap <= FRAME_GAP; i--, gap++) {
    const before = frames.get(i);
    if (here.has('frame-verb') && before?.has('frame-source') && !isDetermined(tokens, i)) {
      return { from: i, what: 'vague source + verb' };
    }
    if (BE.has(tokens[i]!.norm)) be = i;
    if (!before?.has('frame-aux')) break;
  }
  // "some fitness professionals say", "many U.S. officials believe": a quantifier heading a
  // short noun phrase is as vague a source as "some experts".
  if (here.has('frame-verb')) {
    for (let j = i, words = 0; j >= 0 && words <= QUANTIFIED_NOUN_WORDS; j--) {
      if (!tokens[j]!.isWord) break;
      if (frames.get(j)?.has('frame-quantifier')) {
        if (isDetermined(tokens, j)) break;
        return { from: j, what: 'vague source + verb' };
      }
      // "most likely see": an adverb phrase, not a noun phrase after the quantifier.
      if (matched.has(j)) break;
      words++;
    }
  }
  if (be < 0 || !here.has('frame-participle')) return null;
  // "will be considered a traitor", "should be considered dangerous": a forecast or an
  // instruction, not an unattributed report.
  if (MODALS.has(tokens[be - 1]?.norm ?? '') || MODALS.has(tokens[be - 2]?.norm ?? '')) return null;
  const next = tokens[m.to];
  if (next?.norm === 'by' && !frames.get(m.to + 1)?.has('frame-source')) return null;
  return { from: be, what: 'agentless passive' };
}

/** "his supporters", "the bill's proponents", "other supporters": a source the text has named. */
function isDetermined(tokens: readonly Token[], source: number): boolean {
  const before = tokens[source - 1]?.norm ?? '';
  return DETERMINERS.has(before) || before.endsWith("'s");
}

// Hedge and booster counts of one sentence from the typed lists in hedges.json and
// boosters.json (one trie, longest match first, so "no doubt" is a booster and not the
// hedge "doubt"; "could not be higher" is an intensifier, not the hedge "could").
// Negation flips certainty: "not sure", "not clear", "not necessarily" are hedges; a
// negated hedge stays a hedge ("not likely"). A question opened by a modal ("Will Xi show
// up?") is a hedge on the outcome. It deliberately does not decide what the hedge is
// about; expectation.ts does that.

import type { Lexicons } from './lexicon.js';
import type { SentenceScope } from './scope.js';
import { negatorBefore } from './scope.js';
import type { CueHit } from './types.js';

export interface HedgeResult {
  hedges: number;
  boosters: number;
  cueHits: CueHit[];
}

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

  for (const m of lexicons.stance.matchAll(tokens)) {
    const entry = m.entries[0]!;
    if (entry.lexicon === 'hedge') {
      if (entry.type === 'not-a-hedge') continue;
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

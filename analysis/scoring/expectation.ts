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
//   reaching an outcome + modal             "we're going to make a deal"                → raises
//   "unlikely to" + setback                 "unlikely to derail the talks"              → raises
//   modal or expect verb + more talks       "further meetings could follow"             → raises
//   talks/outcome + offering verb + prospect "the deal opens an opportunity"            → raises
//   talks/outcome + negated prospect        "the deal didn't bring peace"               → lowers
//   voicing verb + worry (talks named)      "the summit raises anxiety", "doubts remain" → lowers
//   allaying verb + worry (talks named)     "tamping down concerns about the summit"    → raises
//   clearing verb + obstacle to the talks   "clears an obstacle to direct talks"        → raises
//   "few"/"nobody" + expect verb            "few are counting on the summit to …"       → lowers
// plus direct cues (stakes, optimism, pessimism, uncertainty) and, for coverage written after
// the meeting, judgments of what the talks achieved (docs/method.md §1): significance ("a landmark
// accord"), acclaim ("praised the agreement"), appraisal next to the talks ("a very good
// meeting"), failure ("the talks collapsed"), criticism ("objections to the deal") and mixed
// verdicts; these count only when the sentence names the talks or their outcome and not when
// a year, a month or "previous" dates the judged talks ("the landmark 2015 deal"), and "only"
// before praise turns it into a lowering ("only a first step"). Each signal is weighted by its
// clause (a subordinate "even though …" clause counts half, the clause before "but" 0.7), so
// the main clause decides; lowering and raising of equal weight make the sentence hedged.
// It deliberately ignores who speaks (voices stage) and does not judge the target of the
// expectation (an agenda item with no outcome judgment simply matches nothing).

import type { ExpectationEntry, ExpectationRole, Lexicons } from './lexicon.js';
import type { ExpectationLabel } from '../vocabulary/expectation.js';
import type { ExpectationScore } from '../types.js';
import type { SentenceScope } from './scope.js';
import { clauseWeight, negatorBefore } from './scope.js';
import type { CueHit, Token } from '../types.js';

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
/** Acclaim under a modal forecasts success ("it will be a great success"); a plain "great" does not ("he will be great"). */
const PRAISE_MOVES = new Set(['acclaim']);
const ARTICLES_AND_INTENSIFIERS = new Set([
  'a',
  'an',
  'the',
  'very',
  'really',
  'so',
  'truly',
  'quite',
  'extremely',
]);
const QUOTES = new Set(['"', '“', '‘', "'"]);
/** Words that cut praise down to size ("only the first step"); "just" only before an article ("just a first step", not "just reached"). */
const ARTICLES = new Set(['a', 'an', 'the']);
const RESTRICTORS = new Set(['only', 'merely', 'mere']);
const RESTRICTOR_REACH = 7;
const HOPE_NOUNS = new Set(['hope', 'hopes']);
const HOPE_VERB_BEFORE = new Set([
  'i',
  'we',
  'you',
  'they',
  'he',
  'she',
  'to',
  'and',
  'also',
  'still',
  'who',
]);
/** Tokens from an expectation noun to a predicative lowering verb ("hopes …, however, remain tempered"). */
const PREDICATE_REACH = 12;
/** Tokens between an appraisal word and the talks it judges ("the meeting was very good"). */
const APPRAISAL_REACH = 4;
/** Lowering and raising within this share of each other make a sentence two-sided. */
const BALANCE = 0.25;
const POSSESSIVE = /['’]s$/;
const WH_WORDS = new Set(['what', 'how', 'why', 'who', 'which', 'where', 'when']);
const CERTAINTY_COPULAS = new Set([
  'be', 'is', 'are', 'was', 'were', 'been', 'remain', 'remains', 'remained', 'appear',
  'appears', 'seem', 'seems', 'set', 'kept', 'look', 'looks', 'stay', 'stays', "'s", 'went',
]); // prettier-ignore
const PAST_COPULAS = new Set(['was', 'were', 'been', 'remained', 'kept', 'set']);
/**
 * After-the-fact judgments of what talks achieved (docs/method.md §1): significance ("historic",
 * "landmark"), acclaim ("hailed", "a step forward"), failure ("collapsed", "got nearly
 * nothing", "just a commitment to keep talking"), criticism ("objections", "slammed") and
 * two-sided verdicts ("mixed results"). They count only when the sentence names the talks
 * or their outcome.
 */
const EVALUATIVE_MOVES = new Set([
  'significance', 'acclaim', 'failure', 'criticism', 'mixed', 'closing-in', 'discord',
]); // prettier-ignore
/** Words by which a side is said to want an outcome ("they want to make a deal"). */
const DESIRE_WORDS = new Set([
  'want', 'wants', 'wanted', 'eager', 'keen', 'willing', 'ready', 'prepared', 'determined',
]); // prettier-ignore
/** Present-tense verbs by which talks or a deal offer a prospect ("opens an opportunity"). */
const OFFERING_VERBS = new Set([
  'offers', 'opens', 'creates', 'provides', 'gives', 'brings', 'marks', 'represents', 'signals',
]); // prettier-ignore
/** Words before a target that make it more of the same engagement ("further talks"). */
const CONTINUED_WORDS = new Set([
  'more', 'further', 'follow-up', 'additional', 'regular', 'series', 'another', 'new', 'continued',
]); // prettier-ignore
const CONTINUED_REACH = 3;
/** Pronouns that open a relative clause ("a deal which would allow …"). */
const RELATIVES = new Set(['which', 'that', 'who', 'whose']);
/** Prepositions naming what a criticism is of ("criticism of the deal", "objections over …"). */
const CRITICISM_OBJECT = new Set(['of', 'over', 'about', 'against', 'to']);
/** Tokens after that preposition searched for the talks or their outcome. */
const OBJECT_REACH = 5;
const FEW_SUBJECTS = new Set(['few', 'nobody', 'none']);
/** Tokens from the talks to the verb saying they advance ("talks on ending their trade war progress"). */
const PROGRESS_REACH = 6;
/** Words after which "progress" or "advance" is a noun or an infinitive, not the talks' verb. */
const NOT_A_SUBJECT = new Set([
  'made', 'make', 'makes', 'making', 'some', 'no', 'little', 'any', 'the', 'a', 'an', 'of', 'real',
  'significant', 'more', 'much', 'further', 'to', 'in', 'on', 'for', 'toward', 'towards', 'slow',
  'substantial', 'steady', 'great', 'good', 'its', 'their', 'without', 'and', 'or', 'not',
]); // prettier-ignore
const CONDITIONS = new Set(['if', 'unless', 'whether', 'until', 'once']);
/** A clause opening on one of these has its subject before it ("the summit, …, will not …"). */
const AUXILIARIES = new Set([
  'will', 'would', 'did', 'does', 'do', 'could', 'may', 'might', 'can', 'shall', 'should',
  "won't", "wouldn't", "didn't", "doesn't", "don't", "can't", 'cannot',
]); // prettier-ignore
/** Tokens either side of an evaluative cue searched for a year or "previous" (aboutEarlierTalks). */
const EARLIER_REACH = 3;
const YEAR = /^(19|20)\d\d$/;
const YEARS_LONG = /^(\d+|decades?|years?)-(year|long|old)$/;
const EARLIER_WORDS = new Set(['previous', 'past', 'earlier', 'prior', 'former']);
/** "collapsed in May", "last year's summit": a month or a "last …" dates the judged talks. */
const MONTHS =
  /^(January|February|March|April|May|June|July|August|September|October|November|December)$/;
const LAST_WHAT = new Set([
  'year',
  "year's",
  'month',
  "month's",
  'time',
  'round',
  'summer',
  'spring',
  'fall',
  'winter',
]);
/**
 * Words that refer back to what the article is about: in coverage of talks, "it was a historic
 * surrender", "their opening remarks spoke of a new history" or "we are starting a new chapter"
 * judge the talks or their parties without naming them again. A sentence with none of these
 * and no talks named ("the river reached a historic high") still judges something else.
 */
const BACK_REFERENCES = new Set(['it', "it's", 'they', 'their', 'we', 'our']);
/** Moves that say how much something matters, not which way it goes (docs/method.md §2). */
const WEIGHT_ONLY_MOVES = new Set(['stakes', 'significance', 'attention']);
/**
 * "canceled the highly anticipated summit", "calls off historic meeting": the attention paid
 * to talks called off or put off, or the weight given them, is background to that news, not a
 * build-up of what they will achieve.
 */
const CALLED_OFF = new Set([
  'canceled', 'cancelled', 'cancels', 'cancel', 'canceling', 'cancelling', 'postponed', 'postpones', 'postpone', 'delayed',
  'scrapped', 'scraps', 'shelved',
]); // prettier-ignore
/** "calls off the summit": "off" after a calling verb ("kill off", "hit it off" call nothing off). */
const CALLING = new Set(['call', 'calls', 'called', 'calling']);

function calledOff(tokens: SentenceScope['tokens']): boolean {
  return tokens.some(
    (t, i) =>
      CALLED_OFF.has(t.norm) ||
      (t.norm === 'off' &&
        (CALLING.has(tokens[i - 1]?.norm ?? '') || CALLING.has(tokens[i - 2]?.norm ?? ''))),
  );
}

/**
 * Cues that set no expectation of talks an article has not named yet (scoreExpectation, end):
 * doubt, stakes, setbacks, pessimism, praise. Optimism and confidence stay ("confident we'll
 * have the votes" on a bill the talks lexicon does not name).
 */
const OFF_TOPIC_MOVES = new Set([
  'uncertain', 'stakes', 'setback', 'negated-prospect', 'not-expected', 'low-bar', 'pessimism',
  'acclaim', 'raised-hopes', 'attention', 'empty-handed', 'tempered',
]); // prettier-ignore

/** What the sentences before this one said, as far as expectation-setting needs it. */
export interface ExpectationContext {
  /**
   * The sentence just before (headline or body) names the talks or their outcome: "The world
   * has lost a great opportunity" right after the letter calling off the summit judges it.
   */
  talksJustNamed: boolean;
  /**
   * Whether this sentence names the talks or their outcome (namesTalksOrOutcome), when the
   * caller has computed it already: score.ts does, once per sentence, for the pipeline too.
   */
  talksNamed?: boolean;
  /**
   * Whether any sentence before this one in the article named the talks or their outcome.
   * Undefined when the caller does not track it (a sentence scored alone).
   */
  talksNamedEarlier?: boolean;
  /** The sentence is the article's headline. */
  headline?: boolean;
}

export function scoreExpectation(
  scope: SentenceScope,
  segmentIndex: number,
  lexicons: Lexicons,
  context: ExpectationContext = { talksJustNamed: false },
): ExpectationResult {
  const { tokens, clauseOf } = scope;
  // A question the writer poses ("What are the stakes …?") asks, it does not judge (docs/method.md §1).
  if (tokens[tokens.length - 1]?.norm === '?' && WH_WORDS.has(tokens[0]?.norm ?? '')) {
    return { expectation: { label: 'none', move: 'question', score: 0 }, cueHits: [] };
  }
  // "Is the deal a breakthrough or a trap?": a question that weighs two verdicts on the talks
  // leans neither way.
  if (
    tokens[tokens.length - 1]?.norm === '?' &&
    tokens.some((t) => t.norm === 'or') &&
    (context.talksNamed ?? namesTalksOrOutcome(tokens, lexicons))
  ) {
    return { expectation: { label: 'hedged', move: 'either-or', score: 0 }, cueHits: [] };
  }
  const byRole = new Map<ExpectationRole, Found[]>();
  for (const m of lexicons.expectation.matchAll(tokens)) {
    for (const entry of m.entries) {
      const list = byRole.get(entry.role) ?? [];
      list.push({ from: m.from, to: m.to, entry });
      byRole.set(entry.role, list);
    }
  }
  // Every rule below starts from a lexicon match: a sentence with none (most of them) has no
  // signal, and making the rules' closures for it was most of this function's time.
  if (byRole.size === 0) return { expectation: decide([], clauseOf), cueHits: [] };
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

  const talksOrOutcome = () => [...found('target'), ...found('outcome')];
  // A modal before the outcome ("could reach a deal") or right after it ("a deal could come"),
  // but not one in a relative clause saying what the outcome would do ("a deal which would
  // allow troops to leave"): that describes its terms, not whether it will come.
  const forecastModal = (at: Found) =>
    found('modal').some(
      (m) =>
        sameClause(m.from, at.from) &&
        ((m.to <= at.from && at.from - m.to < MODAL_WINDOW) ||
          (m.from >= at.to &&
            m.from - at.to < 3 &&
            !tokens.slice(at.to, m.from).some((t) => RELATIVES.has(t.norm)))),
    );
  const criticismOfOther = (at: Found) => {
    if (!CRITICISM_OBJECT.has(tokens[at.to]?.norm ?? '')) return false;
    return !talksOrOutcome().some(
      (t) => sameClause(t.from, at.from) && t.from > at.to && t.from - at.to <= OBJECT_REACH,
    );
  };
  const nextToTalks = (at: Found) => {
    // "My meeting with the president of China was an extraordinary one": a predicate reaches
    // back to its subject anywhere earlier in the clause.
    let i = at.from - 1;
    // Past articles, intensifiers and an opening quotation mark: "talks are “going very well”".
    while (i > 0 && (ARTICLES_AND_INTENSIFIERS.has(tokens[i]!.norm) || QUOTES.has(tokens[i]!.norm)))
      i--;
    const predicative = CERTAINTY_COPULAS.has(tokens[i]?.norm ?? '');
    return talksOrOutcome().some(
      (t) =>
        sameClause(t.from, at.from) &&
        ((t.from >= at.to && t.from - at.to < APPRAISAL_REACH) ||
          (t.to <= at.from && (predicative || at.from - t.to < APPRAISAL_REACH))),
    );
  };
  // "hope" the noun, not the verb ("I hope that …", "they hope to …", a wish: none).
  const isHopeNoun = (f: Found) =>
    HOPE_NOUNS.has(f.entry.phrase) &&
    !HOPE_VERB_BEFORE.has(tokens[f.from - 1]?.norm ?? '') &&
    !['that', 'to'].includes(tokens[f.to]?.norm ?? '');
  const restrictedBefore = (at: Found) => {
    // "only" scopes over the rest of its phrase: "only the first step toward a new future".
    if (signals.some((s) => s.move === 'only' && sameClause(s.found.from, at.from))) return true;
    let words = 0;
    for (let i = at.from - 1; i >= 0 && sameClause(i, at.from) && words < RESTRICTOR_REACH; i--) {
      if (RESTRICTORS.has(tokens[i]!.norm)) return true;
      // "just a first step" restricts; "just reached a deal" does not.
      if (tokens[i]!.norm === 'just' && ARTICLES.has(tokens[i + 1]?.norm ?? '')) return true;
      if (tokens[i]!.isWord) words++;
    }
    return false;
  };
  // "The deal offers an opportunity": an offering verb just before the prospect, with the
  // talks or their outcome earlier in the clause as its subject.
  const offeredByTalks = (at: Found) => {
    let i = at.from - 1;
    while (i > 0 && ARTICLES_AND_INTENSIFIERS.has(tokens[i]!.norm)) i--;
    if (!OFFERING_VERBS.has(tokens[i]?.norm ?? '')) return false;
    return talksOrOutcome().some((t) => sameClause(t.from, at.from) && t.to <= i);
  };
  // What an evaluation can be about: the talks, the relations, or what they produced (a deal,
  // an accord), named here or in the sentence just before. "historic", "collapsed" or
  // "praised" with none of these near judge something else (a storm, a market, a bill).
  const evaluable =
    context.talksJustNamed ||
    (context.talksNamed ?? namesTalksOrOutcome(tokens, lexicons)) ||
    (context.talksNamedEarlier !== false && tokens.some((t) => BACK_REFERENCES.has(t.norm)));

  const talksNamedHere = found('target').length > 0;
  // 1. Direct cues.
  for (const f of found('cue')) {
    // "I think it'll be very successful": praise under a modal forecasts, whatever "it" is.
    // A plain appraisal under a modal forecasts too when the talks are named here or just
    // before ("It will certainly be an exciting day", the day of the summit).
    const forecast =
      (PRAISE_MOVES.has(f.entry.move!) ||
        (f.entry.move === 'appraisal' && (talksNamedHere || context.talksJustNamed))) &&
      near('modal', f, MODAL_WINDOW);
    if (EVALUATIVE_MOVES.has(f.entry.move!) && !evaluable && !forecast) continue;
    // "the landmark 2015 nuclear deal", "failed previous negotiations": a verdict on other,
    // earlier talks, named by their year or as past ones, says nothing about these.
    if (EVALUATIVE_MOVES.has(f.entry.move!) && aboutEarlierTalks(scope, f)) continue;
    // "a good meeting", "the talks went well": a plain appraisal word judges the talks only
    // next to them or as their predicate, not anywhere in a sentence that mentions them
    // ("good for farmers").
    if (f.entry.move === 'appraisal' && !forecast && !nextToTalks(f)) continue;
    if (WEIGHT_ONLY_MOVES.has(f.entry.move!) && calledOff(tokens)) continue;
    // "approach the summit cautiously", "sounded a note of caution": wariness lowers only about
    // the talks named here or just before ("banks are wary of Iran" is not about them).
    if (f.entry.move === 'caution' && !talksNamedHere && !context.talksJustNamed) continue;
    // "a key obstacle to a lasting deal", "it's hard to negotiate": an obstacle lowers only in
    // the way of the talks or their outcome, named here or just before ("the ruling is a major
    // hurdle for the president", "one serious obstacle after another" judge something else).
    if (f.entry.move === 'obstacle' && !talksOrOutcome().length && !context.talksJustNamed)
      continue;
    // "criticism of his trade policies", "a barrage of criticism over the tax plan": criticism
    // whose object is named right after it and is not the talks or their outcome.
    if (f.entry.move === 'criticism' && criticismOfOther(f)) continue;
    const negated = negatorBefore(scope, f.from, NEAR) >= 0;
    const weight = f.entry.weight ?? 1;
    // "only the first step toward a new future", "merely a good start": praise cut down to size.
    if (f.entry.label === 'raises' && !negated && restrictedBefore(f)) {
      emit(f, 'lowers', 'only', false, weight);
      continue;
    }
    if (!negated) emit(f, f.entry.label!, f.entry.move!, false, weight);
    // "no room for optimism", "not a key test": a negated raise lowers; other negated cues say nothing.
    else if (f.entry.label === 'raises') emit(f, 'lowers', `negated-${f.entry.move}`, true, weight);
    // "I would not say I'm pessimistic", "not skeptical": a denied attitude of doubt leans up.
    // Only a one-word attitude: a negated phrase ("not … a long shot") is too rare to read.
    else if (f.entry.move === 'pessimism' && f.to - f.from === 1)
      emit(f, 'raises', 'negated-pessimism', true, weight);
  }
  // Worry nouns, also where a longer apprehension cue holds them ("fears of", "doubts about").
  const worries = () => [
    ...found('worry-noun'),
    ...found('apprehension').filter((a) =>
      lexicons.expectation
        .matchAt([tokens[a.from]!], 0)
        ?.entries.some((e) => e.role === 'worry-noun'),
    ),
  ];
  // "Few in the region are counting on …": a clause whose subject is "few" or "nobody".
  const fewSubject = (at: Found) => {
    const first = tokens.findIndex((t, i) => sameClause(i, at.from) && t.isWord);
    return first >= 0 && first < at.from && FEW_SUBJECTS.has(tokens[first]!.norm);
  };
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
    else if (temperedLater(scope, f, found('lowering-verb'))) emit(f, 'lowers', 'tempered');
    // "amid hopes of a deal", "expressed hope for peace": hope about the talks, unqualified,
    // leans up; it weighs less than any qualified cue ("in hopes that … fizzled" lowers).
    else if (isHopeNoun(f) && evaluable) emit(f, 'raises', 'hope', false, 0.7);
  }

  // 2b. "a supreme test", "a big week for trade ties": a testing time, intensified, stakes the
  // talks whatever the adjective; the listed cues ("key test") are the commonest of these.
  // Only next to each other ("a big missile test" intensifies the missile) and about the talks.
  // Likewise weight itself: "holds significant weight", "of great importance".
  if (evaluable) {
    for (const f of [...found('stakes-noun'), ...found('significance-noun')]) {
      const before = found('intensity').find((a) => a.to === f.from);
      if (before && negatorBefore(scope, before.from, NEAR) < 0) emit(before, 'raises', 'stakes');
    }
  }

  // A modal prospect ("could lead to", "can help") raises only when the sentence names what
  // the expectation is about (the visit, the talks, relations): general news is full of
  // "would lead to" that sets no expectation of an event (docs/method.md §2, noise in raises).
  const anchored = found('target').length > 0 || context.talksJustNamed;

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

  // 4. Outcomes: denied or minimised → lowers; under a modal → raises. Reaching an outcome
  // ("we're going to make a deal") is about the talks by itself; a bare outcome noun under a
  // modal needs the talks named ("the deal would keep the government open" is about a bill).
  for (const f of found('outcome')) {
    if (clauseHas('failure', f.from) || clauseHas('outcome-pos', f.from)) continue;
    if (notAnOutcome(tokens, f)) continue;
    const negator = negatorBefore(scope, f.from);
    const negated = negator >= 0;
    // "what happens if there is no deal", "if he cannot strike a deal": a denial under a
    // condition is a hypothesis, not a forecast.
    if (
      negated &&
      tokens.some((t, i) => i < negator && sameClause(i, f.from) && CONDITIONS.has(t.norm))
    )
      continue;
    // "The Korean War ended with an armistice, not a peace treaty": how a war ended, the past.
    if (negated && warEndedBefore(tokens, negator)) continue;
    if (negated || near('minimiser', f, NEAR) || predicativeDoubt(scope, f, doubts, true))
      emit(f, 'lowers', 'no-breakthrough', negated);
    // "peace deal possible", "an agreement is now within sight": the outcome judged likely
    // enough (raises), or not ("a deal is not possible": lowers).
    else if (possibleAfter(scope, f, found('possibility-predicate')) === 'possible')
      emit(f, 'raises', 'possible');
    else if (possibleAfter(scope, f, found('possibility-predicate')) === 'denied')
      emit(f, 'lowers', 'no-breakthrough', true);
    else if (
      (anchored || f.entry.move === 'achievement') &&
      forecastModal(f) &&
      !clauseHas('setback', f.from)
    )
      emit(f, 'raises', 'prospect');
    // "made some progress", "making significant progress": progress claimed for the talks
    // plays them up ("made progress" itself is a cue; "little progress" lowered above).
    else if (f.entry.phrase === 'progress' && madeBefore(tokens, f.from))
      emit(f, 'raises', 'progress-claimed');
    // "They want to make a deal", "prepared to return to the negotiating table": a side said
    // to want the outcome forecasts it as much as a modal does.
    else if (f.entry.move === 'achievement' && desiredBefore(tokens, f.from))
      emit(f, 'raises', 'prospect');
  }

  // The talks or their outcome as the subject of a verb at `at`: named earlier in its clause, or
  // "it" there right after they were named (as for "the summit will not take place", 5c).
  const deliveredBy = (at: Found) => {
    const clause = tokens.flatMap((t, i) => (i < at.from && sameClause(i, at.from) ? [t] : []));
    if (clause.some((t) => CONDITIONS.has(t.norm))) return false;
    const talksBefore = talksOrOutcome().filter((t) => t.to <= at.from);
    return (
      talksBefore.some((t) => sameClause(t.from, at.from)) ||
      (clause.some((t) => t.norm === 'it') && (context.talksJustNamed || talksBefore.length > 0))
    );
  };

  // 5. Positive prospects under a modal, and negated expectation verbs. "The deal opens an
  // opportunity", "the talks offer a path to peace": a prospect the talks or their outcome
  // offer now is as much a forecast as one under a modal.
  for (const f of found('positive-prospect')) {
    if (clauseHas('setback', f.from)) continue;
    if (!near('modal', f, MODAL_WINDOW)) {
      if (offeredByTalks(f) && negatorBefore(scope, f.from) < 0) emit(f, 'raises', 'prospect');
      // "the deal didn't bring peace", "it did not ease tensions": what the talks or their
      // outcome failed to deliver, with them (or "it" right after them) as the clause's subject.
      else if (negatorBefore(scope, f.from, 3) >= 0 && deliveredBy(f)) {
        emit(f, 'lowers', 'not-delivered', true);
      }
      continue;
    }
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
    else if (near('minimiser', f, 1) || fewSubject(f)) emit(f, 'lowers', 'not-expected');
  }
  if (anchored) {
    // "The visit is unlikely to …" predicts that something will not happen, whatever the verb,
    // unless what is unlikely is itself bad ("unlikely to collapse").
    for (const f of found('negative-modal')) {
      // "unlikely to derail the deal", "unlikely to stop the accord": a setback denied reassures.
      if (near('negative-prospect', f, 0, MODAL_WINDOW) || near('harm-verb', f, 0, MODAL_WINDOW))
        emit(f, 'raises', 'setback-unlikely');
      else emit(f, 'lowers', 'negated-prospect');
    }
    // "concerns that the meetings could end up …": apprehension about what is coming.
    for (const f of found('apprehension')) {
      const ahead =
        near('modal', f, 0, MODAL_WINDOW) ?? near('negative-prospect', f, 0, MODAL_WINDOW);
      if (ahead && negatorBefore(scope, f.from, NEAR) < 0) emit(f, 'lowers', 'apprehension');
    }
  }

  // 5b. "as talks advance", "as talks on ending the trade war progress": the talks said to be
  // moving on, a judgment of how they go. Not a condition ("if talks progress") and not the
  // noun ("made some progress", "no progress", handled as outcome above).
  for (const f of found('progress-verb')) {
    if (!tokens[f.from - 1]?.isWord || NOT_A_SUBJECT.has(tokens[f.from - 1]!.norm)) continue;
    const subject = found('target').find(
      (t) => sameClause(t.from, f.from) && t.to <= f.from && f.from - t.to <= PROGRESS_REACH,
    );
    if (!subject) continue;
    const conditional = tokens
      .slice(0, f.from)
      .some((t, i) => sameClause(i, f.from) && CONDITIONS.has(t.norm));
    if (!conditional && negatorBefore(scope, f.from, NEAR) < 0) emit(f, 'raises', 'advancing');
  }

  // 5c. "the summit will not take place", "we were disappointed when it didn't happen": the
  // talks or their outcome said not to come about. Their subject is in the verb's clause, or
  // "it" right after the talks were named, or, when the clause opens on its auxiliary ("…, will
  // not take place"), earlier in the sentence. Not an infinitive ("agreed not to proceed with
  // tariffs"), a condition ("if it doesn't happen") or a one-off ("won't happen again": urgency).
  for (const f of found('occurrence-verb')) {
    if (tokens[f.from - 1]?.norm === 'to' || tokens[f.to]?.norm === 'again') continue;
    if (negatorBefore(scope, f.from, NEAR) < 0) continue;
    const clause = tokens.flatMap((t, i) => (i < f.from && sameClause(i, f.from) ? [t] : []));
    if (clause.some((t) => CONDITIONS.has(t.norm))) continue;
    const talksBefore = talksOrOutcome().filter((t) => t.to <= f.from);
    const subject =
      talksBefore.some((t) => sameClause(t.from, f.from)) ||
      (clause.some((t) => t.norm === 'it') && (context.talksJustNamed || talksBefore.length > 0)) ||
      (AUXILIARIES.has(clause.find((t) => t.isWord)?.norm ?? '') && talksBefore.length > 0);
    if (subject) emit(f, 'lowers', 'not-happening', true);
  }

  // 5d. Worries about the talks: raised or voiced ("raises anxiety", "expressing caution",
  // "prompted concerns that …") or said to stay ("huge doubts remain") they lower; allayed
  // ("tamping down concerns", "dispel doubts") they raise: the mirror of "played down
  // expectations" and "raised hopes". Only with the talks or their outcome in the worry's
  // clause ("concerns about the summit"; "voiced concern about inflation" judges nothing here).
  for (const f of worries()) {
    const about =
      talksOrOutcome().some((t) => sameClause(t.from, f.from)) ||
      (context.talksJustNamed && talksOrOutcome().length === 0);
    if (!about || negatorBefore(scope, f.from, NEAR) >= 0) continue;
    if (near('allaying-verb', f, NEAR)) emit(f, 'raises', 'reassured');
    else if (near('voicing-verb', f, NEAR) || near('persisting-verb', f, 0, 3))
      emit(f, 'lowers', 'apprehension');
  }
  // 5e. "clears an obstacle to direct talks", "cleared the way for talks": the talks made likelier.
  for (const f of found('obstacle-noun')) {
    if (!talksOrOutcome().some((t) => sameClause(t.from, f.from) && t.from >= f.to)) continue;
    if (near('clearing-verb', f, NEAR) && negatorBefore(scope, f.from, NEAR) < 0)
      emit(f, 'raises', 'obstacle-cleared');
  }

  // 6. "We expect a series of visits", "may be more meetings", "further talks are likely":
  // continued engagement forecast is a positive prospect of the relations, whatever the verb.
  for (const f of found('target')) {
    if (!continuedBefore(tokens, f.from)) continue;
    const forecast =
      near('modal', f, MODAL_WINDOW + 2, MODAL_WINDOW) ??
      found('expect-verb').find((v) => sameClause(v.from, f.from) && v.to <= f.from);
    // "further talks could collapse" forecasts the talks' failure, not more of them.
    const doomed = signals.some((s) => s.label === 'lowers' && sameClause(s.found.from, f.from));
    if (forecast && !doomed && negatorBefore(scope, f.from) < 0)
      emit(f, 'raises', 'more-talks', false, 0.8);
  }

  // "It is unlikely (that) the talks will yield a deal", "it seems doubtful …": a doubt
  // predicate after an empty "it" governs the clause that follows it, so what that clause
  // forecasts is doubted (as "the talks are unlikely to yield a deal" lowers), up to a
  // contrast or another clause it does not govern ("…, but the talks will yield a deal").
  const doubtedFrom = extraposedDoubt(tokens, found('doubt-predicate'));
  if (doubtedFrom >= 0) {
    const doubtedTo = doubtEnd(tokens, doubtedFrom, lexicons);
    for (const s of signals) {
      if (
        s.label === 'raises' &&
        s.found.from > doubtedFrom &&
        s.found.from < doubtedTo &&
        !WEIGHT_ONLY_MOVES.has(s.move)
      ) {
        s.label = 'lowers';
        s.move = 'doubted';
      }
    }
  }

  // "exceeded the low expectations" is a realised, positive outcome: its "low" lowers nothing.
  // "Asked whether the summit would succeed, …": what a reporter asks is not asserted.
  const asked = askedQuestion(tokens);
  // An article that has not named the talks or their outcome yet, in a sentence that does not
  // either, is about something else so far: "It is unclear whether they are connected to the
  // threats", "1,357 delegates at stake" set no expectation of talks. A headline may still
  // announce them without naming them ("Trump got nearly nothing from Kim").
  const offTopic = context.talksNamedEarlier === false && !evaluable && !context.headline;
  const kept = signals.filter(
    (s) =>
      !(offTopic && OFF_TOPIC_MOVES.has(s.move)) &&
      !(s.found.from > asked.from && s.found.from < asked.to) &&
      (s.label !== 'lowers' ||
        !signals.some((o) => o.move === 'exceeded' && sameClause(o.found.from, s.found.from))),
  );
  return {
    expectation: decide(kept, clauseOf),
    cueHits: kept.map((s) => toHit(s, tokens, segmentIndex)),
  };
}

/**
 * Where an extraposed doubt ends ("It is unlikely", "it's doubtful that", "It now seems highly
 * improbable"): the token after the doubt predicate, when "it" and a copula (and at most two
 * adverbs) stand before it; -1 when the sentence has none.
 */
function extraposedDoubt(tokens: SentenceScope['tokens'], doubts: Found[]): number {
  for (const d of doubts) {
    let i = d.from - 1;
    while (i > 0 && d.from - i <= 2 && tokens[i]!.norm.endsWith('ly')) i--;
    if (tokens[i]?.norm === 'now' || tokens[i]?.norm === 'still') i--;
    const copula = tokens[i]?.norm ?? '';
    if (copula === "it's") return d.to;
    if (!CERTAINTY_COPULAS.has(copula)) continue;
    i--;
    if (tokens[i]?.norm === 'now' || tokens[i]?.norm === 'still' || tokens[i]?.norm === 'also') i--;
    if (tokens[i]?.norm !== 'it') continue;
    return d.to;
  }
  return -1;
}

/**
 * Where the clause an extraposed doubt governs ends: at the first contrast or subordinator
 * of the scope lexicon after it ("but", "although", "while"), a worded clause boundary
 * ("because", "since") or a semicolon or colon; commas do not end it ("It is unlikely the
 * talks, which open Monday, will yield a deal"), nor a contrast between two of them.
 */
function doubtEnd(tokens: SentenceScope['tokens'], from: number, lexicons: Lexicons): number {
  for (const m of lexicons.scope.matchAll(tokens)) {
    if (m.from < from) continue;
    const role = m.entries[0]?.role;
    const t = tokens[m.from]!;
    // A contrast set off by commas is parenthetical ("It is unlikely, however, that …").
    if (role === 'contrast' && tokens[m.from - 1]?.norm === ',' && tokens[m.to]?.norm === ',')
      continue;
    if (
      role === 'contrast' ||
      role === 'subordinator' ||
      (role === 'clause-boundary' && (t.isWord || t.norm === ';' || t.norm === ':'))
    )
      return m.from;
  }
  return tokens.length;
}

/** What may stand between an outcome and the predicate judging it ("a deal is now still possible"). */
const PREDICATE_FILLERS = new Set([
  ...CERTAINTY_COPULAS, 'not', "n't", 'never', 'still', 'now', 'very', 'quite', 'also', 'more',
  'entirely', 'increasingly', 'seen', 'as', 'is', "isn't", "aren't",
]); // prettier-ignore
const PREDICATE_DENIALS = new Set(['not', "n't", 'never', "isn't", "aren't"]);
/** Tokens from an outcome to the possibility predicating it. */
const POSSIBLE_REACH = 4;

/**
 * "a deal is possible", "peace deal possible" (a headline drops the copula), "an accord is not
 * yet within sight": an outcome and a predicate of possibility, with only copulas and
 * adverbs between. "It is possible the deal will …" does not count: there the possibility
 * precedes the outcome and qualifies a whole clause.
 */
function possibleAfter(
  scope: SentenceScope,
  noun: Found,
  predicates: Found[],
): 'possible' | 'denied' | null {
  const { tokens, clauseOf } = scope;
  for (const p of predicates) {
    if (p.from < noun.to || p.from - noun.to > POSSIBLE_REACH) continue;
    if (clauseOf[p.from] !== clauseOf[noun.from]) continue;
    const between = tokens.slice(noun.to, p.from).map((t) => t.norm);
    if (!between.every((w) => PREDICATE_FILLERS.has(w) || w.endsWith('ly') || w === 'yet'))
      continue;
    return between.some((w) => PREDICATE_DENIALS.has(w)) ? 'denied' : 'possible';
  }
  return null;
}

const ASKING = new Set(['asked', 'asking', 'ask', 'asks']);
const QUESTION_WORDS = new Set(['if', 'whether']);

/**
 * The tokens of an embedded question ("asked if he was confident of a deal,"): from the
 * asking verb to the next comma or the end. Empty when the sentence asks nothing.
 */
function askedQuestion(tokens: SentenceScope['tokens']): { from: number; to: number } {
  const at = tokens.findIndex(
    (t, i) => ASKING.has(t.norm) && QUESTION_WORDS.has(tokens[i + 1]?.norm ?? ''),
  );
  if (at < 0) return { from: -1, to: -1 };
  const comma = tokens.findIndex((t, i) => i > at && t.norm === ',');
  return { from: at, to: comma < 0 ? tokens.length : comma };
}

/**
 * Words after which "win", "deal" or "accord" is a verb: "didn't win in 2016", "we're not going
 * to win", "a strategy to deal with ISIS", "tweets don't accord with". The noun comes after an
 * article or an adjective ("a win", "no deal", "a big win").
 */
const VERB_BEFORE = new Set([
  'to', 'will', 'would', 'could', 'can', 'may', 'might', 'must', 'should', 'shall', 'did', 'do',
  'does', 'not', 'never', 'cannot', "can't", "won't", "wouldn't", "couldn't", "didn't", "don't",
  "doesn't", 'i', 'we', 'you', 'they', 'he', 'she', 'who',
]); // prettier-ignore
const VERB_OUTCOMES = new Set(['win', 'wins', 'deal', 'deals', 'accord']);

/**
 * An outcome word that is not one here: "win" or "deal" as a verb (an election won, a problem
 * dealt with), and "No Deal" capitalised inside a sentence, the name of an option ("a bill to
 * rule out No Deal", Brexit), not a deal denied. A headline in title case capitalises every
 * word, so there the capital says nothing.
 */
function notAnOutcome(tokens: SentenceScope['tokens'], f: Found): boolean {
  const phrase = f.entry.phrase;
  if (f.to - f.from === 1 && VERB_OUTCOMES.has(phrase)) {
    if (VERB_BEFORE.has(tokens[f.from - 1]?.norm ?? '')) return true;
  }
  if (phrase === 'deal' && tokens[f.from]!.text === 'Deal' && tokens[f.from - 1]?.text === 'No') {
    const words = tokens.filter((t) => t.isWord && /^[a-z]/i.test(t.text));
    const capitals = words.filter((t) => /^[A-Z]/.test(t.text)).length;
    if (f.from > 1 && capitals * 2 < words.length) return true;
  }
  return false;
}

const ENDED = new Set(['ended', 'concluded']);
const WARS = new Set(['war', 'conflict', 'hostilities', 'fighting']);

/**
 * A war said to have ended before the negator ("the hostilities ended in an armistice rather
 * than a peace treaty", "the war concluded with a truce, not a peace treaty"): what it ended
 * without is history, not a forecast of the talks.
 */
function warEndedBefore(tokens: SentenceScope['tokens'], negator: number): boolean {
  return (
    tokens.some((t, i) => i < negator && ENDED.has(t.norm)) && tokens.some((t) => WARS.has(t.norm))
  );
}

const MAKING = new Set(['made', 'make', 'makes', 'making']);
const PROGRESS_AMOUNTS = new Set([
  'some', 'significant', 'good', 'real', 'substantial', 'considerable', 'steady', 'great',
  'important', 'tangible', 'concrete', 'major', 'further', 'more',
]); // prettier-ignore

/** "made (some, real, steady) progress": a making verb and at most one word of amount. */
function madeBefore(tokens: SentenceScope['tokens'], at: number): boolean {
  const before = tokens[at - 1]?.norm ?? '';
  if (MAKING.has(before)) return true;
  return PROGRESS_AMOUNTS.has(before) && MAKING.has(tokens[at - 2]?.norm ?? '');
}

/** "want to", "eager to", "prepared to" right before the outcome they reach for. */
function desiredBefore(tokens: SentenceScope['tokens'], at: number): boolean {
  return tokens[at - 1]?.norm === 'to' && DESIRE_WORDS.has(tokens[at - 2]?.norm ?? '');
}

/** "more meetings", "further talks", "a series of visits", "follow-up negotiations". */
function continuedBefore(tokens: SentenceScope['tokens'], at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - CONTINUED_REACH); i--) {
    const norm = tokens[i]!.norm;
    if (CONTINUED_WORDS.has(norm)) return true;
    if (!tokens[i]!.isWord) return false;
  }
  return false;
}

/** A year, a month or a word placing the judged talks in the past, next to an evaluative cue. */
function aboutEarlierTalks(scope: SentenceScope, at: Found): boolean {
  const { tokens, clauseOf } = scope;
  for (let i = at.from - EARLIER_REACH; i < at.to + EARLIER_REACH; i++) {
    const t = tokens[i];
    if (!t || clauseOf[i] !== clauseOf[at.from] || (i >= at.from && i < at.to)) continue;
    if (YEAR.test(t.norm) || EARLIER_WORDS.has(t.norm) || MONTHS.test(t.text)) return true;
    // "after a more than 60-year stalemate": a state lasting years is the past's, not these talks'.
    if (YEARS_LONG.test(t.norm)) return true;
    if (t.norm === 'last' && LAST_WHAT.has(tokens[i + 1]?.norm ?? '')) return true;
  }
  return false;
}

/**
 * "Hopes for a settlement, however, remain tempered": a lowering verb after a copula, a few
 * tokens after the expectation noun that is its subject, across a parenthetical's commas.
 */
function temperedLater(scope: SentenceScope, noun: Found, verbs: Found[]): boolean {
  const { tokens } = scope;
  return verbs.some((v) => {
    if (v.from < noun.to || v.from - noun.to > PREDICATE_REACH) return false;
    let i = v.from - 1;
    if (tokens[i]?.norm.endsWith('ly')) i--; // "remain firmly tempered"
    return CERTAINTY_COPULAS.has(tokens[i]?.norm ?? '');
  });
}

/**
 * Whether the sentence names the talks or what they produced, looking inside longer cues too
 * ("a good deal" holds "deal") and past a possessive ("the deal's implementation").
 */
export function namesTalksOrOutcome(tokens: readonly Token[], lexicons: Lexicons): boolean {
  // The sentence's own tokens unless one is possessive: most sentences need no copy.
  let bare = tokens;
  for (const t of tokens) {
    if (!POSSESSIVE.test(t.norm)) continue;
    bare = tokens.map((t) => (POSSESSIVE.test(t.norm) ? { ...t, norm: t.norm.slice(0, -2) } : t));
    break;
  }
  for (let i = 0; i < bare.length; i++) {
    const entries = lexicons.expectation.matchAt(bare, i)?.entries;
    if (entries?.some((e) => e.role === 'target' || e.role === 'outcome')) return true;
  }
  return false;
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
  // Stakes and significance say how much the visit matters, not which way it will go
  // (docs/method.md §2: lower precedence than any direction): next to a lowering, they weigh
  // half ("the historic accord now faces a hostile Congress" lowers).
  const directional = signals.some((s) => s.label === 'raises' && !WEIGHT_ONLY_MOVES.has(s.move));
  if (sum.lowers > 0 && !directional) sum.raises /= 2;
  const score = round(sum.raises - sum.lowers);
  const strongest = (label: ExpectationLabel) =>
    signals.filter((s) => s.label === label).sort((a, b) => b.weight - a.weight)[0]?.move ?? label;
  const top = Math.max(sum.lowers, sum.raises, sum.hedged);
  if (top === 0) {
    const outcome = signals[0];
    if (!outcome) return { label: 'none', move: 'none', score: 0 };
    // What is left is a realised, positive outcome ("exceeded expectations", "made progress").
    return { label: 'none', move: outcome.move, score: 1 };
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

// The subject side of a reporting clause: what may stand between a source and its verb
// (auxiliaries, adverbs, "(R-Ga.)", "in June", ", in a statement,", "declined to"), and the
// sentence's own subject past an opening phrase or dateline ("On Russia, Trump …").
// It deliberately does not find speech verbs (attribution.ts) or walk noun phrases
// (source-phrase.ts).

import { isCap, npEndingAt, npStartingAt, PRONOUNS } from './source-phrase.js';
import type { Token } from '../types.js';
import { ROLES } from './voice-roles.js';

const AUX = new Set(
  (
    'has have had is are was were be been being will would could can may might did does do also ' +
    'already later reportedly repeatedly recently previously publicly privately again once then ' +
    'still just even further first last only never long often separately similarly himself herself ' +
    'themselves itself not now today yesterday tonight earlier'
  ).split(' '),
);
// Adverbs set off by commas between a subject and its verb.
const PARENTHETICALS = new Set(
  'though however meanwhile too also instead moreover furthermore nonetheless nevertheless therefore indeed separately'.split(
    ' ',
  ),
);
const SPANS = new Set(['minutes', 'hours', 'days', 'weeks', 'months', 'years']);
const QUANTITIES = /^(\d+|two|three|four|five|six|seven|eight|nine|ten|few|several|many|some)$/;
const WEEKDAYS = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const MONTHS =
  /^(January|February|March|April|May|June|July|August|September|October|November|December)$/;
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
// Skip, leftwards from `k`, what may stand between a source and its verb: auxiliaries and
// adverbs, a parenthesis ("(R-Ga.)"), a time or venue phrase ("in June", ", in a
// statement,") and a control verb ("declined to", "was quick to"); with `relative`, a
// relative clause set off by commas (not before a participle: "…, calling it" has the
// main clause's subject).
export function skipToSubject(
  tokens: Token[],
  k: number,
  relative = false,
): { k: number; sawBe: boolean } {
  let sawBe = false;
  // After "working to", "quick to": a "be" further left is progressive or adjectival
  // ("have been working to temper"), not a passive of the speech verb.
  let controlled = false;
  for (let guard = 0; guard < 6; guard++) {
    const start = k;
    while (
      k >= 0 &&
      tokens[k]!.isWord &&
      (AUX.has(tokens[k]!.norm) ||
        // "-ly" adverbs, but not a capitalised name ("Mr. Kelly said", "Beverly Hills")
        (/ly$/.test(tokens[k]!.norm) && tokens[k]!.norm.length > 4 && !isCap(tokens[k]!)))
    ) {
      if (BE.has(tokens[k]!.norm) && !controlled) sawBe = true;
      k--;
    }
    // "Trump days later announced", "Kim two weeks earlier said": a span of time before
    // "later" or "earlier" is no part of the subject.
    if (/^(earlier|ago)$/.test(tokens[k]?.norm ?? '') && SPANS.has(tokens[k - 1]?.norm ?? '')) k--;
    if (
      SPANS.has(tokens[k]?.norm ?? '') &&
      /^(later|earlier|ago)$/.test(tokens[k + 1]?.norm ?? '')
    ) {
      k--;
      if (QUANTITIES.test(tokens[k]?.norm ?? '')) k--;
      if (tokens[k]?.norm === 'a' && tokens[k + 1]?.norm === 'few') k--;
    }
    const t = tokens[k];
    if (!t) break;
    if (t.text === '-' && tokens[k - 1]?.text === '-') {
      // "Former US diplomats who … -- habitually skilled interlocutors -- say": a double
      // hyphen for a dash, each side two tokens.
      let j = k - 2;
      while (j >= Math.max(1, k - 14) && !(tokens[j]!.text === '-' && tokens[j - 1]!.text === '-'))
        j--;
      if (j > 1 && tokens[j]!.text === '-' && tokens[j - 1]!.text === '-') k = j - 2;
    } else if (t.text === ')' || t.text === '—' || t.text === '–' || t.text === '-') {
      // "(R-Ga.)", "Democrats - especially in New York - said"
      const open = t.text === ')' ? '(' : t.text;
      let j = k - 1;
      while (j >= Math.max(0, k - 10) && tokens[j]!.text !== open) j--;
      if (j > 0 && tokens[j]!.text === open) k = j - 1;
    } else if (
      t.text === ',' &&
      PARENTHETICALS.has(tokens[k - 1]?.norm ?? '') &&
      tokens[k - 2]?.text === ','
    ) {
      // "Officials, though, told …", "Iran, meanwhile, reminded …"
      k -= 3;
    } else if (relative && t.text === ',' && relativeOpening(tokens, k) > 0) {
      // "ZTE, which employs around 75,000 people, has disputed …", "Schumer, for whom Weiner
      // once worked, expressed …": a clause set off by commas after the source (and an age:
      // "Skylar Iske, 22, who voted …, said").
      let end = relativeOpening(tokens, k) - 1;
      if (/^\d+$/.test(tokens[end]!.text) && tokens[end - 1]?.text === ',') end -= 2;
      // A name owning the clause opens the sentence or a clause: in "… made by Benedict, who
      // will leave his post, said the Rev. Federico Lombardi" the verb's source follows.
      const owner = npEndingAt(tokens, end);
      const first = owner ? tokens.indexOf(owner[0]!) : -1;
      const before = tokens[first - 1];
      if (
        !owner ||
        (isCap(owner[owner.length - 1]!) &&
          before?.isWord &&
          !/^(and|but)$/.test(before.norm) &&
          first !== sentenceSubjectStart(tokens))
      )
        break;
      k = end;
    } else if (t.norm === 'to' && ROLES.controlVerbs.has(tokens[k - 1]?.norm ?? '')) {
      k -= 2;
      while (k >= 0 && ROLES.controlVerbs.has(tokens[k]!.norm)) k--;
      sawBe = false;
      controlled = true;
    } else {
      const comma = t.text === ',';
      const end = comma ? k - 1 : k;
      const head = tokens[end];
      if (head && ROLES.timeHeads.has(head.norm)) {
        let j = end - 1;
        while (j >= Math.max(0, end - 4) && !ROLES.timePrepositions.has(tokens[j]!.norm)) j--;
        const p = tokens[j];
        if (p && ROLES.timePrepositions.has(p.norm) && j < end) {
          const before = tokens[j - 1];
          if (comma && before?.text === ',') k = j - 2;
          else if (!comma && before && before.isWord && !/^(and|but|or|that)$/.test(before.norm))
            k = j - 1;
          // "Rep. Jackie Speier (D-Calif.) on Sunday warned", "Barr, the top law enforcement
          // official, on Monday vowed": the phrase after a parenthesis or an apposition.
          else if (!comma && (before?.text === ')' || before?.text === ',')) k = j - 1;
        } else if (
          !comma &&
          WEEKDAYS.test(head.text) &&
          (tokens[end - 1]?.text === ')' || tokens[end - 1]?.text === ',')
        ) {
          // "Sen. Mitt Romney, R-Utah, Monday proposed": a bare weekday.
          k = end - 1;
        }
      }
    }
    if (k === start) break;
  }
  return { k, sawBe };
}

// The comma opening a relative clause that the comma at `close` ends: ", who …,", ", which
// …," after a name, ", for whom …,"; -1 if none within 20 tokens. The clause holds no other
// punctuation than abbreviation dots, so a list ("Smith, who …, and Jones, who …") is not one.
function relativeOpening(tokens: Token[], close: number): number {
  for (let j = close - 1; j >= Math.max(1, close - 20); j--) {
    const t = tokens[j]!;
    if (t.isWord) continue;
    if (t.text === '.' && tokens[j - 1]?.isWord) continue;
    // "75,000" may be split at its comma.
    if (
      /^[.,]$/.test(t.text) &&
      /^\d/.test(tokens[j - 1]?.text ?? '') &&
      /^\d/.test(tokens[j + 1]?.text ?? '')
    )
      continue;
    if (t.text !== ',') return -1;
    const a = tokens[j + 1]?.norm ?? '';
    const b = tokens[j + 2]?.norm ?? '';
    const owner = tokens[j - 1];
    if (!owner?.isWord || j + 2 >= close) return -1;
    if (a === 'who' || a === 'whose') return j;
    if (a === 'which' || /^(for|with|to|of|under)$/.test(a)) {
      if (a !== 'which' && b !== 'whom' && b !== 'which') return -1;
      // "Greenpeace, which …": only a named body, not "the plan, which …".
      return isCap(owner) || (a !== 'which' && b === 'whom') ? j : -1;
    }
    return -1;
  }
  return -1;
}

/** The sentence's grammatical subject when it opens with a name or role ("Blinken refrained …"). */
export function sentenceSubject(tokens: Token[]): Token[] | null {
  const start = sentenceSubjectStart(tokens);
  const np = start >= 0 ? npStartingAt(tokens, start) : null;
  return np && np.some(isCap) && !PRONOUNS.has(np[0]!.norm) ? np : null;
}

export const OPENERS = new Set(
  'on in at for after before during despite with without like as since while although though when even amid following unlike under over by from'.split(
    ' ',
  ),
);

// Skip an opening connective or phrase ("Furthermore, …", "In May, …", "On Russia, …") to
// the main subject.
export function sentenceSubjectStart(tokens: Token[]): number {
  const limit = Math.min(tokens.length, 12);
  // A dateline, "WASHINGTON (AFP) –" or "DETROIT –", is not the subject.
  for (let c = 1; c < Math.min(limit, 10); c++) {
    const t = tokens[c]!;
    if (t.text === '–' || t.text === '—' || (t.text === '-' && tokens[c - 1]!.text === ')')) {
      if (tokens.slice(0, c).every((x) => isCap(x) || /^[().,]$/.test(x.text))) return c + 1;
      break;
    }
  }
  // "Later in the day Trump …", "Earlier this week the ministry …": an opening time
  // phrase without a comma.
  // "Earlier Friday, Cruz …", "Later Saturday morning, Bush …": a weekday or month is
  // capitalised and no name; a comma may close the phrase.
  if (/^(later|earlier)$/.test(tokens[0]?.norm ?? '') && isCap(tokens[0]!)) {
    let c = 1;
    while (
      c < 5 &&
      tokens[c]?.isWord &&
      (ROLES.timeHeads.has(tokens[c]!.norm)
        ? !isCap(tokens[c]!) || WEEKDAYS.test(tokens[c]!.text) || MONTHS.test(tokens[c]!.text)
        : !isCap(tokens[c]!) && /^(in|on|that|the|this|last|next)$/.test(tokens[c]!.norm))
    )
      c++;
    if (c > 1 && tokens[c]?.text === ',' && c + 1 < limit) return c + 1;
    if (c < limit && tokens[c]?.isWord && isCap(tokens[c]!)) return c;
  }
  for (let c = 1; c < limit; c++) {
    if (tokens[c]!.text !== ',') continue;
    if (c <= 4 && !tokens.slice(1, c).some(isCap) && !clauseBeforeComma(tokens)) return c + 1;
    if (OPENERS.has(tokens[0]!.norm)) return c + 1;
    break;
  }
  return 0;
}

// Past-tense verbs that do not end in "-ed", common in news.
const IRREGULAR_PAST = new Set(
  (
    'told said met spoke made gave took went held sent left won lost began came saw got kept led ' +
    'ran set put cut let wrote drew broke chose rose fell struck stood sat brought bought thought ' +
    'sought fought taught caught paid laid meant felt found heard built hit shut withdrew'
  ).split(' '),
);

// "Baird closed the road, saying …", "Officials declined, citing …": a short clause with a
// subject and a finite verb before the comma is the sentence's main clause, not an opening
// phrase ("In May, …", "Two days later, …").
function clauseBeforeComma(tokens: Token[]): boolean {
  const [first, second] = tokens;
  if (!first || !second || !isCap(first) || isCap(second)) return false;
  if (OPENERS.has(first.norm) || SUBORDINATORS.has(first.norm) || /ly$/.test(first.norm))
    return false;
  return (
    /^[a-z]{3,}ed$/.test(second.norm) ||
    IRREGULAR_PAST.has(second.norm) ||
    /^(has|had|have|is|was|were|are|will|would)$/.test(second.norm)
  );
}
const SUBORDINATORS = new Set('once if when unless because whether where'.split(' '));

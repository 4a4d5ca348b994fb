// Source noun phrases inside one sentence, found without a parser: walking left from a
// speech verb to its subject ("the influential US daily", "Other members of the community",
// "a spokesman for Disney") or right from an inverted verb or "according to" to the source.
// The walk uses capitalisation and the word lists in voice-roles.json (determiners, role
// nouns, adjectives). It deliberately does not decide whether a verb is a speech cue
// (attribution.ts) or who the phrase refers to (speakers.ts).

import type { Token } from '../types.js';
import { ROLES } from './voice-roles.js';

const { determiners: DETS, roleNouns: ROLE_NOUNS, npAdjectives: NP_ADJ } = ROLES;

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
export const QUOTE_MARKS = new Set(['“', '”', '"', '‘', '’', '„', "'"]);

// Words that never sit inside a source's noun phrase: they end the walk to the left.
const STOP = new Set(
  (
    'has have had is are was were be been being will would could can may might must shall should ' +
    'did does do not no also and but or nor so yet while as if because since when where whereas ' +
    'although though that which who whom whose what to than then there here it this these those ' +
    'about after before over under into onto upon with without by up down out off against between ' +
    'among amid through during until via per very just only even still already again ever never now'
  ).split(' '),
);
// Words that join two parts of one noun phrase ("members of the community").
const JOINERS = new Set(['of', 'for', 'at', 'from', 'in', 'and']);
const NUMBERS = new Set(['two', 'three', 'four', 'five', 'both', 'few', 'many', 'some', 'several']);

// Capitalised word; a char-code test first, because this runs on every token.
export const isCap = (t: Token): boolean => {
  if (!t.isWord) return false;
  const c = t.text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  // An Arabic surname with its article ("al-Mekdad told CNN", "el-Sisi said") is a name.
  if (c === 97 || c === 101) return /^[ae]l-\p{Lu}/u.test(t.text);
  if (c < 128) return false;
  const first = t.text[0]!;
  return first !== first.toLowerCase();
};

const CALENDAR_NAMES =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const TIME_PREPOSITIONS = new Set(
  'in on since until till during after before from through last early late mid next this'.split(
    ' ',
  ),
);

/**
 * "In April Donald Trump said", "in August Trump tweeted", "since May Obama has": a month or
 * weekday right after a preposition of time is a date, no given name ("April Ryan", "August
 * Flentje" with nothing before them are names).
 */
export const dateAfter = (t: Token, before: Token | undefined): boolean =>
  !!before && TIME_PREPOSITIONS.has(before.norm) && CALENDAR_NAMES.test(t.text);

export const isPossessive = (t: Token): boolean =>
  t.isWord && /'s?$/.test(t.norm) && t.norm.length > 2;

/** A word that can be listed inside a source phrase (name, role, adjective, determiner). */
export function npWord(t: Token): boolean {
  if (isCap(t)) return true;
  return t.isWord && (ROLE_NOUNS.has(t.norm) || NP_ADJ.has(t.norm) || DETS.has(t.norm));
}

// A lower-case word that may be a plain noun or modifier ("bartender", "banking"): not a
// function word, adverb, past participle or gerund.
export function plainWord(t: Token): boolean {
  if (!t.isWord || STOP.has(t.norm) || isCap(t)) return false;
  const n = t.norm;
  if (n.length > 4 && /(ly|ed|ing)$/.test(n) && !ROLE_NOUNS.has(n) && !NP_ADJ.has(n)) return false;
  return !/^\d/.test(n) || n.length <= 4;
}

// Where a clause starts: the sentence start, or after a comma, dash, colon or conjunction.
function clauseStart(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (!before) return true;
  if (!before.isWord) return /^[,;:—–(]$/.test(before.text) || QUOTE_MARKS.has(before.text);
  return /^(and|but|or|so|yet|while|as|because|though|although|since|when)$/.test(before.norm);
}

// "John A. Boehner": a capital "A" with a full stop between capitalised words is an initial.
function middleInitial(tokens: Token[], i: number): boolean {
  return (
    tokens[i]?.text === 'A' &&
    tokens[i + 1]?.text === '.' &&
    i > 0 &&
    isCap(tokens[i - 1]!) &&
    !!tokens[i + 2] &&
    isCap(tokens[i + 2]!)
  );
}

/** The noun phrase ending at token `end` (walking left), or null. */
export function npEndingAt(tokens: Token[], end: number): Token[] | null {
  const head = tokens[end];
  if (!head || !head.isWord) return null;
  // "Vice Premier Liu He told": a capitalised "He" after a name is part of the name.
  const inName = isCap(head) && end > 0 && isCap(tokens[end - 1]!);
  if ((PRONOUNS.has(head.norm) && !inName) || head.norm === 'who') return [head];
  if (isPossessive(head) || STOP.has(head.norm)) return null;
  let start = end;
  let plain = 0; // lower-case words outside the lists, which need a determiner or clause start
  while (start > 0 && end - start < 14) {
    const cur = tokens[start]!;
    const t = tokens[start - 1]!;
    // A determiner starts the phrase, unless a preposition joins it to an earlier part.
    // "a study by the Institute for Statecraft": "by" joins only after a document noun.
    const joins =
      (JOINERS.has(t.norm) && t.norm !== 'and') ||
      (t.norm === 'by' && ROLES.documentNouns.has(tokens[start - 2]?.norm ?? ''));
    if (DETS.has(cur.norm) && start < end && !joins && !middleInitial(tokens, start)) break;
    if (npWord(t) || (isPossessive(t) && !PRONOUNS.has(t.norm))) start--;
    else if (t.text === '.' && start >= 2 && isCap(tokens[start - 2]!)) start--;
    else if (
      (JOINERS.has(t.norm) || joins) &&
      start >= 2 &&
      (isCap(cur) || DETS.has(cur.norm) || ROLE_NOUNS.has(cur.norm))
    ) {
      // "a spokesman for Disney", "members of the community", "officials in Beijing"
      const left = tokens[start - 2]!;
      if (!(npWord(left) || plainWord(left)) || (t.norm === 'and' && !isCap(cur))) break;
      start--;
    } else if (plainWord(t) && plain < 2) {
      plain++;
      start--;
    } else break;
  }
  while (start < end && JOINERS.has(tokens[start]!.norm)) start++;
  // Lower-case words outside the lists only count after a determiner, a possessive, a
  // capitalised word or at a clause start: "the bartender", "banking analysts".
  while (plain > 0 && start < end) {
    const first = tokens[start]!;
    if (npWord(first) || isPossessive(first) || clauseStart(tokens, start)) break;
    if (plainWord(first)) plain--;
    start++;
  }
  let np = tokens.slice(start, end + 1);
  // A sentence-initial function word ("But", "And", "Still") is not part of the source.
  while (
    np.length > 1 &&
    /^(but|and|so|yet|still|now|then|meanwhile|however|also|in|on|at|for|while|even|with|by|from|of|to|after|before|like|as|when|if|since|although|though|because|once|until|unless|whereas|whether|despite|amid|during)$/.test(
      np[0]!.norm,
    )
  )
    np = np.slice(1);
  // "In April Donald Trump said": the month is a date, no given name.
  if (np.length > 1 && dateAfter(np[0]!, tokens[indexNear(tokens, np[0]!) - 1])) np = np.slice(1);
  // The head must name a source: a capitalised name, a role noun, "the two", or a plain
  // noun introduced by a determiner or standing at a clause start.
  if (isCap(head) || ROLE_NOUNS.has(head.norm)) return np;
  if (NUMBERS.has(head.norm)) return np.length >= 2 ? np : null;
  if (DETS.has(head.norm)) return null;
  if (!plainWord(head)) return null;
  const first = np[0]!;
  const introduced =
    np.length >= 2 &&
    (DETS.has(first.norm) || isPossessive(first) || isCap(first) || NP_ADJ.has(first.norm));
  // Without a determiner only a plural at a clause start: "banking analysts", not "deliver".
  const plural = /[^s]s$/.test(head.norm) || head.norm === 'people';
  return introduced || (plural && np.length <= 2 && clauseStart(tokens, indexNear(tokens, first)))
    ? np
    : null;
}

/** The noun phrase starting at token `start` (walking right), or null. */
export function npStartingAt(tokens: Token[], start: number): Token[] | null {
  const first = tokens[start];
  if (!first || !first.isWord) return null;
  if (PRONOUNS.has(first.norm)) return [first];
  if (!npWord(first) && !isPossessive(first)) return null;
  let end = start;
  while (end + 1 < tokens.length && end - start < 14) {
    const t = tokens[end + 1]!;
    if (
      (npWord(t) || isPossessive(t)) &&
      !(DETS.has(t.norm) && end > start && !middleInitial(tokens, end + 1))
    )
      end++;
    else if (
      t.text === '.' &&
      isCap(tokens[end]!) &&
      (tokens[end]!.text.length <= 3 ||
        // "Sens. Chris Coons", "Govs. …": a longer abbreviated title before a name.
        (ROLES.titleWords.has(tokens[end]!.norm) && !!tokens[end + 2] && isCap(tokens[end + 2]!)))
    )
      end++;
    else if (/^(of|for|at|from|and)$/.test(t.norm) && tokens[end + 2] && npWord(tokens[end + 2]!))
      end++;
    // "a spokeswoman for the Chinese Foreign Ministry": a determiner right after a joiner.
    else if (
      DETS.has(t.norm) &&
      /^(of|for|at|from)$/.test(tokens[end]!.norm) &&
      tokens[end + 2] &&
      npWord(tokens[end + 2]!)
    )
      end++;
    else if (t.isWord && !isCap(t) && DETS.has(tokens[end]!.norm) && plainWord(t)) end++;
    else if (
      plainWord(t) &&
      tokens[end + 2] &&
      (ROLE_NOUNS.has(tokens[end + 2]!.norm) || ROLES.documentNouns.has(tokens[end + 2]!.norm))
    )
      end++; // "an Associated Press tracking poll"
    else break;
  }
  while (end > start && /^(of|for|at|from|and)$/.test(tokens[end]!.norm)) end--;
  const np = tokens.slice(start, end + 1);
  const head = np[np.length - 1]!;
  if (isPossessive(head)) return null;
  const ok =
    np.some(isCap) || ROLE_NOUNS.has(head.norm) || (np.length >= 2 && DETS.has(np[0]!.norm));
  return ok ? np : null;
}

/**
 * After "according to", a source that starts with plain lower-case words ("according to
 * federal law enforcement officials", "… presidential historians", "… exit surveys of
 * voters"): up to five plain or listed words, ending at the last plural, role or document
 * noun among them. "according to plan" names no source.
 */
export function plainSourceStartingAt(tokens: Token[], start: number): Token[] | null {
  let head = -1;
  for (let k = start; k < start + 5 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!(plainWord(t) || npWord(t)) || (k > start && DETS.has(t.norm))) break;
    const n = t.norm;
    if (ROLE_NOUNS.has(n) || ROLES.documentNouns.has(n) || (/[^s]s$/.test(n) && n.length > 3))
      head = k;
  }
  return head < 0 ? null : tokens.slice(start, head + 1);
}

/** "a recent tally from Indo-Pacific Command officials" → the officials. */
export function innerSource(tokens: Token[], np: Token[]): Token[] {
  const DOC = ROLES.documentNouns;
  for (let k = 0; k + 1 < np.length; k++) {
    if (DOC.has(np[k]!.norm) && /^(from|by|of)$/.test(np[k + 1]!.norm)) {
      return npStartingAt(tokens, indexNear(tokens, np[k + 1]!) + 1) ?? np;
    }
  }
  const last = np[np.length - 1]!;
  const idx = indexNear(tokens, last);
  const next = tokens[idx + 1];
  if (DOC.has(last.norm) && next && /^(from|by|of)$/.test(next.norm)) {
    return npStartingAt(tokens, idx + 2) ?? np;
  }
  return np;
}

/** Position of a token of `tokens` (binary search on offsets: keeps long sentences linear). */
export function indexNear(tokens: Token[], token: Token): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = tokens[mid]!.start;
    if (start === token.start) return mid;
    if (start < token.start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

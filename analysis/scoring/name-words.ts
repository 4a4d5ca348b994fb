// Which capitalised words can begin or end a person's name. A capital letter alone says
// little: the first word of a sentence has one ("Despite China", "Will Xi"), so do headline
// shouting ("MUST WATCH Trump"), titles and roles ("Chairman Kim", "State Mike Pompeo" from
// "Secretary of State Mike Pompeo"), days ("Monday Brian Hook") and nationality adjectives
// ("North Korean"). The part of speech comes from the English lexicon natural's Brill tagger
// ships (92,000 words with their tags, commonest first; it knows "Despite" as a preposition
// and "Mike" as a proper noun); titles and days from the voices stage's word lists.

import { createRequire } from 'node:module';
import { detached, TextMemo } from '../../lib/strings.js';
import type { Token } from '../types.js';
import { ROLES } from '../voices/voice-roles.js';

const require = createRequire(import.meta.url);
type Lexicon = Record<string, string[] | undefined>;

/**
 * The lexicon, read on first use (4 MB of JSON: loading it with the module would slow every
 * command's start, most of which never analyse a sentence). Its own keys only, so "constructor"
 * is not a word with tags. Looked up in the parsed object itself: copying its 92,000 entries
 * into a Map cost a fiftieth of analysing 1,000 articles.
 */
let lexicon: Lexicon | undefined;
function tagsOf(word: string): string[] | undefined {
  lexicon ??=
    require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json') as Lexicon;
  if (!Object.hasOwn(lexicon, word)) return undefined;
  const tags = lexicon[word];
  return Array.isArray(tags) ? tags : undefined;
}

/**
 * Tags whose word starts or ends no name: prepositions, determiners, modals, conjunctions,
 * wh-words, auxiliaries and participles, adverbs, adjectives, pronouns, numbers.
 */
const NOT_NAME_TAGS = new Set(
  'IN DT PDT MD CC WRB WP WP$ WDT VBZ VBP VBD VBG VBN RB RBR RBS JJ JJR JJS PRP PRP$ EX TO UH CD'.split(
    ' ',
  ),
);

/**
 * Titles the voices stage's list lacks that stand before a name ("Sgt Bowe Bergdahl"), and
 * party words that do the same ("Tory Phillip Lee", "Labour MP", "Lib Dem MPs").
 */
const ABBREVIATED_TITLES = new Set(
  'sgt cpl pvt lt col capt maj cmdr mp mep chancellor tory labour lib dem snp ukip gop'.split(' '),
);

/**
 * A title word, also hyphenated ("Secretary-General", "Vice-President", "ex-President") or
 * plural ("MPs", "Senators"), lower-case.
 */
function isTitleLike(norm: string, test: (w: string) => boolean): boolean {
  if (test(norm)) return true;
  if (/s$/.test(norm) && norm.length > 3 && test(norm.slice(0, -1))) return true;
  return norm.includes('-') && norm.split('-').some((part) => part === 'ex' || test(part));
}

/** The commonest tag of a capitalised word as written, else of its lower-case form. */
function commonestTag(word: string): string | undefined {
  const written = tagsOf(word);
  if (written) return written[0];
  const lower = tagsOf(word.toLowerCase());
  return lower?.[0];
}

/** A word written in capitals throughout ("MUST", "PM", "NATO"): shouting or an acronym. */
export function isAllCaps(text: string): boolean {
  if (/^(\p{Lu}\.)+$/u.test(text)) return false; // initials: "P.J."
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** A single capital letter ("W" of "George W. Bush"): an initial, never a name's last word. */
export function isInitial(token: Token): boolean {
  return token.isWord && /^\p{Lu}$/u.test(token.text);
}

/** A title, role or day word before a name ("Chairman", "Secretary", "Monday"), lower-case. */
export function isTitleWord(norm: string): boolean {
  return isTitleLike(
    norm,
    (w) => ROLES.titleWords.has(w) || ROLES.timeHeads.has(w) || ABBREVIATED_TITLES.has(w),
  );
}

/** A role noun after a name's words ("Prime Minister", "Army Sgt"): no surname. */
function isRoleNoun(norm: string): boolean {
  return isTitleLike(norm, (w) => ROLES.roleNouns.has(w) || ABBREVIATED_TITLES.has(w));
}

/**
 * A word whose commonest reading is a pronoun or an adjective but which is also a proper
 * noun ("He" of "Liu He", "French" of "David French", "Korean" of "North Korean"): whether it
 * is a name depends on where it stands (see `nameRun` in targets.ts).
 */
export function pronounOrAdjective(token: Token): boolean {
  const memo = memoOf(token);
  return (memo.pronounOrAdjective ??= computePronounOrAdjective(token));
}

function computePronounOrAdjective(token: Token): boolean {
  const word = token.text.replace(/['’]s$/, '');
  const written = tagsOf(word);
  if (!written || !(written.includes('NNP') || written.includes('NNPS'))) return false;
  return /^(PRP|PRP\$|JJ)$/.test(written[0]!);
}

/** First tags of a word that opens a sentence without being a name: adverbs, prepositions, modals, verbs. */
const OPENER_TAGS = new Set('RB IN WRB MD VB VBG VBD VBZ VBP VBN CC'.split(' '));

/**
 * A capitalised word at the head of a chain that is no part of a name: the lexicon knows it
 * (as written, else in lower case) never as a proper noun, and first as an adverb,
 * preposition, modal or verb ("Maybe Donald Trump", "Whereas Trump", "Thus McCain", "Could
 * Trump", "Confirm Mike Pompeo"); not "Rob" or "Sue", which it knows as names.
 */
export function openerWord(token: Token): boolean {
  const word = token.text.replace(/['’]s$/, '');
  const tags = tagsOf(word) ?? tagsOf(word.toLowerCase());
  if (!tags || tags.includes('NNP') || tags.includes('NNPS')) return false;
  return OPENER_TAGS.has(tags[0]!);
}

/** A word the lexicon knows only as an adjective ("optimistic", "similar"; not "official"). */
export function adjectiveOnly(norm: string): boolean {
  const tags = tagsOf(norm);
  return tags !== undefined && tags.every((tag) => tag === 'JJ' || tag === 'JJR' || tag === 'JJS');
}

/**
 * A word the lexicon knows first as a finite verb, past or third person ("said", "says",
 * "told"): after "a militant" it is the verb, where "note" or "written" may not be.
 */
export function finiteVerbFirst(norm: string): boolean {
  const tag = tagsOf(norm)?.[0];
  return tag === 'VBD' || tag === 'VBZ';
}

/** A capitalised word the lexicon knows only as a proper noun: a given name ("David", "Liu"). */
export function properNounOnly(token: Token): boolean {
  const written = tagsOf(token.text.replace(/['’]s$/, ''));
  return written !== undefined && written.every((tag) => tag === 'NNP' || tag === 'NNPS');
}

/**
 * Whether a name's last word may stand alone for it ("Steele", not the "He" of "Liu He" nor
 * the "French" of "David French": alone, those are the pronoun and the adjective).
 */
export function standsAlone(word: string): boolean {
  const tag = commonestTag(word);
  return tag === undefined || !NOT_NAME_TAGS.has(tag);
}

/**
 * What `notNameStart`, `notNameEnd` and `pronounOrAdjective` said of a token's text (undefined: not asked yet). They
 * read only the token's text, norm and whether it is a word, and the same capitalised words recur in every article,
 * so each is worked out once (the lexicon lookups, the patterns and the title lists were a
 * twentieth of the analysis). Emptied when it holds `NAME_MEMO_SIZE` words. The text and norm
 * are kept `detached`: as the token's own slices, each long word kept its article alive.
 */
interface NameMemo {
  norm: string;
  isWord: boolean;
  start: boolean | undefined;
  end: boolean | undefined;
  pronounOrAdjective: boolean | undefined;
}
const NAME_MEMO_SIZE = 50_000;
const nameMemo = new TextMemo<NameMemo>(NAME_MEMO_SIZE);

function memoOf(token: Token): NameMemo {
  let memo = nameMemo.get(token.text);
  if (memo === undefined || memo.norm !== token.norm || memo.isWord !== token.isWord) {
    memo = {
      norm: detached(token.norm),
      isWord: token.isWord,
      start: undefined,
      end: undefined,
      pronounOrAdjective: undefined,
    };
    nameMemo.set(token.text, memo);
  }
  return memo;
}

/** True when a capitalised word cannot begin a person's name. */
export function notNameStart(token: Token): boolean {
  const memo = memoOf(token);
  return (memo.start ??= computeNotNameStart(token));
}

function computeNotNameStart(token: Token): boolean {
  const word = token.text.replace(/['’]s$/, '');
  if (isAllCaps(word) || isTitleWord(token.norm)) return true;
  const tag = commonestTag(word);
  if (tag !== undefined && NOT_NAME_TAGS.has(tag)) return true;
  // A capitalised word the lexicon knows only in lower case, and as a verb ("Hide Caption").
  return tagsOf(word) === undefined && tag === 'VB';
}

/** True when a capitalised word cannot end a person's name ("North Korean", "Sandbach The"). */
export function notNameEnd(token: Token): boolean {
  const memo = memoOf(token);
  return (memo.end ??= computeNotNameEnd(token));
}

function computeNotNameEnd(token: Token): boolean {
  const word = token.text.replace(/['’]s$/, '');
  if (isAllCaps(word) || isInitial(token) || isRoleNoun(token.norm)) return true;
  const tag = commonestTag(word);
  return tag !== undefined && NOT_NAME_TAGS.has(tag);
}

/** A word the lexicon knows as a common word and never as a proper noun ("Furious"). */
export function isCommonWord(token: Token): boolean {
  const lower = tagsOf(token.norm);
  return lower !== undefined && !lower.includes('NNP') && !lower.includes('NNPS');
}

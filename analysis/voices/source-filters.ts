// Which source phrases can speak, and who of a joint source is credited: the impersonal
// "they" of a saying, phrases that name no one ("the rest", "neither side", "both
// countries"), and joint subjects ("Blinken and Wang agreed …"). attribution.ts asks these
// after finding a verb's source; this module deliberately finds no verbs or phrases itself.

import { indexNear, isCap, npEndingAt, npStartingAt, PRONOUNS } from './source-phrase.js';
import type { Token } from '../types.js';
import { isPlaceWord } from './sides.js';
import { ROLES } from './voice-roles.js';

// "They say time heals all wounds", "as they say": the impersonal "they" of a saying, not
// a group the article named. A saying is short, in the present, and refers to nothing in
// particular: no name, number, pronoun or definite article in what is said. "They say the
// two sides need channels" reports the people just mentioned.
const DEFINITE = new Set(
  'the this that these those his her its their our my your he she it we they him them us i'.split(
    ' ',
  ),
);
export function genericSaying(tokens: Token[], v: number, subject: Token): boolean {
  if (subject.norm !== 'they' || !/^says?$/.test(tokens[v]!.norm)) return false;
  if (tokens[indexNear(tokens, subject) - 1]?.norm === 'as') return true;
  const said = tokens.slice(v + 1).filter((t) => t.isWord);
  return (
    said.length > 0 &&
    said.length <= 8 &&
    !said.some((t) => isCap(t) || DEFINITE.has(t.norm) || /\d/.test(t.text) || t.norm === 'that')
  );
}

// Words that name no one who could speak: "the rest (of the world)", "neither side", "both
// countries", "each side". A quantifier over the two parties is the narrator's summary.
const PARTITIVES = new Set(['rest', 'remainder']);
const QUANTIFIED = new Set(['neither', 'either', 'both', 'each']);
const PARTY_NOUNS = new Set(
  'side sides country countries nation nations capital capitals government governments party parties'.split(
    ' ',
  ),
);
export function isNonSource(source: Token[]): boolean {
  const words = source.filter((t) => t.isWord);
  const head = words.find(
    (t, n) => n === words.length - 1 || /^(of|in|at)$/.test(words[n + 1]!.norm),
  );
  if (!head) return false;
  if (PARTITIVES.has(head.norm)) return true;
  const first = words[0]!.norm;
  const quantified = QUANTIFIED.has(first) || (first === 'the' && words[1]?.norm === 'two');
  // ("Both of the countries", "each of the sides": the parties after "of".)
  return (
    quantified && (PARTY_NOUNS.has(head.norm) || PARTY_NOUNS.has(words[words.length - 1]!.norm))
  );
}

// "Blinken and Wang agreed that …", "Republican lawmakers and some Democrats who said": a
// joint source is credited to the first one named (the sentence's leading subject), unless
// both name people (coordinated() below, decided in voices.ts); the side is that source's.
export function firstConjunct(tokens: Token[], source: Token[]): Token[] {
  const at = indexNear(tokens, source[0]!);
  const and = sourceAnd(source);
  if (
    and > 0 &&
    !committeeAnd(source, and) &&
    and < source.length - 1 &&
    isCap(source[and + 1]!) &&
    isCap(source[and - 1]!)
  ) {
    const left = source.slice(0, and);
    const last = left[left.length - 1]!.norm;
    if (!ROLES.titleWords.has(last) && !ROLES.orgWords.has(last)) {
      // "Trump met Xi and Kim said": after a verb's object, "and" starts a new clause.
      const before = tokens[at - 1];
      const clauseStart =
        !before ||
        !before.isWord ||
        /^(but|and|while|as|so|yet|though|although|because|when|after|since|if|then)$/.test(
          before.norm,
        );
      return clauseStart ? left : source.slice(and + 1);
    }
  }
  const after = tokens[indexNear(tokens, source[source.length - 1]!) + 1];
  // "the United States and its allies complain", "Ukraine and its Western allies accuse":
  // the possessive points back to the first one named, who leads.
  const owner = /^(its|their)$/.test(source[0]!.norm);
  if (at >= 2 && tokens[at - 1]!.norm === 'and' && (after?.norm === 'who' || owner)) {
    const left = npEndingAt(tokens, at - 2);
    const head = left?.[left.length - 1];
    if (left && head && (ROLES.roleNouns.has(head.norm) || isCap(head)) && !PRONOUNS.has(head.norm))
      return left;
  }
  return source;
}

/** A capitalised chain that could be a name ("Moon", "Mr. Kim", "Moon Jae-in"). */
const nameLike = (np: Token[] | null): np is Token[] =>
  np !== null &&
  np.length > 0 &&
  np.every((t) => isCap(t) || t.text === '.') &&
  !ROLES.titleWords.has(np[np.length - 1]!.norm) &&
  !ROLES.orgWords.has(np[np.length - 1]!.norm);

/**
 * The two people of a coordinated subject, when the source is one of them: "Trump and Kim
 * said", "Moon and Kim met … and vowed" (the source found is "Moon"), "Mr. Kim and the
 * South's President Moon Jae-in also vowed" (the source found is the second). Whether both
 * are people is for the speaker book to tell; this reads the words only.
 */
export function coordinated(tokens: Token[], source: Token[]): [Token[], Token[]] | null {
  // The first "and" outside a body's name ("Health and Human Services Secretary Tom Price
  // and Education Secretary Betsy DeVos said": the second one).
  const and = sourceAnd(source);
  if (and > 0 && committeeAnd(source, and)) return null;
  if (and > 0) {
    const left = source.slice(0, and);
    const right = source.slice(and + 1);
    return nameLike(left) && nameLike(right) ? [left, right] : null;
  }
  const first = indexNear(tokens, source[0]!);
  const last = indexNear(tokens, source[source.length - 1]!);
  // The source then "and" and a name.
  if (tokens[last + 1]?.norm === 'and' && nameLike(source)) {
    const right = npStartingAt(tokens, last + 2);
    if (nameLike(right)) return [source, right];
  }
  // A name at the start of the clause, "and", then the source.
  if (tokens[first - 1]?.norm === 'and' && source.some(isCap)) {
    const left = npEndingAt(tokens, first - 2);
    const start = left ? indexNear(tokens, left[0]!) : -1;
    const opens = start === 0 || tokens[start - 1]?.text === ',';
    if (nameLike(left) && opens) return [left, source];
  }
  return null;
}

/** The first "and" of a source not inside a committee's or listed body's name, else the first. */
function sourceAnd(source: Token[]): number {
  let first = -1;
  for (let n = 1; n < source.length; n++) {
    if (source[n]!.norm !== 'and') continue;
    if (!committeeAnd(source, n)) return n;
    if (first < 0) first = n;
  }
  return first;
}

/**
 * "Health and Human Services Secretary Tom Price", "Customs and Border Protection": the "and"
 * inside a listed body's name (voice-roles.json, `bodiesWithAnd`).
 */
export function insideBodyName(left: Token[], right: Token[]): boolean {
  const before = left.filter((t) => t.isWord);
  const after = right.filter((t) => t.isWord);
  return ROLES.bodiesWithAnd.some(
    (body) =>
      body.before.length <= before.length &&
      body.after.length <= after.length &&
      body.before.every((w, n) => before[before.length - body.before.length + n]!.norm === w) &&
      body.after.every((w, n) => after[n]!.norm === w),
  );
}

/**
 * "Ways and Means Committee Chairman Richard Neal", "Energy and Commerce Committee": the
 * "and" inside a committee's name joins no two sources. It is one when a capitalised word
 * that is neither a title, a body, a place nor a listed office holder comes before it and
 * the words after it name a committee before the person, or when the words around it are a
 * listed body's name (insideBodyName).
 */
function committeeAnd(source: Token[], and: number): boolean {
  const left = source.slice(0, and);
  const right = source.slice(and + 1);
  if (insideBodyName(left, right)) return true;
  const committee = right.findIndex((t) => /^(sub)?committee$/.test(t.norm));
  if (committee <= 0 || !isCap(right[0]!)) return false;
  return left.every(
    (t) =>
      isCap(t) &&
      !ROLES.titleWords.has(t.norm) &&
      !ROLES.officeHolders.has(t.norm) &&
      !isPlaceWord(t.norm) &&
      !/^(house|senate)$/.test(t.norm),
  );
}

// The article's name index for speaker resolution: every capitalised chain split into its
// title ("U.S. Secretary of Defense") and the person's name ("Lloyd Austin"), indexed by
// surname and first word, with the titles and appositions the article gives each name.
// It deliberately does not decide which mention is a speaker (attribution.ts) or sides
// (sides.ts).

import { segmentationRules } from '../segmentation/segment-rules.js';
import { dateAfter, isCap } from './source-phrase.js';
import { insideBodyName } from './source-filters.js';
import { isGovernmentRole } from './sides.js';
import { VERBS } from './speech-verbs.js';
import type { Token } from '../types.js';
import { ROLES } from './voice-roles.js';
import { openerWord } from '../scoring/name-words.js';

export interface ArticleIndex {
  /** Person full names (2+ words) found in the article, by lower-cased surname and by first word. */
  bySurname: Map<string, string>;
  byFirst: Map<string, string>;
  /** Title and apposition descriptions seen next to each full name, by surname. */
  descriptions: Map<string, string[]>;
  /** The titles written right before each full name ("Budget Director"), by surname. */
  titles: Map<string, string[]>;
  /** Person-name occurrences in reading order, for "he"/"she" with no earlier speaker. */
  occurrences: { offset: number; name: string; title?: string }[];
  /** Bare surnames of listed office holders ("Obama said"), in reading order. */
  officeHolders: { offset: number; name: string }[];
}

/** The word without a final "'s", then without a final dot. */
export function strip(norm: string): string {
  const word = norm.endsWith("'s") ? norm.slice(0, -2) : norm;
  return word.endsWith('.') ? word.slice(0, -1) : word;
}

// Titles that only a person carries: a name after one is a person's, even when its last
// word also names a body ("President Vicente Fox", "Gov. Rick Post").
const PERSONAL_TITLES = new Set(
  'mr mrs ms dr prof president senator sen rep gov governor gen general admiral judge justice sir lord king queen prince minister premier ambassador secretary chairman chairwoman congressman congresswoman former mayor chancellor sheriff'.split(
    ' ',
  ),
);

/** Words that rank a role word after them in a title written in lower case ("prime minister"). */
const RANK_WORDS = new Set(['prime', 'vice', 'deputy', 'assistant']);

/** Words that say a title's holder was removed from it. */
const REMOVED = /^(fired|ousted|sacked|deposed|dismissed|disgraced)$/;

/** Whether chain[k] is one capital letter followed by its dot and another word of the chain. */
function isInitial(chain: Token[], k: number): boolean {
  const t = chain[k]!;
  return (
    t.isWord &&
    t.text.length === 1 &&
    isCap(t) &&
    chain[k + 1]?.text === '.' &&
    chain.slice(k + 2).some((next) => next.isWord)
  );
}

/**
 * Whether chain[k] is one of a name's lower-case particles ("Bill de Blasio", "Mohammed bin
 * Salman", "Ursula von der Leyen"): a run of one or two of them between a capitalised word
 * that is no title or organisation word and another capitalised word.
 */
function isParticle(chain: readonly Token[], k: number): boolean {
  const particle = (t: Token | undefined) =>
    t !== undefined && t.isWord && !isCap(t) && ROLES.nameParticles.has(t.norm);
  if (!particle(chain[k])) return false;
  let from = k;
  while (particle(chain[from - 1])) from--;
  let to = k;
  while (particle(chain[to + 1])) to++;
  const [before, after] = [chain[from - 1], chain[to + 1]];
  return (
    to - from < 2 &&
    before !== undefined &&
    after !== undefined &&
    before.isWord &&
    after.isWord &&
    isCap(before) &&
    isCap(after) &&
    !ROLES.titleWords.has(strip(before.norm)) &&
    !ROLES.orgWords.has(strip(before.norm))
  );
}

/** Split a capitalised chain into its descriptor (titles) and the trailing name words. */
export function splitChain(chain: Token[]): { title: Token[]; name: Token[] } {
  const words = chain.filter((t) => t.isWord);
  const [title, given, last] = words.slice(-3);
  if (
    title &&
    given &&
    last &&
    PERSONAL_TITLES.has(strip(title.norm)) &&
    (ROLES.orgWords.has(strip(last.norm)) || ROLES.titleSurnames.has(strip(last.norm))) &&
    isCap(given) &&
    !ROLES.titleWords.has(strip(given.norm)) &&
    !ROLES.orgWords.has(strip(given.norm)) &&
    !given.norm.endsWith("'s")
  ) {
    // ("Rep. Steve King": the title's dot is no part of it, as below.)
    let end = chain.indexOf(given);
    while (end > 0 && chain[end - 1]!.text === '.') end--;
    return { title: chain.slice(0, end), name: [given, last] };
  }
  let cut = chain.length;
  while (cut > 0) {
    const t = chain[cut - 1]!;
    const n = strip(t.norm);
    if (!t.isWord && t.text !== '.') break;
    // A middle initial ("Lynn A. Westmoreland", "Michael I. Jordan") is part of the name,
    // though "A" and "I" are also words: one capital letter, its dot, then more of the name.
    if (isInitial(chain, cut - 1) || isParticle(chain, cut - 1)) {
      cut--;
      continue;
    }
    if (
      t.isWord &&
      (ROLES.titleWords.has(n) || ROLES.orgWords.has(n) || !isCap(t) || t.norm.endsWith("'s"))
    )
      break;
    cut--;
  }
  // "Secretary of Education Betsy DeVos", "Chancellor of the Exchequer George Osborne": a run
  // right after an office's "of" opens with the office's object, which no list knows; the
  // person is the run's last two words (with an initial or a particle between them).
  let of = cut - 1;
  if (chain[of]?.norm === 'the') of--;
  const office = chain[of - 1];
  if (
    chain[of]?.norm === 'of' &&
    office &&
    isCap(office) &&
    (ROLES.roleNouns.has(strip(office.norm)) ||
      ROLES.titleWords.has(strip(office.norm)) ||
      PERSONAL_TITLES.has(strip(office.norm)))
  ) {
    let k = chain.length;
    for (let full = 0; k > cut && full < 2;) {
      k--;
      if (chain[k]!.isWord && !isInitial(chain, k) && !isParticle(chain, k)) full++;
    }
    if (chain.slice(cut, k).some((t) => t.isWord)) cut = k;
  }
  const name = chain.slice(cut).filter((t) => t.isWord);
  return { title: chain.slice(0, cut), name };
}

// "Jane Roe (R-Texas)", "Tom Alder, D-Calif.,", "(D., Mass.)": the party and state that
// American news gives after the name of a member of Congress; a state abbreviated with a
// period may also end the sentence or run on without a comma ("…, D-Va." / ", R-N.C. earlier").
const PARTY_STATE =
  /^(?: \(|, )[RDI](?:-|\., ?)\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?(?:\)|,|(?<=\.)(?=\s|$))/u;

/**
 * ", the assistant secretary of state for …," right after a name, if any: an apposition
 * opens with an article or "who", or with a bare title followed by of / at / for (",
 * director of defense studies at the Center for …"), but not with a participle (", speaking
 * at …," says where, not who).
 */
export function appositionAfter(text: string, from: number): string | null {
  const m =
    /^,? ?(?:\([^)]{1,12}\),? )?((?:a|an|the|who|now|former|then|\p{Lu}[\p{L}.-]*['’]s)\b[^,;:“”"]{3,260}?|(?!\p{Ll}+ing\b)\p{Ll}[\p{Ll}-]*(?: \p{Ll}[\p{Ll}-]*){0,3} (?:of|at|for)\b[^,;:“”"]{3,260}?)(?:,|\.(?=\s|$)|$)/u.exec(
      text.slice(from, from + 300),
    );
  if (!m || (text[from] !== ',' && text[from + 1] !== '(')) return null;
  // "According to Tom Alder, Trump's government is collapsing.": a finite verb before any
  // relative pronoun or subordinator makes the words after the comma a clause, not an
  // apposition (", the former prosecutor when Kelley was serving," is one).
  return CLAUSE_VERB.test(m[1]!) ? null : m[1]!;
}
const CLAUSE_VERB =
  /^(?:(?!\b(?:who|whom|whose|which|that|when|while|where|after|before|because|since|until|if|although)\b).)*?(?<!\bto )\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|does|did)\b/u;

// Where a role's head ends: the first post-modifier ("envoy for the peace talks").
const POST_MODIFIER = /\s(?:of|for|to|at|in|on|with|from|who|whom|whose|that|which)\s/;
// Words that make the words before a name a clause, not a description of it.
const CLAUSE_WORDS =
  /(?<![\p{L}])(?:is|are|was|were|be|been|has|have|had|will|would|said|says|told|and|or|but|that|which|who|when|while|if)(?![\p{L}])/iu;

/** The head noun of a role description: the word before its first post-modifier, lower-cased. */
export function roleHead(description: string): string {
  const core = description.toLowerCase().replace(/’/g, "'").split(POST_MODIFIER)[0] ?? '';
  const words = core.split(/[^\p{L}.'-]+/u).filter((w) => w.length > 0);
  return strip(words[words.length - 1] ?? '');
}

/**
 * "the Trump administration's envoy for the peace talks, Zalmay Khalilzad, told …", "said a
 * Commerce Ministry spokesman, Gao Feng.": a description whose head is a role noun, put
 * before a name with a comma, if any. It opens with an article or a capitalised possessive
 * and holds no clause; the name must end the apposition (a comma and a lower-case word, or
 * the sentence's end), so that a list ("the president, Vice President Pence, and …") gives
 * none.
 */
export function appositionBefore(text: string, at: number, end: number): string | null {
  if (text.slice(at - 2, at) !== ', ') return null;
  if (!/^(?:,\s(?!and\b|or\b)\p{Ll}|\.(?:\s|$)|$)/u.test(text.slice(end, end + 6))) return null;
  const window = text.slice(Math.max(0, at - 160), at - 2);
  // (A sentence's end is a dot after a lower-case word: "U.S." and "Mr." are no end.)
  const clause = window.split(/[,;:!?“”"()\n—–]|(?<=\p{Ll}{2})\.\s/u).pop() ?? '';
  const starts = [...clause.matchAll(/(?<![\p{L}'’])(?:the|a|an|\p{Lu}[\p{L}.-]*['’]s)\s/gu)];
  for (const m of starts) {
    const phrase = clause.slice(m.index).trim();
    if (phrase.split(/\s+/).length > 14 || CLAUSE_WORDS.test(phrase)) continue;
    const head = roleHead(phrase);
    if (ROLES.roleNouns.has(head) && !/s$/.test(head)) return phrase;
  }
  return null;
}

// Words a title-case headline leaves in lower case ("Putin Outlines Plan for a Cease-Fire").
// Words a name never holds capitalised, inside it (not "a", an initial: "John A. Boehner").
const HEADING_WORDS = new Set(
  'the of for and or but in on at to by with from into vs via per'.split(' '),
);
const MINOR_WORDS = new Set(
  'a an the of for and or nor but in on at to by with as from into vs via per up'.split(' '),
);

/**
 * A headline in title case ("Putin Outlines 7-Point Plan for Ukraine Cease-Fire"): a short
 * line whose words other than minor ones are all capitalised. Its capital letters do not
 * mark names, so "Putin Outlines" is not a full name to resolve "Mr. Putin" to.
 */
// Words that open a sentence or a clause without being part of a name ("Despite Trump's
// …", "But Craig Moffett …", "While Netanyahu …"): capitalised only by their place. The
// sentence starters of segmentation.json, and the prepositions and subordinators it lacks;
// not "will", which is a given name too ("Will Hurd").
const NOT_NAME_OPENERS = new Set(
  'despite during amid amidst unlike like until unless whether once without against among over under through toward towards upon even only just already asked later earlier'.split(
    ' ',
  ),
);

/** How many words at the start of a capitalised chain are openers, not name ("So Trump"). */
export function openersBefore(chain: Token[]): number {
  const starters = segmentationRules().sentenceStarters;
  let n = 0;
  while (
    n < chain.length - 1 &&
    chain[n]!.isWord &&
    chain[n]!.norm !== 'will' &&
    (starters.has(chain[n]!.norm) ||
      NOT_NAME_OPENERS.has(chain[n]!.norm) ||
      invertedVerb(chain[n]!.norm) ||
      openerWord(chain[n]!))
  )
    n++;
  return n;
}

/** "TrumpGOP": a capitalised word of three letters or more with a capital glued to it. */
const GLUED_NAME = /^(\p{Lu}\p{Ll}{2,})\p{Lu}/u;

// "Says Carolyn Abrams, his wife …", "Adds Foley": a speech verb put before its subject
// opens the sentence, capitalised by its place. Only a verb's -s and -ed forms: a bare
// lemma can be a name ("Rush", "Press").
function invertedVerb(norm: string): boolean {
  return /(s|ed)$/.test(norm) && VERBS.get(norm) !== undefined && VERBS.get(norm)!.lemma !== norm;
}

// Sentence starters that can head a group ("Some say …", "Many fear …", "One told me …",
// "Officials said …"): not names, but sources all the same.
const GROUP_STARTERS = new Set(['some', 'many', 'most', 'both', 'all', 'each', 'one', 'officials']);

/**
 * A word capitalised only by its place in the sentence, which alone names no source: a
 * conjunction, adverb, preposition, determiner or pronoun opening the sentence ("But it goes
 * much further and demands …", "And telling the truth would help", "You would think …",
 * "This does not mean …"), the writer's "I’ve" / "I’m", or an opening participle ("Having
 * warned of …, the White House …").
 */
export function placeCapitalOnly(t: Token): boolean {
  const norm = t.norm.replace(/’/g, "'");
  if (GROUP_STARTERS.has(norm) || norm === 'will') return false;
  return (
    segmentationRules().sentenceStarters.has(norm) ||
    NOT_NAME_OPENERS.has(norm) ||
    /^i'(ve|m|ll|d)$/.test(norm) ||
    /^(speaking|having|asked|asking|told|given|according)$/.test(norm)
  );
}

/**
 * The Hill's link text pasted into extracted articles: "President Trump Donald John TrumpGOP
 * senators balk …", "Mike Pompeo Michael (Mike) Richard PompeoProtests …": after a name, the
 * person's full legal name, then the name again glued to the next headline. The tokens after
 * the first mention of the name, up to the glued word, are no part of any name.
 */
function pastedLinkText(tokens: Token[]): Set<number> {
  const junk = new Set<number>();
  for (let k = 1; k < tokens.length; k++) {
    const text = tokens[k]!.text;
    // Most tokens are ruled out before the regular expression: too short, or opening with
    // an ASCII character that is not a capital (the only ASCII \p{Lu} are A-Z).
    const first = text.charCodeAt(0);
    if (text.length < 4 || (first < 0x80 && (first < 0x41 || first > 0x5a))) continue;
    const glued = GLUED_NAME.exec(text);
    if (!glued) continue;
    for (let m = k - 1; m >= Math.max(0, k - 9); m--) {
      if (tokens[m]!.text !== glued[1]) continue;
      for (let n = m + 1; n <= k; n++) junk.add(n);
      break;
    }
  }
  return junk;
}

function titleCaseLine(lineTokens: Token[]): boolean {
  const words = lineTokens.filter((t) => t.isWord && /\p{L}/u.test(t.text));
  if (words.length < 3 || words.length > 20) return false;
  const major = words.filter((t) => !MINOR_WORDS.has(t.norm));
  return major.length >= 3 && major.every((t) => isCap(t) || !/^\p{L}/u.test(t.text));
}

/**
 * The tokens lying within [start, end], in order: what `tokens.filter((t) => t.start >= start
 * && t.end <= end)` gives, found by binary search: `tokens` are in text order, without overlaps, as an
 * article's are (filtering every token for every line was quadratic in the article's length).
 */
function tokensWithin(tokens: Token[], start: number, end: number): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let k = lo; k < tokens.length && tokens[k]!.start < end; k++) {
    if (tokens[k]!.end <= end) out.push(tokens[k]!);
  }
  return out;
}

/** Whether text[from, to) holds a \n: what slicing it and asking would say, without the slice. */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

export function buildIndex(text: string, tokens: Token[]): ArticleIndex {
  const index: ArticleIndex = {
    bySurname: new Map(),
    byFirst: new Map(),
    descriptions: new Map(),
    titles: new Map(),
    occurrences: [],
    officeHolders: [],
  };
  const TITLE = ROLES.titleWords;
  const { sentenceStarters: STARTERS, titles, nameParts } = segmentationRules();
  const NAME_ABBREVIATIONS = new Set([...titles, ...nameParts]);
  const ORG = ROLES.orgWords;
  // Whether the line holding an offset is a title-case headline, computed once per line.
  const ordered = tokens.every((t, k) => k === 0 || tokens[k - 1]!.end <= t.start);
  const titleCase = new Map<number, boolean>();
  const inTitleCaseLine = (offset: number): boolean => {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    let known = titleCase.get(start);
    if (known === undefined) {
      const endAt = text.indexOf('\n', start);
      const end = endAt === -1 ? text.length : endAt;
      known = titleCaseLine(
        ordered
          ? tokensWithin(tokens, start, end)
          : tokens.filter((t) => t.start >= start && t.end <= end),
      );
      titleCase.set(start, known);
    }
    return known;
  };
  const junk = pastedLinkText(tokens);
  let i = 0;
  while (i < tokens.length) {
    if (!isCap(tokens[i]!) || junk.has(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    // A chain: capitalised words, initials' dots, and of/for/and between capitalised words.
    while (j < tokens.length) {
      const t = tokens[j]!;
      // A line break ends a name: a headline's last word and the next paragraph's first
      // ("… high bar for Trump" / "Bitter foes …") are two chains.
      if (hasNewline(text, tokens[j - 1]!.end, t.start)) break;
      if (junk.has(j)) break;
      if (isCap(t)) j++;
      // "Bill de Blasio", "Ursula von der Leyen": a name's lower-case particles join it.
      else if (isParticle(tokens, j)) j++;
      // A dot after an initial or an abbreviation is part of the name ("J.", "Mr.", "Jr."),
      // unless a sentence opener follows: "… visited the US. But other meetings …"; after a
      // word it ends a sentence ("… the Iraq War. John Bolton, …" is no "Iraq War. John
      // Bolton").
      else if (
        t.text === '.' &&
        isCap(tokens[j - 1]!) &&
        (tokens[j - 1]!.text.length === 1 || NAME_ABBREVIATIONS.has(tokens[j - 1]!.norm)) &&
        !STARTERS.has(tokens[j + 1]?.norm ?? '')
      )
        j++;
      // "of", "for" and "and" join only after a title or organisation word ("Secretary of
      // State", "East Asian and Pacific Affairs"): after a name they start a description
      // ("Sen. Bob Menendez of New Jersey") or a second person.
      else if (
        /^(of|for|and)$/.test(t.norm) &&
        tokens[j + 1] &&
        isCap(tokens[j + 1]!) &&
        (TITLE.has(strip(tokens[j - 1]!.norm)) ||
          ORG.has(strip(tokens[j - 1]!.norm)) ||
          // "Health and Human Services Secretary Tom Price": a listed body's own "and".
          (t.norm === 'and' && insideBodyName(tokens.slice(i, j), tokens.slice(j + 1, j + 6))))
      )
        j++;
      else break;
    }
    let chain = tokens.slice(i, j);
    // A capitalised "With", "For" or "To" inside the chain makes it a heading in title case
    // ("Update at 7:25 p.m. ET. Obama Speaks With Putin:"), not a name.
    if (chain.some((t, k) => k > 0 && isCap(t) && HEADING_WORDS.has(t.norm))) {
      i = j;
      continue;
    }
    // A heading in capitals run into the text ("NERVOUS INVESTORS Trump …") is no title.
    // Two words or more, letters only: "U.S. Secretary" and "NATO chief" keep their titles.
    const shouted = (t: Token) => t.isWord && /^\p{Lu}{3,}$/u.test(t.text);
    let lead = 0;
    while (lead < chain.length - 1 && shouted(chain[lead]!)) lead++;
    if (lead >= 2 && !shouted(chain[chain.length - 1]!)) chain = chain.slice(lead);
    let opener = openersBefore(chain);
    // "In April Donald Trump …", "… in August Trump tweeted": the date is no given name.
    const before = opener > 0 ? chain[opener - 1] : tokens[i - 1];
    if (opener < chain.length - 1 && dateAfter(chain[opener]!, before)) opener++;
    chain = chain.slice(opener);
    const { title, name } = splitChain(chain);
    if (name.length >= 2 && name.length <= 4 && !inTitleCaseLine(chain[0]!.start)) {
      const full = text.slice(name[0]!.start, name[name.length - 1]!.end).replace(/\s+/g, ' ');
      const last = strip(name[name.length - 1]!.norm);
      const first = strip(name[0]!.norm);
      const known = index.bySurname.get(last);
      if (!known || known.split(' ').length < name.length) index.bySurname.set(last, full);
      if (!index.byFirst.has(first)) index.byFirst.set(first, full);
      // "White House economic adviser Larry Kudlow": lower-case role words before the name
      // belong to its title too.
      let from = opener > 0 ? tokens.indexOf(chain[0]!) : i;
      while (
        opener === 0 &&
        from > 0 &&
        i - from < 8 &&
        (isCap(tokens[from - 1]!) ||
          ROLES.roleNouns.has(tokens[from - 1]!.norm) ||
          // "prime minister Boris Johnson", "vice president Mike Pence": a word that ranks
          // the role word after it is the title's own.
          (RANK_WORDS.has(tokens[from - 1]!.norm) &&
            from < i &&
            ROLES.roleNouns.has(tokens[from]!.norm)) ||
          (ROLES.npAdjectives.has(tokens[from - 1]!.norm) &&
            !ROLES.determiners.has(tokens[from - 1]!.norm)))
      )
        from--;
      // "fired FBI Director James Comey", "Ousted national security adviser …", "Trump fired
      // FBI Director James Comey": a title its holder was removed from is a former one.
      const removedBy = tokens[from - 1];
      // (A government office: "fired Facebook engineer" stays.)
      const government = isGovernmentRole(title.map((t) => t.text).join(' '));
      // (Capitalised, it opens the chain: "Fired FBI Director James Comey said".)
      const removedFirst = government && !!title[0] && REMOVED.test(title[0].norm);
      const removed = removedFirst || (government && !!removedBy && REMOVED.test(removedBy.norm));
      const words = [...tokens.slice(from, i), ...title].map((t) => t.text);
      if (removedFirst) words.splice(words.length - title.length, 1);
      const desc = [...(removed ? ['former'] : []), ...words].join(' ');
      const apposition = appositionAfter(text, tokens[j - 1]!.end);
      const before =
        opener === 0 ? appositionBefore(text, chain[0]!.start, tokens[j - 1]!.end) : null;
      const list = index.descriptions.get(last) ?? [];
      if (desc) list.push(desc);
      if (desc) index.titles.set(last, [...(index.titles.get(last) ?? []), desc]);
      if (apposition) list.push(apposition);
      if (before) list.push(before);
      if (PARTY_STATE.test(text.slice(tokens[j - 1]!.end, tokens[j - 1]!.end + 24)))
        list.push('member of Congress');
      index.descriptions.set(last, list);
    }
    if (name.length === 1 && ROLES.officesOf.has(strip(name[0]!.norm)))
      index.officeHolders.push({ offset: chain[0]!.start, name: name[0]!.text });
    if (name.length >= 1 && (name.length >= 2 || title.length > 0)) {
      index.occurrences.push({
        offset: chain[0]!.start,
        name: name.map((t) => t.text).join(' '),
        title: title.map((t) => t.text).join(' '),
      });
    }
    i = j;
  }
  return index;
}

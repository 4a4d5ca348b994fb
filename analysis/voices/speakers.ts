// Speaker resolution: turns the words that name a source ("Campbell", "Mr. Campbell",
// "a senior State Department official", "he") into one Speaker per person or group in the
// article, with a side. Names resolve within the article (the most complete form the
// article gives wins, speaker-index.ts), then through the codebook's actors;
// sides come from the codebook's actors or, for a speaker they do not list, from titles and
// affiliations the article itself gives, read against the codebook's parties (sides.ts).
// It deliberately does not find attributions (attribution.ts) or quotation marks (quotes.ts).

import { actorKey, type Actor, type Actors } from './actors.js';
import type { Speaker } from '../types.js';
import type { SpeakerSide } from '../vocabulary/sides.js';
import {
  isAnalystRole,
  isCountryWord,
  isPlaceWord,
  namesCountry,
  partyNamedByRole,
  sideFromRole,
  type SideRules,
} from './sides.js';
import {
  buildIndex,
  openersBefore,
  placeCapitalOnly,
  roleHead,
  splitChain,
  strip,
  type ArticleIndex,
} from './speaker-index.js';
import { tokenize } from '../segmentation/tokens.js';
import type { Token } from '../types.js';
import { OPENERS } from './clause-subject.js';
import { isCap } from './source-phrase.js';
import { insideBodyName } from './source-filters.js';
import { ROLES } from './voice-roles.js';

export { appositionAfter } from './speaker-index.js';
export { sideFromRole } from './sides.js';

/** The words naming a source, as found by the attribution rules. */
export interface Mention {
  tokens: Token[];
  /** Apposition or description after the name (", a fellow at Brookings,"), if any. */
  apposition: string | null;
  paragraph: number;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'who', 'him', 'her', 'them']);
// Quantifiers that name a group when they stand alone as a source.
const GROUP_QUANTIFIERS = new Set('some many most several few both all others'.split(' '));
const POSSESSIVES = new Map([
  ['his', 'he'],
  ['their', 'they'],
  ['its', 'it'],
]);
/** "R-S.C.", "D-Calif.", "I-Vt.": the party and state a member of Congress is named with. */
const PARTY_STATE_TAG = /^[RDI]-\p{Lu}[\p{L}.]*$/u;
const ORG_WORDS = ROLES.orgWords;
/** Role nouns in the singular that name many people or a body, not one person. */
const COLLECTIVE_ROLES = new Set(['people', 'media', 'government', 'administration', 'staff']);

/** Offices one person holds, which a definite description can stand for (describedSpeaker). */
const OFFICE_HEADS = new Set([
  'leader', 'president', 'governor', 'senator', 'congressman', 'congresswoman', 'minister',
  'secretary', 'premier', 'chairman', 'ambassador', 'envoy', 'diplomat', 'mayor', 'lawmaker',
  // "the California Republican said", "the New York Democrat added": US news style for a
  // member of a party named just before.
  'republican', 'democrat',
]); // prettier-ignore

/** What the United States is called when it speaks as a state ("Washington said", "The U.S. denies"). */
const US_STATE_NAMES = new Set(['washington', 'u.s.', 'us', 'united states']);
/** Capitals that speak for their country's government ("Pyongyang warned", "Beijing says"). */
const CAPITAL_OF = new Map([
  ['pyongyang', 'North Korea'], ['seoul', 'South Korea'], ['beijing', 'China'],
  ['tehran', 'Iran'], ['moscow', 'Russia'], ['kyiv', 'Ukraine'], ['kiev', 'Ukraine'],
  ['tokyo', 'Japan'], ['taipei', 'Taiwan'], ['damascus', 'Syria'], ['kabul', 'Afghanistan'],
  ['islamabad', 'Pakistan'], ['new delhi', 'India'], ['ankara', 'Turkey'],
  ['riyadh', 'Saudi Arabia'], ['havana', 'Cuba'], ['caracas', 'Venezuela'],
  ['ottawa', 'Canada'], ['mexico city', 'Mexico'], ['berlin', 'Germany'], ['paris', 'France'],
]); // prettier-ignore

/**
 * The state a non-person speaker's name stands for: the United States by any of its names
 * ("US government"), a foreign capital by its country; null for anything else.
 */
export function stateSpeaker(name: string): string | null {
  const key = name
    .replace(/^the\s+/i, '')
    .replace(/[’']s$/, '')
    .toLowerCase();
  if (US_STATE_NAMES.has(key)) return 'US government';
  return CAPITAL_OF.get(key) ?? null;
}

/** Words after which "company" or "firm" is no apposition's head ("a spokeswoman for the company"). */
const NOT_APPOSITION_HEAD =
  '(?:for|of|at|with|in|from|by|to|on|about|behind|under|whose|who|which|that|the|its|his|her|their)';

/** Capitalised words before a state's name that are no given name ("Official Washington"). */
const NOT_GIVEN = new Set(
  'official mount fort lake port east west north south eastern western northern southern central downtown greater state'.split(
    ' ',
  ),
);

/** Whether a capitalised word before a surname may be a given name (an initial is one). */
function givenWord(word: string): boolean {
  if (word.endsWith('.')) return true;
  const w = word.toLowerCase();
  return !(
    isPlaceWord(w) ||
    ROLES.titleWords.has(w) ||
    ORG_WORDS.has(w) ||
    NOT_GIVEN.has(w) ||
    OPENERS.has(w)
  );
}

/** A definite plural that counts people: "the two leaders", "both men", "the trio". */
const COUNTED_PEOPLE =
  /^(?:the|both)\s+(?:(two|three|four)\s+)?(?:leaders|men|women|presidents|ministers|senators)$|^the\s+(pair|duo|trio)$/;
const COUNTS = new Map([
  ['two', 2], ['three', 3], ['four', 4], ['pair', 2], ['duo', 2], ['trio', 3],
]); // prettier-ignore

/** The speakers of one article, built up as attributions are found in reading order. */
export class SpeakerBook {
  readonly speakers: Speaker[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly isPerson: boolean[] = [];
  /** A group named by one singular role ("a foreign ministry spokesman"): one person, unnamed. */
  private readonly isOneRole: boolean[] = [];
  private readonly history: { speaker: number; paragraph: number; offset: number }[] = [];
  private lastSubject: Mention | null = null;
  private readonly index: ArticleIndex;

  /** `tokens`: the article's tokens in reading order (the segments' tokens, concatenated). */
  constructor(
    private readonly text: string,
    tokens: Token[],
    private readonly actors: Actors,
  ) {
    this.index = buildIndex(text, tokens);
    for (const [surname, list] of this.index.descriptions) {
      this.descriptionWords.push(
        ...list.map((d) => ({ surname, words: new Set(contentWords(d)) })),
      );
    }
  }

  private readonly descriptionWords: { surname: string; words: Set<string> }[] = [];

  /** The speaker index for a mention, or null when it cannot be told (an unresolved pronoun). */
  resolve(mention: Mention): number | null {
    const words = mention.tokens.filter((t) => t.isWord);
    if (words.length === 0) return null;
    const first = words[0]!.norm;
    if (words.length === 1 && PRONOUNS.has(first)) return this.resolvePronoun(first, mention);
    // "his conclusion that …", "in their words": the owner is the pronoun's antecedent.
    const owner = words.length === 1 ? POSSESSIVES.get(first) : undefined;
    if (owner) return this.resolvePronoun(owner, mention);
    // "But it goes much further and demands …", "As I’ve said": a word capitalised by its
    // place in the sentence names no one.
    if (words.every(placeCapitalOnly)) return null;
    // "Rep. Mark Sanford, R-S.C., who said …": the party and state stand for the name before.
    if (words.length === 1 && PARTY_STATE_TAG.test(words[0]!.text)) {
      const named = this.nameJustBefore(words[0]!.start);
      return named === null
        ? null
        : this.resolve({
            ...mention,
            tokens: tokenize(named.name, named.offset),
            apposition: null,
          });
    }
    // "Trudeau's office said": the office of a person the article names in full ("Justin
    // Trudeau's office"), a body on that person's side.
    const office = this.officeOwner(words);
    if (office) {
      const owner = this.resolveNamed({ ...mention, tokens: office, apposition: null });
      if (owner !== null && this.isPerson[owner]) {
        const result = this.bodyOf(owner, 'office');
        this.history.push({
          speaker: result,
          paragraph: mention.paragraph,
          offset: words[0]!.start,
        });
        return result;
      }
    }
    const result = this.resolveNamed(mention);
    if (result !== null)
      this.history.push({ speaker: result, paragraph: mention.paragraph, offset: words[0]!.start });
    return result;
  }

  /**
   * Whether the words name a person: a listed office holder or actor, or a name the
   * article gives again after offset `after` (a capitalised headline phrase is no name).
   */
  namesPerson(tokens: Token[], after: number): boolean {
    const { name } = this.split(tokens);
    const last = name[name.length - 1];
    if (!last) return false;
    const surname = strip(last.norm);
    if ((ROLES.officesOf.has(surname) || this.actors.byAlias.has(surname)) && personLike(surname))
      return true;
    // "Kim" for "Kim Jong Un": a name written family name first, given by its first word.
    if (name.length === 1 && this.index.byFirst.has(surname)) return true;
    return (
      this.index.bySurname.has(surname) &&
      this.index.occurrences.some(
        (o) => o.offset >= after && strip(o.name.toLowerCase().split(' ').pop() ?? '') === surname,
      )
    );
  }

  /**
   * Two people credited jointly ("Moon and Kim vowed"): one speaker named for both, on their
   * side when they share one, else other. Pronouns see it as a group ("they").
   */
  joint(a: number, b: number, paragraph: number, offset: number): number {
    if (a === b) return a;
    const [x, y] = [this.speakers[a]!, this.speakers[b]!];
    const name = `${x.name} and ${y.name}`;
    const key = name.toLowerCase();
    let index = this.byKey.get(key);
    if (index === undefined) {
      this.speakers.push({
        name,
        side: x.side === y.side ? x.side : 'other',
        anonymous: false,
        role: null,
      });
      this.isPerson.push(false);
      this.isOneRole.push(false);
      index = this.speakers.length - 1;
      this.byKey.set(key, index);
      this.jointSize.set(index, 2);
    }
    this.history.push({ speaker: index, paragraph, offset });
    return index;
  }

  /**
   * "the two leaders", "both men", "the pair", "The three men", "the trio": a definite
   * plural counting people stands for the people the article last named together, as many
   * as it counts: two people credited jointly before ("Moon and Kim vowed"), or a list of
   * that many full names ("Kim Dong Chul, Kim Hak-song and Kim Sang Duk"), whichever is
   * nearer before the mention. Null when the article names no such group.
   */
  private namedTogether(text: string, at: number, paragraph: number): number | null {
    const m = COUNTED_PEOPLE.exec(text.toLowerCase());
    if (!m) return null;
    const count = COUNTS.get(m[1] ?? m[2] ?? (text.toLowerCase().startsWith('both') ? 'two' : ''));
    if (count === undefined) return null;
    let best: { offset: number; speaker?: number; names?: string[] } | null = null;
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k]!;
      if (h.offset >= at) continue;
      if (this.jointSize.get(h.speaker) === count) {
        best = { offset: h.offset, speaker: h.speaker };
        break;
      }
    }
    const occ = this.index.occurrences.filter((o) => o.offset < at && personLike(o.name));
    // Runs of full names joined by commas and one "and", read back from the mention.
    for (let k = occ.length - 1; k >= count - 1; k--) {
      if (best && occ[k]!.offset < best.offset) break;
      const run = occ.slice(k - count + 1, k + 1);
      const joined = run.every((o, i) => {
        if (i === 0) return true;
        const prev = run[i - 1]!;
        const end = this.text.indexOf(prev.name, prev.offset) + prev.name.length;
        const gap = this.text.slice(end, o.offset);
        return i === run.length - 1 ? /^,? and $/.test(gap) : gap === ', ';
      });
      // (Not a longer list: "A, B, C and D" is no trio "B, C and D".)
      const first = run[0]!;
      const before = occ[k - count];
      const longer =
        before !== undefined &&
        /^, $/.test(
          this.text.slice(
            this.text.indexOf(before.name, before.offset) + before.name.length,
            first.offset,
          ),
        );
      if (!joined || longer || run.some((o) => o.name.split(' ').length < 2)) continue;
      best = { offset: first.offset, names: run.map((o) => o.name) };
      break;
    }
    if (!best) return null;
    // A pair must be the last people named before the mention: "Kim … met with President
    // Trump. Mere months ago, the two leaders were trading insults" is not the earlier
    // "Kim and Moon". (A list of three or more full names is telling enough.)
    if (count === 2) {
      const group = (best.names ?? this.speakers[best.speaker!]!.name.split(/ and |, /)).map((n) =>
        strip(n.toLowerCase().split(' ').pop() ?? ''),
      );
      const from = best.offset;
      const other = this.index.occurrences.some(
        (o) =>
          o.offset > from &&
          o.offset < at &&
          personLike(o.name) &&
          !group.includes(strip(o.name.toLowerCase().split(' ').pop() ?? '')),
      );
      if (other) return null;
    }
    if (best.speaker !== undefined) {
      this.history.push({ speaker: best.speaker, paragraph, offset: at });
      return best.speaker;
    }
    const names = best.names!.map(
      (n) => this.index.bySurname.get(strip(n.toLowerCase().split(' ').pop() ?? '')) ?? n,
    );
    const name = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    const sides = names.map((n) => {
      const known = this.byKey.get(n.toLowerCase());
      if (known !== undefined) return this.speakers[known]!.side;
      const actor = this.actors.byAlias.get(actorKey(n));
      if (actor) return actor.side;
      const surname = strip(n.toLowerCase().split(' ').pop() ?? '');
      const descriptions = this.index.descriptions.get(surname) ?? [];
      return sideFromRole(descriptions.join(' ; ') || n, this.actors.sides, n);
    });
    const side = sides.every((x) => x === sides[0]) ? sides[0]! : 'other';
    const key = name.toLowerCase();
    let index = this.byKey.get(key);
    if (index === undefined) {
      this.speakers.push({ name, side, anonymous: false, role: text });
      this.isPerson.push(false);
      this.isOneRole.push(false);
      index = this.speakers.length - 1;
      this.byKey.set(key, index);
      this.jointSize.set(index, count);
    }
    return index;
  }

  /**
   * "ZTE … has disputed the decision" … "The company upped the stakes": a definite "the
   * company" or "the firm" is the last speaker (same or previous paragraph) the article calls
   * so ("Chinese technology company ZTE", "ZTE, a telecoms firm").
   */
  private companyNamed(role: string, paragraph: number): number | null {
    const noun = role.toLowerCase();
    if (noun !== 'company' && noun !== 'firm') return null;
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k]!;
      if (paragraph - h.paragraph > 1) return null;
      const speaker = this.speakers[h.speaker]!;
      // (Not only bodies: a company's name credited with speech may be taken for a person's.)
      if (this.jointSize.has(h.speaker)) continue;
      // (Each speaker's answer is kept: a long paragraph of "the company said" would read
      // the whole text again for every speaker before each mention.)
      const asked = `${noun} ${h.speaker}`;
      let isCalled = this.calledSo.get(asked);
      if (isCalled === undefined) {
        isCalled = this.calledNoun(speaker.name, noun);
        this.calledSo.set(asked, isCalled);
      }
      if (isCalled) return h.speaker;
    }
    return null;
  }

  private readonly calledSo = new Map<string, boolean>();

  /** The last group gathered by each noun ("a group of GOP senators"), for "the group". */
  private readonly gathered = new Map<string, number>();

  /** Whether the article calls this speaker a company or a firm ("company ZTE", "ZTE, a … firm"). */
  private calledNoun(speakerName: string, noun: string): boolean {
    const name = speakerName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!/^\p{Lu}/u.test(name)) return false;
    // The apposition's head is the noun ("ZTE, a Chinese telecoms company"), not a word
    // a preposition hangs it on ("Jane Doe, a spokeswoman for the company", "a partner at
    // the law firm").
    const called = new RegExp(
      `(?<![\\p{L}])(?:${noun}\\s+${name}|${name},\\s+(?:a|an|the)\\s+(?:(?!${NOT_APPOSITION_HEAD}\\b)[\\p{L}\\p{N}'’&-]+\\s+){0,6}${noun})(?![\\p{L}])`,
      'u',
    );
    return called.test(this.text);
  }

  /** How many people a speaker credited jointly stands for. */
  private readonly jointSize = new Map<number, number>();

  /** Record that `speaker` spoke again (a floating quote), so pronouns see it. */
  noteSpoke(speaker: number, paragraph: number, offset: number): void {
    this.history.push({ speaker, paragraph, offset });
  }

  /**
   * Record a sentence's subject when it is a person the article names ("Blinken refrained
   * …"): a following "he said" more likely means that person than an earlier speaker.
   */
  noteSubject(mention: Mention): void {
    const last = mention.tokens[mention.tokens.length - 1];
    if (!last) return;
    const { name } = this.split(mention.tokens);
    const surname = name.length > 0 ? strip(name[name.length - 1]!.norm) : '';
    // A person the article names in full, or a listed office holder or actor it names by
    // surname alone ("In a press conference, Trump offered …").
    const known =
      this.index.bySurname.has(surname) ||
      ((ROLES.officesOf.has(surname) || this.actors.byAlias.has(surname)) && personLike(surname));
    if (!known) return;
    this.lastSubject = mention;
  }

  // The body a person heads ("Justin Trudeau's office"), named by the person's full name.
  private bodyOf(owner: number, noun: string): number {
    const person = this.speakers[owner]!;
    const name = `${person.name}'s ${noun}`;
    const key = name.toLowerCase();
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    this.speakers.push({ name, side: person.side, anonymous: false, role: person.name });
    this.isPerson.push(false);
    this.isOneRole.push(false);
    this.byKey.set(key, this.speakers.length - 1);
    return this.speakers.length - 1;
  }

  // "Moon's office" → the tokens of "Moon", when they name a person the article names (not
  // "the president's office", not "the Prime Minister's Office" of a body).
  private officeOwner(words: Token[]): Token[] | null {
    const n = words.length;
    if (n < 2 || words[n - 1]!.norm !== 'office' || isCap(words[n - 1]!)) return null;
    const owner = words[n - 2]!;
    if (!isCap(owner) || !/'s$/.test(owner.norm.replace(/’/g, "'"))) return null;
    const bare = owner.text.replace(/['’]s$/, '');
    const tokens = [...words.slice(0, n - 2), ...tokenize(bare, owner.start)];
    const { name } = this.split(tokens);
    const last = name[name.length - 1];
    if (!last || !personLike(name.map((t) => t.text).join(' '))) return null;
    const key = strip(last.norm);
    // ("Moon" for "Moon Jae-in": a name written family name first, given by its first word.)
    const named =
      this.index.bySurname.has(key) || (name.length === 1 && this.index.byFirst.has(key));
    return named ? tokens : null;
  }

  // The person named in the chain ending just before `offset` (", R-S.C.," follows it).
  private nameJustBefore(offset: number): { name: string; offset: number } | null {
    let best: { name: string; offset: number } | null = null;
    for (const o of this.index.occurrences) {
      if (o.offset >= offset) break;
      best = o;
    }
    return best && offset - best.offset < 60 && personLike(best.name) ? best : null;
  }

  private resolvePronoun(pronoun: string, mention: Mention): number | null {
    const wantPerson =
      pronoun === 'he' || pronoun === 'she' || pronoun === 'him' || pronoun === 'her';
    const subject = this.lastSubject;
    if (wantPerson && subject && mention.paragraph - subject.paragraph <= 1) {
      let lastPerson: number | undefined;
      for (
        let k = this.history.length - 1;
        k >= Math.max(0, this.history.length - 40) && lastPerson === undefined;
        k--
      ) {
        if (this.isPerson[this.history[k]!.speaker]) lastPerson = this.history[k]!.offset;
      }
      if (lastPerson === undefined || lastPerson < subject.tokens[0]!.start)
        return this.resolve(subject);
    }
    for (let k = this.history.length - 1; k >= Math.max(0, this.history.length - 40); k--) {
      const h = this.history[k]!;
      if (mention.paragraph - h.paragraph > 3) break;
      // "…, a foreign ministry spokesman said. He argued …": a singular role is one person
      // too, and a nearer antecedent than a name further back.
      const one = this.isPerson[h.speaker] || (wantPerson && this.isOneRole[h.speaker]);
      if (wantPerson === one) return h.speaker;
    }
    if (!wantPerson) return null;
    // No earlier speaker: the person most recently named before the mention.
    const offset = mention.tokens[0]!.start;
    const occ = this.index.occurrences;
    let lo = 0;
    let hi = occ.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (occ[mid]!.offset < offset) lo = mid + 1;
      else hi = mid;
    }
    // Skip chains that name no person ("the Korean War", "the Oval Office").
    let k = lo - 1;
    while (k >= Math.max(0, lo - 8) && !personLike(occ[k]!.name)) k--;
    const name = k >= 0 && personLike(occ[k]!.name) ? occ[k]!.name : null;
    if (name === null) return null;
    return this.resolveNamed({ ...mention, tokens: tokenize(name, offset), apposition: null });
  }

  private resolveNamed(mention: Mention): number | null {
    let tokens = mention.tokens;
    // "Now the president has chosen …", "Still, officials …": an adverb or conjunction
    // capitalised by its place before a lower-case source is no part of it.
    while (
      tokens.length > 1 &&
      isCap(tokens[0]!) &&
      CLAUSE_ADVERBS.has(tokens[0]!.norm) &&
      startsSource(tokens.slice(1).find((t) => t.isWord))
    )
      tokens = tokens.slice(1).filter((t, n) => n > 0 || t.isWord);
    // "Several of the senators said", "A group of GOP senators wrote", "one of the people
    // said": some members of a group speak for it; the group is the speaker. A group
    // gathered so is what a later "the group" means.
    const partitive = partitiveGroup(tokens);
    if (partitive) {
      const index = this.resolveNamed({ ...mention, tokens: partitive.group });
      if (index !== null && GATHERING_NOUNS.has(partitive.head))
        this.gathered.set(partitive.head, index);
      return index;
    }
    // "The PM had earlier described …": British news style's short form of the title, for
    // the one person the article calls prime minister (not a former one: "former prime
    // minister Sir John Major").
    const pm = tokens.filter((t) => t.isWord);
    if (pm.length === 2 && pm[0]!.norm === 'the' && pm[1]!.text === 'PM') {
      const holder = this.personByHead('the prime minister', pm[0]!.start);
      if (holder !== null) tokens = tokenize(holder, pm[0]!.start);
    }
    // "Blinken himself", "the senior official who": drop what follows the name.
    while (
      tokens.length > 1 &&
      /^(himself|herself|themselves|itself|who|also)$/.test(tokens[tokens.length - 1]!.norm)
    )
      tokens = tokens.slice(0, -1);
    // "Chris Low at FTN Financial", "Edward Alden of the Council on Foreign Relations": the
    // person is the name before the preposition, the rest describes them. "a spokesman for
    // Disney" is a group named by its role: the name after "for" is not the speaker.
    let detail = '';
    let roleOnly = false;
    let bodyName = false;
    const p = tokens.findIndex((t, n) => n > 0 && /^(of|for|at|from|in|with)$/.test(t.norm));
    const lead = /^the$/.test(tokens[0]!.norm) ? 1 : 0;
    // "Secretary of State Rex Tillerson", "Director of National Intelligence Dan Coats": a
    // capitalised office opening with "of" and ending in a full name is a title and a name.
    if (
      p === 1 &&
      tokens[1]!.norm === 'of' &&
      isCap(tokens[0]!) &&
      ROLES.roleNouns.has(tokens[0]!.norm) &&
      !/s$/.test(tokens[0]!.norm) &&
      splitChain(tokens).name.length >= 2
    ) {
      // Keep every token: split() below takes the title and the name apart.
    } else if (
      p > lead &&
      isCap(tokens[p - 1]!) &&
      orgWord(tokens[p - 1]!.norm) &&
      tokens
        .slice(lead, p)
        .every((t) => (isCap(t) && !ROLES.determiners.has(t.norm)) || t.text === '.') &&
      tokens.length > p + 1 &&
      tokens.slice(p + 1).every((t) => isCap(t) || /^(of|for|and|on|the)$/.test(t.norm)) &&
      // (Not a person titled by the body: "California Department of Public Health Director
      // Sonia Angell".)
      (p === lead + 1 || !titledName(tokens))
    ) {
      // "the Centers for Disease Control and Prevention", "the Council on Foreign Relations":
      // an organisation word before of / for opens the body's own name, after its place or
      // owner too ("the Georgia Department of Transportation", "the Chicago Board of
      // Elections", "the U.S. Attorney's Office for the Southern District of New York").
      bodyName = true;
    } else if (p > 0) {
      const before = tokens.slice(0, p);
      const head = before[before.length - 1]!;
      if (splitChain(before).name.length > 0 && isCap(head) && !ROLES.roleNouns.has(head.norm)) {
        detail = tokens
          .slice(p)
          .map((t) => t.text)
          .join(' ');
        tokens = before;
      } else if ((!isCap(head) || before.length === 1) && ROLES.roleNouns.has(head.norm)) {
        // (A capitalised role alone is a sentence's first word: "Negotiators in Vienna".)
        roleOnly = true;
        // "negotiators in Vienna", "Trump's critics at home": where a group is, not who.
        const rest = tokens.slice(p + 1);
        if (/^(in|at)$/.test(tokens[p]!.norm) && (rest.every(isCap) || rest[0]?.norm === 'home'))
          tokens = before;
      }
      // "a worker at the Minnesota facility", "one nurse at Mercy Hospital": someone at a
      // place, named by what they do; the place is not the speaker.
      else if (
        !isCap(head) &&
        tokens[p]!.norm === 'at' &&
        /^(a|an|one|another)$/.test(tokens[0]!.norm) &&
        before.length === 2 &&
        !ROLES.documentNouns.has(head.norm)
      )
        roleOnly = true;
      // "One line in the American summary": a part of the source stands for the source.
      else if (!isCap(head) && tokens.slice(p + 1).some(isCap)) tokens = tokens.slice(p + 1);
    }
    const text = tokens
      .map((t) => t.text)
      .join(' ')
      .replace(/ \./g, '.')
      .replace(/ ’ ?s\b/g, '’s');
    let split = bodyName
      ? { title: [], name: tokens.slice(lead).filter((t) => t.isWord) }
      : this.split(tokens);
    // "US Customs and Border Protection said": the split cuts a listed body's name at its "and".
    const nameAt = split.name[0] === undefined ? -1 : tokens.indexOf(split.name[0]);
    if (
      nameAt > 1 &&
      tokens[nameAt - 1]!.norm === 'and' &&
      insideBodyName(tokens.slice(0, nameAt - 1), tokens.slice(nameAt))
    )
      split = { title: [], name: tokens.slice(lead).filter((t) => t.isWord) };
    // A sentence-initial "Officials" or "Analysts" is capitalised but names a group, as does
    // a quantifier standing alone ("Some were nervous", "Others said"): "she" after it is not it.
    if (
      split.name.length === 1 &&
      (ROLES.roleNouns.has(split.name[0]!.norm) || GROUP_QUANTIFIERS.has(split.name[0]!.norm))
    )
      roleOnly = true;
    const title = roleOnly ? tokens : split.title;
    const name = roleOnly ? [] : split.name;
    const titleText = title.map((t) => t.text).join(' ');
    let actor: Actor | undefined = this.actors.byAlias.get(
      actorKey(text.replace(/^(a|an|the)\s+/i, '')),
    );
    let person = false;
    let canonical: string;
    if (name.length > 0) {
      const last = strip(name[name.length - 1]!.norm);
      const firstWord = strip(name[0]!.norm);
      // (A body's whole name keeps an initial's dot: "the Robert F. Kennedy Center for Justice".)
      const own = bodyName
        ? tokens
            .slice(lead)
            .map((t) => t.text)
            .join(' ')
            .replace(/ \./g, '.')
        : name.map((t) => t.text).join(' ');
      const indexed = this.index.bySurname.get(last);
      // A full name keeps its own given name: "Chelsea Clinton wrote" is not the article's
      // "Bill Clinton", though both are indexed under "clinton".
      const full =
        name.length >= 2
          ? indexed !== undefined &&
            indexed
              .toLowerCase()
              .split(/[\s-]+/)
              .includes(strip(name[0]!.norm))
            ? indexed
            : own
          : (indexed ?? this.index.byFirst.get(last));
      canonical = (bodyName ? own : full) ?? name.map((t) => t.text).join(' ');
      // A transcript label in capitals ("BLINKEN:", "MR. KIM:") names the person in ordinary
      // case, as does a name of two words ("JEB BUSH"); a one-word acronym keeps its capitals
      // ("KCNA", "ACLU", "NAACP"), unless it has five letters or more and the article also
      // writes it in ordinary case ("BLINKEN:" beside "Blinken said").
      if (
        /^[\p{Lu} .'-]{4,}$/u.test(canonical) &&
        (/[ .]/u.test(canonical) ||
          (/\p{Lu}{5}/u.test(canonical) && this.writtenInOrdinaryCase(canonical)))
      )
        canonical = ordinaryCase(canonical);
      // A capitalised name credited with speech is a person unless it names a place or body.
      person = true;
      // "The U.S. accused …", "Israel insisted …": a country or body speaks, not a person
      // ("he" after it is someone else).
      if (
        (ORG_WORDS.has(last) ||
          ORG_WORDS.has(firstWord) ||
          isPlaceWord(last) ||
          isPlaceWord(own)) &&
        !this.index.bySurname.has(last)
      )
        person = false;
      if (bodyName) person = false;
      actor ??= this.actors.byAlias.get(actorKey(canonical)) ?? this.actors.byAlias.get(last);
    } else {
      canonical = text.replace(/^(a|an|the|other)\s+/i, '');
      const lone = tokens.find((t) => t.isWord);
      // "…, president says": a headline drops the article of a lone title, which stays definite.
      const definite =
        /^the\s/i.test(text) ||
        (lone !== undefined &&
          tokens.filter((t) => t.isWord).length === 1 &&
          !isCap(lone) &&
          ROLES.titleWords.has(lone.norm) &&
          this.inHeadline(lone.start));
      const at = mention.tokens[0]!.start;
      // "the two leaders said", "The three men issued", "the trio said": the people the
      // article last named together.
      const together = this.namedTogether(text, at, mention.paragraph);
      if (together !== null) return together;
      let roleMatch =
        this.personByRole(canonical, at) ?? (definite ? this.personByTitle(canonical, at) : null);
      if (!roleMatch) {
        const earlier =
          (definite ? this.gathered.get(canonical.toLowerCase()) : undefined) ??
          this.groupByWords(canonical) ??
          this.describedSpeaker(text, mention) ??
          (definite ? this.companyNamed(canonical, mention.paragraph) : null);
        if (earlier !== null) return earlier;
        // "House conservatives" … "Conservatives have demanded": the group named in full before.
        const fuller =
          this.fullerGroup(canonical, at) ??
          (definite ? this.sourceNamedAfter(canonical, at) : null);
        if (fuller !== null) {
          const known = this.byKey.get(fuller.toLowerCase());
          if (known !== undefined) return known;
          canonical = fuller;
        }
        // "Rep. Chris Collins" … "the congressman": the title's short form, when no one
        // holds the long one and no unnamed "Democratic senator" went before.
        if (definite) roleMatch = this.personByTitle(canonical, at, true);
        roleMatch ??= this.personByHead(text, at);
      }
      if (roleMatch) {
        canonical = roleMatch;
        person = true;
        actor ??= this.actors.byAlias.get(actorKey(roleMatch));
      }
    }
    if (actor) {
      canonical = actor.name;
      person = person || !ORG_WORDS.has(actorKey(actor.name).split(' ').pop() ?? '');
    }
    // "Washington said", "The U.S. denies", "Pyongyang warned": a state speaking by its
    // capital or its bare name is one speaker whatever the outlet's style, named as the
    // state ("US government", "North Korea"). The side stays the one the written name gives.
    // (Not a name the attribution cut short: "Editorial Board, Washington Post".)
    const lastToken = mention.tokens[mention.tokens.length - 1]!;
    const cutShort = /^ \p{Lu}/u.test(this.text.slice(lastToken.end, lastToken.end + 2));
    // (Nor a person's surname: "George Washington said …" … "Washington wrote"; asked only of
    // a state's name, as it reads the text.)
    const state = person || actor || cutShort ? null : stateSpeaker(canonical);
    const stateName = state !== null && !this.surnameOfPerson(canonical) ? state : null;
    const writtenSide = stateName ? sideFromRole(canonical, this.actors.sides) : null;
    if (stateName) canonical = stateName;
    const key = canonical.toLowerCase();
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const descriptions = [
      titleText,
      detail,
      mention.apposition ?? '',
      name.length === 0 ? canonical : '',
      ...(this.index.descriptions.get(key.split(' ').pop() ?? '') ?? []),
    ].filter((d) => d.length > 0);
    const role = actor?.role ?? (descriptions.find((d) => d !== canonical) || null);
    // The name itself may say the side ("Beijing", "the White House"); else the descriptions.
    const named = writtenSide ?? sideFromRole(canonical, this.actors.sides);
    // "Budget Director Mick Mulvaney, a former member of the House Freedom Caucus": the office
    // written before a person's name is the one held now, and a party's office outranks the
    // former posts an apposition lists.
    const titles = person
      ? [titleText, ...(this.index.titles.get(key.split(' ').pop() ?? '') ?? [])].filter(
          (d) => d.length > 0,
        )
      : [];
    // (The titles themselves must name the party's office: a bare "President" is as well
    // another person's of that surname, and "Clinton spokesman" may be a campaign's.)
    const current =
      (titles.length > 0 &&
        !titles.some(isAnalystRole) &&
        partyNamedByRole(titles.join(' ; '), this.actors.sides)) ||
      'other';
    const side: SpeakerSide = actor
      ? actor.side
      : named !== 'other'
        ? named
        : current !== 'other'
          ? current
          : sideFromRole(
              descriptions.join(' ; ') || canonical,
              this.actors.sides,
              person ? canonical : undefined,
            );
    const speaker: Speaker = {
      name: canonical,
      side,
      anonymous: !person && name.length === 0,
      role,
    };
    this.speakers.push(speaker);
    this.isPerson.push(person);
    const head = contentWords(canonical).pop() ?? '';
    this.isOneRole.push(
      !person &&
        ROLES.roleNouns.has(head) &&
        !/s$/.test(head) &&
        !ORG_WORDS.has(head) &&
        !COLLECTIVE_ROLES.has(head),
    );
    this.byKey.set(key, this.speakers.length - 1);
    return this.speakers.length - 1;
  }

  // A chain's title and name; a last word that also names a body ("Fox", "Post") is the
  // surname of a person the article named in full ("President Vicente Fox").
  private split(chain: Token[]): { title: Token[]; name: Token[] } {
    // "So Trump got a deal": the opener is capitalised by its place, not part of the name.
    const tokens = chain.slice(openersBefore(chain));
    const split = splitChain(tokens);
    const last = tokens[tokens.length - 1];
    // "the Daily Beast", "Media Matters": an organisation word and one more capitalised word
    // are the body's name, not a title before a surname (unless the article names a person
    // so: "Pentagon spokesman John Kirby" … "Pentagon Kirby").
    const [head, only] = [split.title[0], split.name[0]];
    if (
      split.title.length === 1 &&
      split.name.length === 1 &&
      head &&
      only &&
      isCap(head) &&
      ORG_WORDS.has(strip(head.norm)) &&
      !ROLES.titleWords.has(strip(head.norm)) &&
      !this.index.bySurname.has(strip(only.norm)) &&
      !ROLES.officesOf.has(strip(only.norm)) &&
      !this.actors.byAlias.has(strip(only.norm))
    )
      return { title: [], name: [head, only] };
    if (split.name.length > 0 || !last || !isCap(last)) return split;
    return this.index.bySurname.has(strip(last.norm))
      ? { title: tokens.slice(0, -1), name: [last] }
      : split;
  }

  /**
   * Whether a word in capitals is a person's name shouted: the article also writes it in
   * ordinary case ("Blinken"), puts it before a colon as a transcript label ("INSKEEP:") or
   * in a line shouted in capitals ("FAUCI PREDICTS …").
   */
  private writtenInOrdinaryCase(word: string): boolean {
    return (
      new RegExp(`(?<!\\p{L})${ordinaryCase(word)}(?!\\p{L})`, 'u').test(this.text) ||
      new RegExp(`(?<!\\p{L})${word}(?: ?:| \\p{Lu}{3,}\\b)`, 'u').test(this.text)
    );
  }

  /**
   * "the North Korean leader said", "the four-term congressman said": a definite description
   * by an office the article never gave anyone is news style for the person just quoted,
   * the nearest person speaker (same or previous paragraph), unless the description's
   * country puts it on another side ("the Chinese foreign minister" is not Blinken).
   */
  private describedSpeaker(text: string, mention: Mention): number | null {
    const words = contentWords(text);
    const head = words[words.length - 1];
    if (!/^the\s/i.test(text) || words.length < 2 || !head || !OFFICE_HEADS.has(head)) return null;
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k]!;
      if (mention.paragraph - h.paragraph > 1) break;
      if (!this.isPerson[h.speaker]) continue;
      const side = sideFromRole(text, this.actors.sides);
      const speaker = this.speakers[h.speaker]!;
      // (A party word is no country: "the California Republican" is the Republican just named.)
      const place = text.replace(/\b(republican|democrat)\b/gi, '');
      return namesCountry(place) && side !== speaker.side ? null : h.speaker;
    }
    return null;
  }

  /**
   * "the lead negotiator", "Trump's special envoy for Afghanistan", "a Commerce Ministry
   * spokesman": a description by a role one named person holds resolves to the one person
   * the article gives a description with the same role head ("envoy Zalmay Khalilzad",
   * "Gao Feng, a spokesman"), before or after, whose side does not contradict the
   * description's country or government. An indefinite one ("a spokesman said") introduces
   * someone not yet named, so a person named before it is not it. Two or more such people:
   * none.
   */
  private personByHead(text: string, offset: number): string | null {
    const indefinite = /^(a|an)\s/i.test(text);
    const possessive = /^\p{Lu}[\p{L}. -]*['’]s\s/u.test(text);
    if (!indefinite && !possessive && !/^the\s/i.test(text)) return null;
    const family = ROLE_FAMILIES.get(roleHead(text));
    if (!family) return null;
    const want = sideFromRole(text, this.actors.sides);
    const country = namesCountry(text);
    // The description's other words ("Kremlin", "State Department", "of Saudi Arabia"); a
    // bare "a spokeswoman" tells too little to be anyone the article names.
    const head = roleHead(text);
    const modifiers = contentWords(text)
      .map(ownerless)
      .filter((w) => w !== head);
    if (indefinite && modifiers.length === 0) return null;
    const matches = new Map<string, string>();
    for (const [surname, list] of this.index.descriptions) {
      const full = this.index.bySurname.get(surname);
      // (Not a deputy's or a former holder's description: "deputy director" is not "IAVA's
      // director".)
      const held = list.filter(
        (d) =>
          ROLE_FAMILIES.get(roleHead(d)) === family &&
          (!LESSER_ROLE.test(d.toLowerCase()) || LESSER_ROLE.test(text.toLowerCase())),
      );
      if (!full || held.length === 0) continue;
      const side = sideFromRole(list.join(' ; '), this.actors.sides, full);
      if ((want !== 'other' || country) && side !== want) continue;
      // Every other word of the description is one the article gives this person too (a
      // country word may differ in form when the sides agree: "Chinese", "China's"), so that
      // "the first-term Texas senator" is not another senator, nor "France's finance
      // minister" a Canadian one.
      const have = new Set([...list, full].flatMap(contentWords).map(ownerless));
      const fits = (w: string) =>
        have.has(w) || (isCountryWord(w) && want !== 'other' && side === want);
      if (!modifiers.every(fits)) continue;
      matches.set(full.toLowerCase(), full);
    }
    if (matches.size !== 1) return null;
    const [full] = [...matches.values()];
    const surname = strip(full!.toLowerCase().split(' ').pop() ?? '');
    // (A photo caption put before the story names no one the story has introduced: "FILE -
    // In this 2018 file photo, … spokesman Gao Feng listens …" before "a Chinese spokesman said".)
    const namedBefore = this.index.occurrences.some(
      (o) =>
        o.offset < offset &&
        strip(o.name.toLowerCase().split(' ').pop() ?? '') === surname &&
        !this.inPhotoCaption(o.offset),
    );
    return indefinite && namedBefore ? null : full!;
  }

  /**
   * Whether the article names a person with this one word as the surname: a person speaker
   * ("George Washington said") or, inside a sentence, a capitalised given name or an initial
   * before it ("… George Washington is said to have …", "Booker T. Washington"), not a
   * place's or a title's word ("Official Washington", "in Western Washington").
   */
  private surnameOfPerson(name: string): boolean {
    if (!/^\p{Lu}\p{Ll}+$/u.test(name)) return false;
    // A speaker so named: "George Washington said" (taken for a place's name, no person).
    const spoke = this.speakers.some((s) => {
      const m = new RegExp(
        `^(?:\\p{Lu}[\\p{L}.'’-]* )*(\\p{Lu}\\p{Ll}+|\\p{Lu}\\.) ${name}$`,
        'u',
      ).exec(s.name);
      return m !== null && givenWord(m[1]!);
    });
    if (spoke) return true;
    const known = this.givenNameBefore.get(name);
    if (known !== undefined) return known;
    const found = this.givenNameIn(name);
    this.givenNameBefore.set(name, found);
    return found;
  }

  private readonly givenNameBefore = new Map<string, boolean>();

  private givenNameIn(name: string): boolean {
    const before = new RegExp(
      `(?<![\\p{L}.])(\\p{Lu}\\p{Ll}+|\\p{Lu}\\.) ${name}(?![\\p{L}])`,
      'gu',
    );
    for (const m of this.text.matchAll(before)) {
      // A capitalised word opening a sentence or a line may be any word ("But Washington
      // said"); an initial may not ("Booker T. Washington").
      const last = this.text
        .slice(0, m.index)
        .replace(/[ \t]+$/, '')
        .slice(-1);
      const opens = last === '' || /[\n.!?:"“”'‘’(\[–—-]/.test(last);
      if (m[1]!.endsWith('.') || (!opens && givenWord(m[1]!))) return true;
    }
    return false;
  }

  /** Whether `offset` lies in the article's first line, its headline. */
  private inHeadline(offset: number): boolean {
    const end = this.text.indexOf('\n');
    return end === -1 || offset < end;
  }

  /** Whether the line holding `offset` is a photo caption ("FILE - In this …", "… (AP Photo/…)"). */
  private inPhotoCaption(offset: number): boolean {
    const start = this.text.lastIndexOf('\n', offset - 1) + 1;
    const endAt = this.text.indexOf('\n', offset);
    const line = this.text.slice(start, endAt === -1 ? this.text.length : endAt);
    return (
      /^FILE\s[-–—]\s/.test(line) || /\((?:AP|AFP|Reuters|Getty)?\s?Photo\b[^)]*\)\s*$/.test(line)
    );
  }

  // "the U.S. Secretary of Defense" → the person the article gave that title to.
  // The role's head must be the description's too ("Paul's staff" is not "Paul's deputy
  // chief of staff", nor "the Justice Department" its spokeswoman), unless the words are
  // part of the person's own apposition, in the same sentence just after the name
  // ("Stephen Yale-Loehr, a professor of immigration law at Cornell University said").
  private personByRole(role: string, offset: number): string | null {
    const words = contentWords(role);
    if (words.length === 0 || /s$/.test(words[words.length - 1]!)) return null;
    for (const [surname, list] of this.index.descriptions) {
      for (const d of list) {
        const have = new Set(contentWords(d));
        const shared = words.filter((w) => have.has(w)).length;
        if (
          shared >= 2 &&
          shared / words.length >= 0.75 &&
          (sameHead(role, d) || this.inAppositionOf(surname, offset))
        )
          return this.index.bySurname.get(surname) ?? null;
      }
    }
    return null;
  }

  // Whether `offset` lies in an apposition after a mention of the person by that surname:
  // within 200 characters of it, after a comma, with no sentence end or quotation between.
  private inAppositionOf(surname: string, offset: number): boolean {
    return this.index.occurrences.some((o) => {
      if (o.offset >= offset || offset - o.offset > 200) return false;
      if (strip(o.name.toLowerCase().split(' ').pop() ?? '') !== surname) return false;
      const between = this.text.slice(o.offset, offset);
      // (A dot after an initial or a title is no sentence end: "Col. Timothy P. Alben,".)
      return between.includes(',') && !/\p{Ll}{2}[.!?]\s|[;\n“”"]/u.test(between);
    });
  }

  // "the president", "the secretary": the nearest person before the mention whom the
  // article gives that title (not "vice president", not a foreign one: in English-language
  // news an unqualified "the president" is not Iran's), else a listed holder of an office
  // with that title whom the article names ("Mr. Obama" … "the president").
  private personByTitle(role: string, offset: number, short = false): string | null {
    const words = contentWords(role);
    const title = words[0];
    if (words.length !== 1 || !title || !ROLES.titleWords.has(title)) return null;
    // "Rep. Chris Collins" … "the congressman": a title's short and long forms are one title.
    const forms = (short && TITLE_FORMS.get(title)) || title;
    const titled = new RegExp(
      `(^|[^a-z-])(?<!(vice|deputy|assistant|under|former) )(${forms})(?![a-z0-9_])`,
    );
    const otherSex = OTHER_SEX.get(title);
    const person = (name: string, title = '') => {
      const surname = strip(name.toLowerCase().split(' ').pop() ?? '');
      const full = this.index.bySurname.get(surname) ?? name;
      const descriptions = this.index.descriptions.get(surname) ?? [];
      return { full, descriptions: title ? [title, ...descriptions] : descriptions };
    };
    // ("Rep. Peter King of New York": a chain after "of" is a place, though its title is one.)
    const own = nearest(this.index.occurrences, offset)
      .filter((o) => !/\bof$/i.test(o.title ?? ''))
      .map((o) => person(o.name, o.title));
    // An unqualified "the president" is the one the article titles without a foreign
    // country ("President Donald Trump", "U.S. President"), not "Chinese President Xi", who
    // would be "the Chinese president".
    const titledHere = own.filter(
      (p) =>
        p.descriptions.some((d) => titled.test(d.toLowerCase())) &&
        !p.descriptions.some((d) => otherSex?.test(d.toLowerCase())) &&
        p.descriptions.every((d) => homeTitle(d, this.actors.sides)),
    );
    // Two such people ("President Trump" … "President Moon"): the one already speaking in
    // the article is the one the writer means.
    const chosen = titledHere.find((p) => this.byKey.has(p.full.toLowerCase())) ?? titledHere[0];
    if (chosen) return chosen.full;
    // Else a listed holder of such an office whom the article names without a title of its
    // own: "Vice President Joe Biden" is not "the president" in 2015, though he was later.
    const listed = nearest([...this.index.officeHolders, ...this.index.occurrences], offset)
      .map((o) => person(o.name))
      .find(
        (p) =>
          !p.descriptions.some(
            (d) =>
              sideFromRole(d, this.actors.sides) !== 'other' ||
              ROLES.titleWords.has(contentWords(d).pop() ?? ''),
          ) &&
          (
            ROLES.officesOf.get(p.full.toLowerCase()) ??
            ROLES.officesOf.get(strip(p.full.toLowerCase())) ??
            []
          ).some((o) => titled.test(o.toLowerCase())),
      );
    return listed?.full ?? null;
  }

  /**
   * A bare plural group noun ("Conservatives", "the advocates") named in full earlier in the
   * article, by capitalised words before the same noun ("angered House conservatives", "GOP
   * senators") or by the noun's adjective before a party ("Moderates" after "moderate
   * Democrats"): the last such mention before `at`, as groupByWords finds a group among the
   * speakers. Null when the article names none.
   */
  private fullerGroup(role: string, at: number): string | null {
    const words = contentWords(role);
    if (words.length !== 1) return null;
    const noun = words[0]!;
    // (People, not "polls" or "studies": a poll named by its state is that state's only.)
    if (
      !ROLES.roleNouns.has(noun) ||
      !/[^s]s$/.test(noun) ||
      COLLECTIVE_ROLES.has(noun) ||
      ROLES.documentNouns.has(noun) ||
      ROLES.documentNouns.has(noun.slice(0, -1))
    )
      return null;
    let best: { offset: number; name: string } | null = null;
    for (const found of this.groupMentions(noun)) {
      if (found.end > at) continue;
      if (!best || found.offset > best.offset) best = found;
    }
    return best?.name ?? null;
  }

  /** Every fuller mention of a plural group noun in the article, found once per noun. */
  private readonly groupMentionsOf = new Map<string, GroupMention[]>();

  private groupMentions(noun: string): GroupMention[] {
    const known = this.groupMentionsOf.get(noun);
    if (known !== undefined) return known;
    const found: GroupMention[] = [];
    const text = this.text;
    // Capitalised words before the noun ("angered House conservatives"): the noun is
    // searched for as a word after a space or tab, and its one to three capitalised words
    // read back from there (the pattern ends at the noun: the leftmost such run).
    for (let at = text.indexOf(noun); at !== -1; at = text.indexOf(noun, at + 1)) {
      if (
        !isSpaceOrTab(text.charCodeAt(at - 1)) ||
        isAsciiWordChar(text.charCodeAt(at + noun.length))
      )
        continue;
      const from = threeWordsBack(text, at);
      const m = CAPITALISED_RUN.exec(text.slice(from, at));
      if (m === null) continue;
      const offset = from + m.index;
      // Inside a sentence, after a lower-case word that is no preposition or a comma (not
      // a colon, which may open a sentence: "Consider this: Police officers …"):
      // "angered House conservatives", not "Syria. The advocates" nor "with Russian
      // officials" (whom, not who).
      const lead = /((?<![\p{L}.’'-])\p{Ll}+|,)[ \t]+$/u.exec(
        text.slice(Math.max(0, offset - 30), offset),
      );
      if (!lead || GROUP_LEAD_STOP.test(lead[1]!)) continue;
      const mods = m[0].trim().split(/[ \t]+/);
      if (mods.some((w) => GROUP_MODIFIER_STOP.test(w))) continue;
      found.push({ offset, end: at + noun.length, name: `${mods.join(' ')} ${noun}` });
    }
    // Its adjective before a party: "moderate Democrats" for "moderates".
    for (const m of text.matchAll(partyForm(noun)))
      found.push({ offset: m.index!, end: m.index! + m[0].length, name: `${m[1]} ${m[2]}` });
    this.groupMentionsOf.set(noun, found);
    return found;
  }

  /**
   * "the source said" … "The source close to the White House added": an anonymous source the
   * article first calls by its role alone and places a little later; the place is its name.
   * Only when no source of that role went before (groupByWords found none), and within the
   * next 1,500 characters.
   */
  private sourceNamedAfter(role: string, at: number): string | null {
    const words = contentWords(role);
    if (words.length !== 1 || !ANONYMOUS_SOURCE_NOUNS.has(words[0]!)) return null;
    const after = this.text.slice(at + role.length, at + role.length + 1500);
    // A capitalised word or an initialism ("U.S."), never a word with a sentence's dot.
    const cap = "(?:\\p{Lu}\\.(?:\\p{Lu}\\.)+|\\p{Lu}[\\p{L}’'-]*)";
    const m = new RegExp(
      `(?<!\\p{L})(?:[Tt]he|[Aa]|[Oo]ne) (${words[0]} (?:close to|familiar with|briefed on|with knowledge of) (?:the )?(?:${cap}(?: ${cap})*|\\p{Ll}+))`,
      'u',
    ).exec(after);
    return m ? m[1]! : null;
  }

  // "the senior official" → the earlier "senior State Department official".
  // A lone role noun ("the official said") is the last group named by that noun ("a senior
  // administration official"): news style shortens a source after the first mention.
  private groupByWords(role: string): number | null {
    const words = contentWords(role);
    if (words.length === 0) return null;
    const single = words.length === 1 && ROLES.roleNouns.has(words[0]!);
    // "The Boston Globe reported …" … "the newspaper also said": a word for a news outlet is
    // the outlet last credited.
    const outlet = words.length === 1 && NEWS_OUTLET_NOUNS.has(words[0]!);
    if (words.length < 2 && !single && !outlet) return null;
    for (let k = this.speakers.length - 1; k >= 0; k--) {
      const name = this.speakers[k]!.name;
      if (outlet) {
        const parts = name.split(/\s+/);
        const word = strip((parts[parts.length - 1] ?? '').toLowerCase());
        // (An outlet's own name, every word capitalised: not "polls from The Washington Post".)
        // (A newspaper for "the newspaper", a broadcaster for "the network": not "The New
        // York Times" for "the network", nor "Fox News" or "The Associated Press" for "the paper".)
        const kind = OUTLET_KINDS.get(words[0]!);
        if (
          tokenize(name, 0).every((t) => !t.isWord || isCap(t)) &&
          (ROLES.mediaWords.has(word) || ROLES.newspaperNames.has(word)) &&
          (!kind || parts.some((p) => kind.has(strip(p.toLowerCase()))))
        )
          return k;
        continue;
      }
      if (this.isPerson[k]) continue;
      const have = contentWords(name);
      if (
        single
          ? (have.length > 1 && have[have.length - 1] === words[0]) ||
            headBeforeModifier(name) === words[0]
          : words.every((w) => have.includes(w))
      )
        return k;
    }
    return null;
  }
}

/**
 * Role heads that name one person the article may also name, by family ("spokesman" and
 * "spokesperson" are one role); not the roles of sources kept anonymous ("official", "aide",
 * "diplomat", "source"), whom a named holder of the role is not.
 */
const ROLE_FAMILIES = new Map<string, string>([
  ...['spokesman', 'spokeswoman', 'spokesperson'].map((w) => [w, 'spokesperson'] as const),
  ...['adviser', 'advisor'].map((w) => [w, 'adviser'] as const),
  ...'envoy negotiator minister senator secretary ambassador chairman chairwoman director governor mayor congressman congresswoman leader president premier chancellor commissioner'
    .split(' ')
    .map((w) => [w, w] as const),
]);

/** Words that make a role another's deputy or a past one. */
const LESSER_ROLE = /(?<![a-z])(?:vice|deputy|assistant|under|acting|former|ex-)(?![a-z])/;

/** Conjunctions and sentence adverbs that open a clause before its subject ("Now the
 *  president …", "But the campaign …"); not "Only", "Not", "Last", which belong to it. */
const CLAUSE_ADVERBS = new Set(
  'but and so yet or now then still also however meanwhile instead indeed nonetheless nevertheless furthermore moreover while today yesterday'.split(
    ' ',
  ),
);

// A lower-case word that can open a source: a determiner or a role noun ("the president",
// "several states", "lawmakers"), not "of" in "Instead of …".
function startsSource(t: Token | undefined): boolean {
  return !!t && !isCap(t) && (ROLES.determiners.has(t.norm) || ROLES.roleNouns.has(t.norm));
}

/** The forms of a title a lone "the congressman" or "the senator" repeats. */
const TITLE_FORMS = new Map([
  ['congressman', 'congressman|rep\\.?|representative'],
  ['congresswoman', 'congresswoman|rep\\.?|representative'],
  ['senator', 'senator|sen\\.?'],
  ['governor', 'governor|gov\\.?'],
]);

/** The title of the other sex, which a person titled so cannot hold ("Congressman Dan
 *  Mercer" is not "the congresswoman"). */
const OTHER_SEX = new Map([
  ['congressman', /\bcongresswoman\b/],
  ['congresswoman', /\bcongressman\b/],
]);

/** Words before a group that make it an object of a preposition ("talks with Russian
 *  officials"), which a later bare "officials" does not repeat, or one of two groups joined
 *  ("Democratic and Republican strategists"). */
/** A group named in full ("House conservatives"): where, where it ends, and the name. */
interface GroupMention {
  offset: number;
  end: number;
  name: string;
}

// One to three capitalised words or initialisms ("U.S."), each followed by spaces or tabs,
// ending where the searched text ends.
const CAPITALISED_RUN = /(?:(?:\p{Lu}\.(?:\p{Lu}\.)+|\p{Lu}[\p{L}’'-]*)[ \t]+){1,3}$/u;

const isSpaceOrTab = (code: number): boolean => code === 32 || code === 9;

/** A character `\b` counts as a word's (ASCII letters, digits and "_", as in a /u pattern). */
const isAsciiWordChar = (code: number): boolean =>
  (code >= 48 && code <= 57) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  code === 95;

/** Where the three space- or tab-separated words before `at` begin (a line break stops). */
function threeWordsBack(text: string, at: number): number {
  let from = at;
  for (let k = 0; k < 3; k++) {
    while (from > 0 && isSpaceOrTab(text.charCodeAt(from - 1))) from--;
    while (from > 0) {
      const c = text.charCodeAt(from - 1);
      if (isSpaceOrTab(c) || c === 10 || c === 13) break;
      from--;
    }
  }
  return from;
}

const partyFormOf = new Map<string, RegExp>();

/** "moderate Democrats" for "moderates": the noun's adjective before a party, compiled once per noun. */
function partyForm(noun: string): RegExp {
  let form = partyFormOf.get(noun);
  if (form === undefined) {
    form = new RegExp(
      `(?<!\\p{L})(${noun.slice(0, -1)})[ \\t]+(Democrats|Republicans|lawmakers)\\b`,
      'gu',
    );
    partyFormOf.set(noun, form);
  }
  return form;
}

const GROUP_LEAD_STOP =
  /^(?:and|or|nor|with|to|of|for|against|by|from|among|between|on|at|about|than|like|toward|towards|into|over|under|before|after)$/;

/** Capitalised words before a group noun that say no group: a sentence's opener or a date. */
const GROUP_MODIFIER_STOP =
  /^(?:the|a|an|but|and|or|so|also|some|many|most|other|these|those|all|both|several|few|his|her|their|its|our|my|your|when|while|if|as|then|now|even|only|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/** Singular roles of sources kept anonymous, placed by what they are close to or know. */
const ANONYMOUS_SOURCE_NOUNS = new Set(['source', 'official', 'aide']);

/** Nouns for a news outlet that stand for the outlet the article last credited. */
const NEWS_OUTLET_NOUNS = new Set(['newspaper', 'paper', 'network', 'broadcaster', 'outlet']);

/** The kind of outlet each noun stands for ("outlet": any). */
const OUTLET_KINDS = new Map([
  ['newspaper', ROLES.printWords],
  ['paper', ROLES.printWords],
  ['network', ROLES.broadcastWords],
  ['broadcaster', ROLES.broadcastWords],
]);

// "spokesperson for Kerry", "source close to the White House", "official familiar with the
// talks": the role noun a post-modifier follows, which a later "the spokesperson" repeats.
function headBeforeModifier(name: string): string | null {
  const words = name.toLowerCase().split(/\s+/);
  const at = words.findIndex((w) =>
    /^(for|of|at|from|with|close|familiar|in|inside|within|on|who|to)$/.test(w),
  );
  return at > 0 ? (strip(words[at - 1]!) ?? null) : null;
}

/** Words counting or gathering members of a group named after "of" ("several of the
 *  senators", "a handful of Republicans", "a group of GOP senators"). */
const PARTITIVE_HEADS = new Set(
  'some many most several few both all each one two three four five six handful number group majority minority couple bunch host'.split(
    ' ',
  ),
);
/** Nouns for a gathering of people, which a later "the group" repeats. */
const GATHERING_NOUNS = new Set(['group', 'coalition', 'bunch', 'handful']);
/** Words before the group's noun that only count or point ("the", "his", "66", "same"). */
const GROUP_POINTERS = new Set(
  'the these those his her their its our this that same other two three four five six seven eight nine ten twelve dozen'.split(
    ' ',
  ),
);

/**
 * "Several of the senators" → "senators", "A bipartisan group of 66 senators" → "senators",
 * "some of Ryan's close friends" → "Ryan's close friends": the group some of whose members
 * speak, named by its plural noun (a later step finds its fuller name, "Republican
 * senators"), with the word that counts or gathers them. Null when the words are no such
 * phrase: no plural noun after "of" ("one of the reasons", "most of his campaign", "many
 * of them", "one of the first things Tarra Simmons"), a document ("most of the polls"), "the
 * number of people" (a count, not a group).
 */
function partitiveGroup(tokens: Token[]): { group: Token[]; head: string } | null {
  const of = tokens.findIndex((t) => t.norm === 'of');
  if (of < 1 || of > 3 || !PARTITIVE_HEADS.has(tokens[of - 1]!.norm)) return null;
  const head = tokens[of - 1]!.norm;
  // Before the quantity only an article or a lower-case adjective ("a bipartisan group").
  const before = tokens.slice(0, of - 1);
  if (before.some((t, n) => !t.isWord || (isCap(t) && !(n === 0 && ROLES.determiners.has(t.norm)))))
    return null;
  if (head === 'number' && !/^(a|any)$/.test(before[before.length - 1]?.norm ?? '')) return null;
  let start = of + 1;
  while (
    start < tokens.length - 1 &&
    (GROUP_POINTERS.has(tokens[start]!.norm) || /^\d+$/.test(tokens[start]!.norm))
  )
    start++;
  let group = tokens.slice(start);
  // The group's noun ends the phrase or comes before its own post-modifier: one saying what
  // it is part of or where it comes from stays ("members of the Egyptian Parliament",
  // "Democrats from the Problem Solvers Caucus"), one saying where it was goes ("a group of
  // protesters in Pelosi's office" are protesters, not the office).
  const end = group.findIndex((t, n) => n > 0 && /^(of|for|at|from|in|with)$/.test(t.norm));
  if (end > 0 && !/^(of|from)$/.test(group[end]!.norm)) group = group.slice(0, end);
  const noun = group[(end < 0 ? group.length : end) - 1];
  if (!noun || !noun.isWord || group.some((t) => t.text === ',')) return null;
  const plural = /[^s']s$/.test(noun.norm) || noun.norm === 'people';
  // A document in the plural as in the singular ("one of the reports", "some of the tweets").
  const singular = noun.norm.replace(/ies$/, 'y').replace(/s$/, '');
  if (
    !plural ||
    noun.norm === 'us' ||
    ROLES.documentNouns.has(noun.norm) ||
    ROLES.documentNouns.has(singular)
  )
    return null;
  // A capitalised plural is a group ("House Democrats") unless lower-case words come before
  // it: then it is a name ("the first things Tarra Simmons").
  const lower = group.findIndex((t) => t.isWord && !isCap(t));
  if (isCap(noun) && lower >= 0 && lower < group.indexOf(noun)) return null;
  // A capitalised plural that is no group noun names a family or a band ("Both of the
  // Clintons", "One of the Beatles"), not a group.
  if (isCap(noun) && !ROLES.roleNouns.has(noun.norm)) return null;
  return { group, head };
}

// A chain ending in a capitalised word and a name of two words, none an organisation's or
// a place's ("… Director Sonia Angell", "… Special Counsel Robert Mueller"), not a body's
// last words after "of" ("… Department of Public Health", "… Second Circuit").
function titledName(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.isWord);
  const [role, given, last] = words.slice(-3);
  return (
    !!role &&
    !!given &&
    !!last &&
    isCap(role) &&
    isCap(given) &&
    !orgWord(role.norm) &&
    personLike(`${given.text} ${last.text}`)
  );
}

// An organisation word, singular or plural ("Center", "Centers", "Council").
function orgWord(norm: string): boolean {
  const w = strip(norm);
  return ORG_WORDS.has(w) || (w.endsWith('s') && ORG_WORDS.has(w.slice(0, -1)));
}

// A capitalised chain that can be a person's name: no organisation word, country or
// nationality in it.
function personLike(name: string): boolean {
  const words = name.toLowerCase().split(/\s+/).map(strip);
  return !words.some((w) => ORG_WORDS.has(w) || isPlaceWord(w));
}

// Occurrences ordered by distance from `offset`: back from it first, then forward.
function nearest<T extends { offset: number }>(list: T[], offset: number): T[] {
  const sorted = [...list].sort((a, b) => a.offset - b.offset);
  const before = sorted.filter((o) => o.offset < offset).reverse();
  return [...before, ...sorted.filter((o) => o.offset >= offset)];
}

// A government title with no country, or the United States' own (the outlets Parallax
// reads are mostly American: "U.S. President Barack Obama" is "the president").
function homeTitle(description: string, rules: SideRules): boolean {
  const side = sideFromRole(description, rules);
  return side === 'us_gov' || !namesCountry(description);
}

/** "BLINKEN" → "Blinken", "MR. KIM" → "Mr. Kim". */
function ordinaryCase(name: string): string {
  return name.toLowerCase().replace(/(^|[ .'-])\p{Ll}/gu, (c) => c.toUpperCase());
}

/**
 * Whether a description holds a role's head noun as its own head: before any post-modifier
 * and not as a modifier of another role noun ("Paul's staff" is not "Paul's deputy chief of
 * staff", nor "Biden's campaign" "Biden's deputy campaign manager"; "the U.S. chief
 * negotiator told the Times" is "the chief negotiator").
 */
function sameHead(role: string, description: string): boolean {
  const head = roleHead(role);
  const core = description
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/\s(?:of|for|to|at|in|on|with|from|who|whom|whose|that|which)\s/)[0]!
    .split(/[^\p{L}.'-]+/u)
    .map(strip);
  const at = core.indexOf(head);
  return at >= 0 && !ROLES.roleNouns.has(core[at + 1] ?? '');
}

/** A word without its possessive ending ("france's" → "france"). */
function ownerless(word: string): string {
  return word.replace(/'s$/, '');
}

function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/[^a-z.'-]+/)
    .filter((w) => w.length > 1 && !/^(the|a|an|of|for|and|to|at|in|on|'s)$/.test(w));
}

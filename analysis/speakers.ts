// Speaker resolution: turns the words that name a source ("Campbell", "Mr. Campbell",
// "a senior State Department official", "he") into one Speaker per person or group in the
// article, with a side. Names resolve within the article (the most complete form the
// article gives wins), then through the actors file when one is loaded; sides come from
// the actors file or, without it, from titles and affiliations the article itself gives.
// It deliberately does not find attributions (voices.ts) or quotation marks (quotes.ts).

import { actorKey, type Actor, type Actors } from './actors.js';
import type { Speaker, SpeakerSide } from './pipeline.js';
import { tokenize } from './tokens.js';
import type { Token } from './types.js';

/** The words naming a source, as found by the attribution rules. */
export interface Mention {
  tokens: Token[];
  /** Apposition or description after the name (", a fellow at Brookings,"), if any. */
  apposition: string | null;
  paragraph: number;
}

// Capitalised words that are titles or descriptors, not parts of a person's name.
const TITLE_WORDS = new Set(
  (
    'mr mrs ms dr prof president vice secretary minister foreign defense defence state assistant ' +
    'deputy under ambassador senator sen rep gov governor general gen admiral adm director leader ' +
    'premier chairman chairwoman chair national security adviser advisor commerce trade ' +
    'representative spokesperson spokesman spokeswoman counselor special envoy coordinator chief ' +
    'former top senior acting the u.s. us american chinese china beijing washington party ' +
    'communist chief executive professor commander lieutenant colonel captain judge justice ' +
    'speaker leader attorney officer official press first lady sir lord prime king queen prince ' +
    'house senate congressman congresswoman democrat democratic republican gop indo-pacific ' +
    'affairs east asian pacific central commission office military staff joint marine navy army ' +
    'air force homeland intelligence treasury energy justice council cabinet ministry department ' +
    'a an this that his her its their our my sunday monday tuesday wednesday thursday friday saturday'
  ).split(' '),
);

// Words that make a capitalised chain an organisation or place rather than a person.
const ORG_WORDS = new Set(
  (
    'department ministry house pentagon post times journal agency institute institution university ' +
    'college command council committee party administration government congress senate bureau ' +
    'office commission bank reserve daily news network press tribune guardian herald gazette ' +
    'xinhua cctv reuters ap afp bloomberg politico cnn nbc abc cbs fox msnbc states kingdom union ' +
    'nations organization organisation foundation center centre group corporation company inc ' +
    'embassy consulate court fbi cia nsa sea strait island islands province city county republic ' +
    'china beijing washington america taiwan russia japan europe india korea cuba ukraine moscow ' +
    'tokyo brookings wikileaks board survey book report beige'
  ).split(' '),
);

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'who', 'him', 'her', 'them']);

interface ArticleIndex {
  /** Person full names (2+ words) found in the article, by lower-cased surname and by first word. */
  bySurname: Map<string, string>;
  byFirst: Map<string, string>;
  /** Title and apposition descriptions seen next to each full name, for sides. */
  descriptions: Map<string, string[]>;
  /** Person-name occurrences in reading order, for "he"/"she" with no earlier speaker. */
  occurrences: { offset: number; name: string }[];
}

// Capitalised word; a char-code test first, because this runs on every token.
const isCap = (t: Token): boolean => {
  if (!t.isWord) return false;
  const c = t.text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const first = t.text[0]!;
  return first !== first.toLowerCase();
};
const strip = (norm: string): string => norm.replace(/'s$/, '').replace(/\.$/, '');

/** Split a capitalised chain into its descriptor (titles) and the trailing name words. */
function splitChain(chain: Token[]): { title: Token[]; name: Token[] } {
  let cut = chain.length;
  while (cut > 0) {
    const t = chain[cut - 1]!;
    const n = strip(t.norm);
    if (!t.isWord && t.text !== '.') break;
    if (t.isWord && (TITLE_WORDS.has(n) || ORG_WORDS.has(n) || !isCap(t) || t.norm.endsWith("'s")))
      break;
    cut--;
  }
  const name = chain.slice(cut).filter((t) => t.isWord);
  return { title: chain.slice(0, cut), name };
}

function buildIndex(text: string, tokens: Token[]): ArticleIndex {
  const index: ArticleIndex = {
    bySurname: new Map(),
    byFirst: new Map(),
    descriptions: new Map(),
    occurrences: [],
  };
  let i = 0;
  while (i < tokens.length) {
    if (!isCap(tokens[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    // A chain: capitalised words, initials' dots, and of/for/and between capitalised words.
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (isCap(t)) j++;
      else if (t.text === '.' && tokens[j - 1]!.text.length <= 3 && isCap(tokens[j - 1]!)) j++;
      // "of"/"for" join title words ("Secretary of State"); "and" only joins title or
      // organisation words ("East Asian and Pacific Affairs"), never two people.
      else if (
        /^(of|for|and)$/.test(t.norm) &&
        tokens[j + 1] &&
        isCap(tokens[j + 1]!) &&
        (t.norm !== 'and' ||
          TITLE_WORDS.has(strip(tokens[j - 1]!.norm)) ||
          ORG_WORDS.has(strip(tokens[j - 1]!.norm)))
      )
        j++;
      else break;
    }
    const chain = tokens.slice(i, j);
    const { title, name } = splitChain(chain);
    if (name.length >= 2 && name.length <= 4) {
      const full = text.slice(name[0]!.start, name[name.length - 1]!.end).replace(/\s+/g, ' ');
      const last = strip(name[name.length - 1]!.norm);
      const first = strip(name[0]!.norm);
      const known = index.bySurname.get(last);
      if (!known || known.split(' ').length < name.length) index.bySurname.set(last, full);
      if (!index.byFirst.has(first)) index.byFirst.set(first, full);
      const desc = title.map((t) => t.text).join(' ');
      const apposition = appositionAfter(text, tokens[j - 1]!.end);
      const list = index.descriptions.get(last) ?? [];
      if (desc) list.push(desc);
      if (apposition) list.push(apposition);
      index.descriptions.set(last, list);
    }
    if (name.length >= 1 && (name.length >= 2 || title.length > 0)) {
      index.occurrences.push({ offset: chain[0]!.start, name: name.map((t) => t.text).join(' ') });
    }
    i = j;
  }
  return index;
}

/** ", the assistant secretary of state for …," right after a name, if any. */
export function appositionAfter(text: string, from: number): string | null {
  const m =
    /^, ((?:a|an|the|who|now|former|China’s|China's)\b[^,;:“”"]{3,260}?)(?:,|\.(?=\s|$)|$)/u.exec(
      text.slice(from, from + 300),
    );
  return m ? m[1]! : null;
}

// Side rules that work without an actors file: the first country marker in the role
// decides the government side when the role also names a government body or office.
const ANALYST_RE =
  /(?<![a-z])(former|ex-|professor|fellow|scholar|analysts?|experts?|researchers?|think[- ]tank|institute|institution|university|college|author|commentators?|economists?|strategists?|observers?|academics?|brookings|council on foreign relations|csis|rand)(?![a-z])/;
const GOV_RE =
  /(?<![a-z])(officials?|minister|ministry|president|premier|leader|government|spokes\w+|ambassador|embassy|diplomats?|envoy|military|defen[cs]e|state media|state-run|state news|foreign|party|commission|administration|authorities|secretary|department|pentagon|white house|command|navy|army|adviser|advisor|aides?|congress|senator|xinhua|global times|people's daily|cctv|xi|biden|readout|council)(?![a-z])/;
const CHINA_RE =
  /(?<![a-z.])(chinese|china|china's|beijing|prc|xinhua|global times|people's daily|cctv|communist party|pla|xi)(?![a-z])/;
const US_RE =
  /(?<![a-z.])(u\.s\.|us|american|america|united states|washington|biden|white house|state department|pentagon|indo-pacific command|congress|senator|national security|secretary of state|secretary of defense|assistant secretary)(?![a-z])/;

export function sideFromRole(role: string): SpeakerSide {
  const d = role.toLowerCase().replace(/’/g, "'");
  if (ANALYST_RE.test(d)) return 'analyst';
  if (!GOV_RE.test(d) && !/^(china|beijing|washington|the united states|u\.s\.)$/.test(d.trim()))
    return 'other';
  const china = CHINA_RE.exec(d)?.index ?? Infinity;
  const us = US_RE.exec(d)?.index ?? Infinity;
  if (china === Infinity && us === Infinity) return 'other';
  return china < us ? 'china_gov' : 'us_gov';
}

/** The speakers of one article, built up as attributions are found in reading order. */
export class SpeakerBook {
  readonly speakers: Speaker[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly isPerson: boolean[] = [];
  private readonly history: { speaker: number; paragraph: number; offset: number }[] = [];
  private lastSubject: Mention | null = null;
  private readonly index: ArticleIndex;

  /** `tokens`: the article's tokens in reading order (the segments' tokens, concatenated). */
  constructor(
    text: string,
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
    const result = this.resolveNamed(mention);
    if (result !== null)
      this.history.push({ speaker: result, paragraph: mention.paragraph, offset: words[0]!.start });
    return result;
  }

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
    const { name } = splitChain(mention.tokens);
    if (name.length === 0 || !this.index.bySurname.has(strip(name[name.length - 1]!.norm))) return;
    this.lastSubject = mention;
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
      if (wantPerson === this.isPerson[h.speaker]) return h.speaker;
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
    const name = lo > 0 ? occ[lo - 1]!.name : null;
    if (name === null) return null;
    return this.resolveNamed({ ...mention, tokens: tokenize(name, offset), apposition: null });
  }

  private resolveNamed(mention: Mention): number | null {
    let tokens = mention.tokens;
    // "Blinken himself", "the senior official who": drop what follows the name.
    while (
      tokens.length > 1 &&
      /^(himself|herself|themselves|itself|who|also)$/.test(tokens[tokens.length - 1]!.norm)
    )
      tokens = tokens.slice(0, -1);
    const text = tokens
      .map((t) => t.text)
      .join(' ')
      .replace(/ \./g, '.')
      .replace(/ ’ ?s\b/g, '’s');
    const { title, name } = splitChain(tokens);
    const titleText = title.map((t) => t.text).join(' ');
    let actor: Actor | undefined = this.actors.byAlias.get(
      actorKey(text.replace(/^(a|an|the)\s+/i, '')),
    );
    let person = false;
    let canonical: string;
    if (name.length > 0) {
      const last = strip(name[name.length - 1]!.norm);
      const firstWord = strip(name[0]!.norm);
      const full =
        name.length >= 2
          ? (this.index.bySurname.get(last) ?? name.map((t) => t.text).join(' '))
          : (this.index.bySurname.get(last) ?? this.index.byFirst.get(last));
      canonical = full ?? name.map((t) => t.text).join(' ');
      // A capitalised name credited with speech is a person unless it names a place or body.
      person = true;
      if (ORG_WORDS.has(last) || ORG_WORDS.has(firstWord)) person = false;
      actor ??= this.actors.byAlias.get(actorKey(canonical)) ?? this.actors.byAlias.get(last);
    } else {
      canonical = text.replace(/^(a|an|the|some|many|several|other)\s+/i, '');
      const roleMatch = this.personByRole(canonical);
      if (roleMatch) {
        canonical = roleMatch;
        person = true;
        actor ??= this.actors.byAlias.get(actorKey(roleMatch));
      } else {
        const earlier = this.groupByWords(canonical);
        if (earlier !== null) return earlier;
      }
    }
    if (actor) {
      canonical = actor.name;
      person = person || !ORG_WORDS.has(actorKey(actor.name).split(' ').pop() ?? '');
    }
    const key = canonical.toLowerCase();
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const descriptions = [
      titleText,
      mention.apposition ?? '',
      name.length === 0 ? canonical : '',
      ...(this.index.descriptions.get(key.split(' ').pop() ?? '') ?? []),
    ].filter((d) => d.length > 0);
    const role = actor?.role ?? (descriptions.find((d) => d !== canonical) || null);
    const side: SpeakerSide = actor
      ? actor.side
      : sideFromRole(descriptions.join(' ; ') || canonical);
    const speaker: Speaker = {
      name: canonical,
      side,
      anonymous: !person && name.length === 0,
      role,
    };
    this.speakers.push(speaker);
    this.isPerson.push(person);
    this.byKey.set(key, this.speakers.length - 1);
    return this.speakers.length - 1;
  }

  // "the U.S. Secretary of Defense" → the person the article gave that title to.
  private personByRole(role: string): string | null {
    const words = contentWords(role);
    if (words.length === 0 || /s$/.test(words[words.length - 1]!)) return null;
    for (const [surname, list] of this.index.descriptions) {
      for (const d of list) {
        const have = new Set(contentWords(d));
        const shared = words.filter((w) => have.has(w)).length;
        if (shared >= 2 && shared / words.length >= 0.75)
          return this.index.bySurname.get(surname) ?? null;
      }
    }
    return null;
  }

  // "the senior official" → the earlier "senior State Department official".
  private groupByWords(role: string): number | null {
    const words = contentWords(role);
    if (words.length < 2) return null;
    for (let k = this.speakers.length - 1; k >= 0; k--) {
      if (this.isPerson[k]) continue;
      const have = new Set(contentWords(this.speakers[k]!.name));
      if (words.every((w) => have.has(w))) return k;
    }
    return null;
  }
}

function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/[^a-z.'-]+/)
    .filter((w) => w.length > 1 && !/^(the|a|an|of|for|and|to|at|in|on|'s)$/.test(w));
}

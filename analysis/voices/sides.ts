// Sides without an actors entry: reads the titles and descriptions the article gives a
// speaker ("U.S. Ambassador to China", ", a fellow at the Brookings Institution") against
// the story's codebook (each party's country markers, metonyms and name patterns) and the
// word lists in voice-roles.json (analyst words, government words, other countries' markers,
// national office holders). It deliberately does not use the codebook's actors (speakers.ts
// prefers them when they list the speaker) nor guess from the quote's content.

import type { SpeakerSide } from '../vocabulary/sides.js';
import { ROLES } from './voice-roles.js';

const S = ROLES.sides;

/** What a party contributes to the side rules (codebooks/codebook.ts reads it from JSON). */
export interface PartyPatterns {
  id: string;
  /** Country, capital and institution words that tie a role to the party ("beijing"). */
  markers: string[];
  /** Names that stand for the party's government when they speak ("Beijing said"). */
  metonyms: string[];
  /** Surnames that, first in a two-word name with a government title, mark the party. */
  surnames: string[];
}

/** The compiled side rules of one codebook. */
export interface SideRules {
  /** In codebook order: on a tie the earlier party wins. */
  parties: { id: string; markers: RegExp; surnames: Set<string> }[];
  /** Other countries' markers: every known country word no party of the codebook claims. */
  other: RegExp | null;
  metonyms: Map<string, SpeakerSide>;
  /** Office holder name key → side, for the office holders whose side is a party here. */
  officeHolders: Map<string, SpeakerSide>;
}

// One regex per list: a list entry matches as a whole word or phrase.
function wordsRe(words: string[], before = '(?<![a-z])'): RegExp | null {
  if (words.length === 0) return null;
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
  return new RegExp(`${before}(${alternatives.join('|')})(?![a-z])`);
}
const NEVER = /(?!)/;
const ANALYST_RE = wordsRe(S.analystWords) ?? NEVER;
const GOV_RE = wordsRe(S.governmentWords) ?? NEVER;
const COUNTRY_RE = wordsRe(
  [...S.chinaMarkers, ...S.usMarkers, ...S.otherCountryMarkers],
  '(?<![a-z.])',
);

/** Compiles a codebook's parties into side rules. */
export function compileSideRules(parties: readonly PartyPatterns[]): SideRules {
  const claimed = new Set(parties.flatMap((p) => p.markers));
  const ids = new Set(parties.map((p) => p.id));
  // Every country word voice-roles.json knows that no party claims marks another country:
  // with a US–North Korea codebook a "Chinese official" is other, as a "Japanese" one is.
  const known = [...S.chinaMarkers, ...S.usMarkers, ...S.otherCountryMarkers];
  return {
    parties: parties.map((p) => ({
      id: p.id,
      markers: wordsRe(p.markers, '(?<![a-z.])') ?? NEVER,
      surnames: new Set(p.surnames),
    })),
    other: wordsRe(
      [...new Set(known)].filter((w) => !claimed.has(w)),
      '(?<![a-z.])',
    ),
    metonyms: new Map(parties.flatMap((p) => p.metonyms.map((w) => [w, p.id] as const))),
    officeHolders: new Map([...ROLES.officeHolders].filter(([, side]) => ids.has(side))),
  };
}

// "Rep" as a title before a name, its period split off by the tokenizer ("Rep. Duncan
// Hunter" gives the title "Rep"): the lists name it "rep.", so that a lower-case "union rep"
// is no member of Congress, nor is a "state Rep" (a state legislator), nor a "Union Rep",
// "Sales Rep" or "Company Rep" (a representative of a union or a firm).
const TITLE_ABBREVIATION =
  /(?<!(?:[Ss]tate|[Uu]nion|[Ss]ales|[Ss]ervice|[Cc]ompany) )\b(Rep)\b(?!\.)/g;

/**
 * The side a role description gives: analyst words first ("former" outranks any
 * government title), then a government word with the first party marker deciding.
 * `name`, a person's name, lets a government title with no country count through the
 * office-holder list ("President Biden") or a party's surnames ("Assistant Foreign Minister
 * Hua Chunying"); with no title at all, a listed office holder ("Obama said").
 */
export function sideFromRole(role: string, rules: SideRules, name?: string): SpeakerSide {
  // "a source close to the White House", "a person familiar with the Pentagon's plans":
  // what a source is close to or knows of is not whose it is.
  const d = role
    .replace(TITLE_ABBREVIATION, '$1.')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/\s(?:close to|familiar with|briefed on|with knowledge of)\s[^;]*/g, '');
  const metonym = rules.metonyms.get(d.trim());
  if (metonym) return metonym;
  if (ANALYST_RE.test(d)) return 'analyst';
  const gov = GOV_RE.test(d);
  // No title in the text ("Obama said", "Mr. Trump"): a listed office holder still speaks
  // for a government. Only the full name counts, or a surname the article gives alone, so
  // that "Bill Gates" is not taken for the defense secretary.
  if (!gov) return (name && holderSide(name, rules)) || 'other';
  // A listed office holder, named as the list names them, holds that office whatever
  // country a description also mentions ("Mr. Tillerson, who was decorated by the Russian
  // government", "Pence, speaking to Japanese officials").
  const holder = name ? holderSide(name, rules) : undefined;
  if (holder) return holder;
  let first: { id: string; at: number } | null = null;
  for (const party of rules.parties) {
    const at = party.markers.exec(d)?.index;
    if (at !== undefined && (first === null || at < first.at)) first = { id: party.id, at };
  }
  const other = rules.other?.exec(d)?.index ?? Infinity;
  // "Trump's special envoy for Afghanistan", "Xi's top economic adviser": a government role
  // held for a listed office holder is their government's, before any country it serves in.
  const served = servedHolder(d, Math.min(first?.at ?? Infinity, other), rules);
  if (served) return served;
  if (other < (first?.at ?? Infinity)) return 'other';
  if (first) return first.id;
  // "Trump officials", "Obama aides": a group named by the office holder it serves, the
  // government word right after the name (not "Trump Tower officials", "Trump campaign
  // aides", "Obama Foundation officials": a building's, a campaign's, a charity's).
  if (!name && other === Infinity) {
    const [lead = '', next = ''] = d.trim().split(/\s+/);
    const held = rules.officeHolders.get(lead);
    if (held && GOV_RE.test(next)) return held;
  }
  if (!name || other !== Infinity) return 'other';
  const n = bareName(name);
  const held = holderSide(name, rules) ?? rules.officeHolders.get(n.split(' ').pop() ?? '');
  if (held) return held;
  const words = n.split(' ');
  if (words.length === 2) {
    const party = rules.parties.find((p) => p.surnames.has(words[0]!));
    if (party) return party.id;
  }
  return 'other';
}

// A possessive word: "trump's", "obama's" (the description is lower-cased, ’ made ').
const POSSESSIVE = /(?<![a-z])([a-z]+)'s\s+/g;
// How many words after a possessive a government word may come ("Trump's top trade adviser").
const SERVED_ROLE_WORDS = 4;
const CAMPAIGN_RE = /(?<![a-z])campaign(?![a-z])/;

/**
 * The side of a listed office holder whose government role the description gives
 * ("trump's special envoy"), when the possessive comes before `before` (the first country
 * marker); null when there is none.
 */
function servedHolder(d: string, before: number, rules: SideRules): SpeakerSide | null {
  for (const m of d.matchAll(POSSESSIVE)) {
    if (m.index >= before) break;
    const held = rules.officeHolders.get(m[1]!);
    if (!held) continue;
    // The words after it, within its phrase ("trump's spokesperson ; …" stops at the ";"),
    // and not a campaign's ("obama's 2012 campaign press secretary").
    const role = (d.slice(m.index + m[0].length).split(/[;,()]/)[0] ?? '')
      .split(/\s+/)
      .slice(0, SERVED_ROLE_WORDS)
      .join(' ');
    if (GOV_RE.test(role) && !CAMPAIGN_RE.test(role)) return held;
  }
  return null;
}

/**
 * The party a government role names by its own words: a government word and that party's
 * marker ("Budget Director" with "budget director", "Rep."), not the office holder it
 * serves ("Clinton spokesman") nor a listed name; null when it names none.
 */
export function partyNamedByRole(role: string, rules: SideRules): SpeakerSide | null {
  const d = role.replace(TITLE_ABBREVIATION, '$1.').toLowerCase().replace(/’/g, "'");
  if (ANALYST_RE.test(d) || !GOV_RE.test(d) || rules.other?.test(d)) return null;
  const marked = rules.parties.filter((p) => p.markers.test(d));
  return marked.length === 1 ? marked[0]!.id : null;
}

/** Whether a description has an analyst word ("former", "fellow", "professor"). */
export function isAnalystRole(description: string): boolean {
  return ANALYST_RE.test(description.toLowerCase().replace(/’/g, "'"));
}

/** Whether a title names a government office (voice-roles.json's government words). */
export function isGovernmentRole(description: string): boolean {
  return GOV_RE.test(description.toLowerCase().replace(/’/g, "'"));
}

/** Whether a description names a country or its capital ("Chinese", "U.S.", "Iranian"). */
export function namesCountry(description: string): boolean {
  return COUNTRY_RE?.test(description.toLowerCase().replace(/’/g, "'")) ?? false;
}

/** The United States' own names among its markers (not its institutions: "treasury"). */
const US_NAMES = new Set(['u.s.', 'us', 'american', 'america', 'united', 'states', 'washington']);

/** A country's or nationality's name ("chinese", "u.s.", "france"), not an institution's. */
export function isCountryWord(word: string): boolean {
  const w = word.toLowerCase();
  if (ROLES.officeHolders.has(w)) return false;
  return US_NAMES.has(w) || S.chinaMarkers.includes(w) || S.otherCountryMarkers.includes(w);
}

/** A country, capital or nationality word from the marker lists ("korean", "beijing"), not
 *  a leader's name that also marks a side ("xi", "biden"). */
export function isPlaceWord(word: string): boolean {
  const w = word.toLowerCase();
  if (ROLES.officeHolders.has(w)) return false;
  return S.chinaMarkers.includes(w) || S.usMarkers.includes(w) || S.otherCountryMarkers.includes(w);
}

// A name in lower case, middle initials dropped ("Donald J. Trump" → "donald trump").
function bareName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ \p{L}\.(?= )/gu, '')
    .trim();
}

/**
 * The side of a listed office holder a name names: as listed ("george w. bush"), or without
 * the middle initials the text adds to a name listed without them ("Donald J. Trump"). A
 * name listed with an initial, written with one, needs that initial: "George P. Bush" is not
 * "George W. Bush" (plain "George Bush" still is).
 */
function holderSide(name: string, rules: SideRules): SpeakerSide | undefined {
  const written = name.toLowerCase().trim();
  const exact = rules.officeHolders.get(written);
  if (exact) return exact;
  const bare = bareName(written);
  if (bare !== written && ROLES.initialledHolders.has(bare)) return undefined;
  return rules.officeHolders.get(bare);
}

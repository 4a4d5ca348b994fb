// Sides without an actors file: reads the titles and descriptions the article gives a
// speaker ("U.S. Ambassador to China", ", a fellow at the Brookings Institution") and the
// word lists in voice-roles.json (analyst words, government words, country markers, national
// office holders, Chinese surnames). It deliberately does not use the actors file
// (speakers.ts prefers that when it lists the speaker) nor guess from the quote's content.

import type { SpeakerSide } from '../vocabulary/sides.js';
import { ROLES } from './voice-roles.js';

const S = ROLES.sides;

// One regex per list, compiled once: a list entry matches as a whole word or phrase.
function wordsRe(words: string[], before = '(?<![a-z])'): RegExp {
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
  return new RegExp(`${before}(${alternatives.join('|')})(?![a-z])`);
}
const ANALYST_RE = wordsRe(S.analystWords);
const GOV_RE = wordsRe(S.governmentWords);
const CHINA_RE = wordsRe(S.chinaMarkers, '(?<![a-z.])');
const US_RE = wordsRe(S.usMarkers, '(?<![a-z.])');
const OTHER_RE = wordsRe(S.otherCountryMarkers, '(?<![a-z.])');
const CHINESE_SURNAMES = new Set(S.chineseSurnames);
// "Beijing said", "Washington insists": a capital or country standing for its government.
const METONYMS = new Map<string, SpeakerSide>([
  ...S.governmentMetonyms.china_gov.map((w) => [w, 'china_gov'] as const),
  ...S.governmentMetonyms.us_gov.map((w) => [w, 'us_gov'] as const),
]);

/**
 * The side a role description gives: analyst words first ("former" outranks any
 * government title), then a government word with the first country marker deciding.
 * `name`, a person's name, lets a government title with no country count through the
 * office-holder list ("President Biden") or a Chinese name ("Assistant Foreign Minister
 * Hua Chunying"); with no title at all, a listed office holder ("Obama said").
 */
export function sideFromRole(role: string, name?: string): SpeakerSide {
  const d = role.toLowerCase().replace(/’/g, "'");
  const metonym = METONYMS.get(d.trim());
  if (metonym) return metonym;
  if (ANALYST_RE.test(d)) return 'analyst';
  const gov = GOV_RE.test(d);
  // No title in the text ("Obama said", "Mr. Trump"): a listed office holder still speaks
  // for a government. Only the full name counts, or a surname the article gives alone, so
  // that "Bill Gates" is not taken for the defense secretary.
  if (!gov) return (name && ROLES.officeHolders.get(holderKey(name))) || 'other';
  const china = CHINA_RE.exec(d)?.index ?? Infinity;
  const us = US_RE.exec(d)?.index ?? Infinity;
  const other = OTHER_RE.exec(d)?.index ?? Infinity;
  if (other < china && other < us) return 'other';
  if (china !== Infinity || us !== Infinity) return china < us ? 'china_gov' : 'us_gov';
  if (!gov || !name || other !== Infinity) return 'other';
  const n = holderKey(name);
  const held = ROLES.officeHolders.get(n) ?? ROLES.officeHolders.get(n.split(' ').pop() ?? '');
  if (held) return held;
  const words = n.split(' ');
  if (words.length === 2 && CHINESE_SURNAMES.has(words[0]!)) return 'china_gov';
  return 'other';
}

/** Whether a description names a country or its capital ("Chinese", "U.S.", "Iranian"). */
export function namesCountry(description: string): boolean {
  const d = description.toLowerCase().replace(/’/g, "'");
  return CHINA_RE.test(d) || US_RE.test(d) || OTHER_RE.test(d);
}

/** A country, capital or nationality word from the marker lists ("korean", "beijing"), not
 *  a leader's name that also marks a side ("xi", "biden"). */
export function isPlaceWord(word: string): boolean {
  const w = word.toLowerCase();
  if (ROLES.officeHolders.has(w)) return false;
  return S.chinaMarkers.includes(w) || S.usMarkers.includes(w) || S.otherCountryMarkers.includes(w);
}

// The office-holder key of a name: lower case, middle initials dropped ("Donald J. Trump").
function holderKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ \p{L}\.(?= )/gu, '')
    .trim();
}

// Link cards glued into body sentences: The Hill's pages put a hover card after a person's
// name, and its text comes out of the page glued into the sentence: the name as written, the
// person's full legal name glued to the first of three related headlines, then " MORE"
// ("Senate Majority Leader Mitch McConnell Addison (Mitch) Mitchell McConnellSchumer: … MORE
// pressed Democrats …"). About 1,200 of the 37,543 AllSides articles, nearly all The Hill's, carry
// 6,700 of them. The analysis must not read another story's headlines as this article's
// sentences, its speakers or its targets, while the stored text and every offset stay as
// ingested; so this module returns the text with each card's characters made spaces (same
// length: every offset holds) and does nothing else. pipeline.ts segments and scores that
// text and gives each segment back its real text.
//
// Detection is tight: a capitalised surname as written, then (after a space, or glued) two
// to six capitalised name words that end in the same surname, the full name (the join to the
// headline may be glued, "McConnellSchumer:", or a space, "Paul Davis Ryan Retirees"), then
// text on the same line up to " MORE" as a whole word within MAX_CARD_CHARS. No match, no
// change. The card is the full name, the headlines and "MORE"; the name as written stays.
// Measured on the AllSides corpus (its validation articles left out): 6,706 cards in 1,211
// of The Hill's articles, every " MORE" closer there but three "READ MORE …" lines; 42 in
// 16 guest columns and Dick Morris pieces (cards from The Hill's pages too); none in any other
// outlet, all-capitals headlines ("MORMON MONEY, NO MORE") included.

/** The longest card in the corpus is 701 characters, name and "MORE" included (median 227). */
const MAX_CARD_CHARS = 800;

// Name words are at most 32 characters: unbounded, a long run of letters ("AbAbAb…", a glued
// menu "HomeNewsPolitics…") gave the nested name patterns a choice at every lower-case letter,
// and 8,000 such characters took 107 s (review16). No card in the corpus is lost by the bound.
/** A word of a full legal name: capitalised, an initial, a nickname in brackets, a particle. */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’-]{0,30}\.?|\(\p{Lu}[\p{L}'’.-]{0,30}\)|de|van|von|der|del|la|da|di|le|bin|al)`;

/** A surname as written: capitalised, ending in a lower-case letter ("McConnell", not "MORE"). */
const SURNAME = String.raw`\p{Lu}[\p{L}'’-]{0,30}\p{Ll}`;

// The surname as written (with its "Jr." or "Sr.", which stays), then the full name that
// ends in it and is not followed by a lower-case letter (the join), then the headlines up to
// " MORE". A full name joined to its headline by a space ("Paul Davis Ryan Retirees …") is
// taken only when no later word of the name as written opens such a repeat itself: in "Alan
// Dershowitz Alan Morton DershowitzTrump …" the written given name "Alan" and "Dershowitz
// Alan" would otherwise read as a surname and a full name (so would "Bill" and "de Blasio
// Bill" in "Bill de Blasio Bill de BlasioThe …"). A glued join is taken as it is: its
// headlines may repeat the name ("Ruth Bader GinsburgWishing Ruth Bader Ginsburg a …").
const SUFFIX = String.raw`(?: [JS]r\.)?`;
const LATER_REPEAT = String.raw`(?:${NAME_WORD} ){0,3}(${SURNAME})${SUFFIX} ?(?:${NAME_WORD} ){1,5}\2(?!\p{Ll})`;
const CARD_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’-])(${SURNAME})${SUFFIX} ?(?:(?=(?:${NAME_WORD} ){1,5}\1(?![\s\p{Ll}]))|(?!${LATER_REPEAT}))((?:${NAME_WORD} ){1,5}\1(?!\p{Ll})[^\n\r]{1,${MAX_CARD_CHARS}}? MORE)(?![\p{L}\p{N}])`,
  'gu',
);

/** Where each card is: offsets of the full name's first character and of the end of "MORE". */
export function findLinkCards(text: string): { start: number; end: number }[] {
  if (!text.includes(' MORE')) return [];
  const cards: { start: number; end: number }[] = [];
  for (const m of text.matchAll(CARD_RE)) {
    const end = m.index + m[0].length;
    cards.push({ start: end - m[3]!.length, end });
  }
  return cards;
}

/** The text with every card's characters replaced by spaces; the text itself when it has none. */
export function maskLinkCards(text: string): string {
  const cards = findLinkCards(text);
  if (cards.length === 0) return text;
  let masked = '';
  let at = 0;
  for (const card of cards) {
    masked += text.slice(at, card.start) + ' '.repeat(card.end - card.start);
    at = card.end;
  }
  return masked + text.slice(at);
}

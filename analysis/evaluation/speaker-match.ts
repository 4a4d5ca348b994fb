/**
 * When a predicted speaker is the gold speaker, for every gold set alike.
 *
 * Gold sets name speakers two ways: a canonical name ("Kurt Campbell", "US officials";
 * seeds-dev, talks-dev, allsides-talks, BASIL) or the source span as annotated
 * (PolNeAR: "Lily Batchelder, a tax expert and professor …", "campaign chairman John
 * Podesta", "the newspaper"). The analyzer names the person or group, so a span is
 * compared through its head: the leading article dropped, the apposition or relative
 * clause after a comma or "who" cut off (or, after a description, the name in apposition:
 * "the club's manager, Ann Lee"), a post-modifier ("… of the Council on Foreign
 * Relations", "… close to the White House") cut off, and a personal name after
 * lowercase title words taken on its own. What the cut drops must not tell two sources
 * apart: a group the gold places or affiliates by a proper name is only matched by a
 * prediction naming the same place ("officials in Beijing" is neither "officials in
 * Washington" nor bare "officials", as "US officials" is not "officials"), and two personal
 * names with different given names are two people ("Seth Hutchinson" is not "Tim C.
 * Hutchinson"). The other way round, a prediction may name the gold's group more fully
 * ("Officials said" annotated as "Officials", credited to the article's "F.B.I.
 * officials"). A description in apposition ("Lily Batchelder, a tax expert") never counts
 * against a name. It deliberately does
 * not equate different words for one referent ("the daily" is not "newspaper") nor a source
 * with its owner ("an analysis by The Post" is not "Post").
 */

// Accents folded: an article that writes "Calderon" names the annotators' "Calderón";
// "U.S." is "US".
const nameTokens = (name: string): string[] =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\bu\.s\.(?!\p{L})/gu, 'us')
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

// A span with a comma is a name and a description, not one personal name.
const personal = (s: string): boolean =>
  !s.includes(',') &&
  s
    .trim()
    .split(/\s+/)
    .every((w) => /^[\p{Lu}"“]/u.test(w));

/** "Kim Jong Un and Moon Jae-in" → the two personal names; null for anything else. */
function jointNames(name: string): string[] | null {
  const parts = name.split(/\s+and\s+/);
  if (parts.length !== 2) return null;
  const personalName = parts.every((p) => p.split(/\s+/).every((w) => /^\p{Lu}/u.test(w)));
  return personalName ? parts : null;
}

// Words that stand before a surname without being a given name ("Sheriff Arpaio", "Sen.
// Warren", "Representatives James E. Clyburn"): a title never contradicts a given name.
const TITLE =
  /^(?:mr|mrs|ms|miss|dr|prof|professor|sen|senator|rep|reps|representative|representatives|gov|governor|president|vice|secretary|minister|premier|chairman|chairwoman|chairperson|chair|speaker|leader|mayor|sheriff|judge|justice|gen|general|adm|admiral|col|colonel|lt|sgt|capt|captain|ambassador|envoy|director|spokesman|spokeswoman|rev|sir|lord|lady|king|queen|prince|princess|pope|former|state|foreign|defense|deputy|assistant|chief|attorney|jr|sr|ii|iii)$/;

/** The given name of a personal name: the word before the surname, initials and titles skipped. */
function givenName(tokens: string[]): string | null {
  for (let i = tokens.length - 2; i >= 0; i--) {
    const t = tokens[i] as string;
    if (t.length === 1) continue; // a middle initial
    return TITLE.test(t) ? null : t;
  }
  return null;
}

// Two spellings of one given name: the same, one a short form of the other ("Jim" "Jimmy",
// "Tony" "Antony"), or one letter apart ("Vicente" "Vincente", a misspelling in the article).
function givenNamesAgree(a: string, b: string): boolean {
  if (a.startsWith(b) || b.startsWith(a) || a.endsWith(b) || b.endsWith(a)) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const rest = (x: string, skip: number) => x.slice(i + skip);
  return rest(a, 1) === rest(b, 1) || rest(a, 1) === rest(b, 0) || rest(a, 0) === rest(b, 1);
}

// Words that count or pick out members of a group without saying which group it is.
const QUANTIFIER = /^(?:the|a|an|some|many|several|other|others|both|these|those|most|few|all)$/;

/**
 * A group the analyzer names more fully than the gold span does: "Officials said" annotated
 * as the span "Officials", credited to the article's "F.B.I. officials"; "the administration"
 * and "Obama administration". The same group noun, and every word of the gold's name in the
 * prediction's: the prediction may say more, never less or otherwise ("US officials" is
 * not "officials", nor "Chinese officials").
 */
function sameGroup(gold: string, g: string[], p: string[], predicted: string): boolean {
  const noun = (s: string) => s.trim().split(/\s+/).pop() ?? '';
  if (!/^\p{Ll}/u.test(noun(gold)) && !/^\p{Ll}/u.test(noun(predicted))) return false;
  // "release of a 2005 video" is a release, not a video.
  if ([...g, ...p].some((w) => FUNCTION_WORD.test(w) && !QUANTIFIER.test(w))) return false;
  const gw = g.filter((w) => !QUANTIFIER.test(w));
  const pw = p.filter((w) => !QUANTIFIER.test(w));
  if (gw.length === 0 || pw.length < gw.length) return false;
  if (gw[gw.length - 1] !== pw[pw.length - 1]) return false;
  return gw.every((w) => pw.includes(w));
}

/** The same name or group (case-insensitive), or two personal names with one surname. */
function sameName(gold: string, predicted: string): boolean {
  const g = nameTokens(gold);
  const p = nameTokens(predicted);
  if (g.length === 0 || p.length === 0) return false;
  if (g.join(' ') === p.join(' ')) return true;
  if (sameGroup(gold, g, p, predicted)) return true;
  if (!personal(gold) || !personal(predicted)) return false;
  // A name written family name first ("Kim Jong Un", "Xi Jinping") is shortened to its first
  // word: "Kim" is the same person.
  const familyFirst = (one: string[], full: string[]) => one.length === 1 && one[0] === full[0];
  if (familyFirst(p, g) || familyFirst(g, p)) return true;
  if (g[g.length - 1] !== p[p.length - 1]) return false;
  // One surname, two given names: two people ("Seth Hutchinson", "Tim C. Hutchinson").
  const gg = givenName(g);
  const pg = givenName(p);
  return gg === null || pg === null || givenNamesAgree(gg, pg);
}

// A place or affiliation after a group's head: "officials in Beijing", "a source close to the
// White House", "diplomats from the European Union". Its capitalised words tell two groups
// apart when both spans have one.
const PLACED =
  /^\s(?:in|from|at|of|with|for|close to)\s+((?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.'’-]*)*)/u;

const lowerFirst = (s: string): string => s.replace(/^\s*\p{Lu}/u, (c) => c.toLowerCase());

function placeOf(span: string): string[] | null {
  const whole = span.trim().replace(ARTICLE, '');
  const head = whole.split(AFTER_HEAD)[0] ?? whole;
  if (!/^\p{Ll}/u.test(head.split(/\s+/).pop() ?? '')) return null; // a name, not a group
  const m = PLACED.exec(whole.slice(head.length));
  return m ? nameTokens(m[1] as string).filter((w) => w !== 'the' && w !== 'of') : null;
}

// "the White House" and "White House", "Beijing" and "the government in Beijing": one place
// when every word of the shorter is in the longer.
function samePlace(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((w) => long.includes(w));
}

const ARTICLE = /^(?:the|a|an)\s+/i;
// What ends a noun phrase's head: an apposition, a bracket, a dash, a relative clause, or a
// post-modifier ("of …", "at …", "close to …", "familiar with …").
const AFTER_HEAD =
  /\s*[,(–—]|\s+(?:who|whose|which|that|of|at|from|in|for|with|by|to|on|close to|familiar with|briefed on)\s/;
// Words before a name that make it someone else's ("aides to Mr. Weiner", "a tally by …").
const FUNCTION_WORD = /^(?:of|at|from|in|for|with|by|to|on|and|or|the|a|an)$/i;
const CALENDAR =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/** The span and its heads, longest first: "the CNN host, Jake Tapper" → "CNN host", … */
export function speakerHeads(span: string): string[] {
  const whole = span.trim().replace(ARTICLE, '');
  const head = whole.split(AFTER_HEAD)[0]?.trim() ?? whole;
  const heads = [whole, head];
  // "Brazile's CNN colleague, Jake Tapper": a description, then the name in apposition.
  const apposition = /^([^,]+),\s+([^,]+?)(?:,|$)/u.exec(whole);
  if (apposition && /\s\p{Ll}/u.test(apposition[1] as string) && personal(apposition[2] as string))
    heads.push(apposition[2] as string);
  // "campaign chairman John Podesta", "a smiling Clinton": the capitalised run at the end,
  // after at least one lowercase title word.
  const words = head.split(/\s+/);
  let start = words.length;
  while (start > 0 && /^\p{Lu}/u.test(words[start - 1] as string)) start--;
  const before = words.slice(0, start);
  const run = words.slice(start);
  if (
    run.length > 0 &&
    before.some((w) => /^\p{Ll}/u.test(w)) &&
    !FUNCTION_WORD.test(before[before.length - 1] as string) &&
    !run.every((w) => CALENDAR.test(w))
  )
    heads.push(run.join(' '));
  return heads.filter((h, i) => h.length > 0 && heads.indexOf(h) === i);
}

/**
 * Same speaker: the same name or group (case-insensitive), or, for two personal names
 * (every word capitalized), the same surname: "Kurt Campbell" = "Campbell", or the first
 * word of a name written family name first: "Kim Jong Un" = "Kim"; a span is compared
 * through its heads (above) on both sides.
 */
export function sameSpeaker(gold: string, predicted: string): boolean {
  // Two people credited jointly ("Kim Jong Un and Moon Jae-in"): the same two people, in
  // either order.
  const gp = jointNames(gold);
  const pp = jointNames(predicted);
  if (gp || pp) {
    if (!gp || !pp || gp.length !== pp.length) return false;
    return (
      gp.every((g) => pp.some((p) => sameSpeaker(g, p))) &&
      pp.every((p) => gp.some((g) => sameSpeaker(g, p)))
    );
  }
  // A group the gold places or affiliates by a proper name ("officials in Beijing", "a
  // source close to the White House") is that group only in a prediction with the same place:
  // the cut heads below would equate it with "officials" or "officials in Washington". A
  // prediction may place a group the gold names bare.
  // A group that opens a sentence is capitalised there ("Critics of the Trump administration
  // insist"): read it as the gold's lower-case group before deciding it is a name.
  const gPlace = placeOf(gold);
  const pPlace = placeOf(predicted) ?? (gPlace === null ? null : placeOf(lowerFirst(predicted)));
  if (gPlace !== null && (pPlace === null || !samePlace(gPlace, pPlace))) return false;
  const ph = speakerHeads(predicted);
  return speakerHeads(gold).some((g) => ph.some((p) => sameName(g, p)));
}

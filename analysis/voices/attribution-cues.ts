// Attribution cues that are not a speech verb with its subject: the shape every cue is
// reported in, a speaker label before a colon ("Meghan McCain, Twitter: “…”", transcript
// labels "MS. CLINTON:") and reported views named by a noun ("Beijing's view that …",
// "China's insistence that …", "in Blinken's words, …"). attribution.ts runs these with the
// speech verbs; this module deliberately resolves nobody (speakers.ts).

import { OPENERS } from './clause-subject.js';
import { indexNear, isCap, npEndingAt, npStartingAt, QUOTE_MARKS } from './source-phrase.js';
import type { VerbType } from './speech-verbs.js';
import { strip } from './speaker-index.js';
import type { Token } from '../types.js';

export interface Attribution {
  /** 'speech_verb', 'according_to', 'attribution_noun' ("Beijing's view that") or
   *  'speaker_label' ("Chris Cillizza, The Washington Post: “…”", "MS. CLINTON: …"). */
  cue: 'speech_verb' | 'according_to' | 'attribution_noun' | 'speaker_label';
  lemma: string;
  verbType: VerbType;
  cueStart: number;
  cueEnd: number;
  /** The source's words; empty when the sentence shares the subject of an earlier clause. */
  source: Token[];
  /** True when the source is the subject of an earlier attribution or the sentence. */
  inherited: boolean;
  /** True for a reporting clause after a comma or quote ("…, Stokes said"), which in news
   *  style credits the whole sentence. */
  trailing: boolean;
  /** Two sources joined by "and" ("Moon and Kim vowed"), when the words read so: the voices
   *  stage credits both when both name people, else `source` (the first of them). */
  conjuncts?: [Token[], Token[]];
  /** A threat to act ("threatened to veto"): it credits the sentence only when no other
   *  cue does ("after Reid threatened to hold up bills, McConnell told …"). */
  yields?: boolean;
}

export function cue(
  kind: Attribution['cue'],
  lemma: string,
  verbType: VerbType,
  from: Token,
  to: Token,
  source: Token[],
): Attribution {
  return {
    cue: kind,
    lemma,
    verbType,
    cueStart: from.start,
    cueEnd: to.end,
    source,
    inherited: false,
    trailing: false,
  };
}

// Capitalised words before a colon that head furniture or a section, not a speaker; a
// fact check's parts ("THE FACTS:", "Claim:", "VERDICT:") and a profile's "Bio:" too.
export const NOT_LABELS = new Set(
  'note update updated editor editors correction clarification watch read related photo photos video breaking exclusive analysis opinion commentary disclaimer source sources credit also more listen warning alert live background context story highlights facts fact claim claims verdict rating bio'.split(
    ' ',
  ),
);

// A name, an optional short description, a colon, then the quotation: "Meghan McCain,
// Twitter: “…”". A name in capitals before the colon is a transcript label ("MS. CLINTON:").
export function speakerLabel(tokens: Token[], inQuote: boolean[]): Attribution | null {
  const first = tokens[0];
  if (!first || !isCap(first) || inQuote[0] || OPENERS.has(first.norm)) return null;
  let n = 0;
  while (
    n < tokens.length &&
    n < 6 &&
    (isCap(tokens[n]!) || tokens[n]!.text === '.') &&
    // "Gingrich To GOP Leaders: ‘…’": the one addressed is no part of the name (a headline's
    // label, headlineLabel); a line in capitals is left as it is.
    !(n > 0 && ADDRESSED.has(tokens[n]!.norm) && tokens[n]!.text !== tokens[n]!.text.toUpperCase())
  )
    n++;
  const name = tokens.slice(0, n);
  let colon = n;
  if (tokens[colon]?.text === ',') {
    const limit = Math.min(tokens.length, colon + 10);
    while (colon < limit && tokens[colon]!.text !== ':' && !QUOTE_MARKS.has(tokens[colon]!.text))
      colon++;
  }
  const mark = tokens[colon];
  if (n === 0 || !mark || mark.text !== ':') return null;
  const words = name.filter((t) => t.isWord);
  // "THE FACTS: …", "EDITOR’S NOTE: …", "Bio: “…”": a furniture word is no speaker.
  if (words.some((t) => NOT_LABELS.has(strip(t.norm)))) return null;
  const shouting = words.every((t) => t.text === t.text.toUpperCase());
  const next = tokens[colon + 1];
  // A transcript's one-word label ("BLINKEN: We had candid talks") is a surname in capitals
  // opening the line, not a furniture word ("UPDATE:", "WATCH:") or an acronym.
  const transcript =
    shouting &&
    colon === n &&
    (words.length >= 2 ||
      (words.length === 1 &&
        /^\p{Lu}{4,}$/u.test(words[0]!.text) &&
        !NOT_LABELS.has(words[0]!.norm) &&
        tokens.length - colon > 4));
  if (!(next && QUOTE_MARKS.has(next.text)) && !transcript) return null;
  return cue('speaker_label', 'colon', 'neutral', mark, mark, name);
}

// Dashes that sign a quotation ("“…” — Mr. Obama", "\"…\" -- John Dryden").
const DASHES = new Set(['—', '–', '-']);

/**
 * A quotation signed with a dash, as under an epigraph or a pasted tweet: "“He is a con
 * artist.” — Marco Rubio", "“…” — Mr. Obama, Feb. 23, 2009". The sentence is the quotation
 * alone, and the name (one to four capitalised words, perhaps a title) ends the sentence or
 * is followed by a comma or a parenthesis.
 */
export function dashSignature(tokens: Token[], inQuote: boolean[]): Attribution | null {
  if (!QUOTE_MARKS.has(tokens[0]?.text ?? '')) return null;
  let q = 1;
  while (q < tokens.length && inQuote[q]) q++;
  const close = tokens[q];
  if (q < 3 || !close || !QUOTE_MARKS.has(close.text)) return null;
  let d = q + 1;
  const dash = tokens[d];
  if (!dash || !DASHES.has(dash.text)) return null;
  while (DASHES.has(tokens[d]?.text ?? '')) d++;
  let n = d;
  while (
    n < tokens.length &&
    n < d + 6 &&
    ((tokens[n]!.isWord && isCap(tokens[n]!)) ||
      (tokens[n]!.text === '.' && tokens[n - 1]!.isWord && tokens[n - 1]!.text.length <= 3))
  )
    n++;
  const name = tokens.slice(d, n);
  const words = name.filter((t) => t.isWord);
  if (words.length === 0 || words.length > 4) return null;
  if (words.some((t) => NOT_LABELS.has(strip(t.norm)))) return null;
  const after = tokens[n];
  if (after && !/^[,(.]$/.test(after.text)) return null;
  return cue('speaker_label', 'dash', 'neutral', dash, dash, name);
}

// Between a headline's name and its colon: to whom or of what it speaks.
const ADDRESSED = new Set(['to', 'on']);

/**
 * A headline's "Trump: U.S., China to resume talks": the words before an opening colon
 * when they can be a name (one to four capitalised words, not "Analysis:" or "Watch:").
 * Whether they name a person the article knows is for the caller to decide.
 */
export function headlineLabel(tokens: Token[], inQuote: boolean[]): Attribution | null {
  let n = 0;
  while (
    n < tokens.length &&
    n < 6 &&
    (isCap(tokens[n]!) || tokens[n]!.text === '.') &&
    !(n > 0 && ADDRESSED.has(tokens[n]!.norm))
  )
    n++;
  const name = tokens.slice(0, n);
  // "Gingrich to GOP Leaders: 'Go Over the Cliff'", "Trump on Clinton: 'She took …'": the
  // one addressed or spoken of sits between the name and its colon.
  let at = n;
  if (n > 0 && ADDRESSED.has(tokens[n]?.norm ?? '')) {
    const limit = Math.min(tokens.length, n + 10);
    at = n + 2;
    while (at < limit && tokens[at]!.text !== ':' && !QUOTE_MARKS.has(tokens[at]!.text)) at++;
  }
  const mark = tokens[at];
  const words = name.filter((t) => t.isWord);
  if (!mark || mark.text !== ':' || inQuote[0] || words.length === 0 || words.length > 4)
    return null;
  // A name has no preposition in it ("Latest On Greek Crisis: …").
  if (NOT_LABELS.has(words[0]!.norm) || words.some((t) => OPENERS.has(t.norm))) return null;
  if (tokens.slice(at + 1).filter((t) => t.isWord).length < 3) return null;
  return cue('speaker_label', 'colon', 'neutral', mark, mark, name);
}

// "Beijing's view that …", "China's insistence that …", "in Blinken's words, …".
export function nounAttribution(tokens: Token[], i: number, type: VerbType): Attribution | null {
  const owner = tokens[i - 1];
  const next = tokens[i + 1];
  if (!owner || !next) return null;
  const t = tokens[i]!;
  if (/^(his|her|their|its)$/.test(owner.norm)) {
    const inPhrase = tokens[i - 2]?.norm === 'in' || tokens[i - 3]?.norm === 'in';
    if (next.norm !== 'that' && !(inPhrase && next.text === ',')) return null;
    return cue('attribution_noun', t.norm, type, t, t, [owner]);
  }
  if (!/'s?$/.test(owner.norm) || !isCap(owner)) return null;
  // A possessive ends no phrase of npEndingAt: the capitalised words before it do
  // ("the White House's view").
  let first = i - 1;
  while (
    first > 0 &&
    i - first < 5 &&
    tokens[first - 1]!.isWord &&
    isCap(tokens[first - 1]!) &&
    !OPENERS.has(tokens[first - 1]!.norm) &&
    !/^(but|and|or|yet|so|the|a|an)$/.test(tokens[first - 1]!.norm)
  )
    first--;
  const np = npEndingAt(tokens, i - 1) ?? tokens.slice(first, i);
  // "in Blinken's words, …", "in the White House's view, …": "in" before the owner's phrase.
  const from = indexNear(tokens, np[0]!);
  const inPhrase =
    tokens[from - 1]?.norm === 'in' ||
    (tokens[from - 2]?.norm === 'in' && tokens[from - 1]?.norm === 'the');
  if (next.norm !== 'that' && !(inPhrase && next.text === ',')) return null;
  // The source without its possessive ending: "Beijing's" → "Beijing".
  const last = np[np.length - 1]!;
  const bare = last.text.replace(/['’]s?$/, '');
  const source = [
    ...np.slice(0, -1),
    { ...last, text: bare, norm: bare.toLowerCase(), end: last.start + bare.length },
  ];
  return cue('attribution_noun', t.norm, type, t, t, source);
}

// After "in the view of" / "in the eyes of": a source that can hold a view, a name or a role
// ("in the eyes of his opponents"), not "the law", "the public" or a document.
/**
 * "In the view of one party leader, …", "…, in the eyes of his opponents.": a view credited
 * to the phrase after "of", when the phrase is set off (a comma after it, or the sentence's
 * end) and its last word is a role noun or a capitalised name.
 */
export function viewOf(
  tokens: Token[],
  i: number,
  roleNouns: ReadonlySet<string>,
): Attribution | null {
  const t = tokens[i]!;
  if (t.norm !== 'view' && t.norm !== 'eyes') return null;
  if (tokens[i - 1]?.norm !== 'the' || tokens[i - 2]?.norm !== 'in') return null;
  if (tokens[i + 1]?.norm !== 'of') return null;
  const np = npStartingAt(tokens, i + 2);
  if (!np) return null;
  const last = np[np.length - 1]!;
  if (
    !roleNouns.has(last.norm) &&
    !(
      isCap(last) &&
      np.every(
        (w) => isCap(w) || !w.isWord || /^(the|a|an|his|her|their|its|many|some|one)$/.test(w.norm),
      )
    )
  )
    return null;
  const after = tokens[indexNear(tokens, last) + 1];
  if (after && after.text !== ',' && !/^[.!;]$/.test(after.text)) return null;
  return cue('attribution_noun', t.norm, 'neutral', t, tokens[i + 1]!, np);
}

// People whose part is to judge: "for critics, …" gives their view, "for investors, …" and
// "for lawmakers, …" do not.
const JUDGES = new Set(
  'critics observers analysts experts skeptics sceptics opponents supporters detractors proponents commentators'.split(
    ' ',
  ),
);

/**
 * "For many observers, Kim's willingness … has generated hope", "– but for critics, that will
 * still leave Iran with a windfall": "for" opening the sentence or a clause after "but",
 * perhaps a quantifier or a possessive and an adjective, a plural noun of those who judge,
 * then a comma or "who": the clause is their view.
 */
export function forJudges(tokens: Token[], i: number): Attribution | null {
  const t = tokens[i]!;
  if (t.norm !== 'for') return null;
  const before = tokens[i - 1];
  const opens =
    i === 0 ||
    (before?.norm === 'but' && (i === 1 || /^[,;—–-]$/.test(tokens[i - 2]?.text ?? ''))) ||
    (i === 1 && /^(and|yet|so)$/.test(before?.norm ?? ''));
  if (!opens) return null;
  let k = i + 1;
  if (/^(many|some|most|the|his|her|their|its|these|those|other|all)$/.test(tokens[k]?.norm ?? ''))
    k++;
  const from = k;
  while (k < from + 2 && tokens[k]?.isWord && !JUDGES.has(tokens[k]!.norm)) k++;
  const head = tokens[k];
  if (!head || !JUDGES.has(head.norm)) return null;
  const next = tokens[k + 1];
  if (!next || (next.text !== ',' && next.norm !== 'who')) return null;
  return cue('attribution_noun', 'for', 'neutral', t, head, tokens.slice(i + 1, k + 1));
}

// Attribution cues inside one sentence: a speech verb with its source ("Campbell said",
// "…, said Derek Grossman, a former …", "officials say", "who acknowledged") and
// "according to X". Works on tokens, with no parser: the source is the noun phrase next to
// the verb, found by walking over capitalised words, role nouns and determiners.
// It deliberately does not resolve who the source is (speakers.ts) or decide the
// sentence's quote label (voices.ts).

import { z } from 'zod';
import verbsFile from './lexicons/speech-verbs.json' with { type: 'json' };
import type { Token } from './types.js';

const VerbsSchema = z.object({
  version: z.string(),
  verbs: z.array(
    z.object({
      lemma: z.string().min(1),
      type: z.enum(['neutral', 'endorsing', 'distancing']),
      forms: z.array(z.string().min(1)),
      requiresNext: z.array(z.string()).optional(),
    }),
  ),
});

export type VerbType = 'neutral' | 'endorsing' | 'distancing';
interface VerbEntry {
  lemma: string;
  type: VerbType;
  requiresNext?: string[];
}

function loadVerbs(): Map<string, VerbEntry> {
  const parsed = VerbsSchema.safeParse(verbsFile);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Invalid lexicon analysis/lexicons/speech-verbs.json at "${issue?.path.join('.')}": ${issue?.message}`,
    );
  }
  const byForm = new Map<string, VerbEntry>();
  for (const v of parsed.data.verbs) for (const f of v.forms) byForm.set(f, v);
  return byForm;
}

const VERBS = loadVerbs();

export interface Attribution {
  /** 'speech_verb' or 'according_to'. */
  cue: 'speech_verb' | 'according_to';
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
}

const AUX = new Set(
  (
    'has have had is are was were be been being will would could can may might did does do also ' +
    'already later reportedly repeatedly recently previously publicly privately again once then ' +
    'still just even further first last only never long often separately similarly himself herself ' +
    'themselves itself not had has'
  ).split(' '),
);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const DETS = new Set(
  'the a an some many several two three four both other most few these those his her their its all one any no'.split(
    ' ',
  ),
);
// Lower-case words that can sit inside a source's noun phrase.
const ROLE_NOUNS = new Set(
  (
    'official officials spokesperson spokesman spokeswoman spokespeople minister ministry secretary ' +
    'adviser advisor aide aides diplomat diplomats envoy ambassador analyst analysts expert experts ' +
    'scholar scholars critic critics observer observers source sources people person leader leaders ' +
    'lawmaker lawmakers senator president premier chairman director professor researcher researchers ' +
    'fellow economist economists strategist strategists negotiator negotiators administration government ' +
    'department media newspaper daily agency report statement survey poll polls study document documents ' +
    'readout summary tally analysis letter memo email campaign host manager military authorities embassy ' +
    'committee officer officers executive executives residents voters supporters opponents members staff ' +
    'team group council commission court judge prosecutors police chief head editorial board outlet ' +
    'organization company firm data figures ministers governments countries allies partners side sides ' +
    'counterpart counterparts officer state media-outlet press watchers insiders participants attendees'
  ).split(' '),
);
const NP_ADJ = new Set(
  (
    'senior former top chief deputy assistant current unnamed anonymous other american chinese foreign ' +
    'state defense military national security intelligence administration white trade federal local ' +
    'new recent independent western regional u.s. us state-run state-owned official communist ' +
    'government biden party congressional republican democratic his her their its vice acting'
  ).split(' '),
);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const QUOTE_MARKS = new Set(['“', '”', '"', '‘', '’', '„']);
const NO_INVERSION = new Set(
  'tell warn urge inform advise remind accuse criticize condemn praise blame call brief dismiss deny assure slam threaten'.split(
    ' ',
  ),
);
const BOUNDARY_CONJ = new Set(['and', 'but', 'while', 'as', 'or']);

// Capitalised word; a char-code test first, because this runs on every token.
const isCap = (t: Token): boolean => {
  if (!t.isWord) return false;
  const c = t.text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const first = t.text[0]!;
  return first !== first.toLowerCase();
};

function npWord(t: Token): boolean {
  if (isCap(t)) return true;
  return t.isWord && (ROLE_NOUNS.has(t.norm) || NP_ADJ.has(t.norm) || DETS.has(t.norm));
}

/** The noun phrase ending at token `end` (walking left), or null. */
function npEndingAt(tokens: Token[], end: number): Token[] | null {
  const head = tokens[end];
  if (!head || !head.isWord) return null;
  if (PRONOUNS.has(head.norm) || head.norm === 'who') return [head];
  if (head.norm.endsWith("'s") && !isCap(head)) return null;
  let start = end;
  while (start > 0 && end - start < 12) {
    const t = tokens[start - 1]!;
    if (DETS.has(tokens[start]!.norm)) break;
    if (npWord(t)) start--;
    else if (t.text === '.' && start >= 2 && isCap(tokens[start - 2]!)) start--;
    else if (
      /^(of|for|at|and|from)$/.test(t.norm) &&
      start >= 2 &&
      npWord(tokens[start - 2]!) &&
      isCap(tokens[start]!)
    )
      start--;
    else if (t.isWord && !isCap(t) && start >= 2 && DETS.has(tokens[start - 2]!.norm)) start -= 2;
    else break;
  }
  while (start < end && /^(of|for|at|and|from)$/.test(tokens[start]!.norm)) start++;
  const np = tokens.slice(start, end + 1);
  // The head must name a source: a capitalised name, a pronoun or a role noun.
  if (!isCap(head) && !ROLE_NOUNS.has(head.norm)) return null;
  // A sentence-initial function word ("But", "And", "Still") is not part of the source.
  while (
    np.length > 1 &&
    /^(but|and|so|yet|still|now|then|meanwhile|however|also|in|on|at|for|while)$/.test(np[0]!.norm)
  )
    np.shift();
  return np;
}

/** The noun phrase starting at token `start` (walking right), or null. */
export function npStartingAt(tokens: Token[], start: number): Token[] | null {
  const first = tokens[start];
  if (!first || !first.isWord) return null;
  if (PRONOUNS.has(first.norm)) return [first];
  if (!npWord(first)) return null;
  let end = start;
  while (end + 1 < tokens.length && end - start < 14) {
    const t = tokens[end + 1]!;
    if (npWord(t) && !(DETS.has(t.norm) && end > start)) end++;
    else if (t.text === '.' && isCap(tokens[end]!) && tokens[end]!.text.length <= 3) end++;
    else if (/^(of|for|at|from|and)$/.test(t.norm) && tokens[end + 2] && npWord(tokens[end + 2]!))
      end++;
    else if (t.isWord && !isCap(t) && DETS.has(tokens[end]!.norm)) end++;
    else break;
  }
  while (end > start && /^(of|for|at|from|and)$/.test(tokens[end]!.norm)) end--;
  const np = tokens.slice(start, end + 1);
  const head = np[np.length - 1]!;
  const ok =
    np.some(isCap) || ROLE_NOUNS.has(head.norm) || (np.length >= 2 && DETS.has(np[0]!.norm));
  return ok ? np : null;
}

// "a recent tally from Indo-Pacific Command officials" → the officials.
const DOC_NOUNS = new Set(
  'tally statement report readout summary analysis data survey release transcript account documents document study'.split(
    ' ',
  ),
);
function innerSource(tokens: Token[], np: Token[]): Token[] {
  for (let k = 0; k + 1 < np.length; k++) {
    if (DOC_NOUNS.has(np[k]!.norm) && /^(from|by|of)$/.test(np[k + 1]!.norm)) {
      return npStartingAt(tokens, indexNear(tokens, np[k + 1]!) + 1) ?? np;
    }
  }
  const last = np[np.length - 1]!;
  const idx = indexNear(tokens, last);
  const next = tokens[idx + 1];
  if (DOC_NOUNS.has(last.norm) && next && /^(from|by|of)$/.test(next.norm)) {
    return npStartingAt(tokens, idx + 2) ?? np;
  }
  return np;
}

// Position of a token known to be near the cue: a bounded scan keeps long sentences linear.
function indexNear(tokens: Token[], token: Token): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = tokens[mid]!.start;
    if (start === token.start) return mid;
    if (start < token.start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function followedBy(tokens: Token[], i: number, wanted: string[]): boolean {
  for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (wanted.includes(t.norm)) return true;
    if (QUOTE_MARKS.has(t.text) && wanted.includes('quote')) return true;
  }
  return false;
}

/**
 * Attribution cues of one sentence. `inQuote[i]` tells whether token i is inside quotation
 * marks: a verb there belongs to the quoted speaker, not to the article.
 */
export function findAttributions(tokens: Token[], inQuote: boolean[]): Attribution[] {
  const found: Attribution[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (inQuote[i] || !t.isWord) continue;
    if (t.norm === 'according' && tokens[i + 1]?.norm === 'to') {
      const np = npStartingAt(tokens, i + 2);
      if (np && !PRONOUNS.has(np[0]!.norm)) {
        const src = innerSource(tokens, np);
        found.push({
          cue: 'according_to',
          lemma: 'according to',
          verbType: 'neutral',
          cueStart: t.start,
          cueEnd: tokens[i + 1]!.end,
          source: src,
          inherited: false,
          trailing: false,
        });
      }
      continue;
    }
    const verb = VERBS.get(t.norm);
    if (!verb || isCap(t)) continue;
    if (verb.requiresNext && !followedBy(tokens, i, verb.requiresNext)) continue;
    const source = sourceOf(tokens, i, verb.lemma, found);
    if (!source) continue;
    const first = Math.min(i, indexNear(tokens, source.source[0]!));
    const before = tokens[first - 1];
    const rest = tokens.length - i - 1 <= 16 ? tokens.slice(i + 1) : null;
    const trailing =
      !source.inherited &&
      !!before &&
      (before.text === ',' || QUOTE_MARKS.has(before.text)) &&
      rest !== null &&
      !rest.some((r) => r.norm === 'that' || r.text === '“' || r.text === ':');
    found.push({
      cue: 'speech_verb',
      lemma: verb.lemma,
      verbType: verb.type,
      cueStart: t.start,
      cueEnd: t.end,
      ...source,
      trailing,
    });
  }
  // The sentence's main attribution first: a trailing reporting clause, then the first
  // speech verb, then "according to".
  const rank = (a: Attribution) => (a.trailing ? 0 : a.cue === 'speech_verb' ? 1 : 2);
  return found
    .map((a, n) => ({ a, n }))
    .sort((x, y) => rank(x.a) - rank(y.a) || x.n - y.n)
    .map((x) => x.a);
}

function sourceOf(
  tokens: Token[],
  v: number,
  lemma: string,
  earlier: Attribution[],
): { source: Token[]; inherited: boolean } | null {
  const verb = tokens[v]!;
  const ing = verb.norm.endsWith('ing');
  let k = v - 1;
  let sawBe = false;
  while (
    k >= 0 &&
    tokens[k]!.isWord &&
    (AUX.has(tokens[k]!.norm) || (/ly$/.test(tokens[k]!.norm) && tokens[k]!.norm.length > 4))
  ) {
    if (BE.has(tokens[k]!.norm)) sawBe = true;
    k--;
  }
  const prev = tokens[k];
  // Passive ("was called off", "as indicated by X"): the source, if any, follows "by".
  if ((sawBe || prev?.norm === 'as') && !ing) {
    if (tokens[v + 1]?.norm === 'by') {
      const np = npStartingAt(tokens, v + 2);
      return np ? { source: np, inherited: false } : null;
    }
    return null;
  }
  if (prev && prev.isWord && !BOUNDARY_CONJ.has(prev.norm)) {
    if (prev.norm === 'who' || prev.norm === 'that' || prev.norm === 'which') {
      if (prev.norm !== 'who') return null;
      let a = k - 1;
      if (tokens[a]?.text === ',') a--;
      const np = npEndingAt(tokens, a);
      return np ? { source: np, inherited: false } : null;
    }
    const np = npEndingAt(tokens, k);
    if (!np) return null;
    if (np.length === 1 && (np[0]!.norm === 'i' || np[0]!.norm === 'we')) return null;
    return { source: np, inherited: false };
  }
  // Inverted: "…,” said Derek Grossman" / "…, said the senior official" (not "told X":
  // after tell, warn and the like the noun phrase is the listener).
  const adjacent = k === v - 1;
  if (
    adjacent &&
    (!prev || prev.text === ',' || QUOTE_MARKS.has(prev.text) || prev.text === ':') &&
    !ing &&
    !NO_INVERSION.has(lemma)
  ) {
    const np = npStartingAt(tokens, v + 1);
    if (np && !(np.length === 1 && DETS.has(np[0]!.norm))) {
      // "wrote the spokeswoman, Hua Chunying": the name after the role.
      const after = indexNear(tokens, np[np.length - 1]!) + 1;
      if (tokens[after]?.text === ',' && !np.some(isCap)) {
        const name = npStartingAt(tokens, after + 1);
        if (name && name.every((t) => isCap(t) || t.text === '.'))
          return { source: name, inherited: false };
      }
      return { source: np, inherited: false };
    }
  }
  // "Daniel Kritenbrink, the assistant secretary …, said": the name before the apposition.
  if (prev && prev.text === ',' && !ing) {
    for (let j = k - 1; j >= Math.max(0, k - 40); j--) {
      const t = tokens[j]!;
      if (QUOTE_MARKS.has(t.text)) break;
      if (t.text !== ',') continue;
      // "China’s leader, Xi Jinping, has described": the apposition is the name.
      const between = tokens.slice(j + 1, k);
      if (
        between.length > 0 &&
        between.length <= 4 &&
        between.every((t) => isCap(t) || t.text === '.')
      )
        return { source: between, inherited: false };
      if (
        !/^(a|an|the|who|now|former|currently|his|her|its|their)$/.test(tokens[j + 1]?.norm ?? '')
      )
        break;
      const np = npEndingAt(tokens, j - 1);
      if (np && np.some(isCap) && !PRONOUNS.has(np[0]!.norm))
        return { source: np, inherited: false };
      break;
    }
  }
  // ", noting …", "but said …": the subject of the earlier clause.
  if (ing || (prev && BOUNDARY_CONJ.has(prev.norm))) {
    const last = earlier[earlier.length - 1];
    if (last) return { source: last.source, inherited: true };
    const start = sentenceSubjectStart(tokens);
    const np = start >= 0 ? npStartingAt(tokens, start) : null;
    if (np && np[np.length - 1]!.start < verb.start) return { source: np, inherited: true };
  }
  return null;
}

/** The sentence's grammatical subject when it opens with a name or role ("Blinken refrained …"). */
export function sentenceSubject(tokens: Token[]): Token[] | null {
  const start = sentenceSubjectStart(tokens);
  const np = start >= 0 ? npStartingAt(tokens, start) : null;
  return np && np.some(isCap) && !PRONOUNS.has(np[0]!.norm) ? np : null;
}

// Skip an opening connective ("Furthermore, …", "In May, …") to the main subject.
function sentenceSubjectStart(tokens: Token[]): number {
  const comma = tokens.findIndex((t) => t.text === ',');
  if (comma > 0 && comma <= 4 && !tokens.slice(1, comma).some(isCap)) return comma + 1;
  return 0;
}

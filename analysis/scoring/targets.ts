// Tone toward a target: which persons and groups each sentence is about, and a tone per
// (sentence, target). A target is found in the text itself: its full name, its surname
// ("Michael Steele" … "Steele" … "Mr. Steele"), a singular/plural form of a common-noun
// name ("plaintiffs" … "plaintiff"), and he/she/his/her when the last person named before
// it was the target. Each mention has a role: the sentence's or a clause's subject, an
// object or other mention, a pronoun, or the target as the quoted speaker (a quote *by* the
// target, whose tone is the target's own and counts little) as against a sentence *about* it.
// It deliberately parses nothing (roles are positional, like scope.ts) and knows no outlet:
// an article's score toward a target comes from its own sentences only.

import { tokenize } from '../segmentation/tokens.js';
import type { ArticleAnalysis, SegmentTarget, Speaker, Token } from '../types.js';
import type { MentionRole } from '../vocabulary/targets.js';
import { PhraseTrie } from './matcher.js';
import {
  isAllCaps,
  isCommonWord,
  isInitial,
  isTitleWord,
  notNameEnd,
  notNameStart,
  pronounOrAdjective,
  properNounOnly,
  standsAlone,
} from './name-words.js';

export type { SegmentTarget };

/** How much a sentence's tone says about a target mentioned in this role. */
export const ROLE_WEIGHT: Record<MentionRole, number> = {
  subject: 1,
  object: 0.8,
  pronoun: 0.8,
  // The target's own words: "X said the bill is a disaster" is X's tone, not the writer's
  // about X (BASIL's annotators judge how the article treats X, not how X speaks).
  speaker: 0.25,
};

/** What the target stage needs of each sentence; the pipeline has all of it. */
export interface TargetSentence {
  tokens: readonly Token[];
  paragraph: number;
  /** Scored kinds only (headline, body); others are skipped. */
  scored: boolean;
  /** tone.combined, or 0 for unscored kinds. */
  tone: number;
  /** Sum of the loaded-language cue weights of the sentence. */
  loaded: number;
  /** Name of the sentence's speaker as the voices stage gives it, or null for the narrator. */
  speaker: string | null;
  /** True when the sentence is a direct or indirect quote. */
  quoted: boolean;
}

/** Weight of one loaded-language cue against the sentence tone (−5…+5 scale). */
export const LOADED_WEIGHT = 1;
/** Pseudo-count of neutral sentences in an article's score toward a target (shrinkage). */
export const PRIOR_SENTENCES = 2;

const PERSON_PRONOUNS = new Set(['he', 'him', 'his', 'she', 'her', 'hers', 'himself', 'herself']);
const TITLES = new Set(
  'mr mrs ms dr sen rep gov president senator representative governor judge justice secretary'.split(
    ' ',
  ),
);

/** A word whose first letter is a capital; an ASCII first character is told by its code. */
const isCapital = (t: Token): boolean => {
  if (!t.isWord) return false;
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(t.text);
};

/** The word forms a target is matched by; a person-like name also by its surname. */
export function targetForms(name: string): { forms: string[]; person: boolean } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const person = words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w));
  const forms = new Set<string>([words.join(' ').toLowerCase()]);
  // A surname that alone is a pronoun or an adjective ("Liu He", "David French") is matched
  // only with the rest of the name.
  if (person && standsAlone(words[words.length - 1]!))
    forms.add(words[words.length - 1]!.toLowerCase());
  if (!person) {
    // "plaintiffs" ↔ "plaintiff", "Senate Republicans" ↔ "Senate Republican".
    const last = words[words.length - 1]!.toLowerCase();
    const head = words.slice(0, -1).map((w) => w.toLowerCase());
    const other = last.endsWith('s') ? last.slice(0, -1) : `${last}s`;
    forms.add([...head, other].join(' '));
  }
  return { forms: [...forms], person };
}

/**
 * How a target is written: a `person` ("Anna Berg", matched also by the surname, always with
 * a capital), a `place` standing for its government ("China", "Beijing", "the White House":
 * a codebook's metonyms, with a capital, an acronym in capitals, possessive included, never
 * inside a longer name such as "South China Sea" or "Washington Post"), or a `common` name
 * ("plaintiffs", matched in either case and number).
 */
export type TargetKind = 'person' | 'place' | 'common';

/** One mention: tokens [from, to), the target, and every target its words may name. */
export interface TargetMention {
  from: number;
  to: number;
  target: number;
  /** More than one when the words are shared ("Kim": Kim Jong Un and Tony Kim). */
  candidates: readonly number[];
}

/** A compiled matcher for a list of target names (index = target id). */
export class TargetMatcher {
  readonly names: readonly string[];
  readonly person: readonly boolean[];
  readonly kinds: readonly TargetKind[];
  private readonly trie = new PhraseTrie<number>();

  /**
   * `kinds` defaults to person for capitalised names of two words or more, else common.
   * `forms`, per target: the exact phrases it is written as (a codebook actor's name and
   * aliases: "Xi Jinping", "President Xi", "Xi"), in place of the forms made from its name.
   */
  constructor(
    names: readonly string[],
    kinds?: readonly TargetKind[],
    forms?: readonly (readonly string[] | undefined)[],
  ) {
    this.names = names;
    this.kinds = names.map((n, i) => kinds?.[i] ?? (targetForms(n).person ? 'person' : 'common'));
    this.person = this.kinds.map((k) => k === 'person');
    names.forEach((name, id) => {
      const given = forms?.[id];
      if (this.kinds[id] === 'place' || given) {
        for (const form of given ?? [name]) {
          const phrase = form.trim().toLowerCase();
          this.trie.add(phrase, id);
          this.trie.add(`${phrase}'s`, id);
        }
      } else
        for (const form of targetForms(name).forms) {
          this.trie.add(form, id);
          if (this.kinds[id] === 'person') this.trie.add(`${form}'s`, id);
        }
    });
  }

  /** Mentions of any target in one sentence: token range and target id. */
  mentions(tokens: readonly Token[]): TargetMention[] {
    const out: TargetMention[] = [];
    for (const m of this.trie.matchAll(tokens)) {
      // Lower-case matches only for common-noun names ("plaintiffs"); a surname or name must
      // be written with a capital, so "rice" or "bush" as words are no one.
      const target = m.entries[0]!;
      const kind = this.kinds[target];
      if (kind === 'person' && !isCapital(tokens[m.from]!)) continue;
      if (kind === 'place' && !isPlaceMention(tokens, m.from, m.to)) continue;
      out.push({ from: m.from, to: m.to, target, candidates: [...new Set(m.entries)] });
    }
    return out;
  }
}

/**
 * Whether tokens [from, to) that spell a place name are a mention of the place itself: its
 * first word (after "the") has a capital, a short one ("US", "PRC") is written in capitals,
 * and it is no part of a longer name: no capitalised word right after it (but a title:
 * "U.S. President", "China's Foreign Minister"; or a possessive: "China's Xi") nor right
 * before it (but a word that starts no name: "Despite China", "Will Beijing").
 */
function isPlaceMention(tokens: readonly Token[], from: number, to: number): boolean {
  const first = tokens[from]!.norm === 'the' && to - from > 1 ? from + 1 : from;
  const head = tokens[first]!;
  if (!isCapital(head)) return false;
  const last = tokens[to - 1]!;
  const possessive = /['’]s$/.test(last.text);
  if (to - first === 1) {
    // A short one is an acronym ("US", not "Us"); a long one in capitals is a dateline.
    const letters = head.text.replace(/['’]s$/, '').replace(/[^\p{L}]/gu, '');
    const capitals = letters === letters.toUpperCase();
    if (letters.length <= 4 ? !capitals : capitals) return false;
  }
  const next = tokens[to];
  if (!possessive && next && isCapital(next) && !TITLE_AFTER_PLACE.has(next.norm)) return false;
  const before = first === from ? tokens[from - 1] : undefined;
  if (before && isCapital(before) && !notNameStart(before)) return false;
  return true;
}

/** Titles that may follow a place name without making a longer name of it ("U.S. President"). */
const TITLE_AFTER_PLACE = new Set(
  'president secretary minister foreign defense defence officials official ambassador envoy leader leaders government administration navy military forces troops'.split(
    ' ',
  ),
);

/** Words of a role before a name that opens a sentence ("Council leader Anna Berg"). */
const MAX_ROLE_WORDS = 3;

/** Subject when the mention opens its sentence or a clause, after a title or determiner. */
function roleOf(tokens: readonly Token[], from: number): MentionRole {
  if (
    from > 0 &&
    from <= MAX_ROLE_WORDS &&
    isCapital(tokens[0]!) &&
    tokens.slice(0, from).every((t) => t.isWord || t.text === '.')
  )
    return 'subject';
  let k = from - 1;
  while (
    k >= 0 &&
    (TITLES.has(tokens[k]!.norm) || tokens[k]!.norm === '.' || isCapital(tokens[k]!))
  )
    k--;
  while (k >= 0 && /^(the|a|an)$/.test(tokens[k]!.norm)) k--;
  if (k < 0) return 'subject';
  const before = tokens[k]!;
  if (!before.isWord && /^[,;:—–(“"]$/.test(before.text)) return 'subject';
  if (/^(and|but|while|when|after|as|because|although|that)$/.test(before.norm)) return 'subject';
  return 'object';
}

export interface ArticleTargets {
  targets: readonly string[];
  perSegment: SegmentTarget[][];
  /** Tone of each sentence (null for unscored kinds): what a target's sentences are set against. */
  tones: (number | null)[];
}

/** Per sentence, the targets it is about and its tone toward each. */
export function findTargets(
  sentences: readonly TargetSentence[],
  matcher: TargetMatcher,
): ArticleTargets {
  const perSegment: SegmentTarget[][] = [];
  let lastPerson = -1;
  let lastPersonParagraph = -1;
  // Where each target was last named by words no other target shares: a shared word ("Kim"
  // for Kim Jong Un and Tony Kim) is the one of them named last, and no one before either is.
  const lastNamed = new Map<number, number>();
  let position = 0;
  const resolve = (m: TargetMention): number => {
    if (m.candidates.length === 1) {
      lastNamed.set(m.target, position++);
      return m.target;
    }
    let best = -1;
    for (const c of m.candidates)
      if ((lastNamed.get(c) ?? -1) > (best < 0 ? -1 : lastNamed.get(best)!)) best = c;
    return best;
  };
  const speakerTarget = (speaker: string | null): number => {
    if (speaker === null) return -1;
    const m = matcher.mentions(tokenize(speaker))[0];
    return m ? resolve(m) : -1;
  };
  for (const s of sentences) {
    const found = new Map<number, SegmentTarget>();
    if (!s.scored) {
      perSegment.push([]);
      continue;
    }
    const tone = s.tone + LOADED_WEIGHT * s.loaded;
    const add = (target: number, role: MentionRole, from: number | null, to: number | null) => {
      const existing = found.get(target);
      const weight = ROLE_WEIGHT[role];
      if (existing && existing.weight >= weight) return;
      found.set(target, {
        target,
        role,
        tone,
        weight,
        quoted: s.quoted,
        start: from === null ? null : s.tokens[from]!.start,
        end: to === null ? null : s.tokens[to - 1]!.end,
      });
    };
    const mentions = matcher
      .mentions(s.tokens)
      .map((m) => ({ ...m, target: resolve(m) }))
      .filter((m) => m.target >= 0);
    // A pronoun before any name in the sentence refers back to the last person named.
    const firstName = mentions[0]?.from ?? s.tokens.length;
    if (lastPerson >= 0 && s.paragraph - lastPersonParagraph <= 1) {
      for (let i = 0; i < firstName; i++) {
        if (PERSON_PRONOUNS.has(s.tokens[i]!.norm)) {
          add(lastPerson, 'pronoun', i, i + 1);
          break;
        }
      }
    }
    for (const m of mentions) {
      add(m.target, roleOf(s.tokens, m.from), m.from, m.to);
      if (matcher.person[m.target]) {
        lastPerson = m.target;
        lastPersonParagraph = s.paragraph;
      }
    }
    const speaker = speakerTarget(s.speaker);
    if (speaker >= 0) {
      // The sentence is the target's own words: that role wins over a mention inside them.
      found.set(speaker, {
        target: speaker,
        role: 'speaker',
        tone,
        weight: ROLE_WEIGHT.speaker,
        quoted: false,
        start: found.get(speaker)?.start ?? null,
        end: found.get(speaker)?.end ?? null,
      });
    }
    perSegment.push([...found.values()]);
  }
  const tones = sentences.map((s) => (s.scored ? s.tone : null));
  return { targets: matcher.names, perSegment, tones };
}

/**
 * An article's score toward one target. `score`: the weighted mean of its sentences' tone
 * toward the target, shrunk toward 0 by PRIOR_SENTENCES neutral sentences, so two sentences
 * do not make an extreme (0 when the article never names the target). `relative`, the
 * framing score: `score` minus the mean tone of the article's other sentences (shrunk the
 * same way), so that the sentiment of the event itself and the article's general register
 * cancel, and what is left is how the article treats the target compared with the rest of
 * its own story. It orders the articles of an event (BASIL, 38 development events: ordering
 * concordance 0.67 against 0.51–0.52 for `score` alone or the article mean tone).
 * `sentences`: how many sentences are about the target (show it beside the score).
 */
export function articleTargetScore(
  result: ArticleTargets,
  target: number,
): { score: number; relative: number; sentences: number } {
  let sum = 0;
  let weights = 0;
  let sentences = 0;
  let otherSum = 0;
  let others = 0;
  result.perSegment.forEach((list, i) => {
    const about = list.find((t) => t.target === target);
    if (about) {
      sum += about.weight * about.tone;
      weights += about.weight;
      sentences++;
    } else if (result.tones[i] !== null && result.tones[i] !== undefined) {
      otherSum += result.tones[i]!;
      others++;
    }
  });
  const score = sum / (weights + PRIOR_SENTENCES);
  const rest = otherSum / (others + PRIOR_SENTENCES);
  return { score, relative: score - rest, sentences };
}

/** The target stage's view of an analysed article's sentences. */
export function targetSentences(
  analysis: ArticleAnalysis,
  tokens?: readonly (readonly Token[])[],
): TargetSentence[] {
  const loaded = new Float64Array(analysis.segments.length);
  for (const h of analysis.cueHits) if (h.lexicon === 'loaded') loaded[h.segment]! += h.weight;
  return analysis.segments.map((s, i) => ({
    tokens: tokens?.[i] ?? tokenize(s.text, s.start),
    paragraph: s.paragraph,
    scored: s.tone !== null,
    tone: s.tone?.evaluative ?? 0,
    loaded: loaded[i]!,
    speaker: s.speaker === null ? null : (analysis.speakers[s.speaker]?.name ?? null),
    quoted: s.quote === 'direct' || s.quote === 'indirect',
  }));
}

/** Last words of names that are institutions, not persons ("White House", "Supreme Court"). */
const INSTITUTION_HEADS = new Set(
  (
    'house court times post journal news party committee department senate congress ' +
    'republicans democrats states administration street university council agency service ' +
    'office ministry union nations bank fund association institute center foundation ' +
    'commission corporation company inc group church army forces guard police board ' +
    'authority organization press network magazine city county state island islands sea ' +
    'river day act bill law security'
  ).split(' '),
);
const MAX_TARGETS = 12;

/**
 * A capitalised name in a run of capitalised words starting at `i`: the run (a middle initial
 * with its period is part of it: "George W. Bush"; a possessive ends it: "Boris Johnson's
 * Commons majority", "China's Xi Jinping"), less the words at either end that start or end
 * no name ("Despite", "Will", "Chairman", "Secretary-General", "Tory", "MUST WATCH",
 * "Korean", a bare initial; and at the start of a sentence of three words or more, a common
 * word: "Furious Boris Johnson"). A pronoun or adjective that is also a proper noun is read
 * as a name where the other reading cannot stand: last, right after a given name ("Liu He",
 * "David French", but "North Korean"), or first in mid-sentence after a lower-case word
 * ("said He Lifeng"). `to`: where the run ends; `words`: the name's tokens (null when none).
 */
function nameRun(tokens: readonly Token[], i: number): { to: number; words: Token[] | null } {
  const run: Token[] = [];
  let j = i;
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (!isCapital(t) || TITLES.has(t.norm)) break;
    run.push(t);
    j++;
    if (/['’]s$/.test(t.text)) break;
    // "W." inside a name: the initial keeps its period and the run goes on.
    if (isInitial(t) && tokens[j]?.text === '.' && tokens[j + 1] && isCapital(tokens[j + 1]!)) j++;
  }
  const to = Math.max(j, i + 1);
  let a = 0;
  let b = run.length;
  const previous = tokens[i - 1];
  const sentenceStart = i === 0 || /^[“"‘'(—–:]$/.test(previous!.text);
  const afterLowerCase = previous !== undefined && previous.isWord && !isCapital(previous);
  const nameFirst = afterLowerCase && pronounOrAdjective(run[0]!);
  // A title inside the run ends what came before it ("U.N. Secretary-General Ban Ki-moon").
  for (let k = b - 2; k > 0; k--)
    if (isTitleWord(run[k]!.norm)) {
      a = k + 1;
      break;
    }
  while (a < b && notNameStart(run[a]!) && !(a === 0 && nameFirst && isPronoun(run[0]!))) a++;
  if (sentenceStart && a === 0 && b >= 3 && isCommonWord(run[0]!)) a = 1;
  // A longer run is a heading or a list of names, not one name.
  if (b - a > 3) return { to, words: null };
  while (b > a && notNameEnd(run[b - 1]!)) {
    const last = run[b - 1]!;
    if (b - a >= 2 && pronounOrAdjective(last) && properNounOnly(run[b - 2]!)) break;
    b--;
  }
  return { to, words: b - a >= 2 ? run.slice(a, b) : null };
}

/** A capitalised personal pronoun ("He", "She", "It"). */
const isPronoun = (t: Token): boolean => PERSON_PRONOUNS.has(t.norm) || t.norm === 'it';

const nameText = (words: readonly Token[]): string =>
  words.map((t) => (isInitial(t) ? `${t.text}.` : t.text.replace(/['’]s$/, ''))).join(' ');

/**
 * The persons an article is about, found in its text: named speakers, and full names of two
 * or three capitalised words whose last word (the surname) recurs alone elsewhere in the
 * article ("Michael Steele" … "Steele said"). One name per surname, most mentioned first.
 */
export function articleNames(
  segments: readonly (readonly Token[])[],
  speakers: readonly Speaker[],
): string[] {
  const full = new Map<string, { name: string; count: number; forms: Map<string, number> }>();
  const alone = new Map<string, number>();
  const note = (name: string, by: number) => {
    const surname = name.split(' ').at(-1)!.toLowerCase();
    if (INSTITUTION_HEADS.has(surname)) return;
    const entry = full.get(surname) ?? { name, count: 0, forms: new Map<string, number>() };
    full.set(surname, entry);
    entry.count += by;
    entry.forms.set(name, (entry.forms.get(name) ?? 0) + by);
  };
  // Of the forms of one name, the commonest: a word glued before a name ("East Surrey Philip
  // Hammond" in a list of seats) does not replace it.
  // A form that only puts words before another is dropped; then the commonest, the longest.
  const bestForm = (forms: Map<string, number>): string => {
    const all = [...forms.entries()];
    const kept = all.filter(([f]) => !all.some(([g]) => f.endsWith(` ${g}`)));
    return kept.sort(
      (x, y) => y[1] - x[1] || y[0].split(' ').length - x[0].split(' ').length,
    )[0]![0];
  };
  for (const tokens of segments) {
    for (let i = 0; i < tokens.length;) {
      if (!isCapital(tokens[i]!) || TITLES.has(tokens[i]!.norm)) {
        i++;
        continue;
      }
      const { to, words } = nameRun(tokens, i);
      if (to - i === 1) {
        const w = tokens[i]!.norm.replace(/'s$/, '');
        alone.set(w, (alone.get(w) ?? 0) + 1);
      } else if (words) note(nameText(words), 1);
      i = to;
    }
  }
  for (const s of speakers) {
    const words = s.name.split(/\s+/);
    if (!s.anonymous && words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w))) {
      const { words: name } = nameRun(tokenize(s.name), 0);
      if (name) note(nameText(name), 1);
    }
  }
  return [...full.entries()]
    .filter(([surname, e]) => (alone.get(surname) ?? 0) > 0 || e.count >= 2)
    .sort((a, b) => b[1].count + (alone.get(b[0]) ?? 0) - (a[1].count + (alone.get(a[0]) ?? 0)))
    .slice(0, MAX_TARGETS)
    .map(([, e]) => bestForm(e.forms));
}

/**
 * The places of the story's codebook that stand for a party's government and that the
 * article names ("China", "Beijing", "the White House": the codebook's metonyms), each as
 * first written, in order of first mention. `metonyms` are lower-case, as in the codebook.
 */
export function articlePlaces(
  segments: readonly (readonly Token[])[],
  metonyms: Iterable<string> | TargetMatcher,
): string[] {
  const probe = metonyms instanceof TargetMatcher ? metonyms : placeMatcher(metonyms);
  const found = new Map<number, string>();
  for (const tokens of segments)
    for (const m of probe.mentions(tokens)) {
      if (found.has(m.target)) continue;
      found.set(
        m.target,
        tokens
          .slice(m.from, m.to)
          .map((t) => t.text.replace(/['’]s$/, ''))
          .join(' '),
      );
    }
  return [...found.values()];
}

/**
 * The matcher `articlePlaces` finds a codebook's places with: it depends on the codebook
 * only, so the pipeline makes it once per codebook rather than once per article.
 */
export function placeMatcher(metonyms: Iterable<string>): TargetMatcher {
  // "the White House" and "White House" are both metonyms: one target, matched by the shorter.
  const all = new Set(metonyms);
  const phrases = [...all].filter((p) => !(p.startsWith('the ') && all.has(p.slice(4))));
  return new TargetMatcher(
    phrases,
    phrases.map(() => 'place'),
  );
}

/** A word that makes a phrase a name: a capital, and no title or function word ("Secretary"). */
const isNameWord = (t: Token): boolean =>
  isCapital(t) &&
  !isTitleWord(t.norm) &&
  !TITLES.has(t.norm) &&
  (isAllCaps(t.text) || !notNameStart(t));

/**
 * The story's codebook actors the article names, by their canonical name with the forms they
 * are matched by: name and aliases ("Xi Jinping", "President Xi", "Xi"), less an alias with
 * no name word in it ("Secretary of State", "foreign ministry": a role, anyone's) and "the".
 * An actor counts as named when one of its forms is found with a capital; a single word
 * names it by itself only when it is no other person's surname (`surnames`, lower-case: "Kim"
 * in a story about Tony Kim) and, if a common word ("Hook" of Brian Hook, "Burns"), not as
 * the first word of a sentence. Otherwise the single word names it once a longer form has.
 */
export function articleActors(
  segments: readonly (readonly Token[])[],
  actors: readonly { name: string; aliases: readonly string[] }[] | ActorMatcher,
  surnames: ReadonlySet<string> = new Set(),
): { name: string; forms: string[] }[] {
  const { usable, probe } = 'probe' in actors ? actors : actorMatcher(actors);
  const found: number[] = [];
  const introduced = new Set<number>();
  for (const tokens of segments)
    for (const m of probe.mentions(tokens)) {
      const words = tokens.slice(m.from, m.to);
      const word = words[0]!.norm.replace(/'s$/, '');
      const weak =
        words.length === 1 && (surnames.has(word) || (m.from === 0 && isCommonWord(words[0]!)));
      for (const c of m.candidates) {
        if (weak && !introduced.has(c)) continue;
        introduced.add(c);
        if (!found.includes(c)) found.push(c);
      }
    }
  return found.map((i) => usable[i]!);
}

/** The codebook actors `articleActors` looks for, with their forms, and their matcher. */
export interface ActorMatcher {
  usable: readonly { name: string; forms: string[] }[];
  probe: TargetMatcher;
}

/**
 * The forms and matcher of `articleActors`: they depend on the codebook only (tokenizing
 * and testing every alias was a twentieth of the analysis when done per article), so the
 * pipeline makes them once per codebook.
 */
export function actorMatcher(
  actors: readonly { name: string; aliases: readonly string[] }[],
): ActorMatcher {
  const listed = actors.map((a) => ({
    name: a.name,
    forms: [
      ...new Set(
        [a.name, ...a.aliases]
          .map((f) =>
            f
              .replace(/^the\s+/i, '')
              .replace(/’/g, "'")
              .trim(),
          )
          .filter((f) => tokenize(f).some(isNameWord)),
      ),
    ],
  }));
  const usable = listed.filter((a) => a.forms.length > 0);
  const probe = new TargetMatcher(
    usable.map((a) => a.name),
    usable.map(() => 'person'),
    usable.map((a) => a.forms),
  );
  return { usable, probe };
}

// Attribution cues inside one sentence: a speech verb with its source ("Campbell said",
// "…, said Derek Grossman, a former …", "officials say", "who acknowledged", "polls show"),
// "according to X", and reported views named by a noun ("Beijing's view that …",
// "in Blinken's words"). Works on tokens, with no parser: the source is the noun phrase next
// to the cue (source-phrase.ts).
// It deliberately does not resolve who the source is (speakers.ts) or decide the
// sentence's quote label (voices.ts).

import { OPENERS, sentenceSubjectStart, skipToSubject } from './clause-subject.js';
import {
  indexNear,
  innerSource,
  isCap,
  isPossessive,
  npEndingAt,
  npStartingAt,
  npWord,
  plainSourceStartingAt,
  plainWord,
  PRONOUNS,
  QUOTE_MARKS,
} from './source-phrase.js';
import {
  cue,
  dashSignature,
  forJudges,
  nounAttribution,
  speakerLabel,
  viewOf,
  type Attribution,
} from './attribution-cues.js';
import {
  afterClosingQuote,
  closesSentence,
  followedBy,
  VERBS,
  type VerbType,
} from './speech-verbs.js';
import { coordinated, firstConjunct, genericSaying, isNonSource } from './source-filters.js';
import type { Token } from '../types.js';
import { ROLES } from './voice-roles.js';
import {
  COMPLEMENT_ADJECTIVES,
  complementFollows,
  LINKING_VERBS,
  PHRASE_FORMS,
  stancePhraseAt,
} from './stance-predicates.js';
import type { VerbEntry } from './speech-verbs.js';
import { namesCountry } from './sides.js';
import { adjectiveOnly, finiteVerbFirst, isAllCaps, notNameStart } from '../scoring/name-words.js';

/**
 * Every word the cue loop of findAttributions acts on: "according", the attribution nouns,
 * the stance adjectives and the speech verbs. Any other word is passed over with one lookup
 * instead of three.
 */
const CUE_WORDS = new Set<string>([
  'according',
  'eyes',
  'for',
  ...ROLES.attributionNouns.keys(),
  ...ROLES.stanceAdjectives,
  ...COMPLEMENT_ADJECTIVES.keys(),
  ...PHRASE_FORMS,
  ...VERBS.keys(),
]);

// After these verbs an inverted noun phrase is the listener ("told X"), not the speaker.
const NO_INVERSION = new Set(
  'tell warn urge inform advise remind accuse criticize condemn praise blame call brief dismiss deny assure slam threaten show find'.split(
    ' ',
  ),
);
// These verbs take the one spoken of as object ("Murray echoed Ryan, saying …", "hailed the
// deal"): a noun phrase after them is the speaker only right after a quotation ("“…,”
// echoed Rep. Randy Weber").
const INVERSION_AFTER_QUOTE = new Set('echo hail blast chastise point'.split(' '));
// Roles held at a place or body named after "to" ("ambassador to Russia", "envoy to the
// anti-ISIS coalition"); not "adviser to President Obama", where the name is the principal.
const POSTED_TO = new Set(
  'ambassador ambassadors envoy envoys emissary delegate delegates diplomat diplomats representative'.split(
    ' ',
  ),
);
// "a campaign promise that …", "The conference report that …": a speech word in its bare
// form after an article and a singular noun is the head of a compound noun, since a
// singular subject would take "promises", "reports" ("the agency reports" is a verb).
// Plurals without -s ("the police warn", "the people say") are subjects still.
// So are shares of a whole ("a majority say"); and a noun after a preposition is its object,
// not the subject ("Critics of the deal fear", "Volunteers at the center say").
const PLURAL_NO_S = new Set(
  'people police staff public media children men women clergy majority minority plurality third quarter half number'.split(
    ' ',
  ),
);
// Prepositions a phrase may be the object of (objectOfPreposition below).
const PREPOSITIONS = new Set('of by from in about for with on at to into among'.split(' '));
// "Roy and the chamber say" has a plural subject; "the headline read" is past tense.
const OBJECT_OF = new Set([...PREPOSITIONS, 'as', 'over', 'against', 'and', 'or']);
const PAST_AS_BASE = new Set(['read', 'put', 'cut', 'set', 'hit', 'let', 'bid', 'broadcast']);

function compoundNoun(tokens: Token[], i: number, lemma: string): boolean {
  const p = tokens[i - 1];
  const t = tokens[i]!;
  return (
    p !== undefined &&
    p.isWord &&
    !isCap(p) &&
    t.norm === lemma &&
    !PAST_AS_BASE.has(t.norm) &&
    /^(a|an|the)$/.test(tokens[i - 2]?.norm ?? '') &&
    !OBJECT_OF.has(tokens[i - 3]?.norm ?? '') &&
    /^[a-z]+$/.test(p.norm) &&
    !p.norm.endsWith('s') &&
    !PLURAL_NO_S.has(p.norm) &&
    !ROLES.roleNouns.has(p.norm)
  );
}

// After these words a verb form is a noun ("a new report", "made little mention", "in
// hopes that", "with comments from").
const NOUN_BEFORE = new Set(
  'a an the his her its their our my this little much no any every each whose in of with from about without'.split(
    ' ',
  ),
);
// "In earlier comments", "Trump's later remarks": "earlier" and "later" after an article, a
// preposition or a possessive are adjectives, and the verb form after them a noun (not "Trump
// earlier said", where skipToSubject passes over the adverb).
function adjectivalTime(tokens: Token[], i: number): boolean {
  const before = tokens[i - 2];
  return (
    /^(earlier|later)$/.test(tokens[i - 1]?.norm ?? '') &&
    !!before &&
    (NOUN_BEFORE.has(before.norm) || /['’]s?$/.test(before.norm))
  );
}
// Words that may follow an inverted source: a time or venue phrase, a relative clause.
const INVERTED_NEXT = new Set(
  'in on at during after before last this earlier later who according when while and as'.split(' '),
);
const BOUNDARY_CONJ = new Set(['and', 'but', 'while', 'as', 'or']);
// Words that tie an unnamed source to what it knows ("one person close to the White House",
// "a source familiar with the talks", "one official directly involved").
const SOURCE_MATTER = new Set('close familiar briefed involved knowledgeable directly'.split(' '));
// Words that open an inverted source phrase of plain words after a quotation ("…,” said one
// Bush backer", "…,” says the former cabinet member").
const INVERTED_DETS = new Set('a an the one another two three several'.split(' '));

// Auxiliaries, which a title-case headline capitalises: no part of a source.
const TITLE_AUXILIARIES = new Set(
  'can could will would should shall may might must do does did is are was were has have had'.split(
    ' ',
  ),
);
// Words a title-case headline leaves in lower case.
const TITLE_MINOR = new Set(
  'a an the of for and or nor but in on at to by with as from into vs via per'.split(' '),
);

/**
 * Attribution cues of one sentence. `inQuote[i]` tells whether token i is inside quotation
 * marks: a verb there belongs to the quoted speaker, not to the article.
 */
export function findAttributions(
  tokens: Token[],
  inQuote: boolean[],
  headline = false,
): Attribution[] {
  const found: Attribution[] = [];
  const label = speakerLabel(tokens, inQuote);
  // A title-case headline leaves its minor words in lower case ("Trump Says 'Let Russia Back
  // in' as He Heads for G-7 Summit"): in a headline they are not counted.
  let words = 0;
  let capitalised = 0;
  for (const t of tokens) {
    if (!t.isWord || (headline && TITLE_MINOR.has(t.norm) && !isCap(t))) continue;
    words++;
    if (isCap(t)) capitalised++;
  }
  const titleCase = words >= 4 && capitalised >= 0.8 * words;
  if (label) found.push(label);
  const signed = label ? null : dashSignature(tokens, inQuote);
  if (signed) found.push(signed);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (inQuote[i] || !t.isWord || !CUE_WORDS.has(t.norm)) continue;
    if (t.norm === 'according' && tokens[i + 1]?.norm === 'to') {
      const np = npStartingAt(tokens, i + 2) ?? plainSourceStartingAt(tokens, i + 2);
      if (np && !PRONOUNS.has(np[0]!.norm)) {
        found.push({
          ...cue(
            'according_to',
            'according to',
            'neutral',
            t,
            tokens[i + 1]!,
            innerSource(tokens, np),
          ),
          trailing: creditsSentence(tokens, i, indexNear(tokens, np[np.length - 1]!)),
        });
      }
      continue;
    }
    const judged = forJudges(tokens, i);
    if (judged) {
      found.push(judged);
      continue;
    }
    const seen = viewOf(tokens, i, ROLES.roleNouns);
    if (seen) {
      found.push(seen);
      continue;
    }
    const noun = ROLES.attributionNouns.get(t.norm);
    if (noun) {
      const a = nounAttribution(tokens, i, noun);
      if (a) {
        found.push(a);
        continue;
      }
    }
    // "officials are optimistic"; "advocates were furious that …" (an emotion only with its
    // complement: "the crowd was angry" reports no view).
    if (ROLES.stanceAdjectives.has(t.norm) || complementFollows(tokens, i)) {
      const a = stance(tokens, i);
      if (a) found.push(a);
      continue;
    }
    // "Gohmert took exception to …", "Peskov held out the possibility …": a verb phrase whose
    // object names a stance, said of a source (not "the deal raised questions").
    const phrase = PHRASE_FORMS.has(t.norm) ? stancePhraseAt(tokens, i) : null;
    const verb: VerbEntry | undefined = phrase
      ? { lemma: phrase, type: 'neutral', forms: [], subject: 'source' }
      : VERBS.get(t.norm);
    // In a title-case headline ("Trump Warns Clinton …") verbs are capitalised too.
    // An opening participle ("Speaking from the White House, Obama …") is capitalised too.
    const opening = i === 0 && t.norm.endsWith('ing');
    if (!verb || (isCap(t) && ((i === 0 && !opening) || (i > 0 && !titleCase)))) continue;
    // After an article, a possessive or an adjective the word is a noun ("a new report"),
    // also after an article and a word that is only ever an adjective ("sounded an
    // optimistic note", "struck a similar note"), but not after a role ("the official said")
    // nor before a word first a finite verb: an adjective-only word before "said" is a noun
    // itself ("a militant said", "the separatist says"), before "written" it is not.
    const p = tokens[i - 1];
    if (
      p &&
      (NOUN_BEFORE.has(p.norm) ||
        adjectivalTime(tokens, i) ||
        (!isCap(p) &&
          ROLES.npAdjectives.has(p.norm) &&
          !ROLES.roleNouns.has(p.norm) &&
          p.norm !== 'us') ||
        (!isCap(p) &&
          /^(a|an|the)$/.test(tokens[i - 2]?.norm ?? '') &&
          !ROLES.roleNouns.has(p.norm) &&
          adjectiveOnly(p.norm) &&
          !finiteVerbFirst(t.norm)) ||
        compoundNoun(tokens, i, verb.lemma))
    )
      continue;
    // "“…,” Issa snapped": manner-of-speaking verbs count only after a quotation.
    if (verb.afterQuote && !afterClosingQuote(tokens, i, inQuote)) continue;
    // "…, Xinhua reported." / "…, the ministry countered.": a verb that needs a following
    // word elsewhere is a reporting clause when it closes the sentence after a comma; not a
    // phrasal one whose particle or object is that word ("Medicaid power play", not "play down").
    const closing = !verb.lemma.includes(' ') && closesSentence(tokens, i);
    const naming = verb.lemma === 'call' && relativeNaming(tokens, i);
    // "threatened to veto": a threat to act, when no word the verb otherwise needs follows.
    const infinitive =
      verb.toInfinitive === true &&
      !!verb.requiresNext &&
      !followedBy(tokens, i, verb.requiresNext) &&
      infinitiveFollows(tokens, i);
    // "In either case, U.S. officials fear, Iran could …": a reporting clause set off by
    // commas inside the sentence needs no "that" after it.
    // "The New York Times reports:", "He continued: …": a colon after the verb opens what
    // was said, as "that" or a quotation mark would.
    const colon =
      !verb.lemma.includes(' ') && colonAfter(tokens, i) && colonSubject(tokens, i, verb);
    const asideComma = parenthetical(tokens, i);
    let aside = asideComma >= 0;
    if (
      verb.requiresNext &&
      !followedBy(tokens, i, verb.requiresNext) &&
      !closing &&
      !naming &&
      !infinitive &&
      !aside &&
      !colon &&
      !asClauseOpens(tokens, i)
    )
      continue;
    if (
      verb.excludeNext &&
      verb.excludeNext.includes(tokens[i + 1]?.norm ?? '') &&
      !(aside && tokens[i + 1]!.text === ',')
    )
      continue;
    // "Congress could point to …": a possibility, not something said.
    if (verb.excludePrev && verb.excludePrev.includes(p?.norm ?? '')) continue;
    // "vows of a showdown", "warnings of war": a plural noun, not a verb ("says of" is one).
    if (tokens[i + 1]?.norm === 'of' && /s$/.test(t.norm) && verb.lemma !== 'say') continue;
    const source = sourceOf(tokens, i, verb.lemma, found, inQuote[0] === true);
    if (!source || isNonSource(source.source)) continue;
    // The aside is the source and its verb alone: its source opens it.
    const sourceStart = indexNear(tokens, source.source[0]!);
    if (
      aside &&
      (sourceStart <= asideComma ||
        tokens
          .slice(asideComma + 1, sourceStart)
          .some((w) => !/^(the|a|an)$/.test(w.norm) && !isPossessive(w)))
    ) {
      const needed =
        (verb.requiresNext &&
          !followedBy(tokens, i, verb.requiresNext) &&
          !closing &&
          !naming &&
          !infinitive &&
          !colon &&
          !asClauseOpens(tokens, i)) ||
        (verb.excludeNext && verb.excludeNext.includes(tokens[i + 1]?.norm ?? ''));
      if (needed) continue;
      aside = false;
    }
    // In a title-case headline a capitalised verb closing it is a participle ("… to Get all of
    // Trump's Nominees Confirmed") unless a comma sets its source off (", Officials Say"), and an auxiliary before it asks a question ("Which Party
    // Can We Blame …?"): no one speaks.
    if (
      headline &&
      isCap(t) &&
      i > 0 &&
      ((!tokens.slice(i + 1).some((r) => r.isWord) &&
        !/^[,;:]$/.test(tokens[indexNear(tokens, source.source[0]!) - 1]?.text ?? '')) ||
        source.source.some((r) => TITLE_AUXILIARIES.has(r.norm)))
    )
      continue;
    if (source.source.length === 1 && genericSaying(tokens, i, source.source[0]!)) continue;
    if (infinitive && !personSubject(source.source, tokens[0]!)) continue;
    // A stance phrase is said of a person or a body of people in its own clause: not of "That
    // failure raised doubts", nor of the main clause's subject before a participle ("Biden
    // won Michigan, casting doubt on …").
    if (
      phrase &&
      (source.inherited ||
        !personSubject(source.source, tokens[0]!) ||
        objectOfPreposition(tokens, source.source))
    )
      continue;
    // The sentence's subject taken over by "and shows that …" must fit the verb as well.
    // "Pentagon officials point to …" but not "signs pointed to …" (while "skeptics point
    // out" needs no such subject): a subject condition lifted by a following word.
    const subjectKind =
      verb.subject ??
      (verb.subjectUnlessNext && !followedBy(tokens, i, verb.subjectUnlessNext.words)
        ? verb.subjectUnlessNext.subject
        : undefined);
    if (
      subjectKind &&
      (!source.inherited || source.fromSubject) &&
      !subjectFits(source.source, subjectKind, tokens[0]!)
    )
      continue;
    const first = Math.min(i, indexNear(tokens, source.source[0]!));
    const before = tokens[first - 1];
    // After an inverted source ("…,” said Federica Mogherini, the European …") only the
    // source's apposition follows: the clause still closes the sentence.
    const sourceEnd = indexNear(tokens, source.source[source.source.length - 1]!);
    const inverted = sourceEnd > i;
    const apposition =
      inverted &&
      tokens[sourceEnd + 1]?.text === ',' &&
      /^(the|a|an|who|former|its|his|her)$/.test(tokens[sourceEnd + 2]?.norm ?? '');
    const rest =
      tokens.length - i - 1 <= 16
        ? tokens.slice(i + 1)
        : apposition
          ? tokens.slice(i + 1, sourceEnd + 1)
          : null;
    // "…, as indicated by X" credits the whole sentence, like a trailing "…, X said"; so
    // does "As Politico reported Tuesday, …" (a reporting clause opened by "as", closed by a
    // comma within a few words).
    const trailing =
      source.credits === true ||
      (!source.inherited && before?.norm === 'as' && asClauseOpens(tokens, i)) ||
      // "…, as The Post exclusively reported Tuesday.": an "as" clause closing a sentence
      // no one else in speaks ("Breyer said …, as The Two-Way reported" stays Breyer's).
      (!source.inherited &&
        found.length === 0 &&
        before?.norm === 'as' &&
        tokens[first - 2]?.text === ',' &&
        closing) ||
      (!source.inherited &&
        !!before &&
        (before.text === ',' || QUOTE_MARKS.has(before.text)) &&
        rest !== null &&
        !rest.some((r) => r.norm === 'that' || r.text === '“' || r.text === ':'));
    if (
      verb.requiresNext &&
      !followedBy(tokens, i, verb.requiresNext) &&
      !trailing &&
      !naming &&
      !infinitive &&
      !aside &&
      !colon
    )
      continue;
    const conjuncts = coordinated(tokens, source.source);
    found.push({
      ...cue(
        'speech_verb',
        verb.lemma,
        verb.type,
        t,
        t,
        groupPair(tokens, source.source) ?? firstConjunct(tokens, source.source),
      ),
      inherited: source.inherited,
      trailing,
      ...(conjuncts ? { conjuncts } : {}),
      ...(infinitive ? { yields: true } : {}),
    });
  }
  // The sentence's main attribution first: a trailing reporting clause, then the first
  // speech verb, then "according to", then a view named by a noun. A news organisation
  // reporting beside another source ("Kim …, saying …, the AP reported") only passed the
  // words on: it comes after every other source.
  // An editorial ("the newspaper wrote") is the paper's own voice: only "reported" and
  // "according to" pass words on.
  const passesOn = (a: Attribution) =>
    (a.lemma === 'report' || a.cue === 'according_to') &&
    (isMedia(a.source) || (a.cue === 'according_to' && isNewsReport(a.source)));
  const conduit = found.some((a) => !passesOn(a)) ? passesOn : () => false;
  // A closing or opening "according to X" credits the sentence to X, unless someone in it
  // says, tells, writes or asks: then X passed those words on.
  const reported = found.some((a) => a.cue === 'speech_verb' && CORE_SAYING.has(a.lemma));
  const rank = (a: Attribution) =>
    (conduit(a) ? 4 : 0) +
    (a.yields ? 3 : 0) +
    (a.trailing && !(a.cue === 'according_to' && reported)
      ? 0
      : a.cue === 'speech_verb'
        ? 1
        : a.cue === 'according_to'
          ? 2
          : 3);
  return found
    .map((a, n) => ({ a, n }))
    .sort((x, y) => rank(x.a) - rank(y.a) || x.n - y.n)
    .map((x) => x.a);
}

// "…, according to the White House (on Friday)." and "According to the survey, …": an
// "according to" that closes the sentence after a comma, or opens it and is closed by one,
// frames the whole sentence, like a trailing "…, X said" ("they have spoken by phone three
// times, according to the White House" is the White House's account, not theirs). It comes
// first unless someone in the sentence says, tells, writes or asks (findAttributions' rank):
// "According to Lavrov, Trump told Putin …" still credits Trump.
function creditsSentence(tokens: Token[], according: number, sourceEnd: number): boolean {
  const rest = tokens.slice(sourceEnd + 1);
  const closing = rest.every(
    (t) => !t.isWord || ROLES.timeHeads.has(t.norm) || ROLES.timePrepositions.has(t.norm),
  );
  if (tokens[according - 1]?.text === ',' && closing) return true;
  const opens = according === 0 || (according === 1 && /^(but|and|yet|so)$/.test(tokens[0]!.norm));
  return opens && rest[0]?.text === ',';
}

// The verb, perhaps with a time word ("reported Tuesday"), is followed by a colon.
function colonAfter(tokens: Token[], verb: number): boolean {
  let k = verb + 1;
  if (ROLES.timeHeads.has(tokens[k]?.norm ?? '')) k++;
  return tokens[k]?.text === ':';
}

// Before a colon a label's noun looks like a verb ("Jobs report:", "Our original post:",
// "raises two questions:", "Another pattern continued:"): the word before the verb must be
// a name, a pronoun or a role, and a bare form ("report") follows only a pronoun or a role
// in lower case ("analysts say:"), not a name ("Mueller report:").
function colonSubject(tokens: Token[], i: number, verb: VerbEntry): boolean {
  const p = tokens[i - 1];
  if (!p?.isWord) return false;
  const role = !isCap(p) && ROLES.roleNouns.has(p.norm);
  if (tokens[i]!.norm === verb.lemma) return PRONOUNS.has(p.norm) || role;
  return PRONOUNS.has(p.norm) || role || isCap(p);
}

// Words that make the words before a comma-closed verb no bare source ("…, who fear, …",
// "…, as many fear, …", "In the end, Trump cannot take charge, …", "…, the United States
// has agreed, in principle, …", "…, these troubling CBS reports, …"); after the comma, these
// open no reported clause ("…'s confessional moment continued Thursday, as he …").
const NOT_ASIDE = new Set([
  ...'who whom which that as if when while because and but or not cannot these those this where'.split(
    ' ',
  ),
  ...'can could will would should shall may might must do does did is are was were has have had'.split(
    ' ',
  ),
  ...OPENERS,
]);
const NOT_CLAUSE = new Set('as while when whereas because which who where'.split(' '));

/**
 * A reporting clause set off by commas inside the sentence: "In either case, U.S. officials
 * fear, Iran could …", "The deal, critics argue, leaves …": a comma, a source of one to five
 * words without punctuation, the verb (perhaps with a time word), a comma, and at least
 * three more words of the reported clause. The index of the first comma, or -1.
 */
function parenthetical(tokens: Token[], verb: number): number {
  let after = verb + 1;
  if (ROLES.timeHeads.has(tokens[after]?.norm ?? '')) after++;
  if (tokens[after]?.text !== ',' || NOT_CLAUSE.has(tokens[after + 1]?.norm ?? '')) return -1;
  if (tokens.slice(after + 1).filter((t) => t.isWord).length < 3) return -1;
  let j = verb - 1;
  let words = 0;
  while (j >= 0 && (tokens[j]!.isWord || tokens[j]!.text === '.') && words <= 5) {
    if (NOT_ASIDE.has(tokens[j]!.norm)) return -1;
    if (tokens[j]!.isWord) words++;
    j--;
  }
  return j > 0 && tokens[j]!.text === ',' && words >= 1 && words <= 5 ? j : -1;
}

// "As Politico reported Tuesday, …", "But as the Monitor reported, …": "as" opening the
// sentence, a few words before the verb, and a comma soon after. Inside a sentence ("…
// even if, as Lee noted, it …") the clause is an aside: the sentence's own source stays.
function asClauseOpens(tokens: Token[], verb: number): boolean {
  for (let j = verb - 1; j >= 0 && j >= verb - 7; j--) {
    const t = tokens[j]!;
    if (t.text === ',' || QUOTE_MARKS.has(t.text)) return false;
    if (t.norm === 'as')
      return (
        (j === 0 || (j === 1 && /^(but|and|yet|so)$/.test(tokens[0]!.norm))) &&
        asClauseCloses(tokens, verb)
      );
  }
  return false;
}

// The comma closing "as X reported Tuesday night," within four words of the verb, with no
// object or "that" clause in between ("as X said that …" is an ordinary report).
function asClauseCloses(tokens: Token[], verb: number): boolean {
  for (let j = verb + 1; j < tokens.length && j <= verb + 5; j++) {
    const t = tokens[j]!;
    if (t.text === ',') return true;
    if (!t.isWord || t.norm === 'that' || QUOTE_MARKS.has(t.text)) return false;
  }
  return false;
}

/**
 * "according to reports", "according to a report", "according to media reports", "according to
 * the paper", "according to reporter Jennifer Jacobs": news coverage passing on someone's words,
 * a conduit like a news organisation. A report with a name or description of its own ("the CRS
 * report", "its latest annual report") is a document, a source in its own right.
 */
function isNewsReport(source: Token[]): boolean {
  const head = source[source.length - 1]!.norm;
  if (source.some((t) => /^(reporters?|correspondents?)$/.test(t.norm))) return true;
  return (
    /^(reports?|paper)$/.test(head) &&
    source.slice(0, -1).every((t) => NEWS_REPORT_WORDS.has(t.norm))
  );
}

const CORE_SAYING = new Set(['say', 'tell', 'write', 'ask']);

const NEWS_REPORT_WORDS = new Set([
  'a',
  'an',
  'the',
  'some',
  'several',
  'recent',
  'earlier',
  'multiple',
  'news',
  'media',
  'press',
  'local',
  'published',
]);

/** A source naming a news organisation ("Reuters", "the semi-official Fars news agency"). */
export function isMedia(source: Token[]): boolean {
  return (
    source.some((t) => t.isWord && isCap(t) && ROLES.mediaWords.has(t.norm.replace(/'s$/, ''))) ||
    source.some((t) => t.isWord && /^(newspaper|agency|broadcaster|outlet)$/.test(t.norm))
  );
}

// "to" and a verb right after the verb, perhaps past an adverb or a time phrase
// ("threatened to veto", "threatened again to", "threatened last week to"), not "to the".
function infinitiveFollows(tokens: Token[], i: number): boolean {
  for (let k = i + 1; k <= i + 3 && tokens[k]?.isWord; k++) {
    // "threatening to the administration" is the adjective: a verb, not an article, follows.
    if (tokens[k]!.norm === 'to') {
      const next = tokens[k + 1];
      return !!next?.isWord && !isCap(next) && !ROLES.determiners.has(next.norm);
    }
    if (tokens[k]!.norm === 'by' || isCap(tokens[k]!)) return false;
  }
  return false;
}

// The subject of a threat to act is a person or a body of people: a name, a role noun or a
// personal pronoun; not "it", "that", a common noun ("Iran tensions", "US-Russian airstrikes")
// nor a capitalised common word opening the sentence ("Stirring fears …", "Such reversals").
const PERSON_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);
function personSubject(source: Token[], first: Token): boolean {
  const head = source[source.length - 1]!;
  if (PERSON_PRONOUNS.has(head.norm) || ROLES.roleNouns.has(head.norm)) return true;
  if (!isCap(head) || PRONOUNS.has(head.norm)) return false;
  // A country or capital for its government ("Beijing threatened to retaliate") is a body,
  // though the lexicon knows "Beijing", "China" and "Washington" as no person's name.
  return !(
    head === first &&
    !isAllCaps(head.text) &&
    notNameStart(head) &&
    !namesCountry(head.text)
  );
}

function subjectFits(source: Token[], kind: 'document' | 'source', first: Token): boolean {
  const head = source[source.length - 1]!;
  // A lone capitalised plural opening the sentence ("Markets are worried") is a plain noun.
  if (
    source.length === 1 &&
    head === first &&
    /[^s]s$/.test(head.norm) &&
    !ROLES.roleNouns.has(head.norm)
  )
    return false;
  if (source.some((t) => ROLES.documentNouns.has(t.norm))) return true;
  if (kind === 'document') return false;
  // "Officials in the region" counts by its head word; "signs from both capitals" does not.
  return (
    PRONOUNS.has(head.norm) ||
    source.some(
      (t) =>
        ROLES.roleNouns.has(t.norm) ||
        (isCap(t) &&
          (t === head ||
            (!ROLES.npAdjectives.has(t.norm) &&
              !ROLES.determiners.has(t.norm) &&
              !/'s?$/.test(t.norm)))),
    )
  );
}

// A phrase after a preposition that follows a common noun is no subject: "The examination
// of Armslist raised questions", "guidelines drafted by Malaysia raise the possibility" (the
// stance is not Armslist's), unless a relative clause follows it; after a quantity ("a number of Democrats"), a role ("aides to
// Trump") or a title ("Director of National Intelligence Dan Coats") it is.
const QUANTITY_NOUNS = new Set(
  'number majority minority group handful host some many most few several all none one two three each both any lot dozens hundreds thousands millions'.split(
    ' ',
  ),
);
function objectOfPreposition(tokens: Token[], np: Token[]): boolean {
  const at = indexNear(tokens, np[0]!);
  const end = indexNear(tokens, np[np.length - 1]!);
  // "… was joined by Dan Coats, who issued a warning": a relative clause's owner may stand
  // anywhere.
  let after = end + 1;
  if (tokens[after]?.text === ',') after++;
  if (tokens[after]?.norm === 'who') return false;
  // The preposition before the phrase, or one inside it ("the examination of Holt").
  for (let p = at - 1; p < end; p++) {
    // "such as" too, after the noun before "such": "concerns over extremists such as al
    // Shabaab raise questions" (not "critics such as Ruiz raised concerns").
    const such = tokens[p]?.norm === 'as' && tokens[p - 1]?.norm === 'such';
    if (p < 0 || (!PREPOSITIONS.has(tokens[p]!.norm) && !such)) continue;
    const head = tokens[such ? p - 2 : p - 1];
    if (
      head?.isWord &&
      !isCap(head) &&
      !QUANTITY_NOUNS.has(head.norm) &&
      !ROLES.roleNouns.has(head.norm)
    )
      return true;
  }
  return false;
}

// "House lawmakers and aides said", "analysts and critics said": two groups named by plural
// role nouns and joined by "and" at the opening of a clause speak as one group; the verb's
// phrase holds only the second.
function groupPair(tokens: Token[], source: Token[]): Token[] | null {
  const first = indexNear(tokens, source[0]!);
  const last = indexNear(tokens, source[source.length - 1]!);
  // (Capitalised only as the sentence's first word: "Critics and analysts said".)
  const pluralRole = (t: Token | undefined) =>
    !!t && (!isCap(t) || t === tokens[0]) && /s$/.test(t.norm) && ROLES.roleNouns.has(t.norm);
  if (tokens[first - 1]?.norm !== 'and' || !pluralRole(tokens[last])) return null;
  if (source.some((t) => isCap(t))) return null;
  const left = npEndingAt(tokens, first - 2);
  if (!left || !pluralRole(left[left.length - 1])) return null;
  // Only modifiers before the first head ("House lawmakers", "some aides"), not a clause
  // ("Trump met reporters and aides said …").
  if (
    left
      .slice(0, -1)
      .some(
        (t) =>
          !isCap(t) &&
          !ROLES.determiners.has(t.norm) &&
          !ROLES.npAdjectives.has(t.norm) &&
          !QUANTITY_NOUNS.has(t.norm),
      )
  )
    return null;
  const start = indexNear(tokens, left[0]!);
  const before = tokens[start - 1];
  const opens =
    start === sentenceSubjectStart(tokens) ||
    !before ||
    before.text === ',' ||
    /^(but|and|while|as)$/.test(before.norm);
  return opens ? tokens.slice(start, last + 1) : null;
}

const STANCE_ADVERBS = /^(\w{3,}ly|not|more|less|very|so|too|quite|rather|still|also|even)$/;

// "The White House is not confident that …", "officials are optimistic": a view reported
// by an adjective after "be", with a named or role subject (not "it", not "markets").
// A linking verb does as "be" does: "Meadows seemed hopeful", "they remain skeptical",
// "aides grew increasingly frustrated with …".
function stance(tokens: Token[], i: number): Attribution | null {
  let j = i - 1;
  while (j > 0 && STANCE_ADVERBS.test(tokens[j]!.norm) && !isCap(tokens[j]!)) j--;
  const linked = j > 0 && LINKING_VERBS.has(tokens[j]!.norm);
  const { k, sawBe } = skipToSubject(tokens, linked ? j - 1 : i - 1);
  if (!sawBe && !linked) return null;
  const np = npEndingAt(tokens, k);
  if (
    !np ||
    np[np.length - 1]!.norm === 'it' ||
    !subjectFits(np, 'source', tokens[0]!) ||
    objectOfPreposition(tokens, np)
  )
    return null;
  // "Asked if he was confident, Kim replied …": a question put to the source, not its view.
  const before = tokens[indexNear(tokens, np[0]!) - 1];
  if (before && (before.norm === 'if' || before.norm === 'whether')) return null;
  const t = tokens[i]!;
  return cue('speech_verb', t.norm, 'neutral', t, t, np);
}

// The person in "quoted <person> as saying" or "<person> was quoted as saying", where `as`
// is the index of "as".
function quotedAsSaying(tokens: Token[], as: number): Token[] | null {
  if (/^quoted$/.test(tokens[as - 1]?.norm ?? '')) {
    const be = tokens[as - 2]?.norm ?? '';
    if (!/^(was|were|is|are|been|being)$/.test(be)) return null;
    let e = as - 3;
    if (tokens[e]?.text === ',') return null;
    while (e >= 0 && /^(also|widely|later|earlier)$/.test(tokens[e]!.norm)) e--;
    return npEndingAt(tokens, e);
  }
  const np = npEndingAt(tokens, as - 1);
  if (!np) return null;
  const before = tokens[indexNear(tokens, np[0]!) - 1];
  return before && /^(quoted|quotes|quoting|quote)$/.test(before.norm) ? np : null;
}

function sourceOf(
  tokens: Token[],
  v: number,
  lemma: string,
  earlier: Attribution[],
  opensInQuote: boolean,
): { source: Token[]; inherited: boolean; credits?: boolean; fromSubject?: boolean } | null {
  const verb = tokens[v]!;
  const ing = verb.norm.endsWith('ing');
  // A relative clause set off by commas is skipped, but not before a participle ("…, calling
  // it" has the main clause's subject).
  const skipped = skipToSubject(tokens, v - 1, !ing);
  let k = skipped.k;
  // "Trump Jr. joked", "Robert Smith Sr. said": the abbreviation's dot ends the name.
  if (
    tokens[k]?.text === '.' &&
    tokens[k - 1] &&
    isCap(tokens[k - 1]!) &&
    tokens[k - 1]!.text.length <= 3
  )
    k--;
  const prev = tokens[k];
  // "The company upped the stakes by saying …", "Trump opened the summit by pledging …":
  // the means of the main clause's action; its subject speaks.
  if (ing && k === v - 1 && prev?.norm === 'by' && v > 1) {
    const last = earlier[earlier.length - 1];
    if (last) return { source: last.source, inherited: true };
    const np = npStartingAt(tokens, sentenceSubjectStart(tokens));
    if (np && np[np.length - 1]!.start < prev.start)
      return { source: np, inherited: true, fromSubject: true };
    return null;
  }
  // "Xinhua quoted Kim as saying …", "Khanzadi was quoted as saying by Tasnim": wire style
  // for the words of the one quoted; the outlet that quoted them only passed them on.
  if (ing && k === v - 1 && prev?.norm === 'as') {
    const quoted = quotedAsSaying(tokens, k);
    if (quoted) return { source: quoted, inherited: false };
  }
  // Passive ("was called off", "as indicated by X"): the source, if any, follows "by".
  if ((skipped.sawBe || prev?.norm === 'as') && !ing) {
    if (tokens[v + 1]?.norm === 'by') {
      const np = npStartingAt(tokens, v + 2);
      return np ? { source: np, inherited: false, credits: prev?.norm === 'as' } : null;
    }
    return null;
  }
  if (prev && prev.isWord && !BOUNDARY_CONJ.has(prev.norm)) {
    if (prev.norm === 'who' || prev.norm === 'that' || prev.norm === 'which') {
      if (prev.norm === 'that') return null;
      let a = k - 1;
      if (tokens[a]?.text === ',') a--;
      const np = npEndingAt(tokens, a);
      // "Greenpeace, which charged that": only a named body, not "the plan, which said".
      if (
        prev.norm === 'which' &&
        !(np && np.some((t) => isCap(t) || ROLES.documentNouns.has(t.norm)))
      )
        return null;
      return np ? { source: np, inherited: false } : null;
    }
    // "An officer who would not agree to being identified said": no phrase ends at the
    // clause's last word, but the clause has an owner.
    let found =
      npEndingAt(tokens, k) ?? (clauseWord(prev) ? relativeClauseOwner(tokens, k + 1) : null);
    if (!found) return null;
    if (found[found.length - 1]!.text === 'MORE') found = beforeLinkText(tokens, k) ?? found;
    // "Former U.S. ambassador to the United Nations John Bolton said": the title before "to"
    // belongs to the source, or the role would read "United Nations" alone.
    {
      const at = indexNear(tokens, found[0]!);
      const role = tokens[at - 2];
      if (
        tokens[at - 1]?.norm === 'to' &&
        role &&
        !isCap(role) &&
        POSTED_TO.has(role.norm) &&
        found.some(isCap)
      ) {
        const title = npEndingAt(tokens, at - 2);
        if (title) found = [...title, tokens[at - 1]!, ...found];
      }
    }
    // "Later in the day Trump echoed …": an opening time phrase is no part of the source.
    if (found[0] === tokens[0] && /^(later|earlier)$/.test(tokens[0]!.norm)) {
      const start = sentenceSubjectStart(tokens);
      const at = found.findIndex((t) => t === tokens[start]);
      if (start > 0 && at > 0) found = found.slice(at);
    }
    // "people familiar with the matter said", "sources briefed on the talks said": the
    // source is the noun before the participle.
    // The matter may run to several phrases: "sources familiar with preparations for
    // Pompeo's trip said".
    // So is it before "with knowledge of" ("a source with knowledge of the investigation
    // said", "people with direct knowledge of the matter"), not the matter.
    const at = indexNear(tokens, found[0]!);
    for (let f = at - 2; f >= Math.max(0, at - 8); f--) {
      const t = tokens[f]!;
      if (!t.isWord || QUOTE_MARKS.has(t.text)) break;
      const knowledge = t.norm === 'knowledge' && tokens[f + 1]?.norm === 'of';
      const withAt = !knowledge
        ? -1
        : tokens[f - 1]?.norm === 'with'
          ? f - 1
          : tokens[f - 2]?.norm === 'with' && !isCap(tokens[f - 1]!)
            ? f - 2
            : -1;
      if (
        withAt > 0 ||
        (/^(familiar|briefed|close|knowledgeable|involved)$/.test(t.norm) &&
          /^(with|on|to|about)$/.test(tokens[f + 1]?.norm ?? ''))
      ) {
        const np = npEndingAt(tokens, withAt > 0 ? withAt - 1 : f - 1);
        if (!np) break;
        found = np;
        // "Two US officials and other sources familiar with …": the first one named leads.
        const s0 = indexNear(tokens, np[0]!);
        const left = tokens[s0 - 1]?.norm === 'and' ? npEndingAt(tokens, s0 - 2) : null;
        const head = left?.[left.length - 1];
        if (left && head && (ROLES.roleNouns.has(head.norm) || isCap(head))) found = left;
        break;
      }
    }
    found = pastPhraseObject(tokens, found) ?? found;
    found = relativeClauseOwner(tokens, indexNear(tokens, found[0]!)) ?? found;
    const np = innerSource(tokens, found);
    if (np.length === 1 && (np[0]!.norm === 'i' || np[0]!.norm === 'we')) return null;
    // "Holm issued a statement saying …": a document the subject issued passes on the
    // subject's words.
    if (ing && np === found && ROLES.documentNouns.has(np[np.length - 1]!.norm)) {
      const subject = npStartingAt(tokens, sentenceSubjectStart(tokens));
      const head = subject?.[subject.length - 1];
      if (
        subject &&
        head &&
        head.start < np[0]!.start &&
        (subject.some(isCap) || ROLES.roleNouns.has(head.norm)) &&
        !subject.some((t) => ROLES.documentNouns.has(t.norm)) &&
        // "Some of the allies", "Rumblings of concern": only part of a phrase.
        !ROLES.determiners.has(head.norm) &&
        !(ROLES.determiners.has(subject[0]!.norm) && subject[1]?.norm === 'of') &&
        tokens[indexNear(tokens, head) + 1]?.norm !== 'of'
      )
        return { source: subject, inherited: true, fromSubject: true };
    }
    return { source: np, inherited: false };
  }
  // Inverted: "…,” said Derek Grossman" / "…, said the senior official" (not "told X":
  // after tell, warn and the like the noun phrase is the listener).
  const adjacent = k === v - 1;
  if (
    adjacent &&
    (!prev || prev.text === ',' || QUOTE_MARKS.has(prev.text) || prev.text === ':') &&
    !ing &&
    !NO_INVERSION.has(lemma) &&
    !(INVERSION_AFTER_QUOTE.has(lemma) && !quoteCloses(tokens, v))
  ) {
    let n = v + 1;
    // "said Friday Derek Grossman" / "said on Tuesday the ministry": skip the time phrase.
    if (ROLES.timeHeads.has(tokens[n]?.norm ?? '')) n++;
    else if (
      ROLES.timePrepositions.has(tokens[n]?.norm ?? '') &&
      ROLES.timeHeads.has(tokens[n + 1]?.norm ?? '')
    )
      n += 2;
    // "…,” said Johnson’s mother, Blanche", "said the country’s main Jewish leader, Josef
    // Schuster": a relation or role after a possessive, then the name.
    const related = quoteCloses(tokens, v) ? nameAfterRelation(tokens, n) : null;
    if (related) return { source: related, inherited: false };
    const np = npStartingAt(tokens, n);
    // The inverted source ends the clause ("…, said Derek Grossman." / ", a former …" /
    // " on Friday"); "…, said many donors gave money" is a reported clause, not a source.
    const after = np ? tokens[indexNear(tokens, np[np.length - 1]!) + 1] : undefined;
    const ends = !after || !after.isWord || INVERTED_NEXT.has(after.norm);
    // "…,” said a statement by Pelosi", "said an emailed statement from campaign spokesman
    // Josh Schwerin": the document passes on the words of the one who issued it.
    const issuer = quoteCloses(tokens, v) ? documentIssuer(tokens, n) : null;
    if (issuer) return { source: issuer, inherited: false };
    if (np && !ends && quoteCloses(tokens, v)) {
      const phrase = invertedPhrase(tokens, n) ?? invertedName(tokens, np);
      if (phrase) return { source: phrase, inherited: false };
    }
    if (np && ends && !(np.length === 1 && ROLES.determiners.has(np[0]!.norm))) {
      // "wrote the spokeswoman, Hua Chunying", "said a Commerce Ministry spokesman, Gao
      // Feng": the name after a phrase headed by a role.
      const after = indexNear(tokens, np[np.length - 1]!) + 1;
      const roleHead = np[np.length - 1]!;
      if (tokens[after]?.text === ',' && !isCap(roleHead) && ROLES.roleNouns.has(roleHead.norm)) {
        const name = npStartingAt(tokens, after + 1);
        if (name && name.every((t) => isCap(t) || t.text === '.'))
          return { source: name, inherited: false };
      }
      return { source: np, inherited: false };
    }
    // "said taxi driver Alireza Hashemi", "said CNN global affairs analyst Joseph Yun, a
    // former …": a bare descriptive title before the name; the name is the source.
    const named = nameAfterTitle(tokens, n, quoteCloses(tokens, v));
    if (named) return { source: named, inherited: false };
  }
  // "Daniel Kritenbrink, the assistant secretary …, said": the name before the apposition.
  if (prev && prev.text === ',' && !ing) {
    const opening =
      /^(last|earlier|later|this|next)$/.test(tokens[0]?.norm ?? '') ||
      OPENERS.has(tokens[0]?.norm ?? '')
        ? sentenceSubjectStart(tokens)
        : -1;
    for (let j = k - 1; j >= Math.max(0, k - 40); j--) {
      const t = tokens[j]!;
      if (QUOTE_MARKS.has(t.text)) break;
      if (t.text !== ',') continue;
      // "On Monday, a second woman, Lindsay Menz, accused …", "Last week, …": the comma
      // closes an opening time phrase, which is no source; the subject follows it.
      if (j === opening - 1 && timePhraseBefore(tokens, j)) break;
      const between = tokens.slice(j + 1, k);
      // "Sen. John McCain, R-Ariz., said": a party tag between commas is transparent.
      if (/^[RDI]-[A-Z]/.test(between[0]?.text ?? '') && between.length <= 3) {
        const np = npEndingAt(tokens, j - 1);
        if (np && np.some(isCap)) return { source: np, inherited: false };
        break;
      }
      // "China’s leader, Xi Jinping, has described": the apposition is the name, after a
      // role noun ("Sen. Marco Rubio, Florida Republican, said" and "…in La Malbaie, Quebec,
      // told" are not).
      const role = tokens[j - 1];
      if (
        between.length > 0 &&
        between.length <= 4 &&
        between.every((t) => isCap(t) || t.text === '.') &&
        role &&
        (ROLES.roleNouns.has(role.norm) ||
          ROLES.titleWords.has(role.norm) ||
          oneOfGroup(tokens, j - 1) ||
          // (not "the mayor of San Jose, Calif., said": a state's abbreviation)
          (roleOfPlace(tokens, j - 1) && between[between.length - 1]!.text !== '.') ||
          // "the teen's mother, Lesley McSpadden, told": a relation after a possessive.
          (!isCap(role) && plainWord(role) && isPossessive(tokens[j - 2] ?? role)))
      )
        return { source: between, inherited: false };
      if (between.length > 0 && between.every((t) => isCap(t) || t.text === '.')) continue;
      // The apposition opens with an article, "who", "former" or a role ("assistant director of").
      // "Mnuchin, also speaking on CNBC, hailed", "Brewer, also a Republican, urged": "also"
      // or another adverb before the participle (only a short adverb before an article: not
      // "Africa, particularly his father's Kenya, promises").
      const lead = tokens[j + 1]?.norm ?? '';
      const short = /^(also|then|later|again|still|once|first|previously)$/.test(lead);
      const after = tokens[j + 2];
      const adverb =
        (short || /..ly$/.test(lead)) &&
        !!after?.isWord &&
        !isCap(after) &&
        (/ing$/.test(after.norm) ||
          PARTICIPLE_OPENERS.has(after.norm) ||
          (short && /^(a|an|the)$/.test(after.norm)));
      const opener = tokens[j + (adverb ? 2 : 1)];
      if (
        !opener ||
        !(
          /^(a|an|the|who|whose|which|now|former|currently|his|her|its|their|then|\d+)$/.test(
            opener.norm,
          ) ||
          // "Kim, standing next to Moon, said", "Trump, flanked by aides, told reporters":
          // a participle phrase about the speaker.
          (!isCap(opener) && (/ing$/.test(opener.norm) || PARTICIPLE_OPENERS.has(opener.norm))) ||
          (!isCap(opener) &&
            (ROLES.roleNouns.has(opener.norm) || ROLES.npAdjectives.has(opener.norm)))
        )
      )
        break;
      // "Rep. Peter King, R-N.Y., a member of the committee, said": a party tag between the
      // name and the apposition is transparent.
      const tagged =
        /^[RDI]-[A-Z]/.test(tokens[j - 1]?.text ?? '') && tokens[j - 2]?.text === ',' ? 2 : 0;
      // "Rep. Adam B. Schiff (D-Calif.), the chairman of …, told": past the parenthesis.
      let end = j - 1 - tagged;
      if (tokens[end]?.text === ')') {
        let open = end - 1;
        while (open > Math.max(0, end - 8) && tokens[open]!.text !== '(') open--;
        if (tokens[open]?.text === '(') end = open - 1;
      }
      let np = npEndingAt(tokens, end);
      // The Hill's pasted link text before the parenthesis: "Rep. Pete King Peter (Pete)
      // KingHouse panel … MORE (R-N.Y.)".
      if (np && np[np.length - 1]!.text === 'MORE') np = beforeLinkText(tokens, end);
      if (np && np.some(isCap) && !PRONOUNS.has(np[0]!.norm))
        return { source: np, inherited: false };
      break;
    }
  }
  // "Sussman, Clinton's top backer, said …": an apposition the rules above could not read;
  // the sentence's subject is the source.
  if (prev && prev.text === ',' && !ing) {
    const start = afterOpeningQuote(tokens, v, opensInQuote) ?? sentenceSubjectStart(tokens);
    const np = npStartingAt(tokens, start);
    if (
      np &&
      np[np.length - 1]!.start < verb.start &&
      tokens[indexNear(tokens, np[np.length - 1]!) + 1]?.text === ','
    )
      return { source: np, inherited: false };
    const named = describedThenNamed(tokens, start, k);
    if (named) return { source: named, inherited: false };
  }
  // ", noting …", "but said …": the subject of the earlier clause.
  if (ing || (prev && BOUNDARY_CONJ.has(prev.norm))) {
    const last = earlier[earlier.length - 1];
    if (last) return { source: last.source, inherited: true };
    // "Speaking from the White House, Obama called …", "While predicting …, Ms. Walsh
    // sighed": an opening participle's subject is the main clause's, after the comma.
    if (ing && (v === 0 || (v === 1 && OPENERS.has(tokens[0]!.norm)))) {
      const comma = tokens.findIndex((t, n) => n > v && t.text === ',');
      const np = comma > 0 && comma - v <= 25 ? npStartingAt(tokens, comma + 1) : null;
      const next = np ? tokens[indexNear(tokens, np[np.length - 1]!) + 1] : undefined;
      const head = np?.[np.length - 1];
      if (
        np &&
        head &&
        next?.isWord &&
        (np.some(isCap) || PRONOUNS.has(head.norm) || ROLES.roleNouns.has(head.norm))
      )
        return { source: np, inherited: true, fromSubject: true };
    }
    const start = sentenceSubjectStart(tokens);
    const np = start >= 0 ? npStartingAt(tokens, start) : null;
    if (np && np[np.length - 1]!.start < verb.start)
      return { source: np, inherited: true, fromSubject: true };
  }
  return null;
}

// "On Monday", "Last week", "Earlier Tuesday", "On May 7", "In 2010": the words before the
// comma at `comma` end in a day, month, span of time or number.
function timePhraseBefore(tokens: Token[], comma: number): boolean {
  const last = tokens[comma - 1];
  return (
    !!last &&
    (ROLES.timeHeads.has(last.norm) ||
      /^\d+(st|nd|rd|th)?$/.test(last.norm) ||
      /^(ago|earlier|later)$/.test(last.norm))
  );
}

/**
 * "The Trump administration's envoy for the peace talks, Zalmay Khalilzad, told …", "a TV
 * host based in California, LeeAnn Tweeden, accused …": the subject is a description opened
 * by an article or a possessive, with no comma, then a name of two to four capitalised
 * words set off by commas before the verb (the comma at `close`). The name, or null.
 */
function describedThenNamed(tokens: Token[], start: number, close: number): Token[] | null {
  let open = close - 1;
  while (open > start && tokens[open]!.text !== ',') open--;
  const name = tokens.slice(open + 1, close);
  const words = name.filter((t) => t.isWord).length;
  if (open <= start + 1 || words < 2 || words > 4) return null;
  if (!name.every((t) => (t.isWord && isCap(t)) || t.text === '.')) return null;
  const description = tokens.slice(start, open);
  const first = description[0]!;
  // The description ends in a lower-case noun: after a name ("a top staffer in the office
  // of Rep. Adam Schiff, California Democrat, said") the apposition is that name's.
  if (
    description.length > 16 ||
    (!/^(a|an|the)$/.test(first.norm) && !isPossessive(first)) ||
    isCap(description[description.length - 1]!)
  )
    return null;
  return description.every((t) => t.isWord || t.text === '.' || t.text === '-') &&
    description.some((t) => !isCap(t) && !ROLES.determiners.has(t.norm))
    ? name
    : null;
}

// Words between a relative clause's subject and its verb ("what he has long called").
const RELATIVE_FILLERS = new Set('has had have also once long repeatedly often'.split(' '));

/**
 * "what he has called their unfair trade practices", "which Trump called a witch hunt": a
 * relative clause whose subject gave the thing its name. The naming is that subject's
 * words (call otherwise needs "for", "on", a quotation … after it).
 */
function relativeNaming(tokens: Token[], v: number): boolean {
  let j = v - 1;
  while (j >= 0 && RELATIVE_FILLERS.has(tokens[j]!.norm)) j--;
  const subjectEnd = j;
  // A person: "he", "she" or a name ("what they called", "what it calls" name a body
  // whose words are seldom quoted back to it).
  if (/^(he|she)$/.test(tokens[j]?.norm ?? '')) j--;
  else while (j >= 0 && j > subjectEnd - 3 && tokens[j]!.isWord && isCap(tokens[j]!)) j--;
  if (j === subjectEnd) return false;
  return /^(what|which|whom)$/.test(tokens[j]?.norm ?? '');
}

// The verb right after a closing quotation mark, or after the comma that follows one.
/**
 * "Johnson’s mother, Blanche,", "the late admiral's widow, Sarah Larson": a phrase that ends
 * in a possessive and one to three lower-case words, then a comma and a name that closes the
 * clause. The name, or null.
 */
function nameAfterRelation(tokens: Token[], n: number): Token[] | null {
  let k = n;
  if (ROLES.determiners.has(tokens[k]?.norm ?? '')) k++;
  let poss = -1;
  for (; k < tokens.length && k - n < 6; k++) {
    const t = tokens[k]!;
    if (isPossessive(t)) {
      poss = k;
      break;
    }
    if (!(isCap(t) || t.text === '.' || ROLES.npAdjectives.has(t.norm) || plainWord(t)))
      return null;
  }
  if (poss < 0) return null;
  let comma = poss + 1;
  while (comma < tokens.length && comma - poss <= 4 && tokens[comma]!.text !== ',') {
    const t = tokens[comma]!;
    if (!(plainWord(t) || npWord(t)) || isPossessive(t) || ROLES.determiners.has(t.norm))
      return null;
    comma++;
  }
  const head = tokens[comma - 1]!;
  if (tokens[comma]?.text !== ',' || comma === poss + 1 || isCap(head)) return null;
  const name = npStartingAt(tokens, comma + 1);
  if (!name || !name.every((t) => isCap(t) || t.text === '.') || name.length < 1) return null;
  const next = tokens[indexNear(tokens, name[name.length - 1]!) + 1];
  return !next || !next.isWord || INVERTED_NEXT.has(next.norm) ? name : null;
}

/**
 * "a statement by Pelosi", "an emailed statement from campaign spokesman Josh Schwerin", "a
 * press release from Amazon Employees for Climate Justice": an article, up to three words
 * ending in a document noun, then "from" or "by" and a named issuer. The issuer, or null.
 */
function documentIssuer(tokens: Token[], n: number): Token[] | null {
  if (!/^(a|an|the)$/.test(tokens[n]?.norm ?? '')) return null;
  for (let k = n + 1; k <= n + 3 && k + 1 < tokens.length; k++) {
    const t = tokens[k]!;
    if (!t.isWord || isCap(t)) return null;
    if (!ROLES.documentNouns.has(t.norm)) continue;
    if (!/^(from|by)$/.test(tokens[k + 1]!.norm)) return null;
    const issuer = npStartingAt(tokens, k + 2);
    if (!issuer || !issuer.some(isCap) || PRONOUNS.has(issuer[0]!.norm)) return null;
    // The issuer closes the clause: not "a statement from the U.S. joint task force".
    const next = tokens[indexNear(tokens, issuer[issuer.length - 1]!) + 1];
    return !next || !next.isWord || INVERTED_NEXT.has(next.norm) ? issuer : null;
  }
  return null;
}

function quoteCloses(tokens: Token[], v: number): boolean {
  const p = tokens[v - 1];
  if (p && QUOTE_MARKS.has(p.text)) return true;
  return p?.text === ',' && QUOTE_MARKS.has(tokens[v - 2]?.text ?? '');
}

/**
 * "…,” said one Bush backer who worked …", "…,” says the former cabinet member.", "…,”
 * said a longtime supporter of the governor": after a quotation, a determiner and plain
 * words up to where the reporting clause closes (a stop, a comma, "who", "of", "with") are
 * the source, whatever its head noun; the role list need not know "backer" or "member".
 */
function invertedPhrase(tokens: Token[], n: number): Token[] | null {
  if (!INVERTED_DETS.has(tokens[n]?.norm ?? '')) return null;
  let end = n;
  while (end + 1 < tokens.length && end - n < 6) {
    const t = tokens[end + 1]!;
    if (!t.isWord || !(isCap(t) || plainWord(t)) || SOURCE_MATTER.has(t.norm)) break;
    end++;
  }
  // The head is a plain noun, or a party member counted ("one Democrat with …"): "the Fox
  // and Friends co-host …" is no "the Fox".
  if (end === n || (isCap(tokens[end]!) && tokens[n]!.norm === 'the')) return null;
  const after = tokens[end + 1];
  if (
    after &&
    after.isWord &&
    (after.norm === 'and' ||
      !(
        INVERTED_NEXT.has(after.norm) ||
        /^(of|with)$/.test(after.norm) ||
        SOURCE_MATTER.has(after.norm)
      ))
  )
    return null;
  return tokens.slice(n, end + 1);
}

// Lower-case particles inside a person's name ("Nico von Stackelberg", "Ibn al Saud").
const NAME_PARTICLES = new Set('von van der den de del da di al el bin ibn la le'.split(' '));

/**
 * "…,” said Trump at the June 9 press conference", "…,” said Nico von Stackelberg, a …":
 * after a quotation, a name the noun-phrase reader ran past (into "at the June", or
 * stopped short of at "von") is cut where a place, time or affiliation phrase opens, or
 * carried over a name particle, when what follows the name may follow a source.
 */
function invertedName(tokens: Token[], np: Token[]): Token[] | null {
  const first = indexNear(tokens, np[0]!);
  if (!isCap(tokens[first]!)) return null;
  let end = first;
  while (end + 1 < tokens.length) {
    const t = tokens[end + 1]!;
    if (isCap(t) || (t.text === '.' && tokens[end]!.text.length <= 3)) end++;
    else if (NAME_PARTICLES.has(t.norm) && isCap(tokens[end + 2] ?? t) && tokens[end + 2]) end += 2;
    else break;
  }
  const after = tokens[end + 1];
  if (
    after &&
    after.isWord &&
    (after.norm === 'and' ||
      !(INVERTED_NEXT.has(after.norm) || /^(of|with|at|from|about)$/.test(after.norm)))
  )
    return null;
  const name = tokens.slice(first, end + 1);
  // "Union of Concerned Scientists director …" is a body's name, not a person and "of";
  // The Hill's pasted link text ("Dennis Alan RossWave of GOP …") is no name.
  if (after?.norm === 'of' && name.filter((t) => t.isWord).length < 2) return null;
  if (name.some((t) => /\p{Ll}{3}\p{Lu}/u.test(t.text))) return null;
  return name;
}

/**
 * "“We are behind,” pollster Bill Ruiz, part of the survey team, told NBC.": in a sentence
 * that opens with a quotation, the subject starts after the quotation's close (and its
 * comma), before the verb at `v`. So it does in a sentence that opens inside a quotation
 * begun in the sentence before (`opensInQuote`: "“… tomorrow. I think we all understand
 * that,” Sen. Bob Corker, Tennessee Republican, said").
 */
function afterOpeningQuote(tokens: Token[], v: number, opensInQuote: boolean): number | null {
  if (!opensInQuote && !QUOTE_MARKS.has(tokens[0]?.text ?? '')) return null;
  for (let k = 1; k < v; k++) {
    const t = tokens[k]!;
    if (t.text !== '”' && t.text !== '"') continue;
    let start = k + 1;
    while (start < v && tokens[start]!.text === ',') start++;
    return start < v ? start : null;
  }
  return null;
}

/**
 * The Hill's link text pasted into extracted articles ends in "MORE": "President Trump Donald
 * John TrumpGOP senators balk … MORE said". The name before it is the one that was linked:
 * the word glued to the next headline ("TrumpGOP") repeats it.
 */
function beforeLinkText(tokens: Token[], more: number): Token[] | null {
  for (let k = more - 1; k >= Math.max(1, more - 60); k--) {
    const glued = /^(\p{Lu}\p{Ll}{2,})\p{Lu}/u.exec(tokens[k]!.text);
    if (!glued) continue;
    for (let m = k - 1; m >= Math.max(0, k - 9); m--)
      if (tokens[m]!.text === glued[1]) return npEndingAt(tokens, m);
  }
  return null;
}

// "one of the released detainees, Kim Dong Chul, said": a member of a group the sentence
// describes, then the name between commas.
function oneOfGroup(tokens: Token[], head: number): boolean {
  if (isCap(tokens[head]!) || !/s$/.test(tokens[head]!.norm)) return false;
  for (let k = head - 1; k >= Math.max(1, head - 4); k--)
    if (tokens[k]!.norm === 'of' && /^(one|two|three|each|both|some)$/.test(tokens[k - 1]!.norm))
      return true;
  return false;
}

/** Past participles that open a phrase describing the speaker between commas. */
const PARTICIPLE_OPENERS = new Set([
  'flanked', 'joined', 'accompanied', 'surrounded', 'backed', 'seated', 'pressed', 'asked',
]); // prettier-ignore

/** Words of a title written before a name without an article ("taxi driver", "CNN analyst"). */
const TITLE_REACH = 6;

/**
 * The name closing an inverted reporting clause after a bare title: up to TITLE_REACH words
 * (no function words), then two or more capitalised words that end the clause.
 */
function nameAfterTitle(tokens: Token[], from: number, afterQuote = false): Token[] | null {
  // After a quotation the title may open with "the" and join two titles with "and" ("…,”
  // says the longtime Clinton family adviser Paul Begala", "said comedian and author
  // Baratunde Thurston"), the name may carry initials ("Col. Christopher C. Garver") and a
  // place, time or listener may follow it ("… Brad Avakian in his order").
  let start = from;
  if (afterQuote && tokens[start]?.norm === 'the') start++;
  // The title: words up to the last lower-case one before a capitalised run.
  let lastLower = -1;
  for (let i = start; i < start + TITLE_REACH && tokens[i]?.isWord; i++) {
    const t = tokens[i]!;
    const joins = afterQuote && t.norm === 'and' && i > start && !isCap(tokens[i - 1]!);
    if (!joins && (NOUN_BEFORE.has(t.norm) || BOUNDARY_CONJ.has(t.norm))) {
      // "… Brad Avakian in his order": the name has ended.
      if (afterQuote && lastLower >= 0 && isCap(tokens[i - 1]!)) break;
      return null;
    }
    if (!isCap(t)) lastLower = i;
  }
  if (lastLower < 0 || tokens[lastLower]!.norm === 'and') return null;
  let end = lastLower + 1;
  let words = 0;
  while (
    tokens[end] &&
    ((tokens[end]!.isWord && isCap(tokens[end]!)) ||
      (afterQuote &&
        tokens[end]!.text === '.' &&
        tokens[end - 1]!.text.length <= 3 &&
        isCap(tokens[end + 1] ?? tokens[end]!) &&
        !!tokens[end + 1]?.isWord))
  ) {
    if (tokens[end]!.isWord) words++;
    end++;
  }
  if (words < 2) return null;
  const next = tokens[end];
  const follows =
    afterQuote &&
    next?.isWord &&
    next.norm !== 'and' &&
    (INVERTED_NEXT.has(next.norm) || /^(of|with|to|about)$/.test(next.norm));
  const stop = afterQuote ? /^[,.;(]$/ : /^[,.;]$/;
  if (next && !follows && (next.isWord || !stop.test(next.text))) return null;
  return tokens.slice(lastLower + 1, end);
}

export { sentenceSubject } from './clause-subject.js';
export type { VerbType } from './speech-verbs.js';
export type { Attribution } from './attribution-cues.js';

// Prepositions whose object, right before a verb, is no subject.
const PHRASE_PREPOSITIONS = new Set('with to on in for at from into across'.split(' '));

/**
 * "Senior aides meeting with the Senate caucus said", "A group of House Democrats in a
 * letter to Mnuchin asked", "Merkel and other leaders gathering in Brussels … played down":
 * the noun phrase before the verb is the object of a preposition, inside a participle or
 * prepositional phrase between the subject and its verb. The subject is the noun phrase
 * before that phrase, when it can be a source (a name or a role). Null when the phrase
 * before the verb is no such object.
 */
// "Analysts who follow the company say", "Former US diplomats who have spent long days …
// with the North Koreans say": the noun phrase before a relative clause speaks, not a noun of
// the clause. Only a person or body ("analysts", a name) owns the clause, and the clause runs
// unbroken by punctuation (but for the dashes skipToSubject has passed) or a subordinator to
// the found phrase, and the owner opens the sentence or a clause ("a senior aide to a
// Democratic senator who …", "a chorus of GOP leaders who …" are objects, "Rubio, a member
// of the Gang of Eight who …" an apposition).
// A lower-case word that may end a relative clause ("identified", "briefing"), not a
// negation or auxiliary left of the verb ("who won't acknowledge", "who don't think").
function clauseWord(t: Token): boolean {
  return !isCap(t) && !/['’]/.test(t.text) && !/^(not|never|do|does|did|can|will)$/.test(t.norm);
}
const CLAUSE_BREAKS = new Set(
  'that which because if when since although though while after before until unless whether so'.split(
    ' ',
  ),
);
function relativeClauseOwner(tokens: Token[], at: number): Token[] | null {
  if (PRONOUNS.has(tokens[at]?.norm ?? '')) return null;
  for (let w = at - 1; w >= Math.max(1, at - 15); w--) {
    const t = tokens[w]!;
    if (!t.isWord || QUOTE_MARKS.has(t.text)) return null;
    if (BOUNDARY_CONJ.has(t.norm) || CLAUSE_BREAKS.has(t.norm)) return null;
    if (t.norm !== 'who' && t.norm !== 'whom') continue;
    // The clause needs a verb of its own: "who" right before the phrase is its subject.
    if (w === at - 1) return null;
    const owner = npEndingAt(tokens, w - 1);
    const head = owner?.[owner.length - 1];
    if (!owner || !head || PRONOUNS.has(head.norm)) return null;
    if (!ROLES.roleNouns.has(head.norm) && !isCap(head)) return null;
    const first = indexNear(tokens, owner[0]!);
    const before = tokens[first - 1];
    // After a comma the owner may be an apposition ("Kevin Downing, the lawyer who …").
    const opens =
      !before ||
      (!before.isWord && !QUOTE_MARKS.has(before.text) && before.text !== ',') ||
      /^(and|but)$/.test(before.norm) ||
      first === sentenceSubjectStart(tokens);
    return opens ? owner : null;
  }
  return null;
}

function pastPhraseObject(tokens: Token[], found: Token[]): Token[] | null {
  let at = indexNear(tokens, found[0]!);
  if (!PHRASE_PREPOSITIONS.has(tokens[at - 1]?.norm ?? '')) return null;
  let sawParticiple = false;
  let chained = false;
  for (let guard = 0; guard < 4; guard++) {
    let f = at - 2;
    // "meeting with", "converging on": a participle heads the phrase, after a plural or a
    // name ("aides meeting with"; "an explosive court filing from" is a noun).
    const owner = tokens[f - 1];
    if (
      /^[a-z]{3,}ing$/.test(tokens[f]?.norm ?? '') &&
      !isCap(tokens[f]!) &&
      owner?.isWord &&
      (isCap(owner) || /[^s]s$/.test(owner.norm))
    ) {
      sawParticiple = true;
      f--;
    }
    // "last week in a letter": a time phrase before the phrase is skipped too.
    if (
      ROLES.timeHeads.has(tokens[f]?.norm ?? '') &&
      /^(last|this|next)$/.test(tokens[f - 1]?.norm ?? '')
    )
      f -= 2;
    const t = tokens[f];
    if (!t || !t.isWord || QUOTE_MARKS.has(t.text)) return null;
    let np = npEndingAt(tokens, f);
    if (!np) return null;
    let start = indexNear(tokens, np[0]!);
    // Another phrase further out ("in a letter to Mnuchin"), whether or not the noun phrase
    // took it in ("House Democrats in a letter"): its object is no subject either.
    const inner = np.findLastIndex((x, n) => n > 0 && PHRASE_PREPOSITIONS.has(x.norm));
    if (inner > 0 && !sawParticiple) start = indexNear(tokens, np[inner]!) + 1;
    if (PHRASE_PREPOSITIONS.has(tokens[start - 1]?.norm ?? '') && !sawParticiple) {
      at = start;
      chained = true;
      continue;
    }
    // A role's own complement with a name ("Israeli ambassador to the United States Michael
    // Oren said", "aides to Pelosi said"): only a participle or a second phrase shows the
    // name is no subject.
    if (!sawParticiple && !chained && isCap(found[found.length - 1]!)) return null;
    // "Kerry and other Western ministers converging on Vienna": the first one named leads (a
    // full name or a role, not the "California" of "California and Washington lawmakers").
    let first = indexNear(tokens, np[0]!);
    if (tokens[first - 1]?.norm === 'and') {
      const left = npEndingAt(tokens, first - 2);
      const lead = left?.[left.length - 1];
      if (
        left &&
        lead &&
        (ROLES.roleNouns.has(lead.norm) || (isCap(lead) && left.filter(isCap).length >= 2))
      ) {
        np = left;
        first = indexNear(tokens, left[0]!);
      }
    }
    // The subject opens the sentence or a clause: in "Pelosi censured Ryan on the House floor
    // saying", Ryan is an object too.
    const before = tokens[first - 1];
    if (
      before?.isWord &&
      !/^(and|but)$/.test(before.norm) &&
      first !== sentenceSubjectStart(tokens)
    )
      return null;
    const head = np[np.length - 1]!;
    const source = isCap(head) || ROLES.roleNouns.has(head.norm) || PRONOUNS.has(head.norm);
    if (!source || ROLES.documentNouns.has(head.norm)) return null;
    // "Officials with the meat processors say", "Critics on the left": with no participle or
    // second phrase, the phrase describes the source and stays with it.
    if (!sawParticiple && !chained && !PRONOUNS.has(head.norm))
      return tokens.slice(first, indexNear(tokens, found[found.length - 1]!) + 1);
    return np;
  }
  return null;
}

// "The former ambassador to Russia, Michael McFaul, said", "the head of the World Bank, …":
// a role noun, then "to", "of" or "for" and a capitalised place or body ending at `end`.
function roleOfPlace(tokens: Token[], end: number): boolean {
  let m = end;
  while (
    m >= 0 &&
    end - m < 5 &&
    (isCap(tokens[m]!) || tokens[m]!.norm === 'the' || tokens[m]!.text === '.')
  )
    m--;
  if (m === end || !/^(to|of|for)$/.test(tokens[m]?.norm ?? '')) return false;
  const role = tokens[m - 1];
  return !!role && !isCap(role) && ROLES.roleNouns.has(role.norm);
}

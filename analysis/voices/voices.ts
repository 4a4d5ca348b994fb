// The voices stage: for each sentence, whether it quotes someone directly, reports speech
// indirectly or neither, and who speaks, resolved to one Speaker per person or group in
// the article. Runs once per article over the segmenter's output.
//   quotes.ts       quotation-mark spans (paragraph-level, multi-sentence)
//   attribution.ts  speech verbs, "according to", speaker labels and attribution nouns
//                   ("Beijing's view that") with their source in one sentence
//   source-filters.ts  sources that cannot speak ("neither side", a proverb's "they")
//                   and joint sources ("Blinken and Wang agreed")
//   speakers.ts     names, roles and pronouns → speakers with sides
// It deliberately does not score tone or stance; the speech verb's type (neutral,
// endorsing, distancing) is recorded as cue evidence only.

import type { Actors } from './actors.js';
import { findAttributions, sentenceSubject, type Attribution } from './attribution.js';
import { sentenceSubjectStart } from './clause-subject.js';
import { cue, headlineLabel } from './attribution-cues.js';
import type { QuoteKind } from '../vocabulary/quotes.js';
import type { Speaker } from '../types.js';
import { findQuoteSpans, type QuoteSpan } from './quotes.js';
import { appositionAfter, SpeakerBook, type Mention } from './speakers.js';
import { placeCapitalOnly } from './speaker-index.js';
import { isCap, QUOTE_MARKS } from './source-phrase.js';
import { segmentationRules } from '../segmentation/segment-rules.js';
import { tokenize } from '../segmentation/tokens.js';
import type { CueHit, Segment, Token } from '../types.js';
import { isScoredKind } from '../vocabulary/segments.js';
import { ROLES } from './voice-roles.js';

export interface Voices {
  perSegment: { quote: QuoteKind | null; speaker: number | null }[];
  speakers: Speaker[];
  cueHits: CueHit[];
}

// Quoted words this long are someone's words even without a verb in the sentence;
// shorter ones ("a “win”", an “aggressive maneuver”) count only next to an attribution.
const MIN_QUOTE_WORDS = 4;

interface SegmentVoice {
  spans: QuoteSpan[];
  /** Share of the sentence's characters inside quotation marks. */
  quoted: number;
  attributions: Attribution[];
  /** The sentence's named subject, if it opens with one (for pronoun resolution). */
  subject: Mention['tokens'] | null;
}

/**
 * Quote kind and speaker per segment. `segmentTokens`, when the caller already tokenized
 * the segments (tokens.ts, offsets into `text`), saves tokenizing them again.
 */
export function attributeVoices(
  text: string,
  segments: Segment[],
  actors: Actors,
  segmentTokens?: Token[][],
): Voices {
  const spans = findQuoteSpans(text);
  const allTokens = segments.map((seg, i) => segmentTokens?.[i] ?? tokenize(seg.text, seg.start));
  const cueHits: CueHit[] = [];
  const voices: SegmentVoice[] = [];
  let s = 0;
  for (const [n, segment] of segments.entries()) {
    while (s < spans.length && spans[s]!.end <= segment.start) s++;
    const mine: QuoteSpan[] = [];
    for (let k = s; k < spans.length && spans[k]!.start < segment.end; k++) mine.push(spans[k]!);
    const tokens = allTokens[n]!;
    // Spans and tokens are both in text order: one sweep marks the quoted tokens.
    const inQuote: boolean[] = [];
    let q = 0;
    for (const t of tokens) {
      while (q < mine.length && mine[q]!.end <= t.start) q++;
      const span = mine[q];
      inQuote.push(span !== undefined && t.start > span.start && t.end < span.end);
    }
    let quotedChars = 0;
    for (const q of mine)
      quotedChars += Math.min(q.end, segment.end) - Math.max(q.start, segment.start);
    const scored = isScoredKind(segment.kind);
    voices.push({
      subject: scored ? sentenceSubject(tokens.filter((_, n) => !inQuote[n])) : null,
      spans: mine,
      quoted: quotedChars / Math.max(1, segment.end - segment.start),
      attributions: scored
        ? findAttributions(tokens, inQuote, segment.kind === 'headline').filter(
            (a) => !pageLabel(a, tokens),
          )
        : [],
    });
  }

  // A loop rather than allTokens.flat(), which V8 runs generically: it took a sixth of
  // this stage's time (20 ms per 100k words).
  // Page furniture that names no one ("JUST WATCHED … Replay More Videos … MUST WATCH",
  // "toggle caption <photo credit>") is left out: its capitalised runs would become full
  // names ("Obama ISIS") that a later "Obama said" resolves to.
  const nameless = segmentationRules().namelessFurniture;
  const articleTokens: Token[] = [];
  for (const [n, tokens] of allTokens.entries()) {
    const segment = segments[n]!;
    if (segment.kind === 'boilerplate' && nameless.some((re) => re.test(segment.text))) continue;
    for (const t of tokens) articleTokens.push(t);
  }
  const book = new SpeakerBook(text, articleTokens, actors);
  // A headline's "Trump: …" quotes a person the article names; "Iran deal: …" is a topic.
  for (const [n, segment] of segments.entries()) {
    const v = voices[n]!;
    // The text's first line standing alone is a headline whatever kind the segmenter gave it.
    const firstLine = n === 0 && segments[1]?.paragraph !== segment.paragraph;
    if (segment.kind !== 'headline' && !firstLine) continue;
    const label = headlineLabel(
      allTokens[n]!,
      new Array<boolean>(allTokens[n]!.length).fill(false),
    );
    // "Obama: Vision of peaceful Europe threatened by …": what follows the person's colon is
    // theirs, whatever verb it holds.
    if (label && book.namesPerson(label.source, segment.end)) v.attributions.unshift(label);
    else if (v.attributions.length === 0) {
      // Reuters' "Trade truce with China means big changes in Beijing policy: Trump", "…:
      // House leader McCarthy": the person named after the closing colon said it.
      const end = endLabel(allTokens[n]!);
      if (end && book.namesPerson(end.source, segment.end)) v.attributions.push(end);
      else {
        // "'…': Joe Biden Honors His Friend …": in title case the verb is capitalised too, so
        // the name is the longest opening run of the capitalised words that names a person.
        const opened = quoteThenName(allTokens[n]!);
        for (let k = opened?.source.length ?? 0; k > 0; k--) {
          const source = opened!.source.slice(0, k);
          // "'Stop talking': Trump advisers want …": the name describes the ones who spoke.
          const next = allTokens[n]![allTokens[n]!.indexOf(source[k - 1]!) + 1];
          if (ROLES.roleNouns.has(next?.norm ?? '') || !book.namesPerson(source, segment.end))
            continue;
          v.attributions.push({ ...opened!, source });
          break;
        }
      }
    }
  }

  // A quote running over several sentences (or paragraphs, reopened with “) is credited
  // once: every sentence it touches shares the attribution found in any of them.
  const chainOf = new Map<QuoteSpan, number>();
  let chain = 0;
  for (let k = 0; k < spans.length; k++) {
    const q = spans[k]!;
    const prev = spans[k - 1];
    const continues = prev && !prev.closed && /^\s*$/.test(text.slice(prev.end, q.start));
    chainOf.set(q, continues ? chain : ++chain);
  }

  const resolved = new Map<number, number | null>();
  const speakerOf = (i: number): number | null => {
    if (resolved.has(i)) return resolved.get(i)!;
    const a = voices[i]!.attributions[0];
    let speaker: number | null = null;
    // "…,” the Texas governor continues.", "…,” the statement continued.": to continue is
    // to go on speaking, so a description rather than a name there is the speaker of the
    // quote just before (a name, "Ortega continued", is resolved as any other).
    const goesOn =
      a !== undefined &&
      a.lemma === 'continue' &&
      DESCRIPTION_START.has(a.source[0]?.norm ?? '') &&
      !book.namesPerson(a.source, 0);
    if (goesOn) speaker = previousQuoteSpeaker(i);
    else if (a?.conjuncts && a.conjuncts.every((part) => book.namesPerson(part, 0))) {
      // "Moon and Kim vowed …": both people, credited jointly.
      const paragraph = segments[i]!.paragraph;
      const [left, right] = a.conjuncts.map((part) =>
        book.resolve({ tokens: part, apposition: null, paragraph }),
      );
      speaker =
        left != null && right != null
          ? book.joint(left, right, paragraph, a.conjuncts[0][0]!.start)
          : (left ?? null);
    } else if (a) {
      const last = a.source[a.source.length - 1]!;
      const apposition = a.inherited ? null : appositionAfter(text, last.end);
      speaker = book.resolve({ tokens: a.source, apposition, paragraph: segments[i]!.paragraph });
    }
    resolved.set(i, speaker);
    return speaker;
  };

  const perSegment: Voices['perSegment'] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const v = voices[i]!;
    if (!isScoredKind(segment.kind)) {
      perSegment.push({ quote: null, speaker: null });
      continue;
    }
    const attributed = v.attributions.length > 0;
    // A sentence that is nothing but a quotation ("“Not at all.”") is someone's words
    // however short; a short phrase inside a sentence may be a scare quote.
    const whole = v.quoted >= 0.9;
    const real = v.spans.filter(
      (q) => q.words >= MIN_QUOTE_WORDS || !q.closed || !q.opened || whole,
    );
    // A transcript label ("MS. CLINTON: …") introduces the speaker's own words.
    // (A headline's closing ": Trump" credits a paraphrase, not his words.)
    const labelled =
      v.attributions[0]?.cue === 'speaker_label' && v.attributions[0].lemma === 'colon';
    const direct = real.length > 0 || (attributed && v.spans.length > 0) || labelled;
    // "Ryan also hammered Obama for what he called …": a person named as the subject
    // before the pronoun is its nearest antecedent, nearer than any earlier speaker.
    // But "Pelosi has no plan for a vote, he said.": a pronoun in a reporting clause after the
    // reported one is not that clause's subject (the writer would have said "she").
    if (
      v.subject &&
      attributed &&
      v.subject[0]!.start < (v.attributions[0]!.source[0]?.start ?? 0) &&
      !closingPronoun(v.attributions[0]!, allTokens[i]!, v.attributions, v.subject)
    )
      book.noteSubject({ tokens: v.subject, apposition: null, paragraph: segment.paragraph });
    let speaker = attributed ? speakerOf(i) : null;
    if (direct && speaker === null && !attributed) speaker = floatingSpeaker(i, real);
    perSegment.push({ quote: direct ? 'direct' : attributed ? 'indirect' : 'none', speaker });
    if (speaker !== null && !attributed) book.noteSpoke(speaker, segment.paragraph, segment.start);
    if (v.subject)
      book.noteSubject({ tokens: v.subject, apposition: null, paragraph: segment.paragraph });
    for (const a of v.attributions) {
      const category = a.cue === 'according_to' ? 'according_to' : `${a.cue}:${a.verbType}`;
      cueHits.push(hit(i, a.lemma, category, a.cueStart, a.cueEnd));
    }
    if (direct) {
      for (const q of v.spans) {
        cueHits.push(
          hit(
            i,
            'quotation marks',
            'quote_mark',
            Math.max(q.start, segment.start),
            Math.min(q.end, segment.end),
          ),
        );
      }
    }
  }
  return { perSegment, speakers: book.speakers, cueHits };

  // The speaker of the direct quote just before sentence i (same or previous paragraph).
  function previousQuoteSpeaker(i: number): number | null {
    for (let j = i - 1; j >= Math.max(0, i - 8); j--) {
      if (segments[i]!.paragraph - segments[j]!.paragraph > 1) break;
      const p = perSegment[j];
      // Sentences of the same quote not credited yet (undefined) are passed over.
      if (!p || p.quote === null) continue;
      if (p.quote === 'direct' && p.speaker !== null) return p.speaker;
    }
    return null;
  }

  // Whether sentence j ends with a colon, introducing what follows.
  function introduces(j: number): boolean {
    return /:$/.test(segments[j]!.text.trimEnd());
  }

  // Whether a sentence between j and i, in i's paragraph, is credited to speaker s.
  function creditedBetween(j: number, i: number, s: number): boolean {
    for (let k = j + 1; k < i; k++)
      if (segments[k]!.paragraph === segments[i]!.paragraph && perSegment[k]?.speaker === s)
        return true;
    return false;
  }

  // Whether sentence i's own subject is a he or she, or names speaker s by its last word;
  // or it opens with a topic and a colon ("Of the plan: “…”", "On Iran: “…”").
  function subjectIs(i: number, s: number): boolean {
    const first = voices[i]!.spans[0];
    const lead = first ? text.slice(segments[i]!.start, first.start) : '';
    if (/^\s*(of|on|about|as for|regarding)\b[^:]{0,40}:\s*$/i.test(lead)) return true;
    const subject = voices[i]!.subject;
    if (!subject) {
      const tokens = allTokens[i]!;
      return /^(he|she)$/.test(tokens[sentenceSubjectStart(tokens)]?.norm ?? '');
    }
    const words = subject.filter((t) => t.isWord);
    const last = words[words.length - 1]?.norm.replace(/[’']s$/, '');
    const name = book.speakers[s]!.name.toLowerCase().split(' ');
    return name[name.length - 1] === last;
  }

  // Whether the paragraph of sentence i opens with a quotation mark.
  function opensWithQuote(i: number): boolean {
    let f = i;
    while (f > 0 && segments[f - 1]!.paragraph === segments[i]!.paragraph) f--;
    return (
      QUOTE_MARKS.has(segments[f]!.text.trimStart()[0] ?? '') ||
      voices[f]!.spans.some((q) => !q.opened)
    );
  }

  // A quote-only sentence: the attribution elsewhere in the same quote, else the speaker
  // of the sentence just before (same or previous paragraph), else the next sentence's.
  function floatingSpeaker(i: number, real: QuoteSpan[]): number | null {
    const chains = new Set(real.map((q) => chainOf.get(q)));
    for (let j = Math.max(0, i - 6); j < Math.min(segments.length, i + 6); j++) {
      if (j === i || voices[j]!.attributions.length === 0) continue;
      if (voices[j]!.spans.some((q) => chains.has(chainOf.get(q)))) return speakerOf(j);
    }
    const here = segments[i]!;
    for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
      const p = perSegment[j];
      if (!p || p.quote === 'none' || p.quote === null) break;
      if (here.paragraph - segments[j]!.paragraph > 1) break;
      // "The BBC says:", "Graham later told Fox:": a report closed by a colon introduces the
      // quotation after it, whoever spoke before.
      if (p.quote === 'indirect' && p.speaker !== null && j === i - 1 && introduces(j))
        return p.speaker;
      // A paragraph break ends the chain unless the quotation goes on across it: the paragraph
      // opens with a quotation mark (or closes one it never opened), its own subject is the
      // speaker ("He closed the event with this admonition: …", "Cotton went on, …"), or a
      // sentence of it is credited to the speaker already ("She points to … . “We paid …”").
      // Not "Schiff called the conversation “a classic mafialike shakedown”" after Pelosi.
      if (
        here.paragraph !== segments[j]!.paragraph &&
        !opensWithQuote(i) &&
        !(p.speaker !== null && (subjectIs(i, p.speaker) || creditedBetween(j, i, p.speaker)))
      )
        break;
      if (p.speaker !== null && p.quote === 'direct') return p.speaker;
    }
    const next = segments[i + 1];
    if (
      next &&
      next.paragraph === here.paragraph &&
      voices[i + 1]!.attributions.length > 0 &&
      voices[i + 1]!.quoted > 0
    )
      return speakerOf(i + 1);
    return null;
  }
}

/** Determiners that open a description of someone already named ("the governor"). */
const DESCRIPTION_START = new Set(['the', 'this', 'that']);

function hit(segment: number, entry: string, category: string, start: number, end: number): CueHit {
  return { segment, lexicon: 'voice', entry, category, start, end, weight: 1, negated: false };
}

// CNN's "Story highlights Obama and Xi are meeting …": a page label opening the line,
// capitalised and without an article, run into the sentence, is not the subject of the
// verb after it ("Sources say …" is: sources are people).
const PAGE_LABELS = new Set([
  'story',
  'update',
  'updated',
  'correction',
  'breaking',
  'exclusive',
  'watch',
]);

function pageLabel(a: Attribution, tokens: Token[]): boolean {
  const source = a.source;
  return (
    source[0] === tokens[0] &&
    isCap(source[0]!) &&
    ((source.length === 1 && PAGE_LABELS.has(source[0]!.norm)) || openingParticiple(source))
  );
}

// "Signing an executive order in the Oval Office, Trump called …": an opening participle
// phrase (a capitalised -ing word, then lower-case words) read as the subject of a noun that
// is also a speech verb ("order") names no one; the main clause's subject speaks.
function openingParticiple(source: Token[]): boolean {
  const [first, second] = source;
  return (
    first !== undefined &&
    second !== undefined &&
    /^[a-z]{3,}ing$/.test(first.norm) &&
    !isCap(second) &&
    second.isWord
  );
}

// A headline's closing ": Trump" or ": House leader McCarthy": at most four words after the
// last colon, the last of them capitalised, three words or more before it.
function endLabel(tokens: Token[]): Attribution | null {
  let colon = -1;
  tokens.forEach((t, k) => {
    if (t.text === ':') colon = k;
  });
  if (colon < 3) return null;
  const rest = tokens.slice(colon + 1).filter((t) => t.text !== '.');
  const last = rest[rest.length - 1];
  if (!last || rest.length > 4 || !rest.every((t) => t.isWord) || !isCap(last)) return null;
  const mark = tokens[colon]!;
  return cue('speaker_label', 'closing colon', 'neutral', mark, mark, rest);
}

// A headline opening with a quotation and a colon, then a name and its verb: "'Iran did do
// it': Trump addresses tanker attacks", "'We Shall Not See His Like Again': Joe Biden Honors
// His Friend John McCain". The one named after the colon said it.
function quoteThenName(tokens: Token[]): Attribution | null {
  if (!QUOTE_MARKS.has(tokens[0]?.text ?? '')) return null;
  let close = 1;
  while (close < tokens.length && !QUOTE_MARKS.has(tokens[close]!.text)) close++;
  if (close < 3 || tokens[close + 1]?.text !== ':') return null;
  const from = close + 2;
  // "…': An Inside Look at …", "…': How Schumer and Pelosi …": no name opens so.
  const first = tokens[from];
  if (!first || placeCapitalOnly(first) || /^(a|an|the)$/.test(first.norm)) return null;
  let n = from;
  while (n < tokens.length && n < from + 4 && tokens[n]!.isWord && isCap(tokens[n]!)) n++;
  // A verb must follow the name: "…': Five things we learned" has none to give.
  if (n === from || !tokens[n]?.isWord) return null;
  const mark = tokens[close + 1]!;
  return cue('speaker_label', 'opening quote', 'neutral', mark, mark, tokens.slice(from, n));
}

// "…, he said." / "Bush, he said, was …": a lone he or she after a comma, in a reporting
// clause that ends there (not "While Bosma says …, he says his lines are open", where the
// pronoun opens the main clause), in a sentence whose subject reports nothing itself ("Trump
// said he was a fan of Wayne, which, he said, …" is Trump's).
function closingPronoun(
  a: Attribution,
  tokens: Token[],
  all: Attribution[],
  subject: Token[],
): boolean {
  const words = a.source.filter((t) => t.isWord);
  if (words.length !== 1 || !/^(he|she)$/.test(words[0]!.norm)) return false;
  if (all.some((b) => b.source[0] === subject[0])) return false;
  const at = tokens.indexOf(words[0]!);
  if (at < 2 || tokens[at - 1]!.text !== ',') return false;
  let next = tokens.findIndex((t) => t.start >= a.cueEnd);
  if (next >= 0 && ROLES.timeHeads.has(tokens[next]!.norm)) next++;
  return next < 0 || next >= tokens.length || !tokens[next]!.isWord;
}

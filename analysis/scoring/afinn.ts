// wink-sentiment's AFINN result for one sentence, computed from Parallax's own tokens: the
// same numbers as calling wink-sentiment on the tokens joined by spaces, six to nine times
// faster. It deliberately changes nothing in wink's scoring; tone.ts applies Parallax's
// corrections on top.
//
// Why not just call wink: it tokenizes every sentence from scratch, running sixteen regular
// expressions one after another over the text (the emoji one alone is tens of kilobytes), and
// that was the most expensive stage of the pipeline (0.3–0.5M words/s, a quarter to a third
// of the time; 2.1–2.8M words/s now).
// Its regexes except one match inside a single space-separated chunk, so a sentence's wink
// tokens are the chunks' wink tokens in order, and a chunk ("China's", "U.S.-China", ",") is
// tokenized once and remembered. The exceptions:
//   - the time regex ("4 pm", "3 hours", even "2 am" in "2 amendments") can span two chunks:
//     it runs on the joined text when a chunk has a digit, exactly as wink runs it;
//   - URL, e-mail, mention, hashtag and emoticon regexes run before it in wink, but cannot
//     match joined Parallax tokens: they need ":" "@" "#" ";" "<" followed by a non-space,
//     and tokens.ts makes each of those characters a token of its own;
//   - an emoji can match inside a chunk: such a (rare) sentence is given to wink whole.
// The scoring loop below is wink-sentiment 5.0.2's on its own word lists, with the lookups
// done once per chunk; test/analysis/scoring/afinn.test.ts checks the result equals wink's. Checked
// too on 21,000 corpus and evaluation sentences and 60,000 random ones: no difference.

import { createRequire } from 'node:module';
import { detached } from '../../lib/strings.js';
import type { Token } from '../types.js';

interface WinkToken {
  value: string;
  tag: string;
  score?: number;
  negation?: boolean;
}

interface WinkTokenizer {
  tokenize(text: string): WinkToken[];
  defineConfig(config: Record<string, boolean>): number;
}

/** One word wink scored: its value as wink wrote it, the score after negation. */
export interface AfinnWord {
  value: string;
  score: number;
  negation: boolean;
}

export interface AfinnResult {
  /** wink's normalizedScore. */
  normalizedScore: number;
  /** The words with a non-zero score, in sentence order. */
  scored: AfinnWord[];
}

// wink-sentiment and its tokenizer are CommonJS without type declarations. The tokenizer and
// emoji regex are resolved from wink-sentiment's own folder, so they are the versions it uses.
const require = createRequire(import.meta.url);
const sentimentPath = require.resolve('wink-sentiment');
const winkRequire = createRequire(sentimentPath);
const sentiment = require('wink-sentiment') as (phrase: string) => {
  normalizedScore: number;
  tokenizedPhrase?: WinkToken[];
};
const afinn = winkRequire('./afinn-en-165.js') as Record<string, number>;
const afinn2Grams = winkRequire('./afinn-en-165-2grams.js') as Record<
  string,
  Record<string, number>
>;
const negations = winkRequire('./negations.js') as Record<string, boolean>;
const tokenizerPath = winkRequire.resolve('wink-tokenizer');
const createTokenizer = winkRequire('wink-tokenizer') as () => WinkTokenizer;
const emojiRegex = createRequire(tokenizerPath)('emoji-regex') as () => RegExp;

/** wink's tokenizer after the time regex: ordinal, number, currency, word, punctuation, symbol. */
const chunkTokenizer = createTokenizer();
chunkTokenizer.defineConfig({
  quoted_phrase: false,
  url: false,
  email: false,
  mention: false,
  hashtag: false,
  emoji: false,
  emoticon: false,
  time: false,
});
/** wink-tokenizer 5.3.0's time regex, copied: the package does not export it. */
const TIME_RE = /(?:\d|[01]\d|2[0-3]):?(?:[0-5][0-9])?\s?(?:[ap]\.?m\.?|hours|hrs)/gi;
const EMOJI_RE = emojiRegex();
const DIGIT_RE = /\d/;

/** One wink token with the word-list lookups the scoring loop makes, done once. */
interface WinkWord {
  value: string;
  tag: string;
  lower: string;
  /** afinn[lower], as wink reads it (undefined when the word has no score). */
  afinn: number | undefined;
  /** The AFINN bigrams starting with this word, if any. */
  bigrams: Record<string, number> | undefined;
  negator: boolean;
}

interface Chunk {
  words: WinkWord[];
  emoji: boolean;
  digit: boolean;
}

function winkWord(value: string, tag: string): WinkWord {
  const lower = value.toLowerCase();
  return {
    value,
    tag,
    lower,
    // Own properties only: wink's plain-object lists would otherwise find "constructor"
    // or "toString" on Object.prototype and score the sentence NaN.
    afinn: Object.hasOwn(afinn, lower) ? afinn[lower] : undefined,
    bigrams: Object.hasOwn(afinn2Grams, lower) ? afinn2Grams[lower] : undefined,
    negator: Object.hasOwn(negations, lower) && !!negations[lower],
  };
}

// The chunks met lately, in two generations: when the newer one is full, it becomes the
// older one and the oldest is dropped; a chunk found in the older one moves up. The words
// that recur stay, and the memory stays flat as a corpus grows: distinct tokens keep
// coming (55k in 3,000 AllSides articles, 109k in 10,000), and the cache kept up to
// 200,000 of them, some 70 MB in each analysing thread. Over those 10,000 articles
// (10.1M lookups) generations of 50,000 miss 1.28 % of lookups, against 1.08 % for the
// 200,000 and 2.21 % for generations of 25,000.
const CHUNKS_PER_GENERATION = 50_000;
let chunks = new Map<string, Chunk>();
let olderChunks = new Map<string, Chunk>();

/**
 * Chunks of one ASCII character (",", ".", "a", "I", "2"), kept for good outside the
 * generations: one token in seven, found by character code without hashing a string.
 */
const asciiChunks: (Chunk | undefined)[] = new Array<Chunk | undefined>(128).fill(undefined);

function chunk(text: string): Chunk {
  if (text.length === 1) {
    const code = text.charCodeAt(0);
    if (code < 128) return (asciiChunks[code] ??= newChunk(text));
  }
  let c = chunks.get(text);
  if (c) return c;
  if (chunks.size >= CHUNKS_PER_GENERATION) {
    olderChunks = chunks;
    chunks = new Map();
  }
  c = olderChunks.get(text);
  if (c) {
    chunks.set(text, c);
    return c;
  }
  const key = detached(text);
  c = newChunk(key);
  chunks.set(key, c);
  return c;
}

/** wink's tokens of one chunk, with their word-list lookups. */
function newChunk(key: string): Chunk {
  const c = {
    words: chunkTokenizer.tokenize(key).map((t) => winkWord(t.value, t.tag)),
    emoji: EMOJI_RE.test(key),
    digit: DIGIT_RE.test(key),
  };
  EMOJI_RE.lastIndex = 0;
  return c;
}

/** wink-sentiment's result for `tokens` joined by single spaces. */
export function afinnScore(tokens: readonly Token[]): AfinnResult {
  if (tokens.length === 0) return { normalizedScore: 0, scored: [] };
  const words: WinkWord[] = [];
  let digit = false;
  for (const t of tokens) {
    const plain = plainWord(t);
    if (plain) {
      words.push(plain);
      continue;
    }
    const c = chunk(t.text);
    if (c.emoji) {
      // Emoji are scored by wink itself; its own lookups can still trip over
      // Object.prototype names, and then the emoji's score is the lesser loss.
      const whole = fromWink(joined(tokens));
      if (Number.isFinite(whole.normalizedScore)) return whole;
      return score(tokens.flatMap((t) => chunk(t.text).words));
    }
    digit ||= c.digit;
    for (const w of c.words) words.push(w);
  }
  const text = digit ? joined(tokens) : '';
  const times = digit ? text.match(TIME_RE) : null;
  if (!times) return score(words);
  // wink's tokenizeTextUnit: the text between matches, trimmed, then the match.
  const timed: WinkWord[] = [];
  text.split(TIME_RE).forEach((between, i) => {
    for (const part of between.split(' ')) {
      if (part) for (const w of chunk(part).words) timed.push(w);
    }
    const time = times[i];
    if (time !== undefined) timed.push(winkWord(time, 'time'));
  });
  return score(timed);
}

/** Every word wink's lists name: AFINN words, the first words of its bigrams, negations. */
const LISTED = new Set([
  ...Object.keys(afinn),
  ...Object.keys(afinn2Grams),
  ...Object.keys(negations),
]);

/**
 * The wink word of a token of ASCII letters only that none of wink's lists name (most
 * words: "the", "Beijing", "talks"), made without the chunk cache: wink's tokenizer makes
 * one 'word' of such a chunk, its lookups all come back empty, and its lower case is the
 * token's norm. Null for any other token. A hash lookup in a table of some 3,500 words
 * costs less than one in the cache of up to 100,000 chunks, which was the pipeline's most
 * expensive line.
 */
function plainWord(t: Token): WinkWord | null {
  const text = t.text;
  if (text.length === 0) return null;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k) | 0x20;
    if (c < 0x61 || c > 0x7a) return null;
  }
  if (LISTED.has(t.norm)) return null;
  return {
    value: text,
    tag: 'word',
    lower: t.norm,
    afinn: undefined,
    bigrams: undefined,
    negator: false,
  };
}

function joined(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text).join(' ');
}

function fromWink(text: string): AfinnResult {
  const result = sentiment(text);
  const scored: AfinnWord[] = [];
  for (const t of result.tokenizedPhrase ?? []) {
    if (t.score !== undefined)
      scored.push({ value: t.value, score: t.score, negation: !!t.negation });
  }
  return { normalizedScore: result.normalizedScore, scored };
}

/** wink-sentiment 5.0.2's loop for the tags a chunk can have (no emoji, emoticon, hashtag). */
function score(tokens: WinkWord[]): AfinnResult {
  if (tokens.length === 0) return { normalizedScore: 0, scored: [] };
  const scored: AfinnWord[] = [];
  let ss = 0;
  let sentiWords = 0;
  let words = 0;
  const kmax = tokens.length;
  for (let k = 0; k < kmax; k += 1) {
    const tkn = tokens[k]!;
    if (tkn.tag !== 'word') continue;
    let wc = 1;
    let tss: number;
    if (k < kmax - 1 && tkn.bigrams && Object.hasOwn(tkn.bigrams, tokens[k + 1]!.lower)) {
      tss = tkn.bigrams[tokens[k + 1]!.lower]!;
      wc = 2;
    } else {
      tss = tkn.afinn || 0;
    }
    let negation = false;
    if ((k > 0 && tokens[k - 1]!.negator) || (k > 1 && tokens[k - 2]!.negator)) {
      tss = -tss;
      negation = true;
    }
    ss += tss;
    k += wc - 1;
    if (tss) {
      scored.push({ value: tkn.value, score: tss, negation });
      sentiWords += 1;
    }
    words += wc;
  }
  return { normalizedScore: +normalize(ss, sentiWords, words).toFixed(4), scored };
}

/** wink's normalize() without hashtags (a chunk never is one). */
function normalize(wss: number, sentiWords: number, totalWords: number): number {
  let nwss = 0;
  if (sentiWords) {
    nwss = wss / sentiWords;
    const avgLength = 15;
    nwss /= Math.sqrt(totalWords > avgLength ? totalWords / avgLength : 1);
  }
  return nwss || 0;
}

/** AFINN-165's score of one lower-case word (0 when it has none): for word-list baselines. */
export function afinnWordScore(word: string): number {
  return Object.hasOwn(afinn, word) ? afinn[word]! : 0;
}

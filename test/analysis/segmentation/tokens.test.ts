import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countLetterRuns, countWords, tokenize } from '../../../analysis/segmentation/tokens.js';

// The tokenizer's rule written as the regular expression it implements (tokens.ts).
const TOKEN_RE = /[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

function byRegex(text: string, offset = 0) {
  const tokens = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    let raw = m[0];
    if (raw.endsWith('.') && !raw.slice(0, -1).includes('.')) raw = raw.slice(0, -1);
    const start = offset + (m.index ?? 0);
    const norm = raw.toLowerCase().replace(/’/g, "'");
    const isWord = /^[\p{L}\p{N}]/u.test(raw);
    // A lone "." is one punctuation token, not an empty word before a dot.
    if (raw !== '') tokens.push({ text: raw, norm, start, end: start + raw.length, isWord });
    if (raw.length < m[0].length) {
      const dot = start + raw.length;
      tokens.push({ text: '.', norm: '.', start: dot, end: dot + 1, isWord: false });
    }
  }
  return tokens;
}

test('keeps inner apostrophes, hyphens and dots, and the dot of an abbreviation', () => {
  const tokens = tokenize('Xi’s U.S.-China talks, said Mr. Biden at 9.5.');
  assert.deepEqual(
    tokens.map((t) => t.text),
    ['Xi’s', 'U.S.', '-', 'China', 'talks', ',', 'said', 'Mr', '.', 'Biden', 'at', '9.5.'],
  );
  assert.equal(tokens[0]!.norm, "xi's");
  assert.equal(tokens[1]!.isWord, true);
  assert.equal(tokens[2]!.isWord, false);
});

test('cuts text exactly as the regular expression does, offsets included', () => {
  const samples = [
    'The stakes could not be higher for Secretary of State Antony Blinken’s visit to China.',
    'United States Secretary of State Antony Blinken will travel to China on June 18.',
    "ideas—implicit or explicit—for how to manage ties (it's 5 p.m.) . . . “Done.”",
    'Ⅻ ℹ️ 𝐀𝐁 é\u00a0naïve İstanbul 😊 \ud800 x\u2028y __ a--b a..b .5 5. ’tis',
  ];
  let seed = 1;
  const pieces = ['a', 'Z', 'é', '9', "'", '’', '.', '-', ' ', '\n', '“', '😊', '𝐀', '\ud800', ','];
  for (let i = 0; i < 2000; i++) {
    let s = '';
    for (let j = 0; j < 10; j++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      s += pieces[seed % pieces.length];
    }
    samples.push(s);
  }
  for (const text of samples) assert.deepEqual(tokenize(text, 7), byRegex(text, 7), text);
});

test('counts runs of letters and digits', () => {
  assert.equal(countLetterRuns('“We are not naive,” she said'), 6);
  assert.equal(countLetterRuns("don't 𝐀𝐁 — 9.5"), 5);
  assert.equal(countLetterRuns(' — '), 0);
});

test('a spaced ellipsis gives one token per dot and no empty token', () => {
  const tokens = tokenize('Wait . . . then');
  assert.deepEqual(
    tokens.map((t) => t.text),
    ['Wait', '.', '.', '.', 'then'],
  );
});

test('counts the word tokens tokenize() makes, and stops at a given number', () => {
  const pieces = ['a', 'Z', 'é', '9', "'", '’', '.', '-', ' ', '\n', '“', '😊', '𝐀', '\ud800', ','];
  const samples = ['Xi’s U.S.-China talks, said Mr. Biden at 9.5. a--b a..b .5 5. ’tis'];
  let seed = 7;
  for (let i = 0; i < 3000; i++) {
    let s = '';
    for (let j = 0; j < 12; j++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      s += pieces[seed % pieces.length];
    }
    samples.push(s);
  }
  for (const text of samples) {
    const words = tokenize(text).filter((t) => t.isWord).length;
    assert.equal(countWords(text), words, text);
    assert.equal(countWords(text, 2), Math.min(words, 2), text);
  }
  assert.equal(countWords('one two three four', 0), 0);
});

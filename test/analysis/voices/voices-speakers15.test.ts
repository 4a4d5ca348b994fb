import { test } from 'node:test';
import assert from 'node:assert/strict';
import { voicesOf } from './paragraphs.js';
import { NO_ACTORS } from '../../../analysis/codebooks/codebook.js';
import { attributeVoices } from '../../../analysis/voices/voices.js';

// Issue 12, fifteenth speakers round: "point to", "hail", "blast", "echo" and "chastise"
// report a view when their subject is a source; a time phrase after a parenthesis or an
// apposition, or opening the sentence, is no source (README, Voices). The sentences are
// written for these tests.

test('a source who points to something speaks; signs that point to it do not', () => {
  const v = voicesOf([
    ['Senator Dana Holt pointed to new jobs in wind and solar energy.'],
    ['Signs pointed to a long delay in the vote.'],
    ['Skeptics point out that nothing has changed.'],
    ['Congress could point to the court fight as a reason to wait.'],
  ]);
  assert.deepEqual([v[0]!.quote, v[0]!.name], ['indirect', 'Dana Holt']);
  assert.deepEqual([v[1]!.quote, v[1]!.name], ['none', null]);
  assert.equal(v[2]!.name, 'Skeptics');
  assert.deepEqual([v[3]!.quote, v[3]!.name], ['none', null]);
});

test('"hailed", "blasted", "echoed" and "chastised" credit their subject, not their object', () => {
  const v = voicesOf([
    ['Governor Ana Ruiz hailed the ruling as a step forward.'],
    ['Mayor Tom Alder blasted the council for delaying the budget.'],
    [
      'Rep. Kim Soto of Ohio, the lead negotiator on the Democratic side, echoed Ryan, saying the deal was close.',
    ],
    ['“We will win,” echoed Rep. Kim Soto.'],
    ['Justice Ellen Park chastised her colleagues for reversing the precedent.'],
    ['Ms. Ruiz hails from a small town in Ohio.'],
  ]);
  assert.equal(v[0]!.name, 'Ana Ruiz');
  assert.equal(v[1]!.name, 'Tom Alder');
  assert.equal(v[2]!.name, 'Kim Soto');
  assert.equal(v[3]!.name, 'Kim Soto');
  assert.equal(v[4]!.name, 'Ellen Park');
  assert.deepEqual([v[5]!.quote, v[5]!.name], ['none', null]);
});

test('a weekday after a parenthesis or an apposition is no source', () => {
  const v = voicesOf([
    ['Rep. Dana Holt (D-Calif.) on Sunday warned that the bill would fail.'],
    ['Tom Alder, the city attorney, on Monday vowed to appeal the ruling.'],
    ['Sen. Ana Ruiz, R-Utah, Monday proposed a new tax credit.'],
  ]);
  assert.equal(v[0]!.name, 'Dana Holt');
  assert.equal(v[1]!.name, 'Tom Alder');
  assert.equal(v[2]!.name, 'Ana Ruiz');
});

test('an opening "Later in the day" is no part of the source', () => {
  const v = voicesOf([['Later in the day Holt echoed his comments on Twitter.']]);
  assert.equal(v[0]!.name, 'Holt');
});

test('a title before "to" and a place belongs to the source, in front or in apposition', () => {
  const v = voicesOf([
    ['Former U.S. ambassador to the United Nations Tom Alder said the deal was weak.'],
    ['The former ambassador to Russia, Dana Holt, said the talks would fail.'],
    ['The mayor of San Jose, Calif., said the stores would close.'],
  ]);
  assert.equal(v[0]!.name, 'Tom Alder');
  assert.equal(v[1]!.name, 'Dana Holt');
  assert.equal(v[2]!.name, 'mayor of San Jose');
  const text = 'Former U.S. ambassador to the United Nations Tom Alder said the deal was weak.';
  const a = attributeVoices(
    text,
    [{ paragraph: 0, sentence: 0, kind: 'body', text, start: 0, end: text.length }],
    NO_ACTORS,
  );
  assert.equal(a.speakers[0]!.role, 'Former U.S. ambassador to the United Nations');
});

test('a phrase between double hyphens after the source is skipped', () => {
  const v = voicesOf([
    [
      'Former diplomats who have spent long days in talks with Pyongyang -- skilled and well-prepared negotiators -- say the talks can be frustrating.',
    ],
    ['Dana Holt -- mother of one of the victims -- said the pain would not end.'],
  ]);
  assert.equal(v[0]!.name, 'Former diplomats');
  assert.equal(v[1]!.name, 'Dana Holt');
});

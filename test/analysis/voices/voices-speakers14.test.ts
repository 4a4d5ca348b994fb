import { test } from 'node:test';
import assert from 'node:assert/strict';
import { voicesOf } from './paragraphs.js';

// Issue 12, fourteenth speakers round: a threat to act credits the person who makes it, a
// relative clause between a source and its verb is no source, and "demonstrated" with a
// plain object is no speech (README, Voices). The sentences are written for these tests.

test('a person who threatens to act is the source of the sentence', () => {
  const v = voicesOf([
    ['Senator Dana Holt has threatened to block the spending bill.'],
    ['She threatened last week to hold up every nominee.'],
  ]);
  assert.deepEqual([v[0]!.quote, v[0]!.name], ['indirect', 'Dana Holt']);
  assert.equal(v[1]!.name, 'Dana Holt');
});

test('a capital or country that threatens to act speaks for its government', () => {
  const v = voicesOf([
    ['Beijing threatened to retaliate against the tariffs.'],
    ['China has threatened to cancel the talks.'],
    ['Washington threatened last week to impose new sanctions.'],
  ]);
  assert.deepEqual(
    v.map((s) => s.name),
    ['China', 'China', 'US government'],
  );
});

test('a thing that threatens to happen credits no one', () => {
  const v = voicesOf([
    ['The dispute threatens to derail the talks.'],
    ['It threatens to linger for months.'],
    ['The reports are threatening to the administration.'],
  ]);
  for (const s of v) assert.deepEqual([s.quote, s.name], ['none', null]);
});

test('a threat to act yields to the speech verb of the main clause', () => {
  const v = voicesOf([
    ['After Reid threatened to hold up the bills, McConnell told reporters the votes would wait.'],
  ]);
  assert.equal(v[0]!.name, 'McConnell');
});

test('the noun before a relative clause speaks, not a noun inside the clause', () => {
  const v = voicesOf([
    ['Analysts who follow the company say the merger will fail.'],
    ['A senior officer who would not agree to being identified said the base was closed.'],
    ['Kestrel, which employs around 75,000 people worldwide, has disputed the decision.'],
  ]);
  assert.equal(v[0]!.name, 'Analysts');
  assert.equal(v[1]!.name, 'senior officer');
  assert.equal(v[2]!.name, 'Kestrel');
});

test('a relative clause on an apposition or an agent does not take the verb', () => {
  const v = voicesOf([
    ['Kevin Dunmore, the lawyer who represented the builder, said the deal was legal.'],
    ['The ruling was made by Judge Amos Reed, who retires in May, said court clerk Tom Ball.'],
  ]);
  assert.equal(v[0]!.name, 'Kevin Dunmore');
  assert.equal(v[1]!.name, 'Tom Ball');
});

test('"demonstrated" with a plain object is no speech; before a clause it is', () => {
  const v = voicesOf([
    ['Governor Ana Ruiz demonstrated more ease on stage.'],
    ['Governor Ana Ruiz demonstrated that the plan would work.'],
  ]);
  assert.deepEqual([v[0]!.quote, v[0]!.name], ['none', null]);
  assert.equal(v[1]!.name, 'Ana Ruiz');
});

test('an acronym keeps its capitals; a transcript label in capitals does not', () => {
  const v = voicesOf([
    ['The plant will close next year, KCNA said.'],
    ['MR. BLINKEN: We will hold the talks in Geneva.'],
  ]);
  assert.equal(v[0]!.name, 'KCNA');
  assert.equal(v[1]!.name, 'Blinken');
});

test('a union or company "Rep" is no member of Congress; "Rep" before a name is', () => {
  const union = voicesOf([['Union Rep Tom Alder said the workers would strike on Monday.']]);
  const member = voicesOf([['Rep Tom Alder said the bill would pass on Monday.']]);
  assert.deepEqual([union[0]!.name, union[0]!.side], ['Tom Alder', 'other']);
  assert.deepEqual([member[0]!.name, member[0]!.side], ['Tom Alder', 'us_gov']);
});

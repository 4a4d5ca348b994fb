import { test } from 'node:test';
import assert from 'node:assert/strict';
import { voicesOf } from './paragraphs.js';
import { loadCodebook } from '../../../analysis/codebooks/codebook.js';

// Issue 12, sixteenth speakers round: a date is no part of a name, an opening time phrase
// is no source, and a description set off before a name leaves the name to speak (README,
// Voices). The sentences are written for these tests.

test('a month after a preposition of time is a date, not a given name', () => {
  const v = voicesOf([
    ['In April Dana Holt said the mill would close.'],
    ['Mayor Holt said it again in May.'],
    ['In that same interview in August Holt said the deal was dead.'],
    ['April Ryan, a correspondent, said the briefing was cancelled.'],
  ]);
  assert.equal(v[0]!.name, 'Dana Holt');
  assert.equal(v[1]!.name, 'Dana Holt');
  assert.equal(v[2]!.name, 'Dana Holt');
  assert.equal(v[3]!.name, 'April Ryan');
});

test('an opening time phrase closed by a comma is no source', () => {
  const v = voicesOf([
    ['On Monday, a second witness, Lena Ortiz, accused the mayor of lying.'],
    ['Earlier Friday, Senator Tom Alder said the vote would wait.'],
    ['Later Tuesday morning, Ortiz again said she would testify.'],
  ]);
  assert.equal(v[0]!.name, 'Lena Ortiz');
  assert.equal(v[1]!.name, 'Tom Alder');
  assert.equal(v[2]!.name, 'Lena Ortiz');
});

test('an opening phrase that is no time phrase still leaves the name before its apposition', () => {
  const v = voicesOf([
    ['Even Senator Ana Ruiz of Utah, a close ally of the governor, said the plan failed.'],
  ]);
  assert.equal(v[0]!.name, 'Ana Ruiz');
});

test('a description set off before a name leaves the name to speak', () => {
  const v = voicesOf([
    ['The city’s envoy for the water talks, Rosa Delgado, told reporters that a draft exists.'],
    ['A top aide in the office of Rep. Tom Alder, Ohio Democrat, said the bill would pass.'],
  ]);
  assert.equal(v[0]!.name, 'Rosa Delgado');
  assert.notEqual(v[1]!.name, 'Ohio Democrat');
});

test('a clause after the comma is no apposition that gives the source a side', () => {
  const v = voicesOf([
    ['According to Tom Alder, Trump’s government is collapsing.'],
    ['According to Dana Holt, the Chinese government is running out of time.'],
    ['Ana Ruiz, Trump’s special envoy, said the talks had stalled.'],
  ]);
  assert.deepEqual([v[0]!.name, v[0]!.side], ['Tom Alder', 'other']);
  assert.deepEqual([v[1]!.name, v[1]!.side], ['Dana Holt', 'other']);
  assert.deepEqual([v[2]!.name, v[2]!.side], ['Ana Ruiz', 'us_gov']);
});

test('an office holder listed with a middle initial is not someone written with another', () => {
  // Each its own article: one article's "Bush" is one person.
  const actors = loadCodebook().actors;
  const [p] = voicesOf([['George P. Bush said he would run for land commissioner.']], actors);
  const [w] = voicesOf([['George W. Bush said the war was just.']], actors);
  const [t] = voicesOf([['Donald J. Trump said the deal was done.']], actors);
  assert.deepEqual([p!.name, p!.side], ['George P. Bush', 'other']);
  assert.deepEqual([w!.name, w!.side], ['George W. Bush', 'us_gov']);
  assert.deepEqual([t!.name, t!.side], ['Donald J. Trump', 'us_gov']);
});

test('an acronym of five letters or more keeps its capitals; a shouted name does not', () => {
  const [naacp] = voicesOf([['The NAACP said the ruling was a setback.']]);
  assert.equal(naacp!.name, 'NAACP');
  const label = voicesOf([
    ['Reporter Dana Holt spoke to the mayor.'],
    ['HOLTEN: We are not going to raise taxes this year, and I have said so.'],
  ]);
  assert.equal(label[1]!.name, 'Holten');
  const shouted = voicesOf([
    ['RUIZEN SLAMS COUNCIL OVER BUDGET'],
    ['RUIZEN said the budget was a fraud.'],
  ]);
  assert.equal(shouted[1]!.name, 'Ruizen');
});

test('"also" before a participle or an article set off after the source is skipped', () => {
  const v = voicesOf([
    ['Holt, also speaking on the radio, hailed a shift in tone.'],
    ['Gov. Ana Ruiz, also a Democrat, urged lawmakers to act.'],
    ['Ohio, particularly its northern half, promises to be a focus.'],
  ]);
  assert.equal(v[0]!.name, 'Holt');
  assert.equal(v[1]!.name, 'Ana Ruiz');
  assert.deepEqual([v[2]!.quote, v[2]!.name], ['none', null]);
});

test('a party and state in parentheses before an apposition leave the name to speak', () => {
  const v = voicesOf([
    ['Sen. Dana Holt (D-Ore.), a member of the panel, said the bill would fail.'],
    ['“We are close,” Rep. Tom Alder (R-Ohio), the No. 2 Republican, told reporters.'],
  ]);
  assert.equal(v[0]!.name, 'Dana Holt');
  assert.equal(v[1]!.name, 'Tom Alder');
});

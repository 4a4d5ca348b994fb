import { test } from 'node:test';
import assert from 'node:assert/strict';
import { voicesOf } from './paragraphs.js';

// Issue 12, twenty-first speakers round: some members of a group speaking for it. The
// sentences are written for these tests.

test('a partitive or a gathering names the group, not the word that counts it', () => {
  const v = voicesOf([
    ['Several of the senators said the mill should close.'],
    ['A group of GOP lawmakers wrote that the ban was unfair.'],
    ['The farm was sold, some of its rivals warned on Monday.'],
    ['A bipartisan group of 66 senators wrote that the levy must go.'],
  ]);
  assert.equal(v[0]!.name, 'senators');
  assert.equal(v[1]!.name, 'GOP lawmakers');
  assert.equal(v[2]!.name, 'rivals');
  assert.equal(v[3]!.name, 'senators');
});

test('one of a group named before is that group', () => {
  const v = voicesOf([
    ['Two Orvik officials said the mill would reopen.'],
    ['One of the officials said the deal was done.'],
  ]);
  assert.equal(v[1]!.name, 'Two Orvik officials');
  // "The group" later is the group gathered so.
  const g = voicesOf([
    ['A group of House Democrats said the levy must go.'],
    ['The group, in a statement, said it would vote no.'],
  ]);
  assert.equal(g[1]!.name, 'House Democrats');
});

test('no group after "of": the phrase is left as it was', () => {
  const v = voicesOf([
    ['The number of people who said they would vote rose.'],
    ['One of the first things Ana Lind tells voters is that she farmed.'],
    ['All of us believe the mill will reopen.'],
  ]);
  assert.notEqual(v[0]?.name, 'people');
  assert.notEqual(v[1]?.name, 'first things Ana Lind');
  assert.notEqual(v[2]?.name, 'US government');
  // A place the group stood in is not the speaker.
  const p = voicesOf([['She joined a group of protesters in Lind’s office demanding a vote.']]);
  assert.notEqual(p[0]?.name, "Ana Lind's office");
});

test('a body named by its place and "of" keeps its whole name', () => {
  const v = voicesOf([
    ['The Georgia Department of Transportation said the road was closed.'],
    ["The U.S. Attorney's Office for the Southern District of New York says the case is open."],
    ['Orvik Institute of Steel Research Director Ana Lind said the mill would reopen.'],
  ]);
  assert.equal(v[0]!.name, 'Georgia Department of Transportation');
  assert.equal(v[1]!.name, "U.S. Attorney's Office for the Southern District of New York");
  // A person titled by the body is the person.
  assert.equal(v[2]!.name, 'Ana Lind');
});

test('a source "with knowledge of" a matter is the source, not the matter', () => {
  const v = voicesOf([
    ['The mill will close, a source with knowledge of the investigation said Friday.'],
    ['People with direct knowledge of the plans said the levy would rise.'],
  ]);
  assert.equal(v[0]!.name, 'source');
  assert.equal(v[1]!.name, 'People');
});

test('an office with "of" before a name leaves its object out of the name', () => {
  const v = voicesOf([
    ['Secretary of Agriculture Ana Lind said the levy must go.'],
    ['Mayor of Orvik Tom Mercer said the mill would reopen.'],
    ['Secretary of State Hillary Rodham Clinton said the talks would resume.'],
  ]);
  assert.equal(v[0]!.name, 'Ana Lind');
  assert.equal(v[1]!.name, 'Tom Mercer');
  // A title the lists know ends the office before a name of three words.
  assert.equal(v[2]!.name, 'Hillary Rodham Clinton');
});

test('a partitive of documents is no group: "one of the reports" is not "reports"', () => {
  const v = voicesOf([
    ['The mill will close, according to one of the reports.'],
    ['Some of the tweets said the levy was a hoax.'],
    ['One of the summaries said the mill would reopen.'],
  ]);
  assert.equal(v.length, 3);
  for (const voice of v)
    assert.ok(!/^(reports|tweets|summaries)$/.test(voice!.name ?? ''), String(voice!.name));
});

test("a body's whole name keeps an initial's dot", () => {
  const v = voicesOf([['The Robert F. Kennedy Center for Justice said the mill must close.']]);
  assert.equal(v[0]!.name, 'Robert F. Kennedy Center for Justice');
});

test('a partitive over the two parties or over a family names no group', () => {
  const v = voicesOf([
    ['Both of the countries said they would talk again.'],
    ['Each of the sides said it would talk again.'],
    ['Both of the Clintons said they would campaign.'],
    ['Several of the senators said they would vote no.'],
  ]);
  assert.equal(v[0]?.name ?? null, null);
  assert.equal(v[1]?.name ?? null, null);
  assert.notEqual(v[2]?.name ?? null, 'Clintons');
  assert.equal(v[3]?.name, 'senators');
});

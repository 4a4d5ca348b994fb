import { test } from 'node:test';
import assert from 'node:assert/strict';
import { voicesOf } from './paragraphs.js';

// Issue 12, fifth speakers round: attribution constructions mined from the AllSides corpus
// (README, Voices). The sentences are written for these tests.
const names = (paragraphs: string[][]) => voicesOf(paragraphs).map((v) => v.name);

test('an inverted source of plain words after a quotation is the speaker', () => {
  const n = names([
    ['“The bill is dead on arrival,” said one Senate backer who asked not to be named.'],
    ['“We will not budge,” says the former cabinet member.'],
    ['“It was a long night,” said a longtime supporter of the governor.'],
    ['“Nobody expected this,” said one Democrat with knowledge of the talks.'],
  ]);
  assert.equal(n[0], 'one Senate backer');
  assert.equal(n[1], 'former cabinet member');
  assert.match(n[2] ?? '', /^longtime supporter/);
  assert.equal(n[3], 'one Democrat');
});

test('an inverted phrase is no source when a clause or a name follows it', () => {
  const v = voicesOf([
    ['“The vote is close,” said the Fox and Friends co-host.'],
    ['“It is over,” said the senator was wrong to the end.'],
  ]);
  assert.notEqual(v[0]!.name, 'the Fox');
  assert.notEqual(v[0]!.name, 'Fox');
  assert.equal(v[1]!.name, null);
});

test('“quipped” is a speech verb (the lexicon had misspelt its forms)', () => {
  const v = voicesOf([['“She is becoming too popular,” the governor’s rival Dan Marsh quipped.']]);
  assert.equal(v[0]!.name, 'Dan Marsh');
  assert.equal(voicesOf([['Dan Marsh quipped that the vote was lost.']])[0]!.quote, 'indirect');
});

test('a manner-of-speaking or document verb after a quotation credits its subject', () => {
  const v = voicesOf([
    [
      '“Answer the question you were asked,” Harlan snapped.',
      '“I waited on the website for an hour,” echoed Rep. Dana Whitford.',
      '“Nothing about this plan adds up,” the audit states.',
      '“We stand for the rule of law,” the platform reads.',
      '“Not while I am speaking,” Whitford fired back.',
    ],
  ]);
  assert.deepEqual(
    v.map((s) => s.name),
    ['Harlan', 'Dana Whitford', 'audit', 'platform', 'Dana Whitford'],
  );
  assert.ok(v.every((s) => s.quote === 'direct'));
});

test('the same verbs in their other senses report no one', () => {
  const v = voicesOf([
    [
      'Harlan pressed the point at a rally in Ohio.',
      'The United States offered aid to the region.',
      'Investigators cracked the case in March.',
      'She read the bill twice before the vote.',
    ],
  ]);
  assert.ok(v.every((s) => s.name === null && s.quote === 'none'));
});

test('an inverted name is cut where its affiliation, place or time opens', () => {
  const n = names([
    ['“The budget sets up no talks,” said Dana Keller of the progressive Lantern Institute.'],
    ['“Nobody will pledge allegiance,” said Morrow at the June 9 press conference.'],
    ['“Costs are passed on to shoppers,” said Nils von Arnim, a retail analyst at Fenwick.'],
    ['“The battle is on the ground now,” said Tom Reller with the Center for Naval Studies.'],
  ]);
  assert.equal(n[0], 'Dana Keller');
  assert.equal(n[1], 'Morrow');
  assert.match(n[2] ?? '', /Arnim$/);
  assert.equal(n[3], 'Tom Reller');
});

test('a body named with "of" and pasted link text are not cut into a name', () => {
  const n = names([
    [
      '“Scientists know the most,” wrote Union of Concerned Scientists director Ann Ruiz in a column.',
    ],
  ]);
  assert.notEqual(n[0], 'Union');
});

test('“denounced” reports a view, like “condemned”', () => {
  const v = voicesOf([
    ['Senator Ruth Calder denounced the inquiry as a “witch hunt.”'],
    ['The inquiry, which Calder has denounced as partisan, went on for a year.'],
  ]);
  assert.equal(v[0]!.name, 'Ruth Calder');
  assert.equal(v[1]!.name, 'Ruth Calder');
});

test('“what he has called …” is the naming of the relative clause’s subject', () => {
  const v = voicesOf([
    ['Governor Ana Ruiz spoke on Friday.'],
    [
      'Ruiz imposed new fees because of what she has called unfair practices.',
      'The fees, which Ruiz called a last resort, start in May.',
    ],
    ['We did what we called our duty.'],
  ]);
  assert.equal(v[1]!.name, 'Ana Ruiz');
  assert.equal(v[2]!.name, 'Ana Ruiz');
  assert.equal(v[2]!.quote, 'indirect');
  assert.equal(v[3]!.name, null);
});

test('“lashed out at” reports a view; “lashed” alone does not', () => {
  const v = voicesOf([
    ['Governor Matt Orley lashed out at teachers who went on strike.'],
    ['Rain lashed the coast all night.'],
  ]);
  assert.equal(v[0]!.name, 'Matt Orley');
  assert.equal(v[0]!.quote, 'indirect');
  assert.equal(v[1]!.quote, 'none');
});

test('after a quotation, a bare title before a name may open with “the”, join two titles and carry initials', () => {
  const n = names([
    ['“The case is closed,” says the longtime party adviser Nora Feld.'],
    ['“We were wrong,” said comedian and author Tim Bakely.'],
    ['“The strikes will go on,” said coalition spokesman Col. Ray D. Morton.'],
    ['“That is illegal,” said state labor commissioner Dale Ostrow in his order.'],
  ]);
  assert.equal(n[0], 'Nora Feld');
  assert.equal(n[1], 'Tim Bakely');
  assert.match(n[2] ?? '', /Morton$/);
  assert.equal(n[3], 'Dale Ostrow');
});

test('after a quotation, an unnamed source close to or familiar with something is the speaker', () => {
  const n = names([
    ['“It keeps everyone guessing,” said one Republican close to the governor.'],
    ['“It is a mess,” said one person directly involved in the talks.'],
    ['“He will not lead,” said another aide familiar with his thinking.'],
  ]);
  assert.equal(n[0], 'one Republican');
  assert.equal(n[1], 'one person');
  assert.match(n[2] ?? '', /aide/);
});

test('a quotation signed with a dash credits the name after the dash', () => {
  const v = voicesOf([
    ['“He is not fit for the office.” - Rita Vance'],
    ['"Beware the fury of a patient man." -- John Dryden'],
    ['“Jobs came back.” — Sen. Tom Pell, March 3, 2012'],
    ['He talked about "my precious girl" -- Anna Pell, his daughter with Ruth.'],
  ]);
  assert.equal(v[0]!.name, 'Rita Vance');
  assert.equal(v[1]!.name, 'John Dryden');
  assert.equal(v[2]!.name, 'Tom Pell');
  assert.equal(v[3]!.name, null);
});

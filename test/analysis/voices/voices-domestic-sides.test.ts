import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCodebook } from '../../../analysis/codebooks/codebook.js';
import { voicesOf } from './paragraphs.js';

// Issue 12, fourth sides round: US domestic negotiations (Congress, the White House,
// unions). Members of Congress and their committees, party leaders and the parties in
// Congress speak for the US government; unions and companies do not. The sentences are
// short ones written for these tests; each inner array is one paragraph.
const voices = (paragraphs: string[][]) => voicesOf(paragraphs, loadCodebook().actors);

test('a committee chairman is US government, even with "and" in the committee name', () => {
  const v = voices([
    ['Budget Committee Chairman Tom Alder said the bill would pass by Friday.'],
    ['Ways and Means Committee Chairman Ruth Calder said the talks had been hard.'],
    ['Energy and Commerce Committee Chairwoman Ida Lopes told reporters the deal was close.'],
    ['Trump and Senate Budget Committee Chairman Tom Alder said the deal was done.'],
  ]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'Tom Alder', side: 'us_gov' });
  assert.deepEqual(v[1], { quote: 'indirect', name: 'Ruth Calder', side: 'us_gov' });
  assert.deepEqual(v[2], { quote: 'indirect', name: 'Ida Lopes', side: 'us_gov' });
  // Two people joined by "and" are still two sources.
  assert.notEqual(v[3]!.name, 'Tom Alder');
});

test('"and" inside a listed body\'s name joins no two sources', () => {
  const v = voices([
    ['Health and Human Services Secretary Tom Alder said nobody would be worse off.'],
    ['Tom Alder later told reporters the plan would pass.'],
    [
      'Immigration and Customs Enforcement Director Ida Lopes told reporters the raids would go on.',
    ],
    ['Trump and Homeland Security Secretary Ann Ruiz said the wall would be built.'],
  ]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'Tom Alder', side: 'us_gov' });
  // The body's name is the whole title the article gives him, so it gives the side again.
  assert.deepEqual(v[1], { quote: 'indirect', name: 'Tom Alder', side: 'us_gov' });
  assert.equal(v[2]!.name, 'Ida Lopes');
  // A body without "and" in its name after "and": still two sources.
  assert.notEqual(v[3]!.name, 'Ann Ruiz');
});

test('a congressional leader named without a title is US government', () => {
  const v = voices([
    ['"We are miles from what he proposed," Pelosi said on Tuesday.'],
    ['Schumer told reporters the Senate would vote next week.'],
    ['McConnell said the talks had stalled.'],
  ]);
  assert.equal(v[0]!.side, 'us_gov');
  assert.equal(v[1]!.side, 'us_gov');
  assert.equal(v[2]!.side, 'us_gov');
});

test('party leaders in Congress are US government; union leaders are not', () => {
  const v = voices([
    ['GOP leaders have said they expect the cuts to be extended.'],
    ['Union leaders said the contract was a step forward.'],
  ]);
  assert.equal(v[0]!.side, 'us_gov');
  assert.equal(v[1]!.side, 'other');
});

test('"Secretary of State" before a full name is a title, not a group', () => {
  const v = voices([['Secretary of State Ann Ruiz said the talks had gone well.']]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'Ann Ruiz', side: 'us_gov' });
});

test('a director of a university program speaks as an analyst', () => {
  const v = voices([
    [
      'The accord will cost little, says Tom Alder, director of the Harvard Climate Policy Program.',
    ],
  ]);
  assert.equal(v[0]!.side, 'analyst');
});

test('a cabinet department title or a federal agency is US government', () => {
  const v = voices([
    ['Treasury Secretary Ann Ruiz said the deal would hold.'],
    ['Labor Secretary Tom Alder told reporters the strike was costly.'],
    ['An FBI spokeswoman said the inquiry was closed.'],
  ]);
  assert.equal(v[0]!.side, 'us_gov');
  assert.equal(v[1]!.side, 'us_gov');
  assert.equal(v[2]!.side, 'us_gov');
});

test('lawmakers and senators with no country are US government; foreign ones are not', () => {
  const v = voices([
    ['Several lawmakers said the bill went too far.'],
    ['Two senators said they would vote against it.'],
    ['Japanese lawmakers said the pact was unfair.'],
  ]);
  assert.equal(v[0]!.side, 'us_gov');
  assert.equal(v[1]!.side, 'us_gov');
  assert.equal(v[2]!.side, 'other');
});

test('a party and state after a name mark a member of Congress', () => {
  const v = voices([
    ['Jane Roe (R-Texas) said the bill was weak.'],
    ['Later, Tom Alder, D-Calif., said the talks had stalled.'],
    ['Ann Ruiz (D., Mass.) said the deal was done.'],
    ['Bo Lee, a union organizer, said the deal was fair.'],
  ]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'Jane Roe', side: 'us_gov' });
  assert.equal(v[1]!.side, 'us_gov');
  assert.equal(v[2]!.side, 'us_gov');
  assert.equal(v[3]!.side, 'other');
});

test('"Rep." before a name is a member of Congress; a union rep and a state Rep. are not', () => {
  const v = voices([
    ['"That was it," Rep. Tom Alder of California said as he left the meeting.'],
    ['Minnesota Rep. Ruth Calder said the vote would fail.'],
    ['A union rep said the strike would go on.'],
    ['State Rep. Ida Lopes said the budget was late.'],
  ]);
  assert.deepEqual(v[0], { quote: 'direct', name: 'Tom Alder', side: 'us_gov' });
  assert.equal(v[1]!.side, 'us_gov');
  assert.equal(v[2]!.side, 'other');
  assert.equal(v[3]!.side, 'other');
});

test('a party-and-state tag ending the sentence or run on without a comma marks Congress', () => {
  const v = voices([
    ['"No deal," said Freedom Caucus Chairman Tom Alder, R-N.C. earlier in the day.'],
    ['"We will see," said Ruth Calder, D-Va.'],
  ]);
  assert.deepEqual(v[0], { quote: 'direct', name: 'Tom Alder', side: 'us_gov' });
  assert.deepEqual(v[1], { quote: 'direct', name: 'Ruth Calder', side: 'us_gov' });
});

// Issue 12, sides round of 2026-12-07 (ninth session): a listed office holder keeps their
// government's side whatever other country a description mentions; a government role held
// for a listed office holder ("Trump's special envoy") is that government's; a negotiator
// takes the side of the country that names them.
test('a listed office holder is US government, even described beside another country', () => {
  const v = voices([
    [
      'Mr. Tillerson, who was decorated by the Russian government in 2013, said the talks were frank.',
    ],
  ]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'Tillerson', side: 'us_gov' });
});

test("an office holder's envoy or aide is that government's; a campaign's press secretary is not", () => {
  const v = voices([
    ["Tom Alder, Trump's special envoy for Afghanistan, said a draft was close."],
    ["Ruth Calder, Obama's 2012 campaign press secretary, said the race was tight."],
  ]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'Tom Alder', side: 'us_gov' });
  assert.deepEqual(v[1], { quote: 'indirect', name: 'Ruth Calder', side: 'other' });
});

test("a country's chief negotiator speaks for that country", () => {
  const v = voices([
    ["Tom Alder, the United States's chief negotiator, said the framework had to be fleshed out."],
    ["Ida Lopes, Iran's chief negotiator, said no text had been agreed."],
  ]);
  assert.equal(v[0]!.side, 'us_gov');
  assert.equal(v[1]!.side, 'other');
});

test('"and" after a listed body\'s name still joins two sources', () => {
  // Only the first "and" was read: inside the body's name it hid the second, and the source
  // was the last name of the two.
  const v = voices([
    [
      'Health and Human Services Secretary Tom Alder and Education Secretary Ann Ruiz said the rule would stand.',
    ],
    ['Ways and Means Committee Chairman Tom Alder and Senator Ann Ruiz said the rule would stand.'],
  ]);
  assert.equal(v[0]!.name, 'Tom Alder');
  assert.equal(v[1]!.name, 'Tom Alder');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCodebook } from '../../../analysis/codebooks/codebook.js';
import { voicesOf } from './paragraphs.js';

// Issue 12, eighth speakers round: short forms that refer back to a fuller mention, a word
// that is no part of the source, and the wrong noun phrase of the sentence (README, Voices).
// The sentences are written for these tests; each inner array is one paragraph.

test('"the spokesperson" is the spokesperson for someone named before', () => {
  const v = voicesOf([
    ['A spokesperson for Warren rejected the claim, saying the senator had never met him.'],
    ['“She has always spoken to leaders abroad,” the spokesperson told reporters.'],
  ]);
  assert.equal(v[0]!.name, 'spokesperson for Warren');
  assert.equal(v[1]!.name, 'spokesperson for Warren');
});

test('"the newspaper" is the news outlet the article credited last', () => {
  const v = voicesOf([
    ['The Boston Globe reported on Sunday that the mayor had met the developers twice.'],
    ['The newspaper also said the mayor had kept no record of the meetings.'],
  ]);
  assert.equal(v[1]!.name, 'Boston Globe');
});

test('"the congressman" is the person the article titled Rep.', () => {
  const v = voicesOf([
    ['Rep. Dan Mercer (R-Ohio) spoke to reporters after the caucus meeting.'],
    ['The congressman said leaders would hold the vote on Friday.'],
  ]);
  assert.equal(v[1]!.name, 'Dan Mercer');
});

test('a capitalised adverb before a lower-case source is no part of it', () => {
  const v = voicesOf([
    ['President Donald Trump met House leaders on Thursday.'],
    ['Now the president has said he will veto the bill.'],
    ['Still the president has decided to walk away, demanding a vote on Friday.'],
  ]);
  assert.equal(v[1]!.name, 'Donald Trump');
  assert.equal(v[2]!.name, 'Donald Trump');
});

test('a possessive office is the office of the person named in full', () => {
  const v = voicesOf([
    ['Canadian Prime Minister Justin Trudeau flew home on Sunday.'],
    ['Trudeau’s office said the tariffs would be answered in kind.'],
    ['South Korean President Moon Jae-in met the envoys on Monday.'],
    ['Moon’s office said the visit would go ahead.'],
  ]);
  assert.equal(v[1]!.name, "Justin Trudeau's office");
  assert.equal(v[3]!.name, "Moon Jae-in's office");
});

test('"…, he said." after a reported clause is not that clause’s subject', () => {
  const v = voicesOf([
    [
      'Sen. Ray Colby left the meeting before noon.',
      'Pelosi has no plan to bring the bill to a vote, he said.',
    ],
  ]);
  assert.equal(v[1]!.name, 'Ray Colby');
});

test('the object of a phrase between the subject and its verb is not the source', () => {
  const v = voicesOf([
    ['Senior aides meeting with the Senate Democratic caucus said the bill would pass.'],
    ['Pompeo in an interview with CNN said the talks would go on.'],
    [
      'German Chancellor Angela Merkel and other European leaders gathering in Brussels played down the dispute.',
    ],
  ]);
  assert.equal(v[0]!.name, 'Senior aides');
  assert.equal(v[1]!.name, 'Pompeo');
  // (Her title is no part of her name since "chancellor" is a title word.)
  assert.equal(v[2]!.name, 'Angela Merkel');
});

test('a phrase that only describes the source stays with it; an -ing noun is no participle', () => {
  const v = voicesOf([
    ['Officials with the dairy cooperatives say they are doing what they can.'],
    ['Critics on the left say the bill goes too far.'],
    [
      'Last week, a court filing from the senator’s legal team alleged that agents broke the rules.',
    ],
  ]);
  assert.equal(v[0]!.name, 'Officials with the dairy cooperatives');
  assert.equal(v[1]!.name, 'Critics on the left');
  assert.equal(v[2]!.name, 'senator’s legal team');
});

test('a group named by the office holder it serves takes that holder’s side', () => {
  const v = voicesOf(
    [['Trump officials told lawmakers the deadline would not move.']],
    loadCodebook().actors,
  );
  assert.deepEqual(v[0], { quote: 'indirect', name: 'Trump officials', side: 'us_gov' });
});

test('a group named by a place, firm or campaign bearing the holder’s name takes no side from it', () => {
  const v = voicesOf(
    [
      ['Trump Tower officials said the lobby would stay closed through the weekend.'],
      ['Obama Foundation officials said the center would open in the spring.'],
      ['Trump campaign aides said the rally would go ahead as planned.'],
    ],
    loadCodebook().actors,
  );
  assert.deepEqual(
    v.map((s) => s.side),
    ['other', 'other', 'other'],
  );
});

test('"the congresswoman" is no man titled Congressman, "the congressman" no woman', () => {
  const v = voicesOf([
    ['Congressman Dan Mercer spoke to reporters after the caucus meeting.'],
    ['The congresswoman said she would vote against the bill.'],
  ]);
  assert.notEqual(v[1]!.name, 'Dan Mercer');
  const w = voicesOf([
    ['Congresswoman Maria Lopez spoke to reporters after the caucus meeting.'],
    ['The congressman said he would vote against the bill.'],
  ]);
  assert.notEqual(w[1]!.name, 'Maria Lopez');
  // A Rep. of either sex is still the congresswoman the article goes on to call her.
  const x = voicesOf([
    ['Rep. Maria Lopez spoke to reporters after the caucus meeting.'],
    ['The congresswoman said she would vote against the bill.'],
  ]);
  assert.equal(x[1]!.name, 'Maria Lopez');
});

test('"the network" is no newspaper, "the newspaper" or "the paper" no network or agency', () => {
  const names = (first: string, second: string) => voicesOf([[first], [second]]).map((s) => s.name);
  const later = 'said the envoy would return on Friday.';
  assert.deepEqual(
    names(
      'The New York Times reported on Sunday that the talks had stalled.',
      `The network ${later}`,
    ),
    ['New York Times', 'network'],
  );
  assert.deepEqual(
    names('Fox News reported on Monday that the envoy had left.', `The newspaper ${later}`),
    ['Fox News', 'newspaper'],
  );
  assert.deepEqual(
    names('The Associated Press reported that the envoy had landed.', `The paper ${later}`),
    ['Associated Press', 'paper'],
  );
  // Each still repeats an outlet of its kind, the one credited last.
  const v = voicesOf([
    ['The Boston Globe reported that the mayor had met the developers.'],
    ['CBS News reported on Tuesday that the envoy had met the minister.'],
    ['The newspaper said the mayor kept no record.'],
    ['The network said the minister had declined to comment.'],
  ]);
  assert.deepEqual(
    v.map((s) => s.name),
    ['Boston Globe', 'CBS News', 'Boston Globe', 'CBS News'],
  );
});

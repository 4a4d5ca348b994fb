import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadLexicons } from '../../../analysis/scoring/lexicon.js';
import { analyzeScope } from '../../../analysis/scoring/scope.js';
import { scoreTone } from '../../../analysis/scoring/tone.js';
import { tokenize } from '../../../analysis/segmentation/tokens.js';

const lexicons = loadLexicons();
const tone = (text: string) => scoreTone(analyzeScope(tokenize(text), lexicons), 0, lexicons).tone;

test('diplomacy terms that AFINN misses carry tone', () => {
  const conflict = tone('Tensions and grievances have made the relationship confrontational.');
  assert.equal(conflict.afinn, 0);
  assert.ok(conflict.diplomacy < 0);
  assert.ok(conflict.combined < 0);
  assert.ok(tone('Both sides held constructive talks to stabilize relations.').diplomacy > 0);
});

test('negation within the clause flips a diplomacy term', () => {
  assert.ok(tone('The talks were constructive.').diplomacy > 0);
  assert.ok(tone('The talks were not constructive.').diplomacy < 0);
});

test('negation stops at a clause boundary', () => {
  // "not" is in the first clause; "constructive" in the second keeps its sign.
  assert.ok(tone('It was not easy, but the meeting was constructive.').diplomacy > 0);
});

test('"no breakthrough" counts the negation once and the flipped term at -0.75', () => {
  const result = tone('No breakthrough is expected.');
  assert.ok(result.afinn <= -2); // wink: "no" -1 plus a fully flipped +3, averaged
  // The negator's own -1 plus "breakthrough" (+2) × -0.75; four words, no length damping.
  assert.equal(result.combined, -2.5);
});

test('"candid" and "frank" read as diplomatic code for disagreement', () => {
  assert.ok(tone('The two ministers held candid and frank discussions.').diplomacy < 0);
});

test('a phrase beats its words: "ease tensions" is cooperation', () => {
  assert.ok(tone('The visit could ease tensions.').diplomacy > 0);
});

test('AFINN misreadings in news are overridden: "United States" is not positive', () => {
  assert.equal(tone('The United States sent its top diplomat.').combined, 0);
});

test('the clause after "but" outweighs the clause before it', () => {
  const turn = tone('The talks were tense, but the meeting ended on a good and friendly note.');
  const plain = tone('The meeting ended on a good and friendly note, but the talks were tense.');
  assert.ok(turn.combined > plain.combined);
});

test('a negated ability carries the negation over its complement: "not be able to … win"', () => {
  assert.ok(tone('The coach might not be able to walk away with a win this season.').combined < 0);
  assert.ok(tone('The coach might be able to walk away with a win this season.').combined > 0);
  assert.ok(tone('The union was unable to secure a fair deal.').combined < 0);
});

test('a negator a few words before an AFINN word weakens and flips it', () => {
  assert.ok(tone('The plan is not really very good.').combined < 0);
});

test('a negated statement leans negative even when nothing it negates carries tone', () => {
  assert.equal(tone('The envoy attended the dinner.').combined, 0);
  assert.ok(tone('The envoy did not attend the dinner.').combined < 0);
});

test('the evaluative tone leaves out a bare negator, keeps one that negates a tone word', () => {
  // Negative news, but no evaluation of the envoy: what a target's tone is built from.
  const bare = tone('The envoy did not attend the dinner.');
  assert.equal(bare.evaluative, 0);
  // "not constructive" evaluates: the prior stays, so evaluative equals combined.
  const negated = tone('The talks were not constructive.');
  assert.ok(negated.evaluative < 0);
  assert.equal(negated.evaluative, negated.combined);
  // Two negators, one bare: only the bare one's prior leaves.
  const both = tone('The envoy did not attend, and the talks were not constructive.');
  assert.ok(both.evaluative > both.combined);
  assert.ok(both.evaluative < 0);
});

test('a valence shifter reverses the words after it: "lost a great chance", "eased tensions"', () => {
  const lost = tone('The mayor lost a great chance to fix the budget.');
  const had = tone('The mayor had a great chance to fix the budget.');
  assert.ok(had.combined > 0);
  assert.ok(lost.combined < 0);
  assert.ok(tone('The new drug eased the pain of patients.').combined > 0);
  assert.ok(tone('The new drug increased the pain of patients.').combined < 0);
});

test('a shifter and a negator cancel; a shifter after a determiner is no verb', () => {
  assert.ok(tone('The new drug did not ease the pain of patients.').combined < 0);
  // "the lost …": an adjective, so "happy" keeps its +3 against lost's -3.
  assert.equal(tone('They found the lost happy dog.').combined, 0);
  assert.ok(tone('They lost the happy dog.').combined < 0);
});

test('a degree adverb strengthens or weakens the word it modifies', () => {
  const plain = tone('The show was good.').combined;
  assert.ok(tone('The show was very good.').combined > plain);
  assert.ok(tone('The show was slightly good.').combined < plain);
  assert.ok(tone('The show was very bad.').combined < tone('The show was bad.').combined);
});

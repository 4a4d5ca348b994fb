import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreHedges } from '../../../analysis/scoring/hedges.js';
import { loadLexicons } from '../../../analysis/scoring/lexicon.js';
import { analyzeScope } from '../../../analysis/scoring/scope.js';
import { tokenize } from '../../../analysis/segmentation/tokens.js';

const lexicons = loadLexicons();
const stance = (text: string) => scoreHedges(analyzeScope(tokenize(text), lexicons), 0, lexicons);

test('modal and epistemic hedges count', () => {
  assert.equal(stance('More operationally risky behavior may be coming.').hedges, 1);
  assert.equal(stance('Blinken might meet Xi, officials suggested.').hedges, 2);
});

test('"not sure" and "not certain" flip a certainty word into a hedge', () => {
  const notSure = stance('Officials are not sure the talks will resume.');
  assert.equal(notSure.hedges, 1);
  assert.equal(notSure.boosters, 0);
  assert.equal(stance('It is not certain that Xi will attend.').hedges, 1);
  assert.equal(
    stance('The White House is not confident it will be able to pull it off.').hedges,
    1,
  );
});

test('"no doubt" is a booster, not the hedge "doubt"', () => {
  const result = stance('There is no doubt the relationship has changed.');
  assert.equal(result.boosters, 1);
  assert.equal(result.hedges, 0);
  assert.equal(stance('Some officials doubt the talks will help.').hedges, 1);
});

test('"could" as an intensifier is not a hedge', () => {
  assert.equal(stance('The stakes could not be higher for the visit.').hedges, 0);
  assert.equal(stance('The visit could alleviate tensions.').hedges, 1);
});

test('"can", "hope" and will are not hedges; the month May is not the modal', () => {
  assert.equal(stance('Diplomacy can help, and we hope it will.').hedges, 0);
  assert.equal(stance('Sullivan met Wang Yi in May.').hedges, 0);
});

test('vague sources and attribution shields are hedges', () => {
  assert.equal(stance('Some experts say the visit is a mistake.').hedges, 1);
  assert.equal(stance('A suspected Chinese spy balloon crossed the country.').hedges, 1);
});

test('a question about the outcome is a hedge', () => {
  assert.equal(stance('Will Xi show up?').hedges, 1);
});

test('boosters count, and are not certainty words', () => {
  assert.equal(
    stance('No single visit can do it all, and certainly not at this moment.').boosters,
    1,
  );
  assert.equal(stance('This approach seeks to foster clear communication.').boosters, 0);
});

test('a vague source with a verb of saying is a weasel hedge, a named one is not', () => {
  assert.equal(stance('Critics have long argued that the visit is a waste of time.').hedges, 1);
  assert.equal(stance('Some U.S. officials believe the talks are a mistake.').hedges, 1);
  assert.equal(stance('His supporters said the senator had done nothing wrong.').hedges, 0);
});

test('an agentless passive report is a weasel hedge; a named agent or a modal is not', () => {
  assert.equal(stance('The trip is widely regarded as a test of the relationship.').hedges, 1);
  assert.equal(stance('The envoy was criticized for the remarks.').hedges, 1);
  assert.equal(stance('The plan was believed by some to be a mistake.').hedges, 1);
  assert.equal(stance('The statement was described by the ministry as constructive.').hedges, 0);
  assert.equal(stance('China has considered sending aid.').hedges, 0);
  assert.equal(stance('The devices should be considered dangerous.').hedges, 0);
});

test('Penn-tokenised text: "n\'t" negates and -LRB- closes a clause', () => {
  assert.equal(stance("Officials are n't sure the talks will resume.").hedges, 1);
  assert.equal(
    stance('By some accounts -LRB- and there are many -RRB- the talks went well.').hedges,
    2,
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCodebook } from '../../../analysis/codebooks/codebook.js';
import { voicesOf } from './paragraphs.js';

// A reporting clause set off by commas inside a sentence, and views credited with "in X's
// view", "in the view of X", "in the eyes of X". Sentences written for this test.
const voices = (paragraphs: string[][]) => voicesOf(paragraphs, loadCodebook().actors);

test('a reporting clause between commas credits the sentence, with no "that" after its verb', () => {
  const v = voices([
    ['In either case, U.S. officials fear, Iran could strike American troops.'],
    ['The accord will, negotiators hope, allow the pledges to grow over time.'],
    ['Even so, some analysts believe, the purchases would fall short of the goal.'],
  ]);
  assert.deepEqual(
    v.map((x) => [x.name, x.quote]),
    [
      ['U.S. officials', 'indirect'],
      ['negotiators', 'indirect'],
      ['some analysts', 'indirect'],
    ],
  );
});

test('no aside: a verb after a preposition, a modal, an auxiliary or "these"', () => {
  const v = voices([
    ['On Wednesday, three days after the Axios report, Trump took to Twitter to attack CNN.'],
    ['In the end, Trump cannot take charge, because no one can take charge.'],
    ['Taken together, these troubling network reports, centered on one story, paint a portrait.'],
    ['Still, the United States has agreed, in principle, to allow air support for the rebels.'],
  ]);
  assert.deepEqual(
    v.map((x) => x.name),
    [null, null, null, null],
  );
});

test('"in the White House\'s view", "in the view of X", "in the eyes of X"', () => {
  const v = voices([
    ['An Iran deal, in the White House’s view, has no direct connection to the wider trouble.'],
    ['In the view of one party leader, the rhetoric needs rethinking.'],
    ['Many of his proposals were unachievable, even in the eyes of his supporters.'],
    ['The use of force was justifiable in the eyes of the law.'],
  ]);
  assert.deepEqual(
    v.map((x) => x.name),
    ['White House', 'one party leader', 'his supporters', null],
  );
});

test('a speech verb before a colon opens what was said: "The New York Times reports:"', () => {
  const v = voices([
    ['Obama said on Monday that he would wait.'],
    ['The New York Times reports:'],
    ['Bloomberg reported: the central bank will wait.'],
    ['Jobs report: a weak month for hiring in the country.'],
    ['Iran nuclear talks: anger and gloom in Tehran.'],
    ['Our original post: the bill passed.'],
  ]);
  assert.deepEqual(
    v.map((x) => x.name),
    ['Obama', 'New York Times', 'Bloomberg', null, null, null],
  );
});

test('"…, as The Post reported Tuesday." credits the sentence to the outlet, unless someone in it speaks', () => {
  const v = voices([
    ['Negotiators have reached a deal on pay, as Politico exclusively reported Tuesday.'],
    ['Breyer said he voted to stay the order, as the network reported.'],
  ]);
  assert.deepEqual(
    v.map((x) => x.name),
    ['Politico', 'Breyer'],
  );
});

test('"for critics, …" opening a sentence or a clause after "but" is their view; "for investors, …" is not', () => {
  const v = voices([
    ['For many observers, the offer has generated hope that the outcome will be different.'],
    ['The deal grants no relief – but for critics, that will still leave Iran with a windfall.'],
    ['For investors, the deal means higher costs next year.'],
    ['The plan was written for critics, who read it closely.'],
  ]);
  assert.deepEqual(
    v.map((x) => x.name),
    ['many observers', 'critics', null, null],
  );
});

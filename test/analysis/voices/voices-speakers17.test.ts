import { test } from 'node:test';
import assert from 'node:assert/strict';
import { voicesOf } from './paragraphs.js';
import { NO_ACTORS } from '../../../analysis/codebooks/codebook.js';

// Issue 12, seventeenth speakers round: the speakers of headlines, written in title case
// (README, Voices). The sentences are written for these tests.

const BODY = ['Mayor Dana Holt spoke to reporters on Monday.', 'Holt said the vote would wait.'];
const headline = (line: string) => voicesOf([[line], BODY], NO_ACTORS, true)[0]!;

test("a title-case headline's minor words in lower case leave its verbs capitalised", () => {
  const line = "Holt Says 'Let the Mill Stay Open' as She Heads for the Talks in Ohio";
  assert.deepEqual(headline(line), { quote: 'direct', name: 'Dana Holt', side: 'other' });
  // The same line in the body is no title-case headline: its capitals are names or nothing.
  assert.equal(voicesOf([[line], BODY])[0]!.name, null);
});

test("a headline's name, the one addressed or spoken of, then a colon", () => {
  assert.equal(headline("Holt to Council: 'Keep the Mill Open for the Town'").name, 'Dana Holt');
  assert.equal(headline("Holt To City Council: 'Keep the Mill Open'").name, 'Dana Holt');
  assert.equal(headline("Holt on the mill sale: 'It will not happen'").name, 'Dana Holt');
  // A place or topic before "on" names no one the article knows.
  assert.equal(headline('Latest On Mill Sale: Talks go on and on').name, null);
});

test('a headline opening with a quotation and a colon credits the name after the colon', () => {
  const v = headline("'The mill stays open': Dana Holt Rejects Sale of the Plant");
  assert.deepEqual(v, { quote: 'direct', name: 'Dana Holt', side: 'other' });
  assert.equal(headline("'Stop talking': Holt advisers want the sale dropped").name, null);
  assert.equal(headline("'Why did it take so long': five things we learned").name, null);
});

test('a capitalised verb closing a title-case headline or after an auxiliary speaks for no one', () => {
  assert.equal(
    headline('At This Rate, It Will Take Years to Get the Mill Workers Confirmed').name,
    null,
  );
  assert.equal(headline('Which Party Can We Blame for the Mill Closing?').name, null);
  // Set off by a comma, the closing verb still reports.
  assert.equal(headline('Mill Sale Will Wait Until Spring, Holt Says').name, 'Dana Holt');
});

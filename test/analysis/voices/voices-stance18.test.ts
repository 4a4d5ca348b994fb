import { test } from 'node:test';
import assert from 'node:assert/strict';
import { voicesOf } from './paragraphs.js';

// Issue 12, eighteenth speakers round: a stance reported without a speech verb, by a linking
// verb and an adjective, an emotion with its complement, or a verb phrase whose object names a
// stance (README, Voices; analysis/lexicons/stance-predicates.json). The sentences are written
// for these tests.

const names = (...lines: string[]) => voicesOf(lines.map((l) => [l])).map((v) => v.name);

test('a linking verb joins a subject to a stance adjective as "be" does', () => {
  assert.deepEqual(
    names(
      'Mayor Dana Holt seemed hopeful that the talks would go on.',
      'The union leaders remain skeptical.',
      'Senator Tom Alder grew increasingly worried that the plant would close.',
      // Not a stance adjective: no view reported.
      'Mayor Dana Holt seemed tired after the vote.',
    ),
    ['Dana Holt', 'union leaders', 'Tom Alder', null],
  );
});

test('an emotion adjective reports a view only with its complement', () => {
  assert.deepEqual(
    names(
      'Senator Lena Ortiz was furious that the vote was delayed.',
      'Union officials are increasingly alarmed about the layoffs.',
      'Mayor Dana Holt was critical of the plan.',
      // No complement, or the complement of another sense: no view.
      'The crowd was angry.',
      'Mayor Dana Holt was critical to the deal.',
    ),
    ['Lena Ortiz', 'Union officials', 'Dana Holt', null, null],
  );
});

test('a verb phrase whose object names a stance credits its subject', () => {
  assert.deepEqual(
    names(
      'Rep. Tom Alder, however, took exception to that charge.',
      "The mayor's spokesman, Ben Cole, held out the possibility of a meeting.",
      'Senator Lena Ortiz pushed back against the plan on Tuesday.',
      'Union leaders voiced serious concerns about the merger.',
      'Mayor Dana Holt has given a blood-curdling warning of what failure means.',
    ),
    ['Tom Alder', 'Ben Cole', 'Lena Ortiz', 'Union leaders', 'Dana Holt'],
  );
});

test('a stance phrase needs a person or body in its own clause as subject', () => {
  assert.deepEqual(
    names(
      // Another sense of the verb.
      'Senator Lena Ortiz pushed back the vote to Friday.',
      // A plain noun, a participle after the main clause, a phrase after a preposition.
      'The merger raised questions about the pensions.',
      'Mayor Dana Holt won the vote, casting doubt on the strike.',
      'The examination of Holt raised questions about the budget.',
    ),
    [null, null, null, null],
  );
});

test('two groups named by plural role nouns and joined by "and" speak as one group', () => {
  assert.deepEqual(
    names(
      'But on Friday, House lawmakers and aides said the bill lacked the votes.',
      'Some analysts and critics say the plan will fail.',
    ),
    ['House lawmakers and aides', 'Some analysts and critics'],
  );
  // A clause before "and", not a group: only the second speaks.
  assert.deepEqual(names('Holt met reporters and aides said nothing.'), ['aides']);
});

test('"play down" counts in its base form too', () => {
  assert.deepEqual(names('Mayor Dana Holt tried to play down the expectations.'), ['Dana Holt']);
});

test('a quantifier standing alone as a source is a group, not the person "she" names', () => {
  // "Some were nervous …" (a stance) or "Others said …" went down as a person named "Some",
  // and the next "She" was credited to it.
  assert.deepEqual(
    names(
      'Mayor Dana Holt said the council would meet.',
      'Some were nervous about the vote.',
      'She urged members to stay.',
      'Others said the plan would fail.',
      'She warned the council.',
    ),
    ['Dana Holt', 'Some', 'Dana Holt', 'Others', 'Dana Holt'],
  );
});

test('two groups joined by "and" speak as one group when the first opens the sentence', () => {
  // The first group's noun is capitalised there: only the second was credited.
  assert.deepEqual(
    names('Analysts and critics say the plan will fail.', 'Reporters and aides said so.'),
    ['Analysts and critics', 'Reporters and aides'],
  );
});

test('a name after "such as" a plain noun is no subject of a stance phrase', () => {
  assert.deepEqual(
    names(
      'New concerns over militants such as al Shabaab raise questions about the investment.',
      'Critics such as Senator Lena Ortiz raised concerns about the plan.',
    ),
    [null, 'Lena Ortiz'],
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { voicesOf } from './paragraphs.js';

// Issue 12, nineteenth speakers round: which speaker an unattributed quotation continues
// (README, Voices). The sentences are written for these tests.

const names = (paragraphs: string[][]) => voicesOf(paragraphs).map((v) => v.name);

test('a paragraph break ends an unattributed chain unless the quotation goes on across it', () => {
  assert.deepEqual(
    names([
      ['“We will not give up on the plant,” Mayor Dana Holt said.'],
      // Another's words in narration: the mayor's chain has ended.
      ['The report on the plant ends with the line “a waste of everybody’s time and money.”'],
    ]),
    ['Dana Holt', null],
  );
  assert.deepEqual(
    names([
      ['“We will not give up on the plant,” Mayor Dana Holt said.'],
      // A paragraph opened by a quotation mark goes on with it.
      ['“The workers deserve better than this.”'],
    ]),
    ['Dana Holt', 'Dana Holt'],
  );
});

test('across a paragraph, a quotation whose own subject is the speaker continues', () => {
  assert.deepEqual(
    names([
      ['“We will not give up on the plant,” Mayor Dana Holt said.'],
      ['Holt closed the meeting with a warning: “Nobody here will be forgotten.”'],
      ['She ended with a promise: “We will be back next year.”'],
    ]),
    ['Dana Holt', 'Dana Holt', 'Dana Holt'],
  );
});

test('a report closed by a colon introduces the quotation after it', () => {
  assert.deepEqual(
    names([
      ['“We will not give up on the plant,” Mayor Dana Holt said.'],
      ['Senator Tom Alder told reporters on Monday:'],
      ['“The plant was never going to survive the winter.”'],
    ]),
    ['Dana Holt', 'Tom Alder', 'Tom Alder'],
  );
});

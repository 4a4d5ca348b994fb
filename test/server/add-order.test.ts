// The upload results page lists a file's stored and refused rows in file order (#15).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bySource } from '../../server/pages/add.js';

test('refused CSV rows sit between the stored rows around them, numbers in numeric order', () => {
  const results = [
    { source: 'upload.csv:row 10' },
    {
      source: 'upload.csv',
      reason: 'malformed CSV at row 3 (line 3): a field or a comma is missing',
    },
    { source: 'upload.csv:row 2' },
    { source: 'upload.csv', reason: 'row 9 (line 12): no article text' },
    { source: 'notes.txt', reason: 'empty file' },
  ];
  assert.deepEqual(
    [...results].sort(bySource).map((r) => r.reason ?? r.source),
    [
      'empty file',
      'upload.csv:row 2',
      'malformed CSV at row 3 (line 3): a field or a comma is missing',
      'row 9 (line 12): no article text',
      'upload.csv:row 10',
    ],
  );
});

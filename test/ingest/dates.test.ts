import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDate } from '../../ingest/dates.js';

test('ISO dates and date-times are kept as given', () => {
  assert.deepEqual(readDate('2023-06-18'), { date: '2023-06-18', warning: null });
  assert.deepEqual(readDate('2023-06-18T09:00:00Z'), {
    date: '2023-06-18T09:00:00Z',
    warning: null,
  });
});

test('US numeric dates as the AllSides corpus carries them, month first', () => {
  assert.equal(readDate('12/30/17').date, '2017-12-30');
  assert.equal(readDate('1/4/19').date, '2019-01-04');
  assert.equal(readDate('1/4/2019').date, '2019-01-04');
  assert.equal(
    readDate('30/12/2017').date,
    '2017-12-30',
    'day first when the first number cannot be a month',
  );
});

test('RFC 2822 and written-out dates', () => {
  assert.equal(readDate('Sun, 18 Jun 2023 10:00:00 +0200').date, '2023-06-18T08:00:00.000Z');
  assert.equal(readDate('June 18, 2023').date, '2023-06-18');
  assert.equal(readDate('Jun. 18, 2023').date, '2023-06-18');
  assert.equal(readDate('Sept. 5, 2019').date, '2019-09-05');
  assert.equal(readDate('18 June 2023').date, '2023-06-18');
});

test('unreadable, impossible and placeholder dates become unknown with a warning', () => {
  assert.deepEqual(readDate('last Tuesday'), {
    date: null,
    warning: "date 'last Tuesday' not understood; stored without a date",
  });
  assert.equal(readDate('2/30/18').date, null);
  assert.match(readDate('2/30/18').warning ?? '', /not a calendar date/);
  assert.equal(readDate('0001-11-30').date, null);
  assert.match(readDate('0001-11-30').warning ?? '', /implausible \(year 1\)/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { voicesOf } from './paragraphs.js';
import { loadCodebook } from '../../../analysis/codebooks/codebook.js';

// Issue 12, eighteenth speakers round: sources named by a role description the article
// resolves elsewhere, and the current office before a name (README, Voices). The sentences
// are written for these tests.

const voices = (paragraphs: string[][]) => voicesOf(paragraphs, loadCodebook().actors);

test('a description by a role resolves to the one person named with that role head', () => {
  const v = voices([
    ['The mill talks stalled on Friday, a State Department spokesman said.'],
    ['Prices should fall, said a State Department spokesman, Dale Orvik.'],
  ]);
  assert.equal(v[0]!.name, 'Dale Orvik');
  assert.equal(v[0]!.side, 'us_gov');
  // A country's adjective for its name ("Chinese", "China's") when the sides agree.
  const china = voices([
    ['Talks will resume in March, a Chinese spokesman said.'],
    ['The cuts are phased, said a Commerce Ministry spokesman, Gao Wen.'],
    ['China’s Commerce Ministry spokesman Gao Wen spoke on Friday.'],
  ]);
  assert.deepEqual(china[0], { quote: 'indirect', name: 'Gao Wen', side: 'china_gov' });
  // Another word of the description that the person is not given keeps it a description.
  const other = voices([
    ['The mill talks stalled on Friday, a Treasury Department spokesman said.'],
    ['Prices should fall, said a State Department spokesman, Dale Orvik.'],
  ]);
  assert.notEqual(other[0]!.name, 'Dale Orvik');
  // A bare indefinite role tells too little to be anyone the article names.
  const bare = voices([
    ['The bank will decide, a spokeswoman said.'],
    ['Later, Kremlin spokeswoman Ana Lind said the ministry would not comment.'],
  ]);
  assert.notEqual(bare[0]!.name, 'Ana Lind');
});

test('a deputy is not the holder of the role', () => {
  const deputy = voices([
    ['The mill will stay open, the board’s director said.'],
    ['“It is done,” said Lena Farr, deputy director of the board.'],
  ]);
  assert.notEqual(deputy[0]!.name, 'Lena Farr');
});

test('a role description put before a name with a comma describes the person', () => {
  const v = voices([
    [
      'On Monday, the administration’s envoy for the mill talks, Oren Vale, told reporters the deal was near.',
    ],
  ]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'Oren Vale', side: 'us_gov' });
});

test('an office written before a name outranks a former post in an apposition', () => {
  const v = voices([
    [
      'Budget Director Rhea Castel, a former member of the House Freedom Caucus, said the bill would pass.',
    ],
    ['The vote will come on Friday, Castel said.'],
  ]);
  assert.equal(v[0]!.side, 'us_gov');
  assert.equal(v[1]!.side, 'us_gov');
  // A title that is itself former stays analyst.
  const former = voices([['Former Budget Director Rhea Castel said the bill would pass.']]);
  assert.equal(former[0]!.side, 'analyst');
});

test("a description's role noun modifying another role is not its head", () => {
  const v = voices([
    ['In a statement, Holt’s deputy chief of staff, Sam Ferrer, said the senator was well.'],
    ['Holt’s staff said the tests were negative.'],
  ]);
  assert.notEqual(v[1]!.name, 'Sam Ferrer');
});

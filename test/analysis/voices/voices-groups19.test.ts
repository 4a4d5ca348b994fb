import { test } from 'node:test';
import assert from 'node:assert/strict';
import { voicesOf } from './paragraphs.js';
import { loadCodebook } from '../../../analysis/codebooks/codebook.js';

// Issue 12, nineteenth round: a group named again by a shorter form is the group the
// article named in full before (README, Voices). The sentences are written for these tests.

const voices = (paragraphs: string[][]) => voicesOf(paragraphs, loadCodebook().actors);

test('a bare plural group noun is the group named before with the same noun', () => {
  const v = voices([
    ['The bill angered House conservatives on Tuesday.'],
    ['Conservatives have demanded a new vote, saying the bill costs too much.'],
  ]);
  assert.equal(v[1]!.name, 'House conservatives');
  // With no fuller mention before, the bare noun stays.
  const bare = voices([
    ['Conservatives have demanded a new vote, saying the bill costs too much.'],
  ]);
  assert.equal(bare[0]!.name?.toLowerCase(), 'conservatives');
});

test('a bare plural adjective is the group that adjective named before', () => {
  const v = voices([
    ['The deal gives moderate Democrats a win to tout at home.'],
    ['Moderates have stressed the pact’s importance in their districts.'],
  ]);
  assert.equal(v[1]!.name, 'moderate Democrats');
});

test('a group after a preposition or one of two joined groups is not the fuller name', () => {
  const v = voices([
    ['The minister denied any talks with Russian officials on Friday.'],
    ['The talks never took place, officials said.'],
  ]);
  assert.equal(v[1]!.name?.toLowerCase(), 'officials');
  const joined = voices([
    ['The race drew Democratic and Republican strategists alike.'],
    ['The primary will be close, strategists said.'],
  ]);
  assert.equal(joined[1]!.name?.toLowerCase(), 'strategists');
});

test('a definite source named by its role alone is the source placed a little later', () => {
  const v = voices([
    ['“It is on the table,” the source said.'],
    ['The source close to the White House added that talks would go on.'],
  ]);
  assert.equal(v[0]!.name, 'source close to the White House');
  assert.equal(v[1]!.name, 'source close to the White House');
  // An indefinite "a source" is any source.
  const any = voices([
    ['“It is on the table,” a source said.'],
    ['A source close to the White House added that talks would go on.'],
  ]);
  assert.equal(any[0]!.name, 'source');
});

test('what a source is close to or familiar with is not its side', () => {
  const v = voices([
    ['“It is on the table,” the source said.'],
    ['The source close to the White House added that talks would go on.'],
  ]);
  assert.equal(v[0]!.side, 'other');
  const official = voices([['Talks will go on, a White House official said.']]);
  assert.equal(official[0]!.side, 'us_gov');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PhraseTrie } from '../../../analysis/scoring/matcher.js';
import { tokenize } from '../../../analysis/segmentation/tokens.js';

const phrasesOf = (trie: PhraseTrie<string>, text: string) =>
  trie.matchAll(tokenize(text)).map((m) => m.entries.join('|'));

test('the longest phrase wins over the words inside it', () => {
  const trie = new PhraseTrie([
    { phrase: 'sure', entry: 'sure' },
    { phrase: 'not sure', entry: 'not sure' },
    { phrase: 'played down', entry: 'played down' },
    { phrase: 'played down expectations', entry: 'played down expectations' },
  ]);
  assert.deepEqual(phrasesOf(trie, 'Officials played down expectations and were not sure.'), [
    'played down expectations',
    'not sure',
  ]);
});

test('a shorter match is kept when the longer phrase does not complete', () => {
  const trie = new PhraseTrie([
    { phrase: 'the stakes', entry: 'stakes' },
    { phrase: 'the stakes could not be higher', entry: 'could not be higher' },
  ]);
  assert.deepEqual(phrasesOf(trie, 'The stakes could not be clearer.'), ['stakes']);
  assert.deepEqual(phrasesOf(trie, 'The stakes could not be higher for Blinken.'), [
    'could not be higher',
  ]);
});

test('matches are non-overlapping and report token ranges', () => {
  const trie = new PhraseTrie([{ phrase: 'U.S.-China relations', entry: 'relations' }]);
  const tokens = tokenize('Blinken wants to stabilize U.S.-China relations.');
  const [m] = trie.matchAll(tokens);
  assert.ok(m);
  assert.equal(tokens[m.from]?.text, 'U.S.');
  assert.equal(tokens[m.to - 1]?.text, 'relations');
});

test('a "*" slot matches any one word', () => {
  const trie = new PhraseTrie([{ phrase: 'not * clear whether', entry: 'unclear' }]);
  assert.deepEqual(phrasesOf(trie, 'It is not yet clear whether Xi will attend.'), ['unclear']);
  assert.deepEqual(phrasesOf(trie, 'It is not clear whether Xi will attend.'), []);
});

test('entries sharing a phrase are all returned', () => {
  const trie = new PhraseTrie([
    { phrase: 'breakthrough', entry: 'outcome' },
    { phrase: 'breakthrough', entry: 'prospect' },
  ]);
  assert.deepEqual(phrasesOf(trie, 'no breakthrough'), ['outcome|prospect']);
});

test('quotation marks inside a phrase are read through, and a match does not end on one', () => {
  const trie = new PhraseTrie([
    { phrase: 'lost a * opportunity', entry: 'lost opportunity' },
    { phrase: 'new chapter', entry: 'new chapter' },
    { phrase: 'new chapter in', entry: 'new chapter in' },
  ]);
  const text = 'They said the region had lost a “rare opportunity” and hoped for a "new chapter".';
  assert.deepEqual(phrasesOf(trie, text), ['lost opportunity', 'new chapter']);
  const tokens = tokenize(text);
  const last = trie.matchAll(tokens).at(-1)!;
  assert.equal(tokens[last.to - 1]!.norm, 'chapter');
});

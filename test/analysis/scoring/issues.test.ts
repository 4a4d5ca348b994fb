import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  countIssues,
  loadIssueLexicon,
  parseIssueLexicon,
} from '../../../analysis/scoring/issues.js';
import { tokenize } from '../../../analysis/segmentation/tokens.js';

const lexicon = loadIssueLexicon();

test('the shipped US-China lexicon loads and names the eleven issues', () => {
  assert.deepEqual(
    lexicon.issues.map((i) => i.id),
    [
      'taiwan',
      'military-channels',
      'fentanyl',
      'spy-balloon',
      'cuba-facility',
      'export-controls',
      'human-rights',
      'climate',
      'russia-ukraine',
      'apec-summit',
      'trade',
    ],
  );
});

test('multiword terms match whole and win over their single words, with offsets', () => {
  // CNN, seed 002.
  const text =
    'The top US diplomat, whose previous attempt to visit China in February was scrapped at the last minute when the US revealed that an alleged Chinese spy balloon was floating over American territory.';
  const counts = countIssues(tokenize(text, 100), 7, lexicon);
  assert.equal(counts.length, 1);
  const [balloon] = counts;
  assert.equal(balloon?.issue, 'spy-balloon');
  assert.equal(balloon?.hits.length, 1);
  const hit = balloon!.hits[0]!;
  assert.equal(hit.entry, 'spy balloon');
  assert.equal(hit.lexicon, 'issue');
  assert.equal(hit.category, 'spy-balloon');
  assert.equal(hit.segment, 7);
  assert.equal(text.slice(hit.start - 100, hit.end - 100), 'spy balloon');
});

test('several issues in one sentence are grouped by issue in lexicon order', () => {
  // CNN, seed 002.
  const text =
    'Blinken, the most senior US official to visit China in five years, is making his trip at a tumultuous time in US-China relations, with the two sides sparring over everything from human rights and technology to trade and weapons sales to Taiwan.';
  const counts = countIssues(tokenize(text), 0, lexicon);
  assert.deepEqual(
    counts.map((c) => [c.issue, c.hits.map((h) => h.entry)]),
    [
      ['taiwan', ['weapons sales to taiwan']],
      ['human-rights', ['human rights']],
      ['trade', ['trade']],
    ],
  );
});

test('a bad entry is reported with the file and the issue', () => {
  const bad = {
    name: 'issues-test',
    version: '1',
    issues: [{ id: 'taiwan', label: 'Taiwan', terms: ['taiwan', ''] }],
  };
  assert.throws(
    () => parseIssueLexicon(bad, 'my-issues.json'),
    /my-issues\.json: issues\.0\.terms\.1 \(issue "taiwan"\): term is empty/,
  );
  const twice = {
    name: 'issues-test',
    version: '1',
    issues: [
      { id: 'taiwan', label: 'Taiwan', terms: ['strait'] },
      { id: 'trade', label: 'Trade', terms: ['Strait'] },
    ],
  };
  assert.throws(
    () => parseIssueLexicon(twice, 'x.json'),
    /term "Strait" is listed under "taiwan" and "trade"/,
  );
  assert.throws(
    () =>
      parseIssueLexicon(
        { name: 'x', version: '1', issues: [{ id: 'Bad Id', label: 'x', terms: ['a'] }] },
        'x.json',
      ),
    /lower-case/,
  );
});

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadLexicons } from '../../../analysis/scoring/lexicon.js';
import {
  findLoadedLanguage,
  loadLoadedLanguage,
} from '../../../analysis/scoring/loaded-language.js';
import { analyzeScope } from '../../../analysis/scoring/scope.js';
import { tokenize } from '../../../analysis/segmentation/tokens.js';

const lexicons = loadLexicons();
const loaded = loadLoadedLanguage();
const hits = (text: string) =>
  findLoadedLanguage(analyzeScope(tokenize(text), lexicons), 0, loaded);

test('charged verbs and pejorative labels are loaded-language cues with their category', () => {
  const found = hits('The senator slammed the so-called reform as a power grab by the regime.');
  assert.deepEqual(
    found.map((h) => [h.entry, h.category]),
    [
      ['slammed', 'charged-verb'],
      ['so-called', 'pejorative-label'],
      ['power grab', 'charged-phrase'],
      ['regime', 'pejorative-label'],
    ],
  );
  for (const h of found) assert.equal(h.lexicon, 'loaded');
  assert.equal(found[0]!.start, 'The senator '.length);
});

test('neutral reporting carries no loaded cue, nor does event sentiment', () => {
  assert.deepEqual(hits('The senator said the reform would be debated on Tuesday.'), []);
  assert.deepEqual(hits('Two people were killed when the bridge collapsed.'), []);
});

test('a negated loaded word is still the writer’s word choice: counted, marked negated', () => {
  const [hit] = hits('Aides said the plan was not radical.');
  assert.equal(hit?.entry, 'radical');
  assert.equal(hit?.negated, true);
  assert.equal(hit?.weight, -1);
});

test('a malformed lexicon stops with the file, the entry and the reason', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-loaded-'));
  const file = join(dir, 'loaded-language.json');
  writeFileSync(
    file,
    JSON.stringify({
      name: 'loaded-language',
      version: '0.0.1',
      entries: [{ phrase: 'slammed', category: 'angry-words', weight: -1 }],
    }),
  );
  try {
    assert.throws(
      () => loadLoadedLanguage(file),
      /loaded-language\.json: entries\.0\.category \("slammed"\)/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

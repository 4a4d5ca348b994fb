import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  defaultLexiconDir,
  LEXICON_FILES,
  loadLexicons,
} from '../../../analysis/scoring/lexicon.js';

function copyOfShipped(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-lexicons-'));
  cpSync(defaultLexiconDir(), dir, { recursive: true });
  return dir;
}

test('the shipped lexicons load, with a version per file', () => {
  const lexicons = loadLexicons();
  assert.deepEqual(Object.keys(lexicons.versions).sort(), [...LEXICON_FILES].sort());
});

test('a malformed entry is reported with the file, the entry index and what is wrong', () => {
  const dir = copyOfShipped();
  try {
    const file = join(dir, 'diplomacy-tone.json');
    const content = JSON.parse(readFileSync(file, 'utf8'));
    content.entries[3] = { phrase: 'tensions', category: 'conflict', weight: 'high' };
    writeFileSync(file, JSON.stringify(content));
    assert.throws(
      () => loadLexicons(dir),
      (err: Error) =>
        err.message.includes('diplomacy-tone.json') &&
        err.message.includes('entry 3 ("tensions")') &&
        err.message.includes('weight'),
    );
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a cue without a label, broken JSON and a wrong name are rejected clearly', () => {
  const dir = copyOfShipped();
  try {
    const file = join(dir, 'expectation.json');
    const content = JSON.parse(readFileSync(file, 'utf8'));
    content.entries.push({ phrase: 'a key test', role: 'cue', move: 'stakes' });
    writeFileSync(file, JSON.stringify(content));
    assert.throws(() => loadLexicons(dir), /expectation\.json: entry \d+ \("a key test"\).*label/);
    writeFileSync(file, '{ "name": "expectation", ');
    assert.throws(() => loadLexicons(dir), /expectation\.json: cannot read it as JSON/);
    content.entries.pop();
    writeFileSync(file, JSON.stringify({ ...content, name: 'hedges' }));
    assert.throws(() => loadLexicons(dir), /"name" is "hedges", expected "expectation"/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

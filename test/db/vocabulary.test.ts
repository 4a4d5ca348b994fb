// The vocabularies (analysis/vocabulary/) against the schema: each label list must be
// exactly what the migrated database's CHECK constraint accepts, in the same order, so a
// label added to a vocabulary without a migration (or the reverse) fails here. Sides come
// from codebooks (migration 009): the schema accepts any well-formed party id instead.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXPECTATION, EXPECTATION_LABELS } from '../../analysis/vocabulary/expectation.js';
import type { LabelInfo } from '../../analysis/vocabulary/label.js';
import { QUOTE, QUOTE_KINDS } from '../../analysis/vocabulary/quotes.js';
import { SEGMENT_KIND, SEGMENT_KINDS } from '../../analysis/vocabulary/segments.js';
import { PALETTE } from '../../analysis/vocabulary/sides.js';
import { loadCodebook } from '../../analysis/codebooks/codebook.js';
import { readdirSync } from 'node:fs';
import { projectPath } from '../../lib/project-paths.js';
import { openDatabase } from '../../db/migrate.js';
import { MENTION_ROLE, MENTION_ROLES } from '../../analysis/vocabulary/targets.js';

/** The values a column's `CHECK (column IN (…))` allows in the migrated schema. */
function checkedValues(table: string, column: string): string[] {
  const db = openDatabase(':memory:');
  try {
    const sql = db
      .prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`)
      .pluck()
      .get(table);
    assert.equal(typeof sql, 'string', `no table ${table}`);
    const check = new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(String(sql));
    assert.ok(check, `no CHECK on ${table}.${column}`);
    return [...check[1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  } finally {
    db.close();
  }
}

test('every vocabulary is what the schema accepts', () => {
  assert.deepEqual(checkedValues('segment', 'kind'), [...SEGMENT_KINDS]);
  assert.deepEqual(checkedValues('segment', 'expectation'), [...EXPECTATION_LABELS]);
  assert.deepEqual(checkedValues('segment', 'quote_kind'), [...QUOTE_KINDS]);
  // segment_target is a view over segment_target_row since migration 013.
  assert.deepEqual(checkedValues('segment_target_row', 'role'), [...MENTION_ROLES]);
});

test('every label has a distinct display name, a description and, if drawn, a colour', () => {
  const tables: [readonly string[], Readonly<Record<string, LabelInfo>>][] = [
    [SEGMENT_KINDS, SEGMENT_KIND],
    [EXPECTATION_LABELS, EXPECTATION],
    [QUOTE_KINDS, QUOTE],
    [MENTION_ROLES, MENTION_ROLE],
  ];
  for (const [labels, table] of tables) {
    assert.deepEqual(Object.keys(table), [...labels]);
    const names = labels.map((label) => table[label]!.name);
    assert.equal(new Set(names).size, names.length, names.join(', '));
    for (const label of labels) {
      const info = table[label]!;
      assert.ok(info.description.length > 0, label);
      if (info.colour !== undefined) assert.match(info.colour, /^#[0-9a-f]{6}$/, label);
    }
  }
});

/** Every bundled codebook, loaded (and so validated). */
function bundledCodebooks() {
  return readdirSync(projectPath('analysis', 'codebooks'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => loadCodebook(f.replace(/\.json$/, '')));
}

test("the schema stores every bundled codebook's sides and refuses malformed ones", () => {
  const db = openDatabase(':memory:');
  try {
    db.exec(`INSERT INTO analysis_run (id, started_at, analyzer_version, lexicon_hash)
             VALUES (1, '2026-01-01', '0', 'x');
             INSERT INTO story (id, slug, title) VALUES (1, 's', 'S');
             INSERT INTO outlet (id, slug, name) VALUES (1, 'o', 'O');
             INSERT INTO article (id, story_id, outlet_id, text, content_hash, word_count,
               sentence_count, run_id, added_at) VALUES (1, 1, 1, 't', 'h', 1, 1, 1, 'now')`);
    const insert = db.prepare(
      `INSERT INTO speaker (article_id, position, name, side, is_anonymous) VALUES (1, ?, 'x', ?, 0)`,
    );
    let position = 0;
    for (const book of bundledCodebooks())
      for (const side of book.vocabulary.speakerSides) insert.run(position++, side);
    for (const bad of ['', 'US gov', 'us-gov', 'Other', '1st'])
      assert.throws(() => insert.run(position++, bad), /CHECK/, bad);
    assert.equal(
      db.prepare(`SELECT codebook FROM story WHERE id = 1`).pluck().get(),
      'us-china',
      'a story without one has the default codebook',
    );
  } finally {
    db.close();
  }
});

test('every bundled codebook labels its sides distinctly, in palette colours', () => {
  for (const book of bundledCodebooks()) {
    const v = book.vocabulary;
    assert.deepEqual(Object.keys(v.info), [...v.buckets], book.name);
    const names = v.buckets.map((b) => v.info[b]!.name);
    assert.equal(new Set(names).size, names.length, names.join(', '));
    const colours = v.buckets.map((b) => v.info[b]!.colour);
    assert.equal(new Set(colours).size, colours.length, `${book.name}: ${colours.join(' ')}`);
    for (const colour of colours) assert.ok(colour in PALETTE, colour);
  }
});

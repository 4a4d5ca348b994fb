// The vocabularies (analysis/vocabulary/) against the schema: each label list must be
// exactly what the migrated database's CHECK constraint accepts, in the same order, so a
// label added to a vocabulary without a migration (or the reverse) fails here.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXPECTATION, EXPECTATION_LABELS } from '../../analysis/vocabulary/expectation.js';
import type { LabelInfo } from '../../analysis/vocabulary/label.js';
import { QUOTE, QUOTE_KINDS } from '../../analysis/vocabulary/quotes.js';
import { SEGMENT_KIND, SEGMENT_KINDS } from '../../analysis/vocabulary/segments.js';
import { SIDES, SPEAKER_SIDES, VOICE_BUCKETS } from '../../analysis/vocabulary/sides.js';
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
  assert.deepEqual(checkedValues('speaker', 'side'), [...SPEAKER_SIDES]);
  assert.deepEqual(checkedValues('segment_target', 'role'), [...MENTION_ROLES]);
});

test('every label has a distinct display name, a description and, if drawn, a colour', () => {
  const tables: [readonly string[], Readonly<Record<string, LabelInfo>>][] = [
    [SEGMENT_KINDS, SEGMENT_KIND],
    [EXPECTATION_LABELS, EXPECTATION],
    [QUOTE_KINDS, QUOTE],
    [VOICE_BUCKETS, SIDES],
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
  // The sides are drawn in the voices chart: each needs a colour.
  for (const bucket of VOICE_BUCKETS) assert.ok(SIDES[bucket].colour, bucket);
});

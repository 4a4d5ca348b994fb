// `npm run train`: learns the expectation model from gold folders. A made-up gold set of
// four events (self-written sentences) stands in for the development sets: the command
// measures leave-one-event-out, writes a model file the analyzer accepts, and refuses bad
// calls with exit status 2.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseExpectationModel } from '../../analysis/scoring/expectation-model-file.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-train-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const EVENTS = ['alpha-2020-01-01', 'beta-2020-02-02', 'gamma-2020-03-03', 'delta-2020-04-04'];
const sentences = (name: string): Array<[string, string]> => [
  [`The ${name} delegation arrived by train on Monday.`, 'none'],
  [`Officials describe the ${name} summit agenda as threadbare.`, 'lowers'],
  [`Reporters waited outside the ${name} hotel in the rain.`, 'none'],
  [`Diplomats call the ${name} summit agenda meagre and threadbare.`, 'lowers'],
];

const set = join(dir, 'set');
mkdirSync(join(set, 'docs'), { recursive: true });
const rows: string[] = [];
for (const event of EVENTS) {
  const doc = `${event}__wire`;
  const list = sentences(event.split('-')[0]!);
  writeFileSync(join(set, 'docs', `${doc}.txt`), list.map(([text]) => text).join('\n\n') + '\n');
  list.forEach(([text, expectation], para) =>
    rows.push(JSON.stringify({ doc, para, sent: 0, kind: 'body', text, expectation })),
  );
}
writeFileSync(join(set, 'segments.jsonl'), rows.join('\n') + '\n');

function train(args: string[]): { code: number | null; out: string; err: string } {
  const script = fileURLToPath(new URL('../../cli/train.js', import.meta.url));
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('--loeo scores each event with a model trained on the others, rules alone beside it', () => {
  const r = train([set, '--loeo', '--json', '--min-events', '2']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /16 gold-labelled sentences from 4 events/);
  for (const event of EVENTS) assert.match(r.out, new RegExp(`^  ${event} +4 `, 'm'));
  const figures = JSON.parse(r.out.trim().split('\n').at(-1)!);
  assert.equal(figures.events, 4);
  assert.ok(figures.model.recall.lowers > figures.rules.recall.lowers, r.out);
  // Deterministic: the same call gives the same figures.
  assert.equal(train([set, '--loeo', '--json', '--min-events', '2']).out, r.out);
});

test('training writes a model file that validates, with how it was made', () => {
  const out = join(dir, 'model.json');
  const r = train([set, '--out', out, '--min-events', '2']);
  assert.equal(r.code, 0, r.err);
  const model = parseExpectationModel(readFileSync(out, 'utf8'), out);
  assert.equal(model.training.events, 4);
  assert.equal(model.training.examples, 16);
  assert.deepEqual(model.training.sets, ['set']);
  assert.ok(model.weights['w:threadbar']!.lowers > 0);
});

test('bad calls: no folder, a missing folder, a bad option value', () => {
  assert.equal(train([]).code, 2);
  const missing = train([join(dir, 'nowhere'), '--loeo']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /gold folder not found/);
  assert.equal(train([set, '--min-events', '0']).code, 2);
  assert.equal(train(['--help']).code, 0);
});

// `npm run gold`: a gold set kept as offsets into corpus articles, rebuilt from the corpus.
// A made-up one-article corpus stands in for AllSides; the test packs two annotators'
// labelled files, rebuilds the gold folder, measures agreement, and refuses a corpus whose
// text changed since it was labelled.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dir = mkdtempSync(join(tmpdir(), 'parallax-gold-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const article = {
  id: 'a1',
  title: ' Envoys meet again ',
  text: 'The envoys met on Monday.\n\nNobody expects much, an aide said.\n\nA third paragraph.',
};
const opening =
  'Envoys meet again\nThe envoys met on Monday.\nNobody expects much, an aide said.\n';

function gold(
  args: string[],
  corpus = 'corpus.jsonl',
): { code: number | null; out: string; err: string } {
  const script = fileURLToPath(new URL('../../cli/gold.js', import.meta.url));
  const r = spawnSync(process.execPath, [script, ...args, '--corpus', join(dir, corpus)], {
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const labelled = (second: string) =>
  [
    {
      doc: 'd1',
      para: 0,
      sent: 0,
      kind: 'headline',
      text: 'Envoys meet again',
      expectation: 'none',
    },
    {
      doc: 'd1',
      para: 1,
      sent: 0,
      kind: 'body',
      text: 'The envoys met on Monday.',
      expectation: 'none',
    },
    {
      doc: 'd1',
      para: 2,
      sent: 0,
      kind: 'body',
      text: 'Nobody expects much, an aide said.',
      expectation: second,
    },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n');

test('pack stores offsets, build restores the texts, agreement compares the annotators', () => {
  writeFileSync(join(dir, 'corpus.jsonl'), JSON.stringify(article) + '\n');
  const sha256 = createHash('sha256').update(opening).digest('hex');
  writeFileSync(
    join(dir, 'sources.jsonl'),
    JSON.stringify({ doc: 'd1', id: 'a1', paragraphs: 2, sha256 }) + '\n',
  );
  writeFileSync(join(dir, 'a.jsonl'), labelled('lowers'));
  writeFileSync(join(dir, 'b.jsonl'), labelled('none'));
  for (const [file, name] of [
    ['a.jsonl', 'annotator-a'],
    ['b.jsonl', 'annotator-b'],
    ['a.jsonl', 'labels'],
  ] as const) {
    const r = gold(['pack', dir, join(dir, file), '--as', name]);
    assert.equal(r.code, 0, r.err);
  }
  const packed = readFileSync(join(dir, 'labels.jsonl'), 'utf8');
  assert.doesNotMatch(packed, /envoys/i, 'no article text is stored in the set');
  assert.match(packed, /"start":18,"end":43/);

  const out = join(dir, 'built');
  assert.equal(gold(['build', dir, '--out', out]).code, 0);
  assert.equal(readFileSync(join(out, 'docs', 'd1.txt'), 'utf8'), opening);
  assert.equal(readFileSync(join(out, 'segments.jsonl'), 'utf8').trim().split('\n').length, 3);
  assert.match(readFileSync(join(out, 'segments.jsonl'), 'utf8'), /"text":"Nobody expects much/);

  const agree = gold(['agreement', dir, '--json']);
  const report = JSON.parse(agree.out.trim().split('\n').at(-1) ?? '{}');
  assert.equal(report.matched, 3);
  assert.equal(report.expectation.observed, 2 / 3);
});

test('a gzip-compressed corpus (as the full AllSides file is) is read the same way', () => {
  writeFileSync(join(dir, 'corpus.jsonl.gz'), gzipSync(JSON.stringify(article) + '\n'));
  const out = join(dir, 'from-gz');
  const r = gold(['build', dir, '--out', out], 'corpus.jsonl.gz');
  assert.equal(r.code, 0, r.err);
  assert.equal(readFileSync(join(out, 'docs', 'd1.txt'), 'utf8'), opening);
});

test('a corpus text that changed since labelling is refused with the document named', () => {
  writeFileSync(
    join(dir, 'corpus.jsonl'),
    JSON.stringify({ ...article, text: article.text.replace('Monday', 'Tuesday') }) + '\n',
  );
  const r = gold(['build', dir, '--out', join(dir, 'again')]);
  assert.equal(r.code, 1);
  assert.match(r.err, /d1: the corpus text differs from the one labelled/);
});

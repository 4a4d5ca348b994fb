// Codebooks from the command line: a story takes the codebook its front matter names, keeps
// it for later articles that name none, and `npm run codebook -- assign` gives it another
// and re-analyses it. The articles are written here (no corpus text).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../../db/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-codebook-'));
const db = join(dir, 'cli.sqlite');

function run(command: string, args: string[]): { code: number | null; out: string; err: string } {
  const script = fileURLToPath(new URL(`../../cli/${command}.js`, import.meta.url));
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function article(name: string, frontMatter: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `---\n${frontMatter}\n---\n${body}\n`);
  return file;
}

const FILLER =
  'Negotiators met for several hours in the capital on Tuesday, and both delegations ' +
  'described the atmosphere as businesslike. No joint statement was issued after the ' +
  'meeting, and officials said the working groups would meet again next month.';

/** Speaker name → side over the story's articles. */
async function sides(slug: string): Promise<Map<string, string>> {
  const store = new SqliteStore(db);
  try {
    const found = new Map<string, string>();
    for (const { id } of await store.articleTexts(slug)) {
      for (const s of (await store.getArticle(id))?.speakers ?? []) found.set(s.name, s.side);
    }
    return found;
  } finally {
    await store.close();
  }
}

describe('npm run codebook', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('list shows the bundled codebooks with their parties', () => {
    const listed = run('codebook', ['list']);
    assert.equal(listed.code, 0, listed.err);
    assert.match(listed.out, /us-china\s+United States and China/);
    assert.match(listed.out, /us-north-korea\s+United States and North Korea/);
    assert.match(listed.out, /nk_gov \(North Korean government\)/);
  });

  test('a story takes the codebook its front matter names, and keeps it', async () => {
    const first = article(
      'first.txt',
      'outlet: Test Wire\nstory: Summit test\ncodebook: us-north-korea',
      `${FILLER} “We will not give up our deterrent,” Kim Jong Un said in a statement.`,
    );
    assert.equal(run('ingest', ['--db', db, '--quiet', first]).code, 0);
    // A later article names no codebook: it takes the story's.
    const second = article(
      'second.txt',
      'outlet: Other Daily\nstory: Summit test',
      `${FILLER} The talks were useful, North Korean Vice Foreign Minister Choe Son Hui told reporters.`,
    );
    assert.equal(run('ingest', ['--db', db, '--quiet', second]).code, 0);
    const found = await sides('summit-test');
    assert.equal(found.get('Kim Jong Un'), 'nk_gov');
    assert.equal(found.get('Choe Son Hui'), 'nk_gov');
  });

  test('assign gives the story another codebook and re-analyses it', async () => {
    const assigned = run('codebook', ['--db', db, 'assign', 'summit-test', 'us-china']);
    assert.equal(assigned.code, 0, assigned.err);
    assert.match(assigned.out, /summit-test → codebook us-china · 2 articles re-analysed/);
    const found = await sides('summit-test');
    assert.equal(found.get('Choe Son Hui'), 'other');
    assert.equal(run('codebook', ['--db', db, 'assign', 'no-such-story', 'us-china']).code, 1);
  });

  test('an unknown codebook is a usage error, in ingest and in assign', () => {
    const file = article('third.txt', 'outlet: Test Wire\nstory: Summit test', FILLER);
    const ingest = run('ingest', ['--db', db, '--codebook', 'us-narnia', file]);
    assert.equal(ingest.code, 2);
    assert.match(ingest.err, /Cannot read codebook .*us-narnia\.json/);
    const assign = run('codebook', ['--db', db, 'assign', 'summit-test', 'us-narnia']);
    assert.equal(assign.code, 2);
  });
});

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

async function storyCodebook(slug: string): Promise<string | null> {
  const store = new SqliteStore(db);
  try {
    return await store.codebookOfStory(slug);
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

  test('a new story naming no codebook takes the one whose other party it names, and says so', async () => {
    const summit = article(
      'summit.txt',
      'outlet: Test Wire\nstory: Hanoi summit test',
      `${FILLER} North Korean leader Kim Jong Un arrived in Hanoi by train. North Korea wants ` +
        `sanctions eased, and Pyongyang has offered to close a nuclear site. “We came in good ` +
        `faith,” Kim Jong Un said. Chinese officials said Beijing supported the talks.`,
    );
    const ingested = run('ingest', ['--db', db, '--quiet', summit]);
    assert.equal(ingested.code, 0, ingested.err);
    assert.match(
      ingested.out,
      /^story Hanoi summit test: codebook us-north-korea \(North Korea named 5 times, China 2\)$/m,
    );
    // A later article of the story names China more: the story keeps its codebook.
    const later = article(
      'later.txt',
      'outlet: Other Daily\nstory: Hanoi summit test',
      `${FILLER} China said the summit was useful, Beijing welcomed it, and Chinese state media praised it.`,
    );
    const again = run('ingest', ['--db', db, '--quiet', later]);
    assert.equal(again.code, 0, again.err);
    assert.doesNotMatch(again.out, /^story /m);
    assert.equal(await storyCodebook('hanoi-summit-test'), 'us-north-korea');
    assert.equal((await sides('hanoi-summit-test')).get('Kim Jong Un'), 'nk_gov');
  });

  test('a codebook given by flag or front matter wins over the article’s words', async () => {
    const body = `${FILLER} North Korea and Pyongyang were named often in the coverage, and Kim Jong Un spoke at length.`;
    const byFlag = article('flag.txt', 'outlet: Test Wire\nstory: Flag test', body);
    const flagged = run('ingest', ['--db', db, '--quiet', '--codebook', 'us-china', byFlag]);
    assert.equal(flagged.code, 0, flagged.err);
    assert.doesNotMatch(flagged.out, /^story /m);
    assert.equal(await storyCodebook('flag-test'), 'us-china');
    const named = article(
      'named.txt',
      'outlet: Test Wire\nstory: Front matter test\ncodebook: us-iran',
      `${body} Reporters waited outside.`,
    );
    assert.equal(run('ingest', ['--db', db, '--quiet', named]).code, 0);
    assert.equal(await storyCodebook('front-matter-test'), 'us-iran');
  });

  test('a story naming no other party keeps us-china and the output says why', async () => {
    const domestic = article(
      'domestic.txt',
      'outlet: Test Wire\nstory: Budget deal test',
      `${FILLER} House and Senate leaders said on Monday that the budget deal would pass this week.`,
    );
    const ingested = run('ingest', ['--db', db, '--quiet', domestic]);
    assert.equal(ingested.code, 0, ingested.err);
    assert.match(
      ingested.out,
      /^story Budget deal test: codebook us-china, the default \(no other party of a bundled codebook is named: not China, Iran, North Korea or Russia\)$/m,
    );
    assert.equal(await storyCodebook('budget-deal-test'), 'us-china');
  });

  test('choose prints what ingest would choose per story, and stores nothing', async () => {
    const file = join(dir, 'choose.jsonl');
    const row = (story: string, text: string, codebook?: string) =>
      JSON.stringify({ outlet: 'Test Wire', story, text: `${FILLER} ${FILLER} ${text}`, codebook });
    writeFileSync(
      file,
      [
        row('Tehran talks test', 'Iran said Tehran was ready; Araghchi met the envoy.'),
        row(
          'Tehran talks test',
          'China and Beijing and Chinese officials were named in a later article.',
        ),
        row('Named test', 'North Korea was named.', 'us-china'),
      ].join('\n') + '\n',
    );
    const chose = run('codebook', ['choose', file]);
    assert.equal(chose.code, 0, chose.err);
    assert.equal(
      chose.out,
      'story Tehran talks test: codebook us-iran (Iran named 3 times)\n' +
        'story Named test: codebook us-china (named in the file)\n',
    );
    assert.equal(await storyCodebook('tehran-talks-test'), null);
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

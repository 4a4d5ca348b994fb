// The command-line entry points as a researcher runs them: exit codes, summaries and
// error lines, against a throwaway database.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { projectPath } from '../../lib/project-paths.js';
import { printable } from '../../cli/command.js';
import { SqliteStore } from '../../db/sqlite-store.js';
import { KeptPages } from '../../server/compute/kept-pages.js';
import { PRECOMPUTE_MIN_WORDS } from '../../server/compute/precompute.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
const db = join(dir, 'cli.sqlite');
const fixtures = projectPath('test', 'fixtures', 'ingest');

function run(command: string, args: string[]): { code: number | null; out: string; err: string } {
  const script = fileURLToPath(new URL(`../../cli/${command}.js`, import.meta.url));
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run ingest', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('stores the good articles of a folder, reports each bad row and exits 1', () => {
    // Every changed story's pages, however small (the default leaves these to first view).
    const first = run('ingest', [
      ...['--db', db, '--story', 'Blinken in Beijing', '--precompute-min-words', '0', fixtures],
    ]);
    assert.equal(first.code, 1);
    assert.match(first.out, /5 added, 1 already stored, 3 rejected \(analysis run 1\)/);
    assert.match(first.err, /articles\.jsonl: line 1: too short for an article: fewer than 50/);
    assert.match(first.err, /articles\.csv: malformed CSV at row 3/);
    assert.match(first.err, /articles\.jsonl: line 3: not valid JSON/);
    // "June 17, 2023" is read as a date now: line 4 is the text of CSV row 4 again.
    assert.doesNotMatch(first.err, /articles\.jsonl: line 4/);
    // Six pages a story and a row of the outlet profile for each of its outlets (5 in all).
    assert.match(
      first.out,
      /computing the pages of 2 changed stories[^]*\n17 pages computed and kept for 2 stories/,
    );
  });

  test('precompute keeps every outlet’s row; --outlet and --all-outlets only get a note', () => {
    const again = run('precompute', ['--db', db, '--outlet', 'cnn', '--all-outlets']);
    assert.equal(again.code, 0, again.err);
    assert.match(again.err, /--outlet and --all-outlets are no longer needed/);
    assert.match(again.out, /^0 pages computed/m, 'the first run kept every row already');
  });

  test('by default leaves a small story’s pages to its first view, and says so', async () => {
    const story = { kind: 'story', slug: 'blinken-in-beijing', part: 'all' } as const;
    const file = join(dir, 'small.sqlite');
    const args = ['--db', file, '--story', 'Blinken in Beijing', '--quiet', fixtures];
    const out = run('ingest', args).out;
    assert.match(
      out,
      /^the pages of 2 changed stories \(each under 50,000 words\) are computed when first viewed; npm run precompute computes them now$/m,
    );
    assert.doesNotMatch(out, /computing the pages|computed and kept/);
    const store = new SqliteStore(file);
    try {
      const kept = new KeptPages(store);
      assert.equal(await kept.read(story, await store.storyVersion(story.slug)), undefined);
    } finally {
      await store.close();
    }
    // The usage names the default the command applies.
    assert.match(run('ingest', ['--help']).out, new RegExp(`default ${PRECOMPUTE_MIN_WORDS}\\b`));
    const bad = run('ingest', ['--db', file, '--precompute-min-words', 'many', fixtures]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--precompute-min-words must be a whole number/);
    // A size for pages no one computes is a usage error, not silently ignored.
    const moot = ['--precompute-min-words', '0', '--skip-precompute', fixtures];
    const skipped = run('ingest', ['--db', file, ...moot]);
    assert.equal(skipped.code, 2);
    assert.match(skipped.err, /--precompute-min-words has no effect with --skip-precompute/);
  });

  test('computes and keeps the pages of the stories it changed, unless told not to', async () => {
    const story = { kind: 'story', slug: 'blinken-in-beijing', part: 'all' } as const;
    const keptDashboard = async (file: string) => {
      const store = new SqliteStore(file);
      try {
        return await new KeptPages(store).read(story, await store.storyVersion(story.slug));
      } finally {
        await store.close();
      }
    };
    // The first run (the test before) stored five articles and computed their story's pages.
    assert.equal((await keptDashboard(db))?.story.slug, story.slug);
    const skipped = join(dir, 'skipped.sqlite');
    const args = ['--db', skipped, '--story', 'Blinken in Beijing', '--skip-precompute'];
    assert.doesNotMatch(run('ingest', [...args, fixtures]).out, /computed and kept/);
    assert.equal(await keptDashboard(skipped), undefined);
  });

  test('--workers 2 computes the pages in two processes, each story in one, the same pages', async () => {
    const pagesOf = async (file: string) => {
      const store = new SqliteStore(file);
      try {
        const kept = new KeptPages(store);
        const out: string[] = [];
        for (const { slug } of await store.listStories()) {
          const version = await store.storyVersion(slug);
          for (const part of ['all', 'lead', 'body'] as const) {
            const page = await kept.read({ kind: 'story', slug, part }, version);
            assert.ok(page, `${slug} ${part} kept`);
            // The run's start differs; vega numbers gradients per process (the same chart
            // with another counter).
            out.push(
              JSON.stringify(page)
                .replace(/"startedAt":"[^"]*"/g, '')
                .replace(/gradient_\d+/g, 'gradient'),
            );
          }
          assert.ok(await kept.read({ kind: 'facts', slug }, version), `${slug} facts kept`);
        }
        return out;
      } finally {
        await store.close();
      }
    };
    const one = join(dir, 'one.sqlite');
    const two = join(dir, 'two.sqlite');
    const args = [
      '--story',
      'Blinken in Beijing',
      '--precompute-min-words',
      '0',
      '--quiet',
      fixtures,
    ];
    run('ingest', ['--db', one, ...args]);
    const shared = run('ingest', ['--db', two, '--workers', '2', ...args]);
    // Two children, one story each, and one summary of the pages step: their totals.
    const summaries = shared.out.match(/^\d+ pages? computed and kept for .*$/gm) ?? [];
    assert.deepEqual(
      summaries.map((line) => line.replace(/ in [\d.]+ s · .*/, '')),
      ['17 pages computed and kept for 2 stories'],
      shared.out,
    );
    assert.deepEqual(await pagesOf(two), await pagesOf(one));
  });

  test('SIGTERM while the pages are computed in two processes: one line says what is stored and what to run', async () => {
    const file = join(dir, 'signal-pages.sqlite');
    const script = fileURLToPath(new URL('../../cli/ingest.js', import.meta.url));
    const args = ['--db', file, '--workers', '2', '--story', 'Blinken in Beijing', '--quiet'];
    const all = ['--precompute-min-words', '0'];
    const child = spawn(process.execPath, [script, ...args, ...all, fixtures]);
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // The page processes have just been started (each takes seconds on these stories).
      if (!signalled && /computing the pages/.test(out)) signalled = child.kill('SIGTERM');
    });
    const [code] = (await once(child, 'close')) as [number | null];
    assert.equal(code, 143, out + err);
    assert.match(
      out,
      /^Stopped by SIGTERM while computing pages: 5 articles added in analysis run 1; the pages of 2 changed stories are not all kept\. To finish: npm run precompute/m,
    );
    // Said once: no second account of the stop from the page processes.
    assert.equal((out + err).match(/stopped|not computed/gi)?.length, 1, out + err);
  });

  test('a second run stores nothing twice', () => {
    const again = run('ingest', ['--db', db, '--story', 'Blinken in Beijing', '--quiet', fixtures]);
    assert.match(again.out, /0 added, 6 already stored, 3 rejected/);
  });

  test('--min-words lowers the bar for short texts; a bad value is a usage error', () => {
    const args = ['--db', db, '--story', 'Blinken in Beijing', '--quiet'];
    const lower = run('ingest', [...args, '--min-words', '20', fixtures]);
    assert.match(lower.out, /1 added, 6 already stored, 2 rejected/);
    const bad = run('ingest', [...args, '--min-words', 'many', fixtures]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--min-words must be a whole number/);
  });

  test('a clean batch exits 0; usage errors exit 2 with the usage text', () => {
    const clean = run('ingest', ['--db', db, join(fixtures, 'nyt-blinken.txt')]);
    assert.equal(clean.code, 0);
    assert.match(clean.out, /0 added, 1 already stored, 0 rejected/);
    const none = run('ingest', ['--db', db]);
    assert.equal(none.code, 2);
    assert.match(none.err, /Usage: npm run ingest/);
    assert.equal(run('ingest', ['--help']).code, 0);
  });
});

describe('npm run eval', () => {
  test('scores a gold folder and ends with one JSON line', () => {
    const gold = join(dir, 'gold');
    mkdirSync(join(gold, 'docs'), { recursive: true });
    const text =
      'Written by Dr. Florence Akano\n\nBoth the US and Chinese governments have tempered expectations for the visit. Neither Blinken nor Qin engaged with reporters.\n';
    writeFileSync(join(gold, 'docs', 'blog.txt'), text);
    const rows = [
      { doc: 'blog', para: 0, sent: 0, kind: 'byline', text: 'Written by Dr. Florence Akano' },
      {
        doc: 'blog',
        para: 1,
        sent: 0,
        kind: 'body',
        text: 'Both the US and Chinese governments have tempered expectations for the visit.',
        expectation: 'lowers',
      },
      {
        doc: 'blog',
        para: 1,
        sent: 1,
        kind: 'body',
        text: 'Neither Blinken nor Qin engaged with reporters.',
        expectation: 'none',
      },
    ];
    writeFileSync(join(gold, 'segments.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const result = run('eval', [gold, '--json']);
    assert.equal(result.code, 0, result.err);
    const report = JSON.parse(result.out.trim().split('\n').at(-1) ?? '');
    assert.deepEqual(report.segmentation, { precision: 1, recall: 1, f1: 1, kind_accuracy: 1 });
    assert.equal(report.expectation.accuracy, 1);
    assert.equal(report.tone, null);
    const missing = run('eval', [join(dir, 'no-such-gold')]);
    assert.equal(missing.code, 2);
    // One event: no intervals, said so; a bad count is a usage error.
    const intervals = run('eval', [gold, '--json', '--intervals', '200']);
    assert.equal(intervals.code, 0, intervals.err);
    assert.match(intervals.out, /intervals, bootstrap over 1 event: not computed/);
    assert.equal(JSON.parse(intervals.out.trim().split('\n').at(-1) ?? '').intervals.figures, null);
    // Two folders are one pooled set, their documents named by folder.
    const gold2 = join(dir, 'gold2');
    cpSync(gold, gold2, { recursive: true });
    const both = run('eval', [gold, gold2, '--json', '--errors']);
    assert.equal(both.code, 0, both.err);
    const pooled = JSON.parse(both.out.trim().split('\n').at(-1) ?? '');
    assert.equal(pooled.docs, 2);
    assert.equal(pooled.gold_segments, 6);
    assert.equal(pooled.expectation.n, 4);
    // Two folders of one name would merge their events: a usage error.
    const same = run('eval', [gold, gold]);
    assert.equal(same.code, 2);
    assert.match(same.err, /two gold folders named/);
    const badCount = run('eval', [gold, '--intervals', 'ten']);
    assert.equal(badCount.code, 2);
    assert.match(badCount.err, /--intervals: expected a number of resamples/);
  });

  test('a gold folder in BASIL’s layout also gets the framing measures, on a subset of events', () => {
    const gold = join(dir, 'framing-gold');
    mkdirSync(join(gold, 'docs'), { recursive: true });
    const texts: Record<string, string> = {
      'e1-x':
        'Mayor Anna Berg opened the bridge.\nCritics slammed Berg over the reckless spending.\n',
      'e1-y': 'Mayor Anna Berg opened the bridge.\nBerg was praised for a fine job.\n',
      'e2-x': 'The council met on Monday.\n',
    };
    const rows: object[] = [];
    for (const [doc, text] of Object.entries(texts)) {
      writeFileSync(join(gold, 'docs', `${doc}.txt`), text);
      text
        .trim()
        .split('\n')
        .forEach((line, para) => rows.push({ doc, para, sent: 0, kind: 'body', text: line }));
    }
    writeFileSync(join(gold, 'segments.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const stance = [
      {
        type: 'event',
        story: 'e1',
        docs: { x: 'e1-x', y: 'e1-y' },
        common_entities: ['Anna Berg'],
        author_feeling_order: { 'Anna Berg': [['x'], ['y']] },
      },
      {
        type: 'event',
        story: 'e2',
        docs: { x: 'e2-x', y: 'e2-y' },
        common_entities: [],
        author_feeling_order: {},
      },
      { type: 'article', doc: 'e1-x', main_entities: ['Anna Berg'] },
      { type: 'article', doc: 'e1-y', main_entities: ['Anna Berg'] },
    ];
    writeFileSync(join(gold, 'stance.jsonl'), stance.map((r) => JSON.stringify(r)).join('\n'));
    const span = {
      doc: 'e1-x',
      para: 1,
      sent: 0,
      bias: 'lexical',
      polarity: 'negative',
      quote: false,
    };
    writeFileSync(join(gold, 'bias_spans.jsonl'), JSON.stringify(span));
    const result = run('eval', [gold, '--json', '--docs', '^e1-']);
    assert.equal(result.code, 0, result.err);
    assert.match(
      result.out,
      /ordering toward each entity: concordance 1\.000 over 1 untied pairs \(1 events\)/,
    );
    const report = JSON.parse(result.out.trim().split('\n').at(-1) ?? '');
    assert.equal(report.framing.ordering.pairs, 1);
    assert.equal(report.framing.loaded.recall, 1);
    writeFileSync(join(gold, 'bias_spans.jsonl'), '{"doc": "e1-x"}');
    const bad = run('eval', [gold]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /bias_spans\.jsonl line 1: para/);
  });
});

describe('the npm scripts’ launcher (cli/launch.mjs)', () => {
  test('runs the compiled command with its arguments and its exit status', () => {
    const launcher = projectPath('cli', 'launch.mjs');
    const help = spawnSync(process.execPath, [launcher, 'dist/cli/eval.js', '--help'], {
      encoding: 'utf8',
    });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^Usage: npm run eval/);
    const usage = spawnSync(process.execPath, [launcher, 'dist/cli/ingest.js'], {
      encoding: 'utf8',
    });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /Name at least one file or folder/);
  });
});

describe('terminal output', () => {
  test('control characters from file names and reasons are printed as escapes', () => {
    assert.equal(
      printable('a\u001b[31mred\u0000\r\u202egnp.txt'),
      'a\\x1b[31mred\\x00\\x0d\\u202egnp.txt',
    );
    assert.equal(printable('Blinken’s “talks” — ok'), 'Blinken’s “talks” — ok');
  });

  test('a rejected file with an escape sequence in its name reaches the terminal inert', () => {
    const hostile = mkdtempSync(join(tmpdir(), 'parallax-cli-name-'));
    writeFileSync(join(hostile, 'evil\u001b]0;pwned\u0007.txt'), '');
    const result = run('ingest', ['--db', db, '--story', 's', '--outlet', 'o', hostile]);
    rmSync(hostile, { recursive: true, force: true });
    assert.equal(result.code, 1);
    assert.match(result.err, /evil\\x1b\]0;pwned\\x07\.txt: empty file/);
    assert.doesNotMatch(result.err + result.out, /\u001b|\u0007/);
  });
});

// `npm run report -- --story <slug> | --all [--out dir]`: per story, a folder with a
// self-contained HTML report (server/pages/report.ts) and every CSV export of the story
// (server/api/csv.ts). Each path written is printed once on standard output: as it is
// written in logs and pipes, after a progress bar on a terminal.

// The store, the pages and the progress bar are imported once the arguments are read, so
// that --help and a usage error answer without loading them.

import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORTS } from '../server/api/export-names.js';
import { runCommand } from './command.js';

const USAGE = `Usage: npm run report -- (--story SLUG | --all) [options]

Writes, per story, <out>/<story slug>/report.html (tables, charts, method notes and the data
hash, in one file that prints to PDF) and the story's CSV exports beside it:
  ${EXPORTS.map((e) => `${e}.csv`).join(', ')}

Options:
  --story SLUG       this story (repeatable)
  --all              every story
  --out DIR          where to write (default: reports)
  --link-base URL    the Parallax server the report's links open (default: http://127.0.0.1:3000)
  --db FILE          SQLite file (default: $PARALLAX_DB or data/parallax.sqlite)
  --database-url URL PostgreSQL instead (default: $PARALLAX_DATABASE_URL)
  --help             this text

Exit status: 0 written, 1 unknown story or a failure, 2 usage error.`;

/** A server address links can point at: http(s), no quotes or spaces, no trailing slash. */
function linkBase(value: string): string {
  if (!/^https?:\/\/[^\s"'<>`]+$/.test(value)) {
    throw new Error(`--link-base must be an http(s) address, not “${value}”`);
  }
  return value.replace(/\/+$/, '');
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        db: { type: 'string' },
        'database-url': { type: 'string' },
        story: { type: 'string', multiple: true },
        all: { type: 'boolean' },
        out: { type: 'string' },
        'link-base': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (Boolean(values.all) === Boolean(values.story?.length)) {
    console.error(`Give --story SLUG or --all.\n\n${USAGE}`);
    return 2;
  }
  let base;
  try {
    base = linkBase(values['link-base'] ?? 'http://127.0.0.1:3000');
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const out = values.out ?? 'reports';
  const [
    { default: cliProgress },
    { openStore },
    { exportRows, writeCsv },
    { storyReportHtml },
    { createRenderer },
  ] = await Promise.all([
    import('cli-progress'),
    import('../db/open-store.js'),
    import('../server/api/csv.js'),
    import('../server/pages/report.js'),
    import('../server/render.js'),
  ]);
  const { store } = await openStore({ db: values.db, databaseUrl: values['database-url'] });
  try {
    const known = (await store.listStories()).map((s) => s.slug).sort();
    const slugs = values.all ? known : [...new Set(values.story)];
    const unknown = slugs.filter((s) => !known.includes(s));
    if (unknown.length > 0) {
      console.error(
        `parallax report: no story “${unknown.join('”, “')}”. Stories: ${known.join(', ')}`,
      );
      return 1;
    }
    const render = createRenderer();
    const files = EXPORTS.map((e) => `${e}.csv`);
    const steps = slugs.length * (files.length + 1);
    // A bar on a terminal, then the paths; in logs and pipes the paths are the progress.
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar({ format: 'report [{bar}] {value}/{total} files · {story}' })
      : null;
    bar?.start(steps, 0, { story: '' });
    const written: string[] = [];
    const step = (path: string, story: string) => {
      if (!bar) {
        console.log(path);
        return;
      }
      written.push(path);
      bar.increment({ story });
    };
    for (const slug of slugs) {
      const dir = join(out, slug);
      mkdirSync(dir, { recursive: true });
      for (const what of EXPORTS) {
        const path = join(dir, `${what}.csv`);
        await writeCsv(
          what,
          await exportRows(store, what, { story: slug }),
          createWriteStream(path),
        );
        step(path, slug);
      }
      const path = join(dir, 'report.html');
      writeFileSync(path, await storyReportHtml(store, slug, { render, files, base }));
      step(path, slug);
    }
    bar?.stop();
    for (const path of written) console.log(path);
    return 0;
  } finally {
    await store.close();
  }
}

runCommand('report', main);

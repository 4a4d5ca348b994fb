// `npm run codebook -- list | assign <story-slug> <name> | choose <files>`: the bundled
// codebooks with their parties; assigning one to a story, which re-analyses the story's
// articles with it (ingest/reanalyze.ts) so its sides, legends and issue charts follow; and
// the codebook ingest would choose for each story of some files. It does not edit
// codebooks: they are JSON files (README, "Codebooks").

// The codebook loader, the analyzer and the store are imported by the subcommand that needs
// them, once the arguments are read, so that --help and a usage error answer at once.

import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { StoreChoice } from '../db/open-store.js';
import { projectPath } from '../lib/project-paths.js';
import { printable, runCommand } from './command.js';

const USAGE = `Usage: npm run codebook -- <command> [options]

Commands:
  list                          the bundled codebooks (analysis/codebooks/) and their parties
  assign <story-slug> <name>    give the story that codebook and re-analyse its articles
                                (<name> a bundled codebook, or the path of your own .json)
  choose <files or folders…>    the codebook ingest would choose for each story of the files
                                that names none (from its first article); stores nothing

Options:
  --db FILE    SQLite file (default: $PARALLAX_DB or data/parallax.sqlite)
  --database-url URL  PostgreSQL instead (default: $PARALLAX_DATABASE_URL)
  --story NAME with choose: the story of articles whose file names none
  --help       this text

Exit status: 0 done, 1 no such story or some article failed, 2 usage error or bad codebook.`;

async function list(): Promise<number> {
  const { loadCodebook } = await import('../analysis/codebooks/codebook.js');
  const dir = projectPath('analysis', 'codebooks');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const book = loadCodebook(`${dir}/${file}`);
    const parties = book.vocabulary.parties.map(
      (id) => `${id} (${book.vocabulary.info[id]?.name ?? id})`,
    );
    console.log(`${book.name.padEnd(16)} ${book.title} · v${book.version}`);
    console.log(`${''.padEnd(16)} parties: ${parties.join(', ')}; analyst, other`);
    console.log(`${''.padEnd(16)} issues: ${book.issues.name} (${book.issues.issues.length})`);
  }
  return 0;
}

async function assign(slug: string, name: string, choice: StoreChoice): Promise<number> {
  const [{ createAnalyzer }, { openStore }, { reanalyzeArticles }] = await Promise.all([
    import('../analysis/pipeline.js'),
    import('../db/open-store.js'),
    import('../ingest/reanalyze.js'),
  ]);
  let analyzer;
  try {
    analyzer = createAnalyzer({ codebook: name });
  } catch (error) {
    console.error(printable((error as Error).message));
    return 2;
  }
  const { store, where: file } = await openStore(choice);
  try {
    // The name as stored: a bundled codebook's name; a file is stored by its path.
    const stored = /[\\/]|\.json$/.test(name) ? name : analyzer.data.codebook;
    if (!(await store.setStoryCodebook(slug, stored))) {
      console.error(`no story “${printable(slug)}” in ${printable(file)}`);
      return 1;
    }
    const summary = await reanalyzeArticles(store, analyzer, { story: slug });
    for (const f of summary.failed) console.error(`failed  article ${f.articleId}: ${f.reason}`);
    console.log(
      `story ${printable(slug)} → codebook ${printable(stored)} · ${summary.reanalyzed} articles ` +
        `re-analysed, ${summary.failed.length} failed · analysis run ${summary.runId}`,
    );
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

/** choose: each story's codebook as ingest would choose it for a new story, nothing stored. */
async function choose(paths: string[], story: string | undefined): Promise<number> {
  const [{ readSource }, { isIngestError }, { describeChoice }, { chooseForArticle }, { slugify }] =
    await Promise.all([
      import('../ingest/read.js'),
      import('../ingest/record.js'),
      import('../analysis/codebooks/choose.js'),
      import('../ingest/codebook-choice.js'),
      import('../db/slug.js'),
    ]);
  const seen = new Set<string>();
  let refused = 0;
  // The outlet does not matter here; a placeholder keeps articles without one readable.
  const read = { defaults: { outlet: 'outlet', story }, limits: {} };
  for await (const input of readSource({ paths }, read)) {
    if (isIngestError(input)) {
      refused++;
      continue;
    }
    const key = slugify(input.story);
    if (seen.has(key)) continue;
    seen.add(key);
    const named = input.codebook ? `codebook ${input.codebook} (named in the file)` : undefined;
    const line = named ?? describeChoice(chooseForArticle(input));
    console.log(`story ${printable(input.story)}: ${line}`);
  }
  if (refused > 0)
    console.error(`${refused} inputs not readable as articles (npm run ingest says why)`);
  return 0;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        'database-url': { type: 'string' },
        story: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command === 'list' && rest.length === 0) return list();
  if (command === 'choose' && rest.length > 0) return choose(rest, values.story);
  if (command === 'assign' && rest.length === 2)
    return assign(rest[0]!, rest[1]!, { db: values.db, databaseUrl: values['database-url'] });
  console.error(USAGE);
  return 2;
}

runCommand('codebook', main);

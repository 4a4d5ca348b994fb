// `npm run reanalyze`: re-scores every stored article (or one story's) with the shipped
// lexicons or the researcher's own, without re-ingesting. A malformed lexicon stops it
// before anything is touched; an article that fails keeps its previous results.

// The analyzer and the stores are imported once the arguments are read, so that --help
// and a usage error answer without loading them.

import { parseArgs } from 'node:util';
import { runCommand } from './command.js';

const USAGE = `Usage: npm run reanalyze -- [options]

Re-scores the stored articles (tone, expectation, hedges, voices, issues) and records
a new analysis run. Each article is replaced in one transaction: it holds either the
new results whole or its previous ones.

Options:
  --db FILE          SQLite file (default: $PARALLAX_DB or data/parallax.sqlite)
  --database-url URL PostgreSQL instead (default: $PARALLAX_DATABASE_URL)
  --story SLUG       only this story's articles
  --lexicons DIR     a folder with your own tone/expectation/hedge/booster/scope lexicons
                     (same file names and format as analysis/lexicons/)
  --issues FILE      your own issue lexicon for every story, in place of its codebook's
                     (format of analysis/lexicons/issues-us-china.json)
Each story is re-analysed with its own codebook (npm run codebook -- assign changes it).
  --help             this text

Exit status: 0 all re-analyzed, 1 some article failed or the lexicons are invalid, 2 usage error.`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        db: { type: 'string' },
        'database-url': { type: 'string' },
        story: { type: 'string' },
        lexicons: { type: 'string' },
        issues: { type: 'string' },
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
  const [{ default: cliProgress }, { createAnalyzer }, { openStore }, analyzers, reanalyze] =
    await Promise.all([
      import('cli-progress'),
      import('../analysis/pipeline.js'),
      import('../db/open-store.js'),
      import('../ingest/codebook-analyzers.js'),
      import('../ingest/reanalyze.js'),
    ]);
  const { codebookAnalyzers } = analyzers;
  const { reanalyzeArticles } = reanalyze;
  // Load and validate the data files before opening the database: a bad lexicon changes nothing.
  const analyzer = createAnalyzer({
    lexiconDir: values.lexicons,
    issuesFile: values.issues,
  });
  const { store, where: file } = await openStore({
    db: values.db,
    databaseUrl: values['database-url'],
  });
  try {
    // A bar on a terminal; plain progress lines in logs and pipes.
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar({ format: 're-analyzing [{bar}] {value}/{total} articles' })
      : null;
    const summary = await reanalyzeArticles(store, analyzer, {
      story: values.story,
      analyzerFor: codebookAnalyzers(analyzer),
      onArticle: (done, total) => {
        if (bar) {
          if (done === 1) bar.start(total, 0);
          bar.update(done);
        } else if (done === total || done % 100 === 0) {
          console.error(`re-analyzed ${done}/${total}`);
        }
      },
    });
    bar?.stop();
    for (const f of summary.failed) console.error(`failed  article ${f.articleId}: ${f.reason}`);
    console.log(
      `${summary.reanalyzed} articles re-analyzed, ${summary.failed.length} failed · ` +
        `analysis run ${summary.runId} · lexicons ${analyzer.info.lexiconHash.slice(0, 12)} · ${file}`,
    );
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

runCommand('reanalyze', main);

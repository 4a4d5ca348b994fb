import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { projectPath } from '../../lib/project-paths.js';
import { createAnalysisPool } from '../../ingest/analysis-pool.js';
import { analyzerForChoice } from '../../ingest/lexicon-choice.js';
import { ingestRecords } from '../../ingest/ingest.js';
import { readSources } from '../../ingest/read.js';
import { tempStore, type TempStore } from '../helpers.js';

const fixtures = projectPath('test', 'fixtures', 'ingest');

async function ingestInto(temp: TempStore, workers: number) {
  const analyzer = createAnalyzer();
  const pool = workers > 1 ? await createAnalysisPool(analyzer, workers) : undefined;
  try {
    const summary = await ingestRecords(
      readSources([fixtures], { defaults: { story: 'Blinken in Beijing' } }),
      temp.store,
      analyzer,
      { pool, batchSize: 2 },
    );
    const articles = [];
    for (const { id } of await temp.store.articleTexts()) {
      const article = await temp.store.getArticle(id);
      assert.ok(article);
      articles.push({
        id,
        title: article.title,
        segments: article.segments.map((s) => [
          s.kind,
          s.text,
          s.tone,
          s.expectation,
          s.quote,
          s.speakerId,
          s.cueHits.length,
        ]),
      });
    }
    return { summary, articles };
  } finally {
    await pool?.close();
  }
}

describe('ingest with analysis worker threads', () => {
  const stores = [tempStore(), tempStore()];
  after(async () => {
    for (const temp of stores) await temp.cleanup();
  });

  test('stores the same articles, in the same order, with the same scores as one thread', async () => {
    const one = await ingestInto(stores[0]!, 1);
    const two = await ingestInto(stores[1]!, 2);
    assert.ok(one.summary.added >= 5);
    assert.equal(two.summary.added, one.summary.added);
    assert.equal(two.summary.words, one.summary.words);
    assert.deepEqual(two.summary.rejected, one.summary.rejected);
    assert.deepEqual(two.articles, one.articles);
  });
});

describe('an analysis pool for other codebooks and lexicon choices', () => {
  const text = readFileSync(projectPath('test', 'fixtures', 'ingest', 'nyt-blinken.txt'), 'utf8');

  test('analyses an article with another codebook exactly as that codebook’s analyzer does', async () => {
    const pool = await createAnalysisPool(createAnalyzer(), 1);
    try {
      const other = await pool.analyze(text, 'A headline', 'us-iran');
      const expected = createAnalyzer({ codebook: 'us-iran' }).analyze(text, {
        title: 'A headline',
      });
      assert.deepEqual(other, expected);
    } finally {
      await pool.close();
    }
  });

  test('builds its workers from a browser re-analysis’s choice, uploaded lexicon included', async () => {
    const shipped = JSON.parse(
      readFileSync(projectPath('analysis', 'lexicons', 'hedges.json'), 'utf8'),
    ) as { entries: unknown[] };
    const choice = {
      codebook: 'us-china',
      issueLexicon: '',
      replacement: {
        fileName: 'my-hedges.json',
        bytes: new TextEncoder().encode(JSON.stringify({ ...shipped, version: 'mine' })),
      },
    };
    const analyzer = analyzerForChoice(choice);
    const pool = await createAnalysisPool(analyzer, 1, { choice });
    try {
      assert.deepEqual(await pool.analyze(text, null), analyzer.analyze(text, {}));
    } finally {
      await pool.close();
    }
  });

  test('refuses to start when a worker’s data differ from the main analyzer’s', async () => {
    await assert.rejects(
      createAnalysisPool(createAnalyzer(), 1, { config: { codebook: 'us-iran' } }),
      /loaded different data files/,
    );
  });
});

describe('an analysis pool with a time budget', () => {
  test('stops a worker that is silent past the budget and refuses later analyses', async () => {
    const text = readFileSync(projectPath('test', 'fixtures', 'ingest', 'nyt-blinken.txt'), 'utf8');
    // Twenty copies take far longer to analyse than the 1 ms allowed.
    const long = Array.from({ length: 20 }, () => text).join('\n\n');
    const pool = await createAnalysisPool(createAnalyzer(), 1, undefined, 1);
    try {
      await assert.rejects(pool.analyze(long, null), /took longer than 0\.001 s and was stopped/);
      await assert.rejects(pool.analyze('Short.', null), /took longer than/);
    } finally {
      await pool.close();
    }
  });
});

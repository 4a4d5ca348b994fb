import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import {
  MODEL_FILE,
  type ExpectationModel,
} from '../../analysis/scoring/expectation-model-file.js';
import { defaultLexiconDir } from '../../analysis/scoring/lexicon.js';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { describeFeature } from '../../server/pages/article.js';
import { serverFixture } from '../helpers.js';

const zero = { lowers: 0, raises: 0, hedged: 0, none: 0 };
// A hand-written model: "threadbare" with the talks named lowers; everything else is none.
const MODEL: ExpectationModel = {
  name: 'expectation-model',
  version: '1.0.0',
  training: { command: 'test', sets: [], events: 0, examples: 0, l2: 0, minEvents: 1 },
  offsets: zero,
  override: 1.01,
  bias: { ...zero, none: 1 },
  weights: {
    'w:threadbar': { ...zero, lowers: 1.5 },
    'talks&w:threadbar': { ...zero, lowers: 0.75 },
    'talks-named': { ...zero, raises: 0.25 },
  },
};

describe('the article page and the trained expectation model', () => {
  const fx = serverFixture();
  const dir = mkdtempSync(join(tmpdir(), 'parallax-model-page-'));
  after(() => rmSync(dir, { recursive: true }));

  test('a sentence the model labelled lists the features that fired, with their weights', async () => {
    cpSync(defaultLexiconDir(), dir, { recursive: true });
    writeFileSync(join(dir, MODEL_FILE), JSON.stringify(MODEL));
    const analyzer = createAnalyzer({ lexiconDir: dir });
    const text =
      'Summit agenda looks thin\n\nDiplomats call the summit agenda threadbare. The delegation arrived on Monday.';
    const run = await fx.temp.store.startRun(analyzer.info);
    const [result] = await fx.temp.store.addArticles(
      [
        {
          story: { title: 'Model story' },
          outlet: { name: 'Test Wire' },
          title: null,
          url: null,
          author: null,
          publishedDate: null,
          text,
          source: 'model.txt',
          analysis: analyzer.analyze(text),
        },
      ],
      run.id,
    );
    const id = result?.status === 'added' ? result.articleId : 0;
    const page = await fx.server.get(`/articles/${id}`);
    assert.equal(page.status, 200);
    const lines = page.text.match(/<div class="model-line"[\s\S]*?<\/div>/g) ?? [];
    assert.equal(lines.length, 1, 'only the threadbare sentence was decided by the model');
    const line = lines[0]!;
    assert.match(line, /model → lowers:/);
    assert.match(line, /“threadbar…” <b>\+1\.50<\/b>/);
    assert.match(line, /“threadbar…” \(talks named\) <b>\+0\.75<\/b>/);
    // The strongest feature comes first; one that pushed toward another label is not listed.
    assert.ok(line.indexOf('+1.50') < line.indexOf('+0.75'));
    assert.doesNotMatch(line, /talks named <b>/);
  });
});

test('feature names read as words, cues and the rules label', () => {
  assert.equal(describeFeature('w:histor'), '“histor…”');
  assert.equal(describeFeature('b:not_expect'), '“not expect…”');
  assert.equal(
    describeFeature('talks&cue:raises:significance'),
    'cue raises / significance (talks named)',
  );
  assert.equal(describeFeature('rule:lowers'), 'rules said lowers');
  assert.equal(describeFeature('talks-named-before'), 'talks named before');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  evaluateFraming,
  ordering,
  type FramingGold,
} from '../../../analysis/evaluation/framing-eval.js';
import { createAnalyzer } from '../../../analysis/pipeline.js';
import { segmentArticle } from '../../../analysis/segmentation/segment.js';

test('ordering counts concordant pairs across tiers, ties as halves', () => {
  // Tiers: article 0 most negative, then 1 and 2 together.
  const tier = [0, 1, 1];
  assert.equal(ordering([{ entities: [{ tier, score: [-1, 0, 1] }] }], 10).concordance, 1);
  assert.equal(ordering([{ entities: [{ tier, score: [1, 0, -1] }] }], 10).concordance, 0);
  const tied = ordering([{ entities: [{ tier, score: [0, 0, 1] }] }], 10);
  assert.equal(tied.pairs, 2);
  assert.equal(tied.concordant, 1.5);
  // An entity every article treats alike (one tier) gives no pair.
  assert.equal(ordering([{ entities: [{ tier: [0, 0, 0], score: [1, 2, 3] }] }], 10).pairs, 0);
});

test('the permutation p-value is small for a consistent ordering and large for chance', () => {
  const consistent = Array.from({ length: 12 }, () => ({
    entities: [{ tier: [0, 1, 2], score: [-2, 0, 2] }],
  }));
  const result = ordering(consistent, 2000, 7);
  assert.equal(result.concordance, 1);
  assert.ok(result.p_value! < 0.01);
  const mixed = Array.from({ length: 12 }, (_, i) => ({
    entities: [{ tier: [0, 1, 2], score: i % 2 === 0 ? [-2, 0, 2] : [2, 0, -2] }],
  }));
  assert.ok(ordering(mixed, 2000, 7).p_value! > 0.3);
  // Seeded: the same call gives the same p-value.
  assert.equal(ordering(mixed, 500, 3).p_value, ordering(mixed, 500, 3).p_value);
});

test('framing measures on three short articles with hand-made judgements', () => {
  const analyzer = createAnalyzer();
  const texts: Record<string, string> = {
    a: 'Mayor Anna Berg opened the bridge.\nBerg was praised by residents for a fine job.\n',
    b: 'Mayor Anna Berg opened the bridge.\nCritics slammed Berg over the reckless spending.\n',
    c: 'Mayor Anna Berg opened the bridge.\nBerg spoke at the event.\n',
  };
  const documents = Object.entries(texts).map(([doc, text]) => ({
    doc,
    text,
    analysis: analyzer.analyze(text),
    gold: segmentArticle(text).map((s) => ({
      doc,
      para: s.paragraph,
      sent: s.sentence,
      kind: s.kind,
      text: s.text,
    })),
  }));
  const gold: FramingGold = {
    events: [
      {
        type: 'event',
        story: 'bridge',
        docs: { first: 'a', second: 'b', third: 'c' },
        common_entities: ['Anna Berg'],
        author_feeling_order: { 'Anna Berg': [['second'], ['third'], ['first']] },
      },
    ],
    articles: ['a', 'b', 'c'].map((doc) => ({
      type: 'article' as const,
      doc,
      main_entities: ['Anna Berg'],
    })),
    spans: [
      { doc: 'b', para: 1, sent: 0, bias: 'lexical', polarity: 'negative', quote: false },
      { doc: 'a', para: 1, sent: 0, bias: 'informational', polarity: 'positive', quote: false },
    ],
  };
  const report = evaluateFraming(gold, documents, { permutations: 100 });
  assert.equal(report.ordering.pairs, 3);
  assert.equal(report.ordering.concordance, 1);
  assert.equal(report.loaded.positives, 1);
  assert.equal(report.loaded.recall, 1);
  assert.equal(report.articles, 3);
  assert.ok(report.article_spearman! > 0.9);
});

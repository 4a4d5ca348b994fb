// What a user might run instead of Parallax, timed on the same sentences: the floor (reading
// the text and counting its words), VADER alone and wink-sentiment alone. Parallax's own
// segmenter cuts the sentences once, untimed, so every contender sees the same input. The
// three run in alternating rounds so that a slow moment of the machine hits all of them.

import { createRequire } from 'node:module';
import { segmentArticle } from '../analysis/segmentation/segment.js';
import { countLetterRuns as countWords } from '../analysis/segmentation/tokens.js';
import type { BenchArticle } from './corpus.js';
import { spread, type Spread } from './stats.js';

const require = createRequire(import.meta.url);
// Both are CommonJS without type declarations; only these calls are used.
const winkSentiment = require('wink-sentiment') as (text: string) => { normalizedScore: number };
const vader = require('vader-sentiment') as {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
};

export interface BaselineFigures {
  sentences: number;
  words: number;
  rounds: number;
  floor: Spread;
  vader: Spread;
  wink: Spread;
}

/** Headline and body sentences of the articles, until about `maxWords` words. */
export function benchSentences(articles: readonly BenchArticle[], maxWords: number): string[] {
  const sentences: string[] = [];
  let words = 0;
  for (const article of articles) {
    for (const segment of segmentArticle(article.text, { title: article.title ?? undefined })) {
      if (segment.kind !== 'body' && segment.kind !== 'headline') continue;
      sentences.push(segment.text);
      words += countWords(segment.text);
    }
    if (words >= maxWords) break;
  }
  return sentences;
}

/** Words per second of each contender over `rounds` alternating rounds. */
export function measureBaselines(sentences: readonly string[], rounds: number): BaselineFigures {
  const words = sentences.reduce((sum, s) => sum + countWords(s), 0);
  const rates = { floor: [] as number[], vader: [] as number[], wink: [] as number[] };
  let sink = 0;
  const timed = (run: () => void): number => {
    const start = performance.now();
    run();
    return words / ((performance.now() - start) / 1000);
  };
  for (let round = 0; round < rounds; round++) {
    rates.floor.push(
      timed(() => {
        for (const s of sentences) sink += countWords(s);
      }),
    );
    rates.vader.push(
      timed(() => {
        for (const s of sentences)
          sink += vader.SentimentIntensityAnalyzer.polarity_scores(s).compound;
      }),
    );
    rates.wink.push(
      timed(() => {
        for (const s of sentences) sink += winkSentiment(s).normalizedScore;
      }),
    );
  }
  if (Number.isNaN(sink)) throw new Error('a baseline produced NaN');
  return {
    sentences: sentences.length,
    words,
    rounds,
    floor: spread(rates.floor),
    vader: spread(rates.vader),
    wink: spread(rates.wink),
  };
}

// Distinctive words per outlet (analysis/comparison/keyness.ts) as the story page shows them:
// one call with one set of options for the page, the batch report and the terms CSV, so
// the figures in a spreadsheet are the page's. It does not render anything
// (views/partials/distinctive-words.hbs does).

import { selectPart, type Part } from '../../analysis/comparison/compare.js';
import { distinctiveTerms, type OutletKeyness } from '../../analysis/comparison/keyness.js';
import type { StorySentence } from '../../db/store.js';
import { oncePerStory, wordsKey } from './once-per-story.js';

/** Words listed per outlet, on the page and in the export. */
export const WORDS_SHOWN = 8;

/** Each outlet's distinctive words among `sentences` (each outlet against the rest). */
export function distinctiveWords(
  sentences: readonly { outlet: string; text: string }[],
): OutletKeyness[] {
  // The sentences themselves, not a copy of each one's outlet and text: a story's sentences
  // may be read through columns (db/sentence-row.ts), each text cut when read.
  return distinctiveTerms(sentences, { top: WORDS_SHOWN });
}

export interface StoryWords {
  /** Content words counted in the part of the story, every outlet's together. */
  tokens: number;
  /** Every outlet with a sentence in the part, its own row (no pooling), by slug. */
  outlets: OutletKeyness[];
}

/**
 * The words of one part of a story, every outlet its own: the page's "every outlet" view.
 * The page's default view pools the outlets past its twelfth into one row; an outlet with
 * a row of its own has the same words there, as the rest of the story is the same.
 */
export function storyWords(sentences: readonly StorySentence[], part: Part): StoryWords {
  // The dashboard's words with every outlet on its own row (computed once per story).
  const words = oncePerStory(sentences, wordsKey(part), () =>
    distinctiveWords(selectPart(sentences, part)),
  );
  const outlets = [...words].sort((a, b) =>
    a.outlet < b.outlet ? -1 : a.outlet > b.outlet ? 1 : 0,
  );
  return { tokens: outlets.reduce((n, o) => n + o.tokens, 0), outlets };
}

// The sides the pages know: a story's own (its codebook's parties, for its dashboard and
// articles), and every bundled codebook's at once, for pages that list sentences of many
// stories (search, a sentence's badges). Party ids mean the same in every bundled codebook
// ("us_gov" is the US government everywhere), so one merged table labels them all.
// It reads codebooks through analysis/codebooks/codebook.ts and decides nothing about them.

import { readdirSync } from 'node:fs';
import { codebookForDisplay, defaultCodebook } from '../analysis/codebooks/codebook.js';
import type { Codebook } from '../analysis/codebooks/codebook.js';
import { sideVocabulary, type SideVocabulary } from '../analysis/vocabulary/sides.js';
import { projectPath } from '../lib/project-paths.js';

/** A story's codebook (the default for an unknown name, so the page still renders). */
export function storyCodebook(story: { codebook: string }): Codebook {
  return codebookForDisplay(story.codebook);
}

/** The codebooks shipped in analysis/codebooks/, sorted by name: what a story may be given. */
export function bundledCodebooks(): Codebook[] {
  return readdirSync(projectPath('analysis', 'codebooks'))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => codebookForDisplay(file.replace(/\.json$/, '')));
}

const known = new Map<string, SideVocabulary>();

/**
 * Every bundled codebook's parties, the default codebook's first, then the parties of the
 * other codebooks given (the stored stories' own, which may be a researcher's file): what a
 * side filter may name. A party id already known keeps its first label.
 */
export function knownSides(codebooks: readonly string[] = []): SideVocabulary {
  const key = [...new Set(codebooks)].sort().join('\u0000');
  const cached = known.get(key);
  if (cached) return cached;
  const books = [defaultCodebook()];
  const add = (book: Codebook) => {
    if (!books.includes(book)) books.push(book);
  };
  for (const book of bundledCodebooks()) add(book);
  for (const name of [...new Set(codebooks)].sort()) add(codebookForDisplay(name));
  const parties = new Map<string, SideVocabulary['info'][string] & { id: string }>();
  for (const book of books)
    for (const id of book.vocabulary.parties)
      if (!parties.has(id)) parties.set(id, { id, ...book.vocabulary.info[id]! });
  const vocabulary = sideVocabulary('all', [...parties.values()]);
  known.set(key, vocabulary);
  return vocabulary;
}

/** The sides of the bundled codebooks and of every stored story's codebook. */
export function storySides(stories: readonly { codebook: string }[]): SideVocabulary {
  return knownSides(stories.map((s) => s.codebook));
}

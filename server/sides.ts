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

let known: SideVocabulary | undefined;

/** Every bundled codebook's parties, the default codebook's first. */
export function knownSides(): SideVocabulary {
  if (known) return known;
  const books = [defaultCodebook()];
  for (const file of readdirSync(projectPath('analysis', 'codebooks')).sort()) {
    if (!file.endsWith('.json')) continue;
    const book = codebookForDisplay(file.replace(/\.json$/, ''));
    if (!books.includes(book)) books.push(book);
  }
  const parties = new Map<string, SideVocabulary['info'][string] & { id: string }>();
  for (const book of books)
    for (const id of book.vocabulary.parties)
      if (!parties.has(id)) parties.set(id, { id, ...book.vocabulary.info[id]! });
  known = sideVocabulary('all', [...parties.values()]);
  return known;
}

// The bundled codebooks (analysis/codebooks/*.json) as analysis/codebooks/choose.ts counts
// them, read once per process: what ingest chooses a new story's codebook among.

import { readdirSync, readFileSync } from 'node:fs';
import { parseCodebook } from '../analysis/codebooks/codebook.js';
import {
  chooseCodebook,
  termsOfCodebooks,
  type CodebookChoice,
  type CodebookTerms,
} from '../analysis/codebooks/choose.js';
import { projectPath } from '../lib/project-paths.js';

let bundled: CodebookTerms[] | undefined;

export function bundledCodebookTerms(): CodebookTerms[] {
  if (bundled) return bundled;
  const dir = projectPath('analysis', 'codebooks');
  const books = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => parseCodebook(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')), file));
  bundled = termsOfCodebooks(books);
  return bundled;
}

/** The bundled codebook a new story takes from this article (its headline and text). */
export function chooseForArticle(
  article: { title?: string | null; text: string },
  fallback?: string,
): CodebookChoice {
  return chooseCodebook(
    `${article.title ?? ''}\n\n${article.text}`,
    bundledCodebookTerms(),
    fallback,
  );
}

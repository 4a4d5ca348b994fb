// Reading a gold set folder (../shared/eval/README.md): its segments.jsonl rows, validated,
// and the documents they belong to, optionally filtered by name. Shared by `npm run eval`
// (measures) and `npm run train` (learns the expectation model); it analyses nothing. The
// row schema is passed in, so eval can load the analysis modules only once its flags are read.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import type { GoldRow } from '../analysis/evaluation/evaluate.js';
import { GoldFileError, readGoldJsonl } from './gold-file.js';

export function readGold(
  folder: string,
  goldRowSchema: z.ZodType<GoldRow>,
): { docsDir: string; rows: GoldRow[] } {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new GoldFileError(`gold folder not found: ${folder}`);
  }
  const docsDir = join(folder, 'docs');
  const segmentsFile = join(folder, 'segments.jsonl');
  if (!existsSync(docsDir)) throw new GoldFileError(`${docsDir} is missing (the documents folder)`);
  if (!existsSync(segmentsFile)) throw new GoldFileError(`${segmentsFile} is missing`);
  return { docsDir, rows: readGoldJsonl(segmentsFile, goldRowSchema) };
}

export interface DocFilter {
  only?: RegExp;
  exclude?: RegExp;
}

/** The chosen documents of a gold set, by name, with their text and gold rows. */
export function goldDocuments(
  docsDir: string,
  rows: GoldRow[],
  filter: DocFilter = {},
): { doc: string; text: string; gold: GoldRow[] }[] {
  const byDoc = new Map<string, GoldRow[]>();
  for (const row of rows) {
    const list = byDoc.get(row.doc);
    if (list) list.push(row);
    else byDoc.set(row.doc, [row]);
  }
  const names = readdirSync(docsDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => basename(f, '.txt'))
    .sort();
  const known = new Set(names);
  for (const doc of byDoc.keys()) {
    if (!known.has(doc))
      throw new GoldFileError(
        `segments.jsonl names doc "${doc}" but ${docsDir}/${doc}.txt is missing`,
      );
  }
  const chosen = names.filter(
    (doc) =>
      (filter.only === undefined || filter.only.test(doc)) &&
      (filter.exclude === undefined || !filter.exclude.test(doc)),
  );
  if (chosen.length === 0) throw new GoldFileError('no document matches --docs / --exclude-docs');
  return chosen.map((doc) => ({
    doc,
    text: readFileSync(join(docsDir, `${doc}.txt`), 'utf8'),
    gold: byDoc.get(doc) ?? [],
  }));
}

/**
 * An event is the story part of a document's name ("trade-2019-08-26__politico"); a gold
 * set whose names carry none (seeds-dev) is one event.
 */
export const eventOf = (doc: string, whole = '(all)'): string =>
  doc.includes('__') ? doc.split('__')[0]! : whole;

// Reading a gold set (../shared/eval/README.md): its segments.jsonl rows, validated, and the
// documents they belong to, optionally filtered by name. Shared by eval (measures) and train
// (learns the expectation model); it analyses nothing itself.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { goldRowSchema, type GoldRow } from '../analysis/evaluation/evaluate.js';

/** A mistake in how a command was called: exit status 2, with the usage text. */
export class UsageError extends Error {}

export function readGold(folder: string): { docsDir: string; rows: GoldRow[] } {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(`gold folder not found: ${folder}`);
  }
  const docsDir = join(folder, 'docs');
  const segmentsFile = join(folder, 'segments.jsonl');
  if (!existsSync(docsDir)) throw new UsageError(`${docsDir} is missing (the documents folder)`);
  if (!existsSync(segmentsFile)) throw new UsageError(`${segmentsFile} is missing`);
  const rows: GoldRow[] = [];
  readFileSync(segmentsFile, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new UsageError(`${segmentsFile} line ${i + 1}: not valid JSON`);
      }
      const parsed = goldRowSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UsageError(
          `${segmentsFile} line ${i + 1}: ${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid row'}`,
        );
      }
      rows.push(parsed.data);
    });
  return { docsDir, rows };
}

export interface DocFilter {
  only?: RegExp;
  exclude?: RegExp;
}

/** The chosen documents of a gold set with their text and gold rows. */
export function goldDocuments(
  docsDir: string,
  rows: GoldRow[],
  filter: DocFilter,
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
      throw new UsageError(
        `segments.jsonl names doc "${doc}" but ${docsDir}/${doc}.txt is missing`,
      );
  }
  const chosen = names.filter(
    (doc) =>
      (filter.only === undefined || filter.only.test(doc)) &&
      (filter.exclude === undefined || !filter.exclude.test(doc)),
  );
  if (chosen.length === 0) throw new UsageError('no document matches --docs / --exclude-docs');
  return chosen.map((doc) => ({
    doc,
    text: readFileSync(join(docsDir, `${doc}.txt`), 'utf8'),
    gold: byDoc.get(doc) ?? [],
  }));
}

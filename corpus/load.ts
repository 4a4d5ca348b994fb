// The bundled sample corpus: reads corpus/manifest.json and the article files beside it,
// and stores them through the same ingest path as any other file when the database is empty.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Analyzer } from '../analysis/pipeline.js';
import { projectPath } from '../lib/project-paths.js';
import type { Store } from '../db/store.js';
import type { IngestSummary } from '../ingest/ingest.js';
import { ingestRecords } from '../ingest/ingest.js';
import type { ArticleRecord } from '../ingest/record.js';

const OutletSchema = z.object({
  name: z.string().min(1),
  kind: z.string().nullable(),
  country: z.string().nullable(),
  homepage: z.string().nullable(),
  isNameInferred: z.boolean(),
  notes: z.string().nullable(),
});

const ManifestSchema = z.object({
  story: z.object({
    title: z.string().min(1),
    description: z.string().nullable(),
    startDate: z.iso.date().nullable(),
    endDate: z.iso.date().nullable(),
  }),
  articles: z
    .array(
      z.object({
        file: z.string().min(1),
        outlet: OutletSchema,
        title: z.string().nullable(),
        author: z.string().nullable(),
        date: z.iso.date().nullable(),
        url: z.string().nullable(),
      }),
    )
    .min(1),
});

export type CorpusManifest = z.infer<typeof ManifestSchema>;

export function readManifest(dir = projectPath('corpus')): CorpusManifest {
  const file = join(dir, 'manifest.json');
  const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Loads the bundled story into the store if it holds no article yet. */
export async function loadBundledCorpus(
  store: Store,
  analyzer: Analyzer,
  dir = projectPath('corpus'),
): Promise<IngestSummary | null> {
  if ((await store.countArticles()) > 0) return null;
  const manifest = readManifest(dir);
  const outlets = new Map(manifest.articles.map((a) => [a.outlet.name, a.outlet]));
  const records: ArticleRecord[] = manifest.articles.map((a) => ({
    title: a.title,
    outlet: a.outlet.name,
    story: manifest.story.title,
    url: a.url,
    date: a.date,
    author: a.author,
    text: readFileSync(join(dir, a.file), 'utf8'),
    source: `corpus/${a.file}`,
  }));
  return ingestRecords(records, store, analyzer, {
    describe: (record) => ({ outlet: outlets.get(record.outlet), story: manifest.story }),
  });
}

// The benchmark's input: a prefix of a gzip JSONL corpus (by default the shared AllSides
// corpus), read as a stream so that only the articles asked for are ever in memory. It
// checks nothing beyond what the benchmark needs; the ingest readers do the validating.

import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

export interface BenchArticle {
  title: string | null;
  outlet: string;
  story: string;
  date: string | null;
  url: string | null;
  text: string;
}

/** The shared corpus, beside the project as in CI: ../shared/corpora/allsides. */
export const DEFAULT_CORPUS = '../shared/corpora/allsides/articles.jsonl.gz';

/** Reads the first `limit` articles (all of them for Infinity) of a .jsonl or .jsonl.gz file. */
export async function readCorpusPrefix(file: string, limit: number): Promise<BenchArticle[]> {
  if (!existsSync(file)) {
    throw new Error(`corpus not found: ${file} (pass --corpus FILE, a .jsonl or .jsonl.gz file)`);
  }
  const raw = createReadStream(file);
  const input = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input, crlfDelay: Infinity });
  const articles: BenchArticle[] = [];
  try {
    for await (const line of lines) {
      if (articles.length >= limit) break;
      if (line.trim() === '') continue;
      const row = JSON.parse(line) as Partial<Record<keyof BenchArticle, unknown>>;
      if (typeof row.text !== 'string' || row.text.trim() === '') continue;
      articles.push({
        title: typeof row.title === 'string' ? row.title : null,
        outlet: typeof row.outlet === 'string' ? row.outlet : 'unknown outlet',
        story: typeof row.story === 'string' ? row.story : 'unsorted',
        date: typeof row.date === 'string' ? row.date : null,
        url: typeof row.url === 'string' ? row.url : null,
        text: row.text,
      });
    }
  } finally {
    lines.close();
    raw.destroy();
  }
  return articles;
}

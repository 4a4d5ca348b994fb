// Analysis alone, in CPU seconds: `node dist/bench/analysis-alone.js FILE [--articles N]
// [--hash]` reads the first N articles (default 2,000) of a JSON-lines file (.gz read
// compressed; `text` and `title` of each line), runs createAnalyzer().analyze on each and
// prints one JSON line: articles, words, CPU seconds (user + system, this process's
// threads), words per CPU second and, with --hash, the sha256 of every analysis's JSON, one
// per line: two checkouts that hash alike gave the same output. Reading is not timed.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { createGunzip } from 'node:zlib';
import { createAnalyzer } from '../analysis/pipeline.js';

export interface AnalysisAlone {
  articles: number;
  words: number;
  cpuSeconds: number;
  wordsPerCpuSecond: number;
  sha256?: string;
}

export async function analysisAlone(
  file: string,
  articles: number,
  hash: boolean,
): Promise<AnalysisAlone> {
  const raw = createReadStream(file);
  const lines = createInterface({ input: file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw });
  const records: { text: string; title?: string | null }[] = [];
  for await (const line of lines) {
    if (line.trim()) records.push(JSON.parse(line) as { text: string; title?: string | null });
    if (records.length >= articles) break;
  }
  raw.destroy();
  const analyzer = createAnalyzer();
  const digest = createHash('sha256');
  const before = process.cpuUsage();
  let words = 0;
  for (const r of records) {
    const analysis = analyzer.analyze(r.text, { title: r.title ?? undefined });
    words += analysis.words;
    if (hash) digest.update(`${JSON.stringify(analysis)}\n`);
  }
  const used = process.cpuUsage(before);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return {
    articles: records.length,
    words,
    cpuSeconds,
    wordsPerCpuSecond: Math.round(words / cpuSeconds),
    ...(hash ? { sha256: digest.digest('hex') } : {}),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--articles');
  const articles = at >= 0 ? Number(args[at + 1]) : 2000;
  const file = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  if (!file || !Number.isInteger(articles) || articles <= 0) {
    console.error('usage: node dist/bench/analysis-alone.js FILE [--articles N] [--hash]');
    process.exit(2);
  }
  console.log(JSON.stringify(await analysisAlone(file, articles, args.includes('--hash'))));
}

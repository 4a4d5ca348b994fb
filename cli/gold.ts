// `npm run gold -- <build|pack|agreement> <set>`: Parallax's own gold sets, labelled on
// articles of the shared AllSides corpus. The article texts stay out of the repository
// (the corpus licence keeps them out of releases), so a set here holds only where each
// document comes from (sources.jsonl: corpus id, paragraphs kept, SHA-256 of the text)
// and labels addressed by character offsets; `build` rebuilds the usual gold folder
// (docs/*.txt + segments.jsonl, ../shared/eval/README.md) from the corpus, checking every
// document against its hash. `pack` turns a labelled segments.jsonl into offsets;
// `agreement` compares the two annotators' files before adjudication.

// The row schemas (gold-schemas.ts, zod) and the agreement measures are imported once the
// arguments are read, so that --help and a usage error answer without loading them.

import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AgreementReport } from '../analysis/evaluation/agreement.js';
import type { GoldRow } from '../analysis/evaluation/evaluate.js';
import { projectPath } from '../lib/project-paths.js';
import { runCommand } from './command.js';
import { GoldFileError, readGoldJsonl } from './gold-file.js';
import type { PackedRow, Source } from './gold-schemas.js';

type Schemas = typeof import('./gold-schemas.js');

const USAGE = `Usage: npm run gold -- <command> <set-folder> [options]

Commands
  build <set>        write <out>/docs/*.txt and <out>/segments.jsonl (the adjudicated
                     labels), plus <out>/annotators/<name>.jsonl, from the corpus
  pack <set> <file> --as <name>
                     store a labelled segments.jsonl (texts included) in <set> as
                     <name>.jsonl, by character offsets (name: labels, annotator-a, ...)
  agreement <set>    agreement between annotator-a.jsonl and annotator-b.jsonl

Options
  --corpus FILE   the corpus JSONL, or .jsonl.gz (default: allsides/talks.jsonl, then
                  allsides/articles.jsonl.gz for documents talks.jsonl lacks, both
                  under ../shared/corpora)
  --out DIR       where build writes (default out/gold/<set name>)
  --json          agreement: print one JSON object
  -h, --help      this text`;

/** Read in order; the whole corpus is opened only for documents the talks subset lacks. */
const DEFAULT_CORPORA = [
  '../shared/corpora/allsides/talks.jsonl',
  '../shared/corpora/allsides/articles.jsonl.gz',
];

/** An opening as the annotators saw it: the headline, then one paragraph per line. */
export function openingText(title: string, text: string, paragraphs: number): string {
  const lines = text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return [title.trim(), ...lines.slice(0, paragraphs)].join('\n') + '\n';
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The lines of a JSONL file, gzip-compressed or not, read as a stream. */
function jsonlLines(path: string): AsyncIterable<string> {
  const file = createReadStream(path);
  return createInterface({ input: path.endsWith('.gz') ? file.pipe(createGunzip()) : file });
}

async function readDocs(
  set: string,
  corpora: string[],
  { sourceSchema, corpusRowSchema }: Schemas,
): Promise<Map<string, string>> {
  const sources = readGoldJsonl(join(set, 'sources.jsonl'), sourceSchema);
  const wanted = new Map<string, Source>(sources.map((s) => [s.id, s]));
  const docs = new Map<string, string>();
  for (const corpus of corpora) {
    if (docs.size === sources.length) break;
    for await (const line of jsonlLines(corpus)) {
      // Only rows a set wants are parsed: the full corpus is 37,543 articles.
      const id = /"id":\s*"([^"]+)"/.exec(line)?.[1];
      const source = id === undefined ? undefined : wanted.get(id);
      if (!source || docs.has(source.doc)) continue;
      const row = corpusRowSchema.safeParse(JSON.parse(line));
      if (!row.success) continue;
      const text = openingText(row.data.title, row.data.text, source.paragraphs);
      if (sha256(text) !== source.sha256) {
        throw new GoldFileError(`${source.doc}: the corpus text differs from the one labelled`);
      }
      docs.set(source.doc, text);
    }
  }
  const missing = sources.filter((s) => !docs.has(s.doc)).map((s) => s.doc);
  if (missing.length > 0) {
    throw new GoldFileError(`not in ${corpora.join(' or ')}: ${missing.join(', ')}`);
  }
  return docs;
}

function unpack(file: string, docs: Map<string, string>, schemas: Schemas): GoldRow[] {
  return readGoldJsonl(file, schemas.packedRowSchema).map(({ start, end, ...labels }) => {
    const doc = docs.get(labels.doc);
    if (doc === undefined || end > doc.length || start >= end) {
      throw new GoldFileError(`${file}: ${labels.doc} [${start}, ${end}) is outside the document`);
    }
    return { ...labels, text: doc.slice(start, end) };
  });
}

function pack(rows: GoldRow[], docs: Map<string, string>, file: string): PackedRow[] {
  const cursor = new Map<string, number>();
  return rows.map(({ text, ...labels }, i) => {
    const doc = docs.get(labels.doc);
    if (doc === undefined) throw new GoldFileError(`${file} row ${i + 1}: no doc ${labels.doc}`);
    // Reading order: each segment is looked for after the previous one of its document.
    const start = doc.indexOf(text, cursor.get(labels.doc) ?? 0);
    if (start < 0) {
      throw new GoldFileError(`${file} row ${i + 1}: text not found in order in ${labels.doc}`);
    }
    cursor.set(labels.doc, start + text.length);
    return { ...labels, start, end: start + text.length };
  });
}

const jsonl = (rows: unknown[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

function formatAgreement(r: AgreementReport): string {
  const f = (v: number | null | undefined): string => (v == null ? '–' : v.toFixed(2));
  const line = (name: string, a: { n: number; observed: number; kappa?: number | null } | null) =>
    a
      ? `  ${name.padEnd(13)} n ${String(a.n).padStart(4)}  agree ${f(a.observed)}  κ ${f(a.kappa)}`
      : `  ${name.padEnd(13)} –`;
  return [
    `${r.docs} docs; segments A ${r.segments_a}, B ${r.segments_b}, cut the same ${r.matched}`,
    line('kind', r.kind),
    line('expectation', r.expectation) +
      (r.expectation ? `  macro-F1 ${f(r.expectation.macro_f1)}` : ''),
    line('quote', r.quote),
    line('hedge', r.hedge),
    line('speaker', r.speaker),
    line('speaker side', r.speaker_side),
    `  tone          n ${String(r.tone?.n ?? 0).padStart(4)}  Spearman ${f(r.tone?.spearman)}`,
  ].join('\n');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      corpus: { type: 'string' },
      out: { type: 'string' },
      as: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, setArg, file] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!command || !setArg || !['build', 'pack', 'agreement'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const [schemas, { agreement }] = await Promise.all([
    import('./gold-schemas.js'),
    import('../analysis/evaluation/agreement.js'),
  ]);
  const set = resolve(setArg);
  const corpora = values.corpus ? [values.corpus] : DEFAULT_CORPORA;
  const docs = await readDocs(
    set,
    corpora.map((c) => resolve(c)),
    schemas,
  );
  if (command === 'build') {
    const out = resolve(values.out ?? projectPath('out', 'gold', basename(set)));
    mkdirSync(join(out, 'docs'), { recursive: true });
    mkdirSync(join(out, 'annotators'), { recursive: true });
    for (const [doc, text] of docs) writeFileSync(join(out, 'docs', `${doc}.txt`), text);
    writeFileSync(
      join(out, 'segments.jsonl'),
      jsonl(unpack(join(set, 'labels.jsonl'), docs, schemas)),
    );
    for (const name of ['annotator-a', 'annotator-b']) {
      const rows = unpack(join(set, `${name}.jsonl`), docs, schemas);
      writeFileSync(join(out, 'annotators', `${name}.jsonl`), jsonl(rows));
    }
    console.log(`wrote ${docs.size} docs and their labels to ${out}`);
    return 0;
  }
  if (command === 'pack') {
    if (!file || !values.as || !/^[a-z0-9-]+$/.test(values.as)) {
      console.error(USAGE);
      return 2;
    }
    const rows = pack(readGoldJsonl(resolve(file), schemas.goldRowSchema), docs, file);
    writeFileSync(join(set, `${values.as}.jsonl`), jsonl(rows));
    console.log(`packed ${rows.length} segments into ${join(set, `${values.as}.jsonl`)}`);
    return 0;
  }
  const report = agreement(
    unpack(join(set, 'annotator-a.jsonl'), docs, schemas),
    unpack(join(set, 'annotator-b.jsonl'), docs, schemas),
  );
  console.log(values.json ? JSON.stringify(report) : formatAgreement(report));
  return 0;
}

runCommand('gold', main);

// Which lexicons a re-analysis from the browser uses: the story's codebook with its own issue
// lexicon or another one shipped in analysis/lexicons/ (issues-*.json), and optionally one lexicon file of the researcher's
// own in place of its shipped namesake (recognised by its "name": diplomacy-tone,
// expectation, hedges, boosters, scope, loaded-language, or an issue lexicon). The analyzer
// is built by createAnalyzer, so every file passes the same zod schemas as on the command
// line and lands in the run's data hash.
//
// Not here: re-scoring the articles (reanalyze.ts) or reading the upload (the server).

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyzer } from '../analysis/pipeline.js';
import type { Analyzer, AnalyzerConfig } from '../analysis/pipeline.js';
import { defaultLexiconDir, LEXICON_FILES } from '../analysis/scoring/lexicon.js';
import type { LexiconName } from '../analysis/scoring/lexicon.js';
import { projectPath } from '../lib/project-paths.js';

/** A lexicon file the researcher cannot use, with what is wrong in words they can act on. */
export class LexiconRejected extends Error {
  override readonly name = 'LexiconRejected';
}

export interface ShippedIssueLexicon {
  /** File name in analysis/lexicons/, e.g. issues-us-china.json. */
  file: string;
  name: string;
  version: string;
  description: string | null;
}

/** The issue lexicons shipped in analysis/lexicons/ (issues-*.json), by file name. */
export function shippedIssueLexicons(dir = defaultLexiconDir()): ShippedIssueLexicon[] {
  return readdirSync(dir)
    .filter((file) => /^issues-[a-z0-9-]+\.json$/.test(file))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      const text = (key: string) => (typeof raw[key] === 'string' ? raw[key] : null);
      return {
        file,
        name: text('name') ?? file,
        version: text('version') ?? '?',
        description: text('description'),
      };
    });
}

export interface LexiconChoice {
  /** The story's codebook (analysis/codebooks/): whose parties its sides are. */
  codebook: string;
  /** One of shippedIssueLexicons()' file names, or '' for the codebook's own. */
  issueLexicon: string;
  /** A lexicon file of the researcher's own, replacing the shipped file of the same name. */
  replacement?: { fileName: string; bytes: Uint8Array } | null;
}

const LARGEST_LEXICON_BYTES = 2 * 1024 * 1024;

/**
 * The analyzer for a choice; throws LexiconRejected for an unknown issue lexicon or a file
 * that is not a lexicon (not JSON, an unknown "name", or entries the schema refuses).
 */
export function analyzerForChoice(choice: LexiconChoice): Analyzer {
  const shipped = shippedIssueLexicons().map((l) => l.file);
  if (choice.issueLexicon !== '' && !shipped.includes(choice.issueLexicon)) {
    throw new LexiconRejected(
      `No issue lexicon “${choice.issueLexicon}”; shipped: ${shipped.join(', ')}.`,
    );
  }
  const config: AnalyzerConfig = {
    codebook: choice.codebook,
    issuesFile:
      choice.issueLexicon === ''
        ? undefined
        : projectPath('analysis', 'lexicons', choice.issueLexicon),
  };
  const replacement = choice.replacement;
  if (!replacement) return createAnalyzer(config);

  const label = replacement.fileName;
  if (replacement.bytes.length > LARGEST_LEXICON_BYTES) {
    throw new LexiconRejected(`${label}: larger than a lexicon can be (2 MB).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(replacement.bytes));
  } catch (error) {
    throw new LexiconRejected(`${label}: not a JSON file (${(error as Error).message}).`);
  }
  const name =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>).name
      : undefined;
  const known = [...LEXICON_FILES, 'loaded-language', 'issues-…'];
  if (typeof name !== 'string') {
    throw new LexiconRejected(
      `${label}: a lexicon file names itself in its "name" field (one of ${known.join(', ')}).`,
    );
  }
  const isIssueLexicon = Array.isArray((raw as Record<string, unknown>).issues);
  if (!isIssueLexicon && name !== 'loaded-language' && !isLexiconName(name)) {
    throw new LexiconRejected(
      `${label}: "name" is "${name}", which is no lexicon Parallax reads (${known.join(', ')}).`,
    );
  }

  // The analyzer reads files from disk, so the upload is written into a private folder
  // (beside copies of the other shipped lexicons when it replaces one of them), read
  // once, and the folder removed. A data file is hashed by its base name and bytes, so
  // the copies hash exactly like the shipped files.
  const dir = mkdtempSync(join(tmpdir(), 'parallax-lexicons-'));
  try {
    const file = isIssueLexicon ? join(dir, 'issues-uploaded.json') : join(dir, `${name}.json`);
    writeFileSync(file, replacement.bytes);
    if (isIssueLexicon) config.issuesFile = file;
    else if (name === 'loaded-language') config.loadedFile = file;
    else {
      for (const other of LEXICON_FILES) {
        if (other === name) continue;
        const shippedFile = join(defaultLexiconDir(), `${other}.json`);
        writeFileSync(join(dir, `${other}.json`), readFileSync(shippedFile));
      }
      config.lexiconDir = dir;
    }
    let analyzer: Analyzer;
    try {
      analyzer = createAnalyzer(config);
    } catch (error) {
      // The schema's message names the temporary file; the researcher knows their own.
      throw new LexiconRejected((error as Error).message.split(file).join(label));
    }
    const version = (raw as Record<string, unknown>).version;
    return {
      ...analyzer,
      info: {
        ...analyzer.info,
        // The run records what was used, not the temporary folder it was read from.
        options: {
          issuesFile: isIssueLexicon ? null : choice.issueLexicon,
          uploadedLexicon: {
            file: label,
            name,
            version: typeof version === 'string' ? version : null,
          },
        },
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function isLexiconName(name: string): name is LexiconName {
  return (LEXICON_FILES as string[]).includes(name);
}

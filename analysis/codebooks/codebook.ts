// Codebooks: the parties of a story's talks as data (analysis/codebooks/<name>.json). A
// codebook names each party (id, display name, how a summary names its speakers, colour
// from the Okabe–Ito palette), the patterns that tie a speaker to it (country markers,
// metonyms, surnames), its actors, and the issue lexicon that fits the talks. Analyst and
// other exist in every codebook and are not listed. This module validates a codebook
// (zod), reads it and its issue lexicon through a DataFileLog so that the data hash covers
// them, and compiles it for the voices stage and the pages. It does not decide which
// codebook a story has (the store keeps that) nor list the folder (cli/codebook.ts does).

import { dirname, join } from 'node:path';
import { z } from 'zod';
import { projectPath } from '../../lib/project-paths.js';
import { DataFileLog, moduleData } from '../data-files.js';
import { loadIssueLexicon, type IssueLexicon } from '../scoring/issues.js';
import {
  DEFAULT_CODEBOOK,
  PALETTE,
  RESERVED_SIDES,
  sideVocabulary,
  type SideVocabulary,
} from '../vocabulary/sides.js';
import { actorKey, indexActors, type Actors } from '../voices/actors.js';
import { compileSideRules } from '../voices/sides.js';

export { DEFAULT_CODEBOOK };

const word = z
  .string()
  .min(1)
  .refine((w) => w === w.toLowerCase(), 'entries must be lower-case');

const ActorSchema = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  role: z.string().nullable().default(null),
});

const PartySchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'id must be lower-case letters, digits and "_"')
    .refine((id) => !RESERVED_SIDES.includes(id), 'narrator, analyst and other are not parties'),
  name: z.string().trim().min(1),
  speakers: z.string().trim().min(1),
  description: z.string().trim().min(1),
  colour: z
    .string()
    .refine((c) => c in PALETTE, `colour must be one of ${Object.keys(PALETTE).join(' ')}`),
  markers: z.array(word),
  metonyms: z.array(word).default([]),
  surnames: z.array(word).default([]),
  actors: z.array(ActorSchema).default([]),
});

const CodebookSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'name must be lower-case words joined by "-"'),
    version: z.string().min(1),
    title: z.string().trim().min(1),
    description: z.string().optional(),
    /** The issue lexicon: a file name in analysis/lexicons/, or a path from this file. */
    issues: z.string().min(1),
    parties: z.array(PartySchema).min(1, 'no parties'),
  })
  .superRefine((book, ctx) => {
    const ids = book.parties.map((p) => p.id);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) ctx.addIssue({ code: 'custom', message: `party "${twice}" appears twice` });
    const colours = book.parties.map((p) => p.colour);
    const shared = colours.find(
      (c, i) => colours.indexOf(c) !== i || c === '#999999' || c === '#009e73' || c === '#cc79a7',
    );
    if (shared)
      ctx.addIssue({
        code: 'custom',
        message: `colour ${shared} is taken (by another party, or by narrator, analyst or other)`,
      });
  });

export type CodebookFile = z.infer<typeof CodebookSchema>;

/** A codebook loaded for analysis and display. */
export interface Codebook {
  name: string;
  version: string;
  title: string;
  description: string | null;
  /** The parties with their labels, in codebook order. */
  vocabulary: SideVocabulary;
  /** The actors and side rules the voices stage uses. */
  actors: Actors;
  issues: IssueLexicon;
  /** Where the codebook was read from. */
  path: string;
}

/** The file of a bundled codebook by name, or the path given (a name with / or .json). */
export function codebookPath(nameOrPath: string): string {
  return /[\\/]|\.json$/.test(nameOrPath)
    ? nameOrPath
    : projectPath('analysis', 'codebooks', `${nameOrPath}.json`);
}

/** Validates parsed JSON as a codebook; `source` names the file in error messages. */
export function parseCodebook(data: unknown, source: string): CodebookFile {
  const result = CodebookSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  let entry: unknown = data;
  for (const key of path.slice(0, 2))
    entry = (entry as Record<string | number, unknown> | undefined)?.[key as string | number];
  const which =
    path[0] === 'parties' && typeof path[1] === 'number'
      ? ` (party ${JSON.stringify((entry as { id?: unknown } | undefined)?.id ?? path[1])})`
      : '';
  throw new Error(
    `Invalid codebook ${source}: at "${path.join('.')}"${which}: ${issue?.message ?? 'bad shape'}. ` +
      'See "Codebooks" in the README for the format.',
  );
}

/** Compiles a validated codebook (its issue lexicon read through `files`). */
function compile(book: CodebookFile, path: string, files: DataFileLog): Codebook {
  const issuesPath = /[\\/]/.test(book.issues)
    ? join(dirname(path), book.issues)
    : projectPath('analysis', 'lexicons', book.issues);
  const sides = compileSideRules(book.parties);
  return {
    name: book.name,
    version: book.version,
    title: book.title,
    description: book.description ?? null,
    vocabulary: sideVocabulary(book.name, book.parties),
    actors: indexActors(
      book.parties.flatMap((p) => p.actors.map((a) => ({ ...a, side: p.id }))),
      sides,
    ),
    issues: loadIssueLexicon(issuesPath, files),
    path,
  };
}

/** Reads a codebook by name (bundled) or path, recording it and its issue lexicon in `files`. */
export function loadCodebook(
  nameOrPath: string = DEFAULT_CODEBOOK,
  files: DataFileLog = new DataFileLog(),
): Codebook {
  const path = codebookPath(nameOrPath);
  let data: unknown;
  try {
    data = JSON.parse(files.read(path));
  } catch (err) {
    throw new Error(`Cannot read codebook ${path}: ${(err as Error).message}`);
  }
  return compile(parseCodebook(data, path), path, files);
}

/**
 * The party a target names by itself ("Kim Jong Un", "Pyongyang", "the White House"): a
 * listed actor's (by name or alias, else by the surname of a longer name, as the target
 * stage matches people), or the government a metonym stands for; null for anyone else.
 */
export function partyOfName(codebook: Codebook, name: string): string | null {
  const key = actorKey(name);
  const surname = key.split(' ');
  const actor =
    codebook.actors.byAlias.get(key) ??
    (surname.length > 1 ? codebook.actors.byAlias.get(surname[surname.length - 1]!) : undefined);
  if (actor && codebook.vocabulary.parties.includes(actor.side)) return actor.side;
  // A metonym listed with its article ("the north") is written without it as well.
  const metonyms = codebook.actors.sides.metonyms;
  return metonyms.get(key) ?? metonyms.get(`the ${key}`) ?? null;
}

// The default codebook, read when this module loads (so in every analyzer's data hash):
// what NO_ACTORS and a story without an assigned codebook use.
const defaultBook = loadCodebook(DEFAULT_CODEBOOK, moduleData);

/** The bundled US–China codebook. */
export function defaultCodebook(): Codebook {
  return defaultBook;
}

/** No actors, the default codebook's side rules: sides from titles alone. */
export const NO_ACTORS: Actors = indexActors([], defaultBook.actors.sides);

const byName = new Map<string, Codebook>([[DEFAULT_CODEBOOK, defaultBook]]);

/**
 * A bundled codebook for display (its parties, colours and issue labels), read once per
 * process; an unknown name falls back to the default codebook, so a page still renders.
 */
export function codebookForDisplay(name: string | null | undefined): Codebook {
  const key = name ?? DEFAULT_CODEBOOK;
  const known = byName.get(key);
  if (known) return known;
  let book: Codebook;
  try {
    book = loadCodebook(key);
  } catch {
    book = defaultBook;
  }
  byName.set(key, book);
  return book;
}

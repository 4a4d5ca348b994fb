// Loaded language: word choice that passes judgement ("regime", "slammed", "caved",
// "radical", "so-called") where a neutral word would report, from the curated lexicon
// analysis/lexicons/loaded-language.json (categories and weights: the file's description).
// Each match is a cue hit (lexicon 'loaded', the entry's category), so a page can show and
// link it. It deliberately does not score event sentiment ("killed", "collapsed" are not
// loaded words) nor decide whom a word is about (targets.ts does).

import { z } from 'zod';
import { PhraseTrie } from './matcher.js';
import { projectPath } from '../../lib/project-paths.js';
import { DataFileLog } from '../data-files.js';
import type { SentenceScope } from './scope.js';
import { negatorBefore } from './scope.js';
import type { CueHit } from '../types.js';

export const LOADED_CATEGORIES = [
  'pejorative-label',
  'charged-verb',
  'charged-phrase',
  'extremity',
  'disparaging-description',
  'conflict-metaphor',
  'manner',
  'hyperbole',
  'praise',
] as const;
export type LoadedCategory = (typeof LOADED_CATEGORIES)[number];

const entrySchema = z.strictObject({
  phrase: z.string().trim().min(1, 'phrase is empty'),
  category: z.enum(LOADED_CATEGORIES),
  /** -1 unfavourable, +1 favourable to whom the word is about. */
  weight: z.number().min(-3).max(3),
});

const fileSchema = z.strictObject({
  name: z.literal('loaded-language'),
  version: z.string().min(1),
  description: z.string().optional(),
  categories: z.record(z.string(), z.string()).optional(),
  entries: z.array(entrySchema).min(1, 'no entries'),
});

export type LoadedEntry = z.infer<typeof entrySchema>;

export interface LoadedLanguage {
  version: string;
  trie: PhraseTrie<LoadedEntry>;
}

export function defaultLoadedLanguagePath(): string {
  return projectPath('analysis', 'lexicons', 'loaded-language.json');
}

/** Reads and validates a loaded-language file; a bad entry stops with the file and entry. */
export function loadLoadedLanguage(
  file: string = defaultLoadedLanguagePath(),
  files: DataFileLog = new DataFileLog(),
): LoadedLanguage {
  let raw: unknown;
  try {
    raw = JSON.parse(files.read(file));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`lexicon ${file}: cannot read it as JSON (${why})`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((issue) => {
      const [first, index] = issue.path;
      const entries = (raw as { entries?: { phrase?: unknown }[] }).entries;
      const phrase =
        first === 'entries' && typeof index === 'number' ? entries?.[index]?.phrase : undefined;
      const what = typeof phrase === 'string' ? ` ("${phrase}")` : '';
      return `${file}: ${issue.path.join('.')}${what}: ${issue.message}`;
    });
    throw new Error(`invalid lexicon file\n  ${lines.join('\n  ')}`);
  }
  const trie = new PhraseTrie<LoadedEntry>();
  for (const e of parsed.data.entries) trie.add(e.phrase, e);
  return { version: parsed.data.version, trie };
}

/**
 * Loaded-language cue hits of one sentence. A negated word ("not radical") is still the
 * writer's word choice, so it counts; `negated` records it and its weight is not flipped.
 */
export function findLoadedLanguage(
  scope: SentenceScope,
  segmentIndex: number,
  loaded: LoadedLanguage,
): CueHit[] {
  const { tokens } = scope;
  return loaded.trie.matchAll(tokens).map((m) => {
    const entry = m.entries[0]!;
    return {
      segment: segmentIndex,
      lexicon: 'loaded',
      entry: entry.phrase,
      category: entry.category,
      start: tokens[m.from]!.start,
      end: tokens[m.to - 1]!.end,
      weight: entry.weight,
      negated: negatorBefore(scope, m.from, 3) >= 0,
    };
  });
}

// Loads the scoring lexicons (tone, expectation, hedges, boosters, scope) from a folder of
// versioned JSON files, validates each with zod and compiles them into phrase tries; the
// files are read through a DataFileLog, so they are in the analyzer's data hash. A
// researcher can point Parallax at their own folder with the same five file names (and,
// optionally, a trained expectation-model.json, `npm run train`). It deliberately does no
// scoring.

import { join } from 'node:path';
import { z } from 'zod';
import { BOOSTER_TYPES, HEDGE_TYPES } from '../vocabulary/cues.js';
import { EXPECTATION_LABELS } from '../vocabulary/expectation.js';
import { TONE_CATEGORIES } from '../vocabulary/tone.js';
import { DataFileLog } from '../data-files.js';
import {
  MODEL_FILE,
  readExpectationModel,
  type ExpectationModel,
} from './expectation-model-file.js';
import { PhraseTrie } from './matcher.js';
import { projectPath } from '../../lib/project-paths.js';

const phrase = z.string().trim().min(1, 'phrase is empty');

export const toneEntrySchema = z.strictObject({
  phrase,
  category: z.enum(TONE_CATEGORIES),
  weight: z.number().min(-5).max(5),
});

/**
 * `cue` entries carry their own move and label. The other roles are building blocks that
 * expectation.ts combines within a clause (e.g. negator + outcome → no-breakthrough).
 */
export const EXPECTATION_ROLES = [
  'cue',
  'outcome',
  'expectation-noun',
  'lowering-verb',
  'raising-verb',
  'realised-verb',
  'minimiser',
  'modal',
  'expect-verb',
  'positive-prospect',
  'negative-prospect',
  /** Consumes words so a shorter cue inside does not fire ("a few" is not the minimiser "few"). */
  'blocker',
  /** What an expectation is about (visit, talks, relations): a modal prospect needs one in the sentence. */
  'target',
  /** Predicative doubt on an outcome: "a breakthrough is unlikely", "a deal remains elusive". */
  'doubt-predicate',
  /** Verbs of change that lower when negated under a modal ("will not alter") and say nothing otherwise. */
  'change-verb',
  /** Verbs that avert a negative prospect ("reduce the risk of escalation"): no setback predicted. */
  'averting-verb',
  /** A negated prediction ("unlikely to", "few expect"): lowers when the sentence names a target. */
  'negative-modal',
  /** Harm to something under a modal ("could undermine the talks"): a setback only when a target is named. */
  'harm-verb',
  /** Fear or concern + a modal ("concerns that the talks could …"): lowers when a target is named. */
  'apprehension',
  /** Predicative possibility on an outcome: "a deal is possible", "an accord now within sight". */
  'possibility-predicate',
  /** Degree adjectives ("big", "key", "supreme") that make a stakes noun weigh ("a supreme test"). */
  'intensity',
  /** Nouns of a testing time ("test", "week", "moment") that stakes the talks when intensified. */
  'stakes-noun',
  /** Nouns of weight ("significance", "importance"): with a degree adjective, the talks matter. */
  'significance-noun',
  /** Verbs by which talks move on ("as talks advance", "the negotiations progress"). */
  'progress-verb',
  /** Verbs by which an event comes about ("take place", "happen"): negated, the talks are off. */
  'occurrence-verb',
  /** Nouns of worry ("concerns", "doubts", "anxiety"): raised or voiced they lower, allayed they raise. */
  'worry-noun',
  /** Verbs that raise or voice a worry ("raises anxiety", "expressed caution"). */
  'voicing-verb',
  /** Verbs that allay a worry ("tamping down concerns", "dispel doubts"). */
  'allaying-verb',
  /** Verbs by which a worry or an obstacle stays ("doubts remain"). */
  'persisting-verb',
  /** Verbs that clear an obstacle ("clears an obstacle to talks", "cleared the way for"). */
  'clearing-verb',
  /** What stands in the talks' way ("obstacle", "hurdle", "the way for"). */
  'obstacle-noun',
] as const;

export const expectationEntrySchema = z
  .strictObject({
    phrase,
    role: z.enum(EXPECTATION_ROLES),
    move: z.string().min(1).optional(),
    label: z.enum(EXPECTATION_LABELS).optional(),
    weight: z.number().positive().max(5).optional(),
  })
  .refine((e) => e.role !== 'cue' || (e.move !== undefined && e.label !== undefined), {
    message: 'a "cue" entry needs a "move" and a "label"',
  });

export const hedgeEntrySchema = z.strictObject({
  phrase,
  type: z.enum(HEDGE_TYPES),
});

export const boosterEntrySchema = z.strictObject({
  phrase,
  type: z.enum(BOOSTER_TYPES),
});

export const scopeEntrySchema = z.strictObject({
  phrase,
  /**
   * complement: a head taking an infinitive ("able to", "going to"); negated, it negates the
   * rest of its clause. shifter: a verb that reverses what it takes ("lost a great chance",
   * "eased tensions"); intensifier / downtoner: a degree adverb ("very", "slightly").
   * The last three concern tone only.
   */
  role: z.enum([
    'negator',
    'pseudo-negator',
    'clause-boundary',
    'contrast',
    'subordinator',
    'complement',
    'shifter',
    'intensifier',
    'downtoner',
  ]),
});

export type ToneEntry = z.infer<typeof toneEntrySchema>;
export type ExpectationEntry = z.infer<typeof expectationEntrySchema>;
export type ExpectationRole = ExpectationEntry['role'];
export type HedgeEntry = z.infer<typeof hedgeEntrySchema>;
export type BoosterEntry = z.infer<typeof boosterEntrySchema>;
export type ScopeEntry = z.infer<typeof scopeEntrySchema>;

/** Hedges and boosters share one trie so that "no doubt" (booster) beats "doubt" (hedge). */
export type StanceEntry =
  ({ lexicon: 'hedge' } & HedgeEntry) | ({ lexicon: 'booster' } & BoosterEntry);

const FILES = {
  'diplomacy-tone': toneEntrySchema,
  expectation: expectationEntrySchema,
  hedges: hedgeEntrySchema,
  boosters: boosterEntrySchema,
  scope: scopeEntrySchema,
} as const;

export type LexiconName = keyof typeof FILES;
export const LEXICON_FILES = Object.keys(FILES) as LexiconName[];

export interface Lexicons {
  /** The folder the files were read from. */
  dir: string;
  versions: Record<LexiconName, string>;
  tone: PhraseTrie<ToneEntry>;
  expectation: PhraseTrie<ExpectationEntry>;
  stance: PhraseTrie<StanceEntry>;
  scope: PhraseTrie<ScopeEntry>;
  /** The folder's trained expectation model (expectation-model.ts), null if it has none. */
  expectationModel: ExpectationModel | null;
}

/** The lexicons shipped with Parallax (analysis/lexicons, also when running from dist/). */
export function defaultLexiconDir(): string {
  return projectPath('analysis', 'lexicons');
}

function fileSchema<S extends z.ZodType>(entry: S) {
  return z.strictObject({
    name: z.string().min(1),
    version: z.string().min(1),
    description: z.string().optional(),
    entries: z.array(entry).min(1, 'no entries'),
  });
}

function describeIssue(file: string, raw: unknown, issue: z.core.$ZodIssue): string {
  const [first, index, ...rest] = issue.path;
  if (first === 'entries' && typeof index === 'number') {
    const entries = (raw as { entries?: unknown[] }).entries;
    const entry = entries?.[index] as { phrase?: unknown } | undefined;
    const what = typeof entry?.phrase === 'string' ? ` ("${entry.phrase}")` : '';
    const field = rest.length > 0 ? ` field "${rest.join('.')}":` : '';
    return `${file}: entry ${index}${what}:${field} ${issue.message}`;
  }
  const where = issue.path.length > 0 ? ` field "${issue.path.join('.')}":` : '';
  return `${file}:${where} ${issue.message}`;
}

function readLexiconFile<S extends z.ZodType>(
  files: DataFileLog,
  dir: string,
  name: LexiconName,
  entry: S,
) {
  const file = join(dir, `${name}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(files.read(file));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`lexicon ${file}: cannot read it as JSON (${why})`);
  }
  const parsed = fileSchema(entry).safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((i) => describeIssue(file, raw, i));
    throw new Error(`invalid lexicon file\n  ${lines.join('\n  ')}`);
  }
  if (parsed.data.name !== name) {
    throw new Error(`lexicon ${file}: "name" is "${parsed.data.name}", expected "${name}"`);
  }
  return parsed.data;
}

/**
 * Loads, validates and compiles the five lexicon files of `dir` (default: the shipped ones),
 * recording each in `files` (the analyzer's data hash is computed from it).
 */
export function loadLexicons(
  dir: string = defaultLexiconDir(),
  files: DataFileLog = new DataFileLog(),
): Lexicons {
  const versions = {} as Record<LexiconName, string>;
  const tone = readLexiconFile(files, dir, 'diplomacy-tone', toneEntrySchema);
  const expectation = readLexiconFile(files, dir, 'expectation', expectationEntrySchema);
  const hedges = readLexiconFile(files, dir, 'hedges', hedgeEntrySchema);
  const boosters = readLexiconFile(files, dir, 'boosters', boosterEntrySchema);
  const scope = readLexiconFile(files, dir, 'scope', scopeEntrySchema);
  for (const file of [tone, expectation, hedges, boosters, scope]) {
    versions[file.name as LexiconName] = file.version;
  }
  const stance = new PhraseTrie<StanceEntry>();
  for (const e of hedges.entries) stance.add(e.phrase, { lexicon: 'hedge', ...e });
  for (const e of boosters.entries) stance.add(e.phrase, { lexicon: 'booster', ...e });
  return {
    dir,
    versions,
    tone: new PhraseTrie(tone.entries.map((e) => ({ phrase: e.phrase, entry: e }))),
    expectation: new PhraseTrie(expectation.entries.map((e) => ({ phrase: e.phrase, entry: e }))),
    stance,
    scope: new PhraseTrie(scope.entries.map((e) => ({ phrase: e.phrase, entry: e }))),
    expectationModel: readExpectationModel(files, join(dir, MODEL_FILE)),
  };
}

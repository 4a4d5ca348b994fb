// The trained expectation model's data file (lexicons/expectation-model.json, written by
// `npm run train`): its format, validated with zod, and how a lexicon folder's copy is read
// through the data file log (absent: null, rules only). Kept apart from the model's use
// (expectation-model.ts) so the lexicon loader can read it without importing the scoring.

import { z } from 'zod';
import type { DataFileLog } from '../data-files.js';
import { EXPECTATION_LABELS } from '../vocabulary/expectation.js';

/** The classes the model chooses between: the four expectation labels. */
export const MODEL_CLASSES = EXPECTATION_LABELS;

const perClass = z.strictObject({
  lowers: z.number(),
  raises: z.number(),
  hedged: z.number(),
  none: z.number(),
});
export type PerClass = z.infer<typeof perClass>;

export const expectationModelSchema = z.strictObject({
  name: z.literal('expectation-model'),
  version: z.string().min(1),
  description: z.string().optional(),
  /** How the weights were made: the command, the gold sets, what was learned from. */
  training: z.strictObject({
    command: z.string(),
    sets: z.array(z.string()),
    events: z.number().int().nonnegative(),
    examples: z.number().int().nonnegative(),
    l2: z.number().nonnegative(),
    /** A feature is kept only when it occurs in at least this many training events. */
    minEvents: z.number().int().positive(),
  }),
  /** Added to each class's score before the arg-max (tuned for macro-F1 by leave-one-event-out). */
  offsets: perClass,
  /**
   * Where the rules gave a label, the model's different label replaces it only when the
   * model gives it at least this probability (above 1: never; the model then decides only
   * where the rules say none).
   */
  override: z.number().min(0),
  bias: perClass,
  /** feature → class → weight. */
  weights: z.record(z.string().min(1), perClass),
});
export type ExpectationModel = z.infer<typeof expectationModelSchema>;

export const MODEL_FILE = 'expectation-model.json';

/** The model of a lexicon folder, or null when the folder has none (rules only). */
export function readExpectationModel(files: DataFileLog, path: string): ExpectationModel | null {
  const text = files.readIfExists(path);
  if (text === null) return null;
  return parseExpectationModel(text, path);
}

/** Parses and validates a model file's text; a bad file is a clear error naming the field. */
export function parseExpectationModel(text: string, path: string): ExpectationModel {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(
      `expectation model ${path}: cannot read it as JSON (${(err as Error).message})`,
    );
  }
  const parsed = expectationModelSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` field "${issue.path.join('.')}":` : '';
    throw new Error(`invalid expectation model ${path}:${where} ${issue.message}`);
  }
  return parsed.data;
}

// The rows `npm run gold` (cli/gold.ts) reads: a set's sources.jsonl, the corpus's articles,
// and labels kept as character offsets. Apart from gold.ts so that it loads zod and the
// gold row schema only once its arguments are read.

import { z } from 'zod';
import { goldRowSchema } from '../analysis/evaluation/evaluate.js';

export { goldRowSchema };

export const sourceSchema = z.object({
  doc: z.string().regex(/^[a-z0-9_.-]+$/),
  id: z.string().min(1),
  paragraphs: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Source = z.infer<typeof sourceSchema>;

export const corpusRowSchema = z.object({ id: z.string(), title: z.string(), text: z.string() });

/** A gold row without its text: the text is doc[start, end). */
export const packedRowSchema = goldRowSchema
  .omit({ text: true })
  .extend({ start: z.number().int().min(0), end: z.number().int().min(1) });
export type PackedRow = z.infer<typeof packedRowSchema>;

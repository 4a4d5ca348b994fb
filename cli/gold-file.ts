// Reading a gold set's JSONL files for `npm run eval`: one JSON object per line, each
// checked against a schema. A bad line stops the command with the file and line number
// (GoldFileError, reported like a usage error), since a half-read gold set measures nothing.

import { readFileSync } from 'node:fs';
import type { z } from 'zod';

export class GoldFileError extends Error {}

export function readGoldJsonl<S extends z.ZodType>(file: string, schema: S): z.infer<S>[] {
  const rows: z.infer<S>[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new GoldFileError(`${file} line ${i + 1}: not valid JSON`);
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new GoldFileError(
          `${file} line ${i + 1}: ${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid row'}`,
        );
      }
      rows.push(parsed.data);
    });
  return rows;
}

// The actors file: who the story's speakers are and which side they speak for. An editable
// JSON data file (analysis/actors/<story>.json), validated at load. This module loads and
// indexes it; it deliberately does not decide sides for speakers it does not list (the
// role rules in speakers.ts do that, with or without an actors file).

import { z } from 'zod';
import { SPEAKER_SIDES } from '../vocabulary/sides.js';
import { projectPath } from '../../lib/project-paths.js';
import { DataFileLog } from '../data-files.js';

const SideSchema = z.enum(SPEAKER_SIDES);

const ActorSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  side: SideSchema,
  role: z.string().nullable().default(null),
});

const ActorsFileSchema = z.object({
  version: z.string(),
  story: z.string().optional(),
  actors: z.array(ActorSchema),
});

export type Actor = z.infer<typeof ActorSchema>;

export interface Actors {
  actors: Actor[];
  /** Lower-cased name or alias (curly apostrophes straightened) → actor. */
  byAlias: Map<string, Actor>;
}

export const NO_ACTORS: Actors = { actors: [], byAlias: new Map() };

/** The key names and aliases are looked up by. */
export function actorKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function indexActors(actors: Actor[]): Actors {
  const byAlias = new Map<string, Actor>();
  for (const actor of actors) {
    for (const alias of [actor.name, ...actor.aliases]) byAlias.set(actorKey(alias), actor);
  }
  return { actors, byAlias };
}

/** Validate parsed JSON as an actors file; `source` names the file in error messages. */
export function parseActors(data: unknown, source: string): Actors {
  const result = ActorsFileSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    const entry =
      issue && issue.path[0] === 'actors' && typeof issue.path[1] === 'number'
        ? ` (entry ${JSON.stringify((data as { actors: unknown[] }).actors[issue.path[1]])})`
        : '';
    throw new Error(
      `Invalid actors file ${source}: at "${where}": ${issue?.message ?? 'bad shape'}${entry}. ` +
        `Each actor needs name, aliases (list), side (${SPEAKER_SIDES.join(' | ')}), role.`,
    );
  }
  return indexActors(result.data.actors);
}

/** The bundled US-China actors file. */
export function defaultActorsPath(): string {
  return projectPath('analysis', 'actors', 'us-china.json');
}

/** Load an actors file (default: the bundled one), recording it in `files`. */
export function loadActors(
  path: string = defaultActorsPath(),
  files: DataFileLog = new DataFileLog(),
): Actors {
  let data: unknown;
  try {
    data = JSON.parse(files.read(path));
  } catch (err) {
    throw new Error(`Cannot read actors file ${path}: ${(err as Error).message}`);
  }
  return parseActors(data, path);
}

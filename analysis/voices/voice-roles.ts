// The word lists behind source finding and sides (analysis/lexicons/voice-roles.json):
// determiners, role nouns, titles, organisation words, document nouns, attribution nouns,
// side markers and office holders. Loaded and validated once, at import. It deliberately
// holds no rules: attribution.ts, source-phrase.ts, speakers.ts and sides.ts use the lists.

import { z } from 'zod';
import { projectPath } from '../../lib/project-paths.js';
import { moduleData } from '../data-files.js';
import type { SpeakerSide } from '../vocabulary/sides.js';

const FILE = 'analysis/lexicons/voice-roles.json';
const word = z
  .string()
  .min(1)
  .refine((w) => w === w.toLowerCase(), 'entries must be lower-case');
const words = z.array(word);
const described = z.object({ description: z.string().optional(), words });

const RolesSchema = z.object({
  version: z.string(),
  description: z.string().optional(),
  determiners: words,
  roleNouns: words,
  npAdjectives: words,
  nameParticles: described,
  titleSurnames: described,
  titleWords: words,
  mediaWords: described,
  newspaperNames: described,
  outletKinds: z.object({ description: z.string().optional(), print: words, broadcast: words }),
  orgWords: words,
  bodiesWithAnd: described,
  documentNouns: words,
  attributionNouns: z.object({
    description: z.string().optional(),
    neutral: words,
    distancing: words,
  }),
  controlVerbs: described,
  stanceAdjectives: described,
  timeWords: z.object({ description: z.string().optional(), prepositions: words, heads: words }),
  sides: z.object({
    description: z.string().optional(),
    analystWords: words,
    governmentWords: words,
    chinaMarkers: words,
    usMarkers: words,
    otherCountryMarkers: words,
    chineseSurnames: words,
  }),
  officeHolders: z.object({
    description: z.string().optional(),
    entries: z.array(
      z.object({
        side: z.string().regex(/^[a-z][a-z0-9_]*$/),
        office: z.string().min(1),
        names: z.array(z.string().min(1)),
      }),
    ),
  }),
});

/** Validate the parsed voice-roles file; `source` names it in the error. Exported for tests. */
export function parseVoiceRoles(data: unknown, source: string) {
  const parsed = RolesSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    let entry: unknown = data;
    for (const key of path)
      entry = (entry as Record<string | number, unknown>)?.[key as string | number];
    throw new Error(
      `Invalid lexicon ${source} at "${path.join('.')}": ${issue?.message ?? 'bad shape'}` +
        ` (entry ${JSON.stringify(entry)})`,
    );
  }
  return parsed.data;
}

const data = parseVoiceRoles(
  JSON.parse(moduleData.read(projectPath('analysis', 'lexicons', 'voice-roles.json'))),
  FILE,
);

export const ROLES = {
  version: data.version,
  determiners: new Set(data.determiners),
  roleNouns: new Set(data.roleNouns),
  npAdjectives: new Set(data.npAdjectives),
  nameParticles: new Set(data.nameParticles.words),
  titleSurnames: new Set(data.titleSurnames.words),
  titleWords: new Set(data.titleWords),
  mediaWords: new Set(data.mediaWords.words),
  newspaperNames: new Set(data.newspaperNames.words),
  printWords: new Set([...data.outletKinds.print, ...data.newspaperNames.words]),
  broadcastWords: new Set(data.outletKinds.broadcast),
  orgWords: new Set(data.orgWords),
  /** Government bodies with "and" inside, as the words before and after it. */
  bodiesWithAnd: data.bodiesWithAnd.words.map(bodyParts),
  documentNouns: new Set(data.documentNouns),
  attributionNouns: new Map<string, 'neutral' | 'distancing'>([
    ...data.attributionNouns.neutral.map((w) => [w, 'neutral'] as const),
    ...data.attributionNouns.distancing.map((w) => [w, 'distancing'] as const),
  ]),
  controlVerbs: new Set(data.controlVerbs.words),
  stanceAdjectives: new Set(data.stanceAdjectives.words),
  timePrepositions: new Set(data.timeWords.prepositions),
  timeHeads: new Set(data.timeWords.heads),
  sides: data.sides,
  /** Lower-cased full name of a national office holder → the offices held. */
  officesOf: officesByName(data.officeHolders.entries, data.sides.chineseSurnames),
  /**
   * Office holders listed with a middle initial, lower-cased without it ("george bush" for
   * "George W. Bush"): a name written with another initial ("George P. Bush") is not theirs.
   */
  initialledHolders: new Set(
    data.officeHolders.entries.flatMap((e) =>
      e.names
        .map((n) => n.toLowerCase().split(' '))
        .filter((w) => w.some((x, k) => k > 0 && k < w.length - 1 && /^\p{L}\.$/u.test(x)))
        .map((w) =>
          w.filter((x, k) => k === 0 || k === w.length - 1 || !/^\p{L}\.$/u.test(x)).join(' '),
        ),
    ),
  ),
  /** Lower-cased full name, and surname for Western-order names, of a national office holder → side. */
  officeHolders: new Map<string, SpeakerSide>(
    data.officeHolders.entries.flatMap((e) =>
      e.names.flatMap((n) => {
        const words = n.toLowerCase().split(' ');
        // Also without middle initials, as sides.ts's holderKey reads a name ("George W. Bush").
        const bare = words.filter(
          (w, k) => k === 0 || k === words.length - 1 || !/^\p{L}\.$/u.test(w),
        );
        const keys = [...new Set([words.join(' '), bare.join(' ')])];
        if (!data.sides.chineseSurnames.includes(words[0]!)) keys.push(words[words.length - 1]!);
        return keys.map((k) => [k, e.side] as const);
      }),
    ),
  ),
};

// Keyed like officeHolders: the full name, and the surname of Western-order names.
function officesByName(
  entries: { office: string; names: string[] }[],
  chineseSurnames: string[],
): Map<string, string[]> {
  const offices = new Map<string, string[]>();
  for (const e of entries)
    for (const n of e.names) {
      const words = n.toLowerCase().split(' ');
      const keys = [words.join(' ')];
      if (!chineseSurnames.includes(words[0]!)) keys.push(words[words.length - 1]!);
      for (const k of keys) offices.set(k, [...(offices.get(k) ?? []), e.office]);
    }
  return offices;
}

/** "banking, housing and urban affairs" → the words before "and" and after it. */
function bodyParts(name: string): { before: string[]; after: string[] } {
  const [before = '', after = ''] = name.split(' and ');
  const words = (part: string) => part.split(/[\s,]+/).filter((w) => w.length > 0);
  return { before: words(before), after: words(after) };
}

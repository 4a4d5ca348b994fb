// The stance-predicate lexicon (analysis/lexicons/stance-predicates.json): linking verbs that
// join a subject to a stance adjective ("Meadows seemed hopeful"), emotion and attitude
// adjectives that report a view before a complement ("advocates were furious that") and verb
// phrases whose object names a stance ("took exception to", "voiced concerns"). Loaded and
// validated once. It deliberately does not find the predicate's subject (attribution.ts).

import { z } from 'zod';
import { projectPath } from '../../lib/project-paths.js';
import { moduleData } from '../data-files.js';
import type { Token } from '../types.js';

const word = z.string().regex(/^[a-z]+$/);
const Schema = z.object({
  version: z.string(),
  linkingVerbs: z.array(word),
  complementAdjectives: z.array(z.object({ complements: z.array(word), words: z.array(word) })),
  phrases: z.array(
    z.object({
      lemma: z.string().min(1),
      forms: z.array(word).min(1),
      next: z.array(z.string().regex(/^(\*|[a-z]+)( (\*|[a-z]+))*$/)).min(1),
    }),
  ),
});

const FILE = 'analysis/lexicons/stance-predicates.json';

function load(): z.infer<typeof Schema> {
  const parsed = Schema.safeParse(JSON.parse(moduleData.read(projectPath(...FILE.split('/')))));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid lexicon ${FILE} at "${issue?.path.join('.')}": ${issue?.message}`);
  }
  return parsed.data;
}

const data = load();

export const LINKING_VERBS = new Set(data.linkingVerbs);

/** Each complement adjective with the words that may follow it ("furious" → that, about …). */
export const COMPLEMENT_ADJECTIVES = new Map<string, Set<string>>();
for (const group of data.complementAdjectives)
  for (const w of group.words) COMPLEMENT_ADJECTIVES.set(w, new Set(group.complements));

/** Phrase entries by verb form. */
const PHRASES = new Map<string, { lemma: string; next: string[][] }[]>();
for (const p of data.phrases) {
  const next = p.next.map((n) => n.split(' '));
  for (const f of p.forms) {
    const list = PHRASES.get(f) ?? [];
    list.push({ lemma: p.lemma, next });
    PHRASES.set(f, list);
  }
}

export const PHRASE_FORMS = new Set(PHRASES.keys());

// One word, with any hyphenated parts ("blood-curdling"), from `k`; the index after it, or -1.
function skipWord(tokens: Token[], k: number): number {
  const t = tokens[k];
  if (!t?.isWord || /^\p{Lu}/u.test(t.text)) return -1;
  k++;
  while (tokens[k]?.text === '-' && tokens[k + 1]?.isWord) k += 2;
  return k;
}

function matches(tokens: Token[], from: number, pattern: string[]): boolean {
  let k = from;
  for (const p of pattern) {
    if (p === '*') {
      const after = skipWord(tokens, k);
      if (after < 0) return false;
      k = after;
    } else {
      if (tokens[k]?.norm !== p) return false;
      k++;
    }
  }
  return true;
}

/** The lemma of a stance verb phrase whose verb is token `i`, or null. */
export function stancePhraseAt(tokens: Token[], i: number): string | null {
  for (const p of PHRASES.get(tokens[i]!.norm) ?? [])
    if (p.next.some((n) => matches(tokens, i + 1, n))) return p.lemma;
  return null;
}

/** Whether a complement adjective at `i` is followed by one of its complements. */
export function complementFollows(tokens: Token[], i: number): boolean {
  const wanted = COMPLEMENT_ADJECTIVES.get(tokens[i]!.norm);
  return !!wanted && wanted.has(tokens[i + 1]?.norm ?? '');
}

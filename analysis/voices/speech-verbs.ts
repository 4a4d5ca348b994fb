// The speech-verb lexicon (analysis/lexicons/speech-verbs.json): every form of each verb
// with its type (neutral, endorsing, distancing) and the conditions under which a form
// counts (a required next word, an excluded next word, the kind of subject). Loaded and
// validated once. It deliberately does not find the verb's source (attribution.ts).

import { z } from 'zod';
import { projectPath } from '../../lib/project-paths.js';
import { moduleData } from '../data-files.js';
import { QUOTE_MARKS } from './source-phrase.js';
import type { Token } from '../types.js';
import { ROLES } from './voice-roles.js';

const VerbsSchema = z.object({
  version: z.string(),
  verbs: z.array(
    z.object({
      lemma: z.string().min(1),
      type: z.enum(['neutral', 'endorsing', 'distancing']),
      forms: z.array(z.string().min(1)),
      /** The verb counts only when one of these follows within three tokens. */
      requiresNext: z.array(z.string()).optional(),
      /** The verb does not count when the next token is one of these ("hope to", "think of"). */
      excludeNext: z.array(z.string()).optional(),
      /** Who may be the subject: 'document' only a document or poll ("polls show"),
       *  'source' a name, role, pronoun or document but not any noun ("signs suggest"). */
      subject: z.enum(['document', 'source']).optional(),
      /** A subject condition that holds unless one of `words` follows within three tokens
       *  ("point to" needs a source, "point out" takes any subject). */
      subjectUnlessNext: z
        .object({
          words: z.array(z.string().min(1)).min(1),
          subject: z.enum(['document', 'source']),
        })
        .optional(),
      /** The verb does not count after one of these words ("could point to"). */
      excludePrev: z.array(z.string()).optional(),
      /** The verb also counts before "to" and a verb ("threatened to veto") when its subject
       *  is a person, not "it" nor a common noun ("tensions threaten to boil over"). */
      toInfinitive: z.boolean().optional(),
      /** The verb counts only in a reporting clause right after a closing quotation mark
       *  ("“…,” Issa snapped", "“…,” the report states"). */
      afterQuote: z.boolean().optional(),
    }),
  ),
});

export type VerbType = 'neutral' | 'endorsing' | 'distancing';
export type VerbEntry = z.infer<typeof VerbsSchema>['verbs'][number];

const verbsFile: unknown = JSON.parse(
  moduleData.read(projectPath('analysis', 'lexicons', 'speech-verbs.json')),
);

function loadVerbs(): Map<string, VerbEntry> {
  const parsed = VerbsSchema.safeParse(verbsFile);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Invalid lexicon analysis/lexicons/speech-verbs.json at "${issue?.path.join('.')}": ${issue?.message}`,
    );
  }
  const byForm = new Map<string, VerbEntry>();
  for (const v of parsed.data.verbs) for (const f of v.forms) byForm.set(f, v);
  return byForm;
}

export const VERBS = loadVerbs();

/**
 * Whether one of `wanted` (or a quotation mark, for "quote") follows within three tokens.
 * Where "that" would do, a clause without it does too ("Russia maintains it has not …",
 * "CNN reported Wednesday White House officials were …").
 */
export function followedBy(tokens: Token[], i: number, wanted: string[]): boolean {
  for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (wanted.includes(t.norm)) return true;
    if (QUOTE_MARKS.has(t.text) && wanted.includes('quote')) return true;
  }
  return wanted.includes('that') && clauseFollows(tokens, i);
}

// Subjects of a reported clause without "that": a pronoun, or a short name or role phrase.
const CLAUSE_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'this', 'there']);
// Auxiliaries and forms of "be" that make the next words a finite clause.
const FINITE = new Set(
  'is are was were has have had will would could can may might should must did does do'.split(' '),
);

// The index after a time phrase starting at n ("Wednesday", "on Monday"), or n if none.
function afterTimePhrase(tokens: Token[], n: number): number {
  if (ROLES.timeHeads.has(tokens[n]?.norm ?? '')) return n + 1;
  if (
    ROLES.timePrepositions.has(tokens[n]?.norm ?? '') &&
    ROLES.timeHeads.has(tokens[n + 1]?.norm ?? '')
  )
    return n + 2;
  return n;
}

// After the verb (and perhaps a time phrase: "reported Wednesday"), a subject of one to four
// words then an auxiliary: "… it has not armed …", "… White House officials were …".
function clauseFollows(tokens: Token[], i: number): boolean {
  const n = afterTimePhrase(tokens, i + 1);
  const first = tokens[n];
  if (!first?.isWord) return false;
  if (CLAUSE_PRONOUNS.has(first.norm)) return FINITE.has(tokens[n + 1]?.norm ?? '');
  let k = first.norm === 'the' ? n + 1 : n;
  const from = k;
  while (
    k < from + 4 &&
    tokens[k]?.isWord &&
    (/^\p{Lu}/u.test(tokens[k]!.text) || ROLES.roleNouns.has(tokens[k]!.norm))
  )
    k++;
  return k > from && /^\p{Lu}/u.test(tokens[from]!.text) && FINITE.has(tokens[k]?.norm ?? '');
}

// The verb ends its sentence, perhaps after a time phrase: "…, Xinhua reported on Monday."
export function closesSentence(tokens: Token[], i: number): boolean {
  const n = afterTimePhrase(tokens, i + 1);
  const next = tokens[n];
  return !next || (!next.isWord && /^[.!;]$/.test(next.text));
}

/**
 * Whether the verb at `i` stands in a reporting clause right after a closing quotation
 * mark: "“…,” echoed Rep. Randy Weber", "“…,” Issa snapped", "“…,” the report states" (the
 * source between the quotation and the verb is a few words, perhaps abbreviated).
 */
export function afterClosingQuote(tokens: Token[], i: number, inQuote: boolean[]): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 7; j--) {
    const t = tokens[j]!;
    if (QUOTE_MARKS.has(t.text)) return j > 0 && (inQuote[j - 1] ?? false);
    // "“…”, Issa snapped": a comma after the closing mark.
    if (t.text === ',' && QUOTE_MARKS.has(tokens[j - 1]?.text ?? '')) continue;
    if (!t.isWord && t.text !== '.' && !/^['’]s?$/.test(t.text)) return false;
  }
  return false;
}

// Issues an article stresses, from an editable issue lexicon (shipped: US-China relations,
// lexicons/issues-us-china.json): every phrase of every issue is compiled into one token
// trie, so a sentence is matched in one pass whatever the lexicon's size. It deliberately
// does no weighting, negation or scope: an issue named is an issue raised, and the
// comparison (per 1,000 words, per outlet) is the caller's.

import { z } from 'zod';
import { DataFileLog } from '../data-files.js';
import { PhraseTrie } from './matcher.js';
import { projectPath } from '../../lib/project-paths.js';
import type { CueHit, Token } from '../types.js';

const issueSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lower-case words joined by "-"'),
  label: z.string().trim().min(1, 'label is empty'),
  terms: z.array(z.string().trim().min(1, 'term is empty')).min(1, 'no terms'),
});

const issueFileSchema = z.strictObject({
  name: z.string().min(1),
  version: z.string().min(1),
  description: z.string().optional(),
  issues: z.array(issueSchema).min(1, 'no issues'),
});

export type IssueDefinition = z.infer<typeof issueSchema>;

export interface IssueLexicon {
  name: string;
  version: string;
  issues: IssueDefinition[];
  /** All terms of all issues, compiled; an entry is (issue id, term as written). */
  trie: PhraseTrie<{ issue: string; term: string }>;
}

export interface IssueCount {
  /** Issue id, e.g. 'taiwan'. */
  issue: string;
  hits: CueHit[];
}

export function defaultIssueLexiconPath(): string {
  return projectPath('analysis', 'lexicons', 'issues-us-china.json');
}

/** Validates and compiles an issue lexicon; `source` names the file in error messages. */
export function parseIssueLexicon(raw: unknown, source: string): IssueLexicon {
  const parsed = issueFileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((issue) => {
      const [first, index] = issue.path;
      const entry =
        first === 'issues' && typeof index === 'number'
          ? (raw as { issues?: { id?: unknown }[] }).issues?.[index]
          : undefined;
      const which = typeof entry?.id === 'string' ? ` (issue "${entry.id}")` : '';
      return `${source}: ${issue.path.join('.') || '(file)'}${which}: ${issue.message}`;
    });
    throw new Error(`invalid issue lexicon\n  ${lines.join('\n  ')}`);
  }
  const { name, version, issues } = parsed.data;
  const seen = new Map<string, string>();
  const trie = new PhraseTrie<{ issue: string; term: string }>();
  for (const issue of issues) {
    if (seen.has(`#${issue.id}`))
      throw new Error(`${source}: issue id "${issue.id}" appears twice`);
    seen.set(`#${issue.id}`, issue.id);
    for (const term of issue.terms) {
      // One phrase, one issue: a term listed under two issues would be counted twice.
      const key = term.toLowerCase();
      const owner = seen.get(key);
      if (owner) {
        throw new Error(`${source}: term "${term}" is listed under "${owner}" and "${issue.id}"`);
      }
      seen.set(key, issue.id);
      trie.add(term, { issue: issue.id, term });
    }
  }
  return { name, version, issues, trie };
}

/** Reads an issue lexicon file (default: the shipped US-China lexicon), recording it in `files`. */
export function loadIssueLexicon(
  file: string = defaultIssueLexiconPath(),
  files: DataFileLog = new DataFileLog(),
): IssueLexicon {
  let raw: unknown;
  try {
    raw = JSON.parse(files.read(file));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`issue lexicon ${file}: cannot read it as JSON (${why})`);
  }
  return parseIssueLexicon(raw, file);
}

/**
 * Issues named in one segment's tokens, as cue hits (lexicon 'issue', category = issue id,
 * offsets from the tokens), grouped by issue in lexicon order; issues without a hit are left out.
 */
export function countIssues(
  tokens: readonly Token[],
  segmentIndex: number,
  lexicon: IssueLexicon,
): IssueCount[] {
  const byIssue = new Map<string, CueHit[]>();
  for (const match of lexicon.trie.matchAll(tokens)) {
    const first = tokens[match.from]!;
    const last = tokens[match.to - 1]!;
    for (const { issue, term } of match.entries) {
      const hits = byIssue.get(issue) ?? [];
      hits.push({
        segment: segmentIndex,
        lexicon: 'issue',
        entry: term,
        category: issue,
        start: first.start,
        end: last.end,
        weight: 1,
        negated: false,
      });
      byIssue.set(issue, hits);
    }
  }
  return lexicon.issues
    .filter((issue) => byIssue.has(issue.id))
    .map((issue) => ({ issue: issue.id, hits: byIssue.get(issue.id)! }));
}

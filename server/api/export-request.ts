// Reads and checks an export's name and filters (from a query string or command-line flags)
// against the store, before the first byte is written. Shared by /export/<what>.csv and
// `npm run export`; each turns an ExportRequestError into its own refusal (404/400, exit 1/2).

import { z } from 'zod';
import { PARTS } from '../../analysis/comparison/compare.js';
import type { Store } from '../../db/store.js';
import { EXPORTS, takesPart } from './csv.js';
import type { ExportName, ExportRequest } from './csv.js';

export class ExportRequestError extends Error {
  constructor(
    /** not-found: the export, story, outlet or article does not exist; bad: a malformed filter. */
    readonly kind: 'not-found' | 'bad',
    message: string,
  ) {
    super(message);
  }
}

const FILTERS =
  'story=<story slug>, outlet=<outlet slug>, article=<article id>, part=all|lead|body (summary, summary_parties and terms)';

/** What each filter takes, in plain words (the same as `npm run export -- --help`). */
const TAKES: Record<string, string> = {
  story: 'a story slug',
  outlet: 'an outlet slug',
  article: 'an article id, a whole number',
  part: `${PARTS.slice(0, -1).join(', ')} or ${PARTS.at(-1)}`,
};

const filterSchema = z
  .object({
    story: z.string().min(1).optional(),
    outlet: z.string().min(1).optional(),
    article: z.coerce.number().int().positive().optional(),
    part: z.enum(PARTS as readonly ['all', 'lead', 'body']).optional(),
  })
  .strict();

export async function checkExportRequest(
  store: Store,
  what: string,
  filters: Record<string, unknown>,
): Promise<{ what: ExportName; request: ExportRequest }> {
  if (!(EXPORTS as readonly string[]).includes(what)) {
    throw new ExportRequestError(
      'not-found',
      `No export “${what}”. Exports: ${EXPORTS.join(', ')}.`,
    );
  }
  const name = what as ExportName;
  const parsed = filterSchema.safeParse(filters);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || ('keys' in issue ? issue.keys.join(', ') : '');
    const given = filters[field];
    const why =
      field in TAKES
        ? `${field} takes ${TAKES[field]}${typeof given === 'string' ? `, not “${given}”` : ''}`
        : 'no such filter';
    throw new ExportRequestError('bad', `Bad “${field}”: ${why}. Filters: ${FILTERS}.`);
  }
  const request: ExportRequest = parsed.data;
  if (request.part !== undefined && !takesPart(name)) {
    throw new ExportRequestError(
      'bad',
      'part applies to the summary, summary_parties and terms exports only.',
    );
  }
  if (request.article !== undefined && (takesPart(name) || name === 'facts')) {
    throw new ExportRequestError('bad', `article does not apply to the ${name} export; use story.`);
  }
  const stories = await store.listStories();
  if (request.story !== undefined && !stories.some((s) => s.slug === request.story)) {
    throw new ExportRequestError('not-found', `No story “${request.story}”.`);
  }
  if (
    request.outlet !== undefined &&
    !stories.some((s) => s.outlets.some((o) => o.slug === request.outlet))
  ) {
    throw new ExportRequestError('not-found', `No outlet “${request.outlet}”.`);
  }
  if (
    request.article !== undefined &&
    (await store.dataStamp({ article: request.article })).articles === 0
  ) {
    throw new ExportRequestError('not-found', `No article with id “${request.article}”.`);
  }
  return { what: name, request };
}

// CSV downloads: /export/<what>.csv?story=<slug>&outlet=<slug>&article=<id>&part=<part>,
// streamed from the store (server/api/csv.ts). Filters are checked before the first byte:
// an unknown export, story, outlet or article is a 404, a malformed parameter a 400.

import { Router } from 'express';
import type { Request } from 'express';
import { z } from 'zod';
import { PARTS } from '../../analysis/compare.js';
import type { Store } from '../../db/store.js';
import { HttpError } from '../app.js';
import { EXPORTS, exportFileName, exportRows, writeCsv } from '../api/csv.js';
import type { ExportName, ExportRequest } from '../api/csv.js';

const querySchema = z
  .object({
    story: z.string().min(1).optional(),
    outlet: z.string().min(1).optional(),
    article: z.coerce.number().int().positive().optional(),
    part: z.enum(PARTS as readonly ['all', 'lead', 'body']).optional(),
  })
  .strict();

/** Reads and checks an export's filters against the store; throws HttpError when they fail. */
export async function exportRequest(
  store: Store,
  what: string,
  query: Request['query'],
): Promise<{ what: ExportName; request: ExportRequest }> {
  if (!(EXPORTS as readonly string[]).includes(what)) {
    throw new HttpError(404, `No export “${what}”. Exports: ${EXPORTS.join(', ')}.`);
  }
  const name = what as ExportName;
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || ('keys' in issue ? issue.keys.join(', ') : '');
    throw new HttpError(
      400,
      `Bad “${field}” in the address: ${issue.message}. Filters: story=<story slug>, outlet=<outlet slug>, article=<article id>, part=all|lead|body (summary only).`,
    );
  }
  const request: ExportRequest = parsed.data;
  if (request.part !== undefined && name !== 'summary') {
    throw new HttpError(400, 'part applies to the summary export only.');
  }
  if (request.article !== undefined && (name === 'summary' || name === 'facts')) {
    throw new HttpError(400, `article does not apply to the ${name} export; use story.`);
  }
  const stories = await store.listStories();
  if (request.story !== undefined && !stories.some((s) => s.slug === request.story)) {
    throw new HttpError(404, `No story “${request.story}”.`);
  }
  if (
    request.outlet !== undefined &&
    !stories.some((s) => s.outlets.some((o) => o.slug === request.outlet))
  ) {
    throw new HttpError(404, `No outlet “${request.outlet}”.`);
  }
  if (request.article !== undefined && !(await store.getArticle(request.article))) {
    throw new HttpError(404, `No article with id “${request.article}”.`);
  }
  return { what: name, request };
}

export function exportRoutes(store: Store): Router {
  const router = Router();

  router.get('/export/:what.csv', async (req, res) => {
    const { what, request } = await exportRequest(store, req.params.what, req.query);
    const rows = await exportRows(store, what, request);
    res.type('text/csv; charset=utf-8').attachment(exportFileName(what, request));
    try {
      await writeCsv(what, rows, res);
    } catch (error) {
      // Headers are gone: a failure mid-stream can only cut the download short. A client
      // that hung up is no error of ours.
      if (!res.destroyed && !req.destroyed) console.error(error);
      res.destroy();
    }
  });

  return router;
}

// CSV downloads: /export/<what>.csv?story=<slug>&outlet=<slug>&article=<id>&part=<part>,
// streamed from the store (server/api/csv.ts). Filters are checked before the first byte
// (server/api/export-request.ts): an unknown export, story, outlet or article is a 404, a
// malformed or unknown parameter a 400.

import { Router } from 'express';
import type { Store } from '../../db/store.js';
import { HttpError } from '../http-error.js';
import { exportFileName, exportRows, writeCsv, type StoryComputations } from '../api/csv.js';
import type { PageJobs } from '../compute/page-jobs.js';
import type { PageTask, TaskValue } from '../compute/tasks.js';
import { checkExportRequest, ExportRequestError } from '../api/export-request.js';

export function exportRoutes(store: Store, jobs: PageJobs): Router {
  const router = Router();

  // The summary, summary_parties, facts and terms downloads take the story's figures from the worker (the same
  // results the pages keep); the download waits for them, the request thread does not.
  const computed = async <T extends PageTask>(task: T): Promise<TaskValue<T>> => {
    const job = await jobs.get(task, await store.storyVersion(task.slug), Infinity);
    if (job.state === 'failed') throw new HttpError(job.status, job.message);
    if (job.state !== 'ready') throw new Error(`${job.what} did not finish`);
    return job.value;
  };
  const computations: StoryComputations = {
    figures: (story, part) => computed({ kind: 'api-story', slug: story.slug, part }),
    framing: async (story, part) => {
      const outlets = await computed({ kind: 'api-story', slug: story.slug, part });
      return {
        figures: outlets,
        framing: outlets.flatMap((o) => (o.framing ? [{ outlet: o.outlet, ...o.framing }] : [])),
      };
    },
    facts: (story) => computed({ kind: 'facts', slug: story.slug }),
    words: (story, part) => computed({ kind: 'words', slug: story.slug, part }),
  };

  router.get('/export/:what.csv', async (req, res) => {
    let checked;
    try {
      checked = await checkExportRequest(store, req.params.what, req.query);
    } catch (error) {
      if (!(error instanceof ExportRequestError)) throw error;
      throw new HttpError(error.kind === 'not-found' ? 404 : 400, error.message);
    }
    const { what, request } = checked;
    const rows = await exportRows(store, what, request, computations);
    res.type('text/csv; charset=utf-8').attachment(exportFileName(what, request));
    try {
      await writeCsv(what, rows, res);
    } catch (error) {
      // Headers are gone: a failure mid-stream can only cut the download short. A client
      // that hung up is no error of ours.
      if (!req.destroyed) console.error(error);
      res.destroy();
    }
  });

  return router;
}

// CSV downloads: /export/<what>.csv?story=<slug>&outlet=<slug>&article=<id>&part=<part>,
// streamed from the store (server/api/csv.ts). Filters are checked before the first byte
// (server/api/export-request.ts): an unknown export, story, outlet or article is a 404, a
// malformed or unknown parameter a 400.

import { Router } from 'express';
import type { Store } from '../../db/store.js';
import { HttpError } from '../http-error.js';
import { exportFileName, exportRows, writeCsv } from '../api/csv.js';
import { checkExportRequest, ExportRequestError } from '../api/export-request.js';

export function exportRoutes(store: Store): Router {
  const router = Router();

  router.get('/export/:what.csv', async (req, res) => {
    let checked;
    try {
      checked = await checkExportRequest(store, req.params.what, req.query);
    } catch (error) {
      if (!(error instanceof ExportRequestError)) throw error;
      throw new HttpError(error.kind === 'not-found' ? 404 : 400, error.message);
    }
    const { what, request } = checked;
    const rows = await exportRows(store, what, request);
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

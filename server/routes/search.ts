// The concordance: /search (the page) and /api/search (the same sentences as JSON). Each
// handler reads and validates the query string, asks the store for one page of sentences
// and hands it to the view model; bad input gets a 400 with a message saying what to fix.

import { Router } from 'express';
import type { Request } from 'express';
import type { Store, StorySummary } from '../../db/store.js';
import { searchJson, searchPage } from '../pages/search.js';
import type { SearchContext } from '../pages/search.js';
import type { Renderer } from '../render.js';
import { checkSide, parseSearchParams, sentenceQuery } from '../search-params.js';
import { storySides } from '../sides.js';
import type { SearchRequest } from '../search-params.js';

/** A validated request, or the message of a 400 (with the request when it got that far). */
type Checked =
  | { ok: true; request: SearchRequest }
  | { ok: false; message: string; request: SearchRequest | null };

function check(req: Request, stories: StorySummary[]): Checked {
  const parsed = parseSearchParams(req.query as Record<string, unknown>);
  if (!parsed.ok) return { ok: false, message: parsed.message, request: null };
  const { request } = parsed;
  const { story, outlet } = request.filters;
  if (story !== undefined && !stories.some((s) => s.slug === story)) {
    return { ok: false, message: `No story “${story}”: pick one from the list.`, request };
  }
  if (outlet !== undefined && !stories.some((s) => s.outlets.some((o) => o.slug === outlet))) {
    return { ok: false, message: `No outlet “${outlet}”: pick one from the list.`, request };
  }
  const side = checkSide(request, storySides(stories));
  if (side !== null) return { ok: false, message: side, request };
  if (request.q !== '' && request.terms.length === 0) {
    return {
      ok: false,
      message: `“${request.q}” has no words to search for: type words, "a phrase" or a prefix*.`,
      request,
    };
  }
  return { ok: true, request };
}

export function searchRoutes(store: Store, render: Renderer): Router {
  const router = Router();

  router.get('/search', async (req, res) => {
    const context: SearchContext = {
      stories: await store.listStories(),
      cueCategories: await store.cueCategories(),
    };
    const checked = check(req, context.stories);
    if (!checked.ok) {
      res
        .status(400)
        .send(render('search', searchPage(checked.request, null, context, checked.message)));
      return;
    }
    const result = await store.searchSentences(sentenceQuery(checked.request));
    res.send(render('search', searchPage(checked.request, result, context)));
  });

  router.get('/api/search', async (req, res) => {
    const checked = check(req, await store.listStories());
    if (!checked.ok) {
      res.status(400).json({ status: 400, error: checked.message });
      return;
    }
    const result = await store.searchSentences(sentenceQuery(checked.request));
    // The stamp of the data searched: the story filtered on, else the whole database.
    const stamp = await store.dataStamp({
      story: checked.request.filters.story,
      outlet: checked.request.filters.outlet,
    });
    res.json({ stamp, ...searchJson(checked.request, result) });
  });

  return router;
}

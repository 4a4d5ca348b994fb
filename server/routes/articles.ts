// The article page: one article's text as segments, with their kinds and scores.

import { Router } from 'express';
import type { Store } from '../../db/store.js';
import { HttpError } from '../http-error.js';
import { articlePage } from '../pages/article.js';
import type { Renderer } from '../render.js';

export function articleRoutes(store: Store, render: Renderer): Router {
  const router = Router();

  router.get('/articles/:id', async (req, res) => {
    // Digits only: Number() would also read "0x10", "1e1" or " 16" as an id.
    const id = /^[1-9][0-9]{0,15}$/.test(req.params.id) ? Number(req.params.id) : 0;
    const article = Number.isSafeInteger(id) && id > 0 ? await store.getArticle(id) : null;
    if (!article) throw new HttpError(404, `No article with id “${req.params.id}”.`);
    res.send(render('article', articlePage(article)));
  });

  return router;
}

// The article page: one article's text as segments, with their kinds and scores.

import { Router } from 'express';
import type { ArticleDetail, Store } from '../../db/store.js';
import { HttpError } from '../http-error.js';
import { articlePage } from '../pages/article.js';
import type { Renderer } from '../render.js';

export function articleRoutes(store: Store, render: Renderer): Router {
  const router = Router();

  router.get('/articles/:id', async (req, res) => {
    res.send(render('article', articlePage(await findArticle(store, req.params.id))));
  });

  return router;
}

/** The article with this id, or a 404. */
export async function findArticle(store: Store, param: string): Promise<ArticleDetail> {
  // Digits only: Number() would also read "0x10", "1e1" or " 16" as an id.
  const id = /^[1-9][0-9]{0,15}$/.test(param) ? Number(param) : 0;
  const article = Number.isSafeInteger(id) && id > 0 ? await store.getArticle(id) : null;
  if (!article) throw new HttpError(404, `No article with id “${param}”.`);
  return article;
}

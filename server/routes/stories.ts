// Pages about stories: the home page (every story) and one story's outlets side by side.

import { Router } from 'express';
import type { Store } from '../../db/store.js';
import { HttpError } from '../app.js';
import { homePage } from '../pages/home.js';
import { storyPage } from '../pages/story.js';
import type { Renderer } from '../render.js';

export function storyRoutes(store: Store, render: Renderer): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.send(render('home', homePage(await store.listStories())));
  });

  router.get('/stories/:slug', async (req, res) => {
    const story = await store.getStory(req.params.slug);
    if (!story) throw new HttpError(404, `No story “${req.params.slug}”.`);
    res.send(render('story', storyPage(story, await store.listArticles(story.slug))));
  });

  return router;
}

// Curating the corpus in the browser: edit a story (and its codebook, which re-analyses its
// articles), an outlet or an article's metadata,
// delete an article after a confirmation page. Every change is a POST with the write
// tokens (access.ts) and answers 303 with the changed page; a refused edit shows the form
// again with the problems (400, or 409 when the database refuses it).

import { Router } from 'express';
import type { Request, Response } from 'express';
import { EditConflict } from '../../db/store.js';
import type { Store } from '../../db/store.js';
import type { WriteAccess } from '../access.js';
import { articleEditFrom, outletEditFrom, sent, storyEditFrom } from '../form-input.js';
import { HttpError } from '../http-error.js';
import {
  articleForm,
  codebookOptions,
  deletePage,
  outletForm,
  storyForm,
} from '../pages/curate.js';
import type { Analyzer } from '../../analysis/pipeline.js';
import { analyzerForChoice } from '../../ingest/lexicon-choice.js';
import type { LexiconChoice } from '../../ingest/lexicon-choice.js';
import { reanalyzeOnWorker } from './reanalyze.js';
import type { Renderer } from '../render.js';
import { formBody } from '../write-limits.js';
import type { WriteLimits } from '../write-limits.js';
import { findArticle } from './articles.js';
import { storyOr404 } from '../find-story.js';
import type { WriteSlot } from '../write-slot.js';

/** Edit forms are short: a description of a few paragraphs at most. */
const EDIT_FORM_BYTES = 64 * 1024;

export function curateRoutes(
  store: Store,
  render: Renderer,
  access: WriteAccess,
  limits: WriteLimits,
  slot: WriteSlot,
): Router {
  const router = Router();
  const form = [...formBody({ ...limits, formBytes: EDIT_FORM_BYTES }), access.check];
  const values = <K extends string>(req: Request, keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, sent(req.body, k)])) as Record<K, string>;
  const seeOther = (res: Response, href: string) => res.redirect(303, href);

  const findStory = (slug: string) => storyOr404(store, slug);
  const findOutlet = async (slug: string) => {
    const outlet = await store.getOutlet(slug);
    if (!outlet) throw new HttpError(404, `No outlet “${slug}”.`);
    return outlet;
  };

  router.get('/stories/:slug/edit', async (req, res) => {
    const story = await findStory(String(req.params.slug));
    res.send(render('edit-story', storyForm(story, access.fields(req, res))));
  });

  // A new codebook is stored and the story's articles re-analysed with its analyzers, so
  // sides, legends and issue charts follow it (as `npm run codebook -- assign`), on a worker
  // thread in the write slot, as the re-analysis page does. The analyzer is made first: a
  // codebook that cannot be read changes nothing.
  router.post('/stories/:slug/edit', ...form, async (req, res) => {
    const story = await findStory(String(req.params.slug));
    const edit = storyEditFrom(req.body);
    const again = (problems: string[]) => {
      const sentValues = values(req, ['title', 'description', 'codebook']);
      const model = storyForm(story, access.fields(req, res), sentValues, problems);
      return res.status(400).send(render('edit-story', model));
    };
    if (!edit.ok) return again(edit.problems);
    const codebook = edit.value.codebook ?? story.codebook;
    const options = codebookOptions(story).map((o) => o.value);
    if (!options.includes(codebook)) {
      return again([`Codebook “${codebook}” is not one of: ${options.join(', ')}.`]);
    }
    let analyzer: Analyzer | null = null;
    // The codebook with its own issue lexicon, as `npm run codebook -- assign` gives it.
    const choice: LexiconChoice = { codebook, issueLexicon: '', replacement: null };
    if (codebook !== story.codebook) {
      try {
        analyzer = analyzerForChoice(choice);
      } catch (error) {
        return again([`Codebook “${codebook}” cannot be used: ${(error as Error).message}`]);
      }
    }
    if (!analyzer) await store.updateStory(story.slug, edit.value.edit);
    else {
      const use = analyzer;
      // Title and codebook are stored only once the slot is ours: a busy server changes nothing.
      const summary = await slot.run('re-analysing a story with its new codebook', async () => {
        await store.updateStory(story.slug, edit.value.edit);
        await store.setStoryCodebook(story.slug, codebook);
        return reanalyzeOnWorker(store, use, choice, story.slug);
      });
      if (summary.failed.length > 0) {
        const which = summary.failed.map((f) => `article ${f.articleId}: ${f.reason}`).join('; ');
        throw new HttpError(
          500,
          `The story now has the codebook “${codebook}”, but analysis run ${summary.runId} ` +
            `re-analysed only ${summary.reanalyzed} articles; these kept their previous ` +
            `results: ${which}. Re-analyse the story to retry them.`,
        );
      }
    }
    seeOther(res, `/stories/${encodeURIComponent(story.slug)}`);
  });

  router.get('/outlets/:slug/edit', async (req, res) => {
    const outlet = await findOutlet(String(req.params.slug));
    res.send(render('edit-outlet', outletForm(outlet, access.fields(req, res))));
  });

  router.post('/outlets/:slug/edit', ...form, async (req, res) => {
    const outlet = await findOutlet(String(req.params.slug));
    const edit = outletEditFrom(req.body);
    const again = (status: number, problems: string[]) =>
      res
        .status(status)
        .send(
          render(
            'edit-outlet',
            outletForm(
              outlet,
              access.fields(req, res),
              values(req, ['name', 'kind', 'country']),
              problems,
            ),
          ),
        );
    if (!edit.ok) return again(400, edit.problems);
    try {
      const slug = await store.updateOutlet(outlet.slug, edit.value);
      if (slug === null) throw new HttpError(404, `No outlet “${outlet.slug}”.`);
      seeOther(res, `/outlets/${encodeURIComponent(slug)}`);
    } catch (error) {
      if (error instanceof EditConflict) return again(409, [error.message]);
      throw error;
    }
  });

  router.get('/articles/:id/edit', async (req, res) => {
    const article = await findArticle(store, String(req.params.id));
    const [outlets, stories] = await Promise.all([store.listOutlets(), store.listStories()]);
    res.send(
      render('edit-article', articleForm(article, outlets, stories, access.fields(req, res))),
    );
  });

  router.post('/articles/:id/edit', ...form, async (req, res) => {
    const article = await findArticle(store, String(req.params.id));
    const edit = articleEditFrom(req.body);
    const again = async (status: number, problems: string[]) => {
      const [outlets, stories] = await Promise.all([store.listOutlets(), store.listStories()]);
      const sentValues = values(req, ['title', 'author', 'date', 'url', 'outlet', 'story']);
      const model = articleForm(
        article,
        outlets,
        stories,
        access.fields(req, res),
        sentValues,
        problems,
      );
      res.status(status).send(render('edit-article', model));
    };
    if (!edit.ok) return again(400, edit.problems);
    try {
      await store.updateArticle(article.id, edit.value);
    } catch (error) {
      if (error instanceof EditConflict) return again(409, [error.message]);
      throw error;
    }
    seeOther(res, `/articles/${article.id}`);
  });

  // Deleting is two steps: this page shows what will be removed; its form posts below.
  router.get('/articles/:id/delete', async (req, res) => {
    const article = await findArticle(store, String(req.params.id));
    res.send(render('delete-article', deletePage(article, access.fields(req, res))));
  });

  router.post('/articles/:id/delete', ...form, async (req, res) => {
    const article = await findArticle(store, String(req.params.id));
    const deleted = await store.deleteArticle(article.id);
    if (deleted === null) throw new HttpError(404, `No article with id “${article.id}”.`);
    seeOther(res, deleted.removedStory ? '/' : `/stories/${encodeURIComponent(deleted.storySlug)}`);
  });

  return router;
}

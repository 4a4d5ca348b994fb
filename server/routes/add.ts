// Adding articles in the browser: /add shows the paste form and the upload form; both
// post here and go through the same ingest as `npm run ingest` (ingest/ingest.ts and the
// readers in ingest/read.ts), so the same input gives the same articles and the same
// reasons for refusing one. The articles are analysed on a worker thread, so pages keep
// answering meanwhile, and one such write runs at a time (write-slot.ts). A post answers
// 303 with its results page (/add/results/<id>, one row per file or row), which a reload
// shows again without posting anything.

import { Router } from 'express';
import type { Analyzer } from '../../analysis/pipeline.js';
import type { CodebookChoice } from '../../analysis/codebooks/choose.js';
import { slugify } from '../../db/slug.js';
import type { AddResult, Store, StorySummary } from '../../db/store.js';
import { ingest } from '../../ingest/ingest.js';
import type { IngestSummary } from '../../ingest/ingest.js';
import { createAnalysisPool } from '../../ingest/analysis-pool.js';
import { uploadName, uploadProblem } from '../../ingest/read.js';
import type { IngestSource } from '../../ingest/read.js';
import { DEFAULT_LIMITS } from '../../ingest/record.js';
import type { IngestDefaults } from '../../ingest/record.js';
import type { WriteAccess } from '../access.js';
import { sent } from '../form-input.js';
import { HttpError } from '../http-error.js';
import { addPage, resultsPage } from '../pages/add.js';
import type { ResultsPage } from '../pages/add.js';
import { articleName } from '../pages/article.js';
import type { Renderer } from '../render.js';
import { formBody, uploadBody } from '../write-limits.js';
import type { WriteLimits } from '../write-limits.js';
import { ANALYSIS_BUDGET_MS } from '../write-slot.js';
import type { WriteSlot } from '../write-slot.js';
import { RecentResults } from '../recent-results.js';

/**
 * Articles per transaction when adding from the browser: storing a batch holds the thread
 * that answers pages, so batches are kept small (the command line stores 200 at a time).
 */
const BROWSER_BATCH = 20;

export function addRoutes(
  store: Store,
  render: Renderer,
  access: WriteAccess,
  limits: WriteLimits,
  analyzer: () => Analyzer,
  slot: WriteSlot,
): Router {
  const router = Router();
  const recent = new RecentResults<ResultsPage>();

  router.get('/add', async (req, res) => {
    const [stories, outlets] = await Promise.all([store.listStories(), store.listOutlets()]);
    const write = access.fields(req, res);
    res.send(render('add', addPage(stories, outlets, write, limits, DEFAULT_LIMITS.minWords)));
  });

  router.get('/add/results/:id', (req, res) => {
    const model = recent.get(String(req.params.id));
    if (!model) {
      throw new HttpError(
        404,
        'These results are no longer kept (a results page is kept for an hour, and only the ' +
          'last 50). What was stored is on the stories’ pages.',
      );
    }
    res.send(render('add-results', model));
  });

  /** Ingests a source in the write slot, keeps its results page and redirects to it. */
  const add = (source: IngestSource, defaults: IngestDefaults) =>
    slot.run('adding articles', async () => {
      const id = recent.keep(await ingestForPage(source, defaults));
      return `/add/results/${id}`;
    });

  const ingestForPage = async (source: IngestSource, defaults: IngestDefaults) => {
    const before = new Map((await store.listStories()).map((s) => [s.slug, s.articleCount]));
    const results: AddResult[] = [];
    const warnings: { source: string; warning: string }[] = [];
    // New stories' codebooks chosen from their first article, by story slug.
    const choices = new Map<string, CodebookChoice>();
    const base = analyzer();
    const pool = await createAnalysisPool(base, 1, undefined, ANALYSIS_BUDGET_MS);
    let summary: IngestSummary;
    try {
      summary = await ingest(source, { defaults }, store, base, {
        pool,
        batchSize: BROWSER_BATCH,
        onResult: (result) => results.push(result),
        onWarning: (from, warning) => warnings.push({ source: from, warning }),
        onCodebookChoice: (story, choice) => choices.set(slugify(story), choice),
      });
    } finally {
      await pool.close();
    }
    const grown = (await store.listStories()).filter(
      (s: StorySummary) => s.articleCount > (before.get(s.slug) ?? 0),
    );
    // Names for the result rows, from the stories that grew (a duplicate elsewhere keeps its id).
    const headlines = new Map<number, string>();
    for (const story of grown) {
      for (const a of await store.listArticles(story.slug)) headlines.set(a.id, articleName(a));
    }
    // Only the stories that were new and received an article: a choice for a story whose
    // articles were all refused chose nothing that was kept. And only while the story keeps
    // the codebook chosen: a later row naming another codebook gives the story that one.
    const chosen = grown.flatMap((story) => {
      const choice = before.has(story.slug) ? undefined : choices.get(story.slug);
      return choice && choice.codebook === story.codebook ? [{ story, choice }] : [];
    });
    return resultsPage(summary, results, warnings, grown, headlines, chosen);
  };

  router.post('/add', ...formBody(limits), access.check, async (req, res) => {
    const body: unknown = req.body;
    const text = sent(body, 'text');
    if (text.trim() === '') {
      throw new HttpError(400, 'Paste the article’s text into the Text field. Nothing was stored.');
    }
    const story = sent(body, 'story') || sent(body, 'new_story');
    const pasted = {
      text,
      title: sent(body, 'title'),
      outlet: sent(body, 'outlet'),
      story,
      date: sent(body, 'date'),
      url: sent(body, 'url'),
      author: sent(body, 'author'),
    };
    res.redirect(303, await add({ pasted }, {}));
  });

  // The files are received before the tokens are checked (the tokens travel in the same
  // multipart body); the limits bound what that costs, and nothing is read further or
  // stored unless both tokens are right.
  router.post('/add/files', uploadBody(limits, 'files'), access.check, async (req, res) => {
    const files = Array.isArray(req.files) ? req.files : [];
    if (files.length === 0) {
      throw new HttpError(400, 'Choose at least one file to upload. Nothing was stored.');
    }
    // A file that cannot be read at all (its type, size, emptiness, binary content) stops
    // the whole upload before anything is stored: the researcher fixes it and sends the
    // same files again, instead of working out which half went in.
    const uploads = files.map((file) => ({ name: file.originalname, bytes: file.buffer }));
    const problems = [];
    for (const upload of uploads) {
      const problem = await uploadProblem(upload.name, upload.bytes);
      if (problem) problems.push(problem);
    }
    if (problems.length > 0) {
      const unsupported = problems.every((p) => p.reason.startsWith('unsupported file type'));
      throw new HttpError(
        unsupported ? 415 : 400,
        `Nothing was stored: ${problems.map((p) => `${uploadName(p.source)}: ${p.reason}`).join('; ')}.`,
      );
    }
    const story = sent(req.body, 'story') || sent(req.body, 'new_story');
    const defaults: IngestDefaults = {
      outlet: sent(req.body, 'outlet') || undefined,
      story: story || undefined,
    };
    res.redirect(303, await add({ uploads }, defaults));
  });

  return router;
}

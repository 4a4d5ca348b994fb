// Re-analysing a story from the browser with other lexicons: /stories/<slug>/reanalyze
// shows which runs and data produced the story now and a form to pick a shipped issue
// lexicon and, optionally, upload one lexicon file of one's own. The post re-scores the
// story's articles (ingest/reanalyze.ts, as `npm run reanalyze -- --story`) on a worker
// thread, in the write slot (one analysing write at a time; write-slot.ts), and answers 303
// with the story page, which names the new run and data hash.

import { Router } from 'express';
import type { Store } from '../../db/store.js';
import {
  analyzerForChoice,
  LexiconRejected,
  shippedIssueLexicons,
} from '../../ingest/lexicon-choice.js';
import type { LexiconChoice } from '../../ingest/lexicon-choice.js';
import { reanalyzeArticles } from '../../ingest/reanalyze.js';
import type { ReanalyzeSummary } from '../../ingest/reanalyze.js';
import type { Analyzer } from '../../analysis/pipeline.js';
import { createAnalysisPool } from '../../ingest/analysis-pool.js';
import type { WriteAccess } from '../access.js';
import { sent } from '../form-input.js';
import { HttpError } from '../http-error.js';
import { reanalyzePage } from '../pages/reanalyze.js';
import type { Renderer } from '../render.js';
import { uploadBody } from '../write-limits.js';
import type { WriteLimits } from '../write-limits.js';
import { storyOr404 } from '../find-story.js';
import { ANALYSIS_BUDGET_MS } from '../write-slot.js';
import type { WriteSlot } from '../write-slot.js';

/**
 * Re-analyses a story's articles on one worker thread with a time budget per article, for
 * the browser's writes (this page and a story's new codebook); run it in the write slot.
 */
export async function reanalyzeOnWorker(
  store: Store,
  analyzer: Analyzer,
  choice: LexiconChoice,
  story: string,
): Promise<ReanalyzeSummary> {
  // The worker builds the same analyzer from the same choice (the pool checks its hash).
  const pool = await createAnalysisPool(analyzer, 1, { choice }, ANALYSIS_BUDGET_MS);
  try {
    return await reanalyzeArticles(store, analyzer, { story, pool });
  } finally {
    await pool.close();
  }
}

export function reanalyzeRoutes(
  store: Store,
  render: Renderer,
  access: WriteAccess,
  limits: WriteLimits,
  slot: WriteSlot,
): Router {
  const router = Router();

  const find = (slug: string) => storyOr404(store, slug);

  router.get('/stories/:slug/reanalyze', async (req, res) => {
    const story = await find(String(req.params.slug));
    const stamp = await store.dataStamp({ story: story.slug });
    const model = reanalyzePage(story, stamp, shippedIssueLexicons(), access.fields(req, res));
    res.send(render('reanalyze', model));
  });

  router.post(
    '/stories/:slug/reanalyze',
    uploadBody({ ...limits, files: 1 }, 'lexicon'),
    access.check,
    async (req, res) => {
      const story = await find(String(req.params.slug));
      const file = Array.isArray(req.files) ? req.files[0] : undefined;
      const choice: LexiconChoice = {
        codebook: story.codebook,
        issueLexicon: sent(req.body, 'issues'),
        replacement:
          file && file.size > 0 ? { fileName: file.originalname, bytes: file.buffer } : null,
      };
      let analyzer;
      try {
        analyzer = analyzerForChoice(choice);
      } catch (error) {
        if (error instanceof LexiconRejected) {
          throw new HttpError(400, `Nothing was re-analysed. ${error.message}`);
        }
        throw error;
      }
      const summary = await slot.run('re-analysing a story', () =>
        reanalyzeOnWorker(store, analyzer, choice, story.slug),
      );
      if (summary.failed.length > 0) {
        const which = summary.failed.map((f) => `article ${f.articleId}: ${f.reason}`).join('; ');
        throw new HttpError(
          500,
          `Analysis run ${summary.runId} re-analysed ${summary.reanalyzed} articles; ` +
            `these kept their previous results: ${which}.`,
        );
      }
      res.redirect(303, `/stories/${encodeURIComponent(story.slug)}#run`);
    },
  );

  return router;
}

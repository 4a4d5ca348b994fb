// The Express app as a route table, grouped by page; the error handlers come last.
// createApp(store) needs no port, so tests make real requests against it directly.
// Writes (adding, editing, deleting, re-analysing) are POST forms checked by access.ts.

import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { projectPath } from '../lib/project-paths.js';
import type { Store } from '../db/store.js';
import { HttpError } from './http-error.js';
import { createRenderer } from './render.js';
import type { Renderer } from './render.js';
import { apiRoutes } from './routes/api.js';
import { articleRoutes } from './routes/articles.js';
import { exportRoutes } from './routes/export.js';
import { outletRoutes } from './routes/outlets.js';
import { searchRoutes } from './routes/search.js';
import { factsRoutes } from './routes/facts.js';
import { storyRoutes } from './routes/stories.js';
import { allowedMethods } from './methods.js';
import { KeptPages } from './compute/kept-pages.js';
import { InlineRunner, PageJobs, WorkerRunner } from './compute/page-jobs.js';
import type { TaskRunner } from './compute/page-jobs.js';
import { runTask } from './compute/tasks.js';
import type { PageTask } from './compute/tasks.js';
import { createAnalyzer } from '../analysis/pipeline.js';
import type { Analyzer } from '../analysis/pipeline.js';
import { writeAccess } from './access.js';
import { addRoutes } from './routes/add.js';
import { curateRoutes } from './routes/curate.js';
import { reanalyzeRoutes } from './routes/reanalyze.js';
import { DEFAULT_WRITE_LIMITS } from './write-limits.js';
import type { WriteLimits } from './write-limits.js';
import { WriteSlot } from './write-slot.js';

export interface AppOptions {
  renderer?: Renderer;
  /** Shows error details on error pages; never on in production. */
  showErrors?: boolean;
  /** Display names of issue ids (default: from each story's codebook's issue lexicon). */
  issueLabels?: Record<string, string>;
  /**
   * The operator's token every write must carry besides the CSRF token; null (the default,
   * for a server on 127.0.0.1) asks for none. server/main.ts sets it beyond localhost.
   */
  operatorToken?: string | null;
  /** Size limits of forms and uploads (default DEFAULT_WRITE_LIMITS). */
  writeLimits?: Partial<WriteLimits>;
  /** The analyzer for articles added in the browser (default: the shipped lexicons, loaded on first use). */
  analyzer?: Analyzer;
  /**
   * The SQLite file or PostgreSQL URL behind `store`: given, big pages (story dashboards,
   * aligned facts) are computed on a worker thread that opens it, and their routes answer 202 while it works;
   * absent (tests over an in-memory database), they are computed inline and awaited.
   */
  database?: string;
  /** Tuning of the worker computations (DEFAULT_COMPUTE; tests shorten the wait). */
  compute?: Partial<ComputeOptions>;
  /** Where big pages are computed, in place of the worker or inline runner (tests). */
  pageRunner?: TaskRunner;
}

export interface ComputeOptions {
  /** How long a request waits for its page's computation before answering 202 (ms). */
  waitMs: number;
  /** A computation still running after this long is stopped and reported (ms). */
  budgetMs: number;
  /** The worker's heap bound (MB). */
  memoryMb: number;
  /** The idle worker is ended after this long, giving its memory back (ms). */
  idleMs: number;
  /**
   * Stories of more words than this are not computed by the worker: their pages are
   * `npm run precompute`'s (4 GB heap). The largest story the worker has computed within
   * its 512 MB is about 1.1M words (1,099 articles; docs/speed.md, Pages at scale); on the full
   * corpus an outlet row of `elections` (5.6M words) kept it busy, at 230+ MB resident and
   * rising, until its budget stopped it (2026-12-06).
   */
  maxWords: number;
}

export const DEFAULT_COMPUTE: ComputeOptions = {
  waitMs: 1000,
  budgetMs: 180_000,
  memoryMb: 512,
  idleMs: 60_000,
  maxWords: 1_500_000,
};

const STATUS_TITLES: Readonly<Record<number, string>> = {
  400: 'Not accepted',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported file type',
  503: 'Not available',
};

export function createApp(store: Store, options: AppOptions = {}): express.Express {
  const render = options.renderer ?? createRenderer();
  const jobs = pageJobs(store, options);
  const issueLabels = options.issueLabels;
  const access = writeAccess(options.operatorToken ?? null);
  const limits: WriteLimits = { ...DEFAULT_WRITE_LIMITS, ...options.writeLimits };
  let analyzer = options.analyzer;
  const analyzerForAdding = () => (analyzer ??= createAnalyzer());
  const slot = new WriteSlot();
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders());
  app.use(access.cookies);

  app.use('/static', express.static(projectPath('views', 'static'), { maxAge: '1h' }));
  // Browsers ask for /favicon.ico on every page whatever the layout says.
  app.get('/favicon.ico', (_req, res) => {
    res.sendFile(projectPath('views', 'static', 'favicon.ico'), { maxAge: '1d' });
  });
  app.use(storyRoutes(store, render, jobs, issueLabels));
  app.use(factsRoutes(store, render, jobs));
  app.use(articleRoutes(store, render));
  app.use(searchRoutes(store, render));
  app.use(outletRoutes(store, render, jobs));
  app.use(exportRoutes(store, jobs));
  app.use(apiRoutes(store, jobs));
  app.use(addRoutes(store, render, access, limits, analyzerForAdding, slot));
  app.use(curateRoutes(store, render, access, limits, slot));
  app.use(reanalyzeRoutes(store, render, access, limits, slot));

  app.use((req: Request, res: Response, next: NextFunction) => {
    const allowed = allowedMethods(app.router, req.path);
    if (allowed.length > 0 && !allowed.includes(req.method)) {
      res.set('Allow', allowed.join(', '));
      return next(
        new HttpError(405, `${req.method} is not accepted here (${allowed.join(', ')}).`),
      );
    }
    next(new HttpError(404, `Nothing at ${req.path}`));
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    // Express's own 4xx errors (a malformed %-escape in the path, a body too large) keep
    // their status; anything else unexpected is a 500.
    const given = (error as { status?: unknown }).status;
    const status =
      error instanceof HttpError
        ? error.status
        : typeof given === 'number' && given >= 400 && given < 500
          ? given
          : 500;
    if (status === 500) console.error(error);
    if (error instanceof HttpError) res.set(error.headers);
    const message =
      error instanceof HttpError
        ? error.message
        : status < 500
          ? (error as { type?: unknown }).type === 'entity.parse.failed'
            ? 'The form could not be read. Nothing was stored.'
            : 'The address could not be read.'
          : options.showErrors && error instanceof Error
            ? error.message
            : 'Something went wrong on our side. The error has been logged.';
    res
      .status(status)
      .type('html')
      .send(
        render('error', {
          title: STATUS_TITLES[status] ?? 'Error',
          crumbs: [],
          status,
          message,
        }),
      );
  });
  return app;
}

/**
 * Page computations kept (story dashboards and facts are up to about 1 MB each; an outlet
 * profile keeps one small entry per story it covered).
 */
const JOB_RESULTS = 300;

/** Where the big pages are computed: a worker over the database file, else inline. */
function pageJobs(store: Store, options: AppOptions): PageJobs {
  const compute = { ...DEFAULT_COMPUTE, ...options.compute };
  const kept = new KeptPages(store);
  const refuse = async (task: PageTask): Promise<string | null> => {
    const story = (await store.listStories()).find((s) => s.slug === task.slug);
    if (story === undefined || story.wordCount <= compute.maxWords) return null;
    return `“${story.title}” has ${story.wordCount.toLocaleString('en-US')} words, more than the server computes on demand (${compute.maxWords.toLocaleString('en-US')}): its pages are computed by npm run precompute -- --story ${story.slug}, which has not run for this version of the data and of Parallax.`;
  };
  const jobOptions = { waitMs: compute.waitMs, limit: JOB_RESULTS, kept, refuse };
  if (options.pageRunner) return new PageJobs(options.pageRunner, jobOptions);
  if (options.database === undefined) {
    return new PageJobs(new InlineRunner((task) => runTask(store, task)), {
      ...jobOptions,
      waitMs: Infinity,
    });
  }
  return new PageJobs(new WorkerRunner({ database: options.database, ...compute }), jobOptions);
}

/**
 * Pages use no script, no inline style and no frames, and the policy says exactly that:
 * an injected <script>, style or event handler would not run even if escaping failed.
 * No HSTS: the server is usually plain HTTP on 127.0.0.1.
 */
function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    strictTransportSecurity: false,
  });
}

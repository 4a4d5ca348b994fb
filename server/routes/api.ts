// The JSON API: numbers as numbers (intervals as {low, high}, shares as fractions 0–1,
// rates per 1,000 words), every answer with the stamp of the data it was computed from,
// long lists paginated (?page=, ?per_page=). The HTML pages' own .json siblings stay as
// they are; this is the interface for R, pandas and scripts.
//   /api/stories                  every story (paginated)
//   /api/stories/<slug>           its articles and per-outlet figures (?part=all|lead|body)
//   /api/stories/<slug>/facts     aligned facts (?outlet=, ?missing=, ?min=; paginated)
//   /api/articles/<id>            segments with scores and cue hits, speakers, run
//   /api/outlets/<slug>           the outlet against the other outlets, story by story (paginated)

import { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { PARTS } from '../../analysis/comparison/compare.js';
import type { DataStamp } from '../../db/export-rows.js';
import type { Store, StorySummary } from '../../db/store.js';
import { HttpError } from '../http-error.js';
import { storyCodebook } from '../sides.js';
import { factsJson, outletRefs } from '../pages/facts.js';
import type { PageJobs } from '../compute/page-jobs.js';
import { sendComputingJson } from '../pages/computing.js';
import { findOutlet, outletComparisons } from './outlets.js';

const page = {
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  per_page: z.coerce.number().int().min(1).max(500).optional(),
};
const schemas = {
  list: z.object(page).strict(),
  story: z.object({ part: z.enum(PARTS as readonly ['all', 'lead', 'body']).optional() }).strict(),
  facts: z
    .object({
      ...page,
      outlet: z.string().min(1).optional(),
      missing: z.string().min(1).optional(),
      min: z.coerce.number().int().min(2).max(1000).optional(),
    })
    .strict(),
  none: z.object({}).strict(),
};

function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const parsed = schema.safeParse(req.query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || ('keys' in issue ? issue.keys.join(', ') : '');
  throw new HttpError(400, `Bad “${field}” in the address: ${issue.message}.`);
}

interface Pagination {
  page: number;
  perPage: number;
  total: number;
  pageCount: number;
}

function paginate<T>(
  items: readonly T[],
  query: { page?: number; per_page?: number },
  defaultPerPage: number,
): { items: T[]; pagination: Pagination } {
  const perPage = query.per_page ?? defaultPerPage;
  const pageNumber = query.page ?? 1;
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  if (pageNumber > pageCount) {
    throw new HttpError(400, `Bad “page” in the address: the last page is ${pageCount}.`);
  }
  const start = (pageNumber - 1) * perPage;
  return {
    items: items.slice(start, start + perPage),
    pagination: { page: pageNumber, perPage, total: items.length, pageCount },
  };
}

/** The story's codebook: its name and its sides, in the order `voices` lists them. */
function codebookRef(story: StorySummary) {
  const book = storyCodebook(story);
  return {
    name: book.name,
    title: book.title,
    version: book.version,
    sides: book.vocabulary.buckets.map((id) => ({ id, ...book.vocabulary.info[id] })),
  };
}

function storyRef(story: StorySummary) {
  const slug = encodeURIComponent(story.slug);
  return {
    slug: story.slug,
    title: story.title,
    description: story.description,
    startDate: story.startDate,
    endDate: story.endDate,
    firstArticleDate: story.firstArticleDate,
    lastArticleDate: story.lastArticleDate,
    articleCount: story.articleCount,
    wordCount: story.wordCount,
    outlets: story.outlets.map((o) => ({
      slug: o.slug,
      name: o.name,
      articleCount: o.articleCount,
    })),
    links: {
      api: `/api/stories/${slug}`,
      page: `/stories/${slug}`,
      segmentsCsv: `/export/segments.csv?story=${slug}`,
    },
  };
}

export function apiRoutes(store: Store, jobs: PageJobs): Router {
  const router = Router();

  const story = async (slug: string): Promise<StorySummary> => {
    const found = await store.getStory(slug);
    if (!found) throw new HttpError(404, `No story “${slug}”.`);
    return found;
  };
  const stamp = (filter: Parameters<Store['dataStamp']>[0]): Promise<DataStamp> =>
    store.dataStamp(filter);

  router.get('/api/stories', async (req, res) => {
    const query = parseQuery(schemas.list, req);
    const { items, pagination } = paginate(await store.listStories(), query, 50);
    res.json({ stamp: await stamp({}), pagination, stories: items.map(storyRef) });
  });

  router.get('/api/stories/:slug', async (req, res) => {
    const query = parseQuery(schemas.story, req);
    const found = await story(req.params.slug);
    const part = query.part ?? 'all';
    const version = await store.storyVersion(found.slug);
    const job = await jobs.get({ kind: 'api-story', slug: found.slug, part }, version);
    if (job.state === 'failed') throw new HttpError(job.status, job.message);
    if (job.state === 'computing') return sendComputingJson(res, job);
    const outlets = job.value;
    const articles = await store.listArticles(found.slug);
    res.json({
      stamp: await stamp({ story: found.slug }),
      story: storyRef(found),
      part,
      codebook: codebookRef(found),
      outlets,
      articles: articles.map((a) => ({
        id: a.id,
        outlet: a.outlet.slug,
        title: a.title,
        headline: a.headline,
        url: a.url,
        author: a.author,
        publishedDate: a.publishedDate,
        wordCount: a.wordCount,
        sentenceCount: a.sentenceCount,
        runId: a.runId,
        links: { api: `/api/articles/${a.id}`, page: `/articles/${a.id}` },
      })),
    });
  });

  router.get('/api/stories/:slug/facts', async (req, res) => {
    const query = parseQuery(schemas.facts, req);
    const found = await story(req.params.slug);
    const version = await store.storyVersion(found.slug);
    // The same computation as the facts page: the alignment runs once per story version,
    // off the request thread; meanwhile 202 with Retry-After.
    const job = await jobs.get({ kind: 'facts', slug: found.slug }, version);
    if (job.state === 'failed') throw new HttpError(job.status, job.message);
    if (job.state === 'computing') return sendComputingJson(res, job);
    const prepared = job.value;
    const known = outletRefs(found, prepared).map((o) => o.slug);
    for (const name of ['outlet', 'missing'] as const) {
      const value = query[name];
      if (value !== undefined && !known.includes(value)) {
        throw new HttpError(
          400,
          `No outlet “${value}” in this story (?${name}=). Its outlets are: ${known.join(', ')}.`,
        );
      }
    }
    const all = factsJson(found, prepared, {
      outlet: query.outlet,
      missing: query.missing,
      min: query.min ?? 2,
    });
    const { items, pagination } = paginate(all.facts, query, 100);
    res.json({ stamp: await stamp({ story: found.slug }), ...all, pagination, facts: items });
  });

  router.get('/api/articles/:id', async (req, res) => {
    parseQuery(schemas.none, req);
    const id = Number(req.params.id);
    const article = Number.isSafeInteger(id) && id > 0 ? await store.getArticle(id) : null;
    if (!article) throw new HttpError(404, `No article with id “${req.params.id}”.`);
    res.json({
      stamp: await stamp({ article: article.id }),
      id: article.id,
      story: { slug: article.story.slug, title: article.story.title },
      outlet: { slug: article.outlet.slug, name: article.outlet.name },
      title: article.title,
      url: article.url,
      author: article.author,
      publishedDate: article.publishedDate,
      wordCount: article.wordCount,
      sentenceCount: article.sentenceCount,
      source: article.source,
      addedAt: article.addedAt,
      run: {
        id: article.run.id,
        analyzerVersion: article.run.analyzerVersion,
        lexiconHash: article.run.lexiconHash,
        status: article.run.status,
        startedAt: article.run.startedAt,
        finishedAt: article.run.finishedAt,
      },
      text: article.text,
      speakers: article.speakers,
      segments: article.segments.map((s) => ({
        id: s.id,
        position: s.position,
        paragraph: s.paragraph,
        sentence: s.sentence,
        kind: s.kind,
        text: s.text,
        start: s.start,
        end: s.end,
        words: s.words,
        tone: { combined: s.tone, afinn: s.toneAfinn, diplomacy: s.toneDiplomacy },
        expectation: { label: s.expectation, move: s.expectationMove, score: s.expectationScore },
        hedges: s.hedges,
        boosters: s.boosters,
        quote: s.quote,
        speakerId: s.speakerId,
        cueHits: s.cueHits,
      })),
    });
  });

  router.get('/api/outlets/:slug', async (req, res) => {
    const query = parseQuery(schemas.list, req);
    const slug = req.params.slug;
    const { outlet, stories } = await findOutlet(store, slug);
    const { items, pagination } = paginate(stories, query, 20);
    const comparisons = await outletComparisons(store, jobs, slug, items);
    if (comparisons.state === 'failed')
      throw new HttpError(comparisons.status, comparisons.message);
    if (comparisons.state === 'computing') return sendComputingJson(res, comparisons);
    const perStory = comparisons.value;
    res.json({
      stamp: await stamp({ outlet: slug }),
      outlet: {
        slug: outlet.slug,
        name: outlet.name,
        kind: outlet.kind,
        country: outlet.country,
        homepage: outlet.homepage,
        isNameInferred: outlet.isNameInferred,
        storyCount: stories.length,
        articleCount: stories.reduce(
          (sum, s) => sum + (s.outlets.find((o) => o.slug === slug)?.articleCount ?? 0),
          0,
        ),
      },
      pagination,
      stories: perStory,
    });
  });

  // Refusals of the API's own routes come back as JSON ({error, status}), not as an HTML page;
  // anything unexpected goes on to the app's error handler.
  router.use('/api', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!(error instanceof HttpError)) return next(error);
    res.status(error.status).json({ status: error.status, error: error.message });
  });

  return router;
}

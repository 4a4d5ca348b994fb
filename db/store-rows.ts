// What both stores (sqlite-store.ts, pg-store.ts) read back the same way: the rows of
// outlets, stories and articles as their queries name the columns, and the summaries made of
// them. Only the drivers differ below this: SQLite gives booleans as 0/1, PostgreSQL as
// booleans, and each keeps its own run and segment rows.

import type { ArticleSummary, OutletSummary, StorySummary } from './store.js';

export interface OutletRow {
  id: number;
  slug: string;
  name: string;
  kind: string | null;
  country: string | null;
  homepage: string | null;
  /** 0/1 from SQLite, a boolean from PostgreSQL. */
  is_name_inferred: number | boolean;
  article_count: number;
}

export interface StoryRow {
  id: number;
  slug: string;
  title: string;
  title_source: StorySummary['titleSource'];
  description: string | null;
  codebook: string;
  start_date: string | null;
  end_date: string | null;
  article_count: number;
  word_count: number;
  first_date: string | null;
  last_date: string | null;
  sample_title: string | null;
}

export interface ArticleRow {
  id: number;
  title: string | null;
  url: string | null;
  author: string | null;
  published_date: string | null;
  word_count: number;
  sentence_count: number;
  story_slug: string;
  run_id: number;
  outlet_id: number;
  text: string;
  source: string | null;
  added_at: string;
  headline: string | null;
  lead: string | null;
}

export const OUTLET_COLUMNS = `o.id, o.slug, o.name, o.kind, o.country, o.homepage, o.is_name_inferred`;

export function toOutlet(row: OutletRow): OutletSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    country: row.country,
    homepage: row.homepage,
    isNameInferred: Boolean(row.is_name_inferred),
    articleCount: row.article_count,
  };
}

export function toStory(row: StoryRow, outlets: OutletSummary[]): StorySummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    titleSource: row.title_source,
    description: row.description,
    codebook: row.codebook,
    startDate: row.start_date,
    endDate: row.end_date,
    articleCount: row.article_count,
    wordCount: row.word_count,
    firstArticleDate: row.first_date,
    lastArticleDate: row.last_date,
    sampleHeadline: row.sample_title,
    outlets,
  };
}

export function toArticleSummary(row: ArticleRow, outlet: OutletSummary): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    author: row.author,
    publishedDate: row.published_date,
    wordCount: row.word_count,
    sentenceCount: row.sentence_count,
    outlet,
    storySlug: row.story_slug,
    runId: row.run_id,
    headline: row.headline,
    lead: row.lead,
  };
}

/** Signal 0 checks a process exists without touching it; EPERM means it exists. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

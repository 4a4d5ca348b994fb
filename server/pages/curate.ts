// View models of the curation forms: edit a story (title, description, codebook), an outlet (name,
// kind, country) or an article's metadata, and the page that confirms an article's
// deletion by showing what will go with it. A form shown again after a refused edit keeps
// what was typed and lists the problems above it.

import type { ArticleDetail, OutletSummary, StorySummary } from '../../db/store.js';
import type { WriteFields } from '../access.js';
import type { LayoutModel } from '../render.js';
import { articleName } from './article.js';
import { codebookPath, type Codebook } from '../../analysis/codebooks/codebook.js';
import { bundledCodebooks, storyCodebook } from '../sides.js';

interface FormPage extends LayoutModel {
  write: WriteFields;
  action: string;
  cancel: string;
  problems: string[];
}

type Values<K extends string> = Record<K, string>;

type StoryField = 'title' | 'description' | 'codebook';

export interface StoryForm extends FormPage {
  values: Values<StoryField>;
  slug: string;
  codebooks: (CodebookOption & { selected: boolean })[];
  /** The story's articles, which a change of codebook re-analyses. */
  articleCount: number;
}

/** A codebook as the story form offers it. */
export interface CodebookOption {
  value: string;
  /** Its title ("United States and North Korea"). */
  label: string;
  /** Its parties and issue lexicon, said under the select. */
  detail: string;
}

/**
 * The codebooks a story may be given, as form options: the bundled ones, and the story's
 * current codebook when it is none of them (a researcher's file, kept so that saving the
 * title does not change it; named as stored when it can no longer be read).
 */
export function codebookOptions(story: StorySummary): CodebookOption[] {
  const option = (value: string, book: Codebook, label = book.title): CodebookOption => {
    const parties = book.vocabulary.parties.map((id) => book.vocabulary.info[id]?.name ?? id);
    return { value, label, detail: `${parties.join(', ')}; issues: ${book.issues.name}` };
  };
  const options = bundledCodebooks().map((book) => option(book.name, book));
  if (options.some((o) => o.value === story.codebook)) return options;
  const own = storyCodebook(story);
  if (own.path === codebookPath(story.codebook)) {
    options.push(option(story.codebook, own, `${own.title} (from ${story.codebook})`));
  } else {
    options.push({
      value: story.codebook,
      label: story.codebook,
      detail: 'cannot be read; the story’s pages use the US–China codebook',
    });
  }
  return options;
}

export function storyForm(
  story: StorySummary,
  write: WriteFields,
  sent: Values<StoryField> | null = null,
  problems: string[] = [],
): StoryForm {
  const href = `/stories/${encodeURIComponent(story.slug)}`;
  const chosen = sent?.codebook || story.codebook;
  return {
    title: `Edit story: ${story.title}`,
    crumbs: [
      { label: 'Stories', href: '/' },
      { label: story.title, href },
    ],
    write,
    action: `${href}/edit`,
    cancel: href,
    problems,
    slug: story.slug,
    values: sent ?? {
      title: story.title,
      description: story.description ?? '',
      codebook: story.codebook,
    },
    codebooks: codebookOptions(story).map((o) => ({ ...o, selected: o.value === chosen })),
    articleCount: story.articleCount,
  };
}

export interface OutletForm extends FormPage {
  values: Values<'name' | 'kind' | 'country'>;
  slug: string;
}

export function outletForm(
  outlet: OutletSummary,
  write: WriteFields,
  sent: Values<'name' | 'kind' | 'country'> | null = null,
  problems: string[] = [],
): OutletForm {
  const href = `/outlets/${encodeURIComponent(outlet.slug)}`;
  return {
    title: `Edit outlet: ${outlet.name}`,
    crumbs: [
      { label: 'Stories', href: '/' },
      { label: outlet.name, href },
    ],
    write,
    action: `${href}/edit`,
    cancel: href,
    problems,
    slug: outlet.slug,
    values: sent ?? { name: outlet.name, kind: outlet.kind ?? '', country: outlet.country ?? '' },
  };
}

type ArticleField = 'title' | 'author' | 'date' | 'url' | 'outlet' | 'story';

export interface ArticleForm extends FormPage {
  values: Values<ArticleField>;
  outlets: { value: string; label: string; selected: boolean }[];
  stories: { value: string; label: string; selected: boolean }[];
}

export function articleForm(
  article: ArticleDetail,
  outlets: OutletSummary[],
  stories: StorySummary[],
  write: WriteFields,
  sent: Values<ArticleField> | null = null,
  problems: string[] = [],
): ArticleForm {
  const href = `/articles/${article.id}`;
  const name = articleName(article);
  const values = sent ?? {
    title: article.title ?? '',
    author: article.author ?? '',
    date: article.publishedDate ?? '',
    url: article.url ?? '',
    outlet: article.outlet.slug,
    story: article.storySlug,
  };
  return {
    title: `Edit article: ${name}`,
    crumbs: [
      { label: 'Stories', href: '/' },
      { label: article.story.title, href: `/stories/${encodeURIComponent(article.storySlug)}` },
      { label: name, href },
    ],
    write,
    action: `${href}/edit`,
    cancel: href,
    problems,
    values,
    outlets: outlets.map((o) => ({
      value: o.slug,
      label: o.name,
      selected: o.slug === values.outlet,
    })),
    stories: stories
      .map((s) => ({ value: s.slug, label: s.title, selected: s.slug === values.story }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}

export interface DeletePage extends LayoutModel {
  write: WriteFields;
  action: string;
  cancel: string;
  article: {
    title: string;
    outlet: string;
    story: string;
    date: string | null;
    words: number;
    sentences: number;
    segments: number;
    speakers: number;
    cueHits: number;
  };
  /** What else goes: the story or outlet left without articles. */
  alsoRemoved: string[];
}

export function deletePage(article: ArticleDetail, write: WriteFields): DeletePage {
  const href = `/articles/${article.id}`;
  const alsoRemoved: string[] = [];
  if (article.story.articleCount <= 1) {
    alsoRemoved.push(`the story “${article.story.title}”, which has no other article`);
  }
  if (article.outlet.articleCount <= 1) {
    alsoRemoved.push(`the outlet “${article.outlet.name}”, which has no other article`);
  }
  const title = articleName(article);
  return {
    title: `Delete article: ${title}`,
    crumbs: [
      { label: 'Stories', href: '/' },
      { label: article.story.title, href: `/stories/${encodeURIComponent(article.storySlug)}` },
      { label: title, href },
    ],
    write,
    action: `${href}/delete`,
    cancel: href,
    article: {
      title,
      outlet: article.outlet.name,
      story: article.story.title,
      date: article.publishedDate,
      words: article.wordCount,
      sentences: article.sentenceCount,
      segments: article.segments.length,
      speakers: article.speakers.length,
      cueHits: article.segments.reduce((n, s) => n + s.cueHits.length, 0),
    },
    alsoRemoved,
  };
}

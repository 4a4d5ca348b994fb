// View model of the story page: one column per outlet with its articles.

import type { ArticleSummary, StorySummary } from '../../db/store.js';
import type { LayoutModel } from '../render.js';
import { dateRange } from './home.js';

export interface StoryPage extends LayoutModel {
  story: { title: string; description: string | null; dates: string | null };
  totals: { outlets: number; articles: number; words: number };
  outlets: {
    name: string;
    slug: string;
    kind: string | null;
    country: string | null;
    isNameInferred: boolean;
    articles: {
      href: string;
      headline: string;
      hasTitle: boolean;
      date: string | null;
      author: string | null;
      words: number;
      sentences: number;
    }[];
  }[];
}

export function storyPage(story: StorySummary, articles: ArticleSummary[]): StoryPage {
  return {
    title: story.title,
    crumbs: [{ label: 'Stories', href: '/' }],
    story: {
      title: story.title,
      description: story.description,
      dates: dateRange(story.startDate, story.endDate),
    },
    totals: { outlets: story.outlets.length, articles: articles.length, words: story.wordCount },
    outlets: story.outlets.map((outlet) => ({
      name: outlet.name,
      slug: outlet.slug,
      kind: outlet.kind,
      country: outlet.country,
      isNameInferred: outlet.isNameInferred,
      articles: articles
        .filter((a) => a.outlet.id === outlet.id)
        .map((a) => ({
          href: `/articles/${a.id}`,
          headline: a.title ?? a.headline ?? a.lead ?? '(no text)',
          hasTitle: Boolean(a.title ?? a.headline),
          date: a.publishedDate,
          author: a.author,
          words: a.wordCount,
          sentences: a.sentenceCount,
        })),
    })),
  };
}

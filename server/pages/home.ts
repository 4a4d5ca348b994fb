// View model of the home page: every story with its outlets and article counts.

import type { StorySummary } from '../../db/store.js';
import type { LayoutModel } from '../render.js';

export interface HomePage extends LayoutModel {
  stories: {
    href: string;
    title: string;
    description: string | null;
    /** Says where the title comes from when Parallax made it up; null otherwise. */
    titleNote: string | null;
    /** An article headline, shown when the story's title is only its slug. */
    example: string | null;
    dates: string | null;
    articleCount: number;
    wordCount: number;
    outlets: { name: string; articleCount: number; href: string }[];
  }[];
  isEmpty: boolean;
}

export function dateRange(start: string | null, end: string | null): string | null {
  if (start && end && start !== end) return `${start} – ${end}`;
  return start ?? end;
}

/** A made-up title says so: it is the words the story's headlines share, not a given name. */
export function titleNote(story: StorySummary): string | null {
  return story.titleSource === 'headlines'
    ? `Title made from the words its headlines share (story “${story.slug}”).`
    : null;
}

export function homePage(stories: StorySummary[]): HomePage {
  return {
    title: 'Stories',
    crumbs: [],
    stories: stories.map((story) => ({
      href: `/stories/${encodeURIComponent(story.slug)}`,
      title: story.title,
      description: story.description,
      titleNote: titleNote(story),
      example: story.title === story.slug ? story.sampleHeadline : null,
      dates:
        dateRange(story.startDate, story.endDate) ??
        dateRange(story.firstArticleDate, story.lastArticleDate),
      articleCount: story.articleCount,
      wordCount: story.wordCount,
      outlets: story.outlets.map((o) => ({
        name: o.name,
        articleCount: o.articleCount,
        href: `/outlets/${encodeURIComponent(o.slug)}`,
      })),
    })),
    isEmpty: stories.length === 0,
  };
}

// View model of the home page: the stories with their outlets and article counts, a page
// of STORIES_PER_PAGE at a time, each story's outlets cut to its OUTLET_CHIPS largest.

import type { StorySummary } from '../../db/store.js';
import { paginate, type Pager } from '../pager.js';
import type { LayoutModel } from '../render.js';

export const STORIES_PER_PAGE = 50;
/** Outlets named per story; the rest are counted and listed on the story page. */
export const OUTLET_CHIPS = 12;

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
    /** Outlets not named here, with the address that lists them all; null when none. */
    moreOutlets: { count: number; href: string } | null;
  }[];
  storyCount: number;
  pager: Pager;
  isEmpty: boolean;
}

export function dateRange(start: string | null, end: string | null): string | null {
  if (start && end && start !== end) return `${start} – ${end}`;
  return start ?? end;
}

/** A made-up title says so: it is made from the story's headlines, not a given name. */
export function titleNote(story: StorySummary): string | null {
  return story.titleSource === 'headlines'
    ? `Title made from its headlines: the words they share, or the shortest (story “${story.slug}”).`
    : null;
}

export function homePage(all: StorySummary[], page = 1): HomePage {
  const { items: stories, pager } = paginate(all, page, STORIES_PER_PAGE, (n) =>
    n === 1 ? '/' : `/?page=${n}`,
  );
  return {
    title: page === 1 ? 'Stories' : `Stories, page ${page}`,
    crumbs: [],
    stories: stories.map((story) => {
      const href = `/stories/${encodeURIComponent(story.slug)}`;
      const outlets = [...story.outlets].sort(
        (a, b) => b.articleCount - a.articleCount || a.name.localeCompare(b.name),
      );
      const hidden = outlets.length - OUTLET_CHIPS;
      return {
        href,
        title: story.title,
        description: story.description,
        titleNote: titleNote(story),
        example: story.title === story.slug ? story.sampleHeadline : null,
        dates:
          dateRange(story.startDate, story.endDate) ??
          dateRange(story.firstArticleDate, story.lastArticleDate),
        articleCount: story.articleCount,
        wordCount: story.wordCount,
        outlets: (hidden > 0 ? outlets.slice(0, OUTLET_CHIPS) : story.outlets).map((o) => ({
          name: o.name,
          articleCount: o.articleCount,
          href: `/outlets/${encodeURIComponent(o.slug)}`,
        })),
        moreOutlets: hidden > 0 ? { count: hidden, href: `${href}#articles-h` } : null,
      };
    }),
    storyCount: all.length,
    pager,
    isEmpty: all.length === 0,
  };
}

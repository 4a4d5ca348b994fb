// One page of a long list (articles of a big story, stories on the home page, aligned
// facts): the page number is read strictly from the query string ("2", never "2x", "0x2",
// "1e1" or "-1"), a page past the end is a 400 that names the last page, and the view gets
// the links a pager needs. It deliberately knows nothing about what is listed.

import { HttpError } from './http-error.js';

export interface PagerLink {
  label: string;
  href: string;
  current: boolean;
}

export interface Pager {
  page: number;
  pageCount: number;
  total: number;
  /** 1-based positions of the first and last item shown ("41–80 of 1,099"). */
  first: number;
  last: number;
  previous: string | null;
  next: string | null;
  /** The first, last and nearby pages; null between them stands for a gap ("…"). */
  pages: (PagerLink | null)[];
  /** More than one page: the template shows the pager only then. */
  isPaged: boolean;
}

/**
 * The page number in `value` (a query parameter): 1 when absent or blank, else a plain
 * positive decimal; anything else is a 400 naming the parameter.
 */
export function pageNumber(value: unknown, name = 'page'): number {
  if (value === undefined || value === '') return 1;
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,6}$/.test(value)) {
    throw new HttpError(400, `Bad “${name}” in the address: give a page number (1, 2, …).`);
  }
  return Number(value);
}

/** The items of page `page` and its pager; `href(n)` is the address of page n. */
export function paginate<T>(
  items: readonly T[],
  page: number,
  perPage: number,
  href: (page: number) => string,
): { items: T[]; pager: Pager } {
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  if (page > pageCount) {
    throw new HttpError(400, `Bad “page” in the address: the last page is ${pageCount}.`);
  }
  const start = (page - 1) * perPage;
  const shown = items.slice(start, start + perPage);
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
    .filter((n) => n >= 1 && n <= pageCount)
    .sort((a, b) => a - b);
  const pages: (PagerLink | null)[] = [];
  numbers.forEach((n, i) => {
    if (i > 0 && n - numbers[i - 1]! > 1) pages.push(null);
    pages.push({ label: String(n), href: href(n), current: n === page });
  });
  return {
    items: shown,
    pager: {
      page,
      pageCount,
      total: items.length,
      first: shown.length > 0 ? start + 1 : 0,
      last: start + shown.length,
      previous: page > 1 ? href(page - 1) : null,
      next: page < pageCount ? href(page + 1) : null,
      pages,
      isPaged: pageCount > 1,
    },
  };
}

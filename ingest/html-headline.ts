/**
 * Which headline a saved web page gets (ingest/html.ts). A page names its headline several
 * times and the names differ: `<title>` usually carries the site ("Headline | ChinaFile"),
 * some sites put the suffix in og:title too, and an SEO title can differ from the headline
 * readers saw. A researcher expects the article's own headline, so, in order:
 *
 *   1. the article's `<h1>`: the first inside `<article>`, else the page's only `<h1>`;
 *      an `<h1>` that is just the site's name (a logo) does not count;
 *   2. og:title, then JSON-LD's `headline`, then twitter:title (what the publisher declares);
 *   3. Readability's title (from `<title>`).
 *
 * The one taken loses a site-name affix: " | Site", " - Site", " – Site", " — Site",
 * " · Site", " :: Site", " » Site" at its end or "Site | " at its start, where Site is the
 * site's name (og:site_name, JSON-LD publisher, application-name, or --outlet); then
 * whatever follows a " | " (pipes part a page title, "Headline | World news | Site"; a
 * headline never holds one, while a dash often is its own punctuation).
 *
 * Deliberately not here: reading the page (html.ts collects the candidates before
 * Readability rewrites the document) or changing the article's text.
 */

/** Headlines longer than this are a mis-marked block, not a headline. */
const MAX_HEADLINE_CHARS = 300;

export interface HeadlineCandidates {
  /** Text of the `<h1>` elements inside `<article>`, in page order. */
  articleH1s: readonly string[];
  /** Text of every `<h1>` of the page, in page order. */
  pageH1s: readonly string[];
  /** og:title, JSON-LD headline, twitter:title, in that order (missing ones undefined). */
  declared: readonly (string | undefined)[];
  /** Readability's title, from `<title>`. */
  readability: string | undefined;
  /** Names the site goes by (og:site_name, JSON-LD publisher, application-name, --outlet). */
  siteNames: readonly (string | undefined)[];
}

const SEPARATORS = ['|', '-', '–', '—', '·', '::', '»'];

/** Letters and digits only, lower case: "The New York Times" ~ "the new york times". */
function key(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function collapse(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The headline without a site-name prefix or suffix (see the module comment). */
export function withoutSiteName(headline: string, siteNames: readonly string[]): string {
  const sites = new Set(siteNames.map(key).filter((k) => k.length > 0));
  let text = headline;
  for (const sep of SEPARATORS) {
    const mark = ` ${sep} `;
    const first = text.indexOf(mark);
    if (first > 0 && sites.has(key(text.slice(0, first)))) text = text.slice(first + mark.length);
    const last = text.lastIndexOf(mark);
    if (last > 0 && sites.has(key(text.slice(last + mark.length)))) text = text.slice(0, last);
  }
  // Pipes part a page title ("Headline | World news | Site"); a headline never has one.
  const pipe = text.indexOf(' | ');
  if (pipe > 0) text = text.slice(0, pipe);
  return text.trim() || headline;
}

/** The article's headline, or undefined when the page names none. */
export function chooseHeadline(candidates: HeadlineCandidates): string | undefined {
  const siteNames = candidates.siteNames.map(collapse).filter((s) => s.length > 0);
  const sites = new Set(siteNames.map(key));
  const usable = (text: string | undefined): string | undefined => {
    const t = collapse(text);
    return t && t.length <= MAX_HEADLINE_CHARS && !sites.has(key(t)) ? t : undefined;
  };
  const pageH1 = candidates.pageH1s.length === 1 ? candidates.pageH1s[0] : undefined;
  const ordered = [
    candidates.articleH1s.map(usable).find((t) => t !== undefined),
    usable(pageH1),
    ...candidates.declared.map(usable),
    usable(candidates.readability),
  ];
  const chosen = ordered.find((t) => t !== undefined);
  return chosen === undefined ? undefined : withoutSiteName(chosen, siteNames);
}

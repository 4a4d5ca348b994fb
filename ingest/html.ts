/**
 * Reader for one saved web page (`.html` / `.htm`): the article's main text through
 * @mozilla/readability over a linkedom document, and its title, author, date, URL and
 * outlet from the page's metadata (Open Graph, article:*, meta author/byline,
 * JSON-LD NewsArticle, <time datetime>), with Readability's own guesses as fallback. The
 * headline is the article's <h1> before the declared titles (ingest/html-headline.ts).
 *
 * The stored text is one paragraph per block element (p, h1–h6, li, blockquote, …)
 * with whitespace collapsed inside each, paragraphs separated by a blank line, no HTML.
 * It starts with the headline, once, as the bundled corpus's texts and a pasted article
 * do, so the headline is scored and read as the lead: Readability drops an <h1> that
 * repeats the page's <title> or stands above the element it keeps as the body (a news
 * site's header, a WordPress entry header), and keeps one that differs from <title>.
 *
 * Deliberately not here: fetching pages, running scripts (linkedom never executes
 * any; script and style contents are dropped, attributes are never read as text),
 * or guessing a story (it comes from the defaults).
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { countWords } from '../analysis/segmentation/tokens.js';
import { chooseHeadline } from './html-headline.js';
import { buildArticle, IngestError, isIsoDate, isWebAddress } from './record.js';
import type { PageShape } from './screen.js';
import { navigationReason } from './screen.js';
import type { IngestDefaults, IngestLimits, IngestResult, LooseFields } from './record.js';

/** The slice of the DOM this reader touches (the project compiles without the DOM lib). */
interface PageNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  // Children are walked with firstChild / nextSibling only: linkedom builds a fresh
  // list on every `childNodes` or `children` access, so indexing one in a loop is
  // quadratic (10,000 <br> took 9 s that way).
  readonly firstChild: PageNode | null;
  readonly nextSibling: PageNode | null;
}
interface PageElement extends PageNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}
interface PageDocument {
  readonly documentElement: PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

/**
 * Readability's cost grows steeply with nesting depth (measured: 400 levels 4 s, 800
 * levels 16 s); real news pages stay well under 60. Deeper markup is refused, not
 * left to hang the ingest.
 */
const MAX_DEPTH = 128;
/**
 * Readability's work is roughly linear in elements but heavy (about 0.1–0.2 ms each on
 * this project's machine: 50,000 links took 10 s); real article pages have a few
 * thousand. More is refused before parsing.
 */
const MAX_ELEMENTS = 25_000;

// prettier-ignore
const BLOCK = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'DIV', 'SECTION', 'ARTICLE',
  'UL', 'OL', 'DL', 'DT', 'DD', 'PRE', 'FIGURE', 'FIGCAPTION', 'TABLE', 'TR', 'TD', 'TH',
  'HEADER', 'FOOTER', 'ASIDE', 'MAIN', 'BR', 'HR',
]);
// prettier-ignore
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'MATH', 'BUTTON', 'SELECT',
]);

const NO_TEXT = 'no article text found in the page';

/** Read one article from a decoded HTML page. */
export function readHtml(
  html: string,
  file: string,
  defaults: IngestDefaults,
  limits: IngestLimits,
): IngestResult {
  const tooDeep = new IngestError(
    file,
    `page markup is nested more than ${MAX_DEPTH} levels deep; save the article as .txt instead`,
  );
  // linkedom's own parse slows down on pathological nesting (100,000 levels: 30 s) and
  // on sheer size, so one linear scan of the raw tags refuses those before parsing; the
  // exact depth check follows on the parsed tree.
  const shape = scanTags(html);
  if (shape.depth > 4 * MAX_DEPTH) return tooDeep;
  if (shape.elements > MAX_ELEMENTS) {
    return new IngestError(
      file,
      `page has more than ${MAX_ELEMENTS.toLocaleString('en')} elements (${shape.elements.toLocaleString('en')}); ` +
        `save the article as .txt instead`,
    );
  }
  const document = parseHTML(html).document as unknown as PageDocument;
  const root = document.documentElement;
  if (!root) return new IngestError(file, NO_TEXT);
  if (nestingDepth(root) > MAX_DEPTH) return tooDeep;

  // Metadata first: Readability rewrites the document it parses.
  const meta = pageMetadata(document);
  let parsed: ReturnType<Readability<PageElement>['parse']>;
  try {
    const reader = new Readability<PageElement>(
      document as unknown as ConstructorParameters<typeof Readability>[0],
      {
        maxElemsToParse: MAX_ELEMENTS,
        serializer: (node) => node as unknown as PageElement,
      },
    );
    parsed = reader.parse();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return new IngestError(file, `${NO_TEXT} (${why})`);
  }
  const text = parsed?.content ? paragraphsOf(parsed.content).join('\n\n') : '';
  if (!text || !parsed?.content) return new IngestError(file, NO_TEXT);
  const navigation = navigationReason(pageShape(parsed.content, text, meta.generator));
  if (navigation) return new IngestError(file, navigation);

  const title = chooseHeadline({
    ...meta.headlines,
    readability: parsed?.title ?? undefined,
    siteNames: [meta.outlet, parsed?.siteName ?? undefined, meta.applicationName, defaults.outlet],
  });
  const fields: LooseFields = {
    title,
    outlet: meta.outlet ?? parsed?.siteName,
    url: meta.url,
    date: meta.date ?? firstIsoDate([parsed?.publishedTime]),
    author: meta.author ?? parsed?.byline,
    text, // buildArticle puts the headline first
  };
  return buildArticle(fields, {
    file,
    defaults,
    limits,
    howToAdd: (field) =>
      field === 'outlet'
        ? 'the page has no og:site_name; pass --outlet'
        : 'a web page names no story; pass --story',
  });
}

// prettier-ignore
const VOID_OR_OPTIONAL_END = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', // end tags optional in HTML
]);

/**
 * One pass over the raw tags: how many elements and comments (both are nodes Readability
 * walks), and open-minus-closed depth (an upper-bound guess, never exact). `<div/>` does
 * not close a div in HTML, so a trailing slash counts only inside <svg> and <math>.
 * A tag stops at the next `<`: with `[^>]*` instead, "<a" repeated without a `>` made
 * every match attempt run to the end of the text (20,000 of them: 3.5 s).
 */
function scanTags(html: string): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  let foreign = 0; // open <svg>/<math> elements around the current tag
  for (const match of html.matchAll(/<!--|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(\/?)>/g)) {
    if (match[0] === '<!--') {
      elements++; // 120,000 comments overflowed Readability's stack
      continue;
    }
    const closing = match[1] === '/';
    const name = (match[2] ?? '').toLowerCase();
    const isForeignRoot = name === 'svg' || name === 'math';
    if (!closing) elements++;
    if (isForeignRoot) foreign = Math.max(0, foreign + (closing ? -1 : match[3] ? 0 : 1));
    if (VOID_OR_OPTIONAL_END.has(name) || (match[3] && (foreign > 0 || isForeignRoot))) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
  }
  return { elements, depth: deepest };
}

/** Iterative, so hostile nesting cannot overflow the stack. */
function nestingDepth(root: PageElement): number {
  let deepest = 0;
  const stack: Array<[PageElement, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_DEPTH) break;
    for (let child = element.firstChild; child !== null; child = child.nextSibling)
      if (child.nodeType === 1) stack.push([child as PageElement, depth + 1]);
  }
  return deepest;
}

/** One string per block, whitespace collapsed; walks with an explicit stack. */
export function paragraphsOf(content: PageElement): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = current.replace(/\s+/g, ' ').trim();
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  const stack: Array<{ node: PageNode; leaving: boolean }> = [{ node: content, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node as PageElement).tagName.toUpperCase();
    if (SKIP.has(tag)) continue;
    const block = BLOCK.has(tag);
    if (leaving) {
      if (block) flush();
      continue;
    }
    if (block) flush();
    stack.push({ node, leaving: true });
    // Pushed in reverse so they pop in reading order.
    const children: PageNode[] = [];
    for (let child = node.firstChild; child !== null; child = child.nextSibling)
      children.push(child);
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i]!, leaving: false });
  }
  flush();
  return paragraphs;
}

/** The links in the extracted article, for screen.ts to tell navigation from an article. */
function pageShape(content: PageElement, text: string, generator: string | null): PageShape {
  const collapsed = (node: PageNode) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
  // Every <a>, in the text or in a chart (an SVG link has xlink:href, not href).
  const links = content.querySelectorAll('a');
  let linkChars = 0;
  for (let i = 0; i < links.length; i++) linkChars += collapsed(links[i]!).length;
  return {
    generator,
    words: countWords(text),
    links: links.length,
    linkChars,
    chars: collapsed(content).length,
  };
}

interface PageMetadata {
  generator: string | null;
  /** What html-headline.ts chooses the headline from (all but Readability's title). */
  headlines: { articleH1s: string[]; pageH1s: string[]; declared: (string | undefined)[] };
  applicationName?: string;
  outlet?: string;
  url?: string;
  date?: string;
  author?: string;
}

function pageMetadata(document: PageDocument): PageMetadata {
  const metaByKey = new Map<string, string>();
  const metas = document.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i]!;
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '')
      .trim()
      .toLowerCase();
    const content = meta.getAttribute('content')?.trim();
    if (key && content && !metaByKey.has(key)) metaByKey.set(key, content);
  }
  const ld = newsArticleJsonLd(document);
  const times = document.querySelectorAll('time[datetime]');
  const timeValues: Array<string | null> = [];
  for (let i = 0; i < Math.min(times.length, 5); i++)
    timeValues.push(times[i]!.getAttribute('datetime'));
  const canonical = document.querySelectorAll('link[rel="canonical"]')[0]?.getAttribute('href');

  const authorMeta =
    metaByKey.get('author') ?? metaByKey.get('byline') ?? metaByKey.get('article:author');
  const texts = (selector: string) =>
    Array.from(document.querySelectorAll(selector), (h) => h.textContent ?? '');
  return {
    generator: metaByKey.get('generator') ?? null,
    headlines: {
      articleH1s: texts('article h1'),
      pageH1s: texts('h1'),
      declared: [metaByKey.get('og:title'), ld.headline, metaByKey.get('twitter:title')],
    },
    applicationName: metaByKey.get('application-name'),
    outlet: metaByKey.get('og:site_name') ?? ld.publisher,
    url:
      [metaByKey.get('og:url'), canonical, ld.url].find(
        (u) => u !== undefined && u !== null && isWebAddress(u),
      ) ?? undefined,
    date: firstIsoDate([
      metaByKey.get('article:published_time'),
      ld.datePublished,
      metaByKey.get('datepublished'),
      metaByKey.get('date'),
      ...timeValues,
    ]),
    // article:author is often a profile URL, not a name.
    author: ld.author ?? (authorMeta && !isWebAddress(authorMeta) ? authorMeta : undefined),
  };
}

/** Metadata dates that are not ISO are skipped, not fatal: the page's text is still wanted. */
function firstIsoDate(candidates: Array<string | null | undefined>): string | undefined {
  return candidates.map((c) => c?.trim()).find((c): c is string => !!c && isIsoDate(c));
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  author?: string;
  publisher?: string;
  url?: string;
}

function newsArticleJsonLd(document: PageDocument): JsonLdArticle {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]!.textContent ?? '');
    } catch {
      continue; // broken JSON-LD is common; the other metadata still counts
    }
    const candidates: unknown[] = Array.isArray(data) ? data : [data];
    for (const candidate of candidates) {
      const graph = record(candidate)?.['@graph'];
      for (const item of Array.isArray(graph) ? graph : [candidate]) {
        const article = record(item);
        if (!article || !isArticleType(article['@type'])) continue;
        return {
          headline: stringOf(article['headline']),
          datePublished: stringOf(article['datePublished']),
          author: namesOf(article['author']),
          publisher: namesOf(article['publisher']),
          url: stringOf(article['url']),
        };
      }
    }
  }
  return {};
}

function isArticleType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && /Article$|^BlogPosting$/.test(t));
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** JSON-LD names: "A", {name: "A"}, or a list of either → "A, B". */
function namesOf(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : [value];
  const names = list
    .map((v) => stringOf(v) ?? stringOf(record(v)?.['name']))
    .filter((n): n is string => !!n);
  return names.length > 0 ? names.join(', ') : undefined;
}

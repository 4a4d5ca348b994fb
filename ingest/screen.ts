/**
 * Refuses input that is not a news article, with the reason, before anything is analyzed:
 * text too short to say anything about framing (fewer than `minWords` words, counted by the
 * one tokenizer every rate uses), and saved web pages that are navigation rather than an
 * article (mostly links, or a page saved from Parallax itself). read.ts screens every
 * record every reader yields; the HTML reader measures its page's links and asks
 * `navigationReason` here.
 *
 * Deliberately not here: duplicates (the store), page furniture inside a real article
 * (segmentation marks it), language or topic checks.
 */
import { countWords } from '../analysis/segmentation/tokens.js';
import { IngestError } from './record.js';
import type { IngestResult } from './record.js';

/**
 * Navigation, not an article: a link for every 5 words, or half the text is link text.
 * Measured on Readability's extract: a saved Parallax dashboard has 541 links in 713 words
 * (0.76 per word, most in its charts); an article page with a link on every sentence
 * number (Parallax's own, 82 links in 2,064 words) has 0.04, and link text is 1% of it.
 */
const MAX_LINKS_PER_WORD = 0.2;
const MAX_LINK_TEXT_SHARE = 0.5;

/** What the HTML reader measures on the text it extracted from a page. */
export interface PageShape {
  /** The page's <meta name="generator">, if any. */
  generator: string | null;
  words: number;
  /** Links (<a>, in the text or in its charts) in the extract, and their text's characters. */
  links: number;
  linkChars: number;
  /** Characters of the extracted text, whitespace collapsed. */
  chars: number;
}

/** Why a page is not an article but navigation (or a Parallax page), or null if it is one. */
export function navigationReason(page: PageShape): string | null {
  if (page.generator !== null && /^parallax\b/i.test(page.generator.trim())) {
    return 'a page saved from Parallax itself, not an article; ingest the original article';
  }
  if (page.links >= 10 && page.links > MAX_LINKS_PER_WORD * page.words) {
    return (
      `looks like navigation, not an article: ${page.links} links in ${page.words} words ` +
      `(an article has fewer than one link per ${Math.round(1 / MAX_LINKS_PER_WORD)} words)`
    );
  }
  if (page.chars > 0 && page.linkChars / page.chars >= MAX_LINK_TEXT_SHARE) {
    const share = Math.round((100 * page.linkChars) / page.chars);
    return `looks like navigation, not an article: ${share}% of its text is link text`;
  }
  return null;
}

/** The record if it is long enough to be an article; otherwise an error saying so. */
export function screenArticle(result: IngestResult, minWords: number): IngestResult {
  if (result instanceof IngestError || minWords <= 0) return result;
  const words = countWords(result.text, minWords);
  if (words >= minWords) return result;
  const [file, where] = splitSource(result.source);
  return new IngestError(
    file,
    `${where ? `${where}: ` : ''}too short for an article: fewer than ${minWords} words ` +
      `(${words}; set the minimum with --min-words)`,
  );
}

/** Every result of a reader, screened. */
export async function* screenAll(
  results: AsyncIterable<IngestResult>,
  minWords: number,
): AsyncGenerator<IngestResult> {
  for await (const result of results) yield screenArticle(result, minWords);
}

/** 'a.csv:row 4' → ['a.csv', 'row 4'], as IngestError names a row of a multi-article file. */
function splitSource(source: string): [string, string | null] {
  const match = /^(.*):((?:row|line) \d+)$/.exec(source);
  return match ? [match[1]!, match[2]!] : [source, null];
}

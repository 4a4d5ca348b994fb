/**
 * Reader for one article per `.txt` / `.md` file, with optional YAML front matter:
 *
 *   ---
 *   title: In China, Blinken Faces Clashing Agendas
 *   outlet: The New York Times
 *   story: blinken-beijing-2023
 *   date: 2023-06-18
 *   ---
 *   The article text…
 *
 * The text is everything after the closing `---` line, kept exactly (line structure,
 * leading and trailing blank lines), because analysis offsets point into it.
 *
 * Deliberately not here: Markdown rendering (a .md file is stored as written) and
 * decoding bytes (decode.ts). YAML is parsed by the `yaml` package with the failsafe
 * schema: every value is read as plain text (`title: 1984` stays "1984"), nothing is
 * evaluated, and no custom tags are honoured.
 */
import { parseDocument } from 'yaml';
import {
  ARTICLE_FIELDS,
  buildArticle,
  IngestError,
  type ArticleField,
  type IngestDefaults,
  type IngestLimits,
  type IngestResult,
  type LooseFields,
} from './record.js';

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(---|\.\.\.)[ \t]*$/;

/** Read one article from decoded text (LF line ends, no BOM). */
export function readTxt(
  text: string,
  file: string,
  defaults: IngestDefaults,
  limits: IngestLimits,
): IngestResult {
  const split = splitFrontMatter(text);
  if (split instanceof IngestError) return new IngestError(file, split.reason);

  let fields: LooseFields = {};
  if (split.frontMatter !== null) {
    const parsed = parseFrontMatter(split.frontMatter);
    if (typeof parsed === 'string') return new IngestError(file, parsed);
    fields = parsed;
  }
  if ('text' in fields) {
    return new IngestError(
      file,
      "front matter must not set 'text'; the article text goes after the closing ---",
    );
  }
  return buildArticle(
    { ...fields, text: split.body },
    {
      file,
      defaults,
      limits,
      howToAdd: (field) => `add \`${field}:\` front matter or pass --${field}`,
    },
  );
}

interface Split {
  frontMatter: string | null;
  body: string;
}

/** Front matter is a block between a first line `---` and the next `---` (or `...`) line. */
export function splitFrontMatter(text: string): Split | IngestError {
  const firstBreak = text.indexOf('\n');
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
  if (!FENCE.test(firstLine)) return { frontMatter: null, body: text };

  let lineStart = firstBreak === -1 ? text.length : firstBreak + 1;
  while (lineStart < text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    const end = lineEnd === -1 ? text.length : lineEnd;
    if (CLOSING_FENCE.test(text.slice(lineStart, end))) {
      return {
        frontMatter: text.slice(firstBreak + 1, lineStart),
        body: lineEnd === -1 ? '' : text.slice(lineEnd + 1),
      };
    }
    lineStart = end + 1;
  }
  return new IngestError(
    '',
    'front matter opened with --- on the first line is never closed (add a --- line after it)',
  );
}

function parseFrontMatter(block: string): LooseFields | string {
  const doc = parseDocument(block, { schema: 'failsafe', uniqueKeys: true, prettyErrors: true });
  const problem = doc.errors[0];
  if (problem) {
    const line = problem.linePos?.[0]?.line;
    // +1: the opening --- is line 1 of the file, so front matter line 1 is file line 2.
    const where = line === undefined ? '' : ` at line ${line + 1}`;
    const message = (problem.message.split('\n')[0] ?? '').replace(
      / at line \d+, column \d+:?$/,
      '',
    );
    return `front matter is not valid YAML${where}: ${message}`;
  }
  let value: unknown;
  try {
    // The alias limit stops "billion laughs" front matter; `yaml` throws past it.
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return `front matter cannot be read as YAML: ${why}`;
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    return 'front matter must be `key: value` lines (title, outlet, story, url, date, author)';
  }
  // Keys are matched case-insensitively, like CSV headers, so `Title:` works too.
  // Only known field names are copied: unknown keys are ignored, and a key such as
  // `__proto__` can never reach an object's prototype.
  const fields: LooseFields = {};
  for (const [key, field] of Object.entries(value)) {
    const name = key.trim().toLowerCase();
    if (isArticleField(name)) fields[name] = field;
  }
  return fields;
}

function isArticleField(name: string): name is ArticleField {
  return (ARTICLE_FIELDS as readonly string[]).includes(name);
}

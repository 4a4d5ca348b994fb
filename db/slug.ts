// URL identifiers for outlets and stories, made from their display names
// ("The New York Times" → "the-new-york-times", "新华社" → "新华社"). Letters of every
// script are kept, so names in Chinese or Cyrillic do not all collapse into one slug; a
// name with no letters or digits, or one cut at the length limit, gets a short hash of
// the full name, so different names do not meet by accident.

import { createHash } from 'node:crypto';
import { TextMemo } from '../lib/strings.js';

const MAX_LENGTH = 80;

function nameHash(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 8);
}

/**
 * Slugs already made, by name: ingest asks for its outlet's and story's slug four or five
 * times per article, and the same few hundred names recur. Emptied when it holds
 * `SLUGS_KEPT` names. A name is kept `detached`: read from a file's front matter it is a
 * slice of the whole file, which the name would keep alive.
 */
const SLUGS_KEPT = 10_000;
const slugs = new TextMemo<string>(SLUGS_KEPT);

export function slugify(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = makeSlug(name);
    slugs.set(name, slug);
  }
  return slug;
}

function makeSlug(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (base === '') return `untitled-${nameHash(name)}`;
  if (base.length <= MAX_LENGTH) return base;
  return `${base.slice(0, MAX_LENGTH - 9).replace(/-+$/, '')}-${nameHash(name)}`;
}

/** Two names that differ only in case, accents, spacing or punctuation name the same thing. */
export function sameName(a: string, b: string): boolean {
  return slugify(a) === slugify(b);
}

/** The slug for `name` when `slug` is already taken by a different name. */
export function distinctSlug(name: string): string {
  return `${slugify(name).slice(0, MAX_LENGTH - 9)}-${nameHash(name)}`;
}

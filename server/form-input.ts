// The write forms' fields, checked at the edge with zod: what a form sent becomes a typed
// edit, or the list of problems to show above the form again. Empty optional fields are
// null; text is trimmed and its whitespace runs collapsed, as ingest does with metadata.
//
// Not here: whether the story or outlet named exists (the store says), tokens (access.ts).

import { z } from 'zod';
import { isIsoDate, isWebAddress } from '../ingest/record.js';
import type { ArticleEdit, OutletEdit, StoryEdit } from '../db/store.js';

/** Metadata longer than this is a mistake, as it is for ingest (record.ts). */
const MAX_FIELD_CHARS = 2_000;

const clean = (value: string) => value.replace(/\s+/g, ' ').trim();

const required = (label: string) =>
  z
    .string({ error: `${label} is missing.` })
    .transform(clean)
    .pipe(
      z
        .string()
        .min(1, `${label} must not be empty.`)
        .max(
          MAX_FIELD_CHARS,
          `${label} is longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters.`,
        ),
    );

const optional = (label: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined ? '' : clean(value)))
    .pipe(
      z
        .string()
        .max(
          MAX_FIELD_CHARS,
          `${label} is longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters.`,
        ),
    )
    .transform((value) => (value === '' ? null : value));

const date = optional('Date').refine(
  (value) => value === null || isIsoDate(value),
  'Date must be a date as YYYY-MM-DD (e.g. 2023-06-18).',
);

const url = optional('Address (URL)').refine(
  (value) => value === null || isWebAddress(value),
  'Address (URL) must start with http:// or https://.',
);

// The codebook is a name here; whether it is one the story may have, the route decides
// (the bundled codebooks, or the story's own file it already has).
const storyEdit = z.object({
  title: required('Title'),
  description: optional('Description'),
  codebook: optional('Codebook'),
});

const outletEdit = z.object({
  name: required('Name'),
  kind: optional('Kind'),
  country: optional('Country'),
});

const articleEdit = z.object({
  title: optional('Title'),
  author: optional('Author'),
  date,
  url,
  outlet: required('Outlet'),
  story: required('Story'),
});

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

function check<S extends z.ZodType, T>(
  schema: S,
  body: unknown,
  build: (value: z.infer<S>) => T,
): Checked<T> {
  const parsed = schema.safeParse(typeof body === 'object' && body !== null ? body : {});
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => i.message) };
  return { ok: true, value: build(parsed.data) };
}

/** A story's edit, and the codebook chosen (null: the form sent none, keep the story's). */
export function storyEditFrom(
  body: unknown,
): Checked<{ edit: StoryEdit; codebook: string | null }> {
  return check(storyEdit, body, (v) => ({
    edit: { title: v.title, description: v.description },
    codebook: v.codebook,
  }));
}

export function outletEditFrom(body: unknown): Checked<OutletEdit> {
  return check(outletEdit, body, (v) => v);
}

export function articleEditFrom(body: unknown): Checked<ArticleEdit> {
  return check(articleEdit, body, (v) => ({
    title: v.title,
    author: v.author,
    publishedDate: v.date,
    url: v.url,
    outletSlug: v.outlet,
    storySlug: v.story,
  }));
}

/** A string field of a form, or '' (to print the form again as it was sent). */
export function sent(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, name)) return '';
  const value: unknown = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

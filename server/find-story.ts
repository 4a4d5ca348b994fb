// The story a route's :slug names, or the 404 every story page answers for an unknown one.

import type { Store, StorySummary } from '../db/store.js';
import { HttpError } from './http-error.js';

export async function storyOr404(store: Store, slug: string): Promise<StorySummary> {
  const story = await store.getStory(slug);
  if (!story) throw new HttpError(404, `No story “${slug}”.`);
  return story;
}

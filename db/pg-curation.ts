// Curation on PostgreSQL: the browser's edits and deletions of stories, outlets and
// articles (server/routes/curate.ts), each one transaction that stamps edited_at so the
// pages' caches see the change, with the same answers as db/sqlite-curation.ts.
//
// Not here: adding articles and re-analysis (pg-store.ts).

import type { PgConnection } from './pg-connection.js';
import { slugify } from './slug.js';
import { EditConflict } from './store.js';
import type { ArticleEdit, DeletedArticle, OutletEdit, StoryEdit } from './store.js';

export class PgCuration {
  constructor(private readonly conn: PgConnection) {}

  async updateStory(slug: string, edit: StoryEdit): Promise<boolean> {
    // A title given by hand is metadata: a title made from headlines never replaces it.
    const { rowCount } = await this.conn.db.query(
      `UPDATE story SET title = $1, description = $2, title_source = 'metadata', edited_at = now()
       WHERE slug = $3`,
      [edit.title, edit.description, slug],
    );
    return rowCount === 1;
  }

  async updateOutlet(slug: string, edit: OutletEdit): Promise<string | null> {
    return this.conn.transaction(async (db) => {
      const { rows } = await db.query<{ id: number }>(
        `SELECT id FROM outlet WHERE slug = $1 FOR UPDATE`,
        [slug],
      );
      const id = rows[0]?.id;
      if (id === undefined) return null;
      // The slug follows the name, so an article ingested later under the new name joins
      // this outlet instead of starting another.
      const newSlug = slugify(edit.name);
      const holder = await db.query<{ id: number }>(`SELECT id FROM outlet WHERE slug = $1`, [
        newSlug,
      ]);
      if (holder.rows[0] && holder.rows[0].id !== id) {
        throw new EditConflict(
          `Another outlet is already called “${edit.name}” (or a name that makes the same address, /outlets/${newSlug}).`,
        );
      }
      await db.query(
        `UPDATE outlet SET slug = $2, name = $3, kind = $4, country = $5,
           is_name_inferred = CASE WHEN name = $3 THEN is_name_inferred ELSE false END,
           edited_at = now()
         WHERE id = $1`,
        [id, newSlug, edit.name, edit.kind, edit.country],
      );
      return newSlug;
    });
  }

  async updateArticle(id: number, edit: ArticleEdit): Promise<boolean> {
    if (!Number.isSafeInteger(id)) return false;
    return this.conn.transaction(async (db) => {
      const outlet = await db.query<{ id: number }>(`SELECT id FROM outlet WHERE slug = $1`, [
        edit.outletSlug,
      ]);
      if (!outlet.rows[0]) throw new EditConflict(`No outlet “${edit.outletSlug}”.`);
      const story = await db.query<{ id: number }>(`SELECT id FROM story WHERE slug = $1`, [
        edit.storySlug,
      ]);
      if (!story.rows[0]) throw new EditConflict(`No story “${edit.storySlug}”.`);
      const { rowCount } = await db.query(
        `UPDATE article SET title = $2, author = $3, published_date = $4, url = $5,
           outlet_id = $6, story_id = $7, edited_at = now()
         WHERE id = $1`,
        [
          id,
          edit.title,
          edit.author,
          edit.publishedDate,
          edit.url,
          outlet.rows[0].id,
          story.rows[0].id,
        ],
      );
      return rowCount === 1;
    });
  }

  async deleteArticle(id: number): Promise<DeletedArticle | null> {
    if (!Number.isSafeInteger(id)) return null;
    return this.conn.transaction(async (db) => {
      const { rows } = await db.query<{
        story_id: number;
        outlet_id: number;
        story_slug: string;
        outlet_slug: string;
      }>(
        `SELECT a.story_id, a.outlet_id, s.slug AS story_slug, o.slug AS outlet_slug
         FROM article a JOIN story s ON s.id = a.story_id JOIN outlet o ON o.id = a.outlet_id
         WHERE a.id = $1 FOR UPDATE OF a`,
        [id],
      );
      const place = rows[0];
      if (!place) return null;
      // Segments, speakers, cue hits and targets go with it (ON DELETE CASCADE).
      await db.query(`DELETE FROM article WHERE id = $1`, [id]);
      // A story or outlet with no article left would be an empty page.
      const story = await db.query(
        `DELETE FROM story WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM article WHERE story_id = $1)`,
        [place.story_id],
      );
      const outlet = await db.query(
        `DELETE FROM outlet WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM article WHERE outlet_id = $1)`,
        [place.outlet_id],
      );
      return {
        storySlug: place.story_slug,
        outletSlug: place.outlet_slug,
        removedStory: story.rowCount === 1,
        removedOutlet: outlet.rowCount === 1,
      };
    });
  }
}

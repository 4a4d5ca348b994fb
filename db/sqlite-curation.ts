// Curation in SQLite: the edits and deletions the browser's forms make to stories, outlets
// and articles (server/routes/curate.ts). Each is one IMMEDIATE transaction, retried while
// another writer holds the database (busy.ts), and stamps edited_at (migration 006), so the
// pages' caches see the change.
//
// Not here: adding articles (sqlite-store.ts, through ingest) and re-analysis.

import type Database from 'better-sqlite3';
import { retryWhileBusy } from './busy.js';
import { slugify } from './slug.js';
import { EditConflict } from './store.js';
import type { ArticleEdit, DeletedArticle, OutletEdit, StoryEdit } from './store.js';

export class SqliteCuration {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      updateStory: db.prepare(
        `UPDATE story SET title = @title, description = @description,
           title_source = 'metadata', edited_at = @now
         WHERE slug = @slug`,
      ),
      outletBySlug: db.prepare(`SELECT id FROM outlet WHERE slug = ?`).pluck(),
      updateOutlet: db.prepare(
        `UPDATE outlet SET slug = @newSlug, name = @name, kind = @kind, country = @country,
           is_name_inferred = CASE WHEN name = @name THEN is_name_inferred ELSE 0 END,
           edited_at = @now
         WHERE id = @id`,
      ),
      storyIdBySlug: db.prepare(`SELECT id FROM story WHERE slug = ?`).pluck(),
      updateArticle: db.prepare(
        `UPDATE article SET title = @title, author = @author, published_date = @publishedDate,
           url = @url, outlet_id = @outletId, story_id = @storyId, edited_at = @now
         WHERE id = @id`,
      ),
      articlePlace: db.prepare(
        `SELECT a.story_id, a.outlet_id, s.slug AS story_slug, o.slug AS outlet_slug
         FROM article a JOIN story s ON s.id = a.story_id JOIN outlet o ON o.id = a.outlet_id
         WHERE a.id = ?`,
      ),
      deleteArticle: db.prepare(`DELETE FROM article WHERE id = ?`),
      storyIsEmpty: db
        .prepare(`SELECT NOT EXISTS (SELECT 1 FROM article WHERE story_id = ?)`)
        .pluck(),
      outletIsEmpty: db
        .prepare(`SELECT NOT EXISTS (SELECT 1 FROM article WHERE outlet_id = ?)`)
        .pluck(),
      deleteStory: db.prepare(`DELETE FROM story WHERE id = ?`),
      deleteOutlet: db.prepare(`DELETE FROM outlet WHERE id = ?`),
    };
  }

  async updateStory(slug: string, edit: StoryEdit): Promise<boolean> {
    // A title given by hand is metadata: a title made from headlines never replaces it.
    const result = await retryWhileBusy(() =>
      this.db
        .transaction(() =>
          this.stmt.updateStory.run({ slug, ...edit, now: new Date().toISOString() }),
        )
        .immediate(),
    );
    return result.changes === 1;
  }

  async updateOutlet(slug: string, edit: OutletEdit): Promise<string | null> {
    return retryWhileBusy(() =>
      this.db
        .transaction((): string | null => {
          const id = this.stmt.outletBySlug.get(slug) as number | undefined;
          if (id === undefined) return null;
          // The slug follows the name, so an article ingested later under the new name
          // joins this outlet instead of starting another.
          const newSlug = slugify(edit.name);
          const holder = this.stmt.outletBySlug.get(newSlug) as number | undefined;
          if (holder !== undefined && holder !== id) {
            throw new EditConflict(
              `Another outlet is already called “${edit.name}” (or a name that makes the same address, /outlets/${newSlug}).`,
            );
          }
          this.stmt.updateOutlet.run({ id, newSlug, ...edit, now: new Date().toISOString() });
          return newSlug;
        })
        .immediate(),
    );
  }

  async updateArticle(id: number, edit: ArticleEdit): Promise<boolean> {
    const result = await retryWhileBusy(() =>
      this.db
        .transaction(() => {
          const outletId = this.stmt.outletBySlug.get(edit.outletSlug) as number | undefined;
          if (outletId === undefined) throw new EditConflict(`No outlet “${edit.outletSlug}”.`);
          const storyId = this.stmt.storyIdBySlug.get(edit.storySlug) as number | undefined;
          if (storyId === undefined) throw new EditConflict(`No story “${edit.storySlug}”.`);
          const { outletSlug: _outlet, storySlug: _story, ...fields } = edit;
          return this.stmt.updateArticle.run({
            id,
            ...fields,
            outletId,
            storyId,
            now: new Date().toISOString(),
          });
        })
        .immediate(),
    );
    return result.changes === 1;
  }

  async deleteArticle(id: number): Promise<DeletedArticle | null> {
    return retryWhileBusy(() =>
      this.db
        .transaction((): DeletedArticle | null => {
          const place = this.stmt.articlePlace.get(id) as
            | { story_id: number; outlet_id: number; story_slug: string; outlet_slug: string }
            | undefined;
          if (!place) return null;
          // Segments, speakers, cue hits and targets go with it (ON DELETE CASCADE).
          this.stmt.deleteArticle.run(id);
          // A story or outlet with no article left would be an empty page.
          const removedStory = this.stmt.storyIsEmpty.get(place.story_id) === 1;
          if (removedStory) this.stmt.deleteStory.run(place.story_id);
          const removedOutlet = this.stmt.outletIsEmpty.get(place.outlet_id) === 1;
          if (removedOutlet) this.stmt.deleteOutlet.run(place.outlet_id);
          return {
            storySlug: place.story_slug,
            outletSlug: place.outlet_slug,
            removedStory,
            removedOutlet,
          };
        })
        .immediate(),
    );
  }
}

-- Kept page values stored compressed (issue 15), as SQLite's migration 012: `value` is the
-- value's JSON (UTF-8) compressed with brotli at quality 6 (server/compute/kept-pages.ts).
-- kept_page is a cache, every row recomputed when missing, and a row kept by the earlier
-- code is never shown by this code anyway (its version carries the hash of the code that
-- computed it), so the table is dropped and created anew, empty: run `npm run precompute`
-- after the upgrade.
DROP TABLE kept_page;

CREATE TABLE kept_page (
  task text PRIMARY KEY,              -- the task as JSON (server/compute/tasks.ts PageTask)
  story_slug text NOT NULL,
  version text NOT NULL,              -- the story's data version | the page code's hash
  value bytea NOT NULL,               -- the value's JSON, brotli-compressed
  computed_at timestamptz NOT NULL DEFAULT now()
);
-- Already compressed: stored out of line without TOAST's own compression (pglz), which
-- would try each value and gain nothing.
ALTER TABLE kept_page ALTER COLUMN value SET STORAGE EXTERNAL;

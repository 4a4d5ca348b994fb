-- Kept page values stored compressed (issue 15): on the full AllSides corpus the 641 kept
-- rows held 666 MB of JSON text, 18 bytes per word of the corpus on their own. `value` is
-- the value's JSON (UTF-8) compressed with brotli at quality 6 (server/compute/kept-pages.ts),
-- 12.4 times smaller on those rows. kept_page is a cache, every row recomputed when
-- missing, and a row kept by the earlier code is never shown by this code anyway (its
-- version carries the hash of the code that computed it), so the table is dropped and
-- created anew, empty: run `npm run precompute` after the upgrade. SQLite keeps the pages
-- the old rows took as free pages of the file, reused by later writes; `VACUUM` gives them
-- back to the file system.
DROP TABLE kept_page;

CREATE TABLE kept_page (
  task TEXT PRIMARY KEY,              -- the task as JSON (server/compute/tasks.ts PageTask)
  story_slug TEXT NOT NULL,
  version TEXT NOT NULL,              -- the story's data version | the page code's hash
  value BLOB NOT NULL,                -- the value's JSON, brotli-compressed
  computed_at TEXT NOT NULL           -- ISO date-time
);

-- Page computations kept across restarts (server/compute/kept-pages.ts): a big story's
-- dashboard, aligned facts or one outlet's row of an outlet profile, computed once (by
-- `npm run precompute` after ingest, or by the server's worker on first request) and read
-- back by every later request. `version` is the story's data version (store.storyVersion)
-- plus the hash of the code that computed it: a row whose version is not the current one
-- is never shown, and the next computation of the same task replaces it.
CREATE TABLE kept_page (
  task TEXT PRIMARY KEY,              -- the task as JSON (server/compute/tasks.ts PageTask)
  story_slug TEXT NOT NULL,
  version TEXT NOT NULL,
  value_json TEXT NOT NULL,
  computed_at TEXT NOT NULL           -- ISO date-time
);

-- The home page and every story page name one titled article per story (the first by id):
-- without this index that walked every article row of the story for its title (300 ms
-- for the 108 stories of the 37,543-article AllSides corpus), with it one entry each.
CREATE INDEX article_story_first_titled ON article (story_id, id) WHERE title IS NOT NULL;

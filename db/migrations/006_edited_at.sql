-- Curation in the browser: stories, outlets and articles can be edited after ingest.
-- edited_at records when a row was last changed that way (ISO, UTC; NULL: never edited),
-- so a reader of the file can tell metadata as ingested from metadata corrected by hand,
-- and the pages' caches see an edit as a change of the story's data.

ALTER TABLE story ADD COLUMN edited_at TEXT;
ALTER TABLE outlet ADD COLUMN edited_at TEXT;
ALTER TABLE article ADD COLUMN edited_at TEXT;

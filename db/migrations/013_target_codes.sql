-- Sentence targets name their person by a number instead of repeating the name (issue 15,
-- as migration 011 did for cue hits). At 20,000 AllSides articles segment_target cost 1.90
-- bytes per counted word and its two indexes 1.40, most of it the name ("Michael Steele")
-- written into every row and into the index on it.
--
-- `target_name` holds each name that was ever a target, once; `segment_target_row` holds the
-- rows with a target_id. The view `segment_target` joins them back into migration 005's
-- columns, so every reader (the story pages' framing, the concordance's "about" filter,
-- sqlite3 and Datasette users) reads what it read before. Only the store writes the two
-- tables (db/sqlite-store.ts). Names are never deleted: a name whose rows are all gone
-- costs a row, and keeping it keeps every target_id the store remembers valid.

CREATE TABLE target_name (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

INSERT INTO target_name (name) SELECT DISTINCT target FROM segment_target ORDER BY target;

CREATE TABLE segment_target_row (
  id INTEGER PRIMARY KEY,
  segment_id INTEGER NOT NULL REFERENCES segment (id) ON DELETE CASCADE,
  target_id INTEGER NOT NULL REFERENCES target_name (id),
  role TEXT NOT NULL CHECK (role IN ('subject', 'object', 'pronoun', 'speaker')),
  tone REAL NOT NULL,
  weight REAL NOT NULL,
  is_quoted INTEGER NOT NULL CHECK (is_quoted IN (0, 1)),  -- someone else's words about the target
  start_offset INTEGER,               -- the first mention, UTF-16 offsets into article.text
  end_offset INTEGER                  -- (null when the target is only the quoted speaker)
);

INSERT INTO segment_target_row (id, segment_id, target_id, role, tone, weight, is_quoted,
  start_offset, end_offset)
SELECT t.id, t.segment_id, n.id, t.role, t.tone, t.weight, t.is_quoted, t.start_offset,
  t.end_offset
FROM segment_target t
JOIN target_name n ON n.name = t.target
ORDER BY t.id;

DROP TABLE segment_target;

CREATE INDEX segment_target_segment ON segment_target_row (segment_id);
-- The concordance's "about" filter finds its names in `target_name`, then the rows here.
CREATE INDEX segment_target_target ON segment_target_row (target_id);

CREATE VIEW segment_target AS
SELECT t.id, t.segment_id, n.name AS target, t.role, t.tone, t.weight, t.is_quoted,
  t.start_offset, t.end_offset
FROM segment_target_row t
JOIN target_name n ON n.id = t.target_id;

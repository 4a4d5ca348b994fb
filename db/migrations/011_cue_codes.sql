-- Cue hits name their lexicon entry by a number instead of repeating its three strings
-- (issue 15: the database cost 29 bytes per counted word). A corpus has a thousand or so
-- distinct (lexicon, entry, category) triples and a cue hit for every twenty words; the
-- strings and the (lexicon, category) index over them were 4.3 of those bytes.
--
-- `cue` holds each lexicon entry that ever matched, once; `cue_hit_row` holds the hits with
-- a cue_id. The view `cue_hit` joins them back into migration 001's columns, so every
-- reader (the pages, the exports, the concordance's filters, sqlite3 and Datasette users)
-- reads what it read before. Only the store writes the two tables (db/sqlite-store.ts).
-- Cues are never deleted: a cue whose hits are all gone costs a row, and keeping it keeps
-- every cue_id the store remembers valid.
--
-- Also: segment_speaker indexes only the segments that have a speaker (most are the
-- narrator's, speaker_id NULL). Its job is the speaker foreign key's lookups
-- (speaker_id = ?), which a partial index on speaker_id IS NOT NULL still serves.

CREATE TABLE cue (
  id INTEGER PRIMARY KEY,
  lexicon TEXT NOT NULL,
  entry TEXT NOT NULL,
  category TEXT NOT NULL,
  UNIQUE (lexicon, category, entry)
);

INSERT INTO cue (lexicon, entry, category)
SELECT DISTINCT lexicon, entry, category FROM cue_hit ORDER BY lexicon, category, entry;

CREATE TABLE cue_hit_row (
  id INTEGER PRIMARY KEY,
  segment_id INTEGER NOT NULL REFERENCES segment (id) ON DELETE CASCADE,
  cue_id INTEGER NOT NULL REFERENCES cue (id),
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  weight REAL NOT NULL,
  is_negated INTEGER NOT NULL CHECK (is_negated IN (0, 1))
);

INSERT INTO cue_hit_row (id, segment_id, cue_id, start_offset, end_offset, weight, is_negated)
SELECT h.id, h.segment_id, c.id, h.start_offset, h.end_offset, h.weight, h.is_negated
FROM cue_hit h
JOIN cue c ON c.lexicon = h.lexicon AND c.category = h.category AND c.entry = h.entry
ORDER BY h.id;

DROP TABLE cue_hit;

CREATE INDEX cue_hit_segment ON cue_hit_row (segment_id);
-- The concordance's cue filters (lexicon and category) find their cues in `cue`, then the
-- segments here; segment_id makes the index cover that subquery.
CREATE INDEX cue_hit_cue ON cue_hit_row (cue_id, segment_id);

CREATE VIEW cue_hit AS
SELECT h.id, h.segment_id, c.lexicon, c.entry, c.category, h.start_offset, h.end_offset,
  h.weight, h.is_negated
FROM cue_hit_row h
JOIN cue c ON c.id = h.cue_id;

DROP INDEX segment_speaker;
CREATE INDEX segment_speaker ON segment (speaker_id) WHERE speaker_id IS NOT NULL;

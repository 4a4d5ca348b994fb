-- Sentences are read from their article instead of being stored twice, and the search
-- index is fed in bulk instead of row by row (issue 15: storage cost four times the
-- analysis; segment.text repeated article.text, a third of the file).
--
-- segment.text is gone. A segment's text is article.text between start_offset and
-- end_offset, read through the view segment_text (and sentence_view, which keeps its text
-- column). The offsets count UTF-16 units, as JavaScript does; SQLite's substr() counts
-- characters. They agree unless the article holds a character beyond U+FFFF (an emoji),
-- so only then, or if a segment's text were not its article's slice, does the segment
-- keep its own copy in own_text (NULL otherwise, which costs no space).
--
-- The FTS5 indexes (migration 002) read their content from segment_text. New segments are
-- no longer indexed by a trigger: the store indexes each batch of articles with one
-- INSERT ... SELECT at the end of its transaction (db/sqlite-store.ts, indexNewSegments).
-- A trigger fired inside each article's savepoint, and FTS5 flushes its pending terms at
-- every savepoint, so each article wrote a small index segment of its own for the merges
-- to rewrite later; that was most of the store time. Whoever inserts segments without the
-- store must index them the same way (or run 'rebuild'). Deleting and changing segments
-- still goes through triggers, which need the old text: an article's segments are
-- therefore deleted before the article itself (the cascade would come after the article's
-- text is gone), and an article's text cannot change (its content hash, its segments'
-- offsets and the index all depend on it).

DROP TRIGGER segment_search_insert;
DROP TRIGGER segment_search_delete;
DROP TRIGGER segment_search_update;
DROP VIEW sentence_view;
DROP TABLE segment_search;
DROP TABLE segment_words;

ALTER TABLE segment ADD COLUMN own_text TEXT;
UPDATE segment SET own_text = text
WHERE text IS NOT (SELECT substr(a.text, segment.start_offset + 1,
  segment.end_offset - segment.start_offset) FROM article a WHERE a.id = segment.article_id);
ALTER TABLE segment DROP COLUMN text;

CREATE VIEW segment_text AS
SELECT sg.id,
  coalesce(sg.own_text, substr(a.text, sg.start_offset + 1, sg.end_offset - sg.start_offset))
    AS text
FROM segment sg
JOIN article a ON a.id = sg.article_id;

-- As in migration 002: stemmed words, and unstemmed ones for prefix queries. columnsize=0:
-- no table of each sentence's token count (a row per sentence and index, about 1 byte per
-- word); only ranking by bm25() reads it, and the concordance sorts by story and outlet.
CREATE VIRTUAL TABLE segment_search USING fts5(
  text,
  content = 'segment_text',
  content_rowid = 'id',
  columnsize = 0,
  tokenize = 'porter unicode61'
);

CREATE VIRTUAL TABLE segment_words USING fts5(
  text,
  content = 'segment_text',
  content_rowid = 'id',
  columnsize = 0,
  tokenize = 'unicode61'
);

CREATE TRIGGER segment_search_delete AFTER DELETE ON segment BEGIN
  INSERT INTO segment_search (segment_search, rowid, text)
  SELECT 'delete', old.id, coalesce(old.own_text,
    substr(a.text, old.start_offset + 1, old.end_offset - old.start_offset))
  FROM article a WHERE a.id = old.article_id;
  INSERT INTO segment_words (segment_words, rowid, text)
  SELECT 'delete', old.id, coalesce(old.own_text,
    substr(a.text, old.start_offset + 1, old.end_offset - old.start_offset))
  FROM article a WHERE a.id = old.article_id;
END;

CREATE TRIGGER segment_search_update
AFTER UPDATE OF id, article_id, start_offset, end_offset, own_text ON segment BEGIN
  INSERT INTO segment_search (segment_search, rowid, text)
  SELECT 'delete', old.id, coalesce(old.own_text,
    substr(a.text, old.start_offset + 1, old.end_offset - old.start_offset))
  FROM article a WHERE a.id = old.article_id;
  INSERT INTO segment_words (segment_words, rowid, text)
  SELECT 'delete', old.id, coalesce(old.own_text,
    substr(a.text, old.start_offset + 1, old.end_offset - old.start_offset))
  FROM article a WHERE a.id = old.article_id;
  INSERT INTO segment_search (rowid, text) SELECT id, text FROM segment_text WHERE id = new.id;
  INSERT INTO segment_words (rowid, text) SELECT id, text FROM segment_text WHERE id = new.id;
END;

CREATE TRIGGER article_delete_segments BEFORE DELETE ON article BEGIN
  DELETE FROM segment WHERE article_id = old.id;
END;

CREATE TRIGGER article_text_fixed BEFORE UPDATE OF text ON article
WHEN new.text IS NOT old.text BEGIN
  SELECT RAISE(ABORT, 'article.text cannot change: segments and the search index point into it');
END;

-- Migration 003's view, its text now read through the offsets.
CREATE VIEW sentence_view AS
SELECT
  sg.id AS segment_id,
  st.slug AS story_slug,
  st.title AS story_title,
  o.slug AS outlet_slug,
  o.name AS outlet_name,
  a.id AS article_id,
  a.title AS article_title,
  a.published_date,
  a.url AS article_url,
  sg.position,
  sg.paragraph_index,
  sg.sentence_index,
  sg.kind,
  coalesce(sg.own_text, substr(a.text, sg.start_offset + 1, sg.end_offset - sg.start_offset))
    AS text,
  sg.start_offset,
  sg.end_offset,
  sg.word_count,
  sg.tone_afinn,
  sg.tone_diplomacy,
  sg.tone_combined,
  sg.expectation,
  sg.expectation_move,
  sg.expectation_score,
  sg.hedge_count,
  sg.booster_count,
  sg.quote_kind,
  sp.name AS speaker_name,
  sp.side AS speaker_side,
  sp.is_anonymous AS speaker_is_anonymous,
  sp.role AS speaker_role,
  a.run_id
FROM segment sg
JOIN article a ON a.id = sg.article_id
JOIN outlet o ON o.id = a.outlet_id
JOIN story st ON st.id = a.story_id
LEFT JOIN speaker sp ON sp.id = sg.speaker_id;

INSERT INTO segment_search (segment_search) VALUES ('rebuild');
INSERT INTO segment_words (segment_words) VALUES ('rebuild');

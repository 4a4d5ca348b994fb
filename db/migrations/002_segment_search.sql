-- Full-text search over sentences (the concordance, /search): FTS5 indexes of segment.text
-- that store no second copy of the text (external content: they read segment by rowid).
-- segment_search stems (Porter over unicode61 tokens), so "tempered" finds "temper" and
-- "talks" finds "talk"; diacritics are folded ("Zürich" finds "Zurich").
-- segment_words holds the same tokens unstemmed, for prefix queries: FTS5 matches a prefix
-- against the indexed terms, and stemmed terms are no prefixes of their words
-- ("negotiations" is indexed as "negoti", so "negotiat*" would find nothing there).
--
-- The triggers keep the index in step with every insert, delete (also the cascade from a
-- deleted article) and text change of a segment. Measured trade-off: feeding the index row
-- by row from triggers makes a bulk load about 5x slower in its indexing part than one
-- 'rebuild' after the load; fine at the current scale. A bulk loader can drop the triggers,
-- load, rebuild, and recreate them.
-- PostgreSQL's store will use its own full-text search (tsvector) instead of this file.

CREATE VIRTUAL TABLE segment_search USING fts5(
  text,
  content = 'segment',
  content_rowid = 'id',
  tokenize = 'porter unicode61'
);

CREATE VIRTUAL TABLE segment_words USING fts5(
  text,
  content = 'segment',
  content_rowid = 'id',
  tokenize = 'unicode61'
);

CREATE TRIGGER segment_search_insert AFTER INSERT ON segment BEGIN
  INSERT INTO segment_search (rowid, text) VALUES (new.id, new.text);
  INSERT INTO segment_words (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER segment_search_delete AFTER DELETE ON segment BEGIN
  INSERT INTO segment_search (segment_search, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO segment_words (segment_words, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER segment_search_update AFTER UPDATE OF id, text ON segment BEGIN
  INSERT INTO segment_search (segment_search, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO segment_words (segment_words, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO segment_search (rowid, text) VALUES (new.id, new.text);
  INSERT INTO segment_words (rowid, text) VALUES (new.id, new.text);
END;

-- The concordance's "lead" filter (headline + the article's first body paragraph) asks
-- each sentence's article for its first body paragraph: one index lookup with this index,
-- a walk over the article's segments without it.
CREATE INDEX segment_article_kind_paragraph ON segment (article_id, kind, paragraph_index);

-- Index the segments stored before this migration.
INSERT INTO segment_search (segment_search) VALUES ('rebuild');
INSERT INTO segment_words (segment_words) VALUES ('rebuild');

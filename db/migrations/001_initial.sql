-- The corpus: outlets and stories, the articles that belong to them, and the analysis of
-- each article (segments, speakers, cue hits) tagged with the run that produced it.
-- Column names are meant for a reader opening this file in sqlite3 or Datasette.

CREATE TABLE outlet (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  homepage TEXT,
  country TEXT,
  kind TEXT,                    -- wire, newspaper, magazine, state media, blog, think tank, broadcaster...
  is_name_inferred INTEGER NOT NULL DEFAULT 0 CHECK (is_name_inferred IN (0, 1)),
  notes TEXT
);

CREATE TABLE story (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT,
  start_date TEXT,
  end_date TEXT
);

CREATE TABLE analysis_run (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  analyzer_version TEXT NOT NULL,
  lexicon_hash TEXT NOT NULL,
  options_json TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed'))
);

CREATE TABLE article (
  id INTEGER PRIMARY KEY,
  story_id INTEGER NOT NULL REFERENCES story (id),
  outlet_id INTEGER NOT NULL REFERENCES outlet (id),
  title TEXT,
  url TEXT,
  author TEXT,
  published_date TEXT,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,  -- sha256 of the text: the same text twice is one article
  word_count INTEGER NOT NULL,        -- words in headline and body segments
  sentence_count INTEGER NOT NULL,    -- headline and body segments
  source TEXT,                        -- the file (and row) it was ingested from
  run_id INTEGER NOT NULL REFERENCES analysis_run (id),
  added_at TEXT NOT NULL
);
CREATE INDEX article_story_outlet ON article (story_id, outlet_id);
CREATE INDEX article_outlet ON article (outlet_id);

CREATE TABLE speaker (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,          -- order of first mention in the article
  name TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('us_gov', 'china_gov', 'analyst', 'other')),
  is_anonymous INTEGER NOT NULL CHECK (is_anonymous IN (0, 1)),
  role TEXT,
  UNIQUE (article_id, position)
);

CREATE TABLE segment (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,          -- reading order within the article
  paragraph_index INTEGER NOT NULL,
  sentence_index INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('headline', 'dek', 'byline', 'section', 'body', 'boilerplate')),
  text TEXT NOT NULL,
  start_offset INTEGER NOT NULL,      -- UTF-16 offsets into article.text
  end_offset INTEGER NOT NULL,
  word_count INTEGER NOT NULL,
  tone_afinn REAL,
  tone_diplomacy REAL,
  tone_combined REAL,
  expectation TEXT CHECK (expectation IN ('lowers', 'raises', 'hedged', 'none')),
  expectation_move TEXT,
  expectation_score REAL,
  hedge_count INTEGER NOT NULL DEFAULT 0,
  booster_count INTEGER NOT NULL DEFAULT 0,
  quote_kind TEXT CHECK (quote_kind IN ('direct', 'indirect', 'none')),
  speaker_id INTEGER REFERENCES speaker (id) ON DELETE SET NULL,
  UNIQUE (article_id, position)
);
CREATE INDEX segment_speaker ON segment (speaker_id);

CREATE TABLE cue_hit (
  id INTEGER PRIMARY KEY,
  segment_id INTEGER NOT NULL REFERENCES segment (id) ON DELETE CASCADE,
  lexicon TEXT NOT NULL,
  entry TEXT NOT NULL,
  category TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  weight REAL NOT NULL,
  is_negated INTEGER NOT NULL CHECK (is_negated IN (0, 1))
);
CREATE INDEX cue_hit_segment ON cue_hit (segment_id);
CREATE INDEX cue_hit_lexicon_category ON cue_hit (lexicon, category);

-- Whom each sentence is about and its tone toward each (analysis/scoring/targets.ts): one row per
-- (segment, target). The target is the person as the article names them ("Michael Steele");
-- role says how the sentence concerns them; tone is the sentence's tone toward them (its
-- tone_combined plus its loaded-language weights); weight is how much the sentence counts
-- in an article's score toward the target; is_quoted marks a quote *about* the target
-- (role 'speaker' is a quote *by* it). Loaded-language words themselves are cue_hit
-- rows with lexicon 'loaded'.
CREATE TABLE segment_target (
  id INTEGER PRIMARY KEY,
  segment_id INTEGER NOT NULL REFERENCES segment (id) ON DELETE CASCADE,
  target TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('subject', 'object', 'pronoun', 'speaker')),
  tone REAL NOT NULL,
  weight REAL NOT NULL,
  is_quoted INTEGER NOT NULL CHECK (is_quoted IN (0, 1)),  -- someone else's words about the target
  start_offset INTEGER,               -- the first mention, UTF-16 offsets into article.text
  end_offset INTEGER                  -- (null when the target is only the quoted speaker)
);
CREATE INDEX segment_target_segment ON segment_target (segment_id);
CREATE INDEX segment_target_target ON segment_target (target);

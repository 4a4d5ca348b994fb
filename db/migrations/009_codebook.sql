-- A story's codebook (analysis/codebooks/<name>.json): the parties of its talks, whose
-- actors, side rules and issue lexicon its articles are analysed with. Stories stored
-- before this migration were analysed with the bundled US–China codebook.
ALTER TABLE story ADD COLUMN codebook TEXT NOT NULL DEFAULT 'us-china';

-- A speaker's side is a party id of the story's codebook ("us_gov", "nk_gov"), "analyst" or
-- "other": no longer a fixed list, so the CHECK only keeps ids well formed (the codebook's
-- zod schema allows the same shape). SQLite cannot change a CHECK in place, so the table is
-- rebuilt; the segment rows that point at speakers keep their ids.
CREATE TABLE speaker_new (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,          -- order of first mention in the article
  name TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side GLOB '[a-z]*' AND side NOT GLOB '*[^a-z0-9_]*' AND length(side) <= 40),
  is_anonymous INTEGER NOT NULL CHECK (is_anonymous IN (0, 1)),
  role TEXT,
  UNIQUE (article_id, position)
);

INSERT INTO speaker_new (id, article_id, position, name, side, is_anonymous, role)
SELECT id, article_id, position, name, side, is_anonymous, role FROM speaker;

-- sentence_view (migration 003) names speaker: the legacy rename neither checks nor rewrites
-- views, so the view reads the new table under the old name, whatever later migrations made
-- of the view.
PRAGMA legacy_alter_table = ON;
DROP TABLE speaker;
ALTER TABLE speaker_new RENAME TO speaker;
PRAGMA legacy_alter_table = OFF;

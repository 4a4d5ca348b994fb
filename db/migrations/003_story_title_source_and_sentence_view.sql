-- Where a story's title comes from, and one view for people who query this file.
--
-- story.title_source: 'name' (the story name its articles gave, e.g. `story:` or --story),
-- 'metadata' (`story_title` in the input, or the bundled corpus's manifest) or 'headlines'
-- (made from the words its articles' headlines share, for a story known only by a slug such
-- as basil-2018-c6a0e65c). A title from metadata replaces a name or a made-up title, never
-- the other way round.
ALTER TABLE story ADD COLUMN title_source TEXT NOT NULL DEFAULT 'name'
  CHECK (title_source IN ('name', 'metadata', 'headlines'));

-- sentence_view: one row per segment (a sentence of the headline or body, or a line of
-- another kind: dek, byline, section, boilerplate) with its scores, its speaker if quoted,
-- and the article, outlet and story it belongs to, so that
--   SELECT outlet_name, avg(tone_combined) FROM sentence_view
--   WHERE story_slug = '…' AND kind IN ('headline', 'body') GROUP BY outlet_name;
-- needs no joins. Columns keep the names of the tables they come from, prefixed with
-- their table where two would clash.
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
  sg.text,
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

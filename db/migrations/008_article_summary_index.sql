-- The home page, every story page and each page's version check aggregate a story's
-- articles (count, words, dates, runs, edits). Articles keep their text in the row, so
-- reading those columns from the table walks the text's overflow pages: 25 ms for 2,000
-- articles, growing with the corpus. This index covers those columns, so the aggregates
-- read it alone (2.4 ms for the same 2,000 articles).
CREATE INDEX article_story_summary
  ON article (story_id, outlet_id, published_date, word_count, run_id, edited_at);

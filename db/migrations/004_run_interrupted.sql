-- A run can end 'interrupted': stopped by SIGINT/SIGTERM, or found still 'running' after
-- its process died (killed, crashed). Runs now record the machine and process that run
-- them, so the next run can tell a dead one from one still working.
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt (migrate.ts
-- runs migrations with foreign keys off and checks them before committing).

CREATE TABLE analysis_run_new (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  analyzer_version TEXT NOT NULL,
  lexicon_hash TEXT NOT NULL,
  options_json TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT 'running'
    CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
  host TEXT,                          -- machine that ran it (NULL: before this migration)
  pid INTEGER                         -- its process id there
);

INSERT INTO analysis_run_new
  (id, started_at, finished_at, analyzer_version, lexicon_hash, options_json, status)
SELECT id, started_at, finished_at, analyzer_version, lexicon_hash, options_json, status
FROM analysis_run;

DROP TABLE analysis_run;
ALTER TABLE analysis_run_new RENAME TO analysis_run;

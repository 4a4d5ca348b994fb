// The run stamp as pages print it: which analysis runs produced the articles in view and
// the data hash over them (db/export-rows.ts DataStamp), the same figures the CSV exports
// and the JSON API carry, so a page, a file and an answer can be matched.

import type { DataStamp } from '../../db/export-rows.js';

export interface StampView {
  dataHash: string;
  articles: number;
  runs: {
    id: number;
    analyzerVersion: string;
    lexiconHash: string;
    status: string;
    startedAt: string;
  }[];
}

export function stampView(stamp: DataStamp): StampView {
  return {
    dataHash: stamp.dataHash,
    articles: stamp.articles,
    runs: stamp.runs.map((run) => ({
      id: run.id,
      analyzerVersion: run.analyzerVersion,
      lexiconHash: run.lexiconHash.slice(0, 12),
      status: run.status,
      startedAt: run.startedAt.slice(0, 16).replace('T', ' '),
    })),
  };
}

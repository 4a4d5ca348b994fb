// Which CSV exports exist, in their order: on their own, without the code that writes them
// (csv.ts), so that `npm run export -- --help` and `npm run report -- --help` can list them
// without loading it.

export const EXPORTS = [
  'articles',
  'segments',
  'cue_hits',
  'speakers',
  'summary',
  'summary_parties',
  'facts',
  'terms',
] as const;
export type ExportName = (typeof EXPORTS)[number];

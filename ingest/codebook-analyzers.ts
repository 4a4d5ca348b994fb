// One analyzer per codebook, made on first use from a base analyzer's settings (its lexicon
// folder, issue lexicon, loaded-language file): what ingest and re-analysis use when the
// stories they touch have different codebooks. It does not decide which codebook a story
// has (ingest.ts and the store do).

import { createAnalyzer, type Analyzer, type AnalyzerConfig } from '../analysis/pipeline.js';

export function codebookAnalyzers(base: Analyzer): (codebook: string) => Analyzer {
  const made = new Map<string, Analyzer>([[base.data.codebook, base]]);
  const options = base.info.options as Record<string, string | null | undefined>;
  const config: AnalyzerConfig = {
    lexiconDir: options.lexiconDir ?? undefined,
    issuesFile: options.issuesFile ?? undefined,
    loadedFile: options.loadedFile ?? undefined,
  };
  return (codebook) => {
    let analyzer = made.get(codebook);
    if (!analyzer) {
      analyzer = createAnalyzer({ ...config, codebook });
      made.set(codebook, analyzer);
    }
    return analyzer;
  };
}

// The analysis pipeline: text in, a fully analyzed article out. It chains the stages in a
// fixed, visible order and does nothing else: no SQL, no HTTP, no file reads.
//
//   segment → tokenize → tone · expectation · hedges · loaded words · issues (per sentence)
//           → voices (per article: quotes, speakers, sides)
//           → targets (per article: whom each sentence is about, tone toward each)
//
// createAnalyzer() loads the data files (lexicons, issue lexicon, actors) once and hashes
// them, so that every stored result can name the exact data that produced it.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadActors, type Actors } from './actors.js';
import {
  defaultIssueLexiconPath,
  countIssues,
  loadIssueLexicon,
  type IssueLexicon,
} from './issues.js';
import { defaultLexiconDir, loadLexicons, type Lexicons } from './lexicon.js';
import {
  defaultLoadedLanguagePath,
  loadLoadedLanguage,
  type LoadedLanguage,
} from './loaded-language.js';
import { projectPath } from './project-root.js';
import { scoreSentence } from './score.js';
import { segmentArticle } from './segment.js';
import {
  articleNames,
  findTargets,
  TargetMatcher,
  targetSentences,
  type SegmentTarget,
} from './targets.js';
import { tokenize } from './tokens.js';
import type { CueHit, Segment, Token } from './types.js';
import { isScoredKind } from './types.js';
import { attributeVoices } from './voices.js';

export const ANALYZER_VERSION = '0.1.0';

export type ExpectationLabel = 'lowers' | 'raises' | 'hedged' | 'none';
export type QuoteKind = 'direct' | 'indirect' | 'none';
export type SpeakerSide = 'us_gov' | 'china_gov' | 'analyst' | 'other';

export interface ToneScore {
  /** wink-sentiment's normalized AFINN score. */
  afinn: number;
  /** Parallax's diplomacy lexicon: conflict (negative) vs cooperation (positive). */
  diplomacy: number;
  /** The tone the charts use. */
  combined: number;
}

export interface ExpectationScore {
  label: ExpectationLabel;
  /** Finer move behind the label, e.g. 'stakes', 'tempered', 'uncertain'. */
  move: string;
  /** Signed strength: negative lowers, positive raises. */
  score: number;
}

export interface Speaker {
  /** Canonical name: the most complete form the article gives ("Kurt Campbell", "US officials"). */
  name: string;
  side: SpeakerSide;
  /** True for unnamed sources ("a senior State Department official"). */
  anonymous: boolean;
  /** Title or role as the article gives it, if any. */
  role: string | null;
}

export interface AnalyzedSegment extends Segment {
  words: number;
  /** null for kinds that are not scored (byline, section, boilerplate, dek). */
  tone: ToneScore | null;
  expectation: ExpectationScore | null;
  hedges: number;
  boosters: number;
  quote: QuoteKind | null;
  /** Index into ArticleAnalysis.speakers, or null for the narrator's voice. */
  speaker: number | null;
  /** Whom the sentence is about (indexes into ArticleAnalysis.targets) and its tone toward each. */
  targets: SegmentTarget[];
}

export interface ArticleAnalysis {
  segments: AnalyzedSegment[];
  speakers: Speaker[];
  cueHits: CueHit[];
  words: number;
  /** Persons the article names (its named speakers and recurring full names), for targets. */
  targets: string[];
}

/** The data files an analysis reads, loaded and validated once. */
export interface AnalysisData {
  lexicons: Lexicons;
  issues: IssueLexicon;
  actors: Actors;
  loaded: LoadedLanguage;
}

export interface AnalyzeOptions {
  /** The title from the article's metadata, which helps tell the headline line apart. */
  title?: string;
}

export function analyzeArticle(
  text: string,
  data: AnalysisData,
  options: AnalyzeOptions = {},
): ArticleAnalysis {
  const segments = segmentArticle(text, { title: options.title });
  const cueHits: CueHit[] = [];
  const tokens: Token[][] = [];
  let words = 0;
  const analyzed: AnalyzedSegment[] = segments.map((segment, index) => {
    const segmentTokens = tokenize(segment.text, segment.start);
    tokens.push(segmentTokens);
    let segmentWords = 0;
    for (const t of segmentTokens) if (t.isWord) segmentWords++;
    const scored = isScoredKind(segment.kind)
      ? scoreSentence(segmentTokens, index, data.lexicons, data.loaded)
      : null;
    if (scored) {
      words += segmentWords;
      cueHits.push(...scored.cueHits);
      for (const count of countIssues(segmentTokens, index, data.issues))
        cueHits.push(...count.hits);
    }
    // Object.assign rather than `{ ...segment, words, … }`: V8 built that spread with added
    // fields about 30 times slower (47 ms per 100k words, a tenth of the pipeline's time).
    const result: AnalyzedSegment = Object.assign({}, segment, {
      words: segmentWords,
      tone: scored?.tone ?? null,
      expectation: scored?.expectation ?? null,
      hedges: scored?.hedges ?? 0,
      boosters: scored?.boosters ?? 0,
      quote: null,
      speaker: null,
      targets: [],
    });
    return result;
  });
  const voices = attributeVoices(text, segments, data.actors, tokens);
  analyzed.forEach((segment, i) => {
    const voice = voices.perSegment[i];
    segment.quote = voice?.quote ?? null;
    segment.speaker = voice?.speaker ?? null;
  });
  cueHits.push(...voices.cueHits);
  const article: ArticleAnalysis = {
    segments: analyzed,
    speakers: voices.speakers,
    cueHits,
    words,
    targets: articleNames(tokens, voices.speakers),
  };
  const targets = findTargets(targetSentences(article, tokens), new TargetMatcher(article.targets));
  analyzed.forEach((segment, i) => (segment.targets = targets.perSegment[i] ?? []));
  return article;
}

/** What an analysis run records about the analyzer that produced it. */
export interface AnalyzerInfo {
  analyzerVersion: string;
  /** sha256 over every data file the analysis reads: change one entry and it changes. */
  lexiconHash: string;
  options: Record<string, unknown>;
}

/** An analyzer with its data files loaded once: what ingest and re-analysis call. */
export interface Analyzer {
  info: AnalyzerInfo;
  data: AnalysisData;
  analyze(text: string, options?: AnalyzeOptions): ArticleAnalysis;
}

export interface AnalyzerConfig {
  /** Folder of tone, expectation, hedge, booster and scope lexicons (default: the shipped ones). */
  lexiconDir?: string;
  /** Issue lexicon file (default: analysis/lexicons/issues-us-china.json). */
  issuesFile?: string;
  /** Actors file (default: analysis/actors/us-china.json). */
  actorsFile?: string;
  /** Loaded-language lexicon (default: analysis/lexicons/loaded-language.json). */
  loadedFile?: string;
}

// Data files read by stages that load them themselves (segmentation rules, speech verbs):
// they are part of what a run's hash must cover.
const FIXED_DATA_FILES = [
  ['analysis', 'lexicons', 'segmentation.json'],
  ['analysis', 'lexicons', 'speech-verbs.json'],
];

export function createAnalyzer(config: AnalyzerConfig = {}): Analyzer {
  const issuesFile = config.issuesFile ?? defaultIssueLexiconPath();
  const actorsFile = config.actorsFile ?? projectPath('analysis', 'actors', 'us-china.json');
  const data: AnalysisData = {
    lexicons: loadLexicons(config.lexiconDir ?? defaultLexiconDir()),
    issues: loadIssueLexicon(issuesFile),
    actors: loadActors(config.actorsFile),
    loaded: loadLoadedLanguage(config.loadedFile ?? defaultLoadedLanguagePath()),
  };
  const hash = createHash('sha256').update(data.lexicons.hash).update(data.loaded.canonical);
  for (const file of [issuesFile, actorsFile, ...FIXED_DATA_FILES.map((p) => projectPath(...p))]) {
    hash.update(readFileSync(file));
  }
  return {
    info: {
      analyzerVersion: ANALYZER_VERSION,
      lexiconHash: hash.digest('hex'),
      options: {
        lexiconDir: config.lexiconDir ?? null,
        issuesFile: config.issuesFile ?? null,
        actorsFile: config.actorsFile ?? null,
        loadedFile: config.loadedFile ?? null,
      },
    },
    data,
    analyze: (text, options) => analyzeArticle(text, data, options),
  };
}

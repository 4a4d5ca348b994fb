// The analysis pipeline: text in, a fully analyzed article out. It chains the stages in a
// fixed, visible order and does nothing else: no SQL, no HTTP, no file reads.
//
//   segment → tokenize → tone · expectation · hedges · loaded words · issues (per sentence)
//           → voices (per article: quotes, speakers, sides)
//           → targets (per article: whom each sentence is about, tone toward each)
//
// createAnalyzer() loads the data files (lexicons, the story's codebook with its actors and
// issue lexicon, segmentation rules) once and hashes every data file the analysis read (data-files.ts), so that every
// stored result can name the exact data that produced it.

import { dataHash, DataFileLog, moduleData } from './data-files.js';
import { DEFAULT_CODEBOOK, loadCodebook } from './codebooks/codebook.js';
import type { Actors } from './voices/actors.js';
import { countIssues, loadIssueLexicon, type IssueLexicon } from './scoring/issues.js';
import { defaultLexiconDir, loadLexicons, type Lexicons } from './scoring/lexicon.js';
import {
  defaultLoadedLanguagePath,
  loadLoadedLanguage,
  type LoadedLanguage,
} from './scoring/loaded-language.js';
import { scoreSentence } from './scoring/score.js';
import { actorKey } from './voices/actors.js';
import {
  actorMatcher,
  articleActors,
  articleNames,
  articlePlaces,
  findTargets,
  placeMatcher,
  TargetMatcher,
  targetSentences,
  type ActorMatcher,
} from './scoring/targets.js';
import { segmentationRules, type SegmentationRules } from './segmentation/segment-rules.js';
import { maskLinkCards } from './segmentation/link-cards.js';
import { segmentArticle } from './segmentation/segment.js';
import { tokenize } from './segmentation/tokens.js';
import type { Feature } from './scoring/expectation-model.js';
import type { AnalyzedSegment, ArticleAnalysis, CueHit, ExpectationScore, Token } from './types.js';
import { isScoredKind } from './vocabulary/segments.js';
import { attributeVoices } from './voices/voices.js';

export const ANALYZER_VERSION = '0.1.0';

/** The data files an analysis reads, loaded and validated once. */
export interface AnalysisData {
  /** The codebook's name: whose parties the sides are. */
  codebook: string;
  lexicons: Lexicons;
  issues: IssueLexicon;
  actors: Actors;
  /** Loaded here so that the segmenter's data file is read before the hash is taken. */
  segmentation: SegmentationRules;
  loaded: LoadedLanguage;
}

export interface AnalyzeOptions {
  /** The title from the article's metadata, which helps tell the headline line apart. */
  title?: string;
  /**
   * Receives each scored sentence's expectation-model features and the rules' label, by
   * segment index: what `npm run train` learns from (cli/train.ts).
   */
  observeExpectation?: (segment: number, features: Feature[], rules: ExpectationScore) => void;
}

/** What the target stage needs of a codebook's actors, made once per codebook. */
interface CodebookMatchers {
  isPlace: (key: string) => boolean;
  isActor: (name: string) => boolean;
  places: TargetMatcher;
  actors: ActorMatcher;
}
const codebookMatchers = new WeakMap<Actors, CodebookMatchers>();

function matchersOf(actors: Actors): CodebookMatchers {
  let made = codebookMatchers.get(actors);
  if (made) return made;
  const metonyms = actors.sides.metonyms;
  const isPlace = (key: string) => metonyms.has(key) || metonyms.has(`the ${key}`);
  const isActor = (name: string) => {
    const words = actorKey(name).split(' ');
    return words.some(
      (_, k) => (k === 0 || words.length - k >= 2) && actors.byAlias.has(words.slice(k).join(' ')),
    );
  };
  made = {
    isPlace,
    isActor,
    places: placeMatcher(metonyms.keys()),
    actors: actorMatcher(actors.actors.filter((a) => !isPlace(actorKey(a.name)))),
  };
  codebookMatchers.set(actors, made);
  return made;
}

export function analyzeArticle(
  storedText: string,
  data: AnalysisData,
  options: AnalyzeOptions = {},
): ArticleAnalysis {
  // Every stage reads the text with link cards made spaces (link-cards.ts): same offsets, no
  // other story's headlines. Each segment gets its real text back at the end.
  const text = maskLinkCards(storedText);
  const segments = segmentArticle(text, { title: options.title });
  const cueHits: CueHit[] = [];
  const tokens: Token[][] = [];
  let words = 0;
  // Whether the last scored sentence named the talks (expectation.ts, ExpectationContext).
  let talksJustNamed = false;
  // Whether any scored sentence so far named them: "it" and "they" refer back to the talks only then.
  let talksNamedEarlier = false;
  const observe = options.observeExpectation;
  const analyzed: AnalyzedSegment[] = segments.map((segment, index) => {
    const segmentTokens = tokenize(segment.text, segment.start);
    tokens.push(segmentTokens);
    let segmentWords = 0;
    for (const t of segmentTokens) if (t.isWord) segmentWords++;
    const scored = isScoredKind(segment.kind)
      ? scoreSentence(segmentTokens, index, data.lexicons, data.loaded, {
          talksJustNamed,
          talksNamedEarlier,
          headline: segment.kind === 'headline',
          observeExpectation: observe && ((features, rules) => observe(index, features, rules)),
        })
      : null;
    if (scored) {
      talksJustNamed = scored.talksNamed;
      talksNamedEarlier ||= scored.talksNamed;
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
    targets: [],
  };
  // Persons, the story's codebook actors (by name and alias: "Xi", "President Xi" and "Xi
  // Jinping" are one target, "Xi Jinping"), then the codebook's places that stand for a party
  // ("China", "Beijing"). A name that is a place ("North Korea") is the place; one that ends
  // in an actor's name or alias of two words or more ("China's Xi Jinping") is the actor.
  const { isPlace, isActor, ...matchers } = matchersOf(data.actors);
  const places = articlePlaces(tokens, matchers.places);
  const named = articleNames(tokens, voices.speakers);
  const actors = articleActors(
    tokens,
    matchers.actors,
    new Set(named.filter((n) => !isActor(n)).map((n) => n.split(' ').at(-1)!.toLowerCase())),
  );
  const persons = named.filter((n) => !isPlace(n.toLowerCase()) && !isActor(n));
  article.targets = [...persons, ...actors.map((a) => a.name), ...places];
  const matcher = new TargetMatcher(
    article.targets,
    [
      ...persons.map(() => 'person' as const),
      ...actors.map(() => 'person' as const),
      ...places.map(() => 'place' as const),
    ],
    [
      ...persons.map(() => undefined),
      ...actors.map((a) => a.forms),
      ...places.map(() => undefined),
    ],
  );
  const targets = findTargets(targetSentences(article, tokens), matcher);
  analyzed.forEach((segment, i) => (segment.targets = targets.perSegment[i] ?? []));
  if (text !== storedText)
    for (const segment of analyzed) segment.text = storedText.slice(segment.start, segment.end);
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
  /** Codebook name (analysis/codebooks/<name>.json) or file (default: us-china). */
  codebook?: string;
  /** Issue lexicon file, in place of the codebook's. */
  issuesFile?: string;
  /** Loaded-language lexicon (default: analysis/lexicons/loaded-language.json). */
  loadedFile?: string;
}

export function createAnalyzer(config: AnalyzerConfig = {}): Analyzer {
  const files = new DataFileLog();
  const codebook = loadCodebook(config.codebook ?? DEFAULT_CODEBOOK, files);
  const data: AnalysisData = {
    codebook: codebook.name,
    lexicons: loadLexicons(config.lexiconDir ?? defaultLexiconDir(), files),
    issues: config.issuesFile ? loadIssueLexicon(config.issuesFile, files) : codebook.issues,
    actors: codebook.actors,
    segmentation: segmentationRules(),
    loaded: loadLoadedLanguage(config.loadedFile ?? defaultLoadedLanguagePath(), files),
  };
  // Every file read above and every file a stage read when its module loaded (moduleData),
  // by construction: a data file cannot be used without being in the hash.
  const lexiconHash = dataHash(files, moduleData);
  return {
    info: {
      analyzerVersion: ANALYZER_VERSION,
      lexiconHash,
      options: {
        lexiconDir: config.lexiconDir ?? null,
        codebook: codebook.name,
        issuesFile: config.issuesFile ?? null,
        loadedFile: config.loadedFile ?? null,
      },
    },
    data,
    analyze: (text, options) => analyzeArticle(text, data, options),
  };
}

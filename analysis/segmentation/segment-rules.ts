// Loads the segmenter's data file (analysis/lexicons/segmentation.json): abbreviation
// classes, sentence starters, speech verbs and the page-furniture / byline line patterns.
// Validates it with zod and compiles it once into sets and regular expressions. It does
// no segmenting itself (sentences.ts and segment.ts do).

import { z } from 'zod';
import { projectPath } from '../../lib/project-paths.js';
import { moduleData } from '../data-files.js';

const word = z.string().trim().min(1, 'entry is empty');

const patternSchema = z.strictObject({
  /** Anchored at the start, so that the combined matcher tries each line once. */
  pattern: z.string().min(2).startsWith('^', 'a pattern must start with ^'),
  /** Patterns are case-insensitive unless they describe a shape that needs capitals. */
  caseSensitive: z.boolean().optional(),
  /** Furniture that is never prose ("JUST WATCHED … MUST WATCH …", "Enlarge this image
   *  toggle caption …"): the pattern is tried on the start of lines of any length, and a
   *  matching line stays one segment however long it is. */
  keepWhole: z.boolean().optional(),
  /** Furniture whose capitalised words name no one (a video player's "JUST WATCHED …",
   *  "Enlarge this image toggle caption <photo credit>", a newsletter prompt): the voices
   *  stage does not read names or titles from it. Photo captions are not marked: "FILE - In
   *  this photo, Commerce Ministry spokesman Gao Feng …" describes a speaker. */
  namesNoOne: z.boolean().optional(),
});

export const segmentationFileSchema = z.strictObject({
  version: z.string().min(1),
  description: z.string(),
  abbreviations: z.strictObject({
    /** Titles before a name ("Mr.", "Dr.", "Mt.", "St."): never end a sentence. */
    titles: z.array(word),
    /** End no sentence when a number follows ("No. 5", "p. 55", "Jan. 6"). */
    beforeNumber: z.array(word),
    /** Never final ("e.g.", "vs."). */
    neverFinal: z.array(word),
    /** "a.m." and "p.m.": final before a capital unless the sentence so far is a time phrase. */
    timeOfDay: z.array(word),
    /** After "a.m." or "p.m." they continue the sentence ("Update at 1:50 p.m. ET."). */
    timeZones: z.array(word),
    /** "Co.", "Inc.", "Jr.": final only when a typical sentence opener follows. */
    nameParts: z.array(word),
    /** AP state abbreviations ("Fla.", "Calif."): like nameParts. */
    states: z.array(word),
  }),
  /** Words that typically open a sentence: after "U.S." or "Co." they signal a new one. */
  sentenceStarters: z.array(word),
  /** After `?”` a speech verb soon after means the attribution continues the sentence. */
  speechVerbs: z.array(word),
  /** "At 5 a.m. Mr. Smith …": a time phrase opened by one of these is not a sentence. */
  introPrepositions: z.array(word),
  boilerplate: z.array(patternSchema),
  byline: z.array(patternSchema),
  /** Lines that announce an author note; the short line after them is a byline too. */
  authorIntro: z.array(patternSchema),
  /** Lines that open a summary box at the top ("Story highlights …"): it and the short
   *  unpunctuated lines after it are deks. */
  summaryIntro: z.array(patternSchema),
});

export interface SegmentationRules {
  version: string;
  titles: ReadonlySet<string>;
  beforeNumber: ReadonlySet<string>;
  neverFinal: ReadonlySet<string>;
  timeOfDay: ReadonlySet<string>;
  /** Upper case, as written: "ET", "GMT". */
  timeZones: ReadonlySet<string>;
  nameParts: ReadonlySet<string>;
  sentenceStarters: ReadonlySet<string>;
  speechVerbs: ReadonlySet<string>;
  introPrepositions: ReadonlySet<string>;
  boilerplate: readonly LinePattern[];
  /** The boilerplate patterns marked keepWhole. */
  wholeLineFurniture: readonly LinePattern[];
  /**
   * The boilerplate patterns not marked keepWhole: what a line the keepWhole patterns have
   * already failed on needs testing against (the others would fail on it again).
   */
  partLineFurniture: readonly LinePattern[];
  /** The boilerplate patterns marked namesNoOne. */
  namelessFurniture: readonly LinePattern[];
  byline: readonly LinePattern[];
  authorIntro: readonly LinePattern[];
  summaryIntro: readonly LinePattern[];
}

const lower = (entries: string[]): ReadonlySet<string> =>
  new Set(entries.map((e) => e.toLowerCase()));

/** What a line is tested with: a RegExp, or a pattern opening with `.{0,N}` (`LeadWithin`). */
export interface LinePattern {
  test(line: string): boolean;
}

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * A pattern `^.{0,N}rest`, tested as a search for `rest` whose leftmost match starts within
 * the first N characters with no line break before it: the same answer, without trying the
 * N lengths of the wildcard at every line (those few patterns were a third of the
 * segmenter's time).
 */
class LeadWithin implements LinePattern {
  constructor(
    private readonly rest: RegExp,
    private readonly within: number,
  ) {}

  test(line: string): boolean {
    const m = this.rest.exec(line);
    if (m === null) return false;
    const head = line.slice(0, m.index);
    // `.` counts code points in a /u pattern: a surrogate pair is one.
    if (m.index > this.within && [...head].length > this.within) return false;
    return !LINE_TERMINATOR.test(head);
  }
}

/** `^.{0,N}` opening a pattern whose rest has no alternation of its own (not a lazy
 *  `.{0,N}?`, whose rest would open with a quantifier). */
const LEAD_WILDCARD = /^\^\.\{0,(\d+)\}(?!\?)/;

/** Whether `source` has a `|` outside any group or character class. */
function topLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * One regular expression per case mode for a whole list (`^(?:a|b|…)`), so a line is tested
 * in one pass; each entry is first compiled alone so that a bad one is named. An entry
 * opening with `.{0,N}` is searched for on its own (`LeadWithin`).
 */
function compile(
  file: string,
  list: string,
  entries: z.infer<typeof patternSchema>[],
): LinePattern[] {
  const groups = new Map<string, string[]>();
  const searched: LinePattern[] = [];
  entries.forEach((entry, i) => {
    const flags = entry.caseSensitive ? 'u' : 'iu';
    try {
      new RegExp(entry.pattern, flags);
    } catch (error) {
      throw new Error(
        `${file}: ${list}[${i}] is not a valid regular expression (${entry.pattern}): ${(error as Error).message}`,
      );
    }
    const lead = LEAD_WILDCARD.exec(entry.pattern);
    const rest = lead ? entry.pattern.slice(lead[0].length) : '';
    if (lead && rest !== '' && !topLevelAlternation(rest)) {
      searched.push(new LeadWithin(new RegExp(rest, flags), Number(lead[1])));
      return;
    }
    const group = groups.get(flags) ?? [];
    group.push(`(?:${entry.pattern.slice(1)})`);
    groups.set(flags, group);
  });
  return [
    ...[...groups].map(([flags, parts]) => new RegExp(`^(?:${parts.join('|')})`, flags)),
    ...searched,
  ];
}

/** Parses and compiles the segmentation data; throws naming the file and the bad entry. */
export function parseSegmentationRules(raw: unknown, file: string): SegmentationRules {
  const parsed = segmentationFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '?';
    throw new Error(`${file}: invalid entry at ${where}: ${issue?.message ?? 'unknown error'}`);
  }
  const data = parsed.data;
  return {
    version: data.version,
    titles: lower(data.abbreviations.titles),
    beforeNumber: lower(data.abbreviations.beforeNumber),
    neverFinal: lower(data.abbreviations.neverFinal),
    timeOfDay: lower(data.abbreviations.timeOfDay),
    timeZones: new Set(data.abbreviations.timeZones),
    nameParts: lower([...data.abbreviations.nameParts, ...data.abbreviations.states]),
    sentenceStarters: lower(data.sentenceStarters),
    speechVerbs: lower(data.speechVerbs),
    introPrepositions: lower(data.introPrepositions),
    boilerplate: compile(file, 'boilerplate', data.boilerplate),
    wholeLineFurniture: compile(
      file,
      'boilerplate',
      data.boilerplate.filter((entry) => entry.keepWhole),
    ),
    partLineFurniture: compile(
      file,
      'boilerplate',
      data.boilerplate.filter((entry) => !entry.keepWhole),
    ),
    namelessFurniture: compile(
      file,
      'boilerplate',
      data.boilerplate.filter((entry) => entry.namesNoOne),
    ),
    byline: compile(file, 'byline', data.byline),
    authorIntro: compile(file, 'authorIntro', data.authorIntro),
    summaryIntro: compile(file, 'summaryIntro', data.summaryIntro),
  };
}

let cached: SegmentationRules | undefined;

/** The bundled rules, loaded on first use and kept. */
export function segmentationRules(): SegmentationRules {
  if (cached) return cached;
  const file = projectPath('analysis', 'lexicons', 'segmentation.json');
  let raw: unknown;
  try {
    raw = JSON.parse(moduleData.read(file));
  } catch (error) {
    throw new Error(`${file}: cannot read segmentation rules: ${(error as Error).message}`);
  }
  cached = parseSegmentationRules(raw, file);
  return cached;
}

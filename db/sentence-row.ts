// The row shape of a scored sentence as the story and search queries select it, and its
// one mapping to StorySentence, shared by the dashboard's query and the concordance's.

import type { SegmentKind } from '../analysis/vocabulary/segments.js';
import type { StorySentence, StoredSegment, StoredSpeaker } from './store.js';
import type { FramingCueRow, StoryFramingRows, TargetRow } from '../analysis/comparison/framing.js';

export interface SentenceRow {
  id: number;
  article_id: number;
  outlet: string;
  position: number;
  paragraph_index: number;
  kind: SegmentKind;
  text: string;
  word_count: number;
  tone_combined: number | null;
  tone_afinn: number | null;
  tone_diplomacy: number | null;
  expectation: StoredSegment['expectation'];
  expectation_move: string | null;
  hedge_count: number;
  booster_count: number;
  quote_kind: StoredSegment['quote'];
  speaker: string | null;
  side: StoredSpeaker['side'] | null;
  is_anonymous: number | null;
  /** Issue ids of the sentence's issue cue hits, joined with "|". */
  issues: string | null;
}

export function toStorySentence(r: SentenceRow, pool?: StringPool): StorySentence {
  const one = pool ? (v: string | null) => pool.one(v) : (v: string | null) => v;
  return {
    segmentId: r.id,
    text: r.text,
    toneAfinn: r.tone_afinn,
    toneDiplomacy: r.tone_diplomacy,
    expectationMove: one(r.expectation_move),
    articleId: r.article_id,
    outlet: one(r.outlet)!,
    position: r.position,
    paragraph: r.paragraph_index,
    kind: one(r.kind) as SegmentKind,
    words: r.word_count,
    tone: r.tone_combined,
    expectation: one(r.expectation) as StorySentence['expectation'],
    hedges: r.hedge_count,
    boosters: r.booster_count,
    quote: one(r.quote_kind) as StorySentence['quote'],
    speaker: one(r.speaker),
    side: one(r.side) as StorySentence['side'],
    anonymous: r.is_anonymous === 1,
    issues: pool ? pool.issues(r.issues) : r.issues ? r.issues.split('|') : [],
  };
}

/**
 * One copy of each repeated value of a story's sentences. A database driver returns a new
 * string for every row's outlet, kind, labels and speaker, and each sentence its own issues
 * array: on a story of 263,000 sentences that was about a third of what they held. Pooled,
 * rows share them; the issues arrays are frozen, as they are shared.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string | null, readonly string[]>();

  one<T extends string | null>(value: T): T {
    if (value === null) return value;
    const kept = this.strings.get(value);
    if (kept !== undefined) return kept as T;
    this.strings.set(value, value);
    return value;
  }

  issues(joined: string | null): string[] {
    let list = this.lists.get(joined);
    if (list === undefined) {
      list = Object.freeze(joined ? joined.split('|').map((id) => this.one(id)) : []);
      this.lists.set(joined, list);
    }
    return list as string[];
  }
}

/** The numeric columns of a story's sentences (SentenceColumns), 8 bytes a value. */
const FLOAT_COLUMNS = ['segmentId', 'articleId', 'tone', 'toneAfinn', 'toneDiplomacy'] as const;
/** The small-integer columns, 4 bytes a value: counts, and indexes into the pooled values. */
const INT_COLUMNS = [
  'position',
  'paragraph',
  'words',
  'hedges',
  'boosters',
  'anonymous',
  // Indexes into `values` (0 is null) and `lists`.
  'outlet',
  'kind',
  'expectation',
  'expectationMove',
  'quote',
  'speaker',
  'side',
  'issues',
  // The article text a sentence is cut from (an index into `texts`; -1: its own text) and
  // where: UTF-8 offsets into its bytes (UTF-16 offsets into a text kept as a string).
  'source',
  'start',
  'end',
] as const;

type FloatColumn = (typeof FLOAT_COLUMNS)[number];
type IntColumn = (typeof INT_COLUMNS)[number];

/**
 * A story's scored sentences as columns: numbers in typed arrays, repeated strings and
 * issue lists as indexes into one copy of each, the text as offsets into its article's
 * text. Each sentence is read through a small object (`sentences()`) whose getters read the
 * columns, so consumers see StorySentence. On a story of 263,000 sentences an object of 20
 * fields per sentence, its three tones boxed and its text sliced was about 68 MB besides
 * the articles' text; columns and these objects are about 38 MB.
 */
export class SentenceColumns {
  count = 0;
  readonly floats = {} as Record<FloatColumn, Float64Array>;
  readonly ints = {} as Record<IntColumn, Int32Array>;
  /** Pooled strings; index 0 is null. */
  readonly values: (string | null)[] = [null];
  readonly lists: (readonly string[])[] = [];
  private readonly valueIndex = new Map<string, number>();
  private readonly listIndex = new Map<string | null, number>();
  /** The texts sentences are cut from (whole articles, UTF-8), and the sentences with their own. */
  private readonly texts: (Buffer | string)[] = [];
  /** While loading: each text as a string, and the last offset turned into UTF-8's. */
  private readonly cursors: { text: string; utf16: number; byte: number }[] = [];
  private readonly ownTexts = new Map<number, string>();

  constructor(capacity = 1024) {
    for (const name of FLOAT_COLUMNS) this.floats[name] = new Float64Array(capacity);
    for (const name of INT_COLUMNS) this.ints[name] = new Int32Array(capacity);
  }

  /**
   * A text sentences are cut from (`add`'s `source`), kept as UTF-8 (most of a story's
   * articles hold a character past U+00FF, so V8 keeps their text at two bytes a character:
   * 62 MB for `elections`, 34 as UTF-8).
   */
  addText(text: string): number {
    // A text with a lone surrogate (malformed UTF-16) would not come back from UTF-8 the same.
    this.texts.push(LONE_SURROGATE.test(text) ? text : Buffer.from(text, 'utf8'));
    this.cursors.push({ text, utf16: 0, byte: 0 });
    return this.texts.length - 1;
  }

  /** Drops what loading needed (each article's string): the columns are complete. */
  private loaded(): void {
    this.cursors.length = 0;
  }

  /** The UTF-8 offset of `text`'s UTF-16 offset `at`, from where the last one was found. */
  private byteOffset(cursor: { text: string; utf16: number; byte: number }, at: number): number {
    if (at < cursor.utf16) {
      cursor.utf16 = 0;
      cursor.byte = 0;
    }
    cursor.byte += Buffer.byteLength(cursor.text.slice(cursor.utf16, at), 'utf8');
    cursor.utf16 = at;
    return cursor.byte;
  }

  /**
   * One sentence from its row: `r.text` when the sentence has its own text, else the text
   * is `source` (addText's number; -1 for none: an empty text) from `start` to `end`.
   */
  add(
    r: Omit<SentenceRow, 'text'> & { text: string | null },
    source = -1,
    start = 0,
    end = 0,
  ): void {
    if (this.count === this.floats.segmentId.length) this.resize(this.count * 2);
    const i = this.count++;
    const f = this.floats;
    const n = this.ints;
    f.segmentId[i] = r.id;
    f.articleId[i] = r.article_id;
    // Null as NaN: a stored tone is never NaN (SQLite keeps NaN as NULL).
    f.tone[i] = r.tone_combined ?? NaN;
    f.toneAfinn[i] = r.tone_afinn ?? NaN;
    f.toneDiplomacy[i] = r.tone_diplomacy ?? NaN;
    n.position[i] = r.position;
    n.paragraph[i] = r.paragraph_index;
    n.words[i] = r.word_count;
    n.hedges[i] = r.hedge_count;
    n.boosters[i] = r.booster_count;
    n.anonymous[i] = r.is_anonymous === 1 ? 1 : 0;
    n.outlet[i] = this.value(r.outlet);
    n.kind[i] = this.value(r.kind);
    n.expectation[i] = this.value(r.expectation);
    n.expectationMove[i] = this.value(r.expectation_move);
    n.quote[i] = this.value(r.quote_kind);
    n.speaker[i] = this.value(r.speaker);
    n.side[i] = this.value(r.side);
    n.issues[i] = this.list(r.issues);
    const cursor = source >= 0 && r.text === null ? this.cursors[source] : undefined;
    if (cursor === undefined || splitsPair(cursor.text, start) || splitsPair(cursor.text, end)) {
      // Its own text, or a cut that UTF-8 cannot give back (inside a surrogate pair): kept
      // as the string itself.
      this.ownTexts.set(i, r.text ?? (cursor ? cursor.text.slice(start, end) : ''));
      n.source[i] = -1;
    } else {
      n.source[i] = source;
      const utf8 = typeof this.texts[source] !== 'string';
      n.start[i] = utf8 ? this.byteOffset(cursor, start) : start;
      n.end[i] = utf8 ? this.byteOffset(cursor, end) : end;
    }
  }

  /** Sentence i's text: its own, or cut from its article's text when read. */
  text(i: number): string {
    const source = this.ints.source[i]!;
    if (source < 0) return this.ownTexts.get(i) ?? '';
    const text = this.texts[source]!;
    return typeof text === 'string'
      ? text.slice(this.ints.start[i], this.ints.end[i])
      : text.toString('utf8', this.ints.start[i], this.ints.end[i]);
  }

  /** The sentences in the order added, each read through the columns; the columns trimmed. */
  sentences(): StorySentence[] {
    this.resize(this.count);
    this.loaded();
    const sentences = new Array<StorySentence>(this.count);
    for (let i = 0; i < this.count; i++) sentences[i] = new ColumnSentence(this, i);
    return sentences;
  }

  private value(value: string | null): number {
    if (value === null) return 0;
    let index = this.valueIndex.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.valueIndex.set(value, index);
    }
    return index;
  }

  private list(joined: string | null): number {
    let index = this.listIndex.get(joined);
    if (index === undefined) {
      index = this.lists.length;
      // One frozen array per distinct list, its ids pooled, as StringPool.issues.
      this.lists.push(
        Object.freeze(joined ? joined.split('|').map((id) => this.values[this.value(id)]!) : []),
      );
      this.listIndex.set(joined, index);
    }
    return index;
  }

  private resize(capacity: number): void {
    if (capacity === this.floats.segmentId.length) return;
    for (const name of FLOAT_COLUMNS) {
      const column = new Float64Array(capacity);
      column.set(this.floats[name].subarray(0, Math.min(capacity, this.count)));
      this.floats[name] = column;
    }
    for (const name of INT_COLUMNS) {
      const column = new Int32Array(capacity);
      column.set(this.ints[name].subarray(0, Math.min(capacity, this.count)));
      this.ints[name] = column;
    }
  }
}

/** Half of a surrogate pair without its other half (code units: no `u` flag). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether UTF-16 offset `at` of `text` falls between the two halves of a surrogate pair
 * (a character past U+FFFF), where a cut of its UTF-8 cannot be made.
 */
export function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function orNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/**
 * One sentence of SentenceColumns. Its fields are getters on the prototype, not its own
 * properties: spread or structured-clone it through plainSentence. JSON gets the plain
 * sentence too (toJSON), not the whole column store it reads from.
 */
class ColumnSentence implements StorySentence {
  constructor(
    readonly c: SentenceColumns,
    readonly i: number,
    /** In place of the stored outlet (renamedSentence). */
    private readonly renamed: string | null = null,
  ) {}
  toJSON(): StorySentence {
    return plainSentence(this);
  }
  get segmentId(): number {
    return this.c.floats.segmentId[this.i]!;
  }
  // What its content terms are remembered by while its story computes (TermsKey in
  // analysis/comparison/terms.ts), so they need not be kept by its text.
  get termsOwner(): object {
    return this.c;
  }
  get termsIndex(): number {
    return this.i;
  }
  get termsCount(): number {
    return this.c.count;
  }
  get text(): string {
    return this.c.text(this.i);
  }
  get toneAfinn(): number | null {
    return orNull(this.c.floats.toneAfinn[this.i]!);
  }
  get toneDiplomacy(): number | null {
    return orNull(this.c.floats.toneDiplomacy[this.i]!);
  }
  get expectationMove(): string | null {
    return this.c.values[this.c.ints.expectationMove[this.i]!]!;
  }
  get articleId(): number {
    return this.c.floats.articleId[this.i]!;
  }
  get outlet(): string {
    return this.renamed ?? this.c.values[this.c.ints.outlet[this.i]!]!;
  }
  get position(): number {
    return this.c.ints.position[this.i]!;
  }
  get paragraph(): number {
    return this.c.ints.paragraph[this.i]!;
  }
  get kind(): SegmentKind {
    return this.c.values[this.c.ints.kind[this.i]!] as SegmentKind;
  }
  get words(): number {
    return this.c.ints.words[this.i]!;
  }
  get tone(): number | null {
    return orNull(this.c.floats.tone[this.i]!);
  }
  get expectation(): StorySentence['expectation'] {
    return this.c.values[this.c.ints.expectation[this.i]!] as StorySentence['expectation'];
  }
  get hedges(): number {
    return this.c.ints.hedges[this.i]!;
  }
  get boosters(): number {
    return this.c.ints.boosters[this.i]!;
  }
  get quote(): StorySentence['quote'] {
    return this.c.values[this.c.ints.quote[this.i]!] as StorySentence['quote'];
  }
  get speaker(): string | null {
    return this.c.values[this.c.ints.speaker[this.i]!]!;
  }
  get side(): StorySentence['side'] {
    return this.c.values[this.c.ints.side[this.i]!] as StorySentence['side'];
  }
  get anonymous(): boolean {
    return this.c.ints.anonymous[this.i] === 1;
  }
  get issues(): string[] {
    return this.c.lists[this.c.ints.issues[this.i]!] as string[];
  }
}

/**
 * The sentence with another outlet (the dashboard's pooled outlets): one more small object
 * over the same columns, or a plain copy of a plain sentence.
 */
export function renamedSentence(s: StorySentence, outlet: string): StorySentence {
  return s instanceof ColumnSentence
    ? new ColumnSentence(s.c, s.i, outlet)
    : plainSentence(s, outlet);
}

/**
 * The sentence as a plain object, its fields in toStorySentence's order (so its JSON is the
 * same), `outlet` replaced when given: what a page keeps or a worker posts of a sentence.
 */
export function plainSentence(s: StorySentence, outlet = s.outlet): StorySentence {
  return {
    segmentId: s.segmentId,
    text: s.text,
    toneAfinn: s.toneAfinn,
    toneDiplomacy: s.toneDiplomacy,
    expectationMove: s.expectationMove,
    articleId: s.articleId,
    outlet,
    position: s.position,
    paragraph: s.paragraph,
    kind: s.kind,
    words: s.words,
    tone: s.tone,
    expectation: s.expectation,
    hedges: s.hedges,
    boosters: s.boosters,
    quote: s.quote,
    speaker: s.speaker,
    side: s.side,
    anonymous: s.anonymous,
    issues: s.issues,
  };
}

/** A growable Float64Array or Int32Array, trimmed to its length by `done`. */
class Column<A extends Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer>> {
  length = 0;
  constructor(
    public values: A,
    private readonly make: (capacity: number) => A,
  ) {}

  push(value: number): void {
    if (this.length === this.values.length) this.resize(this.length * 2);
    this.values[this.length++] = value;
  }

  done(): A {
    this.resize(this.length);
    return this.values;
  }

  private resize(capacity: number): void {
    if (capacity === this.values.length) return;
    const values = this.make(capacity);
    values.set(this.values.subarray(0, Math.min(capacity, this.length)));
    this.values = values;
  }
}

const floats = () => new Column(new Float64Array(1024), (n) => new Float64Array(n));
const ints = () => new Column(new Int32Array(1024), (n) => new Int32Array(n));

/**
 * A story's framing rows (targets and cue hits) as columns, strings pooled: each row is
 * made as an object when iterated, and dropped after. On a story of 262,000 targets and
 * 101,000 cue hits the rows as objects held about 28 MB, as columns about 7.
 */
export class FramingColumns {
  private readonly pool: string[] = [];
  private readonly poolIndex = new Map<string, number>();
  private readonly target = {
    segmentId: floats(),
    target: ints(),
    role: ints(),
    tone: floats(),
    quoted: ints(),
  };
  private readonly cue = { segmentId: floats(), lexicon: ints(), category: ints() };

  addTarget(t: TargetRow): void {
    this.target.segmentId.push(t.segmentId);
    this.target.target.push(this.index(t.target));
    this.target.role.push(this.index(t.role));
    this.target.tone.push(t.tone);
    this.target.quoted.push(t.isQuoted ? 1 : 0);
  }

  addCue(c: FramingCueRow): void {
    this.cue.segmentId.push(c.segmentId);
    this.cue.lexicon.push(this.index(c.lexicon));
    this.cue.category.push(this.index(c.category));
  }

  /** The rows, in the order added; each pass over them makes their objects anew. */
  rows(): StoryFramingRows {
    const pool = this.pool;
    const t = {
      segmentId: this.target.segmentId.done(),
      target: this.target.target.done(),
      role: this.target.role.done(),
      tone: this.target.tone.done(),
      quoted: this.target.quoted.done(),
    };
    const c = {
      segmentId: this.cue.segmentId.done(),
      lexicon: this.cue.lexicon.done(),
      category: this.cue.category.done(),
    };
    return {
      targets: {
        *[Symbol.iterator](): Iterator<TargetRow> {
          for (let i = 0; i < t.segmentId.length; i++) {
            yield {
              segmentId: t.segmentId[i]!,
              target: pool[t.target[i]!]!,
              role: pool[t.role[i]!] as TargetRow['role'],
              tone: t.tone[i]!,
              isQuoted: t.quoted[i] === 1,
            };
          }
        },
      },
      cues: {
        *[Symbol.iterator](): Iterator<FramingCueRow> {
          for (let i = 0; i < c.segmentId.length; i++) {
            yield {
              segmentId: c.segmentId[i]!,
              lexicon: pool[c.lexicon[i]!] as FramingCueRow['lexicon'],
              category: pool[c.category[i]!]!,
            };
          }
        },
      },
    };
  }

  private index(value: string): number {
    let index = this.poolIndex.get(value);
    if (index === undefined) {
      index = this.pool.length;
      this.pool.push(value);
      this.poolIndex.set(value, index);
    }
    return index;
  }
}

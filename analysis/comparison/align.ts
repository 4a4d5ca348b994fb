// Aligned facts: groups of sentences from different outlets of one story that tell the
// same fact, so a reader can set their framing side by side with the fact held constant
// (docs/method.md §3, "Aligned facts"). Similarity is the cosine of TF-IDF vectors over
// stemmed content words (idf over the story's own sentences), taken between the best pair
// of 8-word windows of two sentences, so a fact told inside a long sentence still matches.
// It deliberately does no paraphrase detection beyond shared stems (no synonyms, no
// embeddings: "called off" and "postponed" do not meet) and no scoring.

import { SurfaceTally, textTerms, type TermsKey } from './terms.js';

/** A sentence to align; a story's sentence also says what its terms are remembered by. */
export interface AlignSentence extends Partial<TermsKey> {
  id: number;
  outlet: string;
  article: number;
  text: string;
}

export interface AlignedMember {
  id: number;
  outlet: string;
  /** Mean cosine similarity of this sentence to the group's other members. */
  similarity: number;
}

export interface AlignedFact {
  /**
   * One sentence per outlet, in the order outlets first appear in the input. A sentence
   * that tells two facts may appear in two groups.
   */
  members: AlignedMember[];
  outlets: string[];
  /** Outlets of the story with no sentence in the group: they do not report the fact (as worded). */
  missing: string[];
  /** Stems shared by at least two members, shown as surface words, most telling first. */
  terms: string[];
  /** Mean pairwise cosine similarity of the members. */
  cohesion: number;
  /** Lowest pairwise cosine similarity of the members: the group's weakest link. */
  weakest: number;
}

export interface AlignOptions {
  /**
   * Minimum cosine between the best window pair of two sentences for them to be linked.
   * 0.35 was chosen on the seed story and the BASIL same-event triplets (README, "Aligned
   * facts": the highest threshold that still groups the seed story's three shared facts).
   */
  threshold?: number;
  /** A merge of two partial groups needs this similarity between every cross pair (weakest link) (guards against chains). */
  linkage?: number;
  /** Sentences with fewer distinct content words than this are not aligned ("Blinken said."). */
  minTerms?: number;
  /** A link needs at least this many distinct shared stems ("likely" + "Blinken" is no fact). */
  minShared?: number;
  /** Content words per comparison window (default 8); see alignFacts. */
  window?: number;
  /**
   * A link needs this much evidence from shared *telling* stems: an ordinary word counts 1,
   * a name 0.5, a frame word of the story 0 (see tellingWeights). Default 2.
   */
  minTelling?: number;
}

export const DEFAULT_ALIGN_THRESHOLD = 0.35;

interface Window {
  sentence: number;
  /** Range of content-word positions in the sentence. */
  from: number;
  to: number;
  vector: Vector;
}

/** A unit-length TF-IDF vector: stem ids ascending, with their weights. */
interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

function weigh(ids: readonly number[], idf: (id: number) => number): Vector {
  const tf = new Map<number, number>();
  for (const id of ids) tf.set(id, (tf.get(id) ?? 0) + 1);
  const sorted = [...tf.keys()].sort((a, b) => a - b);
  const weights = new Float64Array(sorted.length);
  let norm = 0;
  sorted.forEach((id, k) => {
    const w = (1 + Math.log(tf.get(id)!)) * idf(id);
    weights[k] = w;
    norm += w * w;
  });
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < weights.length; k++) weights[k]! /= norm;
  return { ids: Int32Array.from(sorted), weights };
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  for (let x = 0, y = 0; x < a.ids.length && y < b.ids.length;) {
    const d = a.ids[x]! - b.ids[y]!;
    if (d === 0) dot += a.weights[x++]! * b.weights[y++]!;
    else if (d < 0) x++;
    else y++;
  }
  return dot;
}

function sharedCount(a: Vector, b: Vector): number {
  let shared = 0;
  for (let x = 0, y = 0; x < a.ids.length && y < b.ids.length;) {
    const d = a.ids[x]! - b.ids[y]!;
    if (d === 0) {
      shared++;
      x++;
      y++;
    } else if (d < 0) x++;
    else y++;
  }
  return shared;
}

/** Most stems two sentences share that a window's mask (one bit a stem) can hold. */
const MASK_BITS = 31;

/** The number of bits set in a 32-bit integer. */
function bitCount(bits: number): number {
  let n = bits - ((bits >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The story's stems, interned as ids, with the idf that weighs them. */
interface StemIndex {
  tally: SurfaceTally;
  stems: string[];
  /** Per sentence, its content words' stem ids in order. */
  idLists: number[][];
  /** Document frequency of each stem id over the story's sentences. */
  df: Int32Array;
  idf: (id: number) => number;
  /** Per stem id, how much sharing it says that two sentences tell one fact (0, 0.5 or 1). */
  telling: Float64Array;
}

/** The sentences as TF-IDF vectors: whole, and every window of consecutive content words. */
interface WindowSpace {
  sentences: readonly AlignSentence[];
  windows: Window[];
  /** Per sentence, the indexes of its windows (none for sentences too short to align). */
  windowsOf: number[][];
  whole: Vector[];
  outletOf(window: number): string;
}

interface Link {
  x: number;
  y: number;
  sim: number;
}

/** Groups of sentences telling the same fact, largest (most outlets) and tightest first. */
export function alignFacts(
  sentences: readonly AlignSentence[],
  options: AlignOptions = {},
): AlignedFact[] {
  const threshold = options.threshold ?? DEFAULT_ALIGN_THRESHOLD;
  const linkage = options.linkage ?? threshold * 0.7;
  const minTerms = options.minTerms ?? 3;
  const minShared = options.minShared ?? 3;
  const windowSize = options.window ?? 8;
  const minTelling = options.minTelling ?? 2;
  const index = indexStems(sentences);
  const space = windowSpace(sentences, index, minTerms, windowSize);
  const links = candidateLinks(space, index, { minShared, minTelling, threshold });
  const groups = agglomerate(space, links, linkage);
  joinOverlappingGroups(space, groups, linkage);
  return collectFacts(space, index, groups);
}

/** Stems per sentence in order, interned as ids; document frequencies over the story. */
function indexStems(sentences: readonly AlignSentence[]): StemIndex {
  const tally = new SurfaceTally();
  const stemIds = new Map<string, number>();
  const stems: string[] = [];
  const idLists: number[][] = sentences.map((s) =>
    textTerms(s).map((term) => {
      tally.add(term);
      let id = stemIds.get(term.stem);
      if (id === undefined) {
        id = stems.length;
        stemIds.set(term.stem, id);
        stems.push(term.stem);
      }
      return id;
    }),
  );
  const df = new Int32Array(stems.length);
  for (const ids of idLists) for (const id of new Set(ids)) df[id]!++;
  const n = sentences.length;
  // Smoothed idf (as scikit-learn): a stem in every sentence still weighs 1, not 0.
  const idf = (id: number): number => Math.log((1 + n) / (1 + df[id]!)) + 1;
  return { tally, stems, idLists, df, idf, telling: tellingWeights(tally, stems, df, n) };
}

// Hand-checking groups on the shared corpora (README, "Aligned facts") showed the false
// groups sharing only names ("Foreign Minister Avigdor Lieberman" met / praised) or the
// event's frame words ("Trump", "summit", "last week"). So a link must also rest on stems
// that say something: a name (a stem never written in lower case in the story) counts half,
// as two sentences naming the same people can tell different facts, and a frame word (in more than FRAME_SHARE of the story's sentences,
// at least FRAME_MIN of them) counts nothing. Numbers count in full: "25% from 10%".
const FRAME_SHARE = 0.1;
const FRAME_MIN = 4;

function tellingWeights(
  tally: SurfaceTally,
  stems: readonly string[],
  df: Int32Array,
  sentences: number,
): Float64Array {
  const frame = Math.max(FRAME_MIN, sentences * FRAME_SHARE);
  return Float64Array.from(stems, (stem, id) => {
    if (df[id]! > frame) return 0;
    return tally.isCapitalized(stem) ? 0.5 : 1;
  });
}

/** The summed telling weight of the stems two vectors share. */
function tellingShared(a: Vector, b: Vector, telling: Float64Array): number {
  let sum = 0;
  for (let x = 0, y = 0; x < a.ids.length && y < b.ids.length;) {
    const d = a.ids[x]! - b.ids[y]!;
    if (d === 0) {
      sum += telling[a.ids[x]!]!;
      x++;
      y++;
    } else if (d < 0) x++;
    else y++;
  }
  return sum;
}

// Long sentences pack several facts ("…, it will also mark the first trip to Beijing for
// a U.S. Secretary of State since 2018, making it a key test…"); a whole-sentence cosine
// dilutes each of them. So sentences are compared through every window of `window`
// consecutive content words, and two sentences are as similar as their best window pair.
function windowSpace(
  sentences: readonly AlignSentence[],
  { idLists, idf }: StemIndex,
  minTerms: number,
  windowSize: number,
): WindowSpace {
  const windows: Window[] = [];
  const windowsOf: number[][] = sentences.map(() => []);
  const whole: Vector[] = idLists.map((ids) => weigh(ids, idf));
  idLists.forEach((ids, i) => {
    if (whole[i]!.ids.length < minTerms) return;
    for (let from = 0; ; from++) {
      const slice = ids.slice(from, from + windowSize);
      windowsOf[i]!.push(windows.length);
      windows.push({ sentence: i, from, to: from + slice.length, vector: weigh(slice, idf) });
      if (from + windowSize >= ids.length) break;
    }
  });
  const outletOf = (w: number): string => sentences[windows[w]!.sentence]!.outlet;
  return { sentences, windows, windowsOf, whole, outletOf };
}

/** Links between windows of sentences of different outlets, at or above `threshold`. */
function candidateLinks(
  space: WindowSpace,
  { df, telling, stems, idLists }: StemIndex,
  {
    minShared,
    minTelling,
    threshold,
  }: { minShared: number; minTelling: number; threshold: number },
): Link[] {
  const { sentences, windows, windowsOf, whole } = space;
  const n = sentences.length;
  // Best window pair of two sentences. Only windows holding at least `minShared` of the
  // stems both sentences share can reach a link, so the others are skipped. The stems two
  // windows share are among those their sentences share, so each window is first marked
  // with which of those it holds (a bit each) and their weights: most window pairs fail
  // on that count alone, and the others sum their shared stems' weights in ascending stem
  // order, as cosine does, without walking the rest.
  const shared = new Int32Array(MASK_BITS);
  const bitOf = new Int32Array(stems.length);
  // The sentence whose stems are marked (each stem: the last sentence holding it marked).
  const markedBy = new Int32Array(stems.length).fill(-1);
  let longest = 0;
  for (const list of windowsOf) longest = Math.max(longest, list.length);
  const masksA = new Int32Array(longest);
  const masksB = new Int32Array(longest);
  const weightsA = new Float64Array(longest * 32);
  const weightsB = new Float64Array(longest * 32);
  let longestText = 0;
  for (const ids of idLists) longestText = Math.max(longestText, ids.length);
  const wordBits = new Int32Array(longestText);
  /**
   * Each window's mask of the shared stems (from its words' bits), and the weights of
   * those stems in the windows holding enough of them; how many windows do.
   */
  const windowMasks = (sentence: number, masks: Int32Array, weights: Float64Array): number => {
    const words = idLists[sentence]!;
    for (let p = 0; p < words.length; p++) wordBits[p] = bitOf[words[p]!]!;
    const list = windowsOf[sentence]!;
    let kept = 0;
    for (let k = 0; k < list.length; k++) {
      const window = windows[list[k]!]!;
      let mask = 0;
      for (let p = window.from; p < window.to; p++) mask |= wordBits[p]!;
      masks[k] = mask;
      if (bitCount(mask) < minShared) continue;
      kept++;
      const { ids, weights: own } = window.vector;
      for (let x = 0; x < ids.length; x++) {
        const bit = bitOf[ids[x]!]!;
        if (bit !== 0) weights[k * 32 + 31 - Math.clz32(bit)] = own[x]!;
      }
    }
    return kept;
  };
  /** The best window pair of sentences a and b; a's stems must be marked (markStems). */
  const bestPair = (a: number, b: number): Link | null => {
    let count = 0;
    for (const id of whole[b]!.ids) {
      if (markedBy[id] !== a) continue;
      if (count < MASK_BITS) shared[count] = id;
      count++;
    }
    if (count < minShared) return null;
    if (count > MASK_BITS) return bestPairByWalking(a, b);
    for (let k = 0; k < count; k++) bitOf[shared[k]!] = 1 << k;
    const keptA = windowMasks(a, masksA, weightsA);
    const keptB = keptA === 0 ? 0 : windowMasks(b, masksB, weightsB);
    for (let k = 0; k < count; k++) bitOf[shared[k]!] = 0;
    if (keptB === 0) return null;
    const listA = windowsOf[a]!;
    const listB = windowsOf[b]!;
    let best: Link | null = null;
    for (let p = 0; p < listA.length; p++) {
      const ma = masksA[p]!;
      if (bitCount(ma) < minShared) continue;
      for (let q = 0; q < listB.length; q++) {
        const both = ma & masksB[q]!;
        if (bitCount(both) < minShared) continue;
        // tellingShared and cosine over the shared stems, in ascending stem order.
        let tellingSum = 0;
        for (let bits = both; bits !== 0; bits &= bits - 1) {
          tellingSum += telling[shared[31 - Math.clz32(bits & -bits)]!]!;
        }
        if (tellingSum < minTelling) continue;
        let sim = 0;
        for (let bits = both; bits !== 0; bits &= bits - 1) {
          const k = 31 - Math.clz32(bits & -bits);
          sim += weightsA[p * 32 + k]! * weightsB[q * 32 + k]!;
        }
        if (!best || sim > best.sim) best = { x: listA[p]!, y: listB[q]!, sim };
      }
    }
    return best;
  };
  const markStems = (a: number): void => {
    for (const id of whole[a]!.ids) markedBy[id] = a;
  };
  // The same search, stem by stem: for two sentences sharing more stems than a mask holds.
  const bestPairByWalking = (a: number, b: number): Link | null => {
    let best: Link | null = null;
    const wa = windowsOf[a]!.filter((x) => sharedCount(windows[x]!.vector, whole[b]!) >= minShared);
    const wb = windowsOf[b]!.filter((y) => sharedCount(windows[y]!.vector, whole[a]!) >= minShared);
    for (const x of wa) {
      for (const y of wb) {
        const vx = windows[x]!.vector;
        const vy = windows[y]!.vector;
        if (sharedCount(vx, vy) < minShared) continue;
        if (tellingShared(vx, vy, telling) < minTelling) continue;
        const sim = cosine(vx, vy);
        if (!best || sim > best.sim) best = { x, y, sim };
      }
    }
    return best;
  };

  // Candidate pairs: sentences of different outlets sharing at least two stems that are not
  // in a large share of the story's sentences. Frequent stems ("china", "blinken") are left
  // out of the index so the work stays near-linear; a pair sharing only them is no fact.
  const maxPosting = Math.max(50, Math.ceil(n * 0.05));
  const postings = new Map<number, number[]>();
  whole.forEach((vector, i) => {
    if (windowsOf[i]!.length === 0) return;
    for (const id of vector.ids) {
      if (df[id]! > maxPosting) continue;
      let posting = postings.get(id);
      if (!posting) postings.set(id, (posting = []));
      posting.push(i);
    }
  });
  const links: Link[] = [];
  // Per later sentence, the rare stems it shares with sentence i; the sentences in the
  // order first met (as a map would list them), each count set back to 0 once read.
  const sharedRare = new Int32Array(n);
  const met: number[] = [];
  for (let i = 0; i < n; i++) {
    if (windowsOf[i]!.length === 0) continue;
    const outlet = sentences[i]!.outlet;
    markStems(i);
    for (const id of whole[i]!.ids) {
      const posting = postings.get(id);
      if (posting === undefined) continue;
      for (const j of posting) {
        if (j > i && sentences[j]!.outlet !== outlet && sharedRare[j]!++ === 0) met.push(j);
      }
    }
    for (const j of met) {
      const count = sharedRare[j]!;
      sharedRare[j] = 0;
      if (count < 2) continue;
      const pair = bestPair(i, j);
      if (pair && pair.sim >= threshold) links.push(pair);
    }
    met.length = 0;
  }
  return links;
}

// Lowest cosine between the windows of two groups. The weakest link, not the mean: with the
// mean, two tight pairs about neighbouring facts (Liu He "will lead a delegation" / Liu He
// "told Mnuchin") merged through their one strong cross pair.
function crossSimilarity(space: WindowSpace, gx: readonly number[], gy: readonly number[]): number {
  let weakest = Infinity;
  for (const p of gx)
    for (const q of gy)
      weakest = Math.min(weakest, cosine(space.windows[p]!.vector, space.windows[q]!.vector));
  return weakest;
}

// Agglomerate windows along the strongest links first. A group holds at most one window
// per outlet (so it reads as one row of columns) and two partial groups merge only when
// their weakest cross-similarity stays above `linkage`, which keeps A~B, B~C from gluing A
// to C. Groups are of windows, not sentences, so a sentence that tells two facts can
// stand in two groups ("…tempered expectations… could again send ties into a tailspin").
function agglomerate(space: WindowSpace, links: Link[], linkage: number): number[][] {
  const { outletOf } = space;
  links.sort((p, q) => q.sim - p.sim || p.x - q.x || p.y - q.y);
  const groupOf = new Map<number, number[]>();
  for (const { x, y } of links) {
    const gx = groupOf.get(x) ?? [x];
    const gy = groupOf.get(y) ?? [y];
    if (gx === gy) continue;
    const outletsX = new Set(gx.map(outletOf));
    if (gy.some((w) => outletsX.has(outletOf(w)))) continue;
    if (crossSimilarity(space, gx, gy) < linkage) continue;
    gx.push(...gy);
    for (const w of gx) groupOf.set(w, gx);
  }
  return [...new Set(groupOf.values())];
}

// Overlapping windows of one sentence can start parallel groups for the same fact
// (DB+NYT through one window, DB+blog through the next). Two groups holding overlapping
// windows of one sentence, no two sentences of one outlet, and cross-similarity above
// `linkage` are one fact: join them (in place: the joined group is emptied).
function joinOverlappingGroups(space: WindowSpace, groups: number[][], linkage: number): void {
  const { windows, outletOf } = space;
  for (let changed = true; changed;) {
    changed = false;
    const bySentence = new Map<number, number[]>();
    groups.forEach((g, gi) => {
      for (const w of g) {
        const list = bySentence.get(windows[w]!.sentence) ?? [];
        list.push(gi);
        bySentence.set(windows[w]!.sentence, list);
      }
    });
    for (const list of bySentence.values()) {
      for (let a = 0; a < list.length; a++) {
        for (let b = a + 1; b < list.length; b++) {
          const ga = groups[list[a]!]!;
          const gb = groups[list[b]!]!;
          if (ga === gb || ga.length === 0 || gb.length === 0 || !overlapping(space, ga, gb))
            continue;
          const outletsA = new Set(ga.map(outletOf));
          const added = gb.filter((w) => !outletsA.has(outletOf(w)));
          if (added.length === 0 || crossSimilarity(space, ga, added) < linkage) continue;
          ga.push(...added);
          gb.length = 0;
          changed = true;
        }
      }
    }
  }
}

/** Whether two groups' windows of each shared outlet are overlapping windows of one sentence. */
function overlapping(space: WindowSpace, ga: readonly number[], gb: readonly number[]): boolean {
  const { windows, outletOf } = space;
  let overlap = false;
  for (const x of ga) {
    for (const y of gb) {
      const wx = windows[x]!;
      const wy = windows[y]!;
      if (outletOf(x) !== outletOf(y)) continue;
      if (wx.sentence !== wy.sentence) return false;
      if (wx.from < wy.to && wy.from < wx.to) overlap = true;
    }
  }
  return overlap;
}

/** The groups of two or more as facts, each set of sentences once, in the order alignFacts promises. */
function collectFacts(space: WindowSpace, index: StemIndex, groups: number[][]): AlignedFact[] {
  const { sentences, windows, outletOf } = space;
  const outlets = [...new Set(sentences.map((s) => s.outlet))];
  const outletRank = new Map(outlets.map((o, i) => [o, i]));
  const facts: AlignedFact[] = [];
  const taken = new Set<string>();
  for (const group of groups) {
    if (group.length < 2) continue;
    group.sort((p, q) => outletRank.get(outletOf(p))! - outletRank.get(outletOf(q))!);
    // The same sentences can still meet twice through other windows; keep the first group.
    const key = group.map((w) => windows[w]!.sentence).join(',');
    if (taken.has(key)) continue;
    taken.add(key);
    facts.push(describeGroup(space, index, outlets, group));
  }
  facts.sort(
    (p, q) =>
      q.outlets.length - p.outlets.length ||
      q.cohesion - p.cohesion ||
      p.members[0]!.id - q.members[0]!.id,
  );
  return facts;
}

function describeGroup(
  space: WindowSpace,
  { tally, stems }: StemIndex,
  outlets: readonly string[],
  group: readonly number[],
): AlignedFact {
  const { sentences, windows } = space;
  const k = group.length;
  const vectors = group.map((w) => windows[w]!.vector);
  const sums = new Array<number>(k).fill(0);
  let total = 0;
  let weakest = Infinity;
  for (let x = 0; x < k; x++) {
    for (let y = x + 1; y < k; y++) {
      const sim = cosine(vectors[x]!, vectors[y]!);
      sums[x]! += sim;
      sums[y]! += sim;
      total += sim;
      weakest = Math.min(weakest, sim);
    }
  }
  // Shared stems of the matched windows: in at least two members, ranked by how many
  // members share them, then by summed weight (rarer stems weigh more).
  const shared = new Map<number, { count: number; weight: number }>();
  for (const vector of vectors) {
    vector.ids.forEach((id, k2) => {
      const entry = shared.get(id) ?? { count: 0, weight: 0 };
      entry.count++;
      entry.weight += vector.weights[k2]!;
      shared.set(id, entry);
    });
  }
  const terms = [...shared.entries()]
    .filter(([, e]) => e.count >= 2)
    .sort((x, y) => y[1].count - x[1].count || y[1].weight - x[1].weight)
    .slice(0, 8)
    .map(([id]) => tally.surfaceOf(stems[id]!));
  const members = group.map((w, x) => {
    const sentence = sentences[windows[w]!.sentence]!;
    return { id: sentence.id, outlet: sentence.outlet, similarity: sums[x]! / (k - 1) };
  });
  const present = members.map((m) => m.outlet);
  return {
    members,
    outlets: present,
    missing: outlets.filter((o) => !present.includes(o)),
    terms,
    cohesion: total / ((k * (k - 1)) / 2),
    weakest,
  };
}

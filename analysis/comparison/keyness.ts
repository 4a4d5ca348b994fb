// Distinctive words per outlet within one story: the log-odds ratio with an informative
// Dirichlet prior ("Fightin' Words", Monroe, Colaresi & Quinn 2008; docs/method.md §3), each
// outlet against the rest of the story, over stemmed content words. It deliberately does no
// phrase (n-gram) keyness and no significance testing across stories.

import { SurfaceTally, textTerms, type Term, type TermsKey } from './terms.js';

/** A piece of text attributed to an outlet: a segment or a whole article. */
/** A text of an outlet; a story's sentence also says what its terms are remembered by. */
export interface OutletText extends Partial<TermsKey> {
  outlet: string;
  text: string;
}

export interface KeyTerm {
  stem: string;
  /** The most frequent way the outlet's story wrote the stem. */
  word: string;
  /** Occurrences in this outlet and in the other outlets of the story. */
  count: number;
  otherCount: number;
  /** Log-odds ratio (natural log): positive when this outlet uses the word more. */
  delta: number;
  /** delta over its standard error; read it as a ranking, not a test (words are not independent). */
  z: number;
}

export interface OutletKeyness {
  outlet: string;
  /** Content words counted (after stopwords). */
  tokens: number;
  /** Top terms by z, highest first; only terms with z > 0 (over-used by this outlet). */
  terms: KeyTerm[];
}

export interface KeynessOptions {
  /** How many terms per outlet (default 15). */
  top?: number;
  /**
   * Total prior pseudo-count α0. α_w = α0 × (pooled count of w / pooled total). Default:
   * the pooled total itself, i.e. α_w = the word's count in the whole story, which
   * shrinks rare words hard: one article's pet word does not top the list on 2 uses.
   */
  alpha0?: number;
  /** Minimum uses by the outlet for a term to be listed (default 2). */
  minCount?: number;
}

interface Counts {
  byStem: Map<string, number>;
  total: number;
}

/** Distinctive terms of every outlet in `texts`, outlets in order of first appearance. */
export function distinctiveTerms(
  texts: readonly OutletText[],
  options: KeynessOptions = {},
): OutletKeyness[] {
  const top = options.top ?? 15;
  const minCount = options.minCount ?? 2;
  const tally = new SurfaceTally();
  // Counted by term object first (contentTerms interns them: one map operation a word),
  // then by stem.
  const byTerm = new Map<string, Map<Term, number>>();
  for (const item of texts) {
    const outlet = item.outlet;
    let counts = byTerm.get(outlet);
    if (!counts) {
      counts = new Map();
      byTerm.set(outlet, counts);
    }
    for (const term of textTerms(item)) {
      tally.add(term);
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  const perOutlet = new Map<string, Counts>();
  const pooled: Counts = { byStem: new Map(), total: 0 };
  for (const [outlet, terms] of byTerm) {
    const counts: Counts = { byStem: new Map(), total: 0 };
    perOutlet.set(outlet, counts);
    for (const [{ stem }, count] of terms) {
      counts.byStem.set(stem, (counts.byStem.get(stem) ?? 0) + count);
      counts.total += count;
      pooled.byStem.set(stem, (pooled.byStem.get(stem) ?? 0) + count);
      pooled.total += count;
    }
  }

  const alpha0 = options.alpha0 ?? pooled.total;
  const result: OutletKeyness[] = [];
  for (const [outlet, counts] of perOutlet) {
    const terms: Omit<KeyTerm, 'word'>[] = [];
    const restTotal = pooled.total - counts.total;
    for (const [stem, count] of counts.byStem) {
      if (count < minCount) continue;
      const pooledCount = pooled.byStem.get(stem) ?? 0;
      const alpha = (alpha0 * pooledCount) / pooled.total;
      const { delta, z } = logOddsZ(
        count,
        counts.total,
        pooledCount - count,
        restTotal,
        alpha,
        alpha0,
      );
      if (z <= 0) continue;
      terms.push({ stem, count, otherCount: pooledCount - count, delta, z });
    }
    terms.sort((a, b) => b.z - a.z || b.count - a.count || a.stem.localeCompare(b.stem));
    // The shown spelling only of the terms listed, not of every stem counted.
    result.push({
      outlet,
      tokens: counts.total,
      terms: terms.slice(0, top).map(({ stem, count, otherCount, delta, z }) => ({
        stem,
        word: tally.surfaceOf(stem),
        count,
        otherCount,
        delta,
        z,
      })),
    });
  }
  return result;
}

/**
 * δ̂ = log[(y_i + α_w) / (n_i + α0 − y_i − α_w)] − log[(y_j + α_w) / (n_j + α0 − y_j − α_w)],
 * Var(δ̂) ≈ 1/(y_i + α_w) + 1/(y_j + α_w), z = δ̂ / √Var  (Monroe et al. 2008, eq. 16–22).
 */
export function logOddsZ(
  yi: number,
  ni: number,
  yj: number,
  nj: number,
  alphaW: number,
  alpha0: number,
): { delta: number; z: number } {
  const delta =
    Math.log((yi + alphaW) / (ni + alpha0 - yi - alphaW)) -
    Math.log((yj + alphaW) / (nj + alpha0 - yj - alphaW));
  const variance = 1 / (yi + alphaW) + 1 / (yj + alphaW);
  return { delta, z: delta / Math.sqrt(variance) };
}

// The hedging cells of the story dashboard: hedges and boosters per 1,000 words per outlet,
// each linked to the sentences with such a cue. Vocabulary: analysis/vocabulary/cues.ts.

import type { OutletComparison } from '../../analysis/comparison/compare.js';
import { rateLink, type Linked, type PanelContext } from './context.js';

export function hedgeCells(
  context: PanelContext,
  f: OutletComparison,
): { hedges: Linked; boosters: Linked } {
  return {
    hedges: rateLink(context, f.outlet, f.hedges, { cue: 'hedge' }),
    boosters: rateLink(context, f.outlet, f.boosters, { cue: 'booster' }),
  };
}

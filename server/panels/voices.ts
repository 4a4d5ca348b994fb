// The voices panel of the story dashboard: per outlet, the share of quoted and of
// anonymously sourced sentences and the most quoted speakers with their sides; and the
// chart of whose voice each outlet's sentences carry. Vocabulary: analysis/vocabulary/sides.ts.

import type { OutletComparison } from '../../analysis/comparison/compare.js';
import { sideInfo, VOICE_BUCKETS } from '../../analysis/vocabulary/sides.js';
import type { Chart } from '../charts.js';
import { renderChart, voicesChartSpec } from '../charts.js';
import type { Linked, PanelContext } from './context.js';

export interface SpeakerCell {
  name: string;
  sideLabel: string;
  side: string;
  sentences: number;
  href: string;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function voiceCells(
  context: PanelContext,
  f: OutletComparison,
): { quotedShare: Linked; anonymousShare: Linked; speakers: SpeakerCell[] } {
  const quoted = f.sentences > 0 ? 1 - f.voices.narrator.share : null;
  return {
    quotedShare: {
      text: quoted === null ? '–' : percent(quoted),
      href: context.link(f.outlet, { voice: 'quoted' }),
      n: `${f.sentences - f.voices.narrator.count} of ${f.sentences}`,
    },
    anonymousShare: {
      text: f.sentences > 0 ? percent(f.anonymous.share) : '–',
      href: context.link(f.outlet, { anonymous: true }),
      n: `${f.anonymous.count} of ${f.sentences}`,
    },
    speakers: f.topSpeakers.map((s) => ({
      name: s.name,
      side: s.side,
      sideLabel: sideInfo(s.side).name,
      sentences: s.sentences,
      href: context.link(f.outlet, { speaker: s.name }),
    })),
  };
}

export function voicesPanel(context: PanelContext): Promise<Chart> {
  return renderChart(
    voicesChartSpec(
      context.figures.flatMap((f) =>
        VOICE_BUCKETS.map((bucket) => ({
          outlet: context.nameOf(f.outlet),
          bucket,
          label: sideInfo(bucket).name,
          share: f.voices[bucket].share,
          count: f.voices[bucket].count,
          href: context.link(f.outlet, { side: bucket }),
        })),
      ),
      context.outletNames,
    ),
  );
}

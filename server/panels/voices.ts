// The voices panel of the story dashboard: per outlet, the share of quoted and of
// anonymously sourced sentences and the most quoted speakers with their sides; and the
// chart of whose voice each outlet's sentences carry. Vocabulary: analysis/vocabulary/sides.ts.

import type { OutletComparison } from '../../analysis/comparison/compare.js';
import { voiceShare } from '../../analysis/comparison/compare.js';
import { sideHue, sideInfo } from '../../analysis/vocabulary/sides.js';
import type { Chart } from '../charts.js';
import { renderChart, voicesChartSpec } from '../charts.js';
import type { Linked, PanelContext } from './context.js';

export interface SpeakerCell {
  name: string;
  sideLabel: string;
  side: string;
  /** The side's colour name, for its class. */
  hue: string;
  sentences: number;
  href: string;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function voiceCells(
  context: PanelContext,
  f: OutletComparison,
): { quotedShare: Linked; anonymousShare: Linked; speakers: SpeakerCell[] } {
  const narrator = voiceShare(f, 'narrator');
  const quoted = f.sentences > 0 ? 1 - narrator.share : null;
  return {
    quotedShare: {
      text: quoted === null ? '–' : percent(quoted),
      href: context.link(f.outlet, { voice: 'quoted' }),
      n: `${f.sentences - narrator.count} of ${f.sentences}`,
    },
    anonymousShare: {
      text: f.sentences > 0 ? percent(f.anonymous.share) : '–',
      href: context.link(f.outlet, { anonymous: true }),
      n: `${f.anonymous.count} of ${f.sentences}`,
    },
    speakers: f.topSpeakers.map((s) => ({
      name: s.name,
      side: s.side,
      sideLabel: sideInfo(context.sides, s.side).name,
      hue: sideHue(context.sides, s.side),
      sentences: s.sentences,
      href: context.link(f.outlet, { speaker: s.name }),
    })),
  };
}

export function voicesPanel(context: PanelContext): Promise<Chart> {
  return renderChart(
    voicesChartSpec(
      context.figures.flatMap((f) =>
        context.sides.buckets.map((bucket) => ({
          outlet: context.nameOf(f.outlet),
          bucket,
          label: sideInfo(context.sides, bucket).name,
          share: voiceShare(f, bucket).share,
          count: voiceShare(f, bucket).count,
          href: context.link(f.outlet, { side: bucket }),
        })),
      ),
      context.outletNames,
      context.sides,
    ),
  );
}

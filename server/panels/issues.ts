// The issues panel of the story dashboard: a heatmap of sentences naming each issue per
// 1,000 words, outlets × issues, for the issues at least one outlet names. The issues and
// their names come from the issue lexicon (analysis/lexicons/issues-*.json).

import type { Chart } from '../charts.js';
import { issuesHeatmapSpec, renderChart } from '../charts.js';
import type { PanelContext } from './context.js';

/** Null when no outlet names any issue. */
export async function issuesPanel(
  context: PanelContext,
  issueLabels: Readonly<Record<string, string>>,
): Promise<Chart | null> {
  const { figures } = context;
  const issueIds = Object.keys(issueLabels).filter((id) =>
    figures.some((f) => (f.issues[id]?.count ?? 0) > 0),
  );
  if (issueIds.length === 0) return null;
  return renderChart(
    issuesHeatmapSpec(
      figures.flatMap((f) =>
        issueIds.map((id) => ({
          outlet: context.nameOf(f.outlet),
          issue: issueLabels[id] ?? id,
          per1000: f.issues[id]?.per1000 ?? 0,
          count: f.issues[id]?.count ?? 0,
          href: context.link(f.outlet, { issue: id }),
        })),
      ),
      context.outletNames,
      issueIds.map((id) => issueLabels[id] ?? id),
    ),
    { hoverTitles: true },
  );
}

// The batch report of one story (`npm run report`): the dashboard's tables and charts (SVG
// built on the server) in one self-contained HTML file with its stylesheet inline, method
// notes and the data stamp, meant to be read on screen or printed to PDF. Links to sentences
// and articles point at a running Parallax server (`base`). It reuses the dashboard's view
// model; it does not write files (cli/report.ts does).

import type { DataStamp } from '../../db/export-rows.js';
import type { Store } from '../../db/store.js';
import type { LayoutModel, Renderer } from '../render.js';
import { storyDashboard, storyPage } from './story.js';
import type { StoryPage } from './story.js';

export interface ReportModel extends LayoutModel {
  page: StoryPage;
  stamp: DataStamp;
  /** The CSV files written beside the report. */
  files: string[];
  base: string;
}

export async function storyReportHtml(
  store: Store,
  slug: string,
  options: {
    render: Renderer;
    /** In place of the story's codebook's issue labels. */
    issueLabels?: Readonly<Record<string, string>>;
    files: string[];
    base: string;
  },
): Promise<string> {
  const story = await store.getStory(slug);
  if (!story) throw new Error(`no story “${slug}”`);
  const sentences = await store.storySentences(slug);
  const framing = await store.storyFraming(slug);
  // A report is a file for the record, not a page to read on screen: every outlet its row.
  const dashboard = await storyDashboard(
    story,
    sentences,
    'all',
    framing,
    options.issueLabels,
    true,
  );
  const stamp = await store.dataStamp({ story: slug });
  const page = storyPage(story, await store.listArticles(slug), sentences.length, dashboard, stamp);
  const model: ReportModel = {
    title: story.title,
    crumbs: [],
    page,
    stamp,
    files: options.files,
    base: options.base,
  };
  // Every link the view model and the charts make is a server path ("/articles/3#s5");
  // in a file they need the server's address in front.
  return options.render('report', model).replace(/(href=")\//g, `$1${options.base}/`);
}

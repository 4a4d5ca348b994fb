// View model of the re-analysis page (/stories/<slug>/reanalyze): what produced the story
// now (runs and data hash), the shipped issue lexicons to choose from, and the lexicon
// files a researcher may replace with their own.

import { LEXICON_FILES } from '../../analysis/scoring/lexicon.js';
import type { DataStamp } from '../../db/export-rows.js';
import type { StorySummary } from '../../db/store.js';
import type { ShippedIssueLexicon } from '../../ingest/lexicon-choice.js';
import type { WriteFields } from '../access.js';
import type { LayoutModel } from '../render.js';
import { stampView } from './stamp.js';
import type { StampView } from './stamp.js';

export interface ReanalyzePage extends LayoutModel {
  write: WriteFields;
  action: string;
  cancel: string;
  story: { title: string; articles: number };
  stamp: StampView;
  issueLexicons: { value: string; label: string; description: string | null; selected: boolean }[];
  replaceable: string[];
}

export function reanalyzePage(
  story: StorySummary,
  stamp: DataStamp,
  issueLexicons: ShippedIssueLexicon[],
  write: WriteFields,
): ReanalyzePage {
  const href = `/stories/${encodeURIComponent(story.slug)}`;
  return {
    title: `Re-analyse: ${story.title}`,
    crumbs: [
      { label: 'Stories', href: '/' },
      { label: story.title, href },
    ],
    write,
    action: `${href}/reanalyze`,
    cancel: href,
    story: { title: story.title, articles: story.articleCount },
    stamp: stampView(stamp),
    issueLexicons: [
      {
        value: '',
        label: `the one of its codebook (${story.codebook})`,
        description: null,
        selected: true,
      },
      ...issueLexicons.map((l) => ({
        value: l.file,
        label: `${l.name} ${l.version} (${l.file})`,
        description: l.description,
        selected: false,
      })),
    ],
    replaceable: [...LEXICON_FILES, 'loaded-language', 'an issue lexicon'],
  };
}

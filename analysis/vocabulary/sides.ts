// The sides vocabulary: which side a quoted speaker speaks for, and the voice buckets the
// dashboard splits sentences into (the narrator plus each side). The parties come from a
// story's codebook (analysis/codebooks/); this module holds what every codebook shares:
// the narrator, analyst and other buckets, the palette parties are drawn from, and the
// SideVocabulary a codebook's parties make. It does not decide a speaker's side
// (voices/sides.ts does) nor read a codebook file (codebooks/codebook.ts does).

import type { LabelInfo, LabelList } from './label.js';

/**
 * The sides of the default US–China codebook. The gold sets (../shared/eval) are labelled
 * with them, so the evaluation keeps this list; everything else takes a story's sides from
 * its SideVocabulary.
 */
export const SPEAKER_SIDES = [
  'us_gov',
  'china_gov',
  'analyst',
  'other',
] as const satisfies LabelList<string>;

/** The codebook a story has unless one is assigned: the bundled US–China one. */
export const DEFAULT_CODEBOOK = 'us-china';

/** A party id from a codebook ("us_gov", "nk_gov"), or "analyst" or "other". */
export type SpeakerSide = string;
/** "narrator" or a SpeakerSide. */
export type VoiceBucket = string;

/** The sides every codebook has besides its parties, in the order they follow them. */
export const SHARED_SIDES = ['analyst', 'other'] as const;
/** Ids a codebook cannot give a party. */
export const RESERVED_SIDES: readonly string[] = ['narrator', ...SHARED_SIDES];

/** A side's display name, and how a summary line names its speakers ("quotes no …"). */
export interface SideInfo extends LabelInfo {
  speakers: string;
  colour: string;
}

/**
 * The Okabe–Ito palette (safe for the common colour-vision deficiencies), by hex: a party's
 * colour must be one of these, so that a page can style it with a class (`side-<name>`).
 */
export const PALETTE: Readonly<Record<string, string>> = {
  '#0072b2': 'blue',
  '#d55e00': 'vermillion',
  '#009e73': 'green',
  '#cc79a7': 'purple',
  '#e69f00': 'orange',
  '#56b4e9': 'sky',
  '#f0e442': 'yellow',
  '#999999': 'grey',
};

const FIXED: Readonly<Record<'narrator' | (typeof SHARED_SIDES)[number], SideInfo>> = {
  narrator: {
    name: 'Narrator',
    speakers: 'the outlet itself',
    description: 'the outlet’s own voice: no speaker is credited',
    colour: '#999999',
  },
  analyst: {
    name: 'Analyst',
    speakers: 'analysts',
    description: 'independent experts, academics and former officials speaking as commentators',
    colour: '#009e73',
  },
  other: {
    name: 'Other',
    speakers: 'other voices',
    description: 'anyone else credited with words',
    colour: '#cc79a7',
  },
};

/** The sides of one codebook, in display order, with their labels. */
export interface SideVocabulary {
  /** The codebook's name ("us-china"). */
  codebook: string;
  /** Its parties' ids, in codebook order. */
  parties: readonly string[];
  /** The parties, then analyst and other: what a speaker's side can be. */
  speakerSides: readonly SpeakerSide[];
  /** The narrator, then speakerSides: the voices chart's buckets. */
  buckets: readonly VoiceBucket[];
  info: Readonly<Record<VoiceBucket, SideInfo>>;
}

/** The vocabulary a codebook's parties make (the shared sides added). */
export function sideVocabulary(
  codebook: string,
  parties: readonly (SideInfo & { id: string })[],
): SideVocabulary {
  const info: Record<string, SideInfo> = { narrator: FIXED.narrator };
  for (const p of parties)
    info[p.id] = {
      name: p.name,
      speakers: p.speakers,
      description: p.description,
      colour: p.colour,
    };
  info.analyst = FIXED.analyst;
  info.other = FIXED.other;
  const ids = parties.map((p) => p.id);
  return {
    codebook,
    parties: ids,
    speakerSides: [...ids, ...SHARED_SIDES],
    buckets: ['narrator', ...ids, ...SHARED_SIDES],
    info,
  };
}

/** A bucket's label, or a plain one for a value this vocabulary does not know. */
export function sideInfo(vocabulary: SideVocabulary, bucket: string): SideInfo {
  return (
    vocabulary.info[bucket] ?? {
      name: bucket,
      speakers: bucket,
      description: bucket,
      colour: '#999999',
    }
  );
}

/** The name of a side's colour ("blue"), which pages style by class: never inline colours. */
export function sideHue(vocabulary: SideVocabulary, bucket: string): string {
  return PALETTE[sideInfo(vocabulary, bucket).colour] ?? 'grey';
}

// The sides vocabulary: which side a quoted speaker speaks for, and the voice buckets the
// dashboard splits sentences into (the narrator plus each side). For now the sides of the
// bundled US–China story are fixed here; every other module reads sides only through this
// one (the lists, the types, sideInfo()), so that they can later come from a per-story
// codebook in one place. It does not decide a speaker's side (voices/sides.ts does).

import type { LabelInfo, LabelList } from './label.js';

export const SPEAKER_SIDES = [
  'us_gov',
  'china_gov',
  'analyst',
  'other',
] as const satisfies LabelList<string>;
export type SpeakerSide = (typeof SPEAKER_SIDES)[number];

/** Whose voice a sentence carries: the outlet's own (narrator) or a quoted side. */
export const VOICE_BUCKETS = ['narrator', ...SPEAKER_SIDES] as const satisfies LabelList<string>;
export type VoiceBucket = (typeof VOICE_BUCKETS)[number];

/** A side's display name, and how a summary line names its speakers ("quotes no …"). */
export interface SideInfo extends LabelInfo {
  speakers: string;
}

export const SIDES: Readonly<Record<VoiceBucket, SideInfo>> = {
  narrator: {
    name: 'Narrator',
    speakers: 'the outlet itself',
    description: 'the outlet’s own voice: no speaker is credited',
    colour: '#999999',
  },
  us_gov: {
    name: 'US government',
    speakers: 'US officials',
    description: 'officials of the US administration, speaking for it',
    colour: '#0072b2',
  },
  china_gov: {
    name: 'Chinese government',
    speakers: 'Chinese officials',
    description: 'officials of the Chinese government, speaking for it',
    colour: '#d55e00',
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

/** A bucket's label, or a plain one for a value this vocabulary does not know. */
export function sideInfo(bucket: string): SideInfo {
  return (
    (SIDES as Readonly<Record<string, SideInfo>>)[bucket] ?? {
      name: bucket,
      speakers: bucket,
      description: bucket,
    }
  );
}

// The target vocabulary: how a sentence concerns a person it is about (README "Framing"):
// as the subject of a clause, as an object or other mention, through a pronoun, or as the
// quoted speaker. Imported by the target stage, the store and the pages.

import type { LabelInfo, LabelList } from './label.js';

export const MENTION_ROLES = [
  'subject',
  'object',
  'pronoun',
  'speaker',
] as const satisfies LabelList<string>;
export type MentionRole = (typeof MENTION_ROLES)[number];

export const MENTION_ROLE: Readonly<Record<MentionRole, LabelInfo>> = {
  subject: { name: 'Subject', description: 'the person is the subject of a clause' },
  object: { name: 'Mentioned', description: 'the person is an object or another mention' },
  pronoun: { name: 'Pronoun', description: 'the person is referred to by he, she, his or her' },
  speaker: { name: 'Speaker', description: 'the sentence quotes the person’s own words' },
};

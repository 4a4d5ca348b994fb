// Test fixture for the voices stage: short paragraphs written for a test, laid out as one
// article text with body segments, and each segment's quote kind, speaker name and side.

import type { Segment } from '../../../analysis/types.js';
import { NO_ACTORS } from '../../../analysis/codebooks/codebook.js';
import type { Actors } from '../../../analysis/voices/actors.js';
import { attributeVoices } from '../../../analysis/voices/voices.js';

/**
 * Each inner array is one paragraph of sentences. With `headline`, the first paragraph's
 * first sentence is the article's headline.
 */
export function voicesOf(paragraphs: string[][], actors: Actors = NO_ACTORS, headline = false) {
  const segments: Segment[] = [];
  let text = '';
  paragraphs.forEach((sentences, paragraph) => {
    if (paragraph > 0) text += '\n';
    sentences.forEach((sentence, n) => {
      if (n > 0) text += ' ';
      const start = text.length;
      text += sentence;
      segments.push({
        paragraph,
        sentence: n,
        kind: headline && paragraph === 0 && n === 0 ? 'headline' : 'body',
        text: sentence,
        start,
        end: text.length,
      });
    });
  });
  const v = attributeVoices(text, segments, actors);
  return v.perSegment.map((p) => ({
    quote: p.quote,
    name: p.speaker === null ? null : v.speakers[p.speaker]!.name,
    side: p.speaker === null ? null : v.speakers[p.speaker]!.side,
  }));
}

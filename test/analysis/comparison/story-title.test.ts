// Titles for stories known only by a slug, from the words their headlines share.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { titleFromHeadlines } from '../../../analysis/comparison/story-title.js';

// The bundled corpus's three headlines.
const BUNDLED = [
  'The Stakes of Antony Blinken’s Visit to Beijing',
  'US-China tensions: Blinken launches high-stakes talks',
  'In China, Blinken Faces Clashing Agendas and a Question: Will Xi Show Up?',
];

test('only words two headlines share, worded and ordered as in the headline holding most', () => {
  // "Blinken", "China" and "stakes" are shared; "tensions", "Clashing", "Visit" are not.
  assert.equal(titleFromHeadlines(BUNDLED), 'US-China, Blinken, high-stakes');
});

test('small words between two shared words stay, so the title reads as a phrase', () => {
  const title = titleFromHeadlines([
    'Blinken in Beijing for talks with Xi',
    'Blinken in Beijing amid tensions',
    'Chinese officials greet Blinken',
  ]);
  assert.equal(title, 'Blinken in Beijing');
});

test('a possessive at the end of a run loses its ’s; a repeated word is written once', () => {
  assert.equal(
    titleFromHeadlines(['Beijing’s verdict on Blinken', 'Blinken leaves Beijing after talks']),
    'Beijing, Blinken',
  );
  assert.equal(
    titleFromHeadlines([
      'Defense budget, defense jobs',
      'Senate passes defense budget after debate',
    ]),
    'Defense budget',
  );
});

test('one headline, or none sharing a word, gives the shortest headline, cut when long', () => {
  assert.equal(titleFromHeadlines(['Blinken meets Xi']), 'Blinken meets Xi');
  assert.equal(
    titleFromHeadlines(['Markets rally on trade hopes', 'Xi receives the secretary of state']),
    'Markets rally on trade hopes',
  );
  const long =
    'In China, Blinken faces clashing agendas, a long list of grievances and a question about whether Xi will show up';
  assert.equal(
    titleFromHeadlines([long]),
    'In China, Blinken faces clashing agendas, a long list of grievances and …',
  );
  assert.equal(titleFromHeadlines(['', '  ', '—']), null);
});

test('a single shared word names no story: the shortest headline does', () => {
  // Only "Bergdahl" is shared: three such stories would all be "Bergdahl".
  assert.equal(
    titleFromHeadlines([
      'Bergdahl swap draws fire from Congress',
      'Hagel defends the Bergdahl exchange',
    ]),
    'Hagel defends the Bergdahl exchange',
  );
  // Two shared words still make the title.
  assert.equal(
    titleFromHeadlines(['Bergdahl swap draws fire', 'Hagel defends Bergdahl swap']),
    'Bergdahl swap',
  );
});

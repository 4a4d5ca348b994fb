import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentArticle } from '../../../analysis/segmentation/segment.js';
import type { Segment } from '../../../analysis/types.js';

// Excerpts are short sentences from the sample corpus (../shared/seeds).

const texts = (text: string, hints?: { title?: string }): string[] =>
  segmentArticle(text, hints).map((s) => s.text);
const kinds = (text: string): string[] => segmentArticle(text).map((s) => `${s.kind}: ${s.text}`);

test('a time zone after "p.m." belongs to the time: "Update at 1:50 p.m. ET."', () => {
  assert.deepEqual(
    texts('Update at 1:50 p.m. ET. New talks are set. It began at 3 p.m. ET and ran late.'),
    ['Update at 1:50 p.m. ET.', 'New talks are set.', 'It began at 3 p.m. ET and ran late.'],
  );
  // Without a zone, "p.m." before a capital still ends the sentence.
  assert.deepEqual(texts('The vote was at 5 p.m. Then they left.'), [
    'The vote was at 5 p.m.',
    'Then they left.',
  ]);
});

test('abbreviations and initials do not end a sentence', () => {
  assert.deepEqual(
    texts(
      'Mr. Blinken plans to talk with Chinese officials, said Daniel J. Kritenbrink, the top East Asia official. Dr. Florence Akano wrote about the U.S.-China talks at 5 p.m. on Sunday.',
    ),
    [
      'Mr. Blinken plans to talk with Chinese officials, said Daniel J. Kritenbrink, the top East Asia official.',
      'Dr. Florence Akano wrote about the U.S.-China talks at 5 p.m. on Sunday.',
    ],
  );
});

test('"U.S." ends a sentence only before a typical sentence opener', () => {
  assert.deepEqual(texts('A Chinese warship recently cut off a U.S. Navy ship in the strait.'), [
    'A Chinese warship recently cut off a U.S. Navy ship in the strait.',
  ]);
  assert.deepEqual(
    texts(
      'The taiwan issue was the greatest risk to relations between China and the U.S. The two men have talked before, though.',
    ),
    [
      'The taiwan issue was the greatest risk to relations between China and the U.S.',
      'The two men have talked before, though.',
    ],
  );
});

test('an attribution after the closing quote stays in the sentence', () => {
  assert.deepEqual(
    texts(
      '“We expect a series of visits in both directions in the period ahead,” Campbell said. “They’ve been burned before.”',
    ),
    [
      '“We expect a series of visits in both directions in the period ahead,” Campbell said.',
      '“They’ve been burned before.”',
    ],
  );
});

test('a multi-sentence quote splits inside the quotation marks', () => {
  assert.deepEqual(
    texts(
      '“The hope is that Blinken’s visit can improve relations both in form and in substance. But hope might not turn into reality, and relations might become worse after the visit,” he added. “We prepare for the worst and hope for the best.”',
    ),
    [
      '“The hope is that Blinken’s visit can improve relations both in form and in substance.',
      'But hope might not turn into reality, and relations might become worse after the visit,” he added.',
      '“We prepare for the worst and hope for the best.”',
    ],
  );
});

test('a question mark inside a quote ends a sentence, unless a speech verb follows', () => {
  assert.deepEqual(
    texts(
      '“China’s not really in the mood,” Grossman told The Daily Beast. “What to do about the status of Taiwan? There’s no real kind of negotiating out of those things.”',
    ),
    [
      '“China’s not really in the mood,” Grossman told The Daily Beast.',
      '“What to do about the status of Taiwan?',
      'There’s no real kind of negotiating out of those things.”',
    ],
  );
  assert.deepEqual(texts('“Will Xi show up?” Mr. Blinken asked reporters.'), [
    '“Will Xi show up?” Mr. Blinken asked reporters.',
  ]);
});

test('em dashes and ellipses do not end a sentence', () => {
  assert.deepEqual(
    texts(
      '“People like Kurt Campbell and Dan Kritenbrink… have been there in earlier instances where one of a few things happened—either China withdrew its participation… or no one would answer,” Stokes told The Daily Beast. “They’ve been burned before.”',
    ),
    [
      '“People like Kurt Campbell and Dan Kritenbrink… have been there in earlier instances where one of a few things happened—either China withdrew its participation… or no one would answer,” Stokes told The Daily Beast.',
      '“They’ve been burned before.”',
    ],
  );
});

test('a heading without final punctuation between body paragraphs is a section', () => {
  const text =
    'Blinken is expected to meet with senior Chinese officials to secure this goal.\nTouch and Go\nThe White House is not confident it will be able to pull it off.';
  assert.deepEqual(kinds(text), [
    'body: Blinken is expected to meet with senior Chinese officials to secure this goal.',
    'section: Touch and Go',
    'body: The White House is not confident it will be able to pull it off.',
  ]);
});

test('question-style and title-case headings are sections', () => {
  const text =
    'Mr. Blinken prepared to return to the state guesthouse.\nWhat is China likely to say?\nChina is expected to raise a litany of grievances.\nBlinken Vows to Address Concerns in Talks with Chinese Officials.\nThese concerns encompass the fentanyl crisis.';
  assert.deepEqual(
    segmentArticle(text).map((s) => s.kind),
    ['body', 'section', 'body', 'section', 'body'],
  );
});

test('the first line is the headline when it looks like a title, then an optional dek', () => {
  const text =
    'The Stakes of Antony Blinken’s Visit to Beijing\n\nA ChinaFile Conversation\n\nUnited States Secretary of State Antony Blinken will travel to China on June 18. In November, U.S. President Joe Biden and Chinese leader Xi Jinping met in Bali.\n\nThe stakes could not be higher.';
  assert.deepEqual(
    segmentArticle(text).map((s) => s.kind),
    ['headline', 'dek', 'body', 'body', 'body'],
  );
  // A first line that is a plain sentence is body.
  assert.equal(
    segmentArticle(
      'Blinken’s original trip was called off in February.\nThe close calls are not an isolated incident.',
    )[0]?.kind,
    'body',
  );
  // The title hint names the headline even when it ends with a period.
  assert.equal(
    segmentArticle('Blinken lands in Beijing.\nHe met Qin Gang on Sunday.', {
      title: 'Blinken lands in Beijing',
    })[0]?.kind,
    'headline',
  );
});

// Under a headline put first by ingest (AllSides, BASIL), a one-sentence lede is common:
// it is body, scored, unless it has no full stop, asks, or is in title case (a second headline).
test('a short lede under the headline is body; a dek has no full stop or is in title case', () => {
  const under = (line: string) =>
    segmentArticle(
      `Trump to meet Kim in Singapore\n${line}\nThe two leaders will meet on June 12.`,
      {
        title: 'Trump to meet Kim in Singapore',
      },
    ).map((s) => s.kind);
  assert.deepEqual(under('The summit is set.'), ['headline', 'body', 'body']);
  assert.deepEqual(under('President Obama negotiated with terrorists.'), [
    'headline',
    'body',
    'body',
  ]);
  assert.deepEqual(
    under('Putin, Tillerson Meet At Kremlin, Discuss Tensions Between Russia And U.S.'),
    ['headline', 'dek', 'body'],
  );
  assert.deepEqual(under('A summit nobody expected'), ['headline', 'dek', 'body']);
  assert.deepEqual(under('Will the summit happen?'), ['headline', 'dek', 'body']);
});

// Headlines quote: "… a 'mission of peace'", "'Historic' climate deal …" (AllSides headlines,
// issue 12's ninth session). A lede that opens with a quotation ends with a period.
test('a headline may end in a closing quotation mark or open with a quoted word', () => {
  const body = '\nBlinken met Qin Gang on Sunday. They spoke for seven hours.\nThe talks went on.';
  const first = (line: string) => segmentArticle(line + body)[0]?.kind;
  assert.equal(first("Blinken: Beijing visit a 'mission of peace'"), 'headline');
  assert.equal(first('Blinken says talks are “back on track”'), 'headline');
  assert.equal(first("'Candid' talks in Beijing as Blinken meets Qin"), 'headline');
  assert.equal(first('“We are back on track,” Blinken said on Sunday.'), 'body');
  assert.equal(first('“We are back on track”'), 'body');
  // An open quotation that never closes is a lede cut short, not a headline.
  assert.equal(first('“We will fight this all the way to the top court'), 'body');
});

// USA TODAY's layout in the AllSides corpus: the authors' names over the outlet's credit.
test('a line of names over an outlet credit in capitals is a byline, with or without a headline', () => {
  const body = 'Blinken met Qin Gang on Sunday. They spoke for seven hours.\nThe talks went on.';
  assert.deepEqual(
    segmentArticle(`Blinken lands in Beijing\nDavid Jackson and Ann Lee\nUSA TODAY\n${body}`).map(
      (s) => s.kind,
    ),
    ['headline', 'byline', 'byline', 'body', 'body', 'body'],
  );
  assert.deepEqual(
    segmentArticle(`Ann Lee\nUSA TODAY\n${body}`, { title: 'Blinken lands in Beijing' }).map(
      (s) => s.kind,
    ),
    ['byline', 'byline', 'body', 'body', 'body'],
  );
  // A short title-case headline over a capitals line is no byline (review14).
  assert.equal(segmentArticle(`Trump Fires Comey\nANALYSIS\n${body}`)[0]?.kind, 'headline');
  assert.equal(segmentArticle(`Biden Meets Xi Jinping\nWASHINGTON\n${body}`)[0]?.kind, 'headline');
  // A headline that names people is still a headline when no credit line follows.
  assert.equal(segmentArticle(`Blinken and Qin Gang\n${body}`)[0]?.kind, 'headline');
});

test('a blank title is no title', () => {
  const text =
    'Talks resume in Geneva\nThe talks went on for seven hours on Sunday.\nThey ended late.';
  for (const title of ['', '  ', '.'])
    assert.equal(segmentArticle(text, { title })[0]?.kind, 'headline', JSON.stringify(title));
});

test('a headline the metadata names stays a headline over a line in capitals', () => {
  const body = 'Blinken met Qin Gang on Sunday. They spoke for seven hours.\nThe talks went on.';
  const kinds = segmentArticle(`Blinken Meets Qin\nANALYSIS\n${body}`, {
    title: 'Blinken Meets Qin',
  }).map((s) => s.kind);
  assert.equal(kinds[0], 'headline');
  assert.notEqual(kinds[1], 'byline');
});

// CNN's summary box, as the AllSides corpus carries it: first when the headline is kept apart.
test('a summary box at the top is deks, with or without a headline over it', () => {
  const box =
    'Story highlights Western diplomat says new deadlines were set for March 1\nNegotiators had been scrambling to reach a deal\nHardliners want sanctions lifted right away\n';
  const body =
    'A new deadline has been set for March 1, a Western diplomat says.\nThe talks went on.';
  assert.deepEqual(
    segmentArticle(`Iran talks deadlines: March 1, July 1\n${box}${body}`).map((s) => s.kind),
    ['headline', 'dek', 'dek', 'dek', 'body', 'body'],
  );
  assert.deepEqual(
    segmentArticle(box + body, { title: 'Iran talks deadlines' }).map((s) => s.kind),
    ['dek', 'dek', 'dek', 'body', 'body'],
  );
});

// AllSides rows carry the headline as metadata; their texts often start with a caption.
test('with a title that no first line is, only a title-case first line is a headline', () => {
  const body = '\nBlinken met Qin Gang on Sunday. They spoke for seven hours.\nThe talks went on.';
  const first = (line: string) =>
    segmentArticle(line + body, { title: 'Blinken lands in Beijing for talks' })[0]?.kind;
  assert.notEqual(first('Image copyright Getty Images'), 'headline');
  assert.notEqual(first('6 years ago'), 'headline');
  assert.equal(first('Blinken Arrives In Beijing For Rare Talks'), 'headline');
  // A sentence-like unpunctuated first line under a title the text lacks is its standfirst.
  assert.equal(
    first('President offers no new solutions to the standoff in his first address from Beijing'),
    'dek',
  );
  // Without a title, an unpunctuated first line is still read as one.
  assert.equal(segmentArticle('Blinken lands in Beijing for talks' + body)[0]?.kind, 'headline');
});

test('bylines and page furniture are recognised', () => {
  const text = [
    'US-China tensions: Blinken launches high-stakes talks',
    'Written by Dr. Florence Akano',
    'Blinken’s journey to China holds significant weight.',
    'ADVERTISEMENT',
    'What are the stakes of Blinken’s trip? —The Editors',
    'Comments',
    'Neither Blinken nor Qin engaged with reporters as they entered the talks.',
    'Vivian Wang contributed reporting.',
    'About the author',
    'Dr. Florence Akano',
    'Leave a Comment',
  ].join('\n');
  assert.deepEqual(kinds(text), [
    'headline: US-China tensions: Blinken launches high-stakes talks',
    'byline: Written by Dr. Florence Akano',
    'body: Blinken’s journey to China holds significant weight.',
    'boilerplate: ADVERTISEMENT',
    'body: What are the stakes of Blinken’s trip?',
    'boilerplate: —The Editors',
    'section: Comments',
    'body: Neither Blinken nor Qin engaged with reporters as they entered the talks.',
    'boilerplate: Vivian Wang contributed reporting.',
    'byline: About the author',
    'byline: Dr. Florence Akano',
    'boilerplate: Leave a Comment',
  ]);
  assert.deepEqual(
    kinds('By Vivian Wang\nMr. Xi will likely meet with Mr. Blinken.\nShare this article'),
    [
      'byline: By Vivian Wang',
      'body: Mr. Xi will likely meet with Mr. Blinken.',
      'boilerplate: Share this article',
    ],
  );
});

function assertExact(text: string, segments: Segment[]): void {
  for (const s of segments) {
    assert.equal(text.slice(s.start, s.end), s.text);
    assert.equal(s.text, s.text.trim());
  }
}

test('offsets point into the original text and paragraphs count non-empty lines', () => {
  const text =
    '  Touch and Go  \n\n\nThey say time heals all wounds.   But for the U.S.-China relationship, time only seems to expand lists of grievances.\n';
  const segments = segmentArticle(text);
  assertExact(text, segments);
  assert.deepEqual(
    segments.map((s) => [s.paragraph, s.sentence]),
    [
      [0, 0],
      [1, 0],
      [1, 1],
    ],
  );
});

test('CRLF and lone CR line endings', () => {
  const text =
    'China summarily rejects this.\r\nCongress is critiquing Blinken’s every move.\r\rThe stakes are high.';
  const segments = segmentArticle(text);
  assertExact(text, segments);
  assert.deepEqual(
    segments.map((s) => s.text),
    [
      'China summarily rejects this.',
      'Congress is critiquing Blinken’s every move.',
      'The stakes are high.',
    ],
  );
  assert.deepEqual(
    segments.map((s) => s.paragraph),
    [0, 1, 2],
  );
});

test('empty and blank input give no segments', () => {
  assert.deepEqual(segmentArticle(''), []);
  assert.deepEqual(segmentArticle(' \n\t\r\n '), []);
});

// Linear time is guarded by the test's timeout (a quadratic scanner takes minutes on these
// inputs), never by a measured duration: tests do not assert timings.
test(
  'a one-megabyte line and pathological shapes segment without stalling',
  { timeout: 60_000 },
  () => {
    const sentence =
      'Mr. Blinken met Qin Gang at 5 p.m. on Sunday, U.S. officials said. “Will Xi show up?” ';
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const segments = segmentArticle(text);
    assert.equal(segments.length, 2 * Math.ceil(1_000_000 / sentence.length));
    for (const shape of [
      'a.'.repeat(500_000),
      'x'.repeat(1_000_000) + '.',
      '• item '.repeat(140_000),
      'word . . . '.repeat(90_000),
    ]) {
      assert.ok(segmentArticle(shape).length > 0);
    }
  },
);

test('golden-rule style cases: lists, spaced ellipses, initials after a pronoun', () => {
  assert.deepEqual(texts('1. The first item 2. The second item'), [
    '1. The first item',
    '2. The second item',
  ]);
  assert.deepEqual(
    texts('We make a good team, you and I. Did you see Albert I. Jones yesterday?'),
    ['We make a good team, you and I.', 'Did you see Albert I. Jones yesterday?'],
  );
  assert.deepEqual(texts('I never meant that.... She left the store.'), [
    'I never meant that....',
    'She left the store.',
  ]);
  assert.deepEqual(texts('Were Jane and co. at the party?'), ['Were Jane and co. at the party?']);
});

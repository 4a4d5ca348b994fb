import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCodebook, NO_ACTORS } from '../../../analysis/codebooks/codebook.js';
import type { Actors } from '../../../analysis/voices/actors.js';
import { findQuoteSpans } from '../../../analysis/voices/quotes.js';
import { parseVoiceRoles } from '../../../analysis/voices/voice-roles.js';
import type { Segment } from '../../../analysis/types.js';
import { attributeVoices } from '../../../analysis/voices/voices.js';

// Excerpts from the sample corpus (../shared/seeds). Each inner array is one paragraph's
// sentences, so the tests do not depend on the segmenter.
function article(paragraphs: string[][]): { text: string; segments: Segment[] } {
  const segments: Segment[] = [];
  let text = '';
  paragraphs.forEach((sentences, paragraph) => {
    if (paragraph > 0) text += '\n';
    sentences.forEach((sentence, n) => {
      if (n > 0) text += ' ';
      segments.push({
        paragraph,
        sentence: n,
        kind: 'body',
        text: sentence,
        start: text.length,
        end: text.length + sentence.length,
      });
      text += sentence;
    });
  });
  return { text, segments };
}

function voices(paragraphs: string[][], actors: Actors = NO_ACTORS) {
  const { text, segments } = article(paragraphs);
  const v = attributeVoices(text, segments, actors);
  return v.perSegment.map((p) => ({
    quote: p.quote,
    speaker: p.speaker === null ? null : v.speakers[p.speaker]!,
  }));
}

const KIM = [
  '“I think the fact that China agreed to this meeting reflects that Beijing is feeling pretty confident about its own position,” commented Patricia Kim, a fellow at the Brookings Institution, during a media briefing on Friday.',
];

test('direct quote with curly marks and the attribution after it', () => {
  const [v] = voices([KIM]);
  assert.equal(v!.quote, 'direct');
  assert.equal(v!.speaker?.name, 'Patricia Kim');
  assert.equal(v!.speaker?.side, 'analyst');
  assert.equal(v!.speaker?.anonymous, false);
});

test('direct quote with straight marks', () => {
  const [v] = voices([
    ['"We expect a series of visits in both directions in the period ahead," Campbell said.'],
  ]);
  assert.equal(v!.quote, 'direct');
  assert.equal(v!.speaker?.name, 'Campbell');
});

test('direct quote with the attribution before it', () => {
  const [v] = voices([
    [
      'One line in the American summary said: “The secretary made clear that the United States will always stand up for the interests and values of the American people.”',
    ],
  ]);
  assert.equal(v!.quote, 'direct');
  assert.equal(v!.speaker?.name, 'American summary');
});

test('direct quote with the attribution in the middle', () => {
  const [v] = voices([
    ['“We expect a series of visits in both directions,” Campbell said, “in the period ahead.”'],
  ]);
  assert.equal(v!.quote, 'direct');
  assert.equal(v!.speaker?.name, 'Campbell');
});

test('one attribution covers every sentence of a multi-sentence quote', () => {
  const v = voices([
    ['Shen noted that China is most concerned about “managing differences on the Taiwan issue.”'],
    [
      '“The hope is that Blinken’s visit can improve relations both in form and in substance.',
      'But hope might not turn into reality, and relations might become worse after the visit,” he added.',
      '“We prepare for the worst and hope for the best.”',
    ],
  ]);
  assert.deepEqual(
    v.map((s) => s.quote),
    ['direct', 'direct', 'direct', 'direct'],
  );
  assert.ok(v.every((s) => s.speaker?.name === 'Shen'));
});

test('a quote running over two paragraphs keeps its speaker', () => {
  const v = voices([
    [
      '“China’s not really in the mood or prepared at all to offer any types of concessions,” Grossman told The Daily Beast.',
      '“What to do about the status of Taiwan?',
    ],
    ['“There’s no real kind of negotiating out of those things.”'],
  ]);
  assert.deepEqual(
    v.map((s) => [s.quote, s.speaker?.name]),
    [
      ['direct', 'Grossman'],
      ['direct', 'Grossman'],
      ['direct', 'Grossman'],
    ],
  );
});

test('a quote-only sentence takes the speaker named in the sentence before', () => {
  const v = voices([
    [
      '“We’re trying to move towards a framework for the relationship where we continue to have diplomacy,” Stokes said.',
      '“There’s always going to be something that’s happening that we disagree about.”',
    ],
  ]);
  assert.equal(v[1]!.quote, 'direct');
  assert.equal(v[1]!.speaker?.name, 'Stokes');
});

test('scare quotes nobody is credited with are not quotes', () => {
  const v = voices([
    [
      'But current signs from both capitals suggest that the Biden administration might not be able to walk away with a “win” anytime soon.',
      'Last month, a Chinese fighter pilot shot in front of a U.S. reconnaissance plane in an “aggressive maneuver,” forcing it to fly through the Chinese aircraft’s wake turbulence.',
    ],
  ]);
  assert.deepEqual(
    v.map((s) => s.quote),
    ['none', 'none'],
  );
});

test('a short quote next to an attribution is a (mixed) direct quote', () => {
  const [v] = voices([
    [
      'A Chinese warship recently cut off a U.S. Navy ship in an incident the Pentagon has called “an unsafe maritime interaction.”',
    ],
  ]);
  assert.equal(v!.quote, 'direct');
  assert.equal(v!.speaker?.name, 'Pentagon');
  assert.equal(v!.speaker?.side, 'us_gov');
});

test('indirect speech: said (that), officials say, according to, told reporters', () => {
  const v = voices([
    [
      'Before he departed from Washington, Blinken said on Friday his main goals are to build empowered communications channels between the US and China.',
      'These unsafe interactions raise the risk that one or both sides will make dangerous miscalculations, Biden administration officials say.',
      'Prioritizing the restoration of channels of communication is at the forefront of Blinken’s agenda, according to a senior State Department official.',
      'Kurt Campbell told reporters that the visit would not produce a long list of deliverables.',
    ],
  ]);
  assert.deepEqual(
    v.map((s) => [s.quote, s.speaker?.name]),
    [
      ['indirect', 'Blinken'],
      ['indirect', 'Biden administration officials'],
      ['indirect', 'senior State Department official'],
      ['indirect', 'Kurt Campbell'],
    ],
  );
  assert.equal(v[1]!.speaker?.anonymous, true);
  assert.equal(v[1]!.speaker?.side, 'us_gov');
  assert.equal(v[2]!.speaker?.side, 'us_gov');
});

test('indirect speech with warned, noting, acknowledged and stressed', () => {
  const v = voices([
    [
      'Blinken himself confirmed some of the concerns, noting China upgraded its intelligence collection facilities in Cuba in 2019.',
      'U.S. officials acknowledged they heard that Beijing was interested in putting the relationship on ice, but said there is still room for optimism.',
      'American officials have stressed that re-establishing high-level diplomacy is their priority.',
      'Chinese President Xi Jinping has been warning his country to prepare for escalating tensions.',
    ],
  ]);
  assert.ok(v.every((s) => s.quote === 'indirect'));
  assert.deepEqual(
    v.map((s) => s.speaker?.name),
    ['Blinken', 'U.S. officials', 'American officials', 'Xi Jinping'],
  );
  assert.equal(v[3]!.speaker?.side, 'china_gov');
});

test('a sentence that only reports someone acting is not a quote', () => {
  const [v] = voices([
    ['Kritenbrink met last week with Vice Foreign Minister Ma Zhaoxu in Beijing.'],
  ]);
  assert.equal(v!.quote, 'none');
  assert.equal(v!.speaker, null);
});

test('speaker named with an apposition, and a title resolved to that person', () => {
  const v = voices([
    [
      'Blinken is expected to meet with senior Chinese officials to secure this goal, Daniel Kritenbrink, the assistant secretary of state for East Asian and Pacific Affairs, said on a call earlier this week.',
      'One of the Pentagon’s primary concerns is to “strengthen the guardrails against conflict” with China, U.S. Secretary of Defense Lloyd Austin said this week.',
      'China’s military has increased its destabilizing military activity near Taiwan on a near daily basis, the U.S. Secretary of Defense warned in remarks at the Shangri-La Dialogue this week.',
    ],
  ]);
  assert.equal(v[0]!.speaker?.name, 'Daniel Kritenbrink');
  assert.equal(v[0]!.speaker?.side, 'us_gov');
  assert.match(v[0]!.speaker?.role ?? '', /assistant secretary of state/);
  assert.equal(v[1]!.quote, 'direct');
  assert.equal(v[2]!.speaker?.name, 'Lloyd Austin');
  assert.equal(v[2]!.speaker, v[1]!.speaker);
});

test('a pronoun resolves to the person the previous sentence is about', () => {
  const v = voices([
    [
      'Nonetheless, Kritenbrink stated on Wednesday that both the US and China had “come to the shared conclusion that now is the right time to engage at this level.”',
      'However, he emphasized that the intention behind the visit was not to achieve a breakthrough.',
    ],
  ]);
  assert.equal(v[1]!.quote, 'indirect');
  assert.equal(v[1]!.speaker?.name, 'Kritenbrink');
});

test('one person per article: full name, surname and Mr. resolve together', () => {
  const { text, segments } = article([
    [
      '“This is not a visit in which I would anticipate a long list of deliverables coming out of it,” Kurt Campbell, the deputy assistant to the President, told reporters on a call this week.',
    ],
    ['“We expect a series of visits in both directions in the period ahead,” Campbell said.'],
    ['Mr. Campbell also said that more meetings were likely.'],
  ]);
  const v = attributeVoices(text, segments, NO_ACTORS);
  assert.deepEqual(
    v.perSegment.map((s) => s.speaker),
    [0, 0, 0],
  );
  assert.equal(v.speakers[0]!.name, 'Kurt Campbell');
});

test("the codebook's actors join aliases and give sides the text does not", () => {
  const actors = loadCodebook().actors;
  const v = voices(
    [
      ['U.S. Secretary of State Tony Blinken said the trip would go ahead.'],
      ['Antony Blinken said on Friday his main goals are to build communications channels.'],
    ],
    actors,
  );
  assert.equal(v[0]!.speaker?.name, 'Antony Blinken');
  assert.equal(v[1]!.speaker?.name, 'Antony Blinken');
  assert.equal(v[0]!.speaker?.side, 'us_gov');
});

test('sides from titles and affiliations without an actors file', () => {
  const v = voices([
    [
      'In a possible preview, China’s Foreign Minister Qin Gang warned Blinken this week that the United States ought to “stop interfering in China’s internal affairs.”',
      'Tensions will rise, according to Chinese state media.',
      'The relationship needs guardrails, said Derek Grossman, a former daily intelligence briefer to the director of the Defense Intelligence Agency.',
    ],
  ]);
  assert.deepEqual(
    v.map((s) => s.speaker?.side),
    ['china_gov', 'china_gov', 'analyst'],
  );
  assert.equal(v[1]!.speaker?.anonymous, true);
});

test('cue hits record the speech verb with its type, "according to" and quote marks', () => {
  const { text, segments } = article([
    ['Despite the evidence, Brazile later insisted she never sent the questions.'],
    KIM,
    ['The talks stalled, according to a senior State Department official.'],
  ]);
  const v = attributeVoices(text, segments, NO_ACTORS);
  const categories = v.cueHits.map((h) => `${h.segment}:${h.category}`);
  assert.ok(categories.includes('0:speech_verb:distancing'));
  assert.ok(categories.includes('1:speech_verb:neutral'));
  assert.ok(categories.includes('1:quote_mark'));
  assert.ok(categories.includes('2:according_to'));
  for (const h of v.cueHits) assert.equal(h.lexicon, 'voice');
});

test('non-scored segments get no quote label', () => {
  const text = 'By Jane Doe';
  const v = attributeVoices(
    text,
    [{ paragraph: 0, sentence: 0, kind: 'byline', text, start: 0, end: text.length }],
    NO_ACTORS,
  );
  assert.deepEqual(v.perSegment, [{ quote: null, speaker: null }]);
});

test('an invalid codebook fails with the file and the bad party', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-codebook-'));
  const file = join(dir, 'bad.json');
  const party = {
    id: 'beijing',
    name: 'Beijing',
    speakers: 'Beijing',
    description: 'the government in Beijing',
    colour: '#ff0000',
    markers: ['beijing'],
  };
  writeFileSync(
    file,
    JSON.stringify({
      name: 'bad',
      version: '1',
      title: 'Bad',
      issues: 'issues-us-china.json',
      parties: [party],
    }),
  );
  assert.throws(() => loadCodebook(file), /bad\.json.*parties\.0\.colour.*beijing.*#0072b2/s);
  writeFileSync(
    file,
    JSON.stringify({
      name: 'bad',
      version: '1',
      title: 'Bad',
      issues: 'issues-us-china.json',
      parties: [{ ...party, id: 'other', colour: '#0072b2' }],
    }),
  );
  assert.throws(() => loadCodebook(file), /parties\.0\.id.*not parties/s);
});

test('with the US–North Korea codebook, North Korean officials are their own side', () => {
  const korea = loadCodebook('us-north-korea').actors;
  const paragraphs = [
    ['The meeting was a waste of time, said a North Korean foreign ministry official.'],
    ['“We are ready to talk,” Kim Jong Un told reporters.'],
    ['The summit will go ahead, a Chinese foreign ministry spokesman said.'],
    ['Sanctions stay until there is progress, Secretary of State Mike Pompeo said.'],
  ];
  assert.deepEqual(
    voices(paragraphs, korea).map((s) => s.speaker?.side),
    ['nk_gov', 'nk_gov', 'other', 'us_gov'],
  );
  // The default codebook: North Korea is another country, China a party.
  assert.deepEqual(
    voices(paragraphs).map((s) => s.speaker?.side),
    ['other', 'other', 'china_gov', 'us_gov'],
  );
});

// Made-up news-style sentences for the constructions the second round added.
const said = (paragraphs: string[][], actors: Actors = NO_ACTORS) =>
  voices(paragraphs, actors).map((s) => [s.quote, s.speaker?.name ?? null]);

test('a title, a party tag or a time phrase between the source and the verb', () => {
  assert.deepEqual(
    said([
      [
        'Sen. Jane Miller (R-Ohio) said the bill would fail.',
        'Treasury spokesman Tom Hale says the sanctions will stay.',
        'The ministry on Monday said the visit was welcome.',
        'The embassy, in a statement, urged Washington to stop interfering.',
        'Kim in June sharply criticized the plan.',
        'The senator said Friday that the vote would be delayed.',
      ],
    ]),
    [
      ['indirect', 'Jane Miller'],
      ['indirect', 'Tom Hale'],
      ['indirect', 'ministry'],
      ['indirect', 'embassy'],
      ['indirect', 'Kim'],
      // "the senator" is the Sen. Jane Miller named before (eighth speakers round).
      ['indirect', 'Jane Miller'],
    ],
  );
});

test('reported views without a classic speech verb', () => {
  assert.deepEqual(
    said([
      [
        'Beijing believes that Washington is trying to contain it.',
        'Many analysts expect the talks to produce little.',
        'US officials hope the visit will stabilize ties.',
        'Critics fear that the deal will collapse.',
        'Regional diplomats see the visit as a test of resolve.',
        'Many economists agree that the tariffs hurt both sides.',
      ],
    ]),
    [
      ['indirect', 'China'],
      // A quantifier stays part of a group's name, as the gold sets write it ("many experts").
      ['indirect', 'Many analysts'],
      ['indirect', 'US officials'],
      ['indirect', 'Critics'],
      ['indirect', 'Regional diplomats'],
      ['indirect', 'Many economists'],
    ],
  );
});

test('views named by a noun: "X\'s view that", "X\'s insistence that", "in X\'s words"', () => {
  const v = voices([
    [
      'China is expected to raise grievances reflecting Beijing’s view that the United States is a declining power.',
      'Beijing’s insistence that Washington is to blame has not changed.',
      'In Blinken’s words, the relationship is at a low point.',
    ],
  ]);
  assert.deepEqual(
    v.map((s) => [s.quote, s.speaker?.name]),
    [
      ['indirect', 'China'],
      ['indirect', 'China'],
      ['indirect', 'Blinken'],
    ],
  );
  assert.equal(v[0]!.speaker?.side, 'china_gov');
});

test('polls, surveys and documents as sources; a statement from X is X', () => {
  assert.deepEqual(
    said([
      [
        'Polls show the race tightening in the final week.',
        'A new survey found that most voters distrust both parties.',
        'A statement from the Chinese Foreign Ministry said the visit was welcome.',
        'The company declined to comment.',
        'Current signs from both capitals suggest that little will change.',
      ],
    ]),
    [
      ['indirect', 'Polls'],
      ['indirect', 'new survey'],
      ['indirect', 'Chinese Foreign Ministry'],
      ['indirect', 'company'],
      ['none', null],
    ],
  );
});

test('the source phrase: plain nouns, "of" and "for" phrases, people "at" a firm', () => {
  assert.deepEqual(
    said([
      [
        'Other members of the community stated they were fine with it.',
        'And a bartender said she “loved” working there.',
        '“This is really spectacular,” said Chris Low at FTN Financial.',
        '“A deal of this size needs scrutiny,” a spokesman for Disney said.',
        'A new report suggests that the decline is accelerating.',
      ],
    ]),
    [
      ['indirect', 'members of the community'],
      ['direct', 'bartender'],
      ['direct', 'Chris Low'],
      ['direct', 'spokesman for Disney'],
      ['indirect', 'new report'],
    ],
  );
});

test('an opening phrase or dateline is not the subject an -ing or "and said" clause inherits', () => {
  assert.deepEqual(
    said([
      ['On trade, Smith again attacked the deal and said it had cost jobs.'],
      ['WASHINGTON (AP) – The newspaper endorsed the senator on Thursday, saying she was ready.'],
    ]),
    [
      ['indirect', 'Smith'],
      ['indirect', 'newspaper'],
    ],
  );
});

test('speaker labels before a colon: roundups and transcripts', () => {
  assert.deepEqual(
    said([
      ['Jane Roe, The Daily Planet: “This was her best debate.”', '“Not at all.”'],
      ['MR. SMITH: We appreciate you coming.'],
      ['Of the plan: “It is a start.”'],
    ]),
    [
      ['direct', 'Jane Roe'],
      ['direct', 'Jane Roe'],
      // A label in capitals names the person in ordinary case.
      ['direct', 'Smith'],
      ['direct', 'Smith'],
    ],
  );
});

test('discontinuous quotes and two-apostrophe quotation marks', () => {
  assert.deepEqual(
    said([
      ['“It is a big step,” Mr. Hale said, “but not the last.”'],
      ["''I wouldn't object to that,'' Ms. Lee said."],
    ]),
    [
      ['direct', 'Hale'],
      ['direct', 'Lee'],
    ],
  );
  const spans = findQuoteSpans(
    "He called it ''unfair'' and 'praising Wall Street.' Democrats' views",
  );
  assert.deepEqual(
    spans.map((q) => q.words),
    [1, 3],
  );
});

test('multi-word credited short quotes stay direct; scare quotes stay none', () => {
  assert.deepEqual(
    said([
      [
        'The Pentagon called it “an unsafe maritime interaction.”',
        'The administration is seeking a “win” on climate.',
        'Officials in the region have described the drills as a “rehearsal.”',
      ],
    ]),
    [
      ['direct', 'Pentagon'],
      ['none', null],
      ['direct', 'Officials in the region'],
    ],
  );
});

test('sides from titles without an actors file: offices, capitals, Chinese names, the President', () => {
  const v = voices([
    [
      'President Biden said he hoped to meet Xi again.',
      'Beijing says the United States must change course.',
      'Assistant Foreign Minister Hua Chunying said the talks were candid.',
      'Kurt Campbell, the deputy assistant to the President, said there would be no breakthrough.',
      'Taiwan’s Foreign Minister Joseph Wu said the island would not bow to pressure.',
      'Former Ambassador Max Baucus said the relationship was at its lowest point.',
    ],
  ]);
  assert.deepEqual(
    v.map((s) => s.speaker?.side),
    ['us_gov', 'china_gov', 'china_gov', 'us_gov', 'other', 'analyst'],
  );
});

test('views reported by "be" + a stance adjective and by expectation verbs', () => {
  assert.deepEqual(
    said([
      [
        'The White House is not confident it will be able to pull it off.',
        'US officials have been working to temper expectations for the visit.',
        'It is not clear whether the talks will resume.',
        'Markets are worried about the tariffs.',
      ],
    ]),
    [
      ['indirect', 'White House'],
      ['indirect', 'US officials'],
      ['none', null],
      ['none', null],
    ],
  );
});

test('a reported clause after "said" is not an inverted source; a title-case headline verb counts', () => {
  assert.deepEqual(
    said([
      ['Jane Roe, a longtime party donor, said many donors gave money out of loyalty.'],
      ['Senator Warns Trade Deal Would Cost Jobs'],
    ]),
    [
      ['indirect', 'Jane Roe'],
      ['indirect', 'Senator'],
    ],
  );
});

test('the voice-roles lexicon is validated with the file and the bad entry named', () => {
  assert.throws(
    () => parseVoiceRoles({ version: '1', determiners: ['The'] }, 'voice-roles.json'),
    /voice-roles\.json.*determiners\.0.*"The"/s,
  );
});

// Guarded by the timeout, not a measured duration: a quadratic pass takes minutes here.
test('a megabyte-long line of quotes and commas does not stall', { timeout: 60_000 }, () => {
  const unit = '“We expect, a series,” Campbell said, “of visits, ';
  const text = unit.repeat(20000);
  const voices = attributeVoices(
    text,
    [{ paragraph: 0, sentence: 0, kind: 'body', text, start: 0, end: text.length }],
    NO_ACTORS,
  );
  assert.equal(voices.perSegment.length, 1);
});

test('a role "for the" organisation keeps the organisation, and so its side', () => {
  const [v] = voices([
    [
      'A spokeswoman for the Chinese Foreign Ministry struck an optimistic tone on Twitter, recalling a meeting between the top Chinese and American leaders last year.',
    ],
  ]);
  assert.equal(v!.quote, 'indirect');
  assert.equal(v!.speaker?.name, 'spokeswoman for the Chinese Foreign Ministry');
  assert.equal(v!.speaker?.side, 'china_gov');
  assert.equal(v!.speaker?.anonymous, true);
});

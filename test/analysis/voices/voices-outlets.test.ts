import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCodebook } from '../../../analysis/codebooks/codebook.js';
import { voicesOf } from './paragraphs.js';

// Speakers and sides across outlet styles: wire and state-media constructions, transcripts,
// titles named paragraphs earlier, joint subjects and phrases that name no speaker. The
// sentences are short ones written for these tests. Each inner array is one paragraph.
const voices = voicesOf;

test('state-media constructions: pointed out, stressed, told X that, "…, Xinhua reported"', () => {
  const v = voices([
    ['Chinese President Xi Jinping met the visiting delegation in Beijing on Monday.'],
    ['Xi pointed out that the two countries should respect each other.'],
    ['Foreign Minister Wang Yi also met the delegation.'],
    ['Wang stressed that dialogue must continue.'],
    ['Wang told the American envoy that Washington must stop interfering.'],
    ['The two sides agreed to keep talking, Xinhua reported.'],
  ]);
  assert.deepEqual(v[1], { quote: 'indirect', name: 'Xi Jinping', side: 'china_gov' });
  assert.deepEqual(v[3], { quote: 'indirect', name: 'Wang Yi', side: 'china_gov' });
  assert.deepEqual(v[4], { quote: 'indirect', name: 'Wang Yi', side: 'china_gov' });
  assert.deepEqual(v[5], { quote: 'indirect', name: 'Xinhua', side: 'china_gov' });
});

test('a spokesperson title before the name gives the side without an actors file', () => {
  const [v] = voices([
    ['Foreign Ministry spokesperson Wang Wenbin said the talks were candid and in-depth.'],
  ]);
  assert.deepEqual(v, { quote: 'indirect', name: 'Wang Wenbin', side: 'china_gov' });
});

test('a transcript label in capitals is the speaker, resolved to the full name', () => {
  const v = voices([
    ['Secretary of State Antony Blinken spoke to reporters after the meeting.'],
    ['BLINKEN: We had candid and constructive talks with our hosts today.'],
  ]);
  assert.deepEqual(v[1], { quote: 'direct', name: 'Antony Blinken', side: 'us_gov' });
  const [note] = voices([['UPDATE: The meeting ended an hour later than planned.']]);
  assert.equal(note!.quote, 'none');
});

test('"the president" is the person the article titles so, not a foreign president', () => {
  const v = voices([
    ['President Barack Obama spoke from the White House on Tuesday.'],
    ['Iranian President Hassan Rouhani welcomed the agreement in Tehran.'],
    ['The president said the deal would make the region safer.'],
  ]);
  assert.deepEqual(v[2], { quote: 'indirect', name: 'Barack Obama', side: 'us_gov' });
});

test('a listed office holder named without a title speaks for the government', () => {
  const [v] = voices([['Obama said the deal would hold.']]);
  assert.deepEqual(v, { quote: 'indirect', name: 'Obama', side: 'us_gov' });
  const [senator] = voices([
    ['Sen. Jane Doe, an Ohio Republican, said the agreement was far too weak.'],
  ]);
  assert.equal(senator!.side, 'us_gov');
});

test('a joint subject is credited to the first one named', () => {
  const v = voices([
    ['Blinken and Wang agreed that the talks had been useful.'],
    ['The plan drew fire from critics and some analysts who said it changed little.'],
  ]);
  assert.equal(v[0]!.name, 'Blinken');
  assert.equal(v[1]!.name, 'critics');
});

test('"neither side", "both countries" and "the rest" never become speakers', () => {
  const v = voices([
    ['Neither side expects a breakthrough this week.'],
    ['Both countries recognize that ties are at a low point.'],
    ['Both are being told by the rest of the world to manage their rivalry.'],
  ]);
  for (const s of v) assert.deepEqual(s, { quote: 'none', name: null, side: null });
});

test('a proverb after "They say" is not credited to the last group', () => {
  const v = voices([
    ['Administration officials said the visit would help.'],
    ['They say time heals all wounds.'],
    ['They say the two sides need channels to talk in a crisis.'],
  ]);
  assert.deepEqual(v[1], { quote: 'none', name: null, side: null });
  assert.equal(v[2]!.quote, 'indirect');
  assert.equal(v[2]!.name, 'Administration officials');
});

test('"the official" is the group named that way earlier', () => {
  const v = voices([
    ['A senior administration official said the talks were productive.'],
    ['“We made progress on every item,” the official said.'],
  ]);
  assert.equal(v[1]!.name, 'senior administration official');
  assert.equal(v[1]!.side, 'us_gov');
});

test("with the bundled codebook's actors, state media is a Chinese government source", () => {
  const [v] = voices(
    [['The talks were frank and constructive, the Global Times said in an editorial.']],
    loadCodebook().actors,
  );
  assert.deepEqual(v, { quote: 'indirect', name: 'Global Times', side: 'china_gov' });
});

test('of two people titled President, "the president" is the one already speaking', () => {
  const v = voices([
    ['President Trump said the talks went well.'],
    ['He met President Moon in Seoul on Sunday.'],
    ['The president said he might visit the border.'],
  ]);
  assert.deepEqual(v[2], { quote: 'indirect', name: 'Trump', side: 'us_gov' });
});

test('a reporting clause with a long apposition after the name still credits the sentence', () => {
  const [v] = voices([
    [
      'The deal is a “fresh start” and shows that talks can work, said Jane Roe, the envoy who led the talks for the group of six countries in Vienna and Geneva.',
    ],
  ]);
  assert.equal(v!.name, 'Jane Roe');
});

test('a sentence opener after "the US." is no part of a name: "But" never becomes a speaker', () => {
  const v = voices([
    ['The trade minister visited the US. But other meetings were kept out of the limelight.'],
    [
      'The earlier trip was cancelled when the US revealed that a balloon had crossed its territory.',
    ],
  ]);
  assert.ok(
    v.every((s) => s.name !== 'But' && !/\bBut\b/.test(s.name ?? '')),
    JSON.stringify(v),
  );
});

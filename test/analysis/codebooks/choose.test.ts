// Choosing a bundled codebook for a new story from its first article (#15): the codebook
// whose other party (China, North Korea, Iran, Russia) the article names most; us-china only
// when China clearly leads; the default, said plainly, when none is named. Texts written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chooseCodebook,
  countMentions,
  describeChoice,
} from '../../../analysis/codebooks/choose.js';
import { bundledCodebookTerms } from '../../../ingest/codebook-choice.js';

const BUNDLED = bundledCodebookTerms();

const SUMMIT =
  'Trump and Kim Jong Un open second summit in Hanoi\n\n' +
  'President Trump and North Korean leader Kim Jong Un met in Hanoi on Wednesday for their ' +
  'second summit. North Korea has offered to close its main nuclear site, and Pyongyang wants ' +
  'sanctions eased in return. Chinese officials said Beijing supported the talks.';

const CONGRESS =
  'House and Senate negotiators reach a deal on the budget\n\n' +
  'House and Senate negotiators agreed on Monday on a spending plan that would avert a ' +
  'shutdown. Kim Davis, a county clerk, was in the news again, and farmers in the north of ' +
  'the state asked for disaster aid.';

function mentions(text: string): Record<string, number> {
  return Object.fromEntries(countMentions(text, BUNDLED).map((c) => [c.codebook, c.mentions]));
}

test('a Korea summit takes us-north-korea, and the output says how often it is named', () => {
  const choice = chooseCodebook(SUMMIT, BUNDLED);
  assert.equal(choice.codebook, 'us-north-korea');
  assert.equal(choice.why, 'named');
  assert.deepEqual(mentions(SUMMIT), {
    'us-north-korea': 5,
    'us-china': 2,
    'us-iran': 0,
    'us-russia': 0,
  });
  assert.equal(
    describeChoice(choice),
    'codebook us-north-korea (North Korea named 5 times, China 2)',
  );
});

test('us-china is taken when China clearly leads, and not when it leads by a little', () => {
  const talks =
    'Blinken met Chinese Foreign Minister Qin Gang in Beijing. China said the talks were candid, ' +
    'and Xinhua called them constructive. Both sides discussed North Korea.';
  assert.deepEqual(
    { codebook: chooseCodebook(talks, BUNDLED).codebook, why: chooseCodebook(talks, BUNDLED).why },
    { codebook: 'us-china', why: 'named' },
  );
  const close =
    'Trump demanded fairer trade at the summit. He criticised China and Chinese steel, and said ' +
    'Beijing must change; he also said he would meet North Korea’s leader and that Pyongyang wanted peace.';
  const choice = chooseCodebook(close, BUNDLED);
  assert.deepEqual(mentions(close)['us-china'], 3);
  assert.deepEqual(mentions(close)['us-north-korea'], 2);
  assert.equal(choice.codebook, 'us-north-korea');
  assert.equal(choice.why, 'not-clear');
  assert.match(describeChoice(choice), /China is named more but not twice as often/);
});

test('a story naming no other party keeps the default and says so', () => {
  const choice = chooseCodebook(CONGRESS, BUNDLED);
  assert.equal(choice.codebook, 'us-china');
  assert.equal(choice.why, 'none');
  assert.equal(
    describeChoice(choice),
    'codebook us-china, the default (no other party of a bundled codebook is named: not China, Iran, North Korea or Russia)',
  );
});

test('short aliases and common phrases are not counted; a possessive is one mention', () => {
  // "Kim" (Kim Davis) and "the north" name other things in most texts.
  assert.equal(mentions(CONGRESS)['us-north-korea'], 0);
  assert.equal(mentions('North Korea’s envoy met Iran’s.')['us-north-korea'], 1);
  assert.equal(mentions('North Korea’s envoy met Iran’s.')['us-iran'], 1);
});

test('Iran talks and a Russia summit take their codebooks', () => {
  assert.equal(
    chooseCodebook(
      'Iran and the US resumed nuclear talks; Tehran wants sanctions lifted, Araghchi said.',
      BUNDLED,
    ).codebook,
    'us-iran',
  );
  assert.equal(
    chooseCodebook(
      'Putin and Trump met in Helsinki; the Kremlin said Russia was ready to talk.',
      BUNDLED,
    ).codebook,
    'us-russia',
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import {
  alignFacts,
  type AlignedFact,
  type AlignSentence,
} from '../../../analysis/comparison/align.js';
import { projectPath } from '../../../lib/project-paths.js';
import { segmentArticle } from '../../../analysis/segmentation/segment.js';

// Sentences from the seed story (/work/shared/seeds): Daily Beast, ChinaFile, CNN, a blog, NYT.
const story: [string, string][] = [
  ['Daily Beast', 'Blinken’s original trip was called off in February, days after the Chinese government flew a spy balloon over the United States, an incident which sent U.S.-China relations into a tailspin.'],
  ['Daily Beast', 'And although the trip is back on, Biden administration officials have already been working to temper expectations about what the United States might be able to get out of it, as a whole slew of other issues have threatened to send the relationship into further freefall in recent days.'],
  ['Daily Beast', 'Not only will it be Blinken’s first visit to Beijing since the spy balloon incident, it will also mark the first trip to Beijing for a U.S. Secretary of State since 2018, making it a key test of the Biden administration’s approach to China at a time when Xi is increasingly leaning into military aggression and coercion.'],
  ['Daily Beast', 'Commerce Secretary Gina Raimondo and U.S. Trade Representative Katherine Tai met with China’s Minister of Commerce.'],
  ['ChinaFile', 'But a planned trip by Blinken was canceled in February after the U.S. military shot down a Chinese spy balloon over U.S. airspace, re-aggravating tensions.'],
  ['ChinaFile', 'Distrust within U.S.-China relations is at its highest point in more than 70 years.'],
  ['CNN', 'Blinken, the most senior US official to visit China in five years, is making his trip at a tumultuous time in US-China relations, with the two sides sparring over everything from human rights and technology to trade and weapons sales to Taiwan.'],
  ['CNN', 'The turbulent nature of US-China relations, as well as the prospect that another incident related to Taiwan could again send ties into a tailspin, have tempered expectations for Blinken’s visit and what the top US diplomat can hope to accomplish.'],
  ['blog', 'Blinken’s journey to China holds significant weight as he is the first secretary of state to make the trip in five years and the highest-ranking US official to undertake such a mission since President Joe Biden assumed office early last year.'],
  ['blog', 'Both the US and Chinese governments have tempered expectations for the visit, as indicated by a senior State Department official who acknowledged that there are no grand expectations for substantial outcomes.'],
  ['blog', 'Blinken’s visit, announced by both Biden and Xi after their meeting last year, was originally planned for February and was considered a significant follow-up engagement.'],
  ['blog', 'However, it was postponed due to the discovery of a suspected Chinese spy balloon transiting the United States.'],
  ['NYT', 'Antony J. Blinken met in Beijing on Sunday with China’s foreign minister for seven-and-a-half hours, in the first visit of a U.S. secretary of state to China since 2018.'],
  ['NYT', 'Mr. Xi will likely meet with Mr. Blinken.'],
]; // prettier-ignore

const sentences: AlignSentence[] = story.map(([outlet, text], id) => ({
  id,
  outlet,
  article: ['Daily Beast', 'ChinaFile', 'CNN', 'blog', 'NYT'].indexOf(outlet),
  text,
}));

function groupWith(facts: AlignedFact[], id: number): AlignedFact | undefined {
  return facts.find((g) => g.members.some((m) => m.id === id));
}

// The bundled story (corpus/articles, copies of the five seed articles), segmented as the
// pipeline does: idf needs the whole story, a dozen excerpts would overweight every name.
const OUTLETS = ['Daily Beast', 'ChinaFile', 'CNN', 'blog', 'NYT'];
const bundled: AlignSentence[] = [];
readdirSync(projectPath('corpus', 'articles'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .forEach((file, article) => {
    const text = readFileSync(projectPath('corpus', 'articles', file), 'utf8');
    for (const segment of segmentArticle(text)) {
      if (segment.kind !== 'body' && segment.kind !== 'headline') continue;
      bundled.push({ id: bundled.length, outlet: OUTLETS[article]!, article, text: segment.text });
    }
  });
const bundledFacts = alignFacts(bundled);
const idOf = (outlet: string, words: string): number => {
  const found = bundled.find((s) => s.outlet === outlet && s.text.includes(words));
  assert.ok(found, `${outlet}: no sentence with "${words}"`);
  return found.id;
};
const factOf = (outlet: string, words: string): AlignedFact => {
  const group = groupWith(bundledFacts, idOf(outlet, words));
  assert.ok(group, `${outlet} "${words}" is in no group`);
  return group;
};

test('"first secretary of state since 2018 / in five years" is one group of three or more outlets', () => {
  const group = factOf('NYT', 'first visit of a U.S. secretary of state to China since 2018');
  assert.ok(group.outlets.length >= 3, group.outlets.join(', '));
  const ids = group.members.map((m) => m.id);
  assert.ok(ids.includes(idOf('Daily Beast', 'for a U.S. Secretary of State since 2018')));
  assert.ok(ids.includes(idOf('blog', 'first secretary of state to make the trip in five years')));
});

test('"the trip was called off in February over the spy balloon" spans three outlets', () => {
  const group = factOf('Daily Beast', 'original trip was called off in February');
  assert.ok(group.outlets.length >= 3, group.outlets.join(', '));
  assert.ok(group.members.some((m) => m.id === idOf('ChinaFile', 'canceled in February')));
  assert.ok(
    group.terms.includes('balloon') || group.terms.includes('February'),
    group.terms.join(),
  );
});

test('"officials tempered expectations" spans three outlets', () => {
  const group = factOf('blog', 'have tempered expectations for the visit');
  assert.ok(group.outlets.length >= 3, group.outlets.join(', '));
  const ids = group.members.map((m) => m.id);
  assert.ok(ids.includes(idOf('Daily Beast', 'working to temper expectations')));
  assert.ok(ids.includes(idOf('CNN', 'have tempered expectations for Blinken')));
});

test('unrelated sentences of the bundled story are not glued together', () => {
  // "Mr. Xi will likely meet with Mr. Blinken." shares only names with the rest.
  assert.equal(
    groupWith(bundledFacts, idOf('NYT', 'Mr. Xi will likely meet with Mr. Blinken')),
    undefined,
  );
  // The balloon fact and the expectations fact stay apart.
  const balloon = factOf('Daily Beast', 'original trip was called off in February');
  const expectations = factOf('blog', 'have tempered expectations for the visit');
  assert.notEqual(balloon, expectations);
});

test('every group spans two or more outlets with one sentence each', () => {
  for (const group of [...bundledFacts, ...alignFacts(sentences)]) {
    assert.ok(group.outlets.length >= 2);
    assert.equal(new Set(group.outlets).size, group.outlets.length);
    assert.equal(
      group.outlets.length + group.missing.length,
      new Set([...group.outlets, ...group.missing]).size,
    );
  }
});

test('two outlets telling one fact in excerpts make one group; the rest report it missing', () => {
  const group = groupWith(alignFacts(sentences), 4);
  assert.ok(group);
  assert.ok(group.members.some((m) => m.id === 0));
  assert.ok(group.missing.includes('NYT'));
});

test('groups come sorted by outlets, then cohesion', () => {
  for (let i = 1; i < bundledFacts.length; i++) {
    const [a, b] = [bundledFacts[i - 1]!, bundledFacts[i]!];
    assert.ok(
      a.outlets.length > b.outlets.length ||
        (a.outlets.length === b.outlets.length && a.cohesion >= b.cohesion),
    );
  }
});

test('a story with one outlet has nothing to align', () => {
  assert.deepEqual(alignFacts(sentences.filter((s) => s.outlet === 'blog')), []);
});

test('sentences sharing only names are not one fact; sharing telling words they are', () => {
  const pair: AlignSentence[] = [
    { id: 0, outlet: 'A', article: 0, text: 'Qin Gang welcomed Antony Blinken at the guesthouse.' },
    { id: 1, outlet: 'B', article: 1, text: 'Blinken told Qin Gang that Washington would not budge.' },
    { id: 2, outlet: 'A', article: 0, text: 'The talks lasted seven and a half hours, longer than planned.' },
    { id: 3, outlet: 'B', article: 1, text: 'Their talks lasted seven and a half hours.' },
  ]; // prettier-ignore
  const facts = alignFacts(pair);
  // The first two share "Qin", "Gang" and "Blinken" only: three names weigh 1.5, and a link
  // needs 2 (README, "Aligned facts").
  assert.equal(groupWith(facts, 0), undefined, JSON.stringify(facts));
  assert.deepEqual(
    groupWith(facts, 2)?.members.map((m) => m.id),
    [2, 3],
  );
  // Without the rule the names alone would link them: the test guards the rule itself.
  assert.ok(groupWith(alignFacts(pair, { minTelling: 0 }), 0));
});

test('two long sentences sharing more stems than a window mask holds still align, as shorter ones do', () => {
  // A wire story run by two outlets: over 31 distinct content words in common (the masks
  // hold 31; past that the windows are walked stem by stem).
  const wire =
    'Ministers from Brazil, Kenya, Norway and Vietnam signed a fisheries accord in Lisbon on Tuesday after nine days of talks over quotas, subsidies, patrol vessels, satellite tracking, port inspections, bycatch limits, coral reefs, mangrove restoration, tuna stocks, shark fins, whaling bans, trawler licences, cannery wages, harbour dredging, seabed mining and plastic nets.';
  const short =
    'Ministers signed a fisheries accord in Lisbon after nine days of talks over quotas.';
  const make = (text: string): AlignSentence[] => [
    { id: 0, outlet: 'A', article: 0, text },
    { id: 1, outlet: 'B', article: 1, text },
    { id: 2, outlet: 'A', article: 0, text: 'The weather in Lisbon was mild all week.' },
  ];
  for (const text of [wire, short]) {
    const facts = alignFacts(make(text));
    const fact = groupWith(facts, 0);
    assert.deepEqual(
      fact?.members.map((m) => m.id),
      [0, 1],
      text,
    );
    assert.ok(fact!.cohesion > 0.99);
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCodebook, partyOfName } from '../../../analysis/codebooks/codebook.js';
import { createAnalyzer } from '../../../analysis/pipeline.js';
import { notNameStart } from '../../../analysis/scoring/name-words.js';
import {
  actorMatcher,
  articleActors,
  articleNames,
  articlePlaces,
  articleTargetScore,
  findTargets,
  placeMatcher,
  PRIOR_SENTENCES,
  TargetMatcher,
  targetForms,
  type TargetSentence,
} from '../../../analysis/scoring/targets.js';
import { tokenize } from '../../../analysis/segmentation/tokens.js';

const sentence = (text: string, tone = 0, extra: Partial<TargetSentence> = {}): TargetSentence => ({
  tokens: tokenize(text),
  paragraph: 0,
  scored: true,
  tone,
  loaded: 0,
  speaker: null,
  quoted: false,
  ...extra,
});

test('a person is found by full name, by surname with a title, and by a following pronoun', () => {
  const result = findTargets(
    [
      sentence('Mayor Anna Berg opened the new bridge on Monday.', 1),
      sentence('Critics said Ms. Berg had wasted the money.', -2),
      sentence('She rejected the charge.', -1),
      sentence('The weather was fine.', 2),
    ],
    new TargetMatcher(['Anna Berg']),
  );
  assert.deepEqual(
    result.perSegment.map((list) => list.map((t) => t.role)),
    [['subject'], ['object'], ['pronoun'], []],
  );
});

test('a surname written in lower case is a word, not the person', () => {
  const matcher = new TargetMatcher(['Condoleezza Rice']);
  assert.equal(matcher.mentions(tokenize('They served rice and beans.')).length, 0);
  assert.equal(matcher.mentions(tokenize('Rice spoke first.')).length, 1);
});

test('a common-noun target matches its singular and plural', () => {
  assert.deepEqual(targetForms('plaintiffs').forms, ['plaintiffs', 'plaintiff']);
  const matcher = new TargetMatcher(['plaintiffs']);
  assert.equal(matcher.mentions(tokenize('The plaintiff appealed.')).length, 1);
});

test('a quote by the target counts less than a sentence about it', () => {
  const result = findTargets(
    [
      sentence('Anna Berg said the bridge was a triumph.', 3, { speaker: 'Anna Berg' }),
      sentence('Anna Berg was fined for the delays.', -2),
    ],
    new TargetMatcher(['Anna Berg']),
  );
  const [own, about] = result.perSegment.map((list) => list[0]!);
  assert.equal(own!.role, 'speaker');
  assert.ok(own!.weight < about!.weight);
  const critic = findTargets(
    [sentence('Berg wasted the money, a rival said.', -2, { speaker: 'Jon Vik', quoted: true })],
    new TargetMatcher(['Anna Berg']),
  );
  assert.deepEqual(
    critic.perSegment[0]!.map((t) => [t.role, t.quoted]),
    [['subject', true]],
  );
});

test('the article score is shrunk toward 0 and set against the other sentences’ tone', () => {
  const result = findTargets(
    [
      sentence('Anna Berg was fined.', -2),
      sentence('The river is calm.', 1),
      sentence('The park is lovely.', 1),
    ],
    new TargetMatcher(['Anna Berg']),
  );
  const { score, relative, sentences } = articleTargetScore(result, 0);
  assert.equal(sentences, 1);
  assert.equal(score, -2 / (1 + PRIOR_SENTENCES));
  assert.equal(relative, score - 2 / (2 + PRIOR_SENTENCES));
  const none = articleTargetScore(
    findTargets([sentence('Nobody here.', 1)], new TargetMatcher(['Anna Berg'])),
    0,
  );
  assert.equal(none.score, 0);
  assert.equal(none.relative, -1 / (1 + PRIOR_SENTENCES));
});

test('the article names the persons it refers to by surname, not institutions', () => {
  const names = articleNames(
    [
      tokenize('Governor Anna Berg met officials at the White House.'),
      tokenize('Berg said the talks went well.'),
      tokenize('The White House declined to comment.'),
    ],
    [],
  );
  assert.deepEqual(names, ['Anna Berg']);
});

test('the pipeline stores each sentence’s targets with a tone toward each', () => {
  const analysis = createAnalyzer().analyze(
    'Council leader Anna Berg was blasted over the budget on Monday.\n\nBerg said the plan was reckless. She left before the vote.\n',
  );
  assert.deepEqual(analysis.targets, ['Anna Berg']);
  const roles = analysis.segments.map((s) => s.targets.map((t) => t.role));
  assert.deepEqual(roles, [['subject'], ['speaker'], ['pronoun']]);
  assert.ok(analysis.cueHits.some((h) => h.lexicon === 'loaded' && h.entry === 'blasted'));
  assert.ok(analysis.segments[0]!.targets[0]!.tone < 0);
});

test('a bare negator makes the sentence negative but not its tone toward the person named', () => {
  const analysis = createAnalyzer().analyze(
    'Council leader Anna Berg did not attend the meeting on Monday.\n\nBerg said the plan was sound.\n',
  );
  const first = analysis.segments[0]!;
  assert.ok(first.tone!.combined < 0);
  assert.equal(first.targets[0]!.tone, 0);
});

test('a word that starts or ends no name is not glued onto one (function words, modals, titles, initials)', () => {
  const names = articleNames(
    [
      'Despite China raising tariffs, the talks went on.',
      'China said little.',
      'Will Xi agree to the terms?',
      'Xi did not answer.',
      'Secretary of State Antony J. Blinken flew in on Monday.',
      'Blinken met officials.',
      'Chairman Kim smiled for the cameras.',
      'Kim left early.',
      'MUST WATCH Trump speaks to reporters.',
      'Trump spoke.',
      'North Korean officials were not there.',
      'Korean diplomats said nothing.',
      'George W. Bush was mentioned.',
      'Bush was not there.',
      'Furious Boris Johnson walked out.',
      'Johnson thanked P.J. Crowley.',
      'Crowley nodded.',
      'Johnson came back.',
    ].map((s) => tokenize(s)),
    [],
  );
  assert.deepEqual(names.sort(), [
    'Antony J. Blinken',
    'Boris Johnson',
    'George W. Bush',
    'P.J. Crowley',
  ]);
});

test('a country standing for its government is a target of its party, in every bundled codebook', () => {
  const places: [string, string, string][] = [
    ['us-china', 'Beijing', 'china_gov'],
    ['us-north-korea', 'Pyongyang', 'nk_gov'],
    ['us-iran', 'Tehran', 'iran_gov'],
    ['us-russia', 'Moscow', 'russia_gov'],
  ];
  for (const [name, capital, party] of places) {
    const codebook = loadCodebook(name);
    const analysis = createAnalyzer({ codebook: name }).analyze(
      `${capital} rejected the proposal on Monday.\n\nThe White House said ${capital}’s answer was a mistake.\n`,
    );
    const about = analysis.segments.map((s) =>
      s.targets.map((t) => partyOfName(codebook, analysis.targets[t.target]!)),
    );
    assert.deepEqual(about, [[party], ['us_gov', party]], name);
  }
});

test('a place is mentioned with its capital, an acronym in capitals, never inside a longer name', () => {
  const matcher = new TargetMatcher(['China', 'US', 'Washington'], ['place', 'place', 'place']);
  const found = (text: string) =>
    matcher.mentions(tokenize(text)).map((m) => matcher.names[m.target]);
  assert.deepEqual(found('Despite China’s objections, US President Trump went ahead.'), [
    'China',
    'US',
  ]);
  assert.deepEqual(
    found('Let us see whether china plates from the South China Sea reach Washington.'),
    ['Washington'],
  );
  assert.deepEqual(found('The Washington Post reported it.'), []);
  assert.deepEqual(found('WASHINGTON — The talks resumed.'), [], 'a dateline');
  assert.deepEqual(
    articlePlaces(
      [tokenize('The White House and Beijing spoke.')],
      ['the white house', 'white house', 'beijing'],
    ),
    ['White House', 'Beijing'],
  );
});

test('codebook actors are targets by name and alias, one target each; a shared surname goes to the one named last', () => {
  const china = createAnalyzer({ codebook: 'us-china' }).analyze(
    'China’s Xi Jinping met the envoy on Monday.\n\nXi said the talks were useful.\n\nPresident Xi smiled.\n',
  );
  assert.deepEqual(
    china.segments.map((s) => s.targets.map((t) => china.targets[t.target]).sort()),
    [['China', 'Xi Jinping'], ['Xi Jinping'], ['Xi Jinping']],
  );
  const korea = createAnalyzer({ codebook: 'us-north-korea' }).analyze(
    'Kim Jong Un arrived.\n\nKim smiled.\n\nTony Kim, a teacher, was freed.\n\nKim cried.\n',
  );
  const about = korea.segments.map((s) => s.targets.map((t) => korea.targets[t.target]));
  assert.deepEqual(about, [['Kim Jong Un'], ['Kim Jong Un'], ['Tony Kim'], ['Tony Kim']]);
  // "Kim" alone, in a story about Tony Kim, does not bring in Kim Jong Un.
  const other = createAnalyzer({ codebook: 'us-north-korea' }).analyze(
    'Tony Kim, a teacher, was freed on Monday.\n\nKim thanked his family.\n',
  );
  assert.deepEqual(other.targets, ['Tony Kim']);
});

test('a pronoun or adjective after a given name is a surname ("Liu He", "David French"), not alone', () => {
  const names = articleNames(
    [
      'Chinese Vice Premier Liu He will lead the delegation.',
      'Liu He told reporters the talks went well.',
      '“It is wrong,” said David French, a lobbyist.',
      'David French spoke again.',
      'North Korean officials were not there.',
      'Korean diplomats said nothing.',
      'Despite China raising tariffs, the talks went on.',
    ].map((s) => tokenize(s)),
    [],
  );
  assert.deepEqual(names.sort(), ['David French', 'Liu He']);
  const matcher = new TargetMatcher(['Liu He', 'David French']);
  assert.deepEqual(matcher.mentions(tokenize('He said French officials agreed.')), []);
});

test('a possessive ends a name, a party word or hyphenated title starts none, a glued word loses', () => {
  const names = articleNames(
    [
      'It wiped out Boris Johnson’s Commons majority.',
      'Johnson lost.',
      'What was unexpected was Tory Phillip Lee’s defection.',
      'Lee left.',
      'Nigel Farage’s Brexit Party polled well.',
      'Farage smiled.',
      'The U.N. Secretary-General Jens Stoltenberg spoke.',
      'Stoltenberg left.',
      'East Surrey Philip Hammond, Runnymede Stephen Hammond.',
      'Philip Hammond spoke.',
      'Philip Hammond left.',
    ].map((s) => tokenize(s)),
    [],
  );
  assert.deepEqual(names.sort(), [
    'Boris Johnson',
    'Jens Stoltenberg',
    'Nigel Farage',
    'Philip Hammond',
    'Phillip Lee',
  ]);
});

test("a codebook's place and actor matchers, made once, find what its lists find", () => {
  const codebook = loadCodebook('us-china');
  const text = [
    'China’s Xi Jinping met Secretary of State Antony Blinken in Beijing.',
    'Blinken told the White House that Xi was open to talks.',
    'Hook said the Chinese side agreed; Burns, the ambassador, was not there.',
  ].map((s) => tokenize(s));
  const metonyms = [...codebook.actors.sides.metonyms.keys()];
  const places = articlePlaces(text, metonyms);
  assert.deepEqual(places, ['China', 'Beijing', 'White House']);
  assert.deepEqual(articlePlaces(text, placeMatcher(metonyms)), places);
  const surnames = new Set(['burns']);
  const actors = articleActors(text, codebook.actors.actors, surnames);
  assert.ok(actors.some((a) => a.name === 'Xi Jinping'));
  assert.deepEqual(articleActors(text, actorMatcher(codebook.actors.actors), surnames), actors);
  // The same matchers serve every article: a second text gets its own answer.
  const other = [tokenize('Moscow and Washington spoke.')];
  assert.deepEqual(articlePlaces(other, placeMatcher(metonyms)), articlePlaces(other, metonyms));
});

test('whether a word starts a name is remembered by its text and norm together', () => {
  // A title word cannot start a name; the same text with another norm is asked afresh.
  const title = tokenize('Secretary')[0]!;
  assert.equal(notNameStart(title), true);
  assert.equal(notNameStart({ ...title, norm: 'zzz' }), false);
  assert.equal(notNameStart(title), true);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreExpectation } from '../../../analysis/scoring/expectation.js';
import { loadLexicons } from '../../../analysis/scoring/lexicon.js';
import { analyzeScope } from '../../../analysis/scoring/scope.js';
import { tokenize } from '../../../analysis/segmentation/tokens.js';

const lexicons = loadLexicons();
const expect = (text: string) =>
  scoreExpectation(analyzeScope(tokenize(text), lexicons), 0, lexicons).expectation;
const label = (text: string) => expect(text).label;

test('a negated outcome lowers, even when the negator is far from it in the clause', () => {
  assert.equal(
    label("We're not going to Beijing with the intent of having some sort of breakthrough."),
    'lowers',
  );
  assert.equal(expect('No breakthrough is expected.').move, 'no-breakthrough');
});

test('negation does not cross a clause boundary', () => {
  // "not" belongs to the first clause; the breakthrough clause is under a modal instead.
  assert.equal(
    label('The talks were not easy, but the visit could still lead to a breakthrough.'),
    'raises',
  );
});

test('"unlikely to" + an outcome or a positive prospect lowers', () => {
  assert.equal(
    label(
      "Blinken's trip is unlikely to produce major breakthroughs or to dramatically alter the trajectory of the relationship.",
    ),
    'lowers',
  );
  assert.equal(label('One diplomatic visit is unlikely to improve relations.'), 'lowers');
});

test('lowering verbs on expectation nouns, in active and passive voice', () => {
  assert.equal(
    expect('Senior US officials have played down expectations of a reset.').move,
    'tempered',
  );
  assert.equal(label('Both governments have tempered expectations for the visit.'), 'lowers');
  assert.equal(
    label(
      'Expectations for concrete deliverables from this visit have appropriately been set low by both sides.',
    ),
    'lowers',
  );
  assert.equal(label("The goals of Blinken's visit appear to be modest."), 'lowers');
});

test('"exceeded the low expectations" is a realised positive outcome, not a lowering', () => {
  const result = expect('The talks exceeded the low expectations set before the visit.');
  assert.equal(result.label, 'none');
  assert.equal(result.move, 'exceeded');
  assert.ok(result.score > 0);
});

test('"cautiously optimistic" raises, with its own move', () => {
  const result = expect('Analysts are cautiously optimistic that some headway can be made.');
  assert.equal(result.label, 'raises');
  assert.equal(result.move, 'cautious-optimism');
});

test('stakes and attention raise, even as modifiers', () => {
  assert.equal(
    label('The stakes could not be higher for Blinken’s visit to China this weekend.'),
    'raises',
  );
  assert.equal(label('US-China tensions: Blinken launches high-stakes talks'), 'raises');
  assert.equal(label('All eyes are on this diplomatic endeavour.'), 'raises');
});

test('a modal positive prospect about the visit raises; negated, it lowers', () => {
  assert.equal(
    label(
      'American officials have expressed hope that the visit might open a more constructive era of diplomacy.',
    ),
    'raises',
  );
  assert.equal(
    label('The White House is not confident it will be able to pull it off on this visit.'),
    'lowers',
  );
});

test('explicit uncertainty is hedged, and it outweighs the prospect it governs', () => {
  assert.equal(
    label("It remains uncertain whether Blinken's visit can lead to a breakthrough."),
    'hedged',
  );
  assert.equal(label('Much will depend on how meetings go on Sunday and early Monday.'), 'hedged');
});

test('the main clause decides over a subordinate clause', () => {
  assert.equal(
    label(
      'Even though there are no clear wins ahead, the meetings are likely to serve as significant opportunities.',
    ),
    'raises',
  );
});

test('agenda items and facts are none', () => {
  assert.equal(
    label('Blinken will raise fentanyl and the detention of American citizens.'),
    'none',
  );
  assert.equal(label('China is expected to raise a litany of grievances.'), 'none');
  assert.equal(label('In May, Sullivan met with Wang Yi in Vienna.'), 'none');
});

test('a question posed by the writer sets no expectation', () => {
  assert.equal(label('What are the stakes of Blinken’s trip?'), 'none');
});

test('equal lowering and raising make the sentence two-sided', () => {
  const result = expect('We prepare for the worst and hope for the best.');
  assert.equal(result.label, 'hedged');
  assert.equal(result.move, 'two-sided');
});

test('a denied change under a modal lowers; without an object it says nothing', () => {
  assert.equal(label('And it will not alter some of the underlying problems.'), 'lowers');
  assert.equal(label('The summit will not resolve the dispute over tariffs.'), 'lowers');
  assert.equal(label('Officials said the filing rules will not change.'), 'none');
});

test('"unlikely to" + any verb lowers when the sentence names the visit or talks', () => {
  assert.equal(
    label("One diplomatic visit is unlikely to moderate Beijing's most problematic actions."),
    'lowers',
  );
  // No target: a forecast about something else sets no expectation of the event.
  assert.equal(label('The senator is unlikely to attend the fundraiser.'), 'none');
  // What is unlikely is itself bad: not a lowering.
  assert.notEqual(label('The talks are unlikely to collapse.'), 'lowers');
});

test('fear or concern about what is coming lowers', () => {
  assert.equal(
    label('The stance raised concerns that the meetings could end up being more antagonistic.'),
    'lowers',
  );
  assert.equal(label('Some diplomats voiced doubts that the talks would achieve much.'), 'lowers');
  // Doubt about a fact is not a forecast.
  assert.equal(label('He has doubts about whether the memo was authentic.'), 'none');
});

test('predicted setbacks: harm verbs need a target, averted risks are not predicted', () => {
  assert.equal(label('The dispute could overshadow the talks.'), 'lowers');
  assert.equal(label('The bill would undermine the integrity of elections.'), 'none');
  assert.equal(
    label('Both sides want channels that can reduce the risk of a downward spiral.'),
    'none',
  );
});

test('predicative doubt on an outcome lowers only when it looks ahead', () => {
  assert.equal(label('A breakthrough on trade is unlikely.'), 'lowers');
  assert.equal(label('The prospects for a deal remain dim.'), 'lowers');
  assert.equal(label('The results of the visit were modest.'), 'none');
});

test('historical analogy and difficulty idioms lower', () => {
  assert.equal(
    label('If history is any guide, the talks will end in finger-pointing over human rights.'),
    'lowers',
  );
  assert.equal(label('Secretary Blinken has his work cut out for him.'), 'lowers');
  assert.equal(label('Few expect the meeting to change much.'), 'lowers');
});

test('"not even clear" leans pessimistic; "not clear whether" stays hedged', () => {
  assert.equal(label("It's not even clear if the channels will be reopened."), 'lowers');
  assert.equal(label('It is not clear whether the channels will be reopened.'), 'hedged');
});

test('stakes: a test of whether the visit succeeds raises', () => {
  assert.equal(
    label('It will also be an important test of whether sustained diplomacy is possible.'),
    'raises',
  );
  assert.equal(label('Blinken’s visit should set in motion a process toward stability.'), 'raises');
});

test('after the talks, significance and acclaim raise, failure lowers (docs/method.md §1)', () => {
  assert.equal(
    expect('The two governments signed a landmark accord on Friday.').move,
    'significance',
  );
  assert.equal(label('Ministers from both countries praised the agreement.'), 'raises');
  assert.equal(expect('The talks collapsed on Tuesday after two days.').move, 'failure');
  assert.equal(label('The two sides have yet to make progress on tariffs.'), 'lowers');
  // A negated praise plays the outcome down.
  assert.equal(label('This is hardly a good deal for workers.'), 'lowers');
});

test('an evaluation counts only when the sentence names the talks or their outcome', () => {
  assert.equal(label('The river reached a historic high this spring.'), 'none');
  // "came away empty-handed" judges an outcome by itself.
  assert.equal(label('The envoy came away empty-handed.'), 'lowers');
  // A plain account of what was agreed, and a side's own wishes, are none.
  assert.equal(label('The two sides agreed to resume direct flights.'), 'none');
  assert.equal(
    label('We want to stop the downward spiral in relations, the minister said.'),
    'none',
  );
});

test('significance yields to a lowering main clause', () => {
  assert.equal(
    label('The historic agreement now faces fierce opposition from lawmakers.'),
    'lowers',
  );
});

test('appraisal words judge the talks next to them or as their predicate', () => {
  assert.equal(label('Both delegations called it a very good meeting.'), 'raises');
  assert.equal(label('The meeting with the foreign minister was extraordinary.'), 'raises');
  assert.equal(label('A good harvest helped farmers, the minister said before the talks.'), 'none');
  // Acclaim under a modal forecasts success, whatever "it" is.
  assert.equal(label('I think it will be very successful.'), 'raises');
});

test('hope the noun leans up; hope the verb is a wish; tempered hopes lower', () => {
  assert.equal(expect('Markets rose amid hopes of a trade deal.').move, 'hope');
  assert.equal(label('I hope they call me, she said about the talks.'), 'none');
  assert.equal(
    label('Hopes for a settlement, however, remain tempered by years of failure.'),
    'lowers',
  );
});

test('reaching a deal under a modal raises; a setback denied reassures', () => {
  assert.equal(label('We are going to make a deal, the president said.'), 'raises');
  assert.equal(expect('The dispute is unlikely to derail the talks.').move, 'setback-unlikely');
});

test('a question weighing two verdicts on the talks is hedged', () => {
  assert.equal(expect('Is the accord a breakthrough or a trap?').move, 'either-or');
});

test('"only" cuts praise down to size', () => {
  assert.equal(label('The summit produced a historic handshake.'), 'raises');
  assert.equal(
    expect('The summit produced only a small step toward a better future.').move,
    'only',
  );
});

test('a verdict on earlier talks, dated or called previous, says nothing about these', () => {
  assert.equal(label('The landmark deal was signed in Vienna today.'), 'raises');
  assert.equal(label('He has already pulled out of the landmark 2015 nuclear deal.'), 'none');
  assert.equal(label('Envoys who took part in failed previous negotiations were there.'), 'none');
  assert.equal(label('The two sides resume talks that collapsed in May.'), 'none');
  assert.equal(label("He recalled last year's historic summit."), 'none');
});

test('more meetings in prospect raise; none to come do not', () => {
  assert.equal(expect('Both governments said further meetings could follow.').move, 'more-talks');
  assert.equal(expect('Officials expect more meetings in both capitals.').move, 'more-talks');
  assert.notEqual(label('There will be no further talks this year.'), 'raises');
  assert.equal(label('More talks took place on Tuesday.'), 'none');
  assert.equal(label('Further talks could collapse, officials fear.'), 'lowers');
});

test('a prospect the talks or their outcome offer now raises like one under a modal', () => {
  assert.equal(expect('The agreement opens a path to peace, the minister said.').move, 'prospect');
  assert.equal(label('The new mall offers an opportunity for shoppers.'), 'none');
});

test('a verdict on "it" or "they" refers back to the talks the article is about', () => {
  assert.equal(
    label('Opponents said they would fight what they called a historic surrender.'),
    'lowers',
  );
  // Without a pronoun or the talks named, the verdict judges something else.
  assert.equal(label('The river reached a historic high this spring.'), 'none');
});

test('discord, questions left open and a long road ahead lower; wanting the outcome raises', () => {
  assert.equal(label('Pyongyang accused Washington of bad faith in the talks.'), 'lowers');
  assert.equal(label('The deal left unanswered questions about inspections.'), 'lowers');
  assert.equal(label('Reaching the goals could take months, if not years.'), 'lowers');
  assert.equal(label('“It is just a first step,” she said.'), 'lowers');
  assert.equal(label('“They want to make a deal,” he said.'), 'raises');
  // "accused" judges the talks only when the sentence is about them.
  assert.equal(label('The mayor was accused of fraud.'), 'none');
});

test('a verdict right after a sentence naming the talks judges them', () => {
  const verdict = 'The world has lost a great opportunity for lasting peace.';
  const scoreAfter = (talksJustNamed: boolean) =>
    scoreExpectation(analyzeScope(tokenize(verdict), lexicons), 0, lexicons, { talksJustNamed })
      .expectation.label;
  // Alone it could judge anything; after "the summit will not take place" it judges the summit.
  assert.equal(scoreAfter(false), 'none');
  assert.equal(scoreAfter(true), 'lowers');
});

test('a denied attitude of doubt leans up; a denied long phrase says nothing', () => {
  assert.equal(label('“I would not say I am pessimistic about the talks,” he said.'), 'raises');
  assert.equal(expect('The envoy was not skeptical about the summit.').move, 'negated-pessimism');
  assert.equal(label('The envoy was skeptical about the summit.'), 'lowers');
});

test('an outcome predicated as possible raises, denied lowers; a possibility before it does not count', () => {
  assert.equal(expect('Leaders meet again; trade deal possible').move, 'possible');
  assert.equal(label('An accord is now within sight, the mediator said.'), 'raises');
  assert.equal(label('A deal is not possible this year, diplomats said.'), 'lowers');
  assert.equal(label('It is possible the agreement will cover fishing rights.'), 'none');
});

test('an intensified testing time stakes the talks; an adjective on something else does not', () => {
  assert.equal(label('The envoy faces a supreme test at the summit next week.'), 'raises');
  assert.equal(expect('It is a big week for relations between the two capitals.').move, 'stakes');
  assert.equal(label('The army staged a big missile test before the summit.'), 'none');
  // Not about the talks: a big day for a shop says nothing of them.
  assert.equal(label('Saturday was a big day for the bakery.'), 'none');
});

test('what a reporter asks is not asserted; "too early to say" and its kin are uncertain', () => {
  assert.equal(
    label('Asked if she was optimistic about a deal, the minister said nothing.'),
    'none',
  );
  assert.equal(
    label('Asked whether the talks would succeed, the envoy said: “It is too soon to know.”'),
    'hedged',
  );
  // The answer outside the question still counts.
  assert.equal(label('Asked about the summit, he said he was hopeful.'), 'raises');
  assert.equal(label('It is difficult to get a read on how the meetings might go.'), 'hedged');
});

test('talks said to advance raise, a condition does not; claimed progress raises, work left lowers', () => {
  assert.equal(expect('Both sides eased sanctions as the negotiations advance.').move, 'advancing');
  assert.equal(label('Tariffs will fall if the talks progress, an aide said.'), 'none');
  assert.equal(label('The negotiators made some progress in the talks.'), 'raises');
  assert.equal(label('The talks made little progress.'), 'lowers');
  assert.equal(label('Envoy says made progress on trade, more work needed'), 'hedged');
  // After "but" the main clause decides.
  assert.equal(label('The envoy said he had made progress, but more work is needed.'), 'lowers');
});

test('talks said not to come about lower; an infinitive of choice about something else does not', () => {
  assert.equal(
    expect('The president wrote that the summit will not take place.').move,
    'not-happening',
  );
  assert.equal(label('“We hoped for an accord and were sad when it did not happen.”'), 'lowers');
  assert.equal(label('The summit will take place in June.'), 'none');
  assert.equal(label('At the meeting he agreed not to proceed with new tariffs.'), 'none');
});

test('plural visits, trips and summits are what an expectation is about, like the singular', () => {
  assert.equal(
    expect('“We expect more visits in the months ahead,” the envoy said.').move,
    'more-talks',
  );
  assert.equal(label('Further summits could follow this year.'), 'raises');
});

test('weight with a degree adjective stakes the talks; bode and spell forecast the way they say', () => {
  assert.equal(
    expect('The envoy’s trip holds considerable weight for both capitals.').move,
    'stakes',
  );
  assert.equal(label('Her remarks carried great weight with voters.'), 'none');
  assert.equal(label('The quarrel spells trouble for the summit.'), 'lowers');
  assert.equal(label('The warm words bode well for the talks.'), 'raises');
  assert.equal(label('The walkout does not bode well for the negotiations.'), 'lowers');
});

test('not coming about needs the talks as subject, and not a condition, a one-off or another subject', () => {
  assert.equal(label('The envoy said the chance for a summit won’t happen again.'), 'none');
  assert.equal(label('“If the summit doesn’t happen, we come out fine,” he said.'), 'none');
  assert.equal(
    label('After the talks, he said such an insult wouldn’t happen on his watch.'),
    'none',
  );
  assert.equal(label('The summit, for the good of both parties, will not take place.'), 'lowers');
});

// Issue 12, seventh round: constructions written from half A of allsides-more.
const scored = (text: string, talksJustNamed = false) =>
  scoreExpectation(analyzeScope(tokenize(text), lexicons), 0, lexicons, { talksJustNamed });
const cue = (text: string, talksJustNamed = false) =>
  scored(text, talksJustNamed).cueHits.map((h) => `${h.category}:${h.entry}`);

test('a worry about the talks raised, voiced or lingering lowers; allayed, it raises', () => {
  assert.equal(label('The planned summit raises anxiety among lawmakers in Tokyo.'), 'lowers');
  assert.deepEqual(cue('The planned summit raises anxiety among lawmakers in Tokyo.'), [
    'apprehension:anxiety',
  ]);
  assert.equal(label('Doubts about the accord remain among senior diplomats.'), 'lowers');
  assert.equal(label('Several senators voiced misgivings about the negotiations.'), 'lowers');
  assert.equal(label('The envoy sought to ease concerns over the summit.'), 'raises');
  assert.deepEqual(cue('The envoy sought to ease concerns over the summit.'), [
    'reassured:concerns',
  ]);
  // Not about the talks, or denied: nothing.
  assert.equal(label('Farmers voiced concern about the price of feed.'), 'none');
  assert.equal(label('The minister raised no concerns about the meeting.'), 'none');
});

test('a worry right after the talks were named is about them', () => {
  const text = 'Some lawmakers are expressing caution on the matter.';
  assert.equal(scored(text, true).expectation.label, 'lowers');
  assert.equal(scored('Some lawmakers are expressing alarm.', false).expectation.label, 'none');
});

test('an obstacle to the talks cleared raises', () => {
  const text = 'The release of the prisoners clears an obstacle to direct talks.';
  assert.equal(label(text), 'raises');
  assert.deepEqual(cue(text), ['obstacle-cleared:obstacle']);
  assert.equal(label('Engineers cleared an obstacle from the runway.'), 'none');
});

test('"few" or "nobody" counting on the talks lowers', () => {
  const text = 'Few diplomats are counting on the summit to produce a treaty.';
  assert.equal(label(text), 'lowers');
  assert.ok(cue(text).includes('not-expected:counting on'));
});

test('attention paid to the talks stakes them, unless they were called off', () => {
  assert.equal(
    expect('The much-anticipated summit opens in Hanoi on Wednesday.').move,
    'attention',
  );
  assert.equal(label('The president canceled the much-anticipated summit.'), 'none');
});

test('a chance that will not come again, a last-ditch push: urgency stakes the talks', () => {
  assert.equal(
    expect('This is a once-in-a-lifetime opportunity for the two leaders.').move,
    'stakes',
  );
  assert.equal(label('Ministers gathered in Vienna for a last-ditch push on the talks.'), 'raises');
});

test('a first-ever meeting is significant', () => {
  const text = 'It would be the first-ever meeting between the two leaders.';
  assert.equal(label(text), 'raises');
  assert.deepEqual(cue(text), ['significance:first-ever']);
});

test('a plain appraisal under a modal forecasts when the talks were just named', () => {
  const text = 'It will certainly be an exciting day.';
  assert.equal(scored(text, true).expectation.label, 'raises');
  assert.equal(scored(text, false).expectation.label, 'none');
  assert.equal(label('I think it will all work out very well for the talks.'), 'raises');
});

test('wariness about the talks lowers; cautious hope raises', () => {
  const text = 'Lawmakers urged the administration to approach the summit cautiously.';
  assert.equal(label(text), 'lowers');
  assert.deepEqual(cue(text), ['caution:cautiously']);
  assert.equal(label('Banks remain wary of lending to small firms.'), 'none');
  assert.equal(
    expect('Diplomats expressed cautious hope about the talks.').move,
    'cautious-optimism',
  );
});

test('uncertainty said to linger and a wait-and-see are uncertain', () => {
  assert.equal(label('Uncertainty still abounds over the talks.'), 'hedged');
  assert.equal(label('“We’ll have to see what happens at the summit,” he said.'), 'hedged');
});

test('talking up the deal raises; little success lowers; negotiating is what is expected', () => {
  assert.equal(expect('Officials talked up the agreement on Friday.').move, 'acclaim');
  assert.equal(label('The envoys had little success in the talks.'), 'lowers');
  assert.equal(
    label('He expects the new minister will help Athens negotiate better terms.'),
    'raises',
  );
});

test('an outcome still far off and doubters of the talks lower', () => {
  const text = 'A final peace treaty remains a long way off, diplomats said.';
  assert.equal(label(text), 'lowers');
  assert.deepEqual(cue(text), ['pessimism:a long way off']);
  assert.equal(label('Skeptics say the summit will change little.'), 'lowers');
});

test('a modal in a relative clause says what a deal would do, not whether it comes', () => {
  assert.equal(
    label(
      'After two weeks of talks, the negotiators agreed on the outline of a deal which would let the ships leave port.',
    ),
    'none',
  );
  assert.equal(
    label('After two weeks of talks, they settled the terms of an accord that would cut tariffs.'),
    'none',
  );
  // A modal right after the outcome, or before it, still forecasts it.
  assert.equal(label('After two weeks of talks, a deal could come within days.'), 'raises');
  assert.equal(
    label('After two weeks of talks, the negotiators could reach a deal that cuts tariffs.'),
    'raises',
  );
});

test('an outcome denied under a condition is a hypothesis, not a lowering', () => {
  assert.equal(label('Markets will tumble if there is no deal by Friday.'), 'none');
  assert.equal(
    label('The tariffs rise on Monday if he cannot strike an agreement with Beijing.'),
    'none',
  );
  // Without the condition, the same denials lower.
  assert.equal(label('There is no deal yet, officials said.'), 'lowers');
  assert.equal(label('He cannot strike an agreement with Beijing.'), 'lowers');
});

test('criticism of something other than the talks, named right after it, says nothing', () => {
  assert.equal(
    label('At the talks in Geneva, the president brushed off criticism of his tax plan.'),
    'none',
  );
  assert.equal(
    label('The summit opened amid a barrage of criticism over the budget cuts.'),
    'none',
  );
  // Criticism of the deal itself still lowers.
  assert.equal(
    expect('At the talks in Geneva, senators voiced criticism of the deal.').move,
    'criticism',
  );
});

test('"it is unlikely (that) …" doubts the forecast of the clause after it', () => {
  assert.equal(label('It is unlikely that the talks will produce a breakthrough.'), 'lowers');
  assert.equal(label('It’s unlikely the talks will yield a deal.'), 'lowers');
  assert.equal(label('It now seems highly unlikely the summit will succeed.'), 'lowers');
  // Without the doubt, the same forecast raises; a likely one still does.
  assert.equal(label('The talks will yield a deal.'), 'raises');
  assert.equal(label('It is likely the talks will yield a deal.'), 'raises');
});

test('an extraposed doubt governs its own clause, not one after "but", "while" or a semicolon', () => {
  assert.equal(
    label(
      'It is unlikely that sanctions will be lifted soon, but the talks will produce a breakthrough.',
    ),
    'raises',
  );
  assert.equal(
    label('It is unlikely that it will snow; the talks will produce a breakthrough.'),
    'raises',
  );
  // A comma inside the doubted clause does not end it, nor a parenthetical "however".
  assert.equal(
    label('It is unlikely, however, that the talks will produce a breakthrough.'),
    'lowers',
  );
  assert.equal(
    label('It is unlikely that the talks, which open Monday, will produce a breakthrough.'),
    'lowers',
  );
});

test('confidence that something will come about raises; a confident bearing does not', () => {
  assert.equal(
    label("I'm confident we will reach some kind of an arrangement, Reid said."),
    'raises',
  );
  assert.equal(label('He was confident Congress can avoid a shutdown.'), 'raises');
  assert.equal(label('I approached him, confident he had something to say.'), 'none');
});

test('talks that could not reach agreement, or ended without it, lower', () => {
  assert.equal(label('The talks concluded without an agreement.'), 'lowers');
  assert.equal(label('The two sides have struggled to reach a bipartisan deal.'), 'lowers');
  assert.equal(
    label('They had hoped to avoid the cuts but could not come to a consensus.'),
    'lowers',
  );
  assert.equal(label('We are unable to reach such a judgment.'), 'none');
});

test('getting closer to a deal and a good start to the talks raise', () => {
  assert.equal(
    label('The United States has gotten closer to reaching a deal with the Taliban.'),
    'raises',
  );
  assert.equal(label('Trump said his meeting with Putin was "a good start".'), 'raises');
  assert.equal(label('The announcement only reinforced this expectation.'), 'raises');
});

test('a measure forecast to pass raises; one without the votes lowers', () => {
  assert.equal(label('The new trade agreement is expected to pass both chambers.'), 'raises');
  assert.equal(
    label('One U.S. official said he expects the deal to be approved Saturday.'),
    'raises',
  );
  assert.equal(label('The bill still did not have enough votes to pass.'), 'lowers');
  assert.equal(label('Congress lacks the votes to override him.'), 'lowers');
});

test('an outcome said to be unknowable or up in the air is uncertain, arms in the air are not', () => {
  assert.equal(
    label('The outcome of the meeting, if it occurs, is unknowable at this time.'),
    'hedged',
  );
  assert.equal(label('Indeed, anything could happen with this president.'), 'hedged');
  assert.equal(label("The prime minister's future remained up in the air."), 'hedged');
  assert.equal(
    label('Rebels gave conflicting answers about whether they would keep a cease-fire.'),
    'hedged',
  );
  assert.equal(label('People at home were throwing their arms up in the air.'), 'none');
});

test('what the deal did not deliver lowers; a prospect not about the talks says nothing', () => {
  assert.equal(label('The deal didn\u2019t bring peace, and it never will.'), 'lowers');
  assert.equal(label('The Paris climate deal isn\u2019t guaranteed to succeed.'), 'lowers');
  assert.equal(label('The new coach did not help the team.'), 'none');
  assert.equal(label('If the deal does not bring peace, we will leave.'), 'none');
});

test('a deal condemned as one-sided, defective or disastrous lowers', () => {
  assert.equal(
    label('This was a horrible one-sided deal that should never have been made.'),
    'lowers',
  );
  assert.equal(label('The Iran deal is defective at its core.'), 'lowers');
  assert.equal(label('Obama described the move as a "serious mistake" for the deal.'), 'lowers');
});

test('an appraisal in quotation marks is still the predicate of the talks', () => {
  assert.equal(
    label('Pompeo said his recent talks with Kim were \u201cwarm\u201d and substantive.'),
    'raises',
  );
  assert.equal(
    label('He said the logistics for the meeting are \u201cgoing very well.\u201d'),
    'raises',
  );
});

test('tensions forecast to calm between the two sides raise; calming tensions elsewhere does not', () => {
  assert.equal(
    label('Liu He said he hoped both countries could \u201ccalm\u201d tensions.'),
    'raises',
  );
  assert.equal(
    label('By signing a declaration, both sides will reduce tensions with one another.'),
    'raises',
  );
  assert.equal(
    label('The mayor said it would take time to de-escalate the tensions with police.'),
    'none',
  );
});

test('an obstacle lowers only in the way of the talks or their outcome', () => {
  assert.equal(
    label('Trump\u2019s credibility has become a key obstacle for China to reach a lasting deal.'),
    'lowers',
  );
  assert.equal(
    label("It's hard to negotiate when the president says one thing, he said."),
    'lowers',
  );
  assert.equal(label('But the ruling is a major hurdle for the president.'), 'none');
});

test('closing in on a deal with a modifier before "deal" raises', () => {
  assert.equal(
    label('The two countries move toward a broader trade deal, an official said.'),
    'raises',
  );
  assert.equal(label('The talks move the needle closer to a peace deal.'), 'raises');
});

test('"win", "deal" or "accord" as a verb, and "No Deal" as a name, deny no outcome', () => {
  assert.equal(
    label('But President Obama isn\u2019t going to win Texas or South Carolina.'),
    'none',
  );
  assert.equal(
    label("He said the U.S. didn't have a strategy to deal with ISIS in Syria."),
    'none',
  );
  assert.equal(label('Rebels want a law to rule out No Deal before the election.'), 'none');
  // The nouns still count: a deal denied lowers, in a title-case headline too.
  assert.equal(label('The talks ended with no deal on Saturday.'), 'lowers');
  assert.equal(label('Iran Talks End With No Deal'), 'lowers');
  assert.equal(label('Officials do not expect a win for either side.'), 'lowers');
});

test('a failure that has lasted decades is the past, not the talks\u2019 prospect', () => {
  assert.equal(
    label(
      'The two leaders vowed to pursue a peace treaty formally ending the Korean war after a more than 60-year stalemate.',
    ),
    'none',
  );
  assert.equal(label('The talks ended in stalemate on Friday.'), 'lowers');
});

test('the weight of talks called off is background, not a build-up', () => {
  assert.equal(label('Trump calls off historic meeting with Kim Jong Un'), 'none');
  assert.equal(
    label("Eight days after canceling the unprecedented summit, Trump met North Korea's envoy."),
    'none',
  );
  // "off" after another verb calls nothing off.
  assert.equal(label('The two leaders hit it off at the historic summit.'), 'raises');
});

test('what a war ended without is history, not a denied outcome of the talks', () => {
  assert.equal(
    label('The Korean War ended in 1953 with a truce, not a peace treaty, officials noted.'),
    'none',
  );
  assert.equal(label('The talks ended without a peace treaty.'), 'lowers');
});

test('cues mined from unlabelled corpus text (issue 12, exp17): dashed hopes, cold water, anyone’s guess', () => {
  // "dashed" is a lowering verb on an expectation noun, before it or as its predicate.
  assert.equal(
    expect('The renewed exchanges have dashed hopes for a lasting truce.').move,
    'tempered',
  );
  assert.equal(label('Hopes of reaching agreement on the treaty were dashed last July.'), 'lowers');
  // Without an expectation noun it sets nothing ("dashed back to vote").
  assert.equal(label('Several senators dashed back from New Hampshire to vote.'), 'none');
  assert.equal(
    label('Reid splashed cold water on the prospects of reaching a budget deal by Christmas.'),
    'lowers',
  );
  assert.equal(label('Where a final deal ends up is anyone’s guess.'), 'hedged');
});

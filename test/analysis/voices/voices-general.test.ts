import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_ACTORS } from '../../../analysis/codebooks/codebook.js';
import type { Segment } from '../../../analysis/types.js';
import { attributeVoices } from '../../../analysis/voices/voices.js';
import { voicesOf } from './paragraphs.js';
import { createAnalyzer } from '../../../analysis/pipeline.js';

// Mechanisms that recur across outlets (issue 12, second round): news organisations as
// conduits, opening participles, names that look like adverbs or bodies, names followed
// by "of <place>". The sentences are short ones written for these tests; each inner array
// is one paragraph.
const voices = voicesOf;

test('a news organisation reporting beside a named source is the conduit, not the speaker', () => {
  const v = voices([
    ['Deputy Minister Lena Holm issued a statement saying the offer stood, Reuters reported.'],
    ['The rebels have withdrawn from the town, the Associated Press reported.'],
  ]);
  assert.equal(v[0]!.name, 'Lena Holm');
  // With no other source the organisation is still credited.
  assert.equal(v[1]!.name, 'Associated Press');
});

test('a newspaper writing an editorial is the speaker', () => {
  const [v] = voices([
    ['The candidate is “careful and shrewd,” the newspaper wrote, praising her.'],
  ]);
  assert.equal(v!.name, 'newspaper');
});

test('an opening participle takes the main clause subject as its source', () => {
  const v = voices([
    ['Speaking to reporters on Monday, Senator Ann Ruiz called the plan a mistake.'],
    ['Speaking of which, the plan failed.'],
    ['While predicting a close vote, the senator said the bill would pass.'],
  ]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'Ann Ruiz', side: 'us_gov' });
  assert.equal(v[1]!.quote, 'none');
  assert.equal(v[2]!.name, 'Ann Ruiz');
});

test('a capitalised name ending in -ly is not skipped as an adverb', () => {
  const v = voices([['Mr. Kelly said the state was close.'], ['Publicly, officials said no.']]);
  assert.equal(v[0]!.name, 'Kelly');
  assert.equal(v[1]!.name, 'officials');
});

test('"add to" is not a speech verb', () => {
  const [v] = voices([['Adding to the confusion, the mayor projected indifference.']]);
  assert.equal(v!.quote, 'none');
});

test('"Sen. X of <state>" indexes the person, whose later surname gets the side', () => {
  const v = voices([
    ['The bill was written by Democratic Sen. Robert Lane of New Jersey and two colleagues.'],
    ['Lane said the vote would come in June.'],
  ]);
  assert.deepEqual(v[1], { quote: 'indirect', name: 'Robert Lane', side: 'us_gov' });
});

test('a surname that also names a body is a person after a personal title', () => {
  const v = voices([
    ['Former President Vicente Fox spoke in Mexico City on Monday.'],
    ['Fox, however, is not worried.'],
    ['“The wall will never be paid for,” he said.'],
  ]);
  assert.equal(v[2]!.name, 'Vicente Fox');
});

test('a headline "Name: claim" quotes a person the article names; a topic label does not', () => {
  const text =
    'Ruiz: Senate to vote on the budget next week\nSenator Ann Ruiz said on Monday that the vote was set.\nBudget Fight: What comes next for the city';
  const lines = text.split('\n');
  let at = 0;
  const segments: Segment[] = lines.map((line, paragraph) => {
    const start = at;
    at += line.length + 1;
    const kind = paragraph === 1 ? 'body' : 'headline';
    return { paragraph, sentence: 0, kind, text: line, start, end: start + line.length };
  });
  const v = attributeVoices(text, segments, NO_ACTORS);
  const [headline, , topic] = v.perSegment;
  assert.equal(headline!.quote, 'direct');
  assert.equal(v.speakers[headline!.speaker!]!.name, 'Ann Ruiz');
  assert.equal(topic!.quote, 'none');
});

test('a bare title before an inverted source is not part of the name', () => {
  const v = voices([
    ['“We hoped for more,” said bus driver Tomas Ortega.'],
    ['“It is a start,” said BBC regional analyst Mira Patel, a former envoy.'],
    ['The offer still stands, said a Trade Ministry spokesman, Li Wen.'],
  ]);
  assert.equal(v[0]!.name, 'Tomas Ortega');
  assert.equal(v[1]!.name, 'Mira Patel');
  assert.equal(v[2]!.name, 'Li Wen');
});

test('"he" after an unnamed spokesman is the spokesman, not a place named earlier', () => {
  const v = voices([
    ['Hours later, Ruritania rejected the plan.'],
    ['“The offer was one-sided,” a Ruritanian foreign ministry spokesman said.'],
    ['He said the other side had made no move.'],
  ]);
  assert.equal(v[2]!.name, v[1]!.name);
});

test('a headline word and the next paragraph’s first word are not one name', () => {
  const v = voices([
    ['Summit sets a high bar for Ortega'],
    ['Bitter rivals agreed on Friday to talk again.'],
    ['Ortega said the talks were useful.'],
  ]);
  assert.equal(v[2]!.name, 'Ortega');
});

test('"X continued" after a quote is a reporting clause; "the talks continued" is not', () => {
  const v = voices([['“They want a deal,” Ortega continued.'], ['The talks continued on Monday.']]);
  assert.equal(v[0]!.name, 'Ortega');
  assert.equal(v[1]!.quote, 'none');
});

test('a description that "continues" a quote is the speaker of the quote before it', () => {
  const v = voices([
    ['“We will not pay for it,” said Governor Ana Ruiz.'],
    ['“Not one cent,” the former mayor continues.'],
    ['“Never,” the statement continued.'],
  ]);
  assert.equal(v[1]!.name, 'Ana Ruiz');
  assert.equal(v[2]!.name, 'Ana Ruiz');
});

test('a person named as the subject before "he" is nearer than an unnamed spokesman before', () => {
  const v = voices([
    ['Senator Tom Reyes spoke on Monday.'],
    ['A campaign aide said “that is a distinction without a difference.”'],
    ['Reyes also hammered the governor for what he called his “utter failure on jobs.”'],
  ]);
  assert.equal(v[1]!.name, 'campaign aide');
  assert.equal(v[2]!.name, 'Tom Reyes');
});

test('"slammed", "touted", "talked up" and "disputed" report a view', () => {
  const v = voices([
    ['Senator Ana Ruiz slammed the deal as a giveaway.'],
    ['Ruiz touted her own plan on Monday.'],
    ['Minister Lee Wong talked up the extension as the best way forward.'],
    ['Spokesman Tan Wei disputed the claim that calls had taken place.'],
  ]);
  assert.deepEqual(
    v.map((s) => s.name),
    ['Ana Ruiz', 'Ana Ruiz', 'Lee Wong', 'Tan Wei'],
  );
});

test('a participle phrase between the name and "said" describes the speaker', () => {
  const v = voices([
    ['Pak Sung, a diplomat, arrived early.'],
    ['“We have waited long for this,” Pak, standing next to Lee, said.'],
    ['Lee, flanked by aides, told reporters the war was over.'],
  ]);
  assert.equal(v[1]!.name, 'Pak Sung');
  assert.equal(v[2]!.name, 'Lee');
});

test('an apposition opening with a bare title gives the role, and a think tank makes an analyst', () => {
  const v = voices([
    [
      '“This is step one of a thousand,” Harry Kim, director of defense studies at the Center for the National Interest, said.',
    ],
    ['“We will see,” Lena Holm, speaking at the State Department, said.'],
  ]);
  assert.deepEqual(v[0], { quote: 'direct', name: 'Harry Kim', side: 'analyst' });
  assert.equal(v[1]!.side, 'other');
});

test('two people as one subject are credited jointly; a person and a body are not', () => {
  const v = voices([
    ['North Korean leader Kim Jong Un met South Korean President Moon Jae-in.'],
    ['Moon and Kim met Friday at the border and vowed to end the war.'],
    ['Mr. Kim and the South’s President Moon Jae-in also vowed to pursue a peace treaty.'],
    ['Moon and Reuters said the talks would go on.'],
  ]);
  assert.deepEqual(v[1], { quote: 'indirect', name: 'Moon Jae-in and Kim Jong Un', side: 'other' });
  assert.equal(v[2]!.name, 'Kim Jong Un and Moon Jae-in');
  assert.equal(v[3]!.name, 'Moon Jae-in');
});

test('a definite description by office is the person just quoted, unless its country differs', () => {
  const v = voices([
    ['“We have waited long,” Pak Sung said.'],
    ['“We should live in unity,” the North Korean leader said.'],
    ['“We will see,” Senator Ana Ruiz said.'],
    ['“Not yet,” the Chinese foreign minister said.'],
  ]);
  assert.equal(v[1]!.name, 'Pak Sung');
  assert.notEqual(v[3]!.name, 'Ana Ruiz');
});

test('a group named with where it is ("negotiators in Vienna") is named without the place', () => {
  const v = voices([
    ['Negotiators in Vienna announced that they had reached an agreement.'],
    ['Critics at home have warned against the deal.'],
    ['Officials in the Trump administration said the talks would go on.'],
  ]);
  assert.equal(v[0]!.name, 'Negotiators');
  assert.equal(v[1]!.name, 'Critics');
  assert.match(v[2]!.name ?? '', /administration/);
});

test('a title-case headline does not make a verb part of a name', () => {
  const v = voices([
    ['Lund Unveils Farm Plan for the Northern Valleys'],
    ['Mr. Lund said the plan would be put to a vote.'],
  ]);
  assert.equal(v[1]!.name, 'Lund');
  // A prose line keeps its full names: "Mr. Lund" is still Erik Lund.
  const w = voices([['Minister Erik Lund arrived on Monday.'], ['Mr. Lund said he was hopeful.']]);
  assert.equal(w[1]!.name, 'Erik Lund');
});

test('a stance adjective in a question put to the source is not its view', () => {
  const v = voices([
    ['Minister Erik Lund met Governor Ana Pell on Monday.'],
    ['Lund said the talks went well.'],
    ['Asked if he was confident, Ms. Pell replied, “It is early.”'],
    ['Ms. Pell was confident of a deal.'],
  ]);
  assert.equal(v[2]!.name, 'Ana Pell');
  assert.equal(v[3]!.name, 'Ana Pell');
});

test('"according to" credits a source that opens with plain words, not a plan', () => {
  const v = voices([
    ['The vote was delayed twice, according to state election officials.'],
    ['Prices fell in May, according to regional trade records.'],
    ['The parade went ahead according to plan.'],
  ]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'state election officials', side: 'other' });
  assert.equal(v[1]!.name, 'regional trade records');
  assert.equal(v[2]!.quote, 'none');
});

test('a sentence-opening conjunction is not part of the source', () => {
  const v = voices([
    ['Since regulators announced the fine, the bank has cut jobs.'],
    ['Although officials said the plan was ready, it failed.'],
  ]);
  assert.equal(v[0]!.name, 'regulators');
  assert.equal(v[1]!.name, 'officials');
});

test('after an opening quotation, a name with a bare apposition before the verb is the source', () => {
  const v = voices([
    [
      '“The lead is smaller than in May,” pollster Bill Ruiz, part of the team that ran the survey, told reporters.',
      '“It can still grow.”',
    ],
    ['“We are ready,” Ann Lee, general counsel to the committee, said in an interview.'],
  ]);
  assert.equal(v[0]!.name, 'Bill Ruiz');
  assert.equal(v[1]!.name, 'Bill Ruiz');
  assert.equal(v[2]!.name, 'Ann Lee');
});

test('a quotation carried over from the sentence before is credited to a name with a bare apposition', () => {
  const v = voices([
    [
      '“The cuts start on Monday.',
      'Nobody here likes them,” Sen. Ann Lee, Ohio Republican, said Thursday.',
      '“We tried.”',
    ],
    ['“It is a good start.', 'It is only a start,” Rep. Bo Park, Iowa Democrat, told reporters.'],
  ]);
  // The second sentence opens inside the quotation; its close and the apposition come before
  // the verb, as in a one-sentence quotation, and the quotation's other sentences follow.
  assert.equal(v[1]!.name, 'Ann Lee');
  assert.equal(v[0]!.name, 'Ann Lee');
  assert.equal(v[2]!.name, 'Ann Lee');
  assert.equal(v[4]!.name, 'Bo Park');
  assert.equal(v[3]!.name, 'Bo Park');
});

test('an "according to" that closes or opens the sentence credits the whole sentence', () => {
  const v = voices([
    ['The two leaders have spoken by phone twice since May, according to the Kremlin.'],
    ['The economy added 90,000 jobs in June, according to the Labor Department.'],
    ['According to a new poll, most voters trust the mayor.'],
    // Someone in the sentence says or tells: the one cited only passed the words on.
    ['Lee told reporters the deal was dead, according to the state news agency.'],
    ['According to Seoul, Kim says he is ready to talk.'],
    // News coverage is a conduit too.
    ['Park stressed that the vote would go ahead, according to a report.'],
    // Inside the sentence "according to" keeps its place after the sentence's own verb.
    ['Officials said that, according to the plan, the talks resume on Monday.'],
  ]);
  assert.equal(v[0]!.name, 'Kremlin');
  assert.equal(v[1]!.name, 'Labor Department');
  assert.equal(v[2]!.name, 'new poll');
  assert.equal(v[3]!.name, 'Lee');
  assert.equal(v[4]!.name, 'Kim');
  assert.equal(v[5]!.name, 'Park');
  assert.equal(v[6]!.name, 'Officials');
});

test('a capitalised opener before a name is not part of the name', () => {
  const v = voices([
    ['Despite Ruiz’s promise, the deal stalled.', '“It is over,” Ruiz said.'],
    ['While Ann Lee was abroad, the vote went ahead.', '“We lost,” Lee said.'],
    ['Senator Bo Park wanted a deal.', 'So Park said he would sign it.'],
  ]);
  assert.equal(v[5]!.name, 'Bo Park');
  assert.equal(v[1]!.name, 'Ruiz');
  assert.equal(v[3]!.name, 'Ann Lee');
});

test('a full name keeps its own given name beside a namesake', () => {
  const v = voices([
    ['Senator Bill Ruiz spoke first.'],
    ['Ana Ruiz wrote that the calls had stopped.'],
    ['“They stopped,” Ruiz said.'],
  ]);
  assert.equal(v[1]!.name, 'Ana Ruiz');
});

test('a sentence opened by "As X reported," credits X', () => {
  const v = voices([
    ['As the Ledger reported Tuesday night, the fund will double its spending.'],
    ['But as Ann Ruiz said, the vote is close.'],
    ['The poll shows a tie even if, as Lee noted at one point, the sample is small.'],
    ['As the crisis deepened, the talks stalled.'],
  ]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'Ledger', side: 'other' });
  assert.equal(v[1]!.name, 'Ann Ruiz');
  // Inside a sentence the clause is an aside: the sentence's own source stays.
  assert.equal(v[2]!.name, 'poll');
  assert.equal(v[3]!.quote, 'none');
});

test('reporting verbs counted in thousands of AllSides articles credit their subject', () => {
  const v = voices([
    ['“We will see what the voters think of it,” Ann Ruiz muttered.'],
    ['Mr. Lee fumed, calling the vote a farce.'],
    ['The minister reaffirmed that the border would stay open.'],
    ['The crowd shouted.'],
  ]);
  assert.equal(v[0]!.name, 'Ann Ruiz');
  assert.equal(v[1]!.name, 'Lee');
  assert.equal(v[2]!.name, 'minister');
  // A verb with a common sense of its own counts only before a quote, "that" or a comma.
  assert.equal(v[3]!.quote, 'none');
});

test('link text pasted after a name is no part of the name', () => {
  const v = voices([
    ['President Ruiz Ana Maria RuizGOP senators balk at the bill was in Ohio.'],
    ['Ruiz said the talks went well.'],
  ]);
  assert.equal(v[1]!.name, 'Ruiz');
});

test('House leaders are on the US government side', () => {
  const v = voices([
    ['House Majority Leader Ken Ruiz said the deal should go to the Senate.'],
    ['House Speaker Ann Lee said the deal was weak.'],
  ]);
  assert.equal(v[0]!.side, 'us_gov');
  assert.equal(v[1]!.side, 'us_gov');
});

test('a middle initial "A." or "I." stays inside the name; an article "A" does not join one', () => {
  const v = voices([
    ['Rep. Lynn A. Westmoreland said the bill was dead.'],
    ['"We are close," said Michael I. Jordan, a negotiator.'],
    ['A Senate aide said the vote would slip.'],
  ]);
  assert.equal(v[0]!.name, 'Lynn A. Westmoreland');
  assert.equal(v[1]!.name, 'Michael I. Jordan');
  assert.equal(v[2]!.name, 'Senate aide');
});

test("a name's lower-case particles stay inside it; an ordinary lower-case word does not join", () => {
  const v = voices([
    ['Mayor Bill de Blasio said the city would pay.'],
    ['Ursula von der Leyen said the talks would resume.'],
    ['Crown Prince Mohammed bin Salman said the deal was good.'],
    ['Talks in Washington de facto ended, officials said.'],
  ]);
  assert.equal(v[0]!.name, 'Bill de Blasio');
  assert.equal(v[1]!.name, 'Ursula von der Leyen');
  assert.equal(v[2]!.name, 'Mohammed bin Salman');
  assert.equal(v[3]!.name, 'officials');
});

test('a surname that is also a title ends a name after a title and a given name', () => {
  const v = voices([
    ['Rep. Steve King said the plan was dead.'],
    ['"We will see," King said.'],
    ['King Salman said the deal was good.'],
  ]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'Steve King', side: 'us_gov' });
  assert.equal(v[1]!.name, 'Steve King');
  assert.equal(v[2]!.name, 'Salman');
});

test('mayors, chancellors, sheriffs and military ranks are titles, not part of the name', () => {
  const v = voices([
    ['Mayor Tom Alder said the city would pay.'],
    ['The mayor said the money was there.'],
    ['Chancellor Ruth Calder said the budget was tight.'],
    ['Lt. Col. Ida Lopes said the unit was ready.'],
  ]);
  assert.equal(v[0]!.name, 'Tom Alder');
  assert.equal(v[1]!.name, 'Tom Alder');
  assert.equal(v[2]!.name, 'Ruth Calder');
  assert.equal(v[3]!.name, 'Ida Lopes');
});

test('after an article and an adjective the speech word is a noun: "a similar note" credits no one', () => {
  const v = voices([
    ['Kasich sounded a similar note, invoking the words of his young daughter.'],
    ['The defiant official said the talks were over.'],
    ['A spokesman said the talks were over.'],
  ]);
  assert.equal(v[0]!.quote, 'none');
  assert.equal(v[1]!.name, 'defiant official');
  assert.equal(v[2]!.name, 'spokesman');
});

test('an adverb, conjunction or verb opening a sentence is no part of the name after it', () => {
  const v = voices([
    ['Whereas Tom Alder once deferred to his aides, he now says what he wants.'],
    ['Alder said he would decide alone.'],
    ['Rob Calder said the bill was dead.'],
  ]);
  assert.equal(v[1]!.name, 'Tom Alder');
  assert.equal(v[2]!.name, 'Rob Calder');
});

test('a video player line names no one: "Alder said" is not the player\'s "Alder ISIS"', () => {
  const text = [
    'Talks resume',
    'JUST WATCHED Alder ISIS strategy Replay More Videos ... MUST WATCH Alder ISIS strategy 02:10',
    'Alder said the plan would take years.',
  ].join('\n\n');
  const result = createAnalyzer().analyze(text);
  const said = result.segments.find((s) => s.text.startsWith('Alder said'))!;
  assert.equal(result.segments[1]!.kind, 'boilerplate');
  assert.equal(result.speakers[said.speaker!]!.name, 'Alder');
});

test('an adjective-only word before a verb that is never a noun is the speaker: "a militant said"', () => {
  const v = voices([
    ['A militant said the group would fight on.'],
    ['The separatist says the region will vote.'],
    ['Kasich struck a similar note, invoking his daughter.'],
    ['One thing may be missing: an actual written accord, signed by both.'],
  ]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'militant', side: 'other' });
  assert.equal(v[1]!.name, 'separatist');
  assert.equal(v[2]!.quote, 'none');
  assert.equal(v[3]!.name, null);
});

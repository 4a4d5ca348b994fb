import { test } from 'node:test';
import assert from 'node:assert/strict';
import { voicesOf } from './paragraphs.js';
import { loadCodebook } from '../../../analysis/codebooks/codebook.js';
import { stateSpeaker } from '../../../analysis/voices/speakers.js';

// Issue 12, twentieth speakers round: sources named by a description the article resolves
// elsewhere, and a state speaking by its capital or bare name. The sentences are written for
// these tests.

const voices = (paragraphs: string[][]) => voicesOf(paragraphs, loadCodebook().actors);

test('a state speaking by its capital or bare name is named as the state', () => {
  assert.equal(stateSpeaker('Washington'), 'US government');
  assert.equal(stateSpeaker('the United States'), 'US government');
  assert.equal(stateSpeaker('Pyongyang'), 'North Korea');
  assert.equal(stateSpeaker('Ottawa'), 'Canada');
  assert.equal(stateSpeaker('Vermont'), null);
  const v = voices([
    ['Washington said the mill broke the deal.'],
    ['The U.S. denies that its plane crossed the border.'],
  ]);
  assert.equal(v[0]!.name, 'US government');
  assert.equal(v[0]!.side, 'us_gov');
  assert.equal(v[1]!.name, 'US government');
  // A name the attribution cut short is no state: "Washington Post".
  const post = voices([['Editorial Board, Washington Post']]);
  assert.notEqual(post[0]?.name, 'US government');
});

test('a definite plural counting people is the people last named together', () => {
  const v = voices([
    ['The freed men -- Lars Holm, Ivo Brand and Tom Mercer -- landed on Friday.'],
    ['The three men issued a statement thanking the mill.'],
  ]);
  assert.equal(v[1]!.name, 'Lars Holm, Ivo Brand and Tom Mercer');
  // A pair is the last people named: another person named since breaks it.
  const pair = voices([
    ['Ana Lind and Dale Orvik said the mill would reopen.'],
    ['A year ago, Ana Lind met Governor Tom Mercer.'],
    ['Then the two leaders said they disagreed.'],
  ]);
  assert.notEqual(pair[2]?.name, 'Ana Lind and Dale Orvik');
  const same = voices([
    ['Ana Lind and Dale Orvik said the mill would reopen.'],
    ['The pair said the deal was done.'],
  ]);
  assert.equal(same[1]!.name, 'Ana Lind and Dale Orvik');
});

test('a definite "the company" is the last speaker the article calls a company', () => {
  const v = voices([
    ['The fate of steel company Orvik has worried investors.'],
    ['Orvik, which employs 7,000 people, has disputed the ban.'],
    ['The company said on Monday that it had halted its mills.'],
  ]);
  assert.equal(v[2]!.name, 'Orvik');
  // A speaker the article never calls a company is not it.
  const not = voices([
    ['Orvik, which employs 7,000 people, has disputed the ban.'],
    ['The company said on Monday that it had halted its mills.'],
  ]);
  assert.notEqual(not[1]?.name, 'Orvik');
  // A person whose apposition hangs "the company" on a preposition is no company.
  const aide = voices([
    ['Ana Lind, a spokeswoman for the company, said the ban was unfair.'],
    ['The company said on Monday that it had halted its mills.'],
  ]);
  assert.equal(aide[0]!.name, 'Ana Lind');
  assert.notEqual(aide[1]?.name, 'Ana Lind');
  const partner = voices([
    ['Dale Orvik, a partner at the law firm Holm, said the ruling was wrong.'],
    ['The firm said it would appeal.'],
  ]);
  assert.notEqual(partner[1]?.name, 'Dale Orvik');
  const firm = voices([
    ['Holm Law, a Norwegian law firm, said the rule was wrong.'],
    ['The firm said it would appeal.'],
  ]);
  assert.equal(firm[1]!.name, 'Holm Law');
});

test('"the PM" is the one person the article calls prime minister, not a former one', () => {
  const v = voices([
    ['The rebels were thrown out of the party by prime minister Tom Mercer.'],
    ['The PM had earlier described the bill as a surrender.'],
  ]);
  assert.equal(v[1]!.name, 'Tom Mercer');
  // (The same sentence without "former" resolves: the test below can fail.)
  const serving = voices([
    ['Prime minister Ivo Brand had no doubt about the motive.'],
    ['The PM says he wants to leave with a deal.'],
  ]);
  assert.equal(serving[1]!.name, 'Ivo Brand');
  const former = voices([
    ['Former prime minister Ivo Brand had no doubt about the motive.'],
    ['The PM says he wants to leave with a deal.'],
  ]);
  assert.notEqual(former[1]?.name, 'Ivo Brand');
});

test('a person named only in a photo caption before the story is not yet introduced', () => {
  const v = voices([
    [
      'FILE - In this March 29, 2018, file photo, Chinese Commerce Ministry spokesman Gao Wen listens to a question in Beijing. (AP Photo/Lin Ma, File)',
    ],
    ['BEIJING (AP) — The two sides will cut tariffs, a Chinese spokesman said Thursday.'],
    ['Talks will go on, said a Commerce Ministry spokesman, Gao Wen.'],
  ]);
  assert.equal(v[1]!.name, 'Gao Wen');
});

test('a headline’s lone title without its article is definite', () => {
  const v = voices([
    ['Mill talks set for June 12 in Oslo, president says'],
    ['President Tom Mercer said on Thursday that the talks would go ahead.'],
  ]);
  assert.equal(v[0]!.name, 'Tom Mercer');
  // In the body a lone lower-case title is left as it is.
  const body = voices([
    ['Mill talks are on'],
    ['President Tom Mercer said on Thursday that the talks would go ahead.'],
    ['Talks will be long, president says.'],
  ]);
  assert.notEqual(body[2]?.name, 'Tom Mercer');
});

test('a person named Washington is not renamed the US government', () => {
  const spoke = voices([
    ['George Washington said that a free people ought to be armed.'],
    ['Washington wrote that liberty was precious.'],
  ]);
  assert.notEqual(spoke[1]?.name, 'US government');
  const named = voices([
    ['At his inauguration, George Washington is said to have spurned the fashion of his day.'],
    ['Washington wrote in 1789 that he would wear American cloth.'],
  ]);
  assert.notEqual(named[0]?.name, 'US government');
  // A capitalised word opening the sentence is no given name: the state still speaks.
  const state = voices([['But Washington said it would retaliate against the mill.']]);
  assert.equal(state[0]!.name, 'US government');
});

// Guarded by the timeout, not a measured duration (tests never assert timings): each
// mention once read the whole text again for every speaker before it in the paragraph, 900
// of them about 19 seconds, so these 3,000 would take minutes; linear, a few seconds.
test(
  'many "the company said" in one long paragraph take no quadratic time',
  { timeout: 60_000 },
  () => {
    const sentences: string[] = [];
    for (let k = 0; k < 3000; k++)
      sentences.push(`Ms. Holm${k} said it was fine.`, 'The company said otherwise.');
    const v = voices([sentences]);
    assert.equal(v.length, 6000);
  },
);

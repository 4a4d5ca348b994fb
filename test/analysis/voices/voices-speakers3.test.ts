import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultCodebook } from '../../../analysis/codebooks/codebook.js';
import { voicesOf } from './paragraphs.js';

// Issue 12, third speakers round: constructions that hid a source from the attribution
// rules on talks coverage nobody tuned for. The sentences are short ones written for these
// tests; each inner array is one paragraph.
const voices = voicesOf;

test('a speech verb after "by" credits the subject of the main clause', () => {
  const v = voices([
    ['The carmaker raised the stakes on Friday by saying it had closed two plants.'],
    ['Senator Ann Ruiz opened the hearing by warning that the deal was fragile.'],
  ]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'carmaker', side: 'other' });
  assert.equal(v[1]!.name, 'Ann Ruiz');
});

test('a reporting verb that needs "that" also takes a clause without it', () => {
  const v = voices([
    ['Moscow maintains it has never sent troops across the border.'],
    ['The Herald reported Tuesday Finance Ministry officials were drafting a budget.'],
    ['The minister maintains the old bridge.'],
    ['The agency reported losses for the quarter.'],
  ]);
  assert.equal(v[0]!.quote, 'indirect');
  assert.equal(v[0]!.name, 'Russia');
  assert.equal(v[1]!.name, 'Herald');
  // An object, not a clause: no report.
  assert.equal(v[2]!.quote, 'none');
  assert.equal(v[3]!.quote, 'none');
});

test('pasted link text ending in MORE gives way to the linked name', () => {
  const v = voices([
    [
      'Senator Ann Ruiz Ann Maria RuizFarm bill stalls again Budget talks resume MORE said on Monday that the vote would wait.',
    ],
  ]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'Ann Ruiz', side: 'us_gov' });
});

test('a span of time, "yesterday" or an opening "Later" is no part of the source', () => {
  const v = voices([
    ['Senator Ann Ruiz days later announced that the vote was back on.'],
    ['Governor Tom Baird two weeks earlier said the bridge would reopen.'],
    ['Later in the day Ruiz echoed the message, pledging the vote would “certainly happen soon.”'],
    ['Later Baird said the bridge was safe.'],
    ['Home Secretary Jane Roe yesterday warned against a vote.'],
    ['Governor Tom Baird earlier said the bridge would reopen.'],
  ]);
  assert.deepEqual(
    v.map((x) => x.name),
    ['Ann Ruiz', 'Tom Baird', 'Ann Ruiz', 'Tom Baird', 'Jane Roe', 'Tom Baird'],
  );
});

test('thanking, citing as, making clear, expressing caution and mocking report a view', () => {
  const v = voices([
    ['Governor Tom Baird thanked the rescuers for their work.'],
    ['Baird reopened the bridge on Monday, citing the repairs as proof that the budget worked.'],
    ['The ministry made it clear that no fee would be charged.'],
    ['Some lawmakers are expressing caution on the budget.'],
    ['Critics mocked the governor.'],
    ['The quarrel makes it clear that the towns disagree.'],
    ['Thanks to the repairs, traffic moved again.'],
  ]);
  assert.deepEqual(
    v.map((x) => x.quote),
    ['indirect', 'indirect', 'indirect', 'indirect', 'indirect', 'none', 'none'],
  );
  assert.equal(v[1]!.name, 'Tom Baird');
  assert.equal(v[2]!.name, 'ministry');
});

test('a "which" clause between commas stands between a named source and its verb', () => {
  const [v] = voices([
    ['Norvale, which employs thousands of workers in the region, has disputed the ruling.'],
  ]);
  assert.deepEqual(v, { quote: 'indirect', name: 'Norvale', side: 'other' });
});

test('a short main clause before ", saying" is not taken for an opening phrase', () => {
  const v = voices([
    ['Baird closed the road, saying the repairs were needed.'],
    ['In May, the council said the repairs were needed.'],
  ]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'Baird', side: 'other' });
  assert.equal(v[1]!.name, 'council');
});

test('Republicans and Democrats speak for the US government', () => {
  const v = voicesOf(
    [['Several Republicans urged caution on the deal.'], ['Democrats said the deal was weak.']],
    defaultCodebook().actors,
  );
  assert.deepEqual(
    v.map((x) => x.side),
    ['us_gov', 'us_gov'],
  );
});

test('"one of the …, Name, said" credits the name, not a document cited after it', () => {
  const v = voices([
    [
      '“We are glad to be back,” one of the freed sailors, Leo Marsh, said on arrival, according to a transcript released by the navy.',
    ],
    ['Asked about the voyage, he said, “It was long.”'],
  ]);
  assert.equal(v[0]!.name, 'Leo Marsh');
  assert.equal(v[1]!.name, 'Leo Marsh');
});

test('sources familiar with a matter of several phrases are the source, the first one named leading', () => {
  const v = voices([
    ['People familiar with the details of the budget said it would pass.'],
    [
      'Two city officials and other people familiar with plans for the mayor’s trip said it was off.',
    ],
  ]);
  assert.equal(v[0]!.name, 'People');
  assert.equal(v[1]!.name, 'Two city officials');
});

test('the first line standing alone is read as a headline label even when marked body', () => {
  const v = voices([
    ['Governor Baird: bridge repairs will be finished by May'],
    ['Governor Tom Baird spoke at the site on Monday.'],
  ]);
  assert.equal(v[0]!.quote, 'direct');
  assert.equal(v[0]!.name, 'Tom Baird');
});

test('"is reported to have" and "is said to have" leave the subject as the source', () => {
  const v = voices([
    ['Baird is reported to have promised the council that tolls would fall.'],
    ['The minister is said to have told aides the plan was dead.'],
  ]);
  assert.deepEqual(
    v.map((x) => [x.quote, x.name]),
    [
      ['indirect', 'Baird'],
      ['indirect', 'minister'],
    ],
  );
});

test('"earlier" or "later" after an article, a preposition or a possessive makes no verb of a noun', () => {
  // "In earlier comments", "Trump's later remarks": the noun is no speech verb and the word
  // before "earlier" no source ("In", or "Trump's earlier", took the sentence from its speaker).
  const v = voices([
    ['In earlier remarks the mayor mentioned the bridge.'],
    ["Governor Tom Baird's earlier comments drew criticism from the council."],
    ["Senator Ann Ruiz's later statement drew criticism from the council."],
    ['Governor Tom Baird earlier commented on the bridge.'],
  ]);
  assert.deepEqual(
    v.map((x) => x.name),
    ['mayor', null, null, 'Tom Baird'],
  );
});

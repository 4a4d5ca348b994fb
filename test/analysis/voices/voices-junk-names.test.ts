import { test } from 'node:test';
import assert from 'node:assert/strict';
import { voicesOf } from './paragraphs.js';

// Issue 12, fourth speakers round: speaker names that were no names, found by tallying the
// speakers Parallax produced over 3,244 AllSides articles (README, Voices). The sentences
// are excerpts of those articles, shortened; each inner array is one paragraph.
const voices = voicesOf;
const names = (paragraphs: string[][]) => voices(paragraphs).map((v) => v.name);

test('a word capitalised by its place in the sentence is no speaker', () => {
  const n = names([
    ['But it goes much further and demands that the prime minister ask for a delay.'],
    ['And telling the truth would help, too, he argued.'],
    ['You would think that experience has made him skeptical.'],
    ['This does not mean that negotiators should demand conditions beyond denuclearization.'],
    ['As I’ve said, he got a copy of a letter from me on Sept. 19.'],
  ]);
  assert.equal(n[0], null);
  assert.notEqual(n[1], 'And');
  assert.equal(n[2], null);
  assert.equal(n[3], null);
  assert.equal(n[4], null);
  // A word that opens a group is still a source.
  assert.equal(names([['Some say the deal puts Americans at greater risk.']])[0], 'Some');
});

test('a possessive pronoun stands for the person named before it', () => {
  const v = voices([
    [
      'Donald Trump spoke at the summit.',
      'Trump did not hide his conclusion that the trade imbalance was the fault of his predecessors.',
    ],
  ]);
  assert.equal(v[1]!.name, 'Donald Trump');
});

test('a speech verb before its subject is no part of the name', () => {
  const n = names([
    ['Says Carolyn Abrams, his wife and partner of 51 years: “He never stops.”'],
    ['“I’m going to make sure there is peace in this room,” Abrams says.'],
  ]);
  assert.equal(n[1], 'Carolyn Abrams');
});

test('page labels are not speakers: CNN’s “Story highlights”, a fact check’s “THE FACTS:”', () => {
  const v = voices([
    ['Story highlights Timothy Stanley says the portrait unveiling allows a moment to re-evaluate'],
    ['THE FACTS: At no point was Clinton seen laughing at the victim.'],
    ['Bio: “One of America’s leading experts on innovation.”'],
  ]);
  assert.equal(v[0]!.name, 'Timothy Stanley');
  assert.equal(v[1]!.name, null);
  assert.equal(v[2]!.name, null);
});

test('the party and state after a name stand for the member of Congress', () => {
  const v = voices([
    [
      'Cox has the backing of Rep. Mark Sanford, R-S.C., who said in a statement that he saw a job that was not getting done.',
    ],
  ]);
  assert.equal(v[0]!.name, 'Mark Sanford');
});

test('an organisation’s own name is not cut into a title and a surname', () => {
  const n = names([
    ['The Daily Beast reported last week that the center would be closed.'],
    [
      'More than 33,000 people died in 2015 from opioids, according to the Centers for Disease Control.',
    ],
    ['Media Matters described its methodology in a post.'],
  ]);
  assert.deepEqual(n, ['Daily Beast', 'Centers for Disease Control', 'Media Matters']);
});

test('a country that speaks is no person for a later “he”', () => {
  const v = voices([
    [
      'Secretary of State John Kerry met his counterpart in Geneva.',
      'The U.S. accused the North of secretly enriching uranium.',
      'He said the talks would go on.',
    ],
  ]);
  assert.equal(v[1]!.name, 'US government');
  assert.equal(v[2]!.name, 'John Kerry');
});

test('an opening participle phrase is not the subject of a noun that is also a speech verb', () => {
  const v = voices([
    [
      'Signing an executive order in the Oval Office, Trump called the increased sanctions “hard-hitting”, saying they would deny the supreme leader access to key financial resources.',
    ],
  ]);
  assert.equal(v[0]!.quote, 'direct');
  assert.notEqual(v[0]!.name, 'Signing an executive');
});

test('"quoted X as saying" and "X was quoted as saying" credit X, not the outlet', () => {
  const v = voices([
    [
      'On Monday, China’s official news agency, Xinhua, quoted Kim as saying, "I hope to build mutual trust with the U.S. through dialogue."',
    ],
    [
      '"We confidently say that the crushing response can always be repeated," Khanzadi was quoted as saying by the semi-official Tasnim news agency.',
    ],
  ]);
  assert.deepEqual(
    v.map((x) => [x.quote, x.name]),
    [
      ['direct', 'Kim'],
      ['direct', 'Khanzadi'],
    ],
  );
});

test('a headline’s “Name: …” credits the person even when a verb follows the colon', () => {
  const v = voices([
    ['Obama: Vision of peaceful Europe threatened by "Russia\'s aggression"'],
    ['President Barack Obama arrived in Estonia on Wednesday.'],
  ]);
  assert.equal(v[0]!.name, 'Barack Obama');
});

test('“X and its allies” is led by X, whom the possessive points back to', () => {
  const v = voices([
    ['Ukraine and its Western allies accuse Russia of backing anti-government rebels.'],
    ['Beijing defends trade practices that the United States and its allies complain are unfair.'],
  ]);
  assert.deepEqual(
    v.map((x) => x.name),
    ['Ukraine', 'US government'],
  );
});

test('“the California Republican said” is the party member just named', () => {
  const v = voices([
    ['House Majority Leader Kevin McCarthy said the deal should go to the Senate.'],
    ['The California Republican said President Obama bungled the Iran nuclear deal.'],
  ]);
  assert.deepEqual(v[1], { quote: 'indirect', name: 'Kevin McCarthy', side: 'us_gov' });
});

test('a headline’s closing “: Trump” credits a paraphrase to the person the article names', () => {
  const v = voices([
    ['Trade truce with China means big changes in Beijing policy: Trump'],
    ['President Donald Trump said on Monday that China would cut tariffs.'],
    ['Iran talks stall again: Reuters poll'],
  ]);
  assert.deepEqual(v[0], { quote: 'indirect', name: 'Donald Trump', side: 'us_gov' });
  assert.equal(v[2]!.name, null);
});

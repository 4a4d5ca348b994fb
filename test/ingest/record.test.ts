// A title given as metadata (a CSV or JSON-lines column, front matter, a page's headline)
// becomes the stored text's first paragraph unless the text opens with it already, so it is
// scored as the headline and counts in the lead; an article stored before that rule is
// still found by its text as given, so re-ingesting the same file stores nothing twice.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { ingestRecords } from '../../ingest/ingest.js';
import { readSources } from '../../ingest/read.js';
import { headlineFirst } from '../../ingest/record.js';
import { projectPath } from '../../lib/project-paths.js';
import { tempStore } from '../helpers.js';

test('a headline already among the first paragraphs is not added again', () => {
  const text = 'World\n\nBlinken Lands in Beijing\n\nThe top US diplomat arrived on Sunday.';
  assert.equal(headlineFirst(text, 'Blinken lands in Beijing'), text);
  assert.equal(headlineFirst(text, undefined), text);
  assert.equal(
    headlineFirst('The top US diplomat arrived on Sunday.', ' Blinken  lands '),
    'Blinken lands\n\nThe top US diplomat arrived on Sunday.',
  );
});

test('a title on a line of its own over the body (one line break) is not added again', () => {
  // The shape of the bundled New York Times text: headline, then the body on the next line.
  const text =
    'In China, Blinken Faces Clashing Agendas\nAntony J. Blinken met in Beijing on Sunday.';
  assert.equal(headlineFirst(text, 'In China, Blinken Faces Clashing Agendas'), text);
  assert.equal(
    headlineFirst(`\n\n${text}`, 'In China, Blinken Faces Clashing Agendas'),
    `\n\n${text}`,
  );
  // A scraped title with the site's name, a first line with a label: the same headline.
  const npr = 'Boston Bombing Suspect Moved To Prison Medical Center\n\nThe suspect was moved.';
  assert.equal(
    headlineFirst(npr, 'Boston Bombing Suspect Moved To Prison Medical Center : NPR'),
    npr,
  );
  const labelled = 'Opinion Obamacare Is Good Enough for Government Work\nIt is.';
  assert.equal(headlineFirst(labelled, 'Obamacare Is Good Enough for Government Work'), labelled);
  // A lede that restates the title is no headline: the title still goes first (review16).
  assert.equal(
    headlineFirst(
      'Trump meets Kim in Singapore on Tuesday.\n\nThe two leaders met.',
      'Trump meets Kim in Singapore',
    ),
    'Trump meets Kim in Singapore\n\nTrump meets Kim in Singapore on Tuesday.\n\nThe two leaders met.',
  );
  // A body sentence that merely starts like the title is no headline.
  assert.equal(
    headlineFirst('Blinken met Qin on Sunday in Beijing.', 'Blinken met Qin'),
    'Blinken met Qin\n\nBlinken met Qin on Sunday in Beijing.',
  );
});

test('a title glued to the end of a teaser paragraph moves first and is not read twice', () => {
  // The shape of AllSides' POLITICO rows: a photo caption or teaser, then the title, then
  // the body (381 of its 2,493 POLITICO rows).
  assert.equal(
    headlineFirst(
      'National polls have moved to a virtual tie this month. Obama stumbles out of the gate\n\nNothing inspires Democrats like it.',
      'Obama stumbles out of the gate',
    ),
    'Obama stumbles out of the gate\n\nNational polls have moved to a virtual tie this month.\n\nNothing inspires Democrats like it.',
  );
  assert.equal(
    headlineFirst(
      'Mitt Romney’s campaign is threatened most by the man himself. | REUTERS Fear factors: What worries Romney backers\n\nBody.',
      'Fear factors: What worries Romney backers ',
    ),
    'Fear factors: What worries Romney backers\n\nMitt Romney’s campaign is threatened most by the man himself. | REUTERS\n\nBody.',
  );
  // The title's words ending a sentence of the body are the body's: nothing is cut.
  const sentence = 'Voters asked whether Obama stumbles out of the gate.\n\nMore.';
  assert.equal(
    headlineFirst(sentence, 'Obama stumbles out of the gate'),
    `Obama stumbles out of the gate\n\n${sentence}`,
  );
  const quoted = 'He said: “This is what they provoke. This is what you get.”\n\nMore.';
  assert.equal(headlineFirst(quoted, 'This Is What You Get'), `This Is What You Get\n\n${quoted}`);
  const midSentence =
    'Critics of the campaign say in private conversations that Obama stumbles out of the gate\n\nMore.';
  assert.equal(
    headlineFirst(midSentence, 'Obama stumbles out of the gate'),
    `Obama stumbles out of the gate\n\n${midSentence}`,
  );
});

const BODY = readFileSync(projectPath('test', 'fixtures', 'ingest', 'nyt-blinken.txt'), 'utf8')
  .replace(/^---[\s\S]*?---\n/, '')
  .trim();
const TITLE = 'Blinken meets Qin for seven hours';

const temp = tempStore();
after(() => temp.cleanup());
const analyzer = createAnalyzer();

async function ingestFile(name: string, content: string) {
  const path = join(temp.dir, name);
  writeFileSync(path, content);
  return ingestRecords(readSources([path], { defaults: {} }), temp.store, analyzer);
}

test("a row's title is stored and scored as the article's headline", async () => {
  const row = { title: TITLE, outlet: 'CNN', story: 'Titles', text: BODY };
  const summary = await ingestFile('titled.jsonl', JSON.stringify(row));
  assert.equal(summary.added, 1, JSON.stringify(summary.rejected));
  const id = await temp.store.findByText(`${TITLE}\n\n${BODY}`);
  assert.notEqual(id, null, 'stored with the title as its first paragraph');
  const article = (await temp.store.getArticle(id!))!;
  const [first, second] = article.segments;
  assert.deepEqual([first?.kind, first?.text], ['headline', TITLE]);
  assert.equal(second?.kind, 'body');
  // The same row again is a duplicate.
  const again = await ingestFile('titled-again.jsonl', JSON.stringify(row));
  assert.deepEqual([again.added, again.duplicates], [0, 1]);
});

test('an article stored with its text as given (before titles went first) is no new article', async () => {
  const body = `${BODY} (stored before)`;
  // What an earlier version stored for this row: the text alone (no title to put first).
  const before = await ingestFile(
    'before.jsonl',
    JSON.stringify({ outlet: 'Reuters', story: 'Titles', text: body }),
  );
  assert.equal(before.added, 1);
  const row = { title: TITLE, outlet: 'Reuters', story: 'Titles', text: body };
  const again = await ingestFile('after.jsonl', JSON.stringify(row));
  assert.deepEqual([again.added, again.duplicates], [0, 1]);
  assert.equal(await temp.store.countArticles(), 2);
});

test('a title of a page’s length is not looked for at a teaser’s end', () => {
  // Each candidate cut re-reads the paragraph's end, so a 20,000-character title took seconds
  // (review17); titles are lines, the corpus's longest 211 letters and digits.
  const words = Array.from({ length: 3000 }, (_, n) => `word${n}`).join(' ');
  const teaser = Array.from({ length: 5000 }, (_, n) => `teaser${n}`).join(' ');
  const text = `${teaser}. ${words}\n\nBody.`;
  assert.equal(headlineFirst(text, words), `${words}\n\n${text}`);
});

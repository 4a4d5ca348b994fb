import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { segmentArticle } from '../../../analysis/segmentation/segment.js';
import { parseSegmentationRules } from '../../../analysis/segmentation/segment-rules.js';

// Page furniture left in scraped text: each line below stays one boilerplate segment, and
// the body around it is untouched. The lines are written for these tests in the shapes
// the AllSides corpus shows (CNN video boxes, NPR captions, USA TODAY video blurbs,
// POLITICO newsletter boxes, wire photo credits).
const kinds = (text: string): string[] => segmentArticle(text).map((s) => `${s.kind}: ${s.text}`);

const BODY = 'The two delegations met for six hours on Monday. Both called the talks useful.';

test('a video box stays one furniture segment, however many sentences it holds', () => {
  const box =
    'JUST WATCHED Will the talks work? Replay More Videos ... MUST WATCH Will the talks work? 02:42';
  assert.deepEqual(kinds(`${BODY}\n${box}\n${BODY}`), [
    'body: The two delegations met for six hours on Monday.',
    'body: Both called the talks useful.',
    `boilerplate: ${box}`,
    'body: The two delegations met for six hours on Monday.',
    'body: Both called the talks useful.',
  ]);
});

test('captions, credits, newsletter boxes and "SEE ALSO" lines are furniture', () => {
  const lines = [
    'Enlarge this image toggle caption Jane Roe/AP Jane Roe/AP',
    'CLOSE The president spoke about the trade talks on Tuesday. He said they went well. Just the FAQs, USA TODAY',
    'POLITICO Playbook newsletter Sign up for POLITICO Playbook and get the latest news, every morning — in your inbox. Email Sign Up By signing up you agree to receive email newsletters or alerts from POLITICO. You can unsubscribe at any time.',
    'The two leaders shake hands before their meeting in Osaka, Japan. | Jane Roe/AP Photo',
    'The envoy arrives in Vienna on Monday. (Jane Roe/Reuters)',
    '(Photo: Jane Roe, AFP/Getty Images)',
    'SEE ALSO: Leaders agree to meet again in the spring',
    'More On This...',
    // POLITICO's and the Daily Caller's link lines, captions ending in a credit.
    '( Also on POLITICO: Kerry: No deal is better than a bad deal)',
    '( PHOTOS: Leaders at the summit)',
    '(RELATED: Leaders agree to meet again in the spring)',
    'President Jane Roe in Vienna, June 10, 2017. (Reuters photo: John Doe)',
    'Secretary Jane Roe (Photo: John Doe, Getty Images)',
    // Lines repeated across many AllSides articles of one outlet.
    'Advertisement:',
    'Slideshow (2 Images)',
    'ANALYSIS/OPINION:',
    '7 years ago',
    'Follow @janeroe on Twitter.',
    'REUTERS/Jane Roe',
    'The opinions expressed in this commentary are solely those of the author.',
    '“The 360” shows you diverse perspectives on the day’s top stories and debates.',
    'Image copyright Getty Images Image caption Jane Roe met the envoy in Vienna. She said the talks went well',
    'Media playback is unsupported on your device Media caption The envoy says talks went well',
    'This article is more than 4 months old',
    'Share This Story Tweet Share Share Pin Email',
    'LISTEN TO ARTICLE 4:55 SHARE THIS ARTICLE Share Tweet Post Email',
    'The envoy will meet the minister on Monday. | AP Photos Envoy heads to Vienna',
  ];
  for (const line of lines) {
    assert.deepEqual(kinds(`${BODY}\n${line}\n${BODY}`)[2], `boilerplate: ${line}`, line);
    assert.equal(segmentArticle(`${BODY}\n${line}\n${BODY}`).length, 5, line);
  }
});

test('an author with the USA TODAY credit on one line is a byline', () => {
  assert.equal(kinds(`${BODY}\nJane Roe, USA TODAY\n${BODY}`)[2], 'byline: Jane Roe, USA TODAY');
});

test('a body line that mentions a photo or a newsletter is still body', () => {
  const line = 'The photo of the two leaders was shared widely, and a newsletter called it a thaw.';
  assert.deepEqual(kinds(`${BODY}\n${line}`)[2], `body: ${line}`);
});

test('a closing quotation mark typed for an opening one starts a new sentence', () => {
  assert.deepEqual(
    segmentArticle('He hinted at a thaw in relations. ”It is possible to change,” he said.').map(
      (s) => s.text,
    ),
    ['He hinted at a thaw in relations.', '”It is possible to change,” he said.'],
  );
});

/** Whether a line is furniture under the bundled rules with only these boilerplate patterns. */
function furnitureOf(patterns: string[]): (line: string) => boolean {
  const file = JSON.parse(
    readFileSync(
      new URL('../../../../analysis/lexicons/segmentation.json', import.meta.url),
      'utf8',
    ),
  ) as object;
  const rules = parseSegmentationRules(
    { ...file, boilerplate: patterns.map((pattern) => ({ pattern })) },
    'test.json',
  );
  return (line) => rules.boilerplate.some((p) => p.test(line));
}

test('a pattern opening with .{0,N} matches as anchored: within N code points, never across a line break', () => {
  const furniture = furnitureOf(['^.{0,5}\\(photo: [a-z]+\\)$', '^.{0,3}a|^zz']);
  assert.equal(furniture('(photo: ap)'), true);
  assert.equal(furniture('12345(photo: ap)'), true);
  assert.equal(furniture('123456(photo: ap)'), false, 'six characters before it');
  assert.equal(furniture('😀😀😀😀😀(photo: ap)'), true, 'five code points, ten UTF-16 units');
  assert.equal(furniture('1\u2028(photo: ap)'), false, 'a line break before it');
  assert.equal(furniture('(photo: ap) more'), false, 'its end is anchored');
  // A rest with its own alternation is left in the anchored union: "zz" only opening a line.
  assert.equal(furniture('xxa'), true);
  assert.equal(furniture('xxxxa'), false);
  assert.equal(furniture('zz top'), true);
  assert.equal(furniture('top zz'), false);
});

test('a lazy .{0,N}? opening a pattern loads and matches as anchored', () => {
  const furniture = furnitureOf(['^.{0,5}?\\(photo: [a-z]+\\)$']);
  assert.equal(furniture('12345(photo: ap)'), true);
  assert.equal(furniture('123456(photo: ap)'), false);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAnalyzer } from '../../analysis/pipeline.js';

const analyzer = createAnalyzer();

test('the pipeline tells expectation scoring when the sentence before named the talks', () => {
  const body = (text: string) =>
    analyzer
      .analyze(text)
      .segments.filter((s) => s.kind === 'body')
      .map((s) => s.expectation?.label);
  const verdict = 'The world has lost a great opportunity for lasting peace and prosperity.';
  const filler =
    'He wrote the letter on Thursday evening from the White House after a long day of calls with aides and advisers.';
  assert.deepEqual(
    body(`Summit off\n\n${filler} The summit will not take place. ${verdict}`).slice(-1),
    ['lowers'],
  );
  // Two sentences further on, with no talks named in between, the verdict is not anchored.
  assert.deepEqual(
    body(`Summit off\n\n${filler} The summit will not take place. ${filler} ${verdict}`).slice(-1),
    ['none'],
  );
});

test("a link card's headlines are not read, and every segment keeps its stored text", () => {
  const text =
    "Budget talks resume\n\nSen. Jane Doe Janet (Jane) Q. DoeSmith says 'disaster' looms? Budget talks stall: report MORE (D-Ore.) said on Monday that the talks would go on.";
  const analysis = analyzer.analyze(text);
  for (const s of analysis.segments) assert.equal(s.text, text.slice(s.start, s.end));
  const body = analysis.segments.filter((s) => s.kind === 'body');
  // One sentence: the card's question mark ends none.
  assert.equal(body.length, 1);
  assert.equal(analysis.speakers[body[0]!.speaker!]?.name, 'Jane Doe');
  assert.ok(!analysis.cueHits.some((h) => text.slice(h.start, h.end).toLowerCase() === 'disaster'));
});

test('"it" or "they" judge the talks only in an article that has named them before', () => {
  const label = (text: string) =>
    analyzer.analyze(text).segments.at(-1)?.expectation?.label ?? null;
  // No talks anywhere: "it" is the rally, and "debacle" judges nothing this tool measures.
  assert.equal(
    label('The rally drew a thin crowd.\n\nIt turned into something of a debacle.'),
    'none',
  );
  // The talks named a paragraph earlier: "it" may be them.
  assert.equal(
    label(
      'The talks in Hanoi opened on Wednesday.\n\nA dinner followed.\n\nIt turned into something of a debacle.',
    ),
    'lowers',
  );
});

test('doubt and stakes set no expectation before an article has named the talks', () => {
  const label = (text: string) =>
    analyzer.analyze(text).segments.at(-1)?.expectation?.label ?? null;
  const doubt = 'It is unclear whether the rules will change, he said.';
  assert.equal(label(`Police arrested a man on Friday.\n\n${doubt}`), 'none');
  assert.equal(
    label(`The talks in Hanoi opened on Wednesday.\n\nA dinner followed.\n\n${doubt}`),
    'hedged',
  );
  // A headline may announce the talks without naming them.
  const title = 'Trump Got Nearly Nothing From Kim Jong Un';
  const headline = analyzer.analyze(`${title}\n\nThe president flew home on Thursday.`, { title })
    .segments[0];
  assert.equal(headline?.kind, 'headline');
  assert.equal(headline?.expectation?.label, 'lowers');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { projectPath } from '../../lib/project-paths.js';
import { readHtml } from '../../ingest/html.js';
import { segmentArticle } from '../../analysis/segmentation/segment.js';
import {
  DEFAULT_LIMITS,
  IngestError,
  type ArticleRecord,
  type IngestResult,
} from '../../ingest/record.js';

const fixture = projectPath('test', 'fixtures', 'ingest', 'blog-blinken.html');
const SEED_PARAGRAPH =
  'US Secretary of State Antony Blinken embarked on a crucial mission to Beijing on Sunday, initiating talks with senior Chinese officials.';

function article(result: IngestResult): ArticleRecord {
  assert.ok(!(result instanceof IngestError), `expected an article, got ${String(result)}`);
  return result;
}

test('a saved page gives its metadata and its paragraphs, without navigation or footer', () => {
  const record = article(
    readHtml(
      readFileSync(fixture, 'utf8'),
      'blog.html',
      { story: 'Blinken in Beijing' },
      DEFAULT_LIMITS,
    ),
  );
  assert.equal(record.title, 'US-China tensions: Blinken launches high-stakes talks');
  assert.equal(record.outlet, 'Florence Akano News');
  assert.equal(record.story, 'Blinken in Beijing');
  assert.equal(
    record.url,
    'https://example.org/2023/06/18/us-china-tensions-blinken-launches-high-stakes-talks/',
  );
  assert.equal(record.date, '2023-06-18T08:30:00+00:00');
  assert.equal(record.author, 'Dr. Florence Akano');
  const paragraphs = record.text.split('\n\n');
  assert.ok(
    paragraphs.some((p) => p.startsWith(SEED_PARAGRAPH)),
    record.text,
  );
  assert.ok(
    paragraphs.some((p) => p.startsWith('Blinken’s journey to China holds significant weight')),
  );
  for (const furniture of [
    'Home',
    'Related',
    'All rights reserved',
    'trackPageView',
    'font-family',
  ]) {
    assert.ok(!record.text.includes(furniture), `"${furniture}" leaked into the text`);
  }
  assert.ok(!/[<>]/.test(record.text), 'no markup left');
});

test('JSON-LD NewsArticle metadata is used when Open Graph is missing', () => {
  const page = `<html><head><title>Blinken in Beijing</title>
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
      {"@type":"NewsArticle","headline":"Blinken launches high-stakes talks","datePublished":"2023-06-18",
       "author":[{"@type":"Person","name":"Dr. Florence Akano"}],"publisher":{"@type":"Organization","name":"Akano News"}}]}</script>
    </head><body><article><p>${SEED_PARAGRAPH}</p></article></body></html>`;
  const record = article(readHtml(page, 'ld.html', { story: 's' }, DEFAULT_LIMITS));
  assert.equal(record.title, 'Blinken launches high-stakes talks');
  assert.equal(record.date, '2023-06-18');
  assert.equal(record.author, 'Dr. Florence Akano');
  assert.equal(record.outlet, 'Akano News');
});

test('whitespace inside a paragraph is collapsed and each block is its own paragraph', () => {
  const page = `<html><body><article><h2>Touch and Go</h2><p>US Secretary   of State\n  Antony <b>Blinken</b> embarked</p>
    <blockquote>“We are clear-eyed,” he said.</blockquote><ul><li>Taiwan</li><li>fentanyl</li></ul></article></body></html>`;
  const record = article(readHtml(page, 'w.html', { outlet: 'o', story: 's' }, DEFAULT_LIMITS));
  assert.deepEqual(record.text.split('\n\n'), [
    'Touch and Go',
    'US Secretary of State Antony Blinken embarked',
    '“We are clear-eyed,” he said.',
    'Taiwan',
    'fentanyl',
  ]);
});

test('a hostile page runs nothing and its text comes out as plain text', () => {
  let ran = false;
  const trap = globalThis as { alert?: () => void };
  trap.alert = () => {
    ran = true;
  };
  const page = `<html><head><script>alert(1)</script></head><body onload="alert(2)">
    <article><p onclick="alert(3)">${SEED_PARAGRAPH} <img src="x" onerror="alert(4)"></p>
    <p>The page quoted the code &lt;script&gt;alert(1)&lt;/script&gt; as text.</p>
    <script>alert(5)</script><iframe src="javascript:alert(6)"></iframe></article></body></html>`;
  try {
    const record = article(
      readHtml(page, 'hostile.html', { outlet: 'o', story: 's' }, DEFAULT_LIMITS),
    );
    assert.equal(ran, false);
    assert.ok(record.text.includes(SEED_PARAGRAPH));
    assert.ok(record.text.includes('The page quoted the code <script>alert(1)</script> as text.'));
    assert.ok(
      !record.text.includes('alert(2)') &&
        !record.text.includes('alert(4)') &&
        !record.text.includes('alert(5)'),
    );
  } finally {
    delete trap.alert;
  }
});

test('deeply nested markup is refused quickly instead of hanging', () => {
  const deep = `<html><body>${'<div>'.repeat(100_000)}<p>${SEED_PARAGRAPH}</p>${'</div>'.repeat(100_000)}</body></html>`;
  const started = Date.now();
  const result = readHtml(deep, 'deep.html', { outlet: 'o', story: 's' }, DEFAULT_LIMITS);
  assert.ok(result instanceof IngestError);
  assert.match(result.reason, /nested more than \d+ levels/);
  assert.ok(Date.now() - started < 5_000);
});

test('a huge attribute does not crash the reader', () => {
  const page = `<html><body><article><p data-x="${'a'.repeat(5_000_000)}">${SEED_PARAGRAPH}</p></article></body></html>`;
  const record = article(readHtml(page, 'attr.html', { outlet: 'o', story: 's' }, DEFAULT_LIMITS));
  assert.equal(record.text, SEED_PARAGRAPH);
});

test('a page without article text says so', () => {
  const result = readHtml(
    '<html><head><script>x()</script></head><body>  </body></html>',
    'e.html',
    { outlet: 'o', story: 's' },
    DEFAULT_LIMITS,
  );
  assert.ok(result instanceof IngestError);
  assert.equal(result.reason, 'no article text found in the page');
});

test('metadata dates that are not ISO are skipped, not fatal', () => {
  const page = `<html><head><meta property="article:published_time" content="June 18, 2023"></head>
    <body><article><time datetime="2023-06-18">June 18</time><p>${SEED_PARAGRAPH}</p></article></body></html>`;
  const record = article(readHtml(page, 'd.html', { outlet: 'o', story: 's' }, DEFAULT_LIMITS));
  assert.equal(record.date, '2023-06-18');
});

test('without og:site_name the outlet comes from the defaults, or the error says how to give one', () => {
  const page = `<html><body><article><p>${SEED_PARAGRAPH}</p></article></body></html>`;
  assert.equal(
    article(readHtml(page, 'o.html', { outlet: 'CNN', story: 's' }, DEFAULT_LIMITS)).outlet,
    'CNN',
  );
  const result = readHtml(page, 'o.html', { story: 's' }, DEFAULT_LIMITS);
  assert.ok(result instanceof IngestError);
  assert.match(result.reason, /^missing outlet \(the page has no og:site_name; pass --outlet\)$/);
});

test('the headline is the article’s own <h1>, not the page title with the site’s name', () => {
  // A real-shaped Drupal page: <title>, og:title and twitter:title all end in " | ChinaFile",
  // and the site logo is an <h1> too, outside the <article>.
  const page = readFileSync(
    projectPath('test', 'fixtures', 'html', 'chinafile-title-suffix.html'),
    'utf8',
  );
  const record = article(readHtml(page, 'chinafile.html', { story: 's' }, DEFAULT_LIMITS));
  assert.equal(record.title, 'The Stakes of Antony Blinken’s Visit to Beijing');
  assert.equal(record.outlet, 'ChinaFile');
});

test('an <h1> that differs from <title> wins; a declared title loses its site suffix', () => {
  const body = `<p>${SEED_PARAGRAPH} The purpose of this high-stakes visit is to navigate the tumultuous relationship between the world’s two largest economies, which has been marred by escalating tensions in recent months.</p>`;
  const read = (head: string, article: string) =>
    readHtml(
      `<html><head>${head}</head><body><article>${article}${body}</article></body></html>`,
      'p.html',
      { story: 's', outlet: 'Example Tribune' },
      DEFAULT_LIMITS,
    );
  // An SEO <title> and the headline readers saw: the <h1>.
  assert.equal(
    article(
      read(
        '<title>Blinken visit: what to know - Example Tribune</title>',
        '<h1>Blinken arrives in Beijing for rare talks</h1>',
      ),
    ).title,
    'Blinken arrives in Beijing for rare talks',
  );
  // No <h1>: og:title without " - Site" (the site named by og:site_name).
  assert.equal(
    article(
      read(
        '<meta property="og:site_name" content="Fox News"><meta property="og:title" content="Blinken lands in Beijing - Fox News">',
        '',
      ),
    ).title,
    'Blinken lands in Beijing',
  );
  // Only <title>, the site first; and a bare " | …" suffix with no known site name.
  assert.equal(
    article(read('<title>Example Tribune | Blinken lands in Beijing</title>', '')).title,
    'Blinken lands in Beijing',
  );
  const unnamed = readHtml(
    `<html><head><title>Blinken lands in Beijing | Tribune</title></head><body><article>${body}</article></body></html>`,
    'p.html',
    { story: 's', outlet: 'o' },
    DEFAULT_LIMITS,
  );
  assert.equal(article(unnamed).title, 'Blinken lands in Beijing');
  // A dash inside a headline is the headline's own.
  assert.equal(
    article(read('<title>Blinken – and Xi – meet at last</title>', '')).title,
    'Blinken – and Xi – meet at last',
  );
});

test('the stored text starts with the headline, once, whether Readability kept the <h1> or dropped it', () => {
  // Real page shapes: an <h1> inside <article> that repeats <title> (Drupal, ChinaFile), a
  // headline in a <header> above the body section (nytimes.com), a WordPress entry header,
  // and an <h1> that differs from an SEO <title>, which Readability keeps in the text.
  const pages: [string, string, string][] = [
    [
      'html/chinafile-title-suffix.html',
      'The Stakes of Antony Blinken’s Visit to Beijing',
      'A ChinaFile Conversation',
    ],
    [
      'html/nyt-header-above-body.html',
      'In China, Blinken Faces Clashing Agendas and a Question: Will Xi Show Up?',
      'Asia Pacific',
    ],
    [
      'html/wordpress-entry-title.html',
      'Blinken heads to Beijing to steady strained ties',
      'Secretary of State Antony Blinken will arrive in Beijing on Sunday',
    ],
    [
      'html/seo-title-differs.html',
      'Blinken heads to Beijing to steady strained ties',
      'Secretary of State Antony Blinken will arrive in Beijing on Sunday',
    ],
    [
      'ingest/blog-blinken.html',
      'US-China tensions: Blinken launches high-stakes talks',
      'Written by Dr. Florence Akano',
    ],
  ];
  for (const [file, headline, next] of pages) {
    const page = readFileSync(projectPath('test', 'fixtures', ...file.split('/')), 'utf8');
    const record = article(readHtml(page, file, { story: 's', outlet: 'o' }, DEFAULT_LIMITS));
    assert.equal(record.title, headline, file);
    const paragraphs = record.text.split('\n\n');
    assert.equal(paragraphs[0], headline, file);
    assert.ok(paragraphs[1]!.startsWith(next), `${file}: ${paragraphs[1]}`);
    assert.equal(record.text.split(headline).length - 1, 1, `${file}: the headline once`);
    // The segmenter reads it as the headline (not the kicker after it).
    const [first] = segmentArticle(record.text, { title: record.title ?? undefined });
    assert.deepEqual([first?.kind, first?.text], ['headline', headline], file);
  }
});

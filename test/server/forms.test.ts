// The write forms over HTTP: adding articles (paste and upload, through the CLI's ingest),
// editing stories, outlets and articles, deleting an article after its confirmation page,
// re-analysing a story, and every refusal: no or a wrong CSRF token, bodies and uploads
// over the limits, files that cannot be read, invalid fields.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { ingest } from '../../ingest/ingest.js';
import { projectPath } from '../../lib/project-paths.js';
import { slugify } from '../../db/slug.js';
import type { AddResult } from '../../db/store.js';
import { serve, serverFixture, tempStore } from '../helpers.js';
import { FormSession, message, unescape } from './form-session.js';
import { bySource } from '../../server/pages/add.js';

const STORY = 'blinken-in-beijing-june-2023';
const FIXTURES = projectPath('test', 'fixtures', 'ingest');

// Written for this test (not from any gold set): 64 words.
const PASTED = `Envoys meet in Beijing as trade talks resume

Trade envoys from both countries met in Beijing on Tuesday for the first round of talks in
months. Officials on both sides described the meeting as frank and said working groups would
continue next week. Neither side expected a quick agreement on tariffs, and analysts said the
talks were mainly meant to keep communication open after a tense spring.`;

describe('adding articles in the browser', () => {
  const fx = serverFixture();

  test('the add page is linked from every page header and carries a CSRF token and cookie', async () => {
    const home = await fx.server.get('/');
    assert.match(home.text, /<a class="add-link" href="\/add">Add articles<\/a>/);
    const response = await fetch(`${fx.server.base}/add`);
    assert.equal(response.status, 200);
    assert.match(
      response.headers.get('set-cookie') ?? '',
      /^parallax_csrf=.+HttpOnly.+SameSite=Strict/i,
    );
    const html = await response.text();
    assert.match(html, /<form method="post" action="\/add">/);
    assert.match(html, /<form method="post" action="\/add\/files" enctype="multipart\/form-data">/);
    assert.match(html, /<option value="blinken-in-beijing-june-2023">/);
    assert.doesNotMatch(html, /operator_token/, 'no operator token on 127.0.0.1');
  });

  test('a write without the CSRF token, with a wrong one or without its cookie is refused with 403', async () => {
    const count = await fx.temp.store.countArticles();
    const fields = { text: PASTED, outlet: 'Test Wire', new_story: 'Trade talks' };
    const none = await new FormSession(fx.server.base).post('/add', fields);
    assert.equal(none.status, 403);
    assert.match(message(none.html), /security token is missing or wrong/);

    const session = new FormSession(fx.server.base);
    const { token } = await session.open('/add');
    const wrong = await session.post('/add', { ...fields, _csrf: `${token.slice(0, -4)}0000` });
    assert.equal(wrong.status, 403);
    // The token alone, without the cookie it was issued with (another site's form).
    const cookieless = await new FormSession(fx.server.base).post('/add', {
      ...fields,
      _csrf: token,
    });
    assert.equal(cookieless.status, 403);
    for (const path of ['/add/files', `/stories/${STORY}/edit`, '/articles/1/delete']) {
      assert.equal((await new FormSession(fx.server.base).post(path, {})).status, 403, path);
    }
    assert.equal(await fx.temp.store.countArticles(), count, 'nothing stored');
  });

  test('pasted text is stored, then found again as a duplicate; a short or outlet-less text is refused with the CLI’s reason', async () => {
    const session = new FormSession(fx.server.base);
    const { token } = await session.open('/add');
    const fields = {
      _csrf: token,
      text: PASTED,
      title: 'Envoys meet in Beijing',
      outlet: 'Test Wire',
      story: '',
      new_story: 'Trade talks in Beijing',
      date: '2024-03-05',
      url: 'https://example.org/trade-talks',
      author: 'A. Reporter',
    };
    const posted = await session.post('/add', fields);
    assert.equal(posted.status, 303);
    assert.match(posted.location ?? '', /^\/add\/results\/[A-Za-z0-9_-]{24}$/);
    const added = await session.follow(posted);
    assert.equal(added.status, 200);
    const id = Number(
      /<a href="\/articles\/(\d+)">Envoys meet in Beijing<\/a>/.exec(added.html)?.[1],
    );
    assert.ok(id > 0, 'links the stored article');
    assert.match(added.html, /class="result-stored"[\s\S]*pasted text[\s\S]*stored/);
    const stored = await fx.temp.store.getArticle(id);
    assert.deepEqual(
      [
        stored?.title,
        stored?.outlet.name,
        stored?.story.title,
        stored?.publishedDate,
        stored?.author,
      ],
      [
        'Envoys meet in Beijing',
        'Test Wire',
        'Trade talks in Beijing',
        '2024-03-05',
        'A. Reporter',
      ],
    );
    assert.match(added.html, /<a href="\/stories\/trade-talks-in-beijing">/);

    const again = await session.follow(await session.post('/add', fields));
    assert.match(
      again.html,
      /class="result-duplicate"[\s\S]*already stored[\s\S]*<a href="\/articles\/\d+">/,
    );

    const short = await session.follow(
      await session.post('/add', { ...fields, text: 'Too short to be an article.' }),
    );
    assert.match(
      unescape(short.html),
      /refused[\s\S]*too short for an article: fewer than 50 words \(\d+; set the minimum with --min-words\)/,
    );
    const noOutlet = await session.follow(
      await session.post('/add', { ...fields, text: `${PASTED} More.`, outlet: '' }),
    );
    assert.match(noOutlet.html, /missing outlet \(fill in the outlet field\)/);
    const empty = await session.post('/add', { ...fields, text: '  ' });
    assert.equal(empty.status, 400);
  });

  test('an article pasted into an existing story joins it under the story’s title', async () => {
    const session = new FormSession(fx.server.base);
    const { token } = await session.open('/add');
    const text = PASTED.replace('Tuesday', 'Wednesday');
    const added = await session.follow(
      await session.post('/add', { _csrf: token, text, outlet: 'Test Wire', story: STORY }),
    );
    const id = Number(/href="\/articles\/(\d+)"/.exec(added.html)?.[1]);
    const stored = await fx.temp.store.getArticle(id);
    assert.equal(stored?.storySlug, STORY);
    assert.equal(stored?.story.title, 'Blinken in Beijing, June 2023');
  });

  test('uploaded files give the same results, row by row, as npm run ingest on the same files', async () => {
    const names = ['articles.csv', 'articles.jsonl', 'nyt-blinken.txt', 'blog-blinken.html'];
    // The command line's path through ingest, into an empty database.
    const cli = tempStore();
    const cliResults: AddResult[] = [];
    await ingest(
      { paths: names.map((n) => `${FIXTURES}/${n}`) },
      { defaults: { outlet: 'Fixture Outlet', story: 'Fixture story' } },
      cli.store,
      createAnalyzer(),
      { onResult: (r) => cliResults.push(r) },
    );
    await cli.cleanup();

    const fresh = tempStore();
    const server = await serve(fresh.store);
    try {
      const session = new FormSession(server.base);
      const { token } = await session.open('/add');
      const files = names.map((name) => ({ name, bytes: readFileSync(`${FIXTURES}/${name}`) }));
      const posted = await session.upload(
        '/add/files',
        { _csrf: token, outlet: 'Fixture Outlet', story: '', new_story: 'Fixture story' },
        files,
      );
      assert.equal(posted.status, 303);
      const sent = await session.follow(posted);
      assert.equal(sent.status, 200);
      const rows = [
        ...sent.html.matchAll(
          /<tr class="result-([a-z-]+)">\s*<th scope="row"><code>([^<]*)<\/code><\/th>\s*<td><span class="result-label">[^<]*<\/span><\/td>\s*<td>([\s\S]*?)<\/td>/g,
        ),
      ].map((m) => {
        const link = /href="\/articles\/(\d+)"/.exec(m[3]!)?.[1];
        const text = unescape(m[3]!.replace(/<[^>]+>/g, '')).trim();
        return [m[1], unescape(m[2]!), link ? `article ${link}` : text];
      });
      const expected = [...cliResults]
        .map((r) => ({ ...r, source: r.source.replace(`${FIXTURES}/`, '') }))
        .sort(bySource)
        .map((r) => [
          r.status === 'added' ? 'stored' : r.status === 'duplicate' ? 'duplicate' : 'rejected',
          r.source,
          'reason' in r ? r.reason : `article ${r.articleId}`,
        ]);
      assert.ok(rows.length >= names.length, `${rows.length} rows`);
      assert.deepEqual(rows, expected);
    } finally {
      await server.close();
      await fresh.cleanup();
    }
  });

  test('an uploaded CSV with an unclosed quote refuses that row at its line and stores the rows below it', async () => {
    // Written for this test: three rows, the first with its closing quote missing.
    const rows = [
      'Talks open,Test Wire,Quote test,"Trade envoys met in Beijing on Tuesday for the first round of talks in months',
      `Talks continue,Test Wire,Quote test,"Officials on both sides described the second day of meetings as frank, and said working groups on tariffs, export controls and farm purchases would meet again next week. Neither side expected a quick agreement, and analysts said the talks were mainly meant to keep communication open after a tense spring."`,
      `Talks end,Other Wire,Quote test,"The envoys ended three days of talks on Thursday without a joint statement. A spokesman said the two sides had agreed to meet again in Washington in the autumn, and that both had ""listened carefully"" to each other's concerns about tariffs and technology, which analysts called a modest but useful result."`,
    ];
    const csv = `title,outlet,story,text\n${rows.join('\n')}\n`;
    const session = new FormSession(fx.server.base);
    const { token } = await session.open('/add');
    const posted = await session.upload('/add/files', { _csrf: token }, [
      { name: 'quotes.csv', bytes: csv },
    ]);
    assert.equal(posted.status, 303);
    const sent = await session.follow(posted);
    const results = [
      ...sent.html.matchAll(
        /<tr class="result-([a-z-]+)">\s*<th scope="row"><code>([^<]*)<\/code><\/th>\s*<td><span class="result-label">[^<]*<\/span><\/td>\s*<td>([\s\S]*?)<\/td>/g,
      ),
    ].map((m) => [m[1], unescape(m[2]!), unescape(m[3]!.replace(/<[^>]+>/g, '')).trim()]);
    assert.deepEqual(
      results.map(([status, source]) => `${status} ${source}`),
      ['rejected quotes.csv', 'stored quotes.csv:row 3', 'stored quotes.csv:row 4'],
    );
    assert.match(
      results[0]![2]!,
      /^malformed CSV at row 2 \(line 2\): the quote opened on line 2 is not closed on that line .*close the quote/,
    );
  });

  test('an upload that starts a story says which codebook its first article chose, why, and where to change it', async () => {
    // Written for this test (not from any gold set): 70 words about North Korea's talks.
    const text = `North Korea and US envoys meet in Hanoi

Envoys from North Korea and the United States met in Hanoi on Wednesday to prepare a second
summit. Pyongyang wants sanctions eased before it gives up more of its nuclear programme, and
Washington wants a full list of North Korea's sites first. A North Korean official said the
talks were useful. Analysts said neither side expected a breakthrough before the leaders meet.`;
    const story = '<b>Hanoi</b> talks & "summit"';
    const session = new FormSession(fx.server.base);
    const { token } = await session.open('/add');
    const posted = await session.upload(
      '/add/files',
      { _csrf: token, outlet: 'Test Wire', story: '', new_story: story },
      [{ name: 'hanoi.txt', bytes: text }],
    );
    const page = await session.follow(posted);
    assert.equal(page.status, 200);
    const section = /<section class="codebook-choices"[\s\S]*?<\/section>/.exec(page.html)?.[0];
    assert.ok(section, 'a section names the codebook chosen');
    const slug = slugify(story);
    assert.equal(await fx.temp.store.codebookOfStory(story), 'us-north-korea');
    // The story's name is escaped; the codebook, its counts (as `npm run codebook -- choose`
    // prints them) and the story's edit page are named.
    assert.match(
      section,
      new RegExp(
        `<a href="/stories/${slug}">&lt;b&gt;Hanoi&lt;/b&gt; talks &amp; &quot;summit&quot;</a>: ` +
          `<strong>United States and North Korea</strong> \\(<code>us-north-korea</code>\\)\\. ` +
          `Chosen because North Korea named 5 times\\. <a href="/stories/${slug}/edit">Change the codebook</a>`,
      ),
    );
    assert.doesNotMatch(page.html, /<b>Hanoi/);
    // An article added to the story afterwards chooses nothing: the section is not shown.
    const more = await session.follow(
      await session.upload(
        '/add/files',
        { _csrf: token, outlet: 'Other Wire', story: slug, new_story: '' },
        [{ name: 'hanoi-2.txt', bytes: text.replace('Wednesday', 'Thursday') }],
      ),
    );
    assert.match(more.html, /result-stored/);
    assert.doesNotMatch(more.html, /codebook-choices/);
  });

  test('a new story whose later row names another codebook is not said to have the one its first article chose', async () => {
    // Written for this test (not from any gold set). The first row names no codebook and
    // North Korea five times (us-north-korea is chosen); the second names us-iran, which
    // the story then keeps.
    const text = (day: string) =>
      `North Korea and US envoys meet in Hanoi. Envoys from North Korea and the United ` +
      `States met in Hanoi on ${day} to prepare a second summit. Pyongyang wants sanctions ` +
      `eased before it gives up more of its nuclear programme, and Washington wants a full ` +
      `list of North Korea's sites first. A North Korean official said the talks were ` +
      `useful. Analysts said North Korea and the US were unlikely to agree before the summit.`;
    const rows = [
      {
        title: 'Envoys meet in Hanoi',
        outlet: 'Test Wire',
        story: 'Hanoi envoys',
        text: text('Wednesday'),
      },
      {
        title: 'Envoys meet again in Hanoi',
        outlet: 'Other Wire',
        story: 'Hanoi envoys',
        codebook: 'us-iran',
        text: text('Thursday'),
      },
    ];
    const session = new FormSession(fx.server.base);
    const { token } = await session.open('/add');
    const page = await session.follow(
      await session.upload('/add/files', { _csrf: token }, [
        { name: 'hanoi.jsonl', bytes: rows.map((row) => JSON.stringify(row)).join('\n') },
      ]),
    );
    assert.equal(page.status, 200);
    assert.equal((page.html.match(/result-stored/g) ?? []).length, 2);
    assert.equal(await fx.temp.store.codebookOfStory('Hanoi envoys'), 'us-iran');
    // The page must not say the story has us-north-korea, chosen from its first article.
    assert.doesNotMatch(page.html, /Chosen because North Korea/);
    assert.doesNotMatch(page.html, /codebook-choices/);
  });

  test('an upload with a file of the wrong type, an empty or a binary file stores nothing and says which', async () => {
    const session = new FormSession(fx.server.base);
    const { token } = await session.open('/add');
    const count = await fx.temp.store.countArticles();
    const good = {
      name: 'good.txt',
      bytes: `---\noutlet: Test Wire\nstory: Trade\n---\n${PASTED}`,
    };
    const pdf = await session.upload('/add/files', { _csrf: token }, [
      good,
      { name: 'scan.pdf', bytes: '%PDF-1.4', type: 'application/pdf' },
    ]);
    assert.equal(pdf.status, 415);
    assert.match(
      message(pdf.html),
      /Nothing was stored: scan\.pdf: unsupported file type '\.pdf'; accepted: \.txt \.md \.html \.htm \.csv \.jsonl/,
    );
    const empty = await session.upload('/add/files', { _csrf: token }, [
      good,
      { name: 'empty.csv', bytes: '' },
    ]);
    assert.equal(empty.status, 400);
    assert.match(message(empty.html), /empty\.csv: empty file/);
    const binary = await session.upload('/add/files', { _csrf: token }, [
      { name: 'image.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) },
    ]);
    assert.equal(binary.status, 400);
    assert.match(message(binary.html), /image\.txt: binary file/);
    const nothing = await session.upload('/add/files', { _csrf: token }, []);
    assert.equal(nothing.status, 400);
    assert.match(message(nothing.html), /Choose at least one file/);
    assert.equal(await fx.temp.store.countArticles(), count);
  });

  test('a wrong method on a form address is 405 with Allow', async () => {
    const response = await fetch(`${fx.server.base}/add/files`);
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST');
  });
});

describe('size limits on forms and uploads', () => {
  const fx = serverFixture({ writeLimits: { formBytes: 4_000, fileBytes: 2_000, files: 2 } });

  test('a paste, a file or an upload over the limits is refused with 413 and a page naming the limit', async () => {
    const session = new FormSession(fx.server.base);
    const { token } = await session.open('/add');
    const count = await fx.temp.store.countArticles();
    const paste = await session.post('/add', {
      _csrf: token,
      outlet: 'Test Wire',
      text: PASTED.repeat(20),
    });
    assert.equal(paste.status, 413);
    assert.match(paste.html, /<title>Too large · Parallax<\/title>/);
    assert.match(
      message(paste.html),
      /more than this server accepts \(4 KB\)\. Nothing was stored\./,
    );

    const big = await session.upload('/add/files', { _csrf: token }, [
      { name: 'long.txt', bytes: PASTED.repeat(10) },
    ]);
    assert.equal(big.status, 413);
    assert.match(message(big.html), /A file is larger than this server accepts \(2 KB per file\)/);

    const many = await session.upload('/add/files', { _csrf: token }, [
      { name: 'a.txt', bytes: PASTED },
      { name: 'b.txt', bytes: PASTED },
      { name: 'c.txt', bytes: PASTED },
    ]);
    assert.equal(many.status, 413);
    assert.match(message(many.html), /Too many files: at most 2 in one upload/);
    assert.equal(await fx.temp.store.countArticles(), count);
  });
});

describe('editing and deleting in the browser', () => {
  const fx = serverFixture();

  test('a story edit redirects (303) to the story, which shows the new title; an empty title is refused', async () => {
    const session = new FormSession(fx.server.base);
    const form = await session.open(`/stories/${STORY}/edit`);
    assert.match(form.html, /name="title" value="Blinken in Beijing, June 2023"/);
    assert.match(form.html, /<textarea id="story-description" name="description"/);
    const empty = await session.post(`/stories/${STORY}/edit`, { _csrf: form.token, title: ' ' });
    assert.equal(empty.status, 400);
    assert.match(message(empty.html), /Title must not be empty/);

    const saved = await session.post(`/stories/${STORY}/edit`, {
      _csrf: form.token,
      title: 'Blinken <b>visits</b> Beijing',
      description: 'Five outlets on the June 2023 visit.',
    });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, `/stories/${STORY}`);
    const page = await fx.server.get(saved.location!);
    assert.match(
      page.text,
      /<h1>Blinken &lt;b&gt;visits&lt;\/b&gt; Beijing<\/h1>/,
      'new title, escaped',
    );
    assert.match(page.text, /Five outlets on the June 2023 visit\./);
    assert.equal((await fx.server.get('/stories/nope/edit')).status, 404);
  });

  test('an outlet rename redirects to its new address; a name another outlet has is refused with 409', async () => {
    const [first, second] = await fx.temp.store.listOutlets();
    assert.ok(first && second);
    const session = new FormSession(fx.server.base);
    const form = await session.open(`/outlets/${first.slug}/edit`);
    assert.match(form.html, new RegExp(`name="name" value="${first.name}"`));
    const taken = await session.post(`/outlets/${first.slug}/edit`, {
      _csrf: form.token,
      name: second.name,
      kind: '',
      country: '',
    });
    assert.equal(taken.status, 409);
    assert.match(message(taken.html), /Another outlet is already called/);

    const saved = await session.post(`/outlets/${first.slug}/edit`, {
      _csrf: form.token,
      name: `${first.name} Online`,
      kind: 'newspaper',
      country: 'United States',
    });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, `/outlets/${first.slug}-online`);
    const page = await fx.server.get(saved.location!);
    assert.equal(page.status, 200);
    assert.match(page.text, /<p class="meta">newspaper · United States · /);
  });

  test('an article edit redirects to the article; a bad date or address is refused and the form keeps what was typed', async () => {
    const [article] = await fx.temp.store.listArticles(STORY);
    assert.ok(article);
    const path = `/articles/${article.id}/edit`;
    const session = new FormSession(fx.server.base);
    const form = await session.open(path);
    assert.match(form.html, /<select id="article-outlet" name="outlet">/);
    const fields = {
      _csrf: form.token,
      title: 'A corrected headline',
      author: 'Jane Doe',
      date: '18 June',
      url: 'javascript:alert(1)',
      outlet: article.outlet.slug,
      story: STORY,
    };
    const refused = await session.post(path, fields);
    assert.equal(refused.status, 400);
    assert.match(message(refused.html), /Date must be a date as YYYY-MM-DD/);
    assert.match(message(refused.html), /Address \(URL\) must start with http:\/\/ or https:\/\//);
    assert.match(refused.html, /name="title" value="A corrected headline"/);
    const unknown = await session.post(path, { ...fields, date: '', url: '', outlet: 'nope' });
    assert.equal(unknown.status, 409);

    const saved = await session.post(path, { ...fields, date: '2023-06-19', url: '' });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, `/articles/${article.id}`);
    const page = await fx.server.get(saved.location!);
    assert.match(page.text, /<h1>A corrected headline<\/h1>/);
    assert.match(page.text, /2023-06-19\s*· Jane Doe/);
    const story = await fx.server.get(`/stories/${STORY}`);
    assert.match(
      story.text,
      /A corrected headline/,
      'the story page is not served from a stale cache',
    );
  });

  test('deleting asks first (GET shows what goes), refuses a post without the token, then removes the article', async () => {
    const [article] = await fx.temp.store.listArticles(STORY);
    assert.ok(article);
    const path = `/articles/${article.id}/delete`;
    const session = new FormSession(fx.server.base);
    const confirm = await session.open(path);
    assert.equal(confirm.status, 200);
    assert.match(confirm.html, /This removes the article for good/);
    assert.match(
      confirm.html,
      /<dt>Analysis<\/dt><dd>\d+ segments, \d+ speakers?, \d+ cue words<\/dd>/,
    );
    assert.match(confirm.html, /Also removed:[\s\S]*the outlet/, 'its outlet has no other article');
    assert.ok(await fx.temp.store.getArticle(article.id), 'the GET deleted nothing');

    assert.equal((await session.post(path, {})).status, 403);
    assert.ok(await fx.temp.store.getArticle(article.id));

    const deleted = await session.post(path, { _csrf: confirm.token });
    assert.equal(deleted.status, 303);
    assert.equal(deleted.location, `/stories/${STORY}`);
    assert.equal(await fx.temp.store.getArticle(article.id), null);
    assert.equal((await fx.server.get(`/articles/${article.id}`)).status, 404);
    assert.equal((await fx.server.get(path)).status, 404);
    const story = await fx.server.get(`/stories/${STORY}`);
    assert.doesNotMatch(story.text, new RegExp(`href="/articles/${article.id}"`));
  });

  test('the outlet page prints shares as percentages, like the story page', async () => {
    const [outlet] = await fx.temp.store.listOutlets();
    const page = await fx.server.get(`/outlets/${outlet!.slug}`);
    assert.match(
      page.text,
      /Quoted voices<\/th><td>% of sentences \(difference in points\)<\/td><td class="num">[+−]?\d+ pts<\/td>/,
    );
    assert.match(page.text, /<a href="[^"]+">\d+%<\/a> \/ \d+%/);
    assert.doesNotMatch(page.text, /<a href="[^"]+">0\.\d\d<\/a> \/ 0\.\d\d/);
  });
});

describe('re-analysing a story from the browser', () => {
  const fx = serverFixture();

  test('the page names the runs and data hash behind the story and offers the shipped issue lexicons', async () => {
    const page = await fx.server.get(`/stories/${STORY}/reanalyze`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<option value="" selected>the one of its codebook \(us-china\)/);
    assert.match(page.text, /<option value="issues-us-north-korea.json">issues-us-north-korea /);
    assert.match(page.text, /<dt>Data hash<\/dt><dd><code>[0-9a-f]{64}<\/code> over 5 articles/);
    assert.match(page.text, /<dt>Analysis run 1<\/dt>/);
  });

  test('a re-analysis with the shipped lexicons records a new run, shown on the story page', async () => {
    const session = new FormSession(fx.server.base);
    const { token } = await session.open(`/stories/${STORY}/reanalyze`);
    const sent = await session.upload(
      `/stories/${STORY}/reanalyze`,
      { _csrf: token, issues: 'issues-us-china.json' },
      [],
      'lexicon',
    );
    assert.equal(sent.status, 303);
    assert.equal(sent.location, `/stories/${STORY}#run`);
    const page = await fx.server.get(`/stories/${STORY}`);
    assert.match(
      page.text,
      /<dt>Analysis run 2<\/dt><dd>analyzer [^<]+ · lexicons <code>[0-9a-f]{12}<\/code> · done/,
    );
    assert.doesNotMatch(page.text, /<dt>Analysis run 1<\/dt>/, 'every article is now from run 2');
  });

  test('an uploaded lexicon replaces its namesake and changes the lexicon hash; an invalid one changes nothing', async () => {
    const session = new FormSession(fx.server.base);
    const { token } = await session.open(`/stories/${STORY}/reanalyze`);
    const before = await fx.temp.store.dataStamp({ story: STORY });
    const invalid = JSON.stringify({
      name: 'hedges',
      version: '9',
      entries: [{ phrase: 'may', type: 'guess' }],
    });
    const refused = await session.upload(
      `/stories/${STORY}/reanalyze`,
      { _csrf: token, issues: 'issues-us-china.json' },
      [{ name: 'my-hedges.json', bytes: invalid, type: 'application/json' }],
      'lexicon',
    );
    assert.equal(refused.status, 400);
    assert.match(
      message(refused.html),
      /Nothing was re-analysed\. invalid lexicon file my-hedges\.json: entry 0 \("may"\): field "type":/,
    );
    const notLexicon = await session.upload(
      `/stories/${STORY}/reanalyze`,
      { _csrf: token, issues: 'issues-us-china.json' },
      [{ name: 'x.json', bytes: '{"name": "recipes"}', type: 'application/json' }],
      'lexicon',
    );
    assert.equal(notLexicon.status, 400);
    assert.match(
      message(notLexicon.html),
      /"name" is "recipes", which is no lexicon Parallax reads/,
    );
    assert.deepEqual(await fx.temp.store.dataStamp({ story: STORY }), before);

    const shipped = JSON.parse(
      readFileSync(projectPath('analysis', 'lexicons', 'hedges.json'), 'utf8'),
    ) as { version: string; entries: { phrase: string; type: string }[] };
    const mine = {
      ...shipped,
      version: `${shipped.version}-mine`,
      entries: shipped.entries.slice(1),
    };
    const sent = await session.upload(
      `/stories/${STORY}/reanalyze`,
      { _csrf: token, issues: 'issues-us-china.json' },
      [{ name: 'hedges.json', bytes: JSON.stringify(mine), type: 'application/json' }],
      'lexicon',
    );
    assert.equal(sent.status, 303);
    const after = await fx.temp.store.dataStamp({ story: STORY });
    assert.equal(after.runs.length, 1);
    assert.notEqual(after.runs[0]!.lexiconHash, before.runs[0]!.lexiconHash);
    assert.notEqual(after.dataHash, before.dataHash);
  });
});

describe('choosing a story’s codebook in the browser', () => {
  const fx = serverFixture();
  const runsOf = async () =>
    (await fx.temp.store.dataStamp({ story: STORY })).runs.map((r) => r.id);

  test('the edit form offers every bundled codebook with its parties, the story’s selected', async () => {
    const form = await new FormSession(fx.server.base).open(`/stories/${STORY}/edit`);
    assert.match(form.html, /<option value="us-china" selected>United States and China<\/option>/);
    for (const name of ['us-iran', 'us-north-korea', 'us-russia'])
      assert.match(form.html, new RegExp(`<option value="${name}">`), name);
    assert.match(
      form.html,
      /<dt>United States and North Korea<\/dt><dd>US government, North Korean government; issues: /,
    );
    assert.match(form.html, /re-analyses the story's 5 articles with it/);
  });

  test('without the CSRF token, or with a codebook not offered, nothing changes', async () => {
    const session = new FormSession(fx.server.base);
    const form = await session.open(`/stories/${STORY}/edit`);
    const before = await runsOf();
    const title = 'Blinken in Beijing, June 2023';
    const forged = await session.post(`/stories/${STORY}/edit`, {
      title,
      codebook: 'us-north-korea',
    });
    assert.equal(forged.status, 403);
    const unknown = await session.post(`/stories/${STORY}/edit`, {
      _csrf: form.token,
      title,
      codebook: '../../etc/passwd',
    });
    assert.equal(unknown.status, 400);
    assert.match(message(unknown.html), /Codebook “..\/..\/etc\/passwd” is not one of: us-china/);
    assert.equal((await fx.temp.store.getStory(STORY))?.codebook, 'us-china');
    assert.deepEqual(await runsOf(), before);
  });

  test('saving the title with the same codebook re-analyses nothing', async () => {
    const session = new FormSession(fx.server.base);
    const form = await session.open(`/stories/${STORY}/edit`);
    const before = await runsOf();
    const saved = await session.post(`/stories/${STORY}/edit`, {
      _csrf: form.token,
      title: 'Blinken in Beijing, June 2023',
      codebook: 'us-china',
    });
    assert.equal(saved.status, 303);
    assert.deepEqual(await runsOf(), before);
  });

  test('another codebook is stored and the story re-analysed with it: its sides follow', async () => {
    const session = new FormSession(fx.server.base);
    const form = await session.open(`/stories/${STORY}/edit`);
    const before = await runsOf();
    const saved = await session.post(`/stories/${STORY}/edit`, {
      _csrf: form.token,
      title: 'Blinken in Beijing, June 2023',
      codebook: 'us-north-korea',
    });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, `/stories/${STORY}`);
    assert.equal((await fx.temp.store.getStory(STORY))?.codebook, 'us-north-korea');
    const after = await runsOf();
    assert.equal(after.length, 1, 'every article from the one new run');
    assert.ok(!before.includes(after[0]!), 'a new analysis run');
    const api = JSON.parse((await fx.server.get(`/api/stories/${STORY}`)).text) as {
      codebook: { name: string };
      outlets: { voices: Record<string, unknown> }[];
    };
    assert.equal(api.codebook.name, 'us-north-korea');
    assert.ok(api.outlets.every((o) => 'nk_gov' in o.voices && !('china_gov' in o.voices)));
    // A Chinese official is "other" in a US–North Korea story: no china_gov speaker is left.
    const speakers = (await fx.server.get(`/export/speakers.csv?story=${STORY}`)).text;
    assert.match(speakers, /,other,/);
    assert.doesNotMatch(speakers, /,china_gov,/);
    const page = await fx.server.get(`/stories/${STORY}`);
    assert.match(page.text, /United States and North Korea/);
    const again = await session.open(`/stories/${STORY}/edit`);
    assert.match(again.html, /<option value="us-north-korea" selected>/);
  });
});

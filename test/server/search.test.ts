// The concordance over HTTP (/search and /api/search) on the bundled corpus: matches marked
// and escaped, filters narrowing as the store says, empty queries listing by filters alone,
// hostile input answered without a 500, and bad parameters with a 400 that says why.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../../lib/project-paths.js';
import { corpusStore, serve, serverFixture } from '../helpers.js';
import { searchJson, searchPage } from '../../server/pages/search.js';
import type { SearchResult, SearchRow } from '../../db/store.js';

interface SearchJson {
  query: string;
  filters: Record<string, unknown>;
  total: number;
  more: boolean;
  pagination: { page: number; perPage: number; total: number; pageCount: number | null };
  results: {
    segmentId: number;
    href: string;
    outlet: string;
    text: string;
    kind: string;
    matches: { start: number; end: number }[];
    expectation: string | null;
    side: string | null;
    quote: string | null;
  }[];
}

describe('/search', () => {
  const fx = serverFixture();

  const json = async (query: string): Promise<SearchJson> => {
    const response = await fx.server.get(`/api/search?${query}`);
    assert.equal(response.status, 200, response.text);
    assert.match(response.type ?? '', /application\/json/);
    return JSON.parse(response.text) as SearchJson;
  };
  const lines = (html: string) => html.match(/<tr title=/g)?.length ?? 0;

  test('a word lists its sentences from several outlets, the word marked, each linked', async () => {
    const { status, text } = await fx.server.get('/search?q=balloon');
    assert.equal(status, 200);
    const found = await json('q=balloon');
    assert.ok(found.total >= 5);
    assert.equal(lines(text), found.total);
    assert.match(text, /<mark>balloon<\/mark>/);
    for (const outlet of ['CNN', 'ChinaFile', 'The New York Times'])
      assert.ok(text.includes(outlet));
    for (const r of found.results) {
      assert.match(r.href, /^\/articles\/\d+#s\d+$/);
      assert.ok(text.includes(`href="${r.href}"`));
    }
  });

  test('stems, phrases and prefixes', async () => {
    const tempered = await json('q=tempered');
    assert.ok(tempered.results.some((r) => /\btemper\b/.test(r.text)));
    const phrase = await json(`q=${encodeURIComponent('"spy balloon"')}`);
    assert.ok(phrase.total > 0 && phrase.total < (await json('q=balloon')).total + 1);
    assert.ok(phrase.results.every((r) => /spy balloon/i.test(r.text)));
    const prefix = await json('q=negotiat*');
    assert.ok(prefix.total > 0);
    assert.ok(prefix.results.every((r) => /negotiat/i.test(r.text)));
  });

  test('each filter narrows to sentences that have it', async () => {
    const all = await json('');
    const cases: [string, (r: SearchJson['results'][number]) => boolean][] = [
      ['outlet=cnn', (r) => r.outlet === 'cnn'],
      ['expectation=lowers', (r) => r.expectation === 'lowers'],
      ['side=us_gov', (r) => r.side === 'us_gov' && r.quote !== 'none'],
      ['voice=quoted', (r) => r.side !== null && r.quote !== 'none'],
      ['kind=byline', (r) => r.kind === 'byline'],
      ['speaker=Jacob%20Stokes', (r) => r.side === 'analyst'],
      ['issue=taiwan', (r) => /taiwan/i.test(r.text)],
    ];
    for (const [query, holds] of cases) {
      const found = await json(query);
      assert.ok(found.total > 0, `${query} finds something`);
      assert.ok(found.total < all.total || query === 'kind=byline', `${query} narrows`);
      assert.ok(found.results.every(holds), query);
    }
    const both = await json('q=balloon&outlet=the-daily-beast');
    assert.ok(both.total > 0 && both.results.every((r) => r.outlet === 'the-daily-beast'));
    const lead = await json('part=lead');
    const body = await json('part=body');
    assert.equal(lead.total + body.total, all.total, 'lead and body split the sentences');
  });

  test('an empty query with filters lists sentences, with the filters shown and removable', async () => {
    const { status, text: html } = await fx.server.get('/search?outlet=cnn&side=analyst');
    // Handlebars escapes = and & in attributes.
    const text = html.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
    assert.equal(status, 200);
    const found = await json('outlet=cnn&side=analyst');
    assert.ok(found.total > 0);
    assert.equal(lines(text), found.total);
    assert.match(text, /outlet: CNN/);
    assert.ok(text.includes('href="/search?side=analyst"'), 'removing the outlet keeps the side');
    assert.ok(text.includes('href="/search?outlet=cnn"'), 'removing the side keeps the outlet');
  });

  test('blank form fields mean "any"', async () => {
    const { status } = await fx.server.get(
      '/search?q=talks&story=&outlet=&kind=&expectation=&page=',
    );
    assert.equal(status, 200);
  });

  test('hostile query text never gives a 500', async () => {
    for (const q of [
      '"',
      '*',
      'NEAR(',
      ')',
      '-',
      ':',
      '" NEAR( a b )',
      'a OR b',
      'x:y',
      '"""',
      '^',
      "'",
      '\\',
      '%',
      'AND',
      '{a b}',
    ]) {
      const page = await fx.server.get(`/search?q=${encodeURIComponent(q)}`);
      assert.ok(page.status === 200 || page.status === 400, `${q}: ${page.status}`);
      const api = await fx.server.get(`/api/search?q=${encodeURIComponent(q)}`);
      assert.ok(api.status === 200 || api.status === 400, `${q}: ${api.status}`);
    }
    const { status, text } = await fx.server.get(`/search?q=${encodeURIComponent('" * -')}`);
    assert.equal(status, 400);
    assert.match(text, /has no words to search for/);
  });

  test('HTML in the query is escaped', async () => {
    const { text } = await fx.server.get(
      `/search?q=${encodeURIComponent('<script>alert(1)</script>')}`,
    );
    assert.ok(!text.includes('<script>alert(1)'));
    assert.ok(text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  test('unknown values get a 400 that names them', async () => {
    for (const [query, message] of [
      ['kind=poem', /unknown kind “poem”/i],
      ['side=martians', /unknown side “martians”/i],
      ['expectation=maybe', /unknown expectation/i],
      ['voice=choir', /unknown voice/i],
      ['part=tail', /unknown part/i],
      ['page=0', /page is a whole number/i],
      ['outlet=cnn&outlet=nyt', /give one “outlet”/i],
      ['story=no-such-story', /No story “no-such-story”/i],
      ['outlet=no-such-outlet', /No outlet “no-such-outlet”/i],
      ['colour=red', /unknown parameter “colour”/i],
    ] as const) {
      const page = await fx.server.get(`/search?${query}`);
      assert.equal(page.status, 400, query);
      assert.match(page.text, message, query);
      const api = await fx.server.get(`/api/search?${query}`);
      assert.equal(api.status, 400, query);
      assert.match((JSON.parse(api.text) as { error: string }).error, message, query);
    }
  });

  test('a page past the end is an empty list with a note', async () => {
    const { status, text } = await fx.server.get('/search?q=balloon&page=9');
    assert.equal(status, 200);
    assert.equal(lines(text), 0);
    assert.match(text, /Page 9 is past the end/);
    const api = await json('q=balloon&page=9');
    assert.equal(api.results.length, 0);
    assert.ok(api.total > 0);
  });

  test('pages of 50, the JSON in the documented shape', async () => {
    const first = await json('');
    assert.equal(first.pagination.perPage, 50);
    assert.equal(first.results.length, 50);
    assert.deepEqual(Object.keys(first), [
      'stamp',
      'query',
      'terms',
      'filters',
      'total',
      'more',
      'scanned',
      'pagination',
      'results',
    ]);
    assert.equal(first.more, false, 'the bundled corpus is under the count limit');
    assert.equal(first.pagination.total, first.total);
    assert.equal(first.pagination.pageCount, Math.ceil(first.total / 50));
    const second = await json('page=2');
    assert.equal(second.pagination.page, 2);
    assert.notEqual(second.results[0]?.segmentId, first.results[0]?.segmentId);
    const page = await fx.server.get('/search');
    assert.match(page.text, /rel="next"/);
    const filtered = await json('q=balloon&outlet=cnn&kind=headline&kind=body&cue=hedge:*');
    assert.deepEqual(filtered.filters, {
      outlet: 'cnn',
      kind: ['headline', 'body'],
      cue: ['hedge:*'],
    });
  });
});

describe('the side filter knows every codebook’s parties', () => {
  const fx = serverFixture();

  test('a party of any bundled codebook is a valid side, also where no sentence has it', async () => {
    for (const side of ['nk_gov', 'iran_gov', 'russia_gov', 'china_gov', 'narrator', 'other']) {
      const page = await fx.server.get(`/api/search?side=${side}`);
      assert.equal(page.status, 200, `${side}: ${page.text}`);
    }
    const none = JSON.parse((await fx.server.get('/api/search?side=nk_gov')).text) as SearchJson;
    assert.equal(none.total, 0, 'the US–China sample quotes no North Korean official');
    const form = (await fx.server.get('/search')).text;
    assert.ok(form.includes('<option value="nk_gov"'), 'the form offers North Korea');
  });

  test('a party of a stored story’s own codebook file is valid; an unknown one is not', async () => {
    const temp = await corpusStore();
    try {
      // A researcher's codebook: the US–North Korea one with its second party renamed.
      const book = JSON.parse(
        readFileSync(projectPath('analysis', 'codebooks', 'us-north-korea.json'), 'utf8'),
      ) as { name: string; issues: string; parties: { id: string; name: string }[] };
      book.name = 'my-talks';
      // Its issue lexicon beside it: a path with a slash is read relative to the codebook.
      writeFileSync(
        join(temp.dir, book.issues),
        readFileSync(projectPath('analysis', 'lexicons', book.issues)),
      );
      book.issues = `./${book.issues}`;
      book.parties[1]!.id = 'kpa';
      book.parties[1]!.name = 'Korean People’s Army';
      const file = join(temp.dir, 'my-talks.json');
      writeFileSync(file, JSON.stringify(book));
      await temp.store.setStoryCodebook('blinken-in-beijing-june-2023', file);
      const server = await serve(temp.store);
      try {
        assert.equal((await server.get('/api/search?side=kpa')).status, 200);
        const page = await server.get('/search?side=kpa');
        assert.equal(page.status, 200);
        assert.ok(page.text.includes('voice of: Korean People’s Army'), 'the chip names it');
        const unknown = await server.get('/api/search?side=kpb');
        assert.equal(unknown.status, 400);
        assert.match(unknown.text, /unknown side “kpb”: use one of narrator, us_gov.*kpa/);
        assert.equal((JSON.parse(unknown.text) as { status: number }).status, 400);
      } finally {
        await server.close();
      }
    } finally {
      await temp.cleanup();
    }
  });
});

describe('the concordance’s counts say what they are', () => {
  const fx = serverFixture();

  test('a count stopped by the scan says “at least”, and its next page goes on after where the scan ended', async () => {
    const found = await fx.temp.store.searchSentences({
      terms: [{ text: 'the', prefix: false }],
      offset: 0,
      limit: 50,
    });
    const rows: SearchRow[] = found.rows.slice(0, 3);
    const result: SearchResult = { total: 3, more: false, rows, scanned: 10_000, next: 987 };
    const request = { q: 'the', terms: [{ text: 'the', prefix: false }], filters: {}, page: 1 };
    const page = searchPage(request, result, {
      stories: await fx.temp.store.listStories(),
      cueCategories: [],
    });
    assert.match(
      page.summary ?? '',
      /^At least 3 sentences match “the” \(counted among the first 10,000/,
    );
    assert.match(page.note ?? '', /the count covers the first 10,000/);
    assert.equal(page.pager?.next, '/search?q=the&page=2&after=987');
    const body = searchJson(request, result);
    assert.equal(body.scanned, 10_000);
    assert.equal(body.pagination.pageCount, null);
    assert.equal(body.pagination.nextAfter, 987);
    // An exact count says so, with numbered pages and no `after`.
    const exact = searchPage(
      request,
      { total: 3, more: false, rows },
      {
        stories: await fx.temp.store.listStories(),
        cueCategories: [],
      },
    );
    assert.match(exact.summary ?? '', /^3 sentences match “the” · showing 1–3$/);
    assert.equal(exact.pager, null);
  });

  test('after= reads the page after that sentence, and a bad after is a 400', async () => {
    const first = await fx.server.get('/api/search?q=the');
    const body = JSON.parse(first.text) as SearchJson;
    const cut = body.results[9]?.segmentId;
    assert.ok(cut !== undefined);
    const bad = await fx.server.get('/search?q=the&after=x');
    assert.equal(bad.status, 400);
    assert.match(bad.text, /after is a sentence id/i);
    const later = await fx.server.get(`/api/search?q=the&after=${cut}`);
    assert.equal(later.status, 200);
  });
});

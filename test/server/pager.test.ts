import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HttpError } from '../../server/http-error.js';
import { pageNumber, paginate } from '../../server/pager.js';
import { boundedInput } from '../../server/pages/facts.js';
import type { StorySentence } from '../../db/store.js';

describe('pageNumber', () => {
  test('reads a plain positive number, 1 when absent', () => {
    assert.equal(pageNumber(undefined), 1);
    assert.equal(pageNumber(''), 1);
    assert.equal(pageNumber('7'), 7);
  });
  test('refuses anything else with a 400 naming the parameter', () => {
    for (const bad of ['0', '-1', '2x', '0x10', '1e1', ' 2', '2.0', ['1', '2'], '99999999']) {
      assert.throws(
        () => pageNumber(bad, 'articles'),
        (e: unknown) => e instanceof HttpError && e.status === 400 && /“articles”/.test(e.message),
        JSON.stringify(bad),
      );
    }
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 23 }, (_, i) => i);
  const href = (n: number) => `/list?page=${n}`;
  test('gives the page, its range and the links around it', () => {
    const { items: shown, pager } = paginate(items, 2, 10, href);
    assert.deepEqual(shown, [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    assert.equal(pager.first, 11);
    assert.equal(pager.last, 20);
    assert.equal(pager.pageCount, 3);
    assert.equal(pager.previous, '/list?page=1');
    assert.equal(pager.next, '/list?page=3');
    assert.deepEqual(
      pager.pages.map((p) => p && [p.label, p.current]),
      [
        ['1', false],
        ['2', true],
        ['3', false],
      ],
    );
  });
  test('marks gaps between distant pages and refuses a page past the end', () => {
    const many = Array.from({ length: 200 }, (_, i) => i);
    const { pager } = paginate(many, 10, 10, href);
    assert.deepEqual(
      pager.pages.map((p) => p?.label ?? '…'),
      ['1', '…', '8', '9', '10', '11', '12', '…', '20'],
    );
    assert.throws(() => paginate(items, 4, 10, href), /the last page is 3/);
    assert.equal(paginate([], 1, 10, href).pager.isPaged, false);
  });
});

describe('the aligned input of a big story', () => {
  const sentence = (articleId: number, position: number) =>
    ({ articleId, position, kind: 'body' }) as StorySentence;
  test('is every sentence when they fit, else the same first k of each article', () => {
    const sentences = [
      ...Array.from({ length: 10 }, (_, i) => sentence(1, i)),
      ...Array.from({ length: 3 }, (_, i) => sentence(2, i)),
      ...Array.from({ length: 6 }, (_, i) => sentence(3, i)),
    ];
    assert.equal(boundedInput(sentences, 19).perArticle, null);
    const { scored, perArticle } = boundedInput(sentences, 12);
    // k = 4: 4 + 3 + 4 = 11 fit; k = 5 would take 13.
    assert.equal(perArticle, 4);
    assert.equal(scored.length, 11);
    assert.ok(scored.every((s) => s.position < 4));
  });
});

// What every response says about itself (headers a browser enforces) and how the app
// answers addresses and methods it does not serve.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serverFixture } from '../helpers.js';

describe('security headers and strict routing', () => {
  const fx = serverFixture();

  test('pages carry a script-free content security policy, nosniff and no framing', async () => {
    for (const path of ['/', '/articles/1', '/search?q=talks', '/nowhere']) {
      const response = await fetch(fx.server.base + path);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/, path);
      assert.match(csp, /style-src 'self'/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.doesNotMatch(csp, /script-src|unsafe-inline/, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('x-frame-options'), 'DENY', path);
    }
  });

  test('article ids are plain digits: 0x10, 1e1, +16 and 016 are not article 16', async () => {
    assert.equal((await fx.server.get('/articles/1')).status, 200);
    for (const id of ['0x10', '1e1', '+1', '01', '1.0', '%201', '0']) {
      assert.equal((await fx.server.get(`/articles/${id}`)).status, 404, id);
    }
  });

  test('a wrong method on a known address is 405 with Allow; an unknown address stays 404', async () => {
    for (const path of ['/', '/articles/1', '/search', '/stories/x/facts']) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
        const response = await fetch(fx.server.base + path, { method });
        assert.equal(response.status, 405, `${method} ${path}`);
        assert.equal(response.headers.get('allow'), 'GET, HEAD', `${method} ${path}`);
      }
    }
    assert.equal((await fetch(fx.server.base + '/nowhere', { method: 'POST' })).status, 404);
    assert.equal((await fetch(fx.server.base + '/', { method: 'HEAD' })).status, 200);
  });
});

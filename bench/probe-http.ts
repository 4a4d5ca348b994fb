// The hostile-user probes of the server (issue 16's table): path traversal, malformed
// %-escapes, huge queries, odd methods, odd ids, and the security headers, against a real
// server. Each request is one line of figures; the caller counts what held. Requests go
// through node:http, which sends any method (fetch refuses TRACE).

import http from 'node:http';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(base: string, method: string, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(base + path, { method, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 30 s')));
    req.on('error', reject);
    req.end();
  });
}

export interface HttpProbe {
  what: string;
  method: string;
  path: string;
  status: number | null;
  /** What was wrong with the answer, or null when it held. */
  problem: string | null;
}

const TRAVERSALS = [
  '/static/../../package.json',
  '/static/%2e%2e/%2e%2e/package.json',
  '/static/..%2f..%2fpackage.json',
  '/static/%2e%2e%5c%2e%2e%5cpackage.json',
  '/stories/..%2F..%2Fpackage.json',
  '/articles/..%2F1',
  '/static/%00style.css',
  '//etc/passwd',
];

const MALFORMED = [
  '/%',
  '/stories/%E0%A4%A',
  '/stories/%ZZ',
  '/search?q=%',
  '/articles/%',
  '/add/results/%C0%AF',
];

const ODD_IDS = [
  '/articles/0x10',
  '/articles/1e1',
  '/articles/-1',
  '/articles/01',
  '/articles/1.0',
  '/articles/99999999999999999999',
  '/api/articles/0x10',
];

const METHODS = ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND'];

/** Runs every probe against the server at `base`. */
export async function probeServer(base: string, story: string): Promise<HttpProbe[]> {
  const probes: HttpProbe[] = [];
  const ask = async (
    what: string,
    method: string,
    path: string,
    check: (r: Answer, body: string) => string | null,
  ) => {
    try {
      const answer = await request(base, method, path);
      probes.push({
        what,
        method,
        path,
        status: answer.status,
        problem: check(answer, answer.body),
      });
    } catch (error) {
      const message = (error as Error).message;
      // Node's own parser drops a request whose headers pass its 16 KB limit (a 431 that
      // the client may see as a reset while still sending): refused before the app.
      const refused = path.length > 16_384 && /ECONNRESET|EPIPE/.test(message);
      probes.push({ what, method, path, status: null, problem: refused ? null : message });
    }
  };
  const noLeak = (r: Answer, body: string) =>
    r.status >= 500
      ? `HTTP ${r.status}`
      : /"name":\s*"parallax"|root:x:0:0|at .+\.js:\d+/.test(body)
        ? 'leaked a file or a stack trace'
        : null;

  for (const path of TRAVERSALS)
    await ask(
      'traversal',
      'GET',
      path,
      (r, body) =>
        noLeak(r, body) ??
        (r.status === 200 && !path.includes('style') ? 'served something' : null),
    );
  for (const path of MALFORMED)
    await ask(
      'malformed %',
      'GET',
      path,
      (r, body) =>
        noLeak(r, body) ??
        ((r.status >= 400 && r.status < 500) || r.status === 200 ? null : `HTTP ${r.status}`),
    );
  for (const path of ODD_IDS)
    await ask(
      'odd id',
      'GET',
      path,
      (r, body) => noLeak(r, body) ?? (r.status === 404 ? null : `HTTP ${r.status}, not 404`),
    );
  // 12 KB reaches the app; 200 KB is refused by Node's header limit (431) before it.
  const huge = 'x'.repeat(12_000);
  for (const path of [
    `/search?q=${huge}`,
    `/stories/${story}?outlet=${huge}`,
    `/export/segments.csv?story=${huge}`,
  ]) {
    await ask('huge query', 'GET', path, (r, body) => noLeak(r, body));
  }
  await ask('huge query', 'GET', `/search?q=${'x'.repeat(200_000)}`, (r, body) => noLeak(r, body));
  for (const method of METHODS) {
    for (const path of ['/', `/stories/${story}`, '/add']) {
      await ask(
        'odd method',
        method,
        path,
        (r, body) =>
          noLeak(r, body) ??
          (r.status === 405 || (method === 'OPTIONS' && r.status < 300)
            ? null
            : `HTTP ${r.status}, not 405`),
      );
    }
  }
  for (const path of [
    '/',
    `/stories/${story}`,
    '/articles/1',
    '/add',
    '/search?q=talks',
    '/nowhere',
    '/export/articles.csv',
    '/api/stories',
  ]) {
    await ask('headers', 'GET', path, (r) => {
      const csp = String(r.headers['content-security-policy'] ?? '');
      const missing = [
        csp.includes("default-src 'none'") && csp.includes("frame-ancestors 'none'") ? null : 'CSP',
        r.headers['x-content-type-options'] === 'nosniff' ? null : 'nosniff',
        r.headers['x-frame-options'] === 'DENY' ? null : 'X-Frame-Options',
        r.headers['x-powered-by'] === undefined ? null : 'X-Powered-By sent',
      ].filter((m) => m !== null);
      return missing.length === 0 ? null : `missing ${missing.join(', ')}`;
    });
  }
  return probes;
}

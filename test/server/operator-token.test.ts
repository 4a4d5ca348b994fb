// Writes beyond localhost: with an operator token set, every write needs it besides the
// CSRF token, and `npm start` refuses to listen beyond 127.0.0.1/localhost/::1 without one.
// (The tests never listen beyond 127.0.0.1: the refusal happens before the server listens.)

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { projectPath } from '../../lib/project-paths.js';
import { OPERATOR_HEADER, operatorTokenFor } from '../../server/access.js';
import { serverFixture } from '../helpers.js';
import { FormSession, message } from './form-session.js';

const TOKEN = 'correct-horse-battery-staple';
const STORY = 'blinken-in-beijing-june-2023';

describe('writes on a server reachable from other machines', () => {
  const fx = serverFixture({ operatorToken: TOKEN });

  test('every write form asks for the operator token', async () => {
    for (const path of [
      '/add',
      `/stories/${STORY}/edit`,
      '/articles/1/delete',
      `/stories/${STORY}/reanalyze`,
    ]) {
      const page = await new FormSession(fx.server.base).open(path);
      assert.match(
        page.html,
        /<input id="operator-token" type="password" name="operator_token"/,
        path,
      );
    }
  });

  test('a write with the CSRF token but without the operator token, or a wrong one, is refused with 403', async () => {
    const session = new FormSession(fx.server.base);
    const form = await session.open(`/stories/${STORY}/edit`);
    const fields = { _csrf: form.token, title: 'Changed without the token' };
    const without = await session.post(`/stories/${STORY}/edit`, fields);
    assert.equal(without.status, 403);
    assert.match(message(without.html), /need the operator’s token/);
    const wrong = await session.post(`/stories/${STORY}/edit`, {
      ...fields,
      operator_token: `${TOKEN}x`,
    });
    assert.equal(wrong.status, 403);
    const header = await session.post(`/stories/${STORY}/edit`, fields, {
      [OPERATOR_HEADER]: 'nope',
    });
    assert.equal(header.status, 403);
    assert.equal((await fx.temp.store.getStory(STORY))?.title, 'Blinken in Beijing, June 2023');
  });

  test('the right operator token, in the form or in the header, lets the write through', async () => {
    const session = new FormSession(fx.server.base);
    const form = await session.open(`/stories/${STORY}/edit`);
    const field = await session.post(`/stories/${STORY}/edit`, {
      _csrf: form.token,
      title: 'Edited with the token',
      operator_token: TOKEN,
    });
    assert.equal(field.status, 303);
    assert.equal((await fx.temp.store.getStory(STORY))?.title, 'Edited with the token');
    const header = await session.post(
      `/stories/${STORY}/edit`,
      { _csrf: form.token, title: 'Edited with the header' },
      { [OPERATOR_HEADER]: TOKEN },
    );
    assert.equal(header.status, 303);
    assert.equal((await fx.temp.store.getStory(STORY))?.title, 'Edited with the header');
  });
});

describe('which addresses need an operator token', () => {
  test('loopback addresses need none; any other address needs one of at least 16 characters', () => {
    for (const host of ['127.0.0.1', 'localhost', 'LOCALHOST', '::1']) {
      assert.equal(operatorTokenFor(host, undefined), null, host);
      assert.equal(operatorTokenFor(host, TOKEN), null, host);
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'parallax.example.org']) {
      assert.throws(() => operatorTokenFor(host, undefined), /set PARALLAX_OPERATOR_TOKEN/, host);
      assert.throws(() => operatorTokenFor(host, '  '), /set PARALLAX_OPERATOR_TOKEN/, host);
      assert.throws(() => operatorTokenFor(host, 'short'), /too short/, host);
      assert.equal(operatorTokenFor(host, TOKEN), TOKEN, host);
    }
  });
});

/** Runs `npm start`'s entry point and collects what it prints until it exits or prints `until`. */
function start(
  args: string[],
  env: Record<string, string>,
  until?: RegExp,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    for (const name of ['PARALLAX_OPERATOR_TOKEN', 'HOST', 'PORT'])
      if (!(name in env)) delete childEnv[name];
    const child = spawn(process.execPath, [projectPath('dist', 'server', 'main.js'), ...args], {
      env: childEnv,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (until?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm start and the operator token', () => {
  test('refuses to listen beyond localhost without PARALLAX_OPERATOR_TOKEN, before opening the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-main-'));
    try {
      const db = join(dir, 'refused.sqlite');
      const bare = await start(['--host', '0.0.0.0', '--port', '0', '--db', db], {});
      assert.equal(bare.code, 1);
      assert.match(
        bare.stderr,
        /^parallax: listening on 0\.0\.0\.0 lets other machines reach the forms/,
      );
      assert.match(bare.stderr, /set PARALLAX_OPERATOR_TOKEN/);
      const short = await start(['--port', '0', '--db', db], {
        HOST: '192.168.1.20',
        PARALLAX_OPERATOR_TOKEN: 'abc',
      });
      assert.equal(short.code, 1);
      assert.match(short.stderr, /PARALLAX_OPERATOR_TOKEN is too short/);
      assert.equal(existsSync(db), false, 'no database was created');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('starts on 127.0.0.1 without a token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-main-'));
    try {
      const run = await start(
        ['--host', '127.0.0.1', '--port', '0', '--db', join(dir, 'local.sqlite')],
        {},
        /Parallax is serving .* at http:\/\/127\.0\.0\.1:\d+\//,
      );
      assert.match(run.stdout, /Parallax is serving/);
      assert.doesNotMatch(run.stdout, /operator token/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Headless Chromium for the browser tests: Debian's package at /usr/bin/chromium, never a
// downloaded browser, started with the flags this closed network needs.

import { existsSync, mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { projectPath } from '../../lib/project-paths.js';
import { serverFixture } from '../helpers.js';
import type { ServerFixture } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = projectPath('test-results', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface BrowserFixture extends ServerFixture {
  browser: Browser;
  /** A laptop-sized page (1366 × 900). */
  page: Page;
}

/** serverFixture() plus a Chromium page, for a describe block. */
export function browserFixture(): BrowserFixture {
  const fx = serverFixture() as BrowserFixture;
  before(async () => {
    fx.browser = await launchBrowser();
    fx.page = await fx.browser.newPage({ viewport: { width: 1366, height: 900 } });
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await fx.browser?.close();
  });
  return fx;
}

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, newTvPage } from './browser.js';
import { startTestServer, type TestServer, type TestServerOptions } from './server.js';

export interface TvSuite {
  server: TestServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * The set-up the TV browser tests share: one real server (its clock at `now`) and one Chromium for
 * the file, and a fresh 1920×1080 TV page for each test (`pagePer: 'test'`, the default) or one
 * for the whole file. `bind` is called with the live objects each time they change, so a test
 * file keeps plain `server` / `page` variables.
 */
export function useTvSuite(
  opts: TestServerOptions & { pagePer?: 'test' | 'file'; speechMsPerChar?: number },
  bind: (suite: TvSuite) => void,
): void {
  const suite = {} as TvSuite;
  const openPage = async () => {
    ({ context: suite.context, page: suite.page } = await newTvPage(suite.browser, {
      speechMsPerChar: opts.speechMsPerChar,
    }));
    bind(suite);
  };
  beforeAll(async () => {
    suite.server = await startTestServer(opts);
    suite.browser = await launchBrowser();
    bind(suite);
    if (opts.pagePer === 'file') await openPage();
  });
  afterAll(async () => {
    if (opts.pagePer === 'file') await suite.context?.close();
    await suite.browser?.close();
    await suite.server?.close();
  });
  if (opts.pagePer !== 'file') {
    beforeEach(openPage);
    afterEach(async () => {
      await suite.context.close();
    });
  }
}

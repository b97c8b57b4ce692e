import type { Browser, Page } from 'playwright-core';
import { ensureChromium, ensureClientBuilt, launchBrowser } from './browser';
import { startWebStack, type WebStack } from './start-web-stack';

/** What a web spec's tests use: one stack and one browser per file, a fresh page per test. */
export interface WebSuite {
  readonly stack: WebStack;
  readonly browser: Browser;
  readonly page: Page;
}

/**
 * Registers the hooks of a web spec file (call it first in the describe block, so that its hooks run before the
 * file's own): every service and the web front end on real Kafka and Postgres, Debian Chromium, and a 1280x900
 * page per test, closed after it.
 */
export function webSuite(): WebSuite {
  const suite = {} as { stack: WebStack; browser: Browser; page: Page };
  beforeAll(async () => {
    ensureChromium();
    ensureClientBuilt();
    [suite.stack, suite.browser] = await Promise.all([startWebStack(), launchBrowser()]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.stack?.close();
  });
  beforeEach(async () => {
    suite.page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => {
    await suite.page?.close();
  });
  return suite;
}

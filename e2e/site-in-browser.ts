// The set-up every browser test of the built site shares: before the file's tests, the site is
// built (once per set of sources) and served on this worker's port (whose origin the test sandbox allows), and Chromium is launched; after
// them both are closed. Call it at the top of a test file.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { builtSite } from './built-site.ts';
import { serveStatic, type StaticSite } from './static-server.ts';
import { testSitePort } from '../test/sandbox-context.ts';

export interface SiteInBrowser {
  /** The served site's origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly browser: Browser;
}

export function siteInBrowser(): SiteInBrowser {
  let site: StaticSite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveStatic(await builtSite(), testSitePort());
    browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  // Read lazily: the hooks fill them in only once the file's tests are about to run.
  const ready = <T,>(value: T | undefined): T => {
    if (value === undefined) throw new Error('siteInBrowser() is ready only inside tests and hooks, after its beforeAll');
    return value;
  };
  return {
    get url() {
      return ready(site).url;
    },
    get browser() {
      return ready(browser);
    },
  };
}

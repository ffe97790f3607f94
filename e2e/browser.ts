// Debian's Chromium through playwright-core (no browser downloads on this machine).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const executablePath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A browser whose contexts (browser.newContext()) are like private windows: their storage lives
 *  in memory and goes with them. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: executablePath(), args: chromiumArgs });
}

export interface Profile {
  context: BrowserContext;
  /** Ends the browser, then deletes the profile. */
  close(): Promise<void>;
}

/** A fresh browser profile on disk, as a learner's own browser keeps one: its HTTP cache, its
 *  compiled-code cache and the origin private file system are files there, where a private
 *  window holds them in memory (OPFS reads then cross to the browser process). For measurements
 *  of repeat visits. */
export async function launchProfile(): Promise<Profile> {
  const dir = mkdtempSync(join(tmpdir(), 'infralabs-profile-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: executablePath(), args: chromiumArgs });
  return {
    context,
    async close() {
      // Resolves once the browser has exited: nothing writes to the profile any more.
      await context.close();
      rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

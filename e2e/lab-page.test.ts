// The lab page against the real test sandbox, in Chromium: every lab's solution, run twice as a
// learner pressing Run again would, checks green with the celebration in view, a wrong answer shows its failing step and hint, code survives a reload, endless loops
// end, a stopped sandbox is reported, and the page passes an accessibility scan.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { freshAccount, testEndpoint } from '../test/sandbox-context.ts';
import { seriousViolations } from './axe.ts';
import { root } from './built-site.ts';
import { check, openLab, output, runCode, typeCode } from './lab-driver.ts';
import { siteInBrowser } from './site-in-browser.ts';
import { serveStatic } from './static-server.ts';

const labs = readdirSync(join(root, 'labs')).filter((id) => existsSync(join(root, 'labs', id, 'lab.ts')) && existsSync(join(root, 'labs', id, 'solution.ts'))).sort();
const firstLab = labs[0]!;

const site = siteInBrowser();

describe.each(labs)('lab %s', (lab) => {
  test('its solution, pasted into the editor and run twice, checks green', { timeout: 420_000 }, async () => {
    const { context, page, errors } = await openLab(site.browser, { site: site.url, endpoint: testEndpoint(), lab, account: freshAccount() });
    await typeCode(page, readFileSync(join(root, 'labs', lab, 'solution.ts'), 'utf8'));
    expect(await runCode(page, 180_000)).toMatch(/Finished/);
    expect(await runCode(page, 180_000)).toMatch(/Finished/);
    await check(page);
    const failing = await page.$$eval('.il-check:not(.il-check-pass)', (nodes) => nodes.map((node) => node.textContent));
    expect(failing).toEqual([]);
    const results = (await page.textContent('[data-part="results"]')) ?? '';
    expect(await page.locator('.il-celebrate').count(), results).toBe(1);
    expect(results).toMatch(/Every step passed/);
    // The celebration is what the learner sees after Check, without scrolling.
    expect(await page.$eval('.il-celebrate', (node) => { const box = node.getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight; })).toBe(true);
    // elb-asg's self-healing check shows the group healing itself as a timeline of four events.
    if (lab === 'elb-asg') expect(await page.locator('[data-part="timeline"] li').count()).toBe(4);
    expect(errors).toEqual([]);
    await context.close();
  });
});

test('a wrong answer shows the failing step and its hint', { timeout: 120_000 }, async () => {
  const { context, page } = await openLab(site.browser, { site: site.url, endpoint: testEndpoint(), lab: firstLab, account: freshAccount() });
  await runCode(page);
  await check(page);
  const failed = page.locator('.il-check-fail').first();
  expect(await failed.locator('.il-check-message').textContent()).toBeTruthy();
  expect(await failed.locator('.il-check-hint').textContent()).toMatch(/^Hint: .+/);
  expect(await page.locator('.il-step-fail').count()).toBeGreaterThan(0);
  expect(await page.locator('.il-celebrate').count()).toBe(0);
  await context.close();
});

test('a reload keeps the code', { timeout: 60_000 }, async () => {
  const { context, page } = await openLab(site.browser, { site: site.url, endpoint: testEndpoint(), lab: firstLab, account: freshAccount() });
  await typeCode(page, "console.log('kept across reloads');\n");
  await page.reload();
  await page.waitForSelector('[data-part="editor"][data-ready="true"]');
  const shown = (await page.textContent('.il-monaco .view-lines'))?.replace(/\u00a0/g, ' ');
  expect(shown).toContain("console.log('kept across reloads');");
  await context.close();
});

test('an endless loop is stopped by Stop and by the time limit, and the page keeps working', { timeout: 90_000 }, async () => {
  const { context, page } = await openLab(site.browser, { site: site.url, endpoint: testEndpoint(), lab: firstLab, account: freshAccount(), query: { timeLimit: '2' } });
  await typeCode(page, 'while (true) {}\n');
  await page.click('[data-part="run"]');
  // Stop is pressed from inside the page, 300 ms into the run: on a busy machine a round trip of
  // Playwright's own could outlast the 2 s time limit, which then stops the loop first.
  await page.waitForFunction(() => {
    const stop = document.querySelector<HTMLButtonElement>('[data-part="stop"]')!;
    if (stop.disabled) return false;
    setTimeout(() => stop.click(), 300);
    return true;
  });
  await page.waitForFunction(() => /Stopped\./.test(document.querySelector('[data-part="output"]')?.textContent ?? ''));
  expect(await page.isEnabled('[data-part="run"]')).toBe(true);

  expect(await runCode(page, 20_000)).toMatch(/Stopped after 2 s/);

  await typeCode(page, "console.log('still alive');\n");
  expect(await runCode(page)).toMatch(/still alive[\s\S]*Finished/);
  await context.close();
});

test('a stopped sandbox is reported, with how to start it', { timeout: 60_000 }, async () => {
  const closed = await serveStatic(root);
  const endpoint = closed.url;
  await closed.close();
  const { context, page } = await openLab(site.browser, { site: site.url, endpoint, lab: firstLab, account: freshAccount(), waitForSetup: false });
  const banner = page.locator('[data-part="banner"]');
  await banner.waitFor({ state: 'visible' });
  // The page is served from a test origin the sandbox does not allow by default: the banner says
  // how to allow it (the lab-page-pass2 test reads the whole line).
  expect(await banner.textContent()).toContain(`--allow-origin ${site.url}`);
  expect(await runCode(page)).toMatch(/Cannot reach the sandbox at /);
  await check(page);
  expect(await page.textContent('[data-part="results"]')).toMatch(/Cannot reach the sandbox/);
  await context.close();
});

test('the lab page has no serious accessibility violations (both languages)', { timeout: 60_000 }, async () => {
  for (const lang of ['ko', 'en'] as const) {
    const { context, page } = await openLab(site.browser, { site: site.url, endpoint: testEndpoint(), lab: firstLab, lang, account: freshAccount() });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }
});

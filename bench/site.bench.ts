// The site in headless Chromium, built and served as `npm start` serves it: JavaScript a lesson
// and a lab page load (gzipped), time to an editable editor, Run to first output and Check to
// results (warm, in accounts where ec2-launch and elb-asg are solved), against a real sandbox.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/browser.ts';
import { builtSite } from '../e2e/built-site.ts';
import { focusEditor, openLab, typeCode } from '../e2e/lab-driver.ts';
import { serveStatic } from '../e2e/static-server.ts';
import { setupLab } from '../grader/cli/commands/setup.ts';
import { loadLab } from '../grader/labs.ts';
import { runScript } from '../grader/run/run-script.ts';
import { startSandbox } from '../sandbox/sandbox.ts';
import { median } from './median.ts';

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/**
 * Gzipped size of the JavaScript the document itself fetched (not its workers): by or after its
 * load event, or before a moment (ms since navigation), optionally leaving out some files.
 */
async function pageScriptBytes(page: Page, dir: string, when: 'by-load' | 'after-load' | number, except?: RegExp): Promise<number> {
  const { entries, loadEnd } = await page.evaluate(() => ({
    entries: performance.getEntriesByType('resource').map((entry) => ({ name: entry.name, start: entry.startTime })),
    loadEnd: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
  }));
  const inWindow = (start: number) => (typeof when === 'number' ? start < when : when === 'by-load' ? start <= loadEnd : start > loadEnd);
  return entries
    .filter((entry) => new URL(entry.name).pathname.endsWith('.js') && inWindow(entry.start) && !except?.test(entry.name))
    .reduce((sum, entry) => sum + gzipSync(readFileSync(join(dir, decodeURIComponent(new URL(entry.name).pathname)))).length, 0);
}

/** Monaco's own files: its core, the lab's entry to it, its TypeScript support and tokenizer. */
const editorFiles = /\/(editor\.api|monaco|tsMode|typescript|javascript)\.[^/]*\.js$/;

export default async function bench() {
  const dir = await builtSite();
  const site = await serveStatic(dir);
  // The bench's site is served on a port of its own: its origin must be allowed, as --allow-origin would.
  const sandbox = await startSandbox({ port: 0, log: () => {}, allowOrigins: [site.url, site.url.replace('127.0.0.1', 'localhost')] });
  const browser = await launchBrowser();
  try {
    const lessonPage = await browser.newPage();
    await lessonPage.goto(`${site.url}/en/lessons/intro/`, { waitUntil: 'networkidle' });
    await lessonPage.waitForTimeout(2000);
    // Starlight fetches its search UI (Pagefind) once the page is idle: counted apart.
    const lessonJs = await pageScriptBytes(lessonPage, dir, 'by-load');
    const searchJs = await pageScriptBytes(lessonPage, dir, 'after-load');
    await lessonPage.close();

    // Ready = Monaco has drawn the starter and takes keystrokes (createEditor renders before it
    // returns; the page stamps data-ready-at then), in ms since navigation, each time in a fresh
    // browser context (nothing cached).
    const readyTimes: number[] = [];
    let labJs = 0;
    for (let i = 0; i < 5; i++) {
      const { context, page } = await openLab(browser, { site: site.url, endpoint: sandbox.endpoint, lab: 'ec2-launch', account: '000000000901' });
      const readyAt = Number(await page.getAttribute('[data-part="editor"]', 'data-ready-at'));
      readyTimes.push(readyAt);
      // The page's own JavaScript: what it fetched until the editor was ready, less Monaco's files
      // (lab pages preload those from their <head>, so "before the editor is fetched" is no
      // longer a moment; the load event now waits for them).
      labJs = await pageScriptBytes(page, dir, readyAt, editorFiles);
      await context.close();
    }

    const { context, page } = await openLab(browser, { site: site.url, endpoint: sandbox.endpoint, lab: 'ec2-launch', account: '000000000902' });
    await typeCode(page, "console.log('first');\n");
    const runToOutput = async () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const out = document.querySelector('[data-part="output"]')!;
            const started = performance.now();
            const observer = new MutationObserver(() => {
              if (out.querySelector('.il-line-log')) {
                observer.disconnect();
                resolve(performance.now() - started);
              }
            });
            observer.observe(out, { childList: true });
            (document.querySelector('[data-part="run"]') as HTMLButtonElement).click();
          }),
      );
    const waitIdle = () => page.waitForFunction(() => document.querySelector('lab-workbench')?.getAttribute('aria-busy') === 'false');
    const runTimes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const ms = await runToOutput();
      await waitIdle();
      if (i > 0) runTimes.push(ms);
    }
    await context.close();

    const checkEc2 = await checkToResults(browser, site.url, sandbox.endpoint, 'ec2-launch', '000000000903');
    const checkElb = await checkToResults(browser, site.url, sandbox.endpoint, 'elb-asg', '000000000904');

    return [
      { name: 'site: JS a lesson page loads (gzip)', value: kb(lessonJs), unit: 'KB', target: '< 30 KB' },
      { name: "site: + Starlight's search UI, fetched after load when idle (gzip)", value: kb(searchJs), unit: 'KB' },
      { name: 'site: JS a lab page loads before the editor (gzip)', value: kb(labJs), unit: 'KB', target: '< 50 KB' },
      { name: 'site: load to an editable editor (cold)', value: Math.round(median(readyTimes)), unit: 'ms', target: '< 1500 ms' },
      { name: 'site: Run to first output (warm)', value: Math.round(median(runTimes)), unit: 'ms', target: '< 100 ms' },
      { name: 'site: Check to results (warm, ec2-launch solved)', value: Math.round(checkEc2), unit: 'ms', target: '< 500 ms' },
      { name: 'site: Check to results (warm, elb-asg solved)', value: Math.round(checkElb), unit: 'ms', target: '< 500 ms' },
    ];
  } finally {
    await browser.close();
    await site.close();
    await sandbox.stop();
  }
}

/**
 * Median time from Check to results in the page for a lab whose reference solution has run in the
 * account (every check then does its whole work), the first check left out (warm).
 */
async function checkToResults(browser: Browser, site: string, endpoint: string, lab: string, account: string): Promise<number> {
  await setupLab(lab, { endpoint, account, lang: 'en', help: false, accountGiven: true });
  const entry = await loadLab(lab);
  const solved = await runScript(entry.solution, { endpoint, account, cwd: entry.dir, timeoutMs: 180_000 });
  if (solved.exitCode !== 0) throw new Error(`the ${lab} solution failed:\n${solved.output}`);
  const { context, page } = await openLab(browser, { site, endpoint, lab, account });
  const checkOnce = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const bench = document.querySelector<HTMLElement>('lab-workbench')!;
          const before = Number(bench.dataset.checks ?? 0);
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (Number(bench.dataset.checks ?? 0) > before) {
              observer.disconnect();
              resolve(performance.now() - started);
            }
          });
          observer.observe(bench, { attributes: true, attributeFilter: ['data-checks'] });
          (document.querySelector('[data-part="check"]') as HTMLButtonElement).click();
        }),
    );
  await focusEditor(page);
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const ms = await checkOnce();
    if (i > 0) times.push(ms);
  }
  const score = await page.textContent('.il-score');
  await context.close();
  if (!/Score (\d+) \/ \1\b/.test(score ?? '')) throw new Error(`${lab}: the solved account did not score full marks in the page (${score})`);
  return median(times);
}

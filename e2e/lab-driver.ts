// Drives a lab page the way a learner does: open it, put code in the editor, Run, Check.
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface LabPageOptions {
  site: string;
  endpoint: string;
  lab: string;
  lang?: 'ko' | 'en';
  account: string;
  query?: Record<string, string>;
  /** Wait until the lab's setup has run for the account (default true). */
  waitForSetup?: boolean;
}

export async function openLab(browser: Browser, options: LabPageOptions): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext();
  await context.addInitScript((account) => localStorage.setItem('infralabs:account', account), options.account);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(labUrl(options));
  await page.waitForSelector('[data-part="editor"][data-ready="true"]', { timeout: 30_000 });
  if (options.waitForSetup !== false) await page.waitForSelector('lab-workbench[data-setup="done"]', { timeout: 60_000 });
  return { context, page, errors };
}

export function labUrl({ site, endpoint, lab, lang = 'en', query = {} }: LabPageOptions): string {
  const params = new URLSearchParams({ sandbox: endpoint, ...query });
  return `${site}/${lang}/labs/${lab}/?${params}`;
}

/** Replaces the editor content as a learner pasting code would. */
export async function focusEditor(page: Page): Promise<void> {
  await page.click('.il-monaco', { position: { x: 120, y: 20 } });
  await page.waitForFunction(() => !!document.activeElement?.closest('.monaco-editor'));
}

export async function typeCode(page: Page, code: string): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

export const output = (page: Page) => page.textContent('[data-part="output"]').then((text) => text ?? '');

const counter = (page: Page, what: 'runs' | 'checks') => page.evaluate((name) => Number(document.querySelector<HTMLElement>('lab-workbench')?.dataset[name] ?? 0), what);

async function waitForCount(page: Page, what: 'runs' | 'checks', before: number, timeout: number): Promise<void> {
  await page.waitForFunction(([name, count]) => Number(document.querySelector<HTMLElement>('lab-workbench')?.dataset[name as string] ?? 0) > (count as number), [what, before] as const, { timeout });
}

/** Presses Ctrl+Enter in the editor and waits until the run has ended; returns the output. */
export async function runCode(page: Page, timeout = 90_000): Promise<string> {
  const before = await counter(page, 'runs');
  await focusEditor(page);
  await page.keyboard.press('Control+Enter');
  await waitForCount(page, 'runs', before, timeout);
  return output(page);
}

/** Presses Check and waits for the results (or the one-line reason there are none). */
export async function check(page: Page, timeout = 60_000): Promise<void> {
  const before = await counter(page, 'checks');
  await page.click('[data-part="check"]');
  await waitForCount(page, 'checks', before, timeout);
}

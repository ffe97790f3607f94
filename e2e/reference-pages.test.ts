// The glossary and the study notes: both render in each language, the glossary's table comes from
// content/glossary.json, every note links to a lesson, the corrections are marked in words, and
// both pages are in the sidebar and pass an accessibility scan.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { seriousViolations } from './axe.ts';
import { root } from './built-site.ts';
import { siteInBrowser } from './site-in-browser.ts';

const site = siteInBrowser();
const glossary = JSON.parse(readFileSync(join(root, 'content/glossary.json'), 'utf8')) as { terms: Array<{ ko: string; en: string }> };

test.each(['ko', 'en'] as const)('the %s glossary lists every term of content/glossary.json', async (lang) => {
  const page = await site.browser.newPage();
  expect((await page.goto(`${site.url}/${lang}/glossary/`))?.status()).toBe(200);
  const rows = await page.locator('main table.glossary').first().locator('tbody tr').allTextContents();
  expect(rows).toHaveLength(glossary.terms.length);
  const text = rows.join('\n');
  for (const term of glossary.terms) expect(text).toContain(lang === 'ko' ? term.ko : term.en);
  expect(text).toContain('가용 구역'); // a form to avoid, shown as words, not as the lint's pattern
  expect(text).not.toContain(' ?');
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});

test.each([
  { lang: 'ko', corrected: '바로잡음' },
  { lang: 'en', corrected: 'corrected' },
] as const)('the $lang study notes link each note to a lesson and mark the corrections', async ({ lang, corrected }) => {
  const page = await site.browser.newPage();
  expect((await page.goto(`${site.url}/${lang}/study-notes/`))?.status()).toBe(200);
  const hrefs = await page.locator('main .sl-markdown-content a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.filter((href) => href.startsWith(`/${lang}/lessons/`)).length).toBeGreaterThan(40);
  // Ten corrections (key pair, EC2 and disks, IM, the four kinds, capacity "detection", Copilot,
  // and four in Lambda), and the legend above them.
  expect(await page.locator(`main .sl-markdown-content li .sl-badge:text-is("${corrected}")`).count()).toBe(11);
  expect(await page.locator(`nav.sidebar a[href="/${lang}/study-notes/"]`).count()).toBeGreaterThan(0);
  expect(await page.locator(`nav.sidebar a[href="/${lang}/glossary/"]`).count()).toBeGreaterThan(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});

// Every lesson renders in both languages, and a lesson page passes an accessibility scan.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { seriousViolations } from './axe.ts';
import { root } from './built-site.ts';
import { siteInBrowser } from './site-in-browser.ts';

const lessons = (lang: string) => {
  const dir = join(root, 'content', lang, 'lessons');
  return existsSync(dir) ? readdirSync(dir).filter((name) => /^[^_].*\.mdx?$/.test(name)).map((name) => name.replace(/\.mdx?$/, '')).sort() : [];
};
const pages = (['ko', 'en'] as const).flatMap((lang) => lessons(lang).map((slug) => ({ lang, slug })));

const site = siteInBrowser();

test('the home page of each language renders', async () => {
  const page = await site.browser.newPage();
  for (const lang of ['ko', 'en']) {
    const response = await page.goto(`${site.url}/${lang}/`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
  }
  await page.close();
});

test('an unknown address gets a 404 page in both languages, with a way home in each', async () => {
  const page = await site.browser.newPage();
  const response = await page.goto(`${site.url}/en/no-such-page/`);
  expect(response?.status()).toBe(404);
  expect(await page.textContent('main [lang="ko"]')).toContain('페이지가 없습니다');
  expect(await page.textContent('main [lang="en"]')).toContain('There is no page at this address');
  expect(await page.getAttribute('main [lang="en"] a', 'href')).toBe('/en/');
  expect(await page.getAttribute('main [lang="ko"] a', 'href')).toBe('/ko/');
  await page.close();
});

test.each(pages)('lesson $lang/$slug renders', async ({ lang, slug }) => {
  const page = await site.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(`${site.url}/${lang}/lessons/${slug}/`);
  expect(response?.status()).toBe(200);
  expect(await page.getAttribute('html', 'lang')).toBe(lang);
  expect((await page.textContent('main h1'))?.trim()).toBeTruthy();
  expect((await page.textContent('main .sl-markdown-content'))?.length).toBeGreaterThan(200);
  expect(errors).toEqual([]);
  await page.close();
});

test('a lesson page has no serious accessibility violations (both languages)', async () => {
  for (const lang of ['ko', 'en'] as const) {
    const slug = lessons(lang)[0];
    if (!slug) continue;
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/${lang}/lessons/${slug}/`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }
});

// The learner's progress in the sidebar, in Chromium on the built site: a lesson read to its end
// gets a check mark (with words for screen readers) at once and on every other page, a lab gets
// one when its last check passed, and the line above the links counts both, in both languages.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousViolations } from './axe.ts';
import { siteInBrowser } from './site-in-browser.ts';

const site = siteInBrowser();

const words = {
  en: { read: '(read)', done: '(done)', lessons: /^(\d+) of (\d+) lessons read$/, labs: /^(\d+) of (\d+) labs done$/ },
  ko: { read: '(읽음)', done: '(완료)', lessons: /^레슨 (\d+)개 중 (\d+)개 읽음$/, labs: /^실습 (\d+)개 중 (\d+)개 완료$/ },
} as const;

const sidebarLink = (page: Page, path: string) => page.locator(`.sidebar-content a[href="${path}"]`);
const summary = async (page: Page, part: 'lessons' | 'labs') => (await page.locator(`.il-progress [data-part="${part}"]`).textContent())?.trim();

async function newPage(): Promise<Page> {
  const context = await site.browser.newContext();
  return context.newPage();
}

describe.each(['en', 'ko'] as const)('sidebar progress in %s', (lang) => {
  const w = words[lang];

  test('a lesson read to its end is marked, on its own page at once and on every other page', async () => {
    const page = await newPage();
    await page.goto(`${site.url}/${lang}/lessons/ec2/`);
    const lessonCount = await page.locator(`.sidebar-content a[href^="/${lang}/lessons/"]`).count();
    expect(await summary(page, 'lessons')).toMatch(w.lessons);
    expect(await sidebarLink(page, `/${lang}/lessons/ec2/`).locator('.il-mark').count()).toBe(0);

    await page.locator('lesson-read-marker').scrollIntoViewIfNeeded();
    await sidebarLink(page, `/${lang}/lessons/ec2/`).locator('.il-mark').waitFor();

    await page.goto(`${site.url}/${lang}/lessons/s3/`);
    const ec2 = sidebarLink(page, `/${lang}/lessons/ec2/`);
    await ec2.locator('.il-mark').waitFor();
    const label = (await ec2.locator('span').first().textContent())!.trim();
    // Not a colour alone: the link's accessible name says it.
    expect(await page.getByRole('link', { name: `${label} ${w.read}`, exact: true }).count()).toBe(1);
    expect(await sidebarLink(page, `/${lang}/lessons/s3/`).locator('.il-mark').count()).toBe(0);
    const lessons = w.lessons.exec((await summary(page, 'lessons')) ?? '');
    const [done, total] = lang === 'en' ? [lessons?.[1], lessons?.[2]] : [lessons?.[2], lessons?.[1]];
    expect([done, total]).toEqual(['1', String(lessonCount)]);
    await page.context().close();
  });

  test('a lab whose last check passed is marked, one whose check failed is not', async () => {
    const page = await newPage();
    await page.goto(`${site.url}/${lang}/lessons/intro/`);
    await page.evaluate(() => {
      const summary = (passed: boolean) => JSON.stringify({ score: passed ? 3 : 1, maxScore: 3, passed, at: new Date().toISOString(), checks: [] });
      localStorage.setItem('infralabs:check:ec2-launch', summary(true));
      localStorage.setItem('infralabs:check:ebs-attach', summary(false));
    });
    await page.reload();
    const passed = sidebarLink(page, `/${lang}/labs/ec2-launch/`);
    await passed.locator('.il-mark').waitFor();
    expect(await passed.locator('.sr-only').textContent()).toBe(` ${w.done}`);
    expect(await sidebarLink(page, `/${lang}/labs/ebs-attach/`).locator('.il-mark').count()).toBe(0);
    expect(await summary(page, 'labs')).toMatch(w.labs);
    expect(await summary(page, 'labs')).toMatch(lang === 'en' ? /^1 of / : / 1개 완료$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

// The lesson quiz and diagrams in Chromium on the built site: feedback that is not colour alone,
// the explanation after answering, keyboard use, the score and "try again", the no-JavaScript
// fallback, and every EC2/EBS/S3/ELB/intro lesson carrying a quiz, labelled diagrams and its lab link.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { siteInBrowser } from '../../../e2e/site-in-browser.ts';

const site = siteInBrowser();

async function open(path: string, javaScriptEnabled = true): Promise<Page> {
  const context = await site.browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const response = await page.goto(`${site.url}${path}`);
  expect(response?.status()).toBe(200);
  return page;
}

const question = (page: Page, n: number) => page.locator('.quiz-q').nth(n);

test('a wrong answer is marked in words, names the right one and explains', async () => {
  const page = await open('/en/lessons/ec2/');
  const q = question(page, 0); // answer: B (family, generation, size)
  await q.locator('.quiz-choice').nth(0).click();
  await expect.poll(() => q.locator('.quiz-feedback').textContent()).toContain('✗ Not quite. Answer: B. family, generation, size');
  expect(await q.locator('.quiz-feedback').textContent()).toContain('burstable general purpose');
  expect(await q.locator('.quiz-choice').nth(0).textContent()).toContain('✗ (your choice)');
  expect(await q.locator('.quiz-choice').nth(1).textContent()).toContain('✓ (correct answer)');
  // A question is answered once: another click changes nothing.
  await q.locator('.quiz-choice').nth(1).click({ force: true }); // aria-disabled: Playwright would wait
  expect(await q.locator('.quiz-feedback').textContent()).toContain('Not quite');
  await page.context().close();
});

test('the keyboard answers a question and focus stays on the choice', async () => {
  const page = await open('/en/lessons/ec2/');
  const q = question(page, 2); // answer: A (after a reboot)
  await q.locator('.quiz-choice').nth(0).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => q.locator('.quiz-feedback').textContent()).toContain('✓ Correct!');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('quiz-choice'))).toBe(true);
  await page.context().close();
});

test('the score appears when every question is answered, and "Try again" clears it', async () => {
  const page = await open('/ko/lessons/elb/');
  const count = await page.locator('.quiz-q').count();
  for (let n = 0; n < count; n++) await question(page, n).locator('.quiz-choice').nth(0).click();
  // Answers of the ELB quiz: A, C, B, C, A → the first choice is right in questions 1 and 5.
  await expect.poll(() => page.locator('.quiz-score').textContent()).toBe(`${count}문제 중 2문제를 맞혔습니다.`);
  expect(await question(page, 0).locator('.quiz-feedback').textContent()).toContain('✓ 정답입니다!');
  expect(await question(page, 1).locator('.quiz-feedback').textContent()).toContain('✗ 오답입니다. 정답: C.');
  await page.locator('.quiz-retry').click();
  expect(await page.locator('.quiz-score').textContent()).toBe('');
  expect(await page.locator('.quiz-feedback:not(:empty)').count()).toBe(0);
  expect(await page.locator('.quiz-retry').isHidden()).toBe(true);
  await page.context().close();
});

test('without JavaScript every question still offers its answer and explanation', async () => {
  const page = await open('/en/lessons/s3/', false);
  const count = await page.locator('.quiz-q').count();
  expect(count).toBeGreaterThanOrEqual(3);
  expect(await page.locator('.quiz-fallback:visible').count()).toBe(count);
  await page.locator('.quiz-fallback summary').first().click();
  expect(await page.locator('.quiz-fallback').first().textContent()).toContain('Answer: A.');
  await page.context().close();
});

const lessons = [
  { slug: 'intro', labs: [] },
  { slug: 'ec2', labs: ['ec2-launch'] },
  { slug: 'ebs', labs: ['ebs-attach'] },
  { slug: 's3', labs: ['s3-website', 's3-backup'] },
  { slug: 'elb', labs: ['elb-asg'] },
];
const pages = (['ko', 'en'] as const).flatMap((lang) => lessons.map((lesson) => ({ lang, ...lesson })));

test.each(pages)('lesson $lang/$slug has a 3-5 question quiz, labelled diagrams and its lab links', async ({ lang, slug, labs }) => {
  const page = await open(`/${lang}/lessons/${slug}/`);
  const questions = await page.locator('.quiz-q').count();
  expect(questions).toBeGreaterThanOrEqual(3);
  expect(questions).toBeLessThanOrEqual(5);
  const diagrams = page.locator('figure.diagram svg');
  expect(await diagrams.count()).toBeGreaterThan(0);
  for (const svg of await diagrams.all()) {
    expect(await svg.getAttribute('role')).toBe('img');
    expect((await svg.getAttribute('aria-label'))?.length).toBeGreaterThan(20);
  }
  const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  for (const lab of labs) expect(hrefs).toContain(`/${lang}/labs/${lab}/`);
  await page.context().close();
});

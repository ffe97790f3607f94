// The lesson quiz and diagrams in Chromium on the built site: feedback that is not colour alone,
// the explanation after answering, keyboard use, "choose two" questions, the score and "try again",
// the no-JavaScript fallback, and every EC2/EBS/S3/ELB/intro lesson carrying a quiz, labelled
// diagrams and its lab link.
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
  const q = question(page, 0); // answer: B (m5d.large)
  await q.locator('.quiz-choice').nth(0).click();
  await expect.poll(() => q.locator('.quiz-feedback').textContent()).toContain('✗ Not quite. Answer: B. m5d.large');
  expect(await q.locator('.quiz-feedback').textContent()).toContain('A: t3 is burstable');
  expect(await q.locator('.quiz-choice').nth(0).textContent()).toContain('✗ (your choice)');
  expect(await q.locator('.quiz-choice').nth(1).textContent()).toContain('✓ (correct answer)');
  // A question is answered once: another click changes nothing.
  await q.locator('.quiz-choice').nth(1).click({ force: true }); // aria-disabled: Playwright would wait
  expect(await q.locator('.quiz-feedback').textContent()).toContain('Not quite');
  await page.context().close();
});

test('the keyboard answers a question and focus stays on the choice', async () => {
  const page = await open('/en/lessons/ec2/');
  const q = question(page, 2); // answer: A (a reboot)
  await q.locator('.quiz-choice').nth(0).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => q.locator('.quiz-feedback').textContent()).toContain('✓ Correct!');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('quiz-choice'))).toBe(true);
  await page.context().close();
});

test('the score appears when every question is answered, and "Try again" clears it', async () => {
  const page = await open('/ko/lessons/elb/');
  const count = await page.locator('.quiz-q').count();
  // Answers of the ELB quiz: A, C, B, D, then "choose two" A+D. Picking A everywhere (A+B in the
  // last) gets question 1 right only.
  for (let n = 0; n < count; n++) {
    const q = question(page, n);
    await q.locator('.quiz-choice').nth(0).click();
    if (await q.locator('.quiz-submit').count()) {
      await q.locator('.quiz-choice').nth(1).click();
      await q.locator('.quiz-submit').click();
    }
  }
  await expect.poll(() => page.locator('.quiz-score').textContent()).toBe(`${count}문제 중 1문제를 맞혔습니다.`);
  expect(await question(page, 0).locator('.quiz-feedback').textContent()).toContain('✓ 정답입니다!');
  expect(await question(page, 1).locator('.quiz-feedback').textContent()).toContain('✗ 오답입니다. 정답: C.');
  await page.locator('.quiz-retry').click();
  expect(await page.locator('.quiz-score').textContent()).toBe('');
  expect(await page.locator('.quiz-feedback:not(:empty)').count()).toBe(0);
  expect(await page.locator('.quiz-retry').isHidden()).toBe(true);
  expect(await page.locator('.quiz-choice[aria-pressed="true"]').count()).toBe(0);
  expect(await page.locator('.quiz-submit:not([aria-disabled])').count()).toBe(0);
  await page.context().close();
});

test('a "choose two" question toggles its options and checks them together', async () => {
  const page = await open('/en/lessons/ec2/');
  const q = question(page, 3); // answer: B and D
  const choice = (n: number) => q.locator('.quiz-choice').nth(n);
  expect(await q.locator('legend').textContent()).toContain('Choose 2.');
  expect(await q.locator('.quiz-submit').getAttribute('aria-disabled')).toBe('true');
  await choice(1).click();
  expect(await choice(1).getAttribute('aria-pressed')).toBe('true');
  expect(await q.locator('.quiz-feedback').textContent()).toBe(''); // one pick answers nothing
  await q.locator('.quiz-submit').click({ force: true }); // still disabled: nothing happens
  expect(await q.locator('.quiz-feedback').textContent()).toBe('');
  // The keyboard toggles too: Space on a focused option.
  await choice(3).focus();
  await page.keyboard.press('Space');
  expect(await choice(3).getAttribute('aria-pressed')).toBe('true');
  expect(await q.locator('.quiz-submit').getAttribute('aria-disabled')).toBeNull();
  await q.locator('.quiz-submit').click();
  await expect.poll(() => q.locator('.quiz-feedback').textContent()).toContain('✓ Correct!');
  expect(await choice(1).textContent()).toContain('✓ (correct answer)');
  expect(await choice(3).textContent()).toContain('✓ (correct answer)');
  await page.context().close();
});

test('a wrong pair is marked option by option and names both right answers', async () => {
  const page = await open('/en/lessons/ec2/');
  const q = question(page, 3); // answer: B and D
  const choice = (n: number) => q.locator('.quiz-choice').nth(n);
  await choice(0).click();
  await choice(2).click();
  await choice(2).click(); // a second click takes a pick back
  expect(await choice(2).getAttribute('aria-pressed')).toBe('false');
  await choice(1).click();
  await q.locator('.quiz-submit').click();
  await expect.poll(() => q.locator('.quiz-feedback').textContent()).toContain('✗ Not quite. Answer: B. TCP 80 from 0.0.0.0/0 / D. TCP 22 from 203.0.113.10/32');
  expect(await choice(0).textContent()).toContain('✗ (your choice)');
  expect(await choice(1).textContent()).toContain('✓ (correct answer)');
  expect(await choice(3).textContent()).toContain('✓ (correct answer)');
  expect(await q.locator('.quiz-feedback').textContent()).toContain('A: an SSH port open to the world');
  await page.context().close();
});

test('without JavaScript every question still offers its answer and explanation', async () => {
  const page = await open('/en/lessons/s3/', false);
  const count = await page.locator('.quiz-q').count();
  expect(count).toBeGreaterThanOrEqual(3);
  expect(await page.locator('.quiz-fallback:visible').count()).toBe(count);
  await page.locator('.quiz-fallback summary').first().click();
  expect(await page.locator('.quiz-fallback').first().textContent()).toContain('Answer: B.');
  // A "choose two" question lists both answers.
  const last = page.locator('.quiz-fallback').nth(count - 1);
  await last.locator('summary').click();
  expect(await last.textContent()).toContain('Answer: B.');
  expect(await last.textContent()).toContain('Answer: E.');
  await page.context().close();
});

const lessons = [
  { slug: 'intro', labs: [] },
  { slug: 'ec2', labs: ['ec2-launch'] },
  { slug: 'ebs', labs: ['ebs-attach'] },
  { slug: 's3', labs: ['s3-website', 's3-backup'] },
  { slug: 'elb', labs: ['elb-asg'] },
  { slug: 'iam', labs: ['lambda-vs-fargate', 'eks-cluster', 'lambda-s3-trigger'] },
  { slug: 'vpc', labs: ['vpc-network'] },
];
const pages = (['ko', 'en'] as const).flatMap((lang) => lessons.map((lesson) => ({ lang, ...lesson })));

test.each(pages)('lesson $lang/$slug has a 3-6 question quiz, labelled diagrams and its lab links', async ({ lang, slug, labs }) => {
  const page = await open(`/${lang}/lessons/${slug}/`);
  const questions = await page.locator('.quiz-q').count();
  expect(questions).toBeGreaterThanOrEqual(3);
  expect(questions).toBeLessThanOrEqual(6);
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

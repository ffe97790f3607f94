// A student joins a class in Chromium with the link the teacher's terminal prints, does a lab in
// the page and is graded by the teacher's run (issue #11). The class sandbox refuses any call not
// signed with a roster key, so every Run, Check, setup and Reset of the page must sign with the
// student's. Site and sandbox are reached by a network name, not loopback, as from a classroom
// laptop: the page is then not a secure context (no WebCrypto), and origins and host names come
// from the sandbox's flags.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { joinLink } from '../grader/classroom/join-links.ts';
import { createLabContext } from '../grader/context.ts';
import { gradeLab } from '../grader/engine.ts';
import { loadLab } from '../grader/labs.ts';
import { startSandbox, type RunningSandbox } from '../sandbox/sandbox.ts';
import { classCredentials } from '../sandbox/gateway/credentials.ts';
import { joinCode } from '../sandbox/gateway/join-codes.ts';
import { freshAccount, testSitePort } from '../test/sandbox-context.ts';
import { chromiumArgs } from './browser.ts';
import { builtSite } from './built-site.ts';
import { check, runCode, typeCode } from './lab-driver.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

const root = join(import.meta.dirname, '..');
const hostName = 'classroom.test';
const alice = { student: '김앨리스 Alice', account: freshAccount(), secret: 'alice-class-secret-abcdefghijklmnopqrstu' };
const bob = { student: 'Bob', account: freshAccount(), secret: 'bob-class-secret-abcdefghijklmnopqrstuvw' };
const teacher = { account: freshAccount(), secret: 'teacher-class-secret-abcdefghijklmnopqrst' };

let site: StaticSite;
let sandbox: RunningSandbox;
let browser: Browser;
const siteUrl = () => `http://${hostName}:${new URL(site.url).port}`;
const sandboxUrl = () => `http://${hostName}:${new URL(sandbox.endpoint).port}`;

beforeAll(async () => {
  site = await serveStatic(await builtSite(), testSitePort());
  sandbox = await startSandbox({ port: 0, credentials: classCredentials([alice, bob], teacher), hostNames: [hostName], allowOrigins: [siteUrl()] });
  // The classroom's name resolves to this machine, as the teacher's LAN address would.
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...chromiumArgs, `--host-resolver-rules=MAP ${hostName} 127.0.0.1`] });
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
  await site?.close();
});

/** The link `infralabs sandbox --roster` prints for a student. */
const printedLink = (key: { secret: string }) => joinLink({ site: siteUrl(), endpoint: sandboxUrl(), lang: 'en', lab: 'ec2-launch' }, joinCode(key.secret));

test('a student joins with the printed link, does the lab in their own account, is graded by the teacher, and signs out', { timeout: 300_000 }, async () => {
  const ownAccount = freshAccount();
  const context = await browser.newContext();
  await context.addInitScript((account) => {
    if (!localStorage.getItem('infralabs:account')) localStorage.setItem('infralabs:account', account);
  }, ownAccount);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(printedLink(alice));
  expect(await page.evaluate(() => isSecureContext)).toBe(false);
  await page.waitForSelector('[data-part="editor"][data-ready="true"]', { timeout: 30_000 });
  await page.waitForSelector('lab-workbench[data-setup="done"]', { timeout: 60_000 });

  // Whose account it is, in view; the code is gone from the address bar.
  expect(await page.isVisible('[data-part="class-badge"]')).toBe(true);
  expect(await page.textContent('[data-part="class-who"]')).toBe(`Class account: ${alice.student} (${alice.account})`);
  expect(new URL(page.url()).hash).toBe('');
  expect(await page.isDisabled('#il-account')).toBe(true);

  await typeCode(page, readFileSync(join(root, 'labs', 'ec2-launch', 'solution.ts'), 'utf8'));
  expect(await runCode(page, 180_000)).toMatch(/Finished/);
  await check(page);
  expect(await page.$$eval('.il-check:not(.il-check-pass)', (nodes) => nodes.map((node) => node.textContent))).toEqual([]);

  // The teacher's run is the grade of record: Alice's account has the work, Bob's has none.
  const { lab } = await loadLab('ec2-launch');
  const graded = await gradeLab(lab, createLabContext({ endpoint: sandbox.endpoint, account: alice.account, secret: alice.secret }));
  expect([graded.score, graded.passed]).toEqual([graded.maxScore, true]);
  expect((await gradeLab(lab, createLabContext({ endpoint: sandbox.endpoint, account: bob.account, secret: bob.secret }))).score).toBe(0);

  // Reset from the page is signed too: it empties Alice's account.
  await page.click('[data-part="reset"]');
  await page.click('[data-part="confirm-ok"]');
  await page.waitForFunction(() => /Lab reset: the setup/.test(document.querySelector('[data-part="output"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
  expect(await page.textContent('[data-part="output"]')).not.toMatch(/Signature|denied|refused/i);
  expect((await gradeLab(lab, createLabContext({ endpoint: sandbox.endpoint, account: alice.account, secret: alice.secret }))).score).toBe(0);

  // Signing out brings back the learner's own account, and the join form.
  await page.click('[data-part="class-signout"]');
  expect(await page.isVisible('[data-part="class-badge"]')).toBe(false);
  expect(await page.inputValue('#il-account')).toBe(ownAccount);
  expect(await page.isDisabled('#il-account')).toBe(false);
  expect(await page.evaluate(() => localStorage.getItem('infralabs:class'))).toBeNull();
  expect(errors).toEqual([]);
  await context.close();
});

test('a mistyped code is refused in one line where it was typed; the right one, typed loosely, joins', { timeout: 120_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${siteUrl()}/ko/labs/ec2-launch/?sandbox=${encodeURIComponent(sandboxUrl())}`);
  await page.waitForSelector('[data-part="editor"][data-ready="true"]', { timeout: 30_000 });
  await page.click('[data-part="settings"] summary');
  await page.fill('#il-class-code', 'ABCDE-FGHJK');
  await page.click('[data-class-form] button[type="submit"]');
  await page.waitForFunction(() => !!document.querySelector('[data-class-error]')?.textContent);
  const refused = (await page.textContent('[data-class-error]')) ?? '';
  expect(refused.split('\n')).toHaveLength(1);
  expect(refused).toMatch(/ABCDE-FGHJK/);
  expect(await page.isVisible('[data-part="class-badge"]')).toBe(false);

  await page.fill('#il-class-code', joinCode(bob.secret).toLowerCase().replace('-', ' '));
  await page.click('[data-class-form] button[type="submit"]');
  await page.waitForSelector('[data-part="class-badge"]:not([hidden])');
  expect(await page.textContent('[data-part="class-who"]')).toBe(`수업 계정: Bob (${bob.account})`);
  await context.close();
});

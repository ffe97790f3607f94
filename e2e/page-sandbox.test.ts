// The sandbox in the page, in Chromium, with no sandbox process for the page to reach (the test
// sandbox runs, but the page is never told its address): every lab's reference solution gets full
// marks, and a wrong-answer fixture of each lab fails the same check as on the Node sandbox (the
// fixture proofs, labs/*/lab.test.ts); s3-website's site opens in a tab; a reload keeps the
// resources and Reset empties them for good; and no page, ours or another site's, can navigate
// into the sandbox's API.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFixtures } from '../grader/labs.ts';
import { freshAccount } from '../test/sandbox-context.ts';
import { builtSite, root } from './built-site.ts';
import { check, runCode, typeCode } from './lab-driver.ts';
import { keptSandboxFiles } from './page-sandbox-storage.ts';
import { siteInBrowser } from './site-in-browser.ts';
import { serveStatic } from './static-server.ts';

const labs = readdirSync(join(root, 'labs')).filter((id) => existsSync(join(root, 'labs', id, 'solution.ts'))).sort();
const site = siteInBrowser();
let context: BrowserContext;
let page: Page;

/** One fixture per lab that the page can run: it builds on the solution (which the page ran just
 *  before, in the same account) and imports nothing else of the lab's folder. */
function pageFixture(lab: string) {
  return readFixtures(join(root, 'labs', lab, 'fixtures')).find((fixture) => {
    const source = readFileSync(fixture.file, 'utf8');
    return source.includes("await import('../solution.ts');") && !/from '\.|import\('\.\.\/(?!solution\.ts)/.test(source);
  });
}

/** Opens a lab in a fresh account with this code saved for it, and waits until its setup ran in
 *  the sandbox in the page. */
async function openInPage(lab: string, account: string, code?: string): Promise<void> {
  await page.evaluate(([lab, account, code]) => {
    localStorage.setItem('infralabs:account', account!);
    if (code !== undefined) localStorage.setItem(`infralabs:code:${lab}`, code);
  }, [lab, account, code] as const);
  await page.goto(`${site.url}/en/labs/${lab}/`);
  await page.waitForSelector('lab-workbench[data-sandbox="page"][data-setup="done"]', { timeout: 120_000 });
  await page.waitForSelector('[data-part="editor"][data-ready="true"]', { timeout: 60_000 });
}

const checkStatus = (id: string) => page.getAttribute(`[data-check="${id}"]`, 'class');
const score = async () => /Score (\d+) \/ (\d+)/.exec((await page.textContent('[data-part="results"]')) ?? '')?.slice(1, 3).map(Number);

beforeAll(async () => {
  context = await site.browser.newContext();
  await context.addInitScript(() => {
    // The lab page on this machine would look for a local sandbox first: this one must not.
    localStorage.setItem('infralabs:sandboxMode', 'page');
    // Every percentage a page shows while its sandbox starts.
    const seen: number[] = ((window as unknown as { sandboxProgressSeen: number[] }).sandboxProgressSeen = []);
    new MutationObserver(() => {
      const percent = /(\d+)%/.exec(document.querySelector('[data-part="page-sandbox-text"]')?.textContent ?? '')?.[1];
      if (percent !== undefined && seen.at(-1) !== Number(percent)) seen.push(Number(percent));
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  page = await context.newPage();
  await page.goto(`${site.url}/en/`);
}, 120_000);

afterAll(async () => {
  await context?.close();
});

describe.each(labs)('lab %s in the page', (lab) => {
  test('the solution gets full marks; a wrong answer fails the check it fails on the Node sandbox', { timeout: 420_000 }, async () => {
    await openInPage(lab, freshAccount(), readFileSync(join(root, 'labs', lab, 'solution.ts'), 'utf8'));
    expect(await runCode(page, 180_000)).toMatch(/Finished/);
    await check(page, 120_000);
    const [got, max] = (await score())!;
    expect(got, (await page.textContent('[data-part="results"]')) ?? '').toBe(max);

    const fixture = pageFixture(lab);
    expect(fixture, `${lab} needs a fixture that builds on the solution`).toBeDefined();
    const code = readFileSync(fixture!.file, 'utf8').replace("await import('../solution.ts');", '');
    await typeCode(page, code);
    expect(await runCode(page, 180_000)).toMatch(/Finished/);
    await check(page, 120_000);
    expect(await checkStatus(fixture!.check), `${fixture!.file} must fail ${fixture!.check}`).toContain('il-check-fail');
    const failing = await page.$$eval('.il-check-fail', (nodes) => nodes.map((node) => node.getAttribute('data-check')));
    expect(failing.sort()).toEqual([fixture!.check, ...fixture!.alsoFails].sort());
  });
});

test("s3-website's site opens in a tab, served by the sandbox in the page, with AWS's status codes", { timeout: 300_000 }, async () => {
  const account = freshAccount();
  await openInPage('s3-website', account, readFileSync(join(root, 'labs', 's3-website', 'solution.ts'), 'utf8'));
  const printed = await runCode(page, 180_000);
  expect(printed).toMatch(/Finished/);
  // The console links the address the code prints to the sandbox in the page.
  const link = await page.getAttribute('[data-part="output"] a[href*="/_sandbox/_infralabs/website/"]', 'href');
  expect(link).toBe(`${site.url}/_sandbox/_infralabs/website/site-${account}/`);
  const tab = await context.newPage();
  const home = await tab.goto(link!);
  expect(home?.status()).toBe(200);
  expect(await tab.textContent('body')).toBeTruthy();
  const missing = await tab.goto(`${link}no-such-page.html`);
  expect(missing?.status()).toBe(404);
  await tab.close();
});

test('a reload keeps the resources; Reset empties them, and they stay gone after a reload', { timeout: 300_000 }, async () => {
  const account = freshAccount();
  await openInPage('ec2-launch', account, readFileSync(join(root, 'labs', 'ec2-launch', 'solution.ts'), 'utf8'));
  expect(await runCode(page, 180_000)).toMatch(/Finished/);
  const instance = /launched web-1: (i-[0-9a-f]+)/.exec(await page.textContent('[data-part="output"]') ?? '')?.[1];
  expect(instance).toBeDefined();

  // What a start keeps for the next (sandbox/page/opfs-store.ts): the snapshot and both archives,
  // one whole file each; the reload starts from them without a word of trouble.
  await expect.poll(() => keptSandboxFiles(page), { timeout: 60_000 }).toEqual([
    expect.stringMatching(/^packages\/packages-[0-9a-f]+\.zip\.gz$/),
    expect.stringMatching(/^snapshot\/pyodide-[\d.]+-packages-[0-9a-f]+$/),
    expect.stringMatching(/^stdlib\/stdlib-[0-9a-f]+\.zip\.gz$/),
  ]);
  const troubles: string[] = [];
  page.on('console', (message) => {
    if (/in-page sandbox could not/.test(message.text())) troubles.push(message.text());
  });
  await openInPage('ec2-launch', account);
  expect(troubles).toEqual([]);
  // On the way the page showed its sandbox's stages (loading, restoring...), not only 0 % and then ready.
  const progress = await page.evaluate(() => (window as unknown as { sandboxProgressSeen: number[] }).sandboxProgressSeen);
  expect(new Set(progress.filter((percent) => percent > 0 && percent < 100)).size).toBeGreaterThanOrEqual(2);
  await page.waitForFunction((id) => document.querySelector('[data-part="resources"]')?.textContent?.includes(id), instance!, { timeout: 60_000 });
  await check(page, 120_000);
  const [kept, max] = (await score())!;
  expect(kept).toBe(max);

  await page.click('[data-part="reset"]');
  await page.click('[data-part="confirm-ok"]');
  await page.waitForFunction(() => /Lab reset: the setup/.test(document.querySelector('[data-part="output"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
  await check(page, 120_000);
  expect((await score())![0]).toBe(0);
  await openInPage('ec2-launch', account);
  await check(page, 120_000);
  expect((await score())![0]).toBe(0);
  expect(await page.textContent('[data-part="resources"]')).not.toContain(instance);
});

test("another tab of the site uses the same sandbox; no page navigates into its API, not even another site's", { timeout: 180_000 }, async () => {
  const account = freshAccount();
  await openInPage('s3-backup', account);
  // A second tab does not start a sandbox of its own: the first one answers it, same state.
  const second = await context.newPage();
  await second.goto(`${site.url}/en/`);
  expect(await second.evaluate(async (url) => (await fetch(url)).status, `${site.url}/_sandbox/_infralabs/health`)).toBe(200);
  // A navigation is what a link or a form on any site can send: only a website may be opened so.
  const api = await second.goto(`${site.url}/_sandbox/_infralabs/health`);
  expect(api?.status()).toBe(403);
  // Another site: another origin (the same files on another port), whose page then holds nothing but the form.
  const other = await serveStatic(await builtSite());
  try {
    await second.goto(`${other.url}/404.html`);
    await second.setContent(`<form method="post" action="${site.url}/_sandbox/?Action=TerminateInstances&amp;InstanceId.1=i-1"><button>go</button></form>`);
    const [answer] = await Promise.all([second.waitForNavigation(), second.click('button')]);
    expect(answer?.status()).toBe(403);
  } finally {
    await other.close();
    await second.close();
  }
});

test("a handler in the page has no workers, storage or navigator of the site, and one that never ends is stopped at its timeout", { timeout: 300_000 }, async () => {
  await openInPage('lambda-vs-fargate', freshAccount());
  await typeCode(page, `import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, InvokeCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
const { Role } = await new IAMClient({}).send(new CreateRoleCommand({ RoleName: 'probe-exec', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) }));
const lambda = new LambdaClient({});
const make = async (name: string, source: string) => {
  await lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs22.x', Role: Role!.Arn, Handler: 'index.handler', Timeout: 3, Code: { ZipFile: zipSync({ 'index.js': strToU8(source) }) } }));
  await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: name });
  const answer = await lambda.send(new InvokeCommand({ FunctionName: name }));
  console.log(name, answer.FunctionError ?? 'ok', new TextDecoder().decode(answer.Payload));
};
await make('probe-globals', "exports.handler = async () => [typeof Worker, typeof SharedWorker, typeof indexedDB, typeof caches, typeof BroadcastChannel, typeof navigator].join(',');");
await make('probe-forever', 'exports.handler = async () => { for (;;) {} };');
`);
  const printed = await runCode(page, 180_000);
  expect(printed).toContain('probe-globals ok "undefined,undefined,undefined,undefined,undefined,undefined"');
  expect(printed).toMatch(/probe-forever Unhandled .*Task timed out after 3(\.\d+)? seconds/);
});

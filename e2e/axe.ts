// Runs axe-core in a page and returns the serious and critical violations, one line each.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Expressive Code makes an overflowing code block focusable (tabindex) from a ResizeObserver,
 *  250 ms after layout and then at idle time: axe run before that sees a scrollable region no
 *  keyboard can reach. Waits for it, and lets axe report the block if it never comes. */
async function codeBlocksSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('.expressive-code pre')]
    .every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')), null, { timeout: 5000 })
    .catch(() => undefined);
}

export async function seriousViolations(page: Page): Promise<string[]> {
  await codeBlocksSettled(page);
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run({ exclude: [['.monaco-editor .view-lines']] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`);
}

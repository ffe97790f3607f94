// What the in-page sandbox keeps for the next visit (sandbox/page/opfs-store.ts), as a page of the
// site sees it: `kind/name` of every file in its OPFS folders, sorted (a file being written ends
// in `.partial`).
import type { Page } from 'playwright-core';
import { folderName, keptKinds } from '../sandbox/page/opfs-store.ts';

export const keptSandboxFiles = (page: Page): Promise<string[]> =>
  // No named functions inside: the page would not know the helper the bundler wraps them in.
  page.evaluate(
    async ([folder, kinds]) => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true });
      const names: string[] = [];
      for (const kind of kinds) {
        for await (const name of (await root.getDirectoryHandle(kind, { create: true })).keys()) names.push(`${kind}/${name}`);
      }
      return names.sort();
    },
    [folderName, keptKinds] as const,
  );

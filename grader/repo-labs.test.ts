// The lint step: every lab of this repository is complete and every guide has its lab.
import { expect, it } from 'vitest';
import { loadLabs } from './labs.ts';

it('every labs/<id>/ and content/{ko,en}/labs/<id>.mdx lints clean', async () => {
  const { labs, problems } = await loadLabs();
  expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([]);
  expect(labs.length).toBeGreaterThan(0);
});

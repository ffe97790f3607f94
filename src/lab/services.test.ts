// Adding a service is one entry in grader/services.ts: the lab page then has its typings, the
// modules learner code imports, and a resources lister (or an explicit none) for every entry.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serviceNames, services } from '../../grader/services.ts';
import { bundleDeclarations, sdkTypes } from '../build/sdk-types-plugin.mjs';
import { listers } from './worker/resources.ts';
import { learnerModules } from './worker/sdk-modules.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe.each(serviceNames)('%s', (name) => {
  const { package: pkg, load } = services[name];

  it('has typings for the editor, loaded by its name', () => {
    const index = sdkTypes(root, services).load('\0virtual:sdk-types') as string;
    expect(index).toContain(`${JSON.stringify(name)}: () => import(${JSON.stringify(`virtual:sdk-types/${pkg}`)})`);
    expect(bundleDeclarations(pkg, root)).toContain(`declare module '${pkg}' {`);
  });

  it('is importable by learner code in the browser', () => {
    expect(learnerModules[pkg]).toBe(load);
  });

  it('has a resources lister or says it has none', () => {
    expect(name in listers).toBe(true);
    expect(listers[name] === null || typeof listers[name] === 'function').toBe(true);
  });
});

// The page ships bytecode only, so moto's patch guard (it reads sources) runs in the build: a
// patch whose target this moto lacks must fail the build, as it stops server.py.
import { expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { pagePythonSources, pyodideDir } from './build-page-sandbox.mjs';
import { compilePagePython } from './compile-page-python.mjs';

it('refuses to compile when a patch needs what this moto lacks, naming it and the patch', { timeout: 240_000 }, async () => {
  const { packages, stdlib } = await pagePythonSources();
  const needsMore = 'from patches._targets import expect\nexpect("moto.ec2.models.instances", "InstanceBackend.no_such_method")\n';
  await expect(compilePagePython({ pyodideDir, packages: { ...packages, 'patches/zz_needs_more.py': strToU8(needsMore) }, stdlib }))
    .rejects.toThrow('moto.ec2.models.instances.InstanceBackend.no_such_method (patched by patches/zz_needs_more.py)');
});

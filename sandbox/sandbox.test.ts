// startSandbox with a backend that main.ts started before loading the gateway: refused options
// must not leave that backend (a moto process) running.
import { expect, it, vi } from 'vitest';
import type { Backend } from './backend.ts';
import { startSandbox } from './sandbox.ts';

it('stops a backend already starting when the sandbox refuses its options', async () => {
  const stop = vi.fn(async () => {});
  const backend = Promise.resolve({ stop } as unknown as Backend);
  await expect(startSandbox({ port: 0, allowOrigins: ['ftp://files.example'], backend })).rejects.toThrow(/is not an origin/);
  expect(stop).toHaveBeenCalledOnce();
});

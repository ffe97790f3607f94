// A reset of the account removes its functions at once, even warm ones.
import { describe, expect, it } from 'vitest';
import { freshAccount, testEndpoint } from '../../test/sandbox-context.ts';
import { testAccount } from './test-functions.ts';

describe('Invoke after a reset', () => {
  it('no longer finds a function that was warm before the reset', async () => {
    const t = await testAccount(freshAccount());
    await t.createFunction('gone', { 'index.js': 'exports.handler = async () => "here";' });
    expect((await t.invoke('gone')).result).toBe('here');
    const reset = await fetch(`${testEndpoint()}/_infralabs/reset`, { method: 'POST', body: JSON.stringify({ account: t.account }) });
    expect(reset.status).toBe(200);
    const error = await t.invoke('gone').catch((caught: Error) => caught);
    expect((error as Error).name).toBe('ResourceNotFoundException');
  });
});

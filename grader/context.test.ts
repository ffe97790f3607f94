import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { freshAccount, testEndpoint } from '../test/sandbox-context.ts';
import { createLabContext } from './context.ts';

describe('createLabContext', () => {
  it('gives clients for the account, created on first use and then reused', async () => {
    const account = freshAccount();
    const ctx = createLabContext({ endpoint: `${testEndpoint()}/`, account });
    expect(ctx.endpoint).toBe(testEndpoint());
    expect(ctx.sts).toBe(ctx.sts);
    expect((await ctx.sts.send(new GetCallerIdentityCommand({}))).Account).toBe(account);
    expect(await ctx.s3.config.forcePathStyle).toBe(true);
  });

  it('fetches a page of a bucket website through the gateway route', async () => {
    const bucket = `no-such-site-${freshAccount()}`;
    const page = await createLabContext({ endpoint: testEndpoint(), account: freshAccount() }).fetchWebsite(bucket, '/');
    expect(page.status).toBe(404);
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.body).toContain('NoSuchBucket');
  });
});

import { describe, expect, it } from 'vitest';
import { EC2Client, DescribeKeyPairsCommand, CreateKeyPairCommand } from '@aws-sdk/client-ec2';
import { clientConfig, freshAccount } from '../../test/sandbox-context.ts';

describe('accounts', () => {
  it('keeps each 12-digit access key in its own account', async () => {
    const alice = new EC2Client(clientConfig(freshAccount()));
    const bob = new EC2Client(clientConfig(freshAccount()));
    await alice.send(new CreateKeyPairCommand({ KeyName: 'lab-key' }));
    const seenByBob = await bob.send(new DescribeKeyPairsCommand({}));
    expect(seenByBob.KeyPairs ?? []).toEqual([]);
    const seenByAlice = await alice.send(new DescribeKeyPairsCommand({}));
    expect(seenByAlice.KeyPairs?.map((k) => k.KeyName)).toEqual(['lab-key']);
  });
});

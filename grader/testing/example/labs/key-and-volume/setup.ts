import { CreateKeyPairCommand, DescribeKeyPairsCommand } from '@aws-sdk/client-ec2';
import type { LabContext } from '../../../../lab.ts';

export default async function setup(ctx: LabContext): Promise<void> {
  const { KeyPairs = [] } = await ctx.ec2.send(new DescribeKeyPairsCommand({}));
  if (!KeyPairs.some((k) => k.KeyName === 'lab-key')) await ctx.ec2.send(new CreateKeyPairCommand({ KeyName: 'lab-key' }));
}

import { AttachVolumeCommand, CreateVolumeCommand } from '@aws-sdk/client-ec2';
import { afterAll, describe, expect, test } from 'vitest';
import { createLabContext } from '../../grader/context.ts';
import { gradeLab } from '../../grader/engine.ts';
import { instancesNamed } from '../../grader/queries/ec2.ts';
import { resetSandbox } from '../../grader/sandbox-api.ts';
import { proveLab } from '../../grader/testing/prove-lab.ts';
import { freshAccount, testEndpoint } from '../../test/sandbox-context.ts';
import lab from './lab.ts';
import setup from './setup.ts';

proveLab('ebs-attach');

describe('ebs-attach against the sandbox', () => {
  const account = freshAccount();
  const ctx = createLabContext({ endpoint: testEndpoint(), account });
  afterAll(() => resetSandbox(testEndpoint(), { account }).catch(() => {}));

  test('a volume from another zone is refused (InvalidVolume.ZoneMismatch) and the zone check says why', async () => {
    await setup(ctx);
    const [web1] = await instancesNamed(ctx, 'web-1');
    const zone = web1!.Placement!.AvailabilityZone!;
    const other = zone === 'us-east-1b' ? 'us-east-1c' : 'us-east-1b';
    const { VolumeId } = await ctx.ec2.send(new CreateVolumeCommand({
      AvailabilityZone: other, VolumeType: 'gp3', Size: 10,
      TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'Name', Value: 'data-vol' }] }],
    }));
    await expect(ctx.ec2.send(new AttachVolumeCommand({ VolumeId, InstanceId: web1!.InstanceId, Device: '/dev/sdf' })))
      .rejects.toMatchObject({ name: 'InvalidVolume.ZoneMismatch' });
    const checks = Object.fromEntries((await gradeLab(lab, ctx)).checks.map((c) => [c.id, c]));
    expect(checks['volume-same-az']!.message).toContain(`${VolumeId} ${other}`);
    expect(checks['volume-same-az']!.hint).toContain('InvalidVolume.ZoneMismatch');
    expect(checks['volume-attached']!.message).toBe('data-vol is not attached to any instance.');
    expect(checks['volume-gp3']!.passed && checks['volume-size']!.passed && checks['volume-exactly-one']!.passed).toBe(true);
  });
});

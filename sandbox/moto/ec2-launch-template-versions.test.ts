import { describe, expect, it } from 'vitest';
import {
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeSubnetsCommand,
  EC2Client,
  ModifyLaunchTemplateCommand,
} from '@aws-sdk/client-ec2';
import { AutoScalingClient, CreateAutoScalingGroupCommand, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { clientConfig, freshAccount } from '../../test/sandbox-context.ts';

const account = freshAccount();
const ec2 = new EC2Client(clientConfig(account));
const autoscaling = new AutoScalingClient(clientConfig(account));
const userData = btoa('#!/bin/bash\ndnf install -y nginx\nsystemctl enable --now nginx\n');

describe('CreateLaunchTemplateVersion takes the same data as CreateLaunchTemplate, as on AWS', () => {
  it('a version with UserData made the default launches an Auto Scaling group ($Default)', async () => {
    const { LaunchTemplate } = await ec2.send(new CreateLaunchTemplateCommand({
      LaunchTemplateName: 'lt-user-data',
      LaunchTemplateData: { ImageId: 'ami-12c6146b', InstanceType: 't3.micro' },
    }));
    const id = LaunchTemplate!.LaunchTemplateId!;
    const { LaunchTemplateVersion } = await ec2.send(new CreateLaunchTemplateVersionCommand({
      LaunchTemplateId: id,
      LaunchTemplateData: { ImageId: 'ami-12c6146b', InstanceType: 't3.micro', UserData: userData },
    }));
    expect(LaunchTemplateVersion?.VersionNumber).toBe(2);
    await ec2.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: id, DefaultVersion: '2' }));

    const { Subnets = [] } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
    await autoscaling.send(new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: 'asg-user-data',
      LaunchTemplate: { LaunchTemplateName: 'lt-user-data', Version: '$Default' },
      MinSize: 1, MaxSize: 1, DesiredCapacity: 1,
      VPCZoneIdentifier: Subnets[0]!.SubnetId,
    }));
    const { AutoScalingGroups = [] } = await autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['asg-user-data'] }));
    expect(AutoScalingGroups[0]?.Instances).toHaveLength(1);

    const { LaunchTemplateVersions = [] } = await ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: id, Versions: ['$Default'] }));
    expect(LaunchTemplateVersions[0]?.LaunchTemplateData?.UserData).toBe(userData);
  });

  it('refuses UserData that is not base64 in a new version, as in a new template', async () => {
    await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'lt-bad-data', LaunchTemplateData: { ImageId: 'ami-12c6146b', InstanceType: 't3.micro' } }));
    const refused = await ec2.send(new CreateLaunchTemplateVersionCommand({
      LaunchTemplateName: 'lt-bad-data',
      LaunchTemplateData: { UserData: '#!/bin/bash not base64' },
    })).catch((error: Error) => error);
    expect((refused as Error).name).toMatch(/^InvalidUserData/);
  });

  it('a version based on SourceVersion keeps the parameters it does not override', async () => {
    await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'lt-source', LaunchTemplateData: { ImageId: 'ami-12c6146b', InstanceType: 't3.micro' } }));
    await ec2.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateName: 'lt-source', SourceVersion: '1', LaunchTemplateData: { UserData: userData } }));
    const { LaunchTemplateVersions = [] } = await ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateName: 'lt-source', Versions: ['2'] }));
    expect(LaunchTemplateVersions[0]?.LaunchTemplateData).toMatchObject({ ImageId: 'ami-12c6146b', InstanceType: 't3.micro', UserData: userData });
  });
});

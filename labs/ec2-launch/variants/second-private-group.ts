// Another correct way: web-1 has web-sg and also the VPC's default group, whose only inbound rule
// lets in members of the same group: nothing more is open to the internet.
import { DescribeInstancesCommand, DescribeSecurityGroupsCommand, EC2Client, ModifyInstanceAttributeCommand } from '@aws-sdk/client-ec2';

await import('../solution.ts');
const ec2 = new EC2Client({});
const { Reservations } = await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: ['web-1'] }, { Name: 'instance-state-name', Values: ['running'] }] }));
const instance = Reservations![0]!.Instances![0]!;
const { SecurityGroups } = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [instance.VpcId!] }, { Name: 'group-name', Values: ['default'] }] }));
await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: instance.InstanceId, Groups: [...instance.SecurityGroups!.map((g) => g.GroupId!), SecurityGroups![0]!.GroupId!] }));
console.log('web-1 has web-sg and the default group');

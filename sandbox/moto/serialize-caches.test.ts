import { describe, expect, it } from 'vitest';
import { CreateVpcCommand, CreateVpcPeeringConnectionCommand, DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { clientConfig, freshAccount, testEndpoint } from '../../test/sandbox-context.ts';

// patches/serialize_key_cache.py and xml_name_cache.py keep what moto's serializer works out for
// each field; a response written from them must be the one moto writes without them.
const account = freshAccount();
const ec2 = new EC2Client(clientConfig(account));

/** The raw XML of a DescribeInstances, without what differs from call to call. */
async function describeXml(): Promise<string> {
  const response = await fetch(testEndpoint(), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: 'Action=DescribeInstances&Version=2016-11-15',
  });
  expect(response.status).toBe(200);
  return (await response.text()).replace(/<requestId>[^<]*<\/requestId>/, '');
}

describe('moto serializes the same with its serializer caches', () => {
  it('writes an instance the same the first time and every time after', async () => {
    await ec2.send(new RunInstancesCommand({
      ImageId: 'ami-12c6146b', InstanceType: 't3.micro', MinCount: 2, MaxCount: 2,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-1' }] }],
    }));
    const first = await describeXml();
    expect(first).toContain('<instanceType>t3.micro</instanceType>');
    expect(first).toContain('<key>Name</key>');
    expect(await describeXml()).toBe(first);
    const { Reservations = [] } = await ec2.send(new DescribeInstancesCommand({}));
    expect(Reservations.flatMap((r) => r.Instances ?? []).map((i) => i.State?.Name)).toEqual(['running', 'running']);
  });

  it('applies the transformer moto puts in its table at run time, the current one each time', async () => {
    // CreateVpcPeeringConnection sets the transformer that writes its status anew for each call,
    // naming that call's peer account.
    const peers = [freshAccount(), freshAccount()];
    const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }));
    for (const [index, peer] of peers.entries()) {
      const peerVpc = await new EC2Client(clientConfig(peer)).send(new CreateVpcCommand({ CidrBlock: `10.${index + 2}.0.0/16` }));
      const { VpcPeeringConnection } = await ec2.send(new CreateVpcPeeringConnectionCommand({ VpcId: Vpc!.VpcId, PeerVpcId: peerVpc.Vpc!.VpcId, PeerOwnerId: peer }));
      expect(VpcPeeringConnection?.Status).toEqual({ Code: 'initiating-request', Message: `Initiating Request to ${peer}` });
    }
  });
});

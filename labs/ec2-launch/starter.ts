// ec2-launch: launch a web server on EC2.
// The platform supplies endpoint, region and credentials: keep `new EC2Client({})` as it is.
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  DescribeImagesCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});

// Your own public address (on real AWS: https://checkip.amazonaws.com). Any address works in the sandbox.
const MY_IP = '203.0.113.10';

// 1. TODO: create the key pair `lab-key` (CreateKeyPairCommand).

// 2. TODO: create the security group `web-sg` in the default VPC (CreateSecurityGroupCommand),
//    then allow inbound TCP 80 from everyone and TCP 22 from MY_IP only (AuthorizeSecurityGroupIngressCommand).

// 3. TODO: find an Amazon Linux 2023 image (DescribeImagesCommand, owner 'amazon', name 'al2023-ami-2023.*-x86_64'),
//    then launch one t3.micro tagged Name=web-1 with the key pair and the security group (RunInstancesCommand).

console.log('TODO: fill in the three steps above, then run again.');

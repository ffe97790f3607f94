import { EC2Client } from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});
// TODO: create the volume data-vol and the bucket kv-<account id>.
console.log('starter', typeof ec2);

// ec2-launch: launch a web server on EC2.
//ko ec2-launch: EC2에서 웹 서버를 시작하세요.
// The platform supplies endpoint, region and credentials: keep `new EC2Client({})` as it is.
//ko 엔드포인트, 리전, 자격 증명은 플랫폼이 채워 줍니다. `new EC2Client({})`는 그대로 두세요.
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
//ko 내 공인 주소입니다 (실제 AWS에서는 https://checkip.amazonaws.com). 샌드박스에서는 아무 주소나 됩니다.
const MY_IP = '203.0.113.10';

// 1. TODO: create the key pair `lab-key` (CreateKeyPairCommand).
//ko 1. 할 일: 키 페어 `lab-key`를 만드세요 (CreateKeyPairCommand).

// 2. TODO: create the security group `web-sg` in the default VPC (CreateSecurityGroupCommand),
//    then allow inbound TCP 80 from everyone and TCP 22 from MY_IP only (AuthorizeSecurityGroupIngressCommand).
//ko 2. 할 일: 기본 VPC에 보안 그룹 `web-sg`를 만들고 (CreateSecurityGroupCommand),
//ko    인바운드 TCP 80은 모두에게, TCP 22는 MY_IP에서만 허용하세요 (AuthorizeSecurityGroupIngressCommand).

// 3. TODO: find an Amazon Linux 2023 image (DescribeImagesCommand, owner 'amazon', name 'al2023-ami-2023.*-x86_64'),
//    then launch one t3.micro tagged Name=web-1 with the key pair and the security group (RunInstancesCommand).
//ko 3. 할 일: Amazon Linux 2023 이미지를 찾고 (DescribeImagesCommand, 소유자 'amazon', 이름 'al2023-ami-2023.*-x86_64'),
//ko    키 페어와 보안 그룹을 쓰는 태그 Name=web-1의 t3.micro 인스턴스 하나를 시작하세요 (RunInstancesCommand).

console.log('TODO: fill in the three steps above, then run again.');
//ko> console.log('할 일: 위의 세 단계를 채운 뒤 다시 실행하세요.');

// Lab: a network of your own, built with the AWS SDK.
//ko 실습: AWS SDK로 나만의 네트워크를 만드세요.
// The platform supplies endpoint, region and credentials: keep `new EC2Client({})` as it is.
//ko 엔드포인트, 리전, 자격 증명은 플랫폼이 채워 줍니다. `new EC2Client({})`는 그대로 두세요.
// Tag every resource with its Name, and make each step look for its resource before creating it,
// so that running this file again changes nothing.
//ko 모든 리소스에 Name 태그를 붙이고, 각 단계가 만들기 전에 먼저 리소스를 찾아보게 해서
//ko 이 파일을 다시 실행해도 아무것도 달라지지 않게 하세요.
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeVpcsCommand,
  EC2Client,
  ModifySubnetAttributeCommand,
  ModifyVpcAttributeCommand,
  waitUntilNatGatewayAvailable,
} from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});

// 1. TODO: the VPC `lab-vpc`, CIDR 10.0.0.0/16 (CreateVpcCommand with TagSpecifications),
//    then turn on DNS support and DNS hostnames (ModifyVpcAttributeCommand, one attribute per call).
//ko    할 일: VPC `lab-vpc`, CIDR 10.0.0.0/16 (CreateVpcCommand, TagSpecifications로 태그),
//ko    그다음 DNS 지원과 DNS 호스트 이름을 켜세요 (ModifyVpcAttributeCommand, 호출 한 번에 속성 하나).

// 2. TODO: four /24 subnets in two Availability Zones (CreateSubnetCommand with AvailabilityZone):
//    public-a and private-a in us-east-1a, public-b and private-b in us-east-1b.
//    Public subnets give instances a public IPv4 address (ModifySubnetAttributeCommand, MapPublicIpOnLaunch).
//ko    할 일: 두 가용 영역에 /24 서브넷 네 개 (CreateSubnetCommand, AvailabilityZone 지정):
//ko    us-east-1a에 public-a와 private-a, us-east-1b에 public-b와 private-b.
//ko    퍼블릭 서브넷은 인스턴스에 퍼블릭 IPv4 주소를 줍니다 (ModifySubnetAttributeCommand, MapPublicIpOnLaunch).

// 3. TODO: the internet gateway `lab-igw`, attached to lab-vpc
//    (CreateInternetGatewayCommand, AttachInternetGatewayCommand).
//ko    할 일: 인터넷 게이트웨이 `lab-igw`를 만들어 lab-vpc에 연결하세요
//    (CreateInternetGatewayCommand, AttachInternetGatewayCommand).

// 4. TODO: the route table `public-rt` with 0.0.0.0/0 to lab-igw, associated with both public subnets
//    (CreateRouteTableCommand, CreateRouteCommand, AssociateRouteTableCommand).
//ko    할 일: 0.0.0.0/0을 lab-igw로 보내는 라우팅 테이블 `public-rt`를 두 퍼블릭 서브넷과 연결하세요
//    (CreateRouteTableCommand, CreateRouteCommand, AssociateRouteTableCommand).

// 5. TODO: an Elastic IP address (AllocateAddressCommand), then the NAT gateway `lab-nat` in a public subnet
//    (CreateNatGatewayCommand); wait until it is available (waitUntilNatGatewayAvailable).
//ko    할 일: 탄력적 IP 주소를 받고 (AllocateAddressCommand), 퍼블릭 서브넷에 NAT 게이트웨이 `lab-nat`를 만든 뒤
//ko    (CreateNatGatewayCommand) available이 될 때까지 기다리세요 (waitUntilNatGatewayAvailable).

// 6. TODO: the route table `private-rt` with 0.0.0.0/0 to lab-nat, associated with both private subnets.
//ko    할 일: 0.0.0.0/0을 lab-nat로 보내는 라우팅 테이블 `private-rt`를 두 프라이빗 서브넷과 연결하세요.

// 7. TODO: security groups in lab-vpc (CreateSecurityGroupCommand with VpcId): `web-sg` allows TCP 80
//    from 0.0.0.0/0; `app-sg` allows TCP 8080 from web-sg only (UserIdGroupPairs, not a CIDR).
//ko    할 일: lab-vpc에 보안 그룹을 만드세요 (CreateSecurityGroupCommand, VpcId 지정): `web-sg`는 0.0.0.0/0에서
//ko    TCP 80을, `app-sg`는 web-sg에서만 TCP 8080을 허용합니다 (CIDR이 아니라 UserIdGroupPairs).

console.log('TODO: fill in the seven steps above, then run again.');
//ko> console.log('할 일: 위의 일곱 단계를 채운 뒤 다시 실행하세요.');

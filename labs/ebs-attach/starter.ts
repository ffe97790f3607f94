// ebs-attach: give web-1 a data disk and back it up.
//ko ebs-attach: web-1에 데이터 디스크를 붙이고 백업하세요.
// The platform supplies endpoint, region and credentials: keep `new EC2Client({})` as it is.
//ko 엔드포인트, 리전, 자격 증명은 플랫폼이 채워 줍니다. `new EC2Client({})`는 그대로 두세요.
import {
  AttachVolumeCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeInstancesCommand,
  EC2Client,
  waitUntilVolumeAvailable,
} from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});

// 1. TODO: find the running instance tagged Name=web-1 (DescribeInstancesCommand with a tag:Name filter).
//    Note its InstanceId and its availability zone (Placement.AvailabilityZone).
//ko 1. 할 일: 태그가 Name=web-1인 실행 중인 인스턴스를 찾으세요 (DescribeInstancesCommand에 tag:Name 필터).
//ko    그 InstanceId와 가용 영역 (Placement.AvailabilityZone)을 기억해 두세요.

// 2. TODO: create a 10 GiB gp3 volume tagged Name=data-vol in that same zone (CreateVolumeCommand),
//    then wait until it is available (waitUntilVolumeAvailable).
//ko 2. 할 일: 같은 가용 영역에 태그가 Name=data-vol인 10 GiB gp3 볼륨을 만들고 (CreateVolumeCommand),
//ko    available이 될 때까지 기다리세요 (waitUntilVolumeAvailable).

// 3. TODO: attach it to web-1 as /dev/sdf (AttachVolumeCommand).
//ko 3. 할 일: 볼륨을 web-1에 /dev/sdf로 연결하세요 (AttachVolumeCommand).

// 4. TODO: take a snapshot of the volume tagged Name=data-vol-backup (CreateSnapshotCommand).
//ko 4. 할 일: 볼륨의 스냅샷을 태그 Name=data-vol-backup으로 만드세요 (CreateSnapshotCommand).

console.log('TODO: fill in the four steps above, then run again.');
//ko> console.log('할 일: 위의 네 단계를 채운 뒤 다시 실행하세요.');

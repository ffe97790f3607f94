// ebs-attach: a gp3 volume in web-1's zone, attached as /dev/sdf, and a snapshot (spec: /work/shared/labs.md).
import { DescribeSnapshotsCommand, type Instance, type Volume } from '@aws-sdk/client-ec2';
import { defineLab, fail, pass, type Check, type CheckResult, type LabContext, type Text } from '../../grader/lab.ts';
import { everyResource, type ResourceSource } from '../../grader/queries/every-resource.ts';
import { instancesNamed, volumesNamed } from '../../grader/queries/ec2.ts';

const VOL = 'data-vol';
const SNAP = 'data-vol-backup';
const WEB = 'web-1';
const DEVICE = '/dev/sdf';

const noVolume = (): CheckResult =>
  fail(
    { ko: `Name=${VOL} 태그가 붙은 볼륨이 없습니다.`, en: `There is no volume tagged Name=${VOL}.` },
    {
      ko: `CreateVolume으로 볼륨을 만들고 TagSpecifications(ResourceType 'volume')로 Name=${VOL} 태그를 붙이세요.`,
      en: `Create a volume with CreateVolume and tag it Name=${VOL} (TagSpecifications with ResourceType 'volume').`,
    },
  );

const noInstance = (): CheckResult =>
  fail(
    { ko: `비교할 ${WEB} 인스턴스가 없습니다.`, en: `There is no ${WEB} instance to compare with.` },
    {
      ko: `이 실습은 ${WEB}이 있어야 시작됩니다. 실습 페이지의 Reset(또는 npx infralabs setup ebs-attach)으로 다시 만드세요.`,
      en: `This lab starts from a running ${WEB}. Create it again with Reset on the lab page (or npx infralabs setup ebs-attach).`,
    },
  );

/** Every data-vol volume the account has: checks judge each of them (everyResource). */
const volumes: ResourceSource<Volume> = {
  find: (ctx) => volumesNamed(ctx, VOL),
  idOf: (resource) => resource.VolumeId!,
  none: noVolume,
};

const volumeExactlyOne: Check = {
  id: 'volume-exactly-one',
  title: { ko: `${VOL} 볼륨 정확히 하나`, en: `Exactly one ${VOL} volume` },
  points: 2,
  exactlyOne: true,
  async run(ctx) {
    const volumes = await volumesNamed(ctx, VOL);
    const ids = volumes.map((v) => v.VolumeId!);
    if (volumes.length === 1) return pass({ ko: `${VOL}은 ${ids[0]} 하나입니다.`, en: `${VOL} is ${ids[0]}, the only one.` }, ids);
    if (volumes.length === 0) return noVolume();
    return fail(
      { ko: `Name=${VOL} 볼륨이 ${ids.length}개입니다: ${ids.join(', ')}. 하나여야 합니다.`, en: `There are ${ids.length} volumes tagged Name=${VOL}: ${ids.join(', ')}; expected one.` },
      {
        ko: `CreateVolume은 실행할 때마다 새 볼륨을 만들고, 붙이지 않은 볼륨에도 용량만큼 요금이 붙습니다. 하나만 남기고 DeleteVolume으로 지우세요(붙어 있으면 DetachVolume 먼저). 다시 돌려도 괜찮은 스크립트는 DescribeVolumes(tag:Name 필터)로 먼저 찾아봅니다.`,
        en: `CreateVolume makes a new volume every time it runs, and an unattached volume is still billed for its size. Keep one and delete the others with DeleteVolume (DetachVolume first if attached). A script that is safe to re-run looks for an existing one first (DescribeVolumes with a tag:Name filter).`,
      },
      ids,
    );
  },
};

const volumeGp3 = everyResource(
  volumes,
  'volume-gp3',
  { ko: '볼륨 유형 gp3', en: 'Volume type gp3' },
  1,
  (v) => (v.VolumeType === 'gp3' ? undefined : v.VolumeType ?? 'unknown'),
  { ko: `${VOL}의 유형이 gp3입니다.`, en: `${VOL} is gp3.` },
  (found) => ({ ko: `${VOL}의 유형이 gp3가 아닙니다(${found}).`, en: `${VOL} is not gp3 (${found}).` }),
  {
    ko: `VolumeType을 주지 않으면 gp2가 됩니다. gp3는 범용 SSD의 현재 세대로, 크기와 상관없이 기본 3,000 IOPS를 주고 gp2보다 쌉니다. CreateVolume에 VolumeType: 'gp3'를 주세요(이미 만든 볼륨은 ModifyVolume으로 바꿀 수 있습니다).`,
    en: `Without VolumeType you get gp2. gp3 is the current general-purpose SSD: a 3,000 IOPS baseline at any size, and cheaper than gp2. Pass VolumeType: 'gp3' to CreateVolume (an existing volume can be changed with ModifyVolume).`,
  },
);

const volumeSize = everyResource(
  volumes,
  'volume-size',
  { ko: '크기 10 GiB', en: 'Size 10 GiB' },
  1,
  (v) => (v.Size === 10 ? undefined : `${v.Size} GiB`),
  { ko: `${VOL}의 크기가 10 GiB입니다.`, en: `${VOL} is 10 GiB.` },
  (found) => ({ ko: `${VOL}의 크기가 10 GiB가 아닙니다(${found}).`, en: `${VOL} is not 10 GiB (${found}).` }),
  {
    ko: `CreateVolume의 Size는 GiB 단위입니다: Size: 10. EBS 요금은 쓴 만큼이 아니라 만든 크기만큼 붙습니다. 볼륨은 ModifyVolume으로 늘릴 수는 있지만 줄일 수는 없습니다.`,
    en: `CreateVolume's Size is in GiB: Size: 10. EBS bills the size you provision, not what you use; a volume can grow (ModifyVolume) but never shrink.`,
  },
);

const volumeSameZone: Check = {
  id: 'volume-same-az',
  title: { ko: `${WEB}과 같은 가용 영역`, en: `Same availability zone as ${WEB}` },
  points: 2,
  async run(ctx) {
    const [volumes, instances] = await Promise.all([volumesNamed(ctx, VOL), instancesNamed(ctx, WEB)]);
    if (volumes.length === 0) return noVolume();
    if (instances.length === 0) return noInstance();
    const zones = [...new Set(instances.map((i) => i.Placement?.AvailabilityZone))];
    const ids = [...volumes.map((v) => v.VolumeId!), ...instances.map((i) => i.InstanceId!)];
    const elsewhere = volumes.filter((v) => !zones.includes(v.AvailabilityZone));
    if (elsewhere.length === 0) {
      return pass({ ko: `${VOL}과 ${WEB}이 모두 ${zones.join(', ')}에 있습니다.`, en: `${VOL} and ${WEB} are both in ${zones.join(', ')}.` }, ids);
    }
    const found = elsewhere.map((v) => `${v.VolumeId} ${v.AvailabilityZone}`).join(', ');
    return fail(
      { ko: `${VOL}(${found})이 ${WEB}의 가용 영역 ${zones.join(', ')}에 있지 않습니다.`, en: `${VOL} (${found}) is not in ${WEB}'s availability zone ${zones.join(', ')}.` },
      {
        ko: `EBS 볼륨은 가용 영역 하나 안에만 있고, 같은 영역의 인스턴스에만 붙일 수 있습니다(다른 영역이면 AWS가 InvalidVolume.ZoneMismatch로 거절합니다). ${WEB}의 Placement.AvailabilityZone을 CreateVolume의 AvailabilityZone으로 쓰세요. 다른 영역으로 데이터를 옮길 때는 스냅샷을 찍고 그 영역에서 스냅샷으로 새 볼륨을 만듭니다.`,
        en: `An EBS volume lives in one availability zone and attaches only to instances in that zone (otherwise AWS refuses with InvalidVolume.ZoneMismatch). Use ${WEB}'s Placement.AvailabilityZone as CreateVolume's AvailabilityZone. To move data to another zone, take a snapshot and create a new volume from it there.`,
      },
      ids,
    );
  },
};

const volumeAttached: Check = {
  id: 'volume-attached',
  title: { ko: `${WEB}에 ${DEVICE}로 연결`, en: `Attached to ${WEB} as ${DEVICE}` },
  points: 3,
  async run(ctx) {
    const [volumes, instances] = await Promise.all([volumesNamed(ctx, VOL), instancesNamed(ctx, WEB)]);
    if (volumes.length === 0) return noVolume();
    if (instances.length === 0) return noInstance();
    const web = new Set(instances.map((i: Instance) => i.InstanceId));
    const attachments = volumes.flatMap((v) => (v.Attachments ?? []).map((a) => ({ ...a, VolumeId: v.VolumeId })));
    const ids = [...volumes.map((v) => v.VolumeId!), ...web].filter((id): id is string => !!id);
    const good = attachments.find((a) => web.has(a.InstanceId) && a.Device === DEVICE && a.State === 'attached');
    if (good) {
      return pass({ ko: `${VOL}(${good.VolumeId})이 ${WEB}(${good.InstanceId})에 ${DEVICE}로 연결되어 있습니다.`, en: `${good.VolumeId} is attached to ${good.InstanceId} as ${DEVICE}.` }, ids);
    }
    if (attachments.length === 0) {
      return fail(
        { ko: `${VOL}이 어떤 인스턴스에도 연결되어 있지 않습니다.`, en: `${VOL} is not attached to any instance.` },
        {
          ko: `볼륨은 만든 것만으로는 아무 데도 쓰이지 않습니다. AttachVolume에 VolumeId, ${WEB}의 InstanceId, Device: '${DEVICE}'를 주세요. 볼륨이 available이 된 뒤에 연결할 수 있습니다(waitUntilVolumeAvailable).`,
          en: `A new volume is not used by anything until you attach it. Call AttachVolume with the VolumeId, ${WEB}'s InstanceId and Device: '${DEVICE}', once the volume is available (waitUntilVolumeAvailable).`,
        },
        ids,
      );
    }
    const found = attachments.map((a) => `${a.VolumeId} → ${a.InstanceId} ${a.Device} (${a.State})`).join('; ');
    return fail(
      { ko: `${VOL}이 ${WEB}에 ${DEVICE}로 연결되어 있지 않습니다. 찾은 연결: ${found}.`, en: `${VOL} is not attached to ${WEB} as ${DEVICE}; found: ${found}.` },
      {
        ko: `볼륨은 한 번에 (보통) 인스턴스 하나에만 붙습니다. 잘못 붙었으면 DetachVolume으로 떼고, AttachVolume에 ${WEB}의 InstanceId와 Device: '${DEVICE}'를 주어 다시 붙이세요. 장치 이름은 운영체제가 새 디스크를 어디서 찾을지 정합니다.`,
        en: `A volume is attached to one instance at a time (as a rule). Detach it with DetachVolume and attach it again with ${WEB}'s InstanceId and Device: '${DEVICE}'. The device name tells the operating system where the new disk appears.`,
      },
      ids,
    );
  },
};

const snapshotCompleted: Check = {
  id: 'snapshot-completed',
  title: { ko: `완료된 스냅샷 ${SNAP}`, en: `Completed snapshot ${SNAP}` },
  points: 2,
  async run(ctx: LabContext) {
    const [volumes, { Snapshots }] = await Promise.all([
      volumesNamed(ctx, VOL),
      ctx.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [{ Name: 'tag:Name', Values: [SNAP] }] }), { abortSignal: ctx.signal }),
    ]);
    const snapshots = Snapshots ?? [];
    const volumeIds = volumes.map((v) => v.VolumeId);
    const ids = snapshots.map((s) => s.SnapshotId!);
    const ofDataVol = snapshots.filter((s) => volumeIds.includes(s.VolumeId));
    const done = ofDataVol.find((s) => s.State === 'completed');
    if (done) return pass({ ko: `${SNAP}(${done.SnapshotId})은 ${done.VolumeId}의 완료된 스냅샷입니다.`, en: `${SNAP} (${done.SnapshotId}) is a completed snapshot of ${done.VolumeId}.` }, ids);
    if (snapshots.length === 0) {
      return fail(
        { ko: `Name=${SNAP} 태그가 붙은 스냅샷이 없습니다.`, en: `There is no snapshot tagged Name=${SNAP}.` },
        {
          ko: `CreateSnapshot에 ${VOL}의 VolumeId를 주고 TagSpecifications(ResourceType 'snapshot')로 Name=${SNAP} 태그를 붙이세요. 스냅샷은 볼륨의 특정 시점 백업으로, AWS가 S3에 보관하며 다른 가용 영역에서 새 볼륨을 만들 때도 씁니다.`,
          en: `Call CreateSnapshot with ${VOL}'s VolumeId and tag it Name=${SNAP} (TagSpecifications with ResourceType 'snapshot'). A snapshot is a point-in-time backup of the volume that AWS keeps in S3; it can also seed a new volume in another zone.`,
        },
      );
    }
    if (ofDataVol.length === 0) {
      const found = snapshots.map((s) => `${s.SnapshotId} of ${s.VolumeId}`).join(', ');
      return fail(
        { ko: `${SNAP} 스냅샷이 ${VOL}의 것이 아닙니다: ${found}.`, en: `The ${SNAP} snapshot is not of ${VOL}: ${found}.` },
        {
          ko: `스냅샷은 볼륨 하나를 찍습니다. CreateSnapshot의 VolumeId가 ${VOL} 볼륨의 id인지 확인하세요(${WEB}의 루트 볼륨이 아니라).`,
          en: `A snapshot copies one volume. Make sure CreateSnapshot's VolumeId is ${VOL}'s id (not ${WEB}'s root volume).`,
        },
        ids,
      );
    }
    const found = ofDataVol.map((s) => `${s.SnapshotId} ${s.State}${s.StateMessage ? ` (${s.StateMessage})` : ''}`).join(', ');
    return fail(
      { ko: `${SNAP} 스냅샷이 아직 완료되지 않았습니다: ${found}.`, en: `The ${SNAP} snapshot is not completed: ${found}.` },
      {
        ko: `스냅샷은 pending에서 시작해 데이터를 다 복사하면 completed가 됩니다. waitUntilSnapshotCompleted로 기다렸다가 다시 확인하세요. error 상태라면 새로 찍으세요.`,
        en: `A snapshot starts pending and becomes completed once its data is copied. Wait with waitUntilSnapshotCompleted and check again; if it is in error, take a new one.`,
      },
      ids,
    );
  },
};

export default defineLab({
  id: 'ebs-attach',
  title: { ko: 'EBS로 블록 스토리지 붙이기', en: 'Add block storage with EBS' },
  summary: {
    ko: `${WEB}과 같은 가용 영역에 gp3 볼륨을 만들어 ${DEVICE}로 연결하고, 스냅샷으로 백업합니다.`,
    en: `Create a gp3 volume in ${WEB}'s availability zone, attach it as ${DEVICE}, and back it up with a snapshot.`,
  },
  lessons: ['ebs'],
  services: ['ec2'],
  steps: [
    { id: 'volume', title: { ko: '볼륨', en: 'Volume' }, checks: [volumeExactlyOne, volumeGp3, volumeSize, volumeSameZone] },
    { id: 'attachment', title: { ko: '연결', en: 'Attachment' }, checks: [volumeAttached] },
    { id: 'snapshot', title: { ko: '스냅샷', en: 'Snapshot' }, checks: [snapshotCompleted] },
  ],
});

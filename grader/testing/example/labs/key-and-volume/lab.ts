// A tiny lab for proveLab's own test: a key pair (from setup), exactly one volume, a bucket.
import { DescribeKeyPairsCommand, DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { defineLab, fail, pass, type Text } from '../../../../lab.ts';

const t = (en: string): Text => ({ en, ko: en });

export default defineLab({
  id: 'key-and-volume',
  title: t('Key and volume'),
  summary: t('The example lab of proveLab'),
  lessons: [],
  services: ['ec2', 's3'],
  steps: [
    {
      id: 'ec2',
      title: t('EC2'),
      checks: [
        {
          id: 'key-pair-exists',
          title: t('Key pair lab-key'),
          points: 1,
          async run(ctx) {
            const { KeyPairs = [] } = await ctx.ec2.send(new DescribeKeyPairsCommand({}), { abortSignal: ctx.signal });
            const key = KeyPairs.find((k) => k.KeyName === 'lab-key');
            return key ? pass(t('lab-key exists'), [key.KeyPairId!]) : fail(t('no key pair lab-key'), t('run the setup'));
          },
        },
        {
          id: 'one-volume',
          title: t('Exactly one 10 GiB volume data-vol'),
          points: 2,
          exactlyOne: true,
          async run(ctx) {
            const { Volumes = [] } = await ctx.ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'tag:Name', Values: ['data-vol'] }] }), { abortSignal: ctx.signal });
            const ids = Volumes.map((v) => v.VolumeId!);
            if (Volumes.length === 0) return fail(t('no volume tagged Name=data-vol'), t('CreateVolume with a Name tag'));
            if (Volumes.length > 1) return fail(t(`${Volumes.length} volumes tagged Name=data-vol: ${ids.join(', ')}`), t('delete the extra ones'), ids);
            if (Volumes[0]!.Size !== 10) return fail(t(`data-vol is ${Volumes[0]!.Size} GiB, not 10`), t('make it 10 GiB'), ids);
            return pass(t(`data-vol ${ids[0]} is 10 GiB`), ids);
          },
        },
      ],
    },
    {
      id: 's3',
      title: t('S3'),
      checks: [
        {
          id: 'bucket-exists',
          title: t('Bucket kv-<account>'),
          points: 1,
          async run(ctx) {
            const Bucket = `kv-${ctx.account}`;
            try {
              await ctx.s3.send(new HeadBucketCommand({ Bucket }), { abortSignal: ctx.signal });
              return pass(t(`${Bucket} exists`), [Bucket]);
            } catch (error) {
              if ((error as Error).name === 'NotFound') return fail(t(`no bucket ${Bucket}`), t('CreateBucket'));
              throw error;
            }
          },
        },
      ],
    },
  ],
});

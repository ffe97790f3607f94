// An example lab whose checks misbehave, for the CLI's tests: one throws, one hangs.
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { defineLab, pass, type Text } from '../../../../lab.ts';

const t = (en: string): Text => ({ en, ko: en });

export default defineLab({
  id: 'broken-checks',
  title: t('Broken checks'),
  summary: t('Checks that throw and hang'),
  lessons: [],
  services: ['sts'],
  steps: [
    {
      id: 'only',
      title: t('Only step'),
      checks: [
        {
          id: 'works',
          title: t('Works'),
          points: 1,
          async run(ctx) {
            const { Account } = await ctx.sts.send(new GetCallerIdentityCommand({}), { abortSignal: ctx.signal });
            return pass(t(`account ${Account}`));
          },
        },
        { id: 'throws', title: t('Throws'), points: 1, run: async () => { throw new Error('unexpected shape'); } },
        { id: 'hangs', title: t('Hangs'), points: 1, timeoutMs: 300, run: () => new Promise(() => {}) },
      ],
    },
  ],
});

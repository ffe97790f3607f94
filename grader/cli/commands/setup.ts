import { pathToFileURL } from 'node:url';
import type { LabContext } from '../../lab.ts';
import { loadLab } from '../../labs.ts';
import type { Command } from '../command.ts';
import { assertSandboxAccepts } from '../key.ts';
import type { GlobalOptions } from '../options.ts';

/** Runs labs/<id>/setup.ts for the account (it creates only what is missing). */
export async function setupLab(labId: string, global: GlobalOptions, root?: string): Promise<void> {
  const entry = await loadLab(labId, root);
  await assertSandboxAccepts(global);
  const { default: setup } = (await import(pathToFileURL(entry.setup).href)) as { default: (ctx: LabContext) => Promise<void> };
  const { createLabContext } = await import('../../context.ts');
  await setup(createLabContext({ endpoint: global.endpoint, account: global.account, secret: global.secret }));
}

export const setupCommand: Command = {
  name: 'setup',
  usage: '<lab>',
  summary: "create the lab's prerequisites in the account (does nothing when they exist)",
  positionals: 1,
  options: {},
  async run({ args: [labId], global }, io) {
    await setupLab(labId!, global, io.root);
    io.out(`${labId} is set up for account ${global.account}.\n`);
    return 0;
  },
};

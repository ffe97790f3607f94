import { z } from 'zod';
import type { Command } from '../command.ts';

export const sandboxCommand: Command = {
  name: 'sandbox',
  usage: '',
  summary: 'start the local AWS sandbox in the foreground (Ctrl-C stops it)',
  positionals: 0,
  options: {
    port: { type: 'string', value: '<port>', description: 'port of the gateway (default 4566)', schema: z.coerce.number({ message: 'must be a port number 0-65535' }).int('must be a port number 0-65535').min(0, 'must be a port number 0-65535').max(65535, 'must be a port number 0-65535') },
    backend: { type: 'string', value: 'url=<url>', description: 'front another AWS-compatible endpoint instead of moto (LocalStack, MiniStack)', schema: z.string().regex(/^url=https?:\/\/\S+$/, 'must look like url=http://localhost:4567') },
  },
  async run({ values }, io) {
    const port = values.port === undefined ? 4566 : Number(values.port);
    const backendUrl = typeof values.backend === 'string' ? values.backend.replace(/^url=/, '') : undefined;
    const { startSandboxProcess } = await import('../../../sandbox/sandbox-process.ts');
    const sandbox = await startSandboxProcess({ port, backendUrl, log: (line) => io.out(`${line}\n`) });
    io.out(`Infra Labs sandbox ready at ${sandbox.endpoint} (backend: ${sandbox.backend} ${sandbox.version}). Ctrl-C stops it.\n`);
    const interrupted = new Promise<'interrupted'>((resolve) => {
      if (io.signal?.aborted) return resolve('interrupted');
      io.signal?.addEventListener('abort', () => resolve('interrupted'), { once: true });
    });
    if (await Promise.race([interrupted, sandbox.exited.then(() => 'ended' as const)]) === 'ended') {
      const cause = sandbox.lastLine();
      io.err(`The sandbox stopped unexpectedly${cause ? ` (${cause})` : ''}: start it again with \`npx infralabs sandbox\`.\n`);
      return 2;
    }
    await sandbox.stop();
    return 0;
  },
};

// Entry point of the `infralabs` CLI. (The grader issue turns this into the full command table.)
import { startSandbox } from '../../sandbox/sandbox.ts';
import { SandboxError } from '../../sandbox/paths.ts';

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'sandbox') {
      const portAt = rest.indexOf('--port');
      const port = portAt === -1 ? 4566 : Number(rest[portAt + 1]);
      const backendAt = rest.indexOf('--backend');
      const backendUrl = backendAt === -1 ? undefined : rest[backendAt + 1]?.replace(/^url=/, '');
      const sandbox = await startSandbox({ port, backendUrl, log: (line) => console.log(line) });
      console.log(`Infra Labs sandbox ready at ${sandbox.endpoint} (backend: ${sandbox.backend.kind} ${await sandbox.backend.version()}). Ctrl-C stops it.`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await sandbox.stop();
      return 0;
    }
    console.error(`Unknown command "${command ?? ''}": try \`infralabs sandbox\`.`);
    return 2;
  } catch (error) {
    if (error instanceof SandboxError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}

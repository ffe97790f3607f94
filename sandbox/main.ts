// The sandbox as a process of its own: `node sandbox/main.ts [--port N] [--backend-url URL |
// --emulator ministack|localstack] [--lambda ours|backend] [--listen ADDRESS] [--allow-origin ORIGIN]... [--host-name NAME]...`,
// started by `infralabs sandbox` and the bench through sandbox-process.ts. Its memory is the
// sandbox's alone (no CLI, grader or TypeScript loader): Node runs this file directly, stripping
// the types. It reports to its parent over the IPC channel and stops on SIGINT, SIGTERM, or when
// the parent goes away, so that a killed CLI never leaves port 4566 taken.
import { parseArgs } from 'node:util';
import type { RunningSandbox } from './sandbox.ts';
import { MotoBackend } from './backend.ts';
import { EmulatorBackend } from './backends/emulator-backend.ts';
import type { EmulatorName } from './backends/emulators.ts';
import { SandboxError } from './paths.ts';
import type { SandboxMessage } from './sandbox-process.ts';
import { classCredentials, type ClassKey, type Credentials } from './gateway/credentials.ts';
import { startBackend } from './start-backend.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'backend-url': { type: 'string' },
    emulator: { type: 'string' },
    lambda: { type: 'string' },
    listen: { type: 'string' },
    'allow-origin': { type: 'string', multiple: true },
    'host-name': { type: 'string', multiple: true },
  },
});

function tell(message: SandboxMessage): Promise<void> {
  return new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
}

/** A class's keys, handed over by `infralabs sandbox --roster` in INFRALABS_CLASS_KEYS
 *  ({"students":[{account,secret,student}],"teacher":{account,secret}}), then dropped from the environment. */
function classKeys(): Credentials | undefined {
  const text = process.env.INFRALABS_CLASS_KEYS;
  delete process.env.INFRALABS_CLASS_KEYS;
  if (!text) return undefined;
  const keys = JSON.parse(text) as { students: ClassKey[]; teacher: ClassKey };
  return classCredentials(keys.students, keys.teacher);
}

async function start(): Promise<RunningSandbox | undefined> {
  try {
    const log = (line: string) => void tell({ type: 'log', line });
    const backendOptions = {
      backendUrl: values['backend-url'],
      emulator: values.emulator as EmulatorName | undefined,
      lambda: values.lambda as 'ours' | 'backend' | undefined,
    };
    // moto starts (a Python process importing its services) while this process loads the
    // gateway's modules: the two took turns, a third of the sandbox's start-up.
    const credentials = classKeys();
    const starting = startBackend(backendOptions, log);
    starting.catch(() => {}); // awaited in startSandbox; not an unhandled rejection meanwhile
    const { startSandbox } = await import('./sandbox.ts');
    const sandbox = await startSandbox({
      credentials,
      port: values.port === undefined ? undefined : Number(values.port),
      ...backendOptions,
      backend: starting,
      host: values.listen,
      allowOrigins: values['allow-origin'],
      hostNames: values['host-name'],
      log,
    });
    const { backend } = sandbox;
    await tell({
      type: 'ready',
      endpoint: sandbox.endpoint,
      backend: backend.kind,
      backendName: backend.name,
      backendUrl: backend.url(),
      version: await backend.version(),
      backendPid: backend instanceof MotoBackend || backend instanceof EmulatorBackend ? backend.pid() : undefined,
    });
    return sandbox;
  } catch (error) {
    // A SandboxError says what to do in one line; anything else is a defect, named with its cause.
    await tell({ type: 'failed', message: error instanceof SandboxError ? error.message : `The sandbox failed to start: ${String(error)}` });
    process.exit(2);
  }
}

const started = start();
let stopping = false;
/** Stops once, after start-up has finished: stopping halfway would leave moto running. */
function stop(): void {
  if (stopping) return;
  stopping = true;
  void started.then((sandbox) => sandbox?.stop()).finally(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('disconnect', stop);

// Starts the backend the options name: moto (the default), an emulator, or nothing for a URL.
// Apart from the gateway's modules, so that main.ts can start moto before it loads them.
import { ExternalBackend, MotoBackend, type Backend } from './backend.ts';
import { EmulatorBackend } from './backends/emulator-backend.ts';
import { emulators, type EmulatorName } from './backends/emulators.ts';

export interface BackendOptions {
  backendUrl?: string;
  emulator?: EmulatorName;
  lambda?: 'ours' | 'backend';
}

export async function startBackend(options: BackendOptions, log: (line: string) => void): Promise<Backend> {
  if (options.backendUrl) return new ExternalBackend(options.backendUrl, options.lambda === 'ours');
  if (options.emulator) {
    const emulator = new EmulatorBackend(emulators[options.emulator], options.lambda !== 'backend');
    await emulator.start(log);
    return emulator;
  }
  const moto = new MotoBackend();
  await moto.start(log);
  return moto;
}

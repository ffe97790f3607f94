// Starts a whole sandbox: backend (moto, or an external URL) plus the gateway in front of it.
import type { AddressInfo } from 'node:net';
import { ExternalBackend, MotoBackend, type Backend } from './backend.ts';
import { createGatewayServer } from './gateway/server.ts';
import { shutdownLambda } from './lambda/invoke-lambda.ts';
import { SandboxError } from './paths.ts';

export interface SandboxOptions {
  /** Gateway port; 0 picks a free one (tests). */
  port?: number;
  /** Host to listen on. */
  host?: string;
  /** An AWS-compatible endpoint to front instead of moto. */
  backendUrl?: string;
  log?: (line: string) => void;
}

export interface RunningSandbox {
  /** The gateway's URL, e.g. http://localhost:4566 */
  endpoint: string;
  backend: Backend;
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const log = options.log ?? (() => {});
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 4566;
  let backend: Backend;
  if (options.backendUrl) {
    backend = new ExternalBackend(options.backendUrl);
  } else {
    const moto = new MotoBackend();
    await moto.start(log);
    backend = moto;
  }
  const gateway = { backend, log, endpoint: '' };
  const server = createGatewayServer(gateway);
  server.keepAliveTimeout = 65_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  } catch (error) {
    await backend.stop();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new SandboxError(`Port ${port} is already in use: stop what runs there (is a sandbox already running?) or pass --port <other>.`);
    }
    throw error;
  }
  const actual = (server.address() as AddressInfo).port;
  gateway.endpoint = `http://127.0.0.1:${actual}`;
  return {
    endpoint: `http://localhost:${actual}`,
    backend,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      shutdownLambda();
      await backend.stop();
    },
  };
}

// Starts a whole sandbox: backend (moto, or an external URL) plus the gateway in front of it.
import type { AddressInfo } from 'node:net';
import type { Backend } from './backend.ts';
import type { EmulatorName } from './backends/emulators.ts';
import { startBackend } from './start-backend.ts';
import { createGatewayServer } from './gateway/server.ts';
import { warmAccounts } from './gateway/warm-accounts.ts';
import type { GatewayContext } from './gateway/types.ts';
import { nodeLambdaRunner, shutdownLambda } from './lambda/invoke-lambda.ts';
import { SandboxError } from './paths.ts';
import { accessRules, type AccessRules } from './gateway/access.ts';
import type { Credentials } from './gateway/credentials.ts';

export interface SandboxOptions {
  /** Gateway port; 0 picks a free one (tests). */
  port?: number;
  /** Address to listen on: 127.0.0.1 unless said otherwise. */
  host?: string;
  /** Browser origins allowed besides the site's own (--allow-origin; INFRALABS_ALLOW_ORIGINS adds more). */
  allowOrigins?: string[];
  /** Host names answered besides loopback's (--host-name). */
  hostNames?: string[];
  /** A class's keys: every AWS call must then be signed with one (--roster). */
  credentials?: Credentials;
  /** An AWS-compatible endpoint to front instead of moto. */
  backendUrl?: string;
  /** An emulator to install and start instead of moto (--backend ministack|localstack). */
  emulator?: EmulatorName;
  /** Who runs Lambda handlers: 'ours' (the gateway's runner) or 'backend' (the backend's own).
   *  Default: ours for moto (always), MiniStack and LocalStack; the backend's for a URL. */
  lambda?: 'ours' | 'backend';
  /** The backend, already starting (main.ts starts moto before it loads the gateway's modules,
   *  so that the two overlap); else started here from the options above. */
  backend?: Promise<Backend>;
  log?: (line: string) => void;
}

export interface RunningSandbox {
  /** The gateway's URL, e.g. http://localhost:4566 */
  endpoint: string;
  backend: Backend;
  stop(): Promise<void>;
}

/** The access rules for these options and INFRALABS_ALLOW_ORIGINS (origins separated by commas or spaces). */
export function sandboxAccess(options: SandboxOptions, env: Record<string, string | undefined> = process.env): AccessRules {
  const fromEnv = (env.INFRALABS_ALLOW_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean);
  try {
    return accessRules({ allowOrigins: [...(options.allowOrigins ?? []), ...fromEnv], hostNames: options.hostNames });
  } catch (error) {
    throw new SandboxError((error as Error).message);
  }
}


export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const log = options.log ?? (() => {});
  const host = options.host ?? '127.0.0.1';
  // Clients on the network address the sandbox by the address it listens on.
  const listensOn = ['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost'].includes(host) ? [] : [host];
  const starting = options.backend ?? startBackend(options, log);
  let access: AccessRules;
  try {
    access = sandboxAccess({ ...options, hostNames: [...(options.hostNames ?? []), ...listensOn] });
  } catch (error) {
    // Refused before serving: a backend already starting must not be left running.
    await (await starting.catch(() => undefined))?.stop();
    throw error;
  }
  const port = options.port ?? 4566;
  const backend = await starting;
  const gateway: GatewayContext = {
    backend, log, endpoint: '', access, credentials: options.credentials,
    lambda: backend.ourLambda ? nodeLambdaRunner : undefined,
  };
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
  if (options.credentials) gateway.warming = warmAccounts(gateway, options.credentials.accounts);
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

// The AWS emulator behind the gateway: moto in our virtualenv, or any AWS-compatible URL
// (MiniStack and LocalStack, started in their own virtualenvs, are such URLs: backends/emulator-backend.ts).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { BackendProcess } from './backend-process.ts';
import { freePort } from './free-port.ts';
import { projectRoot, SandboxError } from './paths.ts';
import { ensureVenv, venvPython } from './venv.ts';
import { forwardOverHttp } from './forward-over-http.ts';
import type { BackendRequest, BackendResponse } from './gateway/types.ts';

export interface Backend {
  /** 'moto', or 'external' for any other AWS-compatible endpoint (--backend url=..., ministack, localstack) */
  readonly kind: 'moto' | 'external';
  /** What to call it in messages and /_infralabs/health: moto, ministack, localstack, url. */
  readonly name: string;
  /** Whether the gateway's own Lambda runner executes Invoke and S3 events' invocations (--lambda
   *  ours), rather than the backend's runner (--lambda backend). */
  readonly ourLambda: boolean;
  /** Where the backend is, for messages and the Node Lambda runner; changes when moto is restarted. */
  url(): string;
  /** Headers that prove a request comes from this gateway (moto answers nothing else). */
  headers(): Record<string, string>;
  /** Sends one request to the backend (forwardToBackend's way there): errors carry a Node-style
   *  `code` (ECONNREFUSED, ETIMEDOUT) when the backend cannot be reached or does not answer. */
  forward(request: BackendRequest): Promise<BackendResponse>;
  version(): Promise<string>;
  ready(): Promise<boolean>;
  stop(): Promise<void>;
  /** The account that owns a bucket (bucket names are global), when the backend can tell. */
  bucketOwner(bucket: string): Promise<string | undefined>;
  /** Told after a CreateBucket or DeleteBucket passed through the gateway, for a backend that
   *  cannot tell owners itself. */
  noteBucket(bucket: string, owner: string | undefined): void;
  /** Empties one account, or every account; false when this backend cannot. */
  reset(target: ResetTarget): Promise<boolean>;
}

export type ResetTarget = { account: string } | { all: true };

export class ExternalBackend implements Backend {
  readonly kind = 'external' as const;
  readonly name: string;
  readonly ourLambda: boolean;
  protected base: string;
  constructor(base: string, ourLambda = false, name = 'url') {
    this.base = base;
    this.ourLambda = ourLambda;
    this.name = name;
  }
  url() { return this.base.replace(/\/$/, ''); }
  headers(): Record<string, string> { return {}; }
  forward(request: BackendRequest): Promise<BackendResponse> {
    return forwardOverHttp(this.url(), { ...request, headers: { ...request.headers, ...this.headers() } });
  }
  async version() { return 'unknown'; }
  async ready() {
    try {
      await fetch(this.url(), { signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      return false;
    }
  }
  async stop() {}
  /** An external backend has no route to ask which account owns a bucket: the gateway remembers the
   *  buckets created through it (a bucket made past the gateway reads as the default account). */
  private readonly owners = new Map<string, string>();
  async bucketOwner(bucket: string) { return this.owners.get(bucket); }
  noteBucket(bucket: string, owner: string | undefined) {
    if (owner) this.owners.set(bucket, owner);
    else this.owners.delete(bucket);
  }
  async reset(_target: ResetTarget) { return false; }
}

const serverScript = join(projectRoot, 'sandbox', 'moto', 'server.py');

export class MotoBackend implements Backend {
  readonly kind = 'moto' as const;
  readonly name = 'moto';
  /** moto runs functions only in Docker: ours always do. */
  readonly ourLambda = true;
  private port = 0;
  private motoVersion = 'unknown';

  /** moto listens on 127.0.0.1, where Lambda handlers (and any local process) could reach it
   *  past the gateway's accounts and rules; it answers only requests that carry this token, which
   *  only the gateway's process knows (handlers get an explicit environment and cannot read /proc).
   *  A bench that calls moto straight, to compare, sets INFRALABS_BACKEND_TOKEN itself. */
  private readonly token = process.env.INFRALABS_BACKEND_TOKEN || randomBytes(24).toString('hex');

  url() { return `http://127.0.0.1:${this.port}`; }
  headers() { return { 'x-infralabs-backend-token': this.token }; }
  forward(request: BackendRequest): Promise<BackendResponse> {
    return forwardOverHttp(this.url(), { ...request, headers: { ...request.headers, ...this.headers() } });
  }
  async version() { return this.motoVersion; }

  private readonly server = new BackendProcess({
    name: 'moto',
    venvDir: '.venv',
    startTimeoutMs: 30_000,
    killAfterMs: 3000,
    launch: async (log) => {
      ensureVenv(log);
      this.port = await freePort();
      return {
        python: venvPython,
        args: [serverScript, '--port', String(this.port)],
        cwd: projectRoot,
        // One malloc arena: glibc gives each of waitress's threads its own, and their fragments added
        // about 30 MB to moto's RSS after every lab's flow (pymalloc serves Python's small objects anyway).
        env: { ...process.env, PYTHONUNBUFFERED: '1', MALLOC_ARENA_MAX: '1', INFRALABS_BACKEND_TOKEN: this.token },
      };
    },
    ready: () => this.ready(),
  });

  start(log?: (line: string) => void): Promise<void> {
    return this.server.start(log);
  }

  /** The moto process id (tests kill it to prove the restart). */
  pid(): number | undefined { return this.server.pid(); }

  noteBucket() {} // moto knows its buckets' owners (patches/s3_owner.py)

  async bucketOwner(bucket: string): Promise<string | undefined> {
    const response = await fetch(`${this.url()}/_infralabs/bucket-owner?bucket=${encodeURIComponent(bucket)}`, { headers: this.headers(), signal: AbortSignal.timeout(10_000) });
    return ((await response.json()) as { account?: string }).account;
  }

  async reset(target: ResetTarget): Promise<boolean> {
    const response = await fetch(`${this.url()}/_infralabs/reset`, {
      method: 'POST', body: JSON.stringify(target), headers: { 'content-type': 'application/json', ...this.headers() }, signal: AbortSignal.timeout(60_000),
    });
    if (!response.ok) throw new SandboxError(`Resetting the backend failed: ${await response.text()}`);
    return true;
  }

  async ready(): Promise<boolean> {
    try {
      const response = await fetch(`${this.url()}/_infralabs/version`, { headers: this.headers(), signal: AbortSignal.timeout(2000) });
      if (!response.ok) return false;
      this.motoVersion = ((await response.json()) as { version: string }).version;
      return true;
    } catch {
      return false;
    }
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

}

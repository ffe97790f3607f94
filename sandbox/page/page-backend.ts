// moto in Pyodide (python-backend.ts) as the gateway's Backend: what MotoBackend is to the Node
// host, without a process, a port or a token (nothing but this worker can reach it).
import type { Backend, ResetTarget } from '../backend.ts';
import type { BackendRequest, BackendResponse } from '../gateway/types.ts';
import type { PythonBackend } from './python-backend.ts';

const accountHeader = 'x-moto-account-id';
/** Set by page-host.ts on a call that may change state: moto's ids for it come from this seed. */
export const seedHeader = 'x-infralabs-seed';

export class PageBackend implements Backend {
  readonly kind = 'moto' as const;
  readonly name = 'moto (in the page)';
  /** moto runs functions only in Docker: the page's own runner does (a worker per function). */
  readonly ourLambda = true;
  private readonly python: PythonBackend;
  private readonly motoVersion: string;

  constructor(python: PythonBackend, motoVersion: string) {
    this.python = python;
    this.motoVersion = motoVersion;
  }

  url() { return 'in-page:moto'; }
  headers() { return {}; }
  async version() { return this.motoVersion; }
  async ready() { return true; }
  async stop() {}
  noteBucket() {} // moto knows its buckets' owners (patches/s3_owner.py)

  /** forwardToBackend names the account in a header, as for moto's server; Pyodide's entry takes it as an argument. */
  forward(request: BackendRequest): Promise<BackendResponse> {
    const account = request.headers[accountHeader];
    const seed = request.headers[seedHeader];
    const headers = { ...request.headers };
    delete headers[accountHeader];
    delete headers[seedHeader];
    return this.python.forward({ ...request, headers, account: typeof account === 'string' ? account : undefined, seed: typeof seed === 'string' ? Number(seed) : undefined });
  }

  async bucketOwner(bucket: string): Promise<string | undefined> {
    const answer = await this.python.forward({ method: 'GET', path: '/_infralabs/bucket-owner', search: `bucket=${encodeURIComponent(bucket)}`, headers: {}, body: new Uint8Array(0) });
    return (JSON.parse(new TextDecoder().decode(answer.body)) as { account?: string }).account;
  }

  async reset(target: ResetTarget): Promise<boolean> {
    await this.python.reset('account' in target ? target.account : undefined);
    return true;
  }
}

// The sandbox's own HTTP routes that the grader and CLI use: health (is it there?) and reset.
// Browser-safe (fetch only).

/** The secret signed with when none is given: a sandbox without a roster accepts any (a class
 *  sandbox verifies each against the roster). */
export const anySecret = 'infralabs';

export class SandboxUnreachableError extends Error {
  readonly endpoint: string;

  constructor(endpoint: string, detail?: string) {
    super(`Cannot reach the sandbox at ${endpoint}${detail ? ` (${detail})` : ''}: start it with \`npm start\` or \`npx infralabs sandbox\`.`);
    this.endpoint = endpoint;
  }
}

/**
 * Throws SandboxUnreachableError when nothing answers at the endpoint (connection refused, DNS).
 * Any answer counts as reachable, even a slow one or a 503 (moto busy on a loaded machine, or an
 * endpoint without our health route): the work that follows has its own time limits and says
 * "could not check" when the backend really is down.
 */
export async function assertSandboxReachable(endpoint: string, timeoutMs = 5_000): Promise<void> {
  try {
    const response = await fetch(`${endpoint.replace(/\/+$/, '')}/_infralabs/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return;
    throw new SandboxUnreachableError(endpoint);
  }
}

export type ResetTarget = { account: string } | { all: true };

/** A key to sign with: a class sandbox verifies the signature (a student may reset only their own
 *  account, the teacher any); a sandbox without a class accepts any. */
export interface SandboxKey {
  accessKeyId: string;
  secretAccessKey: string;
}

/** SigV4 headers for a POST to the sandbox's own routes (service `infralabs`), as the AWS SDK
 *  signs its calls. Loaded on demand: most resets are never signed. */
async function signedHeaders(url: URL, body: string, key: SandboxKey): Promise<Record<string, string>> {
  const [{ SignatureV4 }, { Sha256 }] = await Promise.all([import('@smithy/signature-v4'), import('@smithy/core/checksum')]);
  const signer = new SignatureV4({ credentials: key, region: 'us-east-1', service: 'infralabs', sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST', protocol: url.protocol, hostname: url.hostname, port: url.port ? Number(url.port) : undefined,
    path: url.pathname, query: {}, headers: { host: url.host, 'content-type': 'application/json' }, body,
  });
  // fetch sets Host itself (a browser refuses to), to the same value.
  const { host: _host, ...headers } = signed.headers as Record<string, string>;
  return headers;
}

/** Empties one account, or the whole sandbox. Throws with the sandbox's own one-line reason. */
export async function resetSandbox(endpoint: string, target: ResetTarget, key?: SandboxKey): Promise<void> {
  const url = new URL(`${endpoint.replace(/\/+$/, '')}/_infralabs/reset`);
  const body = JSON.stringify(target);
  const headers = key ? await signedHeaders(url, body, key) : { 'content-type': 'application/json' };
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body });
  } catch {
    throw new SandboxUnreachableError(endpoint);
  }
  if (!response.ok) {
    const answer = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(answer.error ?? `The sandbox refused the reset (HTTP ${response.status}).`);
  }
  await response.body?.cancel();
}

// Reads a function's configuration and code: from moto through its admin routes
// (sandbox/moto/patches/lambda_code.py), since moto's GetFunction Code.Location cannot be
// downloaded; asked through backend.forward, so moto answers in any host. From any other
// backend through Lambda's own GetFunction (external-function.ts).
import type { Backend } from '../backend.ts';
import { noBytes, textOf } from '../gateway/bytes.ts';
import type { BackendResponse, GatewayContext } from '../gateway/types.ts';
import { lookUpExternalFunction, downloadExternalCode } from './external-function.ts';

export interface FunctionConfiguration {
  FunctionName: string;
  FunctionArn: string;
  Runtime?: string;
  Handler?: string;
  CodeSha256: string;
  LastModified: string;
  MemorySize: number;
  Timeout: number;
  Version: string;
  PackageType: string;
  Environment?: { Variables?: Record<string, string> };
  /** The size of /tmp in MB (512 to 10240; 512 when absent). */
  EphemeralStorage?: { Size?: number };
}

export type FunctionLookup =
  | { found: true; configuration: FunctionConfiguration; executedVersion: string }
  | { found: false; status: number; code: string; message: string };

export interface FunctionRef {
  account: string;
  region: string;
  name: string;
  qualifier?: string;
}

/** One of moto's admin routes for Lambda, asked through the host's way to its backend (HTTP with
 *  the gateway's token in Node; a call into Pyodide in the page). */
function askMoto(backend: Backend, route: string, ref: FunctionRef): Promise<BackendResponse> {
  const query = new URLSearchParams({ account: ref.account, region: ref.region, name: ref.name });
  if (ref.qualifier) query.set('qualifier', ref.qualifier);
  return backend.forward({ method: 'GET', path: `/_infralabs/lambda/${route}`, search: query.toString(), headers: {}, body: noBytes });
}

export async function lookUpFunction(gateway: GatewayContext, ref: FunctionRef): Promise<FunctionLookup> {
  const { backend } = gateway;
  if (backend.kind !== 'moto') return lookUpExternalFunction(gateway, ref);
  const response = await askMoto(backend, 'function', ref);
  let body: { configuration?: FunctionConfiguration; executedVersion?: string; error?: { code: string; message: string } } = {};
  try {
    body = JSON.parse(textOf(response.body)) as typeof body;
  } catch { /* not JSON: reported below with moto's status */ }
  if (response.status < 300 && body.configuration) {
    return { found: true, configuration: body.configuration, executedVersion: body.executedVersion ?? '$LATEST' };
  }
  return { found: false, status: response.status, code: body.error?.code ?? 'ServiceException', message: body.error?.message ?? `moto answered ${response.status}` };
}

export async function downloadCode(gateway: GatewayContext, ref: FunctionRef): Promise<Uint8Array> {
  const { backend } = gateway;
  if (backend.kind !== 'moto') return downloadExternalCode(gateway, ref);
  const response = await askMoto(backend, 'code', ref);
  if (response.status >= 300) throw new Error(`could not read the code of ${ref.name} from the backend (HTTP ${response.status})`);
  return response.body;
}

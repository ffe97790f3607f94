// A function's configuration and code from a backend other than moto, through Lambda's own
// GetFunction in the function's account (MiniStack and LocalStack take the account from the
// access key id), sent through the gateway in-process, and its Code.Location, which those
// backends serve as a URL on themselves.
import { AwsApiError, callAws } from '../gateway/aws-api.ts';
import { textOf } from '../gateway/bytes.ts';
import type { GatewayContext } from '../gateway/types.ts';
import type { FunctionConfiguration, FunctionLookup, FunctionRef } from './function-config.ts';

interface GetFunctionAnswer { Configuration: FunctionConfiguration; Code?: { Location?: string } }

async function getFunction(gateway: GatewayContext, ref: FunctionRef): Promise<GetFunctionAnswer> {
  const query = ref.qualifier ? `?Qualifier=${encodeURIComponent(ref.qualifier)}` : '';
  const answer = await callAws(gateway, {
    account: ref.account, region: ref.region, service: 'lambda', method: 'GET',
    path: `/2015-03-31/functions/${encodeURIComponent(ref.name)}${query}`,
  });
  return JSON.parse(textOf(answer.body)) as GetFunctionAnswer;
}

export async function lookUpExternalFunction(gateway: GatewayContext, ref: FunctionRef): Promise<FunctionLookup> {
  try {
    const { Configuration: configuration } = await getFunction(gateway, ref);
    return { found: true, configuration, executedVersion: configuration.Version ?? '$LATEST' };
  } catch (error) {
    if (error instanceof AwsApiError) return { found: false, status: error.status, code: error.name, message: error.message };
    throw error;
  }
}

export async function downloadExternalCode(gateway: GatewayContext, ref: FunctionRef): Promise<Uint8Array> {
  const location = (await getFunction(gateway, ref)).Code?.Location;
  if (!location) throw new Error(`the backend gave no code location for ${ref.name}`);
  const response = await fetch(location, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`could not read the code of ${ref.name} from ${location} (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

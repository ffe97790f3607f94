// Watches requests on their way to the backend for changes that matter to Invoke: a changed
// function invalidates cached configurations and a deleted one retires its environments; a
// created or reconfigured one lets the host get an environment ready ahead of its first invoke
// (the Node host starts a spare process).
import { textOf } from '../gateway/bytes.ts';
import type { Exchange } from '../gateway/types.ts';
import type { EnvironmentPool } from './environment-pool.ts';
import { functionsChanging } from './function-cache.ts';
import { canRun } from './runtimes.ts';

const lambdaPath = /^\/20\d\d-\d\d-\d\d\/(functions|tags|layers|event-source-mappings)/;
const createOrConfigure = /^\/2015-03-31\/functions(\/[^/]+\/configuration)?\/?$/;
const deletePath = /^\/2015-03-31\/functions\/([^/]+)\/?$/;
const adminPath = /^\/(moto-api|_infralabs)\//;

export function watchChanges(exchange: Exchange, pool: EnvironmentPool, prepare?: (memorySize: number) => void): void {
  const { method, path, body } = exchange.request;
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return;
  if (adminPath.test(path)) {
    functionsChanging();
    return;
  }
  if (!lambdaPath.test(path) || /\/invocations\/?$/.test(path)) return;
  functionsChanging(exchange.account);
  const deleted = method === 'DELETE' ? deletePath.exec(path) : null;
  if (deleted && !exchange.request.query.get('Qualifier')) {
    pool.retireFunction(exchange.account, decodeURIComponent(deleted[1]!).replace(/^.*:function:/, '').split(':')[0]!);
  }
  if (!prepare || !createOrConfigure.test(path)) return;
  try {
    const spec = JSON.parse(textOf(body)) as { Runtime?: string; MemorySize?: number };
    if (canRun(spec.Runtime) || (path.endsWith('/configuration') && spec.Runtime === undefined)) prepare(spec.MemorySize ?? 128);
  } catch { /* not JSON: the backend will say so */ }
}

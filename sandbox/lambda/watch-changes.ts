// Watches requests on their way to the backend for changes that matter to Invoke: a changed
// function invalidates cached configurations; a created or reconfigured one gets a Node
// process started ahead of its first invoke.
import { textOf } from '../gateway/bytes.ts';
import type { Exchange } from '../gateway/types.ts';
import { retireFunction } from './environment-pool.ts';
import { functionsChanging } from './function-cache.ts';
import { prepareRuntime } from './runtime-processes.ts';
import { canRun } from './runtimes.ts';

const lambdaPath = /^\/20\d\d-\d\d-\d\d\/(functions|tags|layers|event-source-mappings)/;
const createOrConfigure = /^\/2015-03-31\/functions(\/[^/]+\/configuration)?\/?$/;
const deletePath = /^\/2015-03-31\/functions\/([^/]+)\/?$/;
const adminPath = /^\/(moto-api|_infralabs)\//;

export function watchChanges(exchange: Exchange): void {
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
    retireFunction(exchange.account, decodeURIComponent(deleted[1]!).replace(/^.*:function:/, '').split(':')[0]!);
  }
  if (!createOrConfigure.test(path)) return;
  try {
    const spec = JSON.parse(textOf(body)) as { Runtime?: string; MemorySize?: number };
    if (canRun(spec.Runtime) || (path.endsWith('/configuration') && spec.Runtime === undefined)) prepareRuntime(spec.MemorySize ?? 128);
  } catch { /* not JSON: the backend will say so */ }
}

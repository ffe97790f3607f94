// Runs the learner's code: TypeScript and imports turned into plain JavaScript with sucrase
// (imports become calls to our `require`), the packages it imports loaded first, SDK clients
// given the sandbox defaults, console output streamed to the page. The page terminates this
// worker to stop runaway code.
import { transform } from 'sucrase';
import { services } from '../../../grader/services.ts';
import { clientDefaults, withClientDefaults } from './client-defaults.ts';
import { formatArgs } from './format-value.ts';
import { describeLearnerError, sourceName } from './learner-error.ts';
import type { PreloadRequest, RunEvent, RunRequest } from './messages.ts';
import { relayFetch } from './sandbox-relay.ts';
import { learnerModules } from './sdk-modules.ts';

const post = (event: RunEvent) => postMessage(event);
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<unknown>;

/** A flood of output (a loop that logs) must not freeze the page: past this, lines are dropped. */
const maxLines = 5000;

function learnerConsole() {
  let lines = 0;
  const emit = (level: 'log' | 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    lines++;
    if (lines === maxLines) post({ type: 'log', level: 'warn', text: `… more than ${maxLines} lines: the rest is not shown.` });
    if (lines >= maxLines) return;
    post({ type: 'log', level, text: formatArgs(args) });
  };
  return { log: emit('log'), info: emit('info'), debug: emit('log'), warn: emit('warn'), error: emit('error'), table: emit('log'), dir: emit('log') };
}

function requiredModules(code: string): string[] {
  return [...code.matchAll(/\brequire\((['"])([^'"]+)\1\)/g)].map((match) => match[2]!);
}

/** The SDK clients' fetch once the page has handed this worker a port to the in-page sandbox (it
 *  fetches any other address as fetch does). */
let relay: typeof fetch | undefined;

async function run({ code, endpoint, account, secret, relay: port }: RunRequest): Promise<void> {
  if (port) relay = relayFetch(port, endpoint);
  const started = performance.now();
  let js: string;
  try {
    js = transform(code, { transforms: ['typescript', 'imports'], filePath: sourceName, production: true }).code;
  } catch (error) {
    // Sucrase says "Unexpected token (3:5)": the page words it in its language and marks the line.
    const message = (error as Error).message;
    const where = /\((\d+):(\d+)\)\s*$/.exec(message);
    if (where) post({ type: 'syntax', line: Number(where[1]), column: Number(where[2]) + 1, message: message.slice(0, where.index).trim() });
    else post({ type: 'failed', message: `SyntaxError: ${message}` });
    return;
  }
  const defaults = clientDefaults({ endpoint, account, secret, fetch: relay });
  const modules = new Map<string, Record<string, unknown>>();
  // Found by a text search, so a `require(...)` inside a string is harmless: only names we know are
  // loaded, and an unknown one fails when the code really asks for it.
  for (const name of new Set(requiredModules(js))) {
    const load = learnerModules[name];
    if (load) modules.set(name, withClientDefaults(await load(), defaults));
  }
  const require = (name: string) => {
    const loaded = modules.get(name);
    if (!loaded) throw new Error(`Cannot import "${name}" here: the lab runs in the browser, which provides ${Object.keys(learnerModules).join(', ')}.`);
    return loaded;
  };
  const module = { exports: {} as Record<string, unknown> };
  try {
    const body = `${js}\n//# sourceURL=${sourceName}`;
    await new AsyncFunction('require', 'module', 'exports', 'console', body)(require, module, module.exports, learnerConsole());
    post({ type: 'done', ms: Math.round(performance.now() - started) });
  } catch (error) {
    post({ type: 'failed', message: describeLearnerError(error) });
  }
}

self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  post({ type: 'log', level: 'error', text: describeLearnerError(event.reason) });
});
self.addEventListener('message', (event: MessageEvent<RunRequest | PreloadRequest>) => {
  if (event.data?.type === 'run') void run(event.data);
  // Warm-up: fetch and evaluate the lab's clients while the learner reads, so Run starts at once.
  if (event.data?.type === 'preload') for (const name of event.data.services) void services[name]?.load().catch(() => {});
});
post({ type: 'ready' });

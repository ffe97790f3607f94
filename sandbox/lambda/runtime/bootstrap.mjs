// The Node.js runtime inside one execution environment (a child process of the gateway).
// Plain JavaScript: the child runs without a TypeScript loader. It plays the part of AWS's
// runtime interface client: loads the handler at init, then answers one invoke at a time
// over the IPC channel the gateway opened ({type:'init'|'invoke'} in, {type:'result'|'log'} out).
// It starts with an empty environment and waits: the gateway keeps one started as a spare.
// Node's permission model confines it (see runtime-processes.ts); signals are the one thing
// that model leaves open, so only this process may be signalled from here.
import { readSync } from 'node:fs';
import { constants } from 'node:os';
import { createRequire } from 'node:module';
import { format } from 'node:util';
import { formatError, loadHandler } from './load-handler.mjs';

const rawKill = process._kill.bind(process);
// process.kill() goes through process._kill: another pid (the gateway, the learner's other
// processes, a process group) is refused as the kernel refuses a process without the right.
process._kill = (pid, signal) => (pid === process.pid ? rawKill(pid, signal) : -constants.errno.EPERM);
const rawSend = process.send.bind(process);
const send = (message, callback) => { if (process.connected) rawSend(message, callback); };

/** Lambda freezes the environment once the response is sent. Right after sending the result
 *  (before any other work of the handler can run) this blocks until the gateway writes a byte
 *  to stdin at the next invocation; the gateway also stops the process (SIGSTOP) meanwhile. */
const thawByte = Buffer.alloc(1);
const nap = new Int32Array(new SharedArrayBuffer(4));
function freeze() {
  for (;;) {
    try {
      if (readSync(0, thawByte, 0, 1, null) === 1) return;
      process.exit(0); // end of stdin: the gateway is gone
    } catch (error) {
      // Non-blocking stdin (a handler touched process.stdin): wait without running anything.
      if (error?.code !== 'EAGAIN') return;
      Atomics.wait(nap, 0, 0, 5);
    }
  }
}
let current; // the invocation in progress: { requestId, settle }

// console.* and direct writes become log lines in AWS's text format, sent in order with results.
const levels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
for (const [method, level] of Object.entries(levels)) {
  console[method] = (...args) => {
    send({ type: 'log', text: `${new Date().toISOString()}\t${current?.requestId ?? 'undefined'}\t${level}\t${format(...args)}` });
  };
}
for (const stream of [process.stdout, process.stderr]) {
  stream.write = (chunk, encoding, callback) => {
    send({ type: 'log', text: String(chunk).replace(/\n$/, '') });
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') done();
    return true;
  };
}
// The gateway went away: the environment goes too.
process.on('disconnect', () => process.exit(0));

function fail(error, errorType) {
  const shaped = formatError(error);
  if (errorType) shaped.errorType = errorType;
  return shaped;
}

// Errors nobody awaited end the environment, as they do on AWS (the invocation fails with them).
process.on('uncaughtException', (error) => {
  const shaped = fail(error);
  console.error(`Uncaught Exception \t${JSON.stringify(shaped)}`);
  current?.settle({ ok: false, error: shaped, fatal: true });
  setImmediate(() => process.exit(129));
});
process.on('unhandledRejection', (reason) => {
  const message = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  const shaped = { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: message, trace: [`Runtime.UnhandledPromiseRejection: ${message}`, ...(reason instanceof Error && reason.stack ? reason.stack.split('\n') : [])] };
  console.error(`Unhandled Promise Rejection \t${JSON.stringify(shaped)}`);
  current?.settle({ ok: false, error: shaped, fatal: true });
  setImmediate(() => process.exit(128));
});

let handler;

async function initialize({ env, cwd }) {
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, env);
  process.chdir(cwd);
  try {
    createRequire(import.meta.url)('node:module')._initPaths(); // NODE_PATH arrived after start-up
  } catch { /* resolution from the task root still works */ }
  const handlerString = process.env._HANDLER;
  try {
    handler = await loadHandler(process.env.LAMBDA_TASK_ROOT, handlerString);
    if (handler.length >= 3 && /^AWS_Lambda_nodejs(2[4-9]|[3-9]\d)/.test(process.env.AWS_EXECUTION_ENV ?? '')) {
      const error = new Error('ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.');
      error.name = 'Runtime.CallbackHandlerDeprecated';
      throw error;
    }
    send({ type: 'ready' });
  } catch (error) {
    const shaped = fail(error);
    console.error(`Uncaught Exception \t${JSON.stringify(shaped)}`);
    send({ type: 'init-error', error: shaped });
  }
}

/** Waits while the handler still has timers pending (callbackWaitsForEmptyEventLoop), up to the deadline. */
async function settleTimers(baseline, deadline) {
  const pending = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout' || kind === 'Immediate').length;
  while (pending() > baseline && Date.now() < deadline - 20) await new Promise((resolve) => setTimeout(resolve, 5));
}

function serialize(value) {
  try {
    return { ok: true, payload: JSON.stringify(value === undefined ? null : value) ?? 'null' };
  } catch (error) {
    const wrapped = new Error(`Unable to stringify response body: ${error.message}`);
    wrapped.name = 'Runtime.JSONStringifyError';
    return { ok: false, error: fail(wrapped) };
  }
}

async function invoke(message) {
  const { requestId, deadline } = message;
  // As Lambda's runtime does: the SDK in the handler sends it on (recursive loop detection).
  process.env._X_AMZN_TRACE_ID = message.traceHeader;
  let settled = false;
  const baseline = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout' || kind === 'Immediate').length + 1;
  await new Promise((resolveInvoke) => {
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      if (!outcome.ok) console.error(`Invoke Error \t${JSON.stringify({ ...outcome.error, stack: outcome.error.trace })}`);
      send({ type: 'result', requestId, ...outcome }, outcome.fatal ? undefined : freeze);
      current = undefined;
      resolveInvoke();
    };
    current = { requestId, settle };
    const context = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
      functionVersion: message.functionVersion,
      invokedFunctionArn: message.invokedFunctionArn,
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      awsRequestId: requestId,
      logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
      identity: undefined,
      clientContext: message.clientContext,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    const finish = (error, value) => {
      const outcome = error !== undefined && error !== null ? { ok: false, error: fail(error) } : serialize(value);
      if (context.callbackWaitsForEmptyEventLoop) settleTimers(baseline, deadline).then(() => settle(outcome));
      else settle(outcome);
    };
    context.done = finish;
    context.succeed = (value) => finish(null, value);
    context.fail = (error) => finish(error ?? new Error('handled'));
    try {
      const returned = handler(message.event, context, finish);
      if (returned && typeof returned.then === 'function') {
        returned.then((value) => settle(serialize(value)), (error) => settle({ ok: false, error: fail(error) }));
      } else if (handler.length < 3) {
        // A plain function that neither returns a promise nor takes a callback: AWS answers null
        // once the work it started is done.
        settleTimers(baseline, deadline).then(() => settle(serialize(null)));
      }
    } catch (error) {
      settle({ ok: false, error: fail(error) });
    }
  });
}

let queue = Promise.resolve();
process.on('message', (message) => {
  if (message?.type === 'init') queue = queue.then(() => initialize(message));
  if (message?.type === 'invoke') queue = queue.then(() => invoke(message));
});
send({ type: 'spawned' });

// What the worker of an in-page Lambda environment does with each message: init loads the
// handler, invoke runs one invocation, in order. Apart from lambda-worker.ts (the Worker's
// globals), so that a test can serve it from an in-process stand-in for the worker.
import type { SdkLoader } from './lambda-modules.ts';
import type { FromLambdaWorker, ToLambdaWorker } from './lambda-messages.ts';
import { LambdaFunction } from './lambda-runtime.ts';

export interface LambdaServer {
  receive(message: ToLambdaWorker): void;
  /** An error nobody caught: it ends the invocation and the environment, as on AWS. */
  uncaught(reason: unknown, kind: 'exception' | 'rejection'): void;
}

export function serveLambda(post: (message: FromLambdaWorker) => void, loadSdk: SdkLoader): LambdaServer {
  let fn: LambdaFunction | undefined;
  let queue = Promise.resolve();

  async function handle(message: ToLambdaWorker): Promise<void> {
    if (message?.type === 'init') {
      const loaded = await LambdaFunction.load({ files: message.files, env: message.env, loadSdk, log: (event) => post({ type: 'log', event }) });
      if ('fn' in loaded) {
        fn = loaded.fn;
        post({ type: 'ready' });
      } else {
        post({ type: 'init-error', error: loaded.error });
      }
    } else if (message?.type === 'invoke' && fn) {
      const { type: _type, ...invocation } = message;
      post({ type: 'result', requestId: message.requestId, result: await fn.invoke(invocation) });
    }
  }

  return {
    receive: (message) => { queue = queue.then(() => handle(message)); },
    uncaught: (reason, kind) => fn?.uncaught(reason, kind),
  };
}

// The grader, lab setups and the resources panel, off the main thread: they need the SDK (about
// half a megabyte), which a page that only shows a guide should never parse.
import type { LabContext } from '../../../grader/lab.ts';
import { loadLab, loadSetup } from './lab-modules.ts';
import type { ToolRequest, ToolResponse } from './messages.ts';
import { listResources } from './resources.ts';

// The grader's context loads the SDK packages with a top-level await: imported statically, it would
// hold back the listener below, and a request the page sends meanwhile would be lost.
const grader = Promise.all([import('../../../grader/context.ts'), import('../../../grader/engine.ts')]).then(([{ createLabContext }, { gradeLab }]) => ({ createLabContext, gradeLab }));
grader.catch(() => {}); // a failure to load is each request's answer

// One context (and so one set of SDK clients) per sandbox account, kept for the page's life:
// building clients for every Check or refresh costs more than the requests themselves.
const contexts = new Map<string, LabContext>();
async function contextFor({ endpoint, account, secret }: { endpoint: string; account: string; secret: string }): Promise<LabContext> {
  const { createLabContext } = await grader;
  const key = `${endpoint} ${account} ${secret}`;
  let ctx = contexts.get(key);
  if (!ctx) contexts.set(key, (ctx = createLabContext({ endpoint, account, secret })));
  return ctx;
}

async function handle(request: ToolRequest): Promise<unknown> {
  const lab = await loadLab(request.lab);
  const ctx = await contextFor(request);
  switch (request.type) {
    case 'check':
      return (await grader).gradeLab(lab, ctx, { lang: request.lang });
    case 'setup':
      await (await loadSetup(request.lab))?.(ctx);
      return null;
    case 'resources':
      return listResources(ctx, lab.services, request.lang ?? 'en');
  }
}

self.addEventListener('message', async (event: MessageEvent<ToolRequest>) => {
  const request = event.data;
  let response: ToolResponse;
  try {
    response = { id: request.id, ok: true, value: await handle(request) };
  } catch (error) {
    const message = error instanceof Error ? `${error.name && error.name !== 'Error' ? `${error.name}: ` : ''}${error.message}` : String(error);
    response = { id: request.id, ok: false, message: message.split('\n')[0]! };
  }
  postMessage(response);
});

// The grader, lab setups and the resources panel, off the main thread: they need the SDK (about
// half a megabyte), which a page that only shows a guide should never parse.
import { createLabContext } from '../../../grader/context.ts';
import { gradeLab } from '../../../grader/engine.ts';
import { loadLab, loadSetup } from './lab-modules.ts';
import type { ToolRequest, ToolResponse } from './messages.ts';
import { listResources } from './resources.ts';

async function handle(request: ToolRequest): Promise<unknown> {
  const lab = await loadLab(request.lab);
  const ctx = createLabContext({ endpoint: request.endpoint, account: request.account });
  switch (request.type) {
    case 'check':
      return gradeLab(lab, ctx, { lang: request.lang });
    case 'setup':
      await (await loadSetup(request.lab))?.(ctx);
      return null;
    case 'resources':
      return listResources(ctx, lab.services);
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

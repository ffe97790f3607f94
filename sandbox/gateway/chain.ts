// The whole request pipeline, in order. Each handler is one concern in its own file.
import type { RequestHandler, ResponseHandler } from './types.ts';
import { resolveAccount } from './handlers/resolve-account.ts';
import { serveHealth } from './handlers/serve-health.ts';
import { forwardToBackend } from './handlers/forward-to-backend.ts';

export const requestHandlers: RequestHandler[] = [
  serveHealth,
  resolveAccount,
  forwardToBackend,
];

export const responseHandlers: ResponseHandler[] = [];

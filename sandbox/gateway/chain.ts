// The whole request pipeline, in order. Each handler is one concern in its own file.
import type { RequestHandler, ResponseHandler } from './types.ts';
import { resolveAccount } from './handlers/resolve-account.ts';
import { serveHealth } from './handlers/serve-health.ts';
import { forwardToBackend } from './handlers/forward-to-backend.ts';
import { invokeLambda } from '../lambda/invoke-lambda.ts';

export const requestHandlers: RequestHandler[] = [
  serveHealth,
  resolveAccount,
  invokeLambda,
  forwardToBackend,
];

export const responseHandlers: ResponseHandler[] = [];

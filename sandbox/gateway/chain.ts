// The whole request pipeline, in order. Each handler is one concern in its own file. The chain is
// host-agnostic (no Node built-ins, no Buffer: host-agnostic.test.ts): what only a host can do,
// it reaches through the context it gets (types.ts: backend.forward, lambda, credentials).
import type { RequestHandler, ResponseHandler } from './types.ts';
import { refuseForeignHost } from './handlers/refuse-foreign-host.ts';
import { answerPreflight, refuseForeignCallers, addCorsHeaders } from './handlers/enforce-cors.ts';
import { serveHealth } from './handlers/serve-health.ts';
import { serveReset } from './handlers/serve-reset.ts';
import { serveJoin } from './handlers/serve-join.ts';
import { serveWebsite } from './handlers/serve-website.ts';
import { guardAdminPaths } from './handlers/guard-admin-paths.ts';
import { resolveAccount } from './handlers/resolve-account.ts';
import { refuseMalformedRequests } from './handlers/refuse-malformed-requests.ts';
import { verifySignatures } from './handlers/verify-signatures.ts';
import { enforceAwsRules, applyAwsDefaults } from './handlers/enforce-aws-rules.ts';
import { runLambda } from './handlers/run-lambda.ts';
import { forwardToBackend } from './handlers/forward-to-backend.ts';
import { translateBackendError } from './handlers/translate-backend-error.ts';

/** Who may be answered at all: these run first for every request, even one refused for its size. */
export const accessHandlers: RequestHandler[] = [
  refuseForeignHost,
  answerPreflight,
  refuseForeignCallers,
];

export const requestHandlers: RequestHandler[] = [
  ...accessHandlers,
  // Before the admin routes: a website host name serves pages only, whatever the path.
  serveWebsite,
  serveHealth,
  serveReset,
  serveJoin,
  guardAdminPaths,
  resolveAccount,
  verifySignatures,
  refuseMalformedRequests,
  enforceAwsRules,
  runLambda,
  forwardToBackend,
];

export const responseHandlers: ResponseHandler[] = [
  translateBackendError,
  applyAwsDefaults,
  addCorsHeaders,
];

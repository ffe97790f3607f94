// Runs Node.js Lambda handlers for Invoke (moto cannot without Docker). Filled in by the Lambda issue.
import type { RequestHandler } from '../gateway/types.ts';

export const invokeLambda: RequestHandler = () => undefined;

// Calling moto straight, past the gateway, for the benches' comparisons. Imported before any
// sandbox process starts, so that the process inherits the token.
import { randomBytes } from 'node:crypto';

/** moto answers only its gateway, which proves itself with a token; the bench gives the sandbox
 *  process one it knows (inherited through the environment), to call moto straight. */
export const backendToken = randomBytes(24).toString('hex');
process.env.INFRALABS_BACKEND_TOKEN = backendToken;

/** Straight to moto: the account goes in moto's own header, as the gateway would send it. */
export function direct<T extends { middlewareStack: { add: (...args: never[]) => void } }>(client: T, account: string): T {
  (client.middlewareStack.add as (m: unknown, o: unknown) => void)(
    (next: (args: { request: { headers: Record<string, string> } }) => unknown) => (args: { request: { headers: Record<string, string> } }) => {
      args.request.headers['x-moto-account-id'] = account;
      args.request.headers['x-infralabs-backend-token'] = backendToken;
      return next(args);
    },
    { step: 'build' },
  );
  return client;
}

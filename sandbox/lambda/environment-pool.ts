// Warm execution environments: reused for the same function version and configuration,
// retired when either changes, bounded in number and retired when idle, so a classroom of
// learners cannot exhaust the machine's memory.
import { ExecutionEnvironment, type EnvironmentSpec } from './environment.ts';

const maxEnvironments = Number(process.env.INFRALABS_LAMBDA_MAX_ENVIRONMENTS) || 16;
/** Invocations one account may run at once (Lambda's account concurrency, reduced for new AWS
 *  accounts): below the sandbox's total, so one account's flood leaves room for the others. */
const accountConcurrency = Number(process.env.INFRALABS_LAMBDA_ACCOUNT_CONCURRENCY) || 10;
const idleMs = Number(process.env.INFRALABS_LAMBDA_IDLE_MS) || 5 * 60_000;

export class TooManyEnvironmentsError extends Error {}

const environments = new Set<ExecutionEnvironment>();
let sweeper: NodeJS.Timeout | undefined;

function retire(environment: ExecutionEnvironment): void {
  environments.delete(environment);
  environment.dispose();
}

function sweep(): void {
  const now = Date.now();
  for (const environment of environments) {
    if (!environment.leased && now - environment.lastUsed > idleMs) retire(environment);
  }
}

/** An idle warm environment for this function version, or a new one (a cold start). */
export async function acquireEnvironment(spec: EnvironmentSpec, loadCode: () => Promise<Uint8Array>): Promise<ExecutionEnvironment> {
  sweeper ??= setInterval(sweep, Math.min(idleMs, 30_000)).unref();
  for (const environment of environments) {
    if (environment.key !== spec.key || environment.fingerprint === spec.fingerprint) continue;
    // New code or configuration: old environments go (busy ones when they finish).
    environment.retiring = true;
    if (!environment.leased) retire(environment);
  }
  for (const environment of environments) {
    if (environment.key === spec.key && environment.fingerprint === spec.fingerprint && !environment.leased && environment.state === 'idle') {
      environment.leased = true;
      return environment;
    }
  }
  let running = 0;
  for (const environment of environments) if (environment.leased && environment.account === spec.account) running++;
  if (running >= accountConcurrency) {
    throw new TooManyEnvironmentsError(`account ${spec.account} already runs ${accountConcurrency} invocations at once, the sandbox's concurrency limit for one account; try again when one has finished`);
  }
  if (environments.size >= maxEnvironments) {
    const idle = [...environments].filter((environment) => !environment.leased)
      .sort((a, b) => a.lastUsed - b.lastUsed);
    if (idle.length === 0) throw new TooManyEnvironmentsError(`the sandbox runs at most ${maxEnvironments} functions at once; try again when one has finished`);
    retire(idle[0]!);
  }
  const environment = new ExecutionEnvironment(spec);
  environment.leased = true;
  environments.add(environment);
  try {
    await environment.start(loadCode());
  } catch (error) {
    retire(environment);
    throw error;
  }
  return environment;
}

/** Hands an environment back after an invocation. */
export function releaseEnvironment(environment: ExecutionEnvironment): void {
  environment.leased = false;
  environment.lastUsed = Date.now();
  if (environment.state === 'dead' || environment.retiring) retire(environment);
}

/** Retires the environments of a deleted function. */
export function retireFunction(account: string, name: string): void {
  for (const environment of environments) {
    if (!environment.key.includes(` ${account}/`) || !environment.key.includes(`/${name}/`)) continue;
    environment.retiring = true;
    if (!environment.leased) retire(environment);
  }
}

/** Stops every environment (sandbox shutdown, tests). */
export function retireAllEnvironments(): void {
  for (const environment of environments) retire(environment);
}

process.once('exit', retireAllEnvironments);

// Warm execution environments: reused for the same function version and configuration,
// retired when either changes, bounded in number and retired when idle, so a classroom of
// learners cannot exhaust the machine's memory. Host-agnostic: the host's factory makes the
// environments (a child process in Node, a Web Worker in the page).
import type { EnvironmentFactory, EnvironmentSpec, ExecutionEnvironment } from './execution-environment.ts';
import { unrefTimer } from './timers.ts';

export interface PoolLimits {
  /** Environments of the whole sandbox, running or warm. */
  maxEnvironments: number;
  /** Invocations one account may run at once (Lambda's account concurrency, reduced for new AWS
   *  accounts): below the sandbox's total, so one account's flood leaves room for the others. */
  accountConcurrency: number;
  /** An environment unused this long is retired. */
  idleMs: number;
}

export const defaultPoolLimits: PoolLimits = { maxEnvironments: 16, accountConcurrency: 10, idleMs: 5 * 60_000 };

export class TooManyEnvironmentsError extends Error {}

export class EnvironmentPool {
  private readonly environments = new Set<ExecutionEnvironment>();
  private sweeper: ReturnType<typeof setInterval> | undefined;
  private readonly create: EnvironmentFactory;
  private readonly limits: PoolLimits;

  constructor(create: EnvironmentFactory, limits: PoolLimits = defaultPoolLimits) {
    this.create = create;
    this.limits = limits;
  }

  /** An idle warm environment for this function version, or a new one (a cold start). */
  async acquire(spec: EnvironmentSpec, loadCode: () => Promise<Uint8Array>): Promise<ExecutionEnvironment> {
    const { maxEnvironments, accountConcurrency, idleMs } = this.limits;
    this.sweeper ??= unrefTimer(setInterval(() => this.sweep(), Math.min(idleMs, 30_000)));
    for (const environment of this.environments) {
      if (environment.key !== spec.key || environment.fingerprint === spec.fingerprint) continue;
      // New code or configuration: old environments go (busy ones when they finish).
      environment.retiring = true;
      if (!environment.leased) this.retire(environment);
    }
    for (const environment of this.environments) {
      if (environment.key === spec.key && environment.fingerprint === spec.fingerprint && !environment.leased && environment.state === 'idle') {
        environment.leased = true;
        return environment;
      }
    }
    let running = 0;
    for (const environment of this.environments) if (environment.leased && environment.account === spec.account) running++;
    if (running >= accountConcurrency) {
      throw new TooManyEnvironmentsError(`account ${spec.account} already runs ${accountConcurrency} invocations at once, the sandbox's concurrency limit for one account; try again when one has finished`);
    }
    if (this.environments.size >= maxEnvironments) {
      const idle = [...this.environments].filter((environment) => !environment.leased)
        .sort((a, b) => a.lastUsed - b.lastUsed);
      if (idle.length === 0) throw new TooManyEnvironmentsError(`the sandbox runs at most ${maxEnvironments} functions at once; try again when one has finished`);
      this.retire(idle[0]!);
    }
    const environment = this.create(spec);
    environment.leased = true;
    this.environments.add(environment);
    try {
      await environment.start(loadCode());
    } catch (error) {
      this.retire(environment);
      throw error;
    }
    return environment;
  }

  /** Hands an environment back after an invocation. */
  release(environment: ExecutionEnvironment): void {
    environment.leased = false;
    environment.lastUsed = Date.now();
    if (environment.state === 'dead' || environment.retiring) this.retire(environment);
  }

  /** Retires the environments of a deleted function. */
  retireFunction(account: string, name: string): void {
    for (const environment of this.environments) {
      if (!environment.key.includes(` ${account}/`) || !environment.key.includes(`/${name}/`)) continue;
      environment.retiring = true;
      if (!environment.leased) this.retire(environment);
    }
  }

  /** Stops every environment (sandbox shutdown, tests). */
  retireAll(): void {
    for (const environment of this.environments) this.retire(environment);
  }

  private retire(environment: ExecutionEnvironment): void {
    this.environments.delete(environment);
    environment.dispose();
  }

  private sweep(): void {
    const now = Date.now();
    for (const environment of this.environments) {
      if (!environment.leased && now - environment.lastUsed > this.limits.idleMs) this.retire(environment);
    }
  }
}

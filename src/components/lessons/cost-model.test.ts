import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ASSUMPTIONS,
  PRICES,
  SECONDS_PER_MONTH,
  crossoverRps,
  fargateMonthlyCost,
  fargateTaskMonthlyCost,
  fargateTasks,
  lambdaColdShare,
  lambdaLatency,
  lambdaMonthlyCost,
  requestsPerTask,
  series,
} from './cost-model.ts';

const warm = { ...DEFAULT_ASSUMPTIONS, coldStartBaseShare: 0, keepWarmSeconds: Infinity };

describe('Lambda cost', () => {
  it('matches the AWS pricing page example: 3M requests of 1 s at 512 MB, free tier excluded', () => {
    // AWS: 1,500,000 GB-s and 3M requests -> 1.5M * 0.0000166667 + 3 * 0.20 = 25.60
    const rps = 3_000_000 / SECONDS_PER_MONTH;
    const cost = lambdaMonthlyCost(rps, { ...warm, lambdaDurationMs: 1000, lambdaMemoryMb: 512 });
    expect(cost).toBeCloseTo(1_500_000 * PRICES.lambdaPerGbSecond + 0.6, 6);
  });

  it('costs nothing with no requests', () => {
    expect(lambdaMonthlyCost(0)).toBe(0);
  });

  it('grows in proportion to traffic under steady load', () => {
    expect(lambdaMonthlyCost(200)).toBeCloseTo(2 * lambdaMonthlyCost(100), 6);
  });

  it('refuses a negative or missing rate with a message that says what to pass', () => {
    expect(() => lambdaMonthlyCost(-1)).toThrow(/requests per second/);
    expect(() => lambdaMonthlyCost(Number.NaN)).toThrow(/>= 0/);
  });
});

describe('cold starts', () => {
  it('hit almost every request when traffic is sparse and few when it is steady', () => {
    expect(lambdaColdShare(0.0001)).toBe(1);
    expect(lambdaColdShare(100)).toBe(DEFAULT_ASSUMPTIONS.coldStartBaseShare);
  });

  it('make the worst case slower than the mean', () => {
    const l = lambdaLatency(1);
    expect(l.worstMs).toBe(DEFAULT_ASSUMPTIONS.lambdaDurationMs + DEFAULT_ASSUMPTIONS.coldStartMs);
    expect(l.meanMs).toBeLessThan(l.worstMs);
  });
});

describe('Fargate cost', () => {
  it('keeps the always-on minimum with no traffic', () => {
    expect(fargateTasks(0)).toBe(DEFAULT_ASSUMPTIONS.minTasks);
    expect(fargateMonthlyCost(0)).toBeCloseTo(2 * (0.5 * 0.04048 + 1 * 0.004445) * 730, 6);
  });

  it('serves fewer requests per task when each request takes longer', () => {
    expect(requestsPerTask({ ...DEFAULT_ASSUMPTIONS, lambdaDurationMs: 1000 })).toBe(4);
    expect(fargateTasks(40, { ...DEFAULT_ASSUMPTIONS, lambdaDurationMs: 1000 })).toBe(10);
  });

  it('adds a task each time a task is full', () => {
    const per = DEFAULT_ASSUMPTIONS.requestsPerTaskPerSecond;
    expect(fargateTasks(per * 5)).toBe(5);
    expect(fargateTasks(per * 5 + 1)).toBe(6);
    expect(fargateMonthlyCost(per * 5)).toBeCloseTo(5 * fargateTaskMonthlyCost(), 6);
  });
});

describe('where each one wins', () => {
  it('Lambda is cheaper at low traffic and Fargate at high traffic', () => {
    expect(lambdaMonthlyCost(0.1)).toBeLessThan(fargateMonthlyCost(0.1));
    expect(fargateMonthlyCost(500)).toBeLessThan(lambdaMonthlyCost(500));
  });

  it('finds the crossover between the two', () => {
    const x = crossoverRps();
    expect(x).not.toBeNull();
    expect(x!).toBeGreaterThan(1);
    expect(x!).toBeLessThan(100);
    expect(fargateMonthlyCost(x! * 1.01)).toBeLessThanOrEqual(lambdaMonthlyCost(x! * 1.01));
    expect(fargateMonthlyCost(x! * 0.99)).toBeGreaterThan(lambdaMonthlyCost(x! * 0.99));
  });

  it('draws a log-spaced series from end to end', () => {
    const s = series(0.01, 1000, 51);
    expect(s).toHaveLength(51);
    expect(s[0]!.rps).toBeCloseTo(0.01, 10);
    expect(s[50]!.rps).toBeCloseTo(1000, 6);
    expect(() => series(0, 10, 5)).toThrow(/from/);
  });
});

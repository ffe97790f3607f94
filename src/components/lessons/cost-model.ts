// A deliberately small cost and latency model for the Lambda-vs-Fargate page.
// Every number that is not a price is an assumption a learner can see in the table beside the chart;
// prices are dated so a reader knows when to re-check them.

export const HOURS_PER_MONTH = 730; // the month AWS pricing pages use
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

export interface Prices {
  /** When the prices were looked up (YYYY-MM-DD) and where. */
  checked: string;
  sources: { lambda: string; fargate: string };
  /** Lambda, x86_64, us-east-1, on demand, free tier excluded. */
  lambdaPerMillionRequests: number;
  lambdaPerGbSecond: number;
  /** Fargate, Linux/x86_64, us-east-1, on demand. */
  fargatePerVcpuHour: number;
  fargatePerGbHour: number;
}

export const PRICES: Prices = {
  checked: '2026-11-26',
  sources: {
    lambda: 'https://aws.amazon.com/lambda/pricing/',
    fargate: 'https://aws.amazon.com/fargate/pricing/',
  },
  lambdaPerMillionRequests: 0.2,
  lambdaPerGbSecond: 0.0000166667,
  fargatePerVcpuHour: 0.04048,
  fargatePerGbHour: 0.004445,
};

export interface Assumptions {
  /** Average time the handler runs for one request (billed, rounded to 1 ms by AWS). */
  lambdaDurationMs: number;
  /** Configured memory; Lambda gives CPU in proportion to it. */
  lambdaMemoryMb: number;
  /** Extra time a cold start adds (new execution environment + init code); billed as init duration. */
  coldStartMs: number;
  /** Share of requests that hit a cold start under steady traffic. */
  coldStartBaseShare: number;
  /** How long an idle execution environment is assumed to stay warm (AWS does not publish this). */
  keepWarmSeconds: number;
  /** Fargate task size. */
  fargateVcpu: number;
  fargateMemoryGb: number;
  /** Requests per second one task serves at a comfortable utilisation, for requests of referenceDurationMs. */
  requestsPerTaskPerSecond: number;
  /** Longer requests keep a task busy longer, so a task serves proportionally fewer of them. */
  referenceDurationMs: number;
  /** Tasks that run even with no traffic (one per availability zone). */
  minTasks: number;
}

export const DEFAULT_ASSUMPTIONS: Assumptions = {
  lambdaDurationMs: 100,
  lambdaMemoryMb: 512,
  coldStartMs: 300,
  coldStartBaseShare: 0.01,
  keepWarmSeconds: 300,
  fargateVcpu: 0.5,
  fargateMemoryGb: 1,
  requestsPerTaskPerSecond: 40,
  referenceDurationMs: 100,
  minTasks: 2,
};

function checkRate(rps: number): void {
  if (!Number.isFinite(rps) || rps < 0) {
    throw new RangeError(`Request rate must be a number >= 0 (got ${rps}); pass requests per second.`);
  }
}

/** Share of requests that meet a cold start: rare under steady traffic, almost all when traffic is sparse. */
export function lambdaColdShare(rps: number, a: Assumptions = DEFAULT_ASSUMPTIONS): number {
  checkRate(rps);
  if (rps === 0) return 0;
  const sparse = 1 / (rps * a.keepWarmSeconds); // < 1 request per keep-warm window -> every one is cold
  return Math.min(1, Math.max(a.coldStartBaseShare, sparse));
}

export function lambdaMonthlyCost(rps: number, a: Assumptions = DEFAULT_ASSUMPTIONS, p: Prices = PRICES): number {
  checkRate(rps);
  const requests = rps * SECONDS_PER_MONTH;
  const billedMs = a.lambdaDurationMs + lambdaColdShare(rps, a) * a.coldStartMs;
  const gbSeconds = requests * (a.lambdaMemoryMb / 1024) * (billedMs / 1000);
  return (requests / 1e6) * p.lambdaPerMillionRequests + gbSeconds * p.lambdaPerGbSecond;
}

/** Requests per second one task serves, for requests as long as the Lambda duration assumed. */
export function requestsPerTask(a: Assumptions = DEFAULT_ASSUMPTIONS): number {
  return (a.requestsPerTaskPerSecond * a.referenceDurationMs) / a.lambdaDurationMs;
}

export function fargateTasks(rps: number, a: Assumptions = DEFAULT_ASSUMPTIONS): number {
  checkRate(rps);
  return Math.max(a.minTasks, Math.ceil(rps / requestsPerTask(a)));
}

export function fargateTaskMonthlyCost(a: Assumptions = DEFAULT_ASSUMPTIONS, p: Prices = PRICES): number {
  return (a.fargateVcpu * p.fargatePerVcpuHour + a.fargateMemoryGb * p.fargatePerGbHour) * HOURS_PER_MONTH;
}

export function fargateMonthlyCost(rps: number, a: Assumptions = DEFAULT_ASSUMPTIONS, p: Prices = PRICES): number {
  return fargateTasks(rps, a) * fargateTaskMonthlyCost(a, p);
}

export interface Latency {
  /** Average over all requests, cold starts included. */
  meanMs: number;
  /** What a request that meets a cold start waits. */
  worstMs: number;
}

export function lambdaLatency(rps: number, a: Assumptions = DEFAULT_ASSUMPTIONS): Latency {
  const share = lambdaColdShare(rps, a);
  return { meanMs: a.lambdaDurationMs + share * a.coldStartMs, worstMs: a.lambdaDurationMs + a.coldStartMs };
}

/** Fargate tasks are already running, so a request waits only for the work itself (bursts aside). */
export function fargateLatency(a: Assumptions = DEFAULT_ASSUMPTIONS): Latency {
  return { meanMs: a.lambdaDurationMs, worstMs: a.lambdaDurationMs };
}

/** Lowest request rate (within [lo, hi]) at which Fargate costs no more than Lambda, or null if none. */
export function crossoverRps(
  a: Assumptions = DEFAULT_ASSUMPTIONS,
  p: Prices = PRICES,
  lo = 0.001,
  hi = 100_000,
): number | null {
  const cheaper = (r: number) => fargateMonthlyCost(r, a, p) <= lambdaMonthlyCost(r, a, p);
  // Fargate's step function makes the difference non-monotonic only just above each step; scan a log grid first.
  const steps = 400;
  let prev = lo;
  for (let i = 0; i <= steps; i++) {
    const r = lo * Math.pow(hi / lo, i / steps);
    if (cheaper(r)) {
      let a1 = prev;
      let b1 = r;
      for (let k = 0; k < 60; k++) {
        const mid = (a1 + b1) / 2;
        if (cheaper(mid)) b1 = mid;
        else a1 = mid;
      }
      return i === 0 ? r : b1;
    }
    prev = r;
  }
  return null;
}

export interface Point {
  rps: number;
  lambda: number;
  fargate: number;
}

/** Points evenly spaced on a log scale, for drawing the chart. */
export function series(from: number, to: number, count: number, a = DEFAULT_ASSUMPTIONS, p = PRICES): Point[] {
  if (!(from > 0 && to > from && count >= 2)) {
    throw new RangeError('series needs 0 < from < to and count >= 2.');
  }
  return Array.from({ length: count }, (_, i) => {
    const rps = from * Math.pow(to / from, i / (count - 1));
    return { rps, lambda: lambdaMonthlyCost(rps, a, p), fargate: fargateMonthlyCost(rps, a, p) };
  });
}

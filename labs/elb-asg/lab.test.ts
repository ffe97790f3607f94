import { expect } from 'vitest';
import { proveLab } from '../../grader/testing/prove-lab.ts';

proveLab('elb-asg', {
  // The self-healing check shows what happened as a timeline: the termination, the replacement's
  // launch, its registration and its health, each with the seconds it took.
  solutionReport(report) {
    const timeline = report.checks.find((check) => check.id === 'self-healing')?.timeline ?? [];
    expect(timeline.map(({ event }) => event.replace(/i-[0-9a-f]+/g, 'i-…'))).toEqual([
      'the grader terminated i-…', 'the group launched i-… in its place', 'registered in web-tg', 'healthy',
    ]);
    expect(timeline[0]!.seconds).toBe(0);
    for (let i = 1; i < timeline.length; i++) expect(timeline[i]!.seconds).toBeGreaterThanOrEqual(timeline[i - 1]!.seconds);
  },
});

// What one student runs in the classroom bench, through runScript as `infralabs solve` runs it:
// the elb-asg reference solution, with its AWS calls timed. On exit it prints them and the CPU time
// the solution took, for the bench.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { callsMarker, readyMarker, recordApiCalls } from './api-calls.ts';

// Node, the SDK and the credentials chain are loaded before the class starts: thirty processes
// starting at once take both cores of this machine for seconds, which students on their own
// computers would not take from the sandbox.
await new EC2Client({}).config.credentials();
await new ElasticLoadBalancingV2Client({}).config.credentials();
await new AutoScalingClient({}).config.credentials();
process.stdout.write(readyMarker);
// The bench writes a file named after the account once the student's setup is done.
const go = join(process.env.INFRALABS_BENCH_GO_DIR!, process.env.AWS_ACCESS_KEY_ID!);
while (!existsSync(go)) await new Promise((resolve) => setTimeout(resolve, 20));

const { calls } = recordApiCalls();
const loaded = process.cpuUsage();
// Also on a failure: the runner's error handler ends the process with process.exit.
process.on('exit', () => {
  const { user, system } = process.cpuUsage(loaded);
  process.stderr.write(`\n${callsMarker}${JSON.stringify({ calls, cpuMs: (user + system) / 1000 })}\n`);
});
await import('../labs/elb-asg/solution.ts');

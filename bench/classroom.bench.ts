// Classroom figures (issue #11): N students at once against one class sandbox, every call signed
// with the student's own key. Each student sets elb-asg up and runs its solution (as `infralabs
// solve` does: setup in-process, the solution in a Node process of its own through runScript),
// then Checks (gradeLab, as `grade` does). Every AWS call is timed where it is made; then a ramp
// of ever larger classes finds the largest whose 95th percentile stays under 250 ms here.
// INFRALABS_BENCH_STUDENTS sets the first class's size (default 30).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newRoster } from '../grader/classroom/new-roster.ts';
import { createLabContext } from '../grader/context.ts';
import { gradeLab } from '../grader/engine.ts';
import type { LabContext } from '../grader/lab.ts';
import { loadLab } from '../grader/labs.ts';
import { runScript, type RunResult } from '../grader/run/run-script.ts';
import { startSandboxProcess } from '../sandbox/sandbox-process.ts';
import { callsMarker, isError, readyMarker, recordApiCalls, type ApiCall } from './api-calls.ts';
import { statusMb } from './lab-flows.ts';
import { median, percentile } from './median.ts';

const students = Number(process.env.INFRALABS_BENCH_STUDENTS ?? 30);
const p95Target = 250;
/** Up to 130: each student's Node process holds about 100 MB of this machine's 24 GB. */
const ramp = [1, 2, 5, 10, 15, 20, 30, 45, 60, 80, 100, 130];
/** No class of the ramp starts after this: the whole bench stays within a few minutes. */
const budgetMs = 4 * 60_000;
const studentScript = fileURLToPath(new URL('./classroom-student.ts', import.meta.url));

interface Key {
  account: string;
  secret: string;
}

interface ClassResult {
  students: number;
  calls: number;
  medianMs: number;
  p95Ms: number;
  /** Failed runs, Checks that did not pass, and calls that went wrong (api-calls.ts isError). */
  errors: string[];
  /** Gateway + moto after the class, and the most each held (VmHWM). */
  rssMb: number;
  peakMb: number;
  /** CPU seconds spent during the class by the gateway, moto, the students' solutions and this
   *  process (setup and Check): the students share this machine's two cores with the sandbox. */
  cpuS: { gateway: number; moto: number; students: number; check: number };
  seconds: number;
  load: string;
}

/** utime + stime of a process and all its threads, in seconds (the kernel counts 1/100 s ticks). */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const load = () => loadavg().map((value) => value.toFixed(1)).join(' ');

/** A student's process, started and loaded ahead of the class; it waits for its go file. */
function launch(endpoint: string, key: Key, signal: AbortSignal): { ready: Promise<unknown>; finished: Promise<RunResult> } {
  let loaded!: () => void;
  const ready = new Promise<void>((resolve) => (loaded = resolve));
  const finished = runScript(studentScript, { endpoint, ...key, signal, timeoutMs: 300_000, onOutput: (chunk) => chunk.includes(readyMarker) && loaded() });
  // A process that ends before it is ready (a crash) must not keep the class waiting.
  return { ready: Promise.race([ready, finished]), finished };
}

interface Tally {
  calls: ApiCall[];
  errors: string[];
  cpuMs: number;
}

/** One class on a fresh sandbox of its own, whose keys are the roster's, as with `--roster`.
 *  `warm`: the teacher does the lab first, untimed, as before a lesson; moto imports a service's
 *  models on its first call, once per sandbox. */
async function classOf(size: number, warm: boolean): Promise<ClassResult> {
  const entry = await loadLab('elb-asg');
  const { default: setup } = (await import(entry.setup)) as { default: (ctx: LabContext) => Promise<void> };
  const roster = newRoster(Array.from({ length: size }, (_, i) => `student-${i + 1}`));
  const key = ({ account, secret }: Key): Key => ({ account, secret });
  const sandbox = await startSandboxProcess({ port: 0, classKeys: { students: roster.students.map(key), teacher: key(roster.teacher) } });
  const { endpoint } = sandbox;
  // As before a lesson: the class sandbox makes its roster's accounts once it serves (warm-accounts.ts).
  const started = performance.now();
  while (!((await (await fetch(`${endpoint}/_infralabs/health`)).json()) as { accountsReady?: boolean }).accountsReady) {
    if (performance.now() - started > 120_000) throw new Error('The class sandbox did not make its accounts within 2 minutes.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const goDir = mkdtempSync(join(tmpdir(), 'infralabs-bench-'));
  // The student processes inherit it through runScript's environment.
  process.env.INFRALABS_BENCH_GO_DIR = goDir;
  // Stops the students' processes should the class end early.
  const abort = new AbortController();

  /** One student's turn: setup, then their process runs the solution, then Check. */
  async function turn(name: string, student: Key, launched: ReturnType<typeof launch>, tally: Tally): Promise<void> {
    try {
      const context = createLabContext({ endpoint, ...student });
      await setup(context);
      writeFileSync(join(goDir, student.account), '');
      const run = await launched.finished;
      const marked = run.output.split('\n').find((line) => line.startsWith(callsMarker));
      if (marked) {
        const printed = JSON.parse(marked.slice(callsMarker.length)) as { calls: ApiCall[]; cpuMs: number };
        tally.calls.push(...printed.calls);
        tally.cpuMs += printed.cpuMs;
      }
      if (run.exitCode !== 0) {
        tally.errors.push(`${name}: the solution exited with ${run.exitCode}: ${run.output.split('\n').filter((line) => line && !line.startsWith(callsMarker)).pop()}`);
        return;
      }
      const report = await gradeLab(entry.lab, context);
      if (!report.passed) tally.errors.push(`${name}: Check did not pass: ${report.checks.filter((check) => !check.passed).map((check) => `${check.id} (${check.message})`).join('; ')}`);
    } catch (error) {
      tally.errors.push(`${name}: ${String(error)}`);
    }
  }

  try {
    const launched = roster.students.map((student) => launch(endpoint, key(student), abort.signal));
    if (warm) {
      const teacher = launch(endpoint, key(roster.teacher), abort.signal);
      await teacher.ready;
      const tally: Tally = { calls: [], errors: [], cpuMs: 0 };
      await turn('the teacher (warm-up)', key(roster.teacher), teacher, tally);
      if (tally.errors.length) throw new Error(tally.errors.join('\n'));
    }
    await Promise.all(launched.map((one) => one.ready));

    const loadBefore = load();
    const cpuBefore = { gateway: cpuSeconds(sandbox.pid), moto: cpuSeconds(sandbox.backendPid), check: process.cpuUsage() };
    // Setup and Check run in this process: their calls are recorded here, each solution's in its own.
    const here = recordApiCalls();
    const out: Tally = { calls: [], errors: [], cpuMs: 0 };
    const started = performance.now();
    try {
      await Promise.all(roster.students.map((student, i) => turn(student.student, key(student), launched[i]!, out)));
    } finally {
      here.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    const check = process.cpuUsage(cpuBefore.check);
    const calls = [...out.calls, ...here.calls];
    const failed = calls.filter(isError);
    if (failed.length) out.errors.push(`${failed.length} calls went wrong (HTTP ${[...new Set(failed.map((call) => call.status))].join(', ')}; 0 = no answer)`);
    const times = calls.map((call) => call.ms);
    return {
      students: size,
      calls: calls.length,
      medianMs: median(times),
      p95Ms: percentile(times, 95),
      errors: out.errors,
      rssMb: statusMb(sandbox.pid, 'VmRSS') + statusMb(sandbox.backendPid, 'VmRSS'),
      peakMb: statusMb(sandbox.pid, 'VmHWM') + statusMb(sandbox.backendPid, 'VmHWM'),
      cpuS: {
        gateway: cpuSeconds(sandbox.pid) - cpuBefore.gateway,
        moto: cpuSeconds(sandbox.backendPid) - cpuBefore.moto,
        students: out.cpuMs / 1000,
        check: (check.user + check.system) / 1e6,
      },
      seconds,
      load: `${loadBefore} -> ${load()}`,
    };
  } finally {
    abort.abort();
    await sandbox.stop();
    rmSync(goDir, { recursive: true, force: true });
  }
}

function report(result: ClassResult, what: string): void {
  const { students: n, calls, medianMs, p95Ms, rssMb, peakMb, cpuS, seconds, errors } = result;
  const cpu = Object.entries(cpuS).map(([who, s]) => `${who} ${s.toFixed(1)}`).join(', ');
  console.error(`  ${n} students (${what}): ${calls} calls (${(calls / seconds).toFixed(0)}/s), median ${medianMs.toFixed(1)} ms, p95 ${p95Ms.toFixed(1)} ms, ${errors.length} errors, `
    + `sandbox ${Math.round(rssMb)} MB (peak ${Math.round(peakMb)}), ${seconds.toFixed(1)} s, CPU s: ${cpu}, load average ${result.load}`);
  // Loudly: a class with errors is not a figure.
  for (const error of errors.slice(0, 10)) console.error(`  ERROR ${error}`);
}

export default async function bench() {
  const started = performance.now();
  // Before any student process starts: the load of the machine's other jobs.
  const loadAtStart = load();
  const cold = await classOf(students, false);
  report(cold, 'cold sandbox');
  const first = await classOf(students, true);
  report(first, 'warm sandbox');
  if (cold.errors.length || first.errors.length) process.exitCode = 1;
  // The ramp: a bigger class each step, each on a fresh warm sandbox, until p95 reaches the target,
  // an error appears, or the time is up.
  let largest: ClassResult | undefined = first.p95Ms < p95Target && !first.errors.length ? first : undefined;
  let stoppedBy = 'the time limit';
  for (const size of ramp) {
    if (largest && size <= largest.students) continue;
    if (size === students) {
      stoppedBy = `${size} students (p95 ${Math.round(first.p95Ms)} ms${first.errors.length ? `, ${first.errors.length} errors` : ''})`;
      break;
    }
    if (performance.now() - started > budgetMs) break;
    const result = await classOf(size, true);
    report(result, 'warm sandbox');
    if (result.errors.length || result.p95Ms >= p95Target) {
      stoppedBy = `${size} students (p95 ${Math.round(result.p95Ms)} ms${result.errors.length ? `, ${result.errors.length} errors` : ''})`;
      break;
    }
    largest = result;
  }
  const { cpuS } = first;
  return [
    { name: `${students} students at once, each signed with their own key: elb-asg setup, solution and Check (warm sandbox): API calls`, value: first.calls, unit: 'calls' },
    { name: '  errors (failed runs, failed Checks, refused signatures, 5xx, no answer)', value: first.errors.length, unit: '', target: '0' },
    { name: '  API latency, median', value: Math.round(first.medianMs * 10) / 10, unit: 'ms' },
    { name: '  API latency, 95th percentile', value: Math.round(first.p95Ms), unit: 'ms', target: `< ${p95Target} ms` },
    // Each student sends their calls back to back: the class is a closed loop, whose latency is
    // its size over the sandbox's throughput (Little's law). A class with time to think between
    // runs sends fewer calls per second; this says how many the sandbox got through.
    { name: `  calls per second through the sandbox (${first.calls} in ${first.seconds.toFixed(1)} s)`, value: Math.round(first.calls / first.seconds), unit: 'calls/s' },
    { name: `  RSS of the sandbox (gateway + moto) after the class (peak ${Math.round(first.peakMb)} MB)`, value: Math.round(first.rssMb), unit: 'MB' },
    { name: `  CPU in the class's ${first.seconds.toFixed(0)} s on 2 cores: gateway ${cpuS.gateway.toFixed(1)} s, moto ${cpuS.moto.toFixed(1)} s, the students' solutions ${cpuS.students.toFixed(1)} s, setup and Check ${cpuS.check.toFixed(1)} s; the sandbox's share of the machine`, value: Math.round((100 * (cpuS.gateway + cpuS.moto)) / (2 * first.seconds)), unit: '%' },
    { name: `  load average (1, 5, 15 min) before the bench: ${loadAtStart}; before -> after this class (its own processes included): ${first.load}`, value: Number(loadAtStart.split(' ')[0]), unit: '' },
    { name: `the same class on a cold sandbox: p95 (median ${Math.round(cold.medianMs)} ms), errors ${cold.errors.length}`, value: Math.round(cold.p95Ms), unit: 'ms', target: 'errors 0' },
    { name: `largest class with p95 < ${p95Target} ms on this machine (ramp stopped at ${stoppedBy}; p95 at the largest ${largest ? Math.round(largest.p95Ms) : '-'} ms)`, value: largest?.students ?? 0, unit: 'students' },
  ];
}

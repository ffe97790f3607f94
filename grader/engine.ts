// Grades one lab for one account: every check runs concurrently under its own time limit, and a
// check that throws or hangs fails alone. Browser-safe: no Node built-ins.
import { withSignal } from './context.ts';
import { withSharedReads } from './shared-reads.ts';
import type { Check, CheckResult, Lab, LabContext, Lang, Text } from './lab.ts';
import type { CheckReport, GradeReport } from './report.ts';

export type { CheckReport, GradeReport } from './report.ts';

export interface GradeOptions {
  lang?: Lang;
  /** Time limit of a check that sets none (default 10 s). */
  defaultTimeoutMs?: number;
}

const defaultTimeoutMs = 10_000;

export async function gradeLab(lab: Lab, context: LabContext, options: GradeOptions = {}): Promise<GradeReport> {
  const lang = options.lang ?? 'en';
  const shared = withSharedReads(context);
  const entries = lab.steps.flatMap((step) => step.checks.map((check) => ({ step: step.id, check })));
  const checks = await Promise.all(
    entries.map(async ({ step, check }): Promise<CheckReport> => {
      const result = await runCheck(check, shared, check.timeoutMs ?? options.defaultTimeoutMs ?? defaultTimeoutMs);
      const passed = result.status === 'pass';
      return {
        id: check.id,
        title: check.title[lang],
        passed,
        points: passed ? check.points : 0,
        maxPoints: check.points,
        message: result.message[lang],
        hint: passed ? '' : (result.hint?.[lang] ?? ''),
        status: result.status,
        step,
        evidence: result.evidence ?? [],
        ...(result.timeline ? { timeline: result.timeline.map(({ event, seconds }) => ({ event: event[lang], seconds })) } : {}),
      };
    }),
  );
  sayEachCauseOnce(checks, lang);
  const score = checks.reduce((sum, check) => sum + check.points, 0);
  const maxScore = checks.reduce((sum, check) => sum + check.maxPoints, 0);
  return { lab: lab.id, account: context.account, score, maxScore, passed: checks.every((check) => check.passed), checks };
}

/**
 * One missing prerequisite is said once: when several checks fail with the same message (five
 * checks of an instance that does not exist), the first keeps its message and hint and the others
 * point to it in one line. Fields and scores stay as the report contract has them.
 */
function sayEachCauseOnce(checks: CheckReport[], lang: Lang): void {
  const first = new Map<string, CheckReport>();
  for (const check of checks) {
    if (check.status !== 'fail') continue;
    const earlier = first.get(check.message);
    if (!earlier) {
      first.set(check.message, check);
      continue;
    }
    check.message = lang === 'ko' ? `「${earlier.title}」 항목과 같은 원인입니다. 그 항목부터 해결하세요.` : `Same cause as “${earlier.title}”: fix that first.`;
    check.hint = '';
  }
}

/** Runs one check; never throws. */
export async function runCheck(check: Check, context: LabContext, timeoutMs: number): Promise<CheckResult> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(timeoutResult(check, timeoutMs));
    }, timeoutMs);
  });
  try {
    const running = Promise.resolve().then(() => check.run(withSignal(context, controller.signal)));
    const result = await Promise.race([running, timedOut]);
    if (!isResult(result)) return errorResult(check, new Error('the check returned no result'), context);
    return result;
  } catch (error) {
    return controller.signal.aborted ? timeoutResult(check, timeoutMs) : errorResult(check, error, context);
  } finally {
    clearTimeout(timer);
  }
}

function isResult(value: unknown): value is CheckResult {
  const result = value as CheckResult | undefined;
  return !!result && ['pass', 'fail', 'error'].includes(result.status) && typeof result.message?.en === 'string';
}

function timeoutResult(check: Check, timeoutMs: number): CheckResult {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return {
    status: 'error',
    message: {
      en: `Could not check "${check.id}": no answer within ${seconds} s. Is the sandbox busy or stopped? Grade again.`,
      ko: `"${check.id}" 항목을 확인하지 못했습니다: ${seconds}초 안에 응답이 없었습니다. 샌드박스가 바쁘거나 멈췄는지 확인하고 다시 채점하세요.`,
    },
  };
}

function errorResult(check: Check, error: unknown, context: LabContext): CheckResult {
  if (isUnreachable(error)) {
    return {
      status: 'error',
      message: {
        en: `Could not check "${check.id}": cannot reach the sandbox at ${context.endpoint}. Start it with \`npm start\` or \`npx infralabs sandbox\`.`,
        ko: `"${check.id}" 항목을 확인하지 못했습니다: ${context.endpoint} 의 샌드박스에 연결할 수 없습니다. \`npm start\` 또는 \`npx infralabs sandbox\` 로 시작하세요.`,
      },
    };
  }
  const err = error as { name?: string; message?: string } | undefined;
  const what = `${err?.name && err.name !== 'Error' ? `${err.name}: ` : ''}${err?.message ?? String(error)}`;
  return {
    status: 'error',
    message: {
      en: `Could not check "${check.id}": the check stopped with ${what}. This is not your mistake: report it to the lab's authors.`,
      ko: `"${check.id}" 항목을 확인하지 못했습니다: 검사가 ${what} 오류로 멈췄습니다. 학습자의 잘못이 아니니 실습 작성자에게 알려 주세요.`,
    } satisfies Text,
  };
}

/** A network failure (connection refused, DNS, reset): the sandbox is not there. */
export function isUnreachable(error: unknown): boolean {
  const err = error as { code?: string; name?: string; message?: string; cause?: unknown } | undefined;
  if (!err) return false;
  if (['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN'].includes(err.code ?? '')) return true;
  if (err.name === 'TypeError' && /fetch failed|Failed to fetch|NetworkError/i.test(err.message ?? '')) return true;
  return err.cause !== undefined && err.cause !== err && isUnreachable(err.cause);
}

// POST /_infralabs/join {"code":"ABCDE-FGHJK"}: a class sandbox hands a student their key for the
// join code on their sheet, so the lab page can sign their calls. Only pages of the site's own
// origins reach it (enforce-cors.ts), like every other route; the teacher's key is never handed out.
import { normalizeJoinCode } from '../join-code-input.ts';
import type { GatewayResponse, RequestHandler } from '../types.ts';
import { textOf } from '../bytes.ts';

function answer(status: number, body: object): GatewayResponse {
  return { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify(body) };
}

function codeOf(text: string): string | undefined {
  try {
    const { code } = (JSON.parse(text) ?? {}) as { code?: unknown };
    return typeof code === 'string' ? normalizeJoinCode(code) : undefined;
  } catch {
    return undefined;
  }
}

export const serveJoin: RequestHandler = (exchange, { credentials }) => {
  const { method, path, body } = exchange.request;
  if (path !== '/_infralabs/join') return undefined;
  if (method !== 'POST') return answer(405, { error: 'Use POST /_infralabs/join with {"code":"ABCDE-FGHJK"}.' });
  if (!credentials) return answer(404, { error: 'This sandbox serves no class: ask your teacher for the address of the class sandbox.' });
  const code = codeOf(textOf(body));
  if (!code) return answer(400, { error: 'A join code is ten letters and digits, like ABCDE-FGHJK: type it as it is on your sheet.' });
  const student = credentials.studentWithCode(code);
  if (!student) return answer(404, { error: `No student of this class has the code ${code}: check it on your sheet, or ask your teacher.` });
  return answer(200, { student: student.student ?? '', account: student.account, secret: student.secret });
};

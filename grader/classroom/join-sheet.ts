// `infralabs roster sheet`: a page to print and cut, a slip per student with their link, their
// join code and three steps, in Korean or English. Self-contained (no font, script or image to
// fetch), so it prints the same offline. It holds codes, never secrets.
import type { JoinLink } from './join-links.ts';

const text = {
  ko: {
    title: (endpoint: string) => `Infra Labs 참여 안내: 수업 샌드박스 ${endpoint}`,
    about: (roster: string, lab: string) => `명단 ${roster} · 실습 ${lab}`,
    note: '이 페이지를 인쇄한 뒤 점선을 따라 잘라 학생마다 한 장씩 나눠 줍니다. 참여 코드로 그 학생의 계정에 들어갈 수 있으니 본인에게만 전해 주세요.',
    open: '열 주소',
    code: '참여 코드',
    steps: [
      '내 컴퓨터의 웹 브라우저에서 위 주소를 엽니다. 주소는 # 뒤까지 적힌 그대로 입력합니다.',
      '편집기 위에 "수업 계정: 내 이름"이 보이면 준비가 끝난 것입니다. 보이지 않으면 편집기 아래의 "샌드박스, 계정과 진도"를 펼쳐 참여 코드를 입력하고 "참여"를 누릅니다(대소문자와 하이픈은 상관없습니다).',
      '실습을 마치면, 특히 공용 컴퓨터에서는 "수업 계정" 옆의 "로그아웃"을 누릅니다.',
    ],
  },
  en: {
    title: (endpoint: string) => `Infra Labs join sheet: class sandbox ${endpoint}`,
    about: (roster: string, lab: string) => `Roster ${roster} · lab ${lab}`,
    note: 'Print this page and cut along the dashed lines: one slip per student. A join code opens its student\'s account, so give each slip to its student only.',
    open: 'Open',
    code: 'Join code',
    steps: [
      'In a web browser on your computer, open the address above, typed exactly as printed, up to the end after the #.',
      'You are ready when "Class account: your name" shows above the editor. If it does not, open "Sandbox, account and progress" below the editor, type your join code and press Join (case and dashes do not matter).',
      'When you finish, especially on a shared computer, press "Sign out" beside "Class account".',
    ],
  },
} as const;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const style = `
@page { size: A4; margin: 12mm; }
body { font-family: system-ui, 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans KR', sans-serif; max-width: 180mm; margin: 1em auto; color: #000; }
h1 { font-size: 13pt; margin: 0 0 2mm; }
.about, .note { font-size: 9pt; margin: 0 0 4mm; }
.slip { border: 1px dashed #000; margin-bottom: -1px; padding: 5mm 6mm; break-inside: avoid; page-break-inside: avoid; }
.name { font-size: 16pt; font-weight: 700; margin: 0 0 2mm; }
.label { font-size: 9pt; margin: 2mm 0 0; }
.link { font: 10pt ui-monospace, Menlo, Consolas, monospace; word-break: break-all; margin: 0; }
.link a { color: inherit; text-decoration: none; }
.code { font: 700 26pt/1.2 ui-monospace, Menlo, Consolas, monospace; letter-spacing: 0.12em; margin: 0; }
ol { font-size: 10pt; margin: 2mm 0 0; padding-left: 5mm; }
@media print { .note { display: none; } body { margin: 0; } }
`;

export interface JoinSheetOptions {
  lang: 'ko' | 'en';
  /** The sandbox the slips point at (students with an endpoint of their own have it in their link). */
  endpoint: string;
  lab: string;
  /** The roster's file name, so the teacher knows which class a stack of slips is. */
  roster: string;
}

export function joinSheet(links: readonly JoinLink[], { lang, endpoint, lab, roster }: JoinSheetOptions): string {
  const t = text[lang];
  const slip = ({ student, code, link }: JoinLink) => `<section class="slip">
<p class="name">${escapeHtml(student)}</p>
<p class="label">${t.open}</p>
<p class="link"><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>
<p class="label">${t.code}</p>
<p class="code">${escapeHtml(code)}</p>
<ol>${t.steps.map((step) => `<li>${step}</li>`).join('')}</ol>
</section>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title(endpoint))}</title>
<style>${style}</style>
</head>
<body>
<h1>${escapeHtml(t.title(endpoint))}</h1>
<p class="about">${escapeHtml(t.about(roster, lab))}</p>
<p class="note">${t.note}</p>
${links.map(slip).join('\n')}
</body>
</html>
`;
}

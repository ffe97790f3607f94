// A student's join link and code, for the teacher's terminal and the printed sheet: the one place
// the link's format lives (the lab page reads it: ?sandbox= for the student's sandbox when it is
// not the site's host at 4566, #join= for their code, which stays in the fragment so no server log
// sees it). Never the secret itself.
import { networkInterfaces } from 'node:os';
import { joinCode } from '../../sandbox/gateway/join-codes.ts';
import { displayWidth } from '../format/display-width.ts';

export interface JoinLink {
  student: string;
  account: string;
  code: string;
  link: string;
}

export interface JoinLinkOptions {
  /** The site's origin as students reach it, e.g. http://192.168.0.10:4321. */
  site: string;
  /** The sandbox as students reach it, for students whose roster row names no endpoint. */
  endpoint: string;
  lang: 'ko' | 'en';
  lab: string;
}

/** The lab a join link opens unless the teacher picks another (the course's first lab). */
export const defaultJoinLab = 'ec2-launch';

export function joinLink({ site, endpoint, lang, lab }: JoinLinkOptions, code: string): string {
  const origin = new URL(site).origin;
  // The page joins the sandbox on its own host's port 4566 unless told otherwise (joinEndpoint in
  // src/lab/progress/settings.ts): the link names the sandbox only when it is elsewhere, so the
  // usual link is short enough to type from paper.
  const sameHost = `${new URL(site).protocol}//${new URL(site).hostname}:4566`;
  const sandbox = new URL(endpoint).origin === sameHost ? '' : `?sandbox=${encodeURIComponent(endpoint)}`;
  return `${origin}/${lang}/labs/${lab}/${sandbox}#join=${code}`;
}

/** A link per student of a class roster's students (which hold no teacher row), in roster order. */
export function joinLinks(students: readonly { student: string; account: string; secret: string; endpoint?: string }[], options: JoinLinkOptions): JoinLink[] {
  return students.map(({ student, account, secret, endpoint }) => {
    const code = joinCode(secret);
    return { student, account, code, link: joinLink({ ...options, endpoint: endpoint ?? options.endpoint }, code) };
  });
}

/** This machine's first non-internal IPv4 address: what other machines of the room reach it at. */
export function lanAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    const found = addresses?.find((address) => address.family === 'IPv4' && !address.internal);
    if (found) return found.address;
  }
  return undefined;
}

/** A host for a URL: an IPv6 address gets its brackets. */
export const urlHost = (host: string) => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/** The terminal's table: a line per student with name, code and link, the names aligned. */
export function formatJoinTable(links: readonly JoinLink[]): string {
  // A roster is the teacher's own file, but a control character in a name could still drive the terminal.
  const names = links.map((link) => link.student.replace(/\p{Cc}/gu, '?'));
  const width = Math.max(0, ...names.map(displayWidth));
  return links.map((link, index) => `  ${names[index]}${' '.repeat(width - displayWidth(names[index]!))}  ${link.code}  ${link.link}\n`).join('');
}

// A student's join link and code, for the teacher's terminal and the printed sheet: the one place
// the link's format lives (the lab page reads it: ?sandbox= for the student's sandbox, #join= for
// their code, which stays in the fragment so no server log sees it). Never the secret itself.
import { networkInterfaces } from 'node:os';
import { joinCode } from '../../sandbox/gateway/join-codes.ts';

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
  return `${site.replace(/\/+$/, '')}/${lang}/labs/${lab}/?sandbox=${encodeURIComponent(endpoint)}#join=${code}`;
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

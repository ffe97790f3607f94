import { z } from 'zod';
import type { Command } from '../command.ts';
import { UsageError } from '../errors.ts';
import { readClassRoster } from '../../roster.ts';
import { accessRules, hostAllowed, normalizeHostName, normalizeOrigin } from '../../../sandbox/gateway/access.ts';
import { formatJoinTable, joinLinks, lanAddress, urlHost } from '../../classroom/join-links.ts';
import { joinLab, joinOptions } from '../join-options.ts';

const isLoopback = (address: string) => address === 'localhost' || address === '::1' || address.startsWith('127.');

/** The name students' machines reach this one by: the first --host-name, else the address it
 *  listens on, else (listening everywhere) its address in the room. */
function studentsHost(hostNames: string[], listen: string | undefined): string {
  if (hostNames[0]) return hostNames[0];
  if (!listen) return 'localhost';
  if (listen !== '0.0.0.0' && listen !== '::') return listen;
  return lanAddress() ?? 'localhost';
}

export const sandboxCommand: Command = {
  name: 'sandbox',
  usage: '',
  summary: 'start the local AWS sandbox in the foreground (Ctrl-C stops it)',
  positionals: 0,
  options: {
    port: { type: 'string', value: '<port>', description: 'port of the gateway (default 4566)', schema: z.coerce.number({ message: 'must be a port number 0-65535' }).int('must be a port number 0-65535').min(0, 'must be a port number 0-65535').max(65535, 'must be a port number 0-65535') },
    backend: { type: 'string', value: 'moto|ministack|localstack|url=<url>', description: 'the AWS emulator behind the gateway: moto (default), MiniStack or LocalStack (each installed into its own virtualenv, .venv-ministack or .venv-localstack, on first use; LocalStack needs Python 3.13+), or an AWS-compatible endpoint that is already running', schema: z.string().regex(/^(moto|ministack|localstack|url=https?:\/\/\S+)$/, 'must be moto, ministack, localstack or look like url=http://localhost:4567') },
    lambda: { type: 'string', value: 'ours|backend', description: 'who runs Lambda handlers (Invoke, S3 events): ours, the sandbox\'s Node runner (default, and the only choice for moto), or the backend\'s own (default for url=)', schema: z.enum(['ours', 'backend'], { message: 'must be ours or backend' }) },
    'allow-origin': { type: 'string', multiple: true, value: '<origin>', description: 'also let pages on this origin use the sandbox, e.g. http://localhost:3000 (repeatable; INFRALABS_ALLOW_ORIGINS adds more). The site at http://localhost:4321 always may', schema: z.string().refine((text) => normalizeOrigin(text) !== undefined, 'must be scheme, host and port only, like http://localhost:3000 (no wildcard, no path)') },
    'host-name': { type: 'string', multiple: true, value: '<name>', description: 'also answer requests addressed to this host name or IP (repeatable); loopback names always work', schema: z.string().refine((text) => normalizeHostName(text) !== undefined, 'must be a host name or IP address without port, like sandbox.lan') },
    listen: { type: 'string', value: '<address>', description: 'address to listen on (default 127.0.0.1, this machine only). Any other address lets the network in, so it needs --roster: every call must then be signed with a student\'s key', schema: z.string().regex(/^[0-9a-fA-F.:]+$|^localhost$/, 'must be an IP address such as 127.0.0.1 or 0.0.0.0') },
    roster: { type: 'string', value: '<roster.csv>', description: 'a class: every AWS call must be signed with a key of this roster (infralabs roster new names.txt > roster.csv); a student acts only in their own account, and only the @teacher key resets others\' or everything. Then prints each student\'s join code and link (in --lang), never a secret' },
    ...joinOptions,
  },
  async run({ global, values }, io) {
    const port = values.port === undefined ? 4566 : Number(values.port);
    const backend = (values.backend as string | undefined) ?? 'moto';
    const backendUrl = backend.startsWith('url=') ? backend.replace(/^url=/, '') : undefined;
    const emulator = backend === 'ministack' || backend === 'localstack' ? backend : undefined;
    const lambda = values.lambda as 'ours' | 'backend' | undefined;
    if (backend === 'moto' && lambda === 'backend') {
      throw new UsageError('--lambda backend needs a backend that runs handlers itself: moto runs none without Docker, so the sandbox\'s runner always serves it (drop --lambda, or pick --backend ministack).');
    }
    const listen = values.listen as string | undefined;
    const list = (value: unknown) => (Array.isArray(value) ? value as string[] : []);
    const rosterPath = values.roster as string | undefined;
    if (listen && !isLoopback(listen) && !rosterPath) {
      throw new UsageError(`--listen ${listen} lets every machine on the network run code here: give the class roster too (--roster roster.csv; make one with \`infralabs roster new names.txt > roster.csv\`), so that every call must be signed.`);
    }
    if ((values.site || values.lab) && !rosterPath) throw new UsageError('--site and --lab shape the join links of a class: give the roster too (--roster roster.csv).');
    const lab = joinLab(values.lab, io.root);
    const roster = rosterPath ? await readClassRoster(rosterPath) : undefined;
    const classKeys = roster && {
      students: roster.students.map(({ student, account, secret }) => ({ student, account, secret })),
      teacher: roster.teacher,
    };
    const { startSandboxProcess } = await import('../../../sandbox/sandbox-process.ts');
    const sandbox = await startSandboxProcess({
      port, backendUrl, emulator, lambda, listen, allowOrigins: list(values['allow-origin']), hostNames: list(values['host-name']), classKeys,
      log: (line) => io.out(`${line}\n`),
    });
    if (roster) io.out(`A class of ${roster.students.length}: every call must be signed with a roster key.\n`);
    io.out(`Infra Labs sandbox ready at ${sandbox.endpoint} (backend: ${sandbox.backendName} ${sandbox.version}). Ctrl-C stops it.\n`);
    if (roster) {
      const hostNames = list(values['host-name']);
      const host = studentsHost(hostNames, listen);
      const site = (values.site as string | undefined) ?? `http://${urlHost(host)}:4321`;
      const endpoint = `http://${urlHost(host)}:${new URL(sandbox.endpoint).port}`;
      io.out(`\nJoin codes and links (${global.lang}, lab ${lab}): each student opens their link, or the lab page and types their code.\n`);
      io.out(formatJoinTable(joinLinks(roster.students, { site, endpoint, lang: global.lang, lab })));
      io.out(`Print a slip per student: infralabs roster sheet ${rosterPath} --site ${site} --endpoint ${endpoint}${global.lang === 'ko' ? ' --lang ko' : ''}${values.lab ? ` --lab ${lab}` : ''} > sheet.html\n\n`);
      // The links work only if this sandbox answers their site and their host name: say what to add.
      const rules = accessRules({ allowOrigins: list(values['allow-origin']), hostNames: [...hostNames, ...(listen ? [listen] : [])] });
      if (!rules.origins.has(site)) io.err(`The join links open the site at ${site}, whose pages this sandbox refuses: add --allow-origin ${site}.\n`);
      if (roster.students.some((s) => !s.endpoint) && !hostAllowed(urlHost(host), rules)) io.err(`The join links reach this sandbox at ${host}, a name it does not answer: add --host-name ${host}.\n`);
    }
    const interrupted = new Promise<'interrupted'>((resolve) => {
      if (io.signal?.aborted) return resolve('interrupted');
      io.signal?.addEventListener('abort', () => resolve('interrupted'), { once: true });
    });
    if (await Promise.race([interrupted, sandbox.exited.then(() => 'ended' as const)]) === 'ended') {
      const cause = sandbox.lastLine();
      io.err(`The sandbox stopped unexpectedly${cause ? ` (${cause})` : ''}: start it again with \`npx infralabs sandbox\`.\n`);
      return 2;
    }
    await sandbox.stop();
    return 0;
  },
};

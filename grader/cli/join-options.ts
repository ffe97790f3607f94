// The options that say where students join (the site, the lab), shared by `sandbox --roster` and
// `roster sheet`, so both print the same links.
import { z } from 'zod';
import { defaultJoinLab } from '../classroom/join-links.ts';
import { labIds } from '../labs.ts';
import { normalizeOrigin } from '../../sandbox/gateway/access.ts';
import type { OptionSpec } from './options.ts';
import { UsageError } from './errors.ts';

export const joinOptions = {
  site: { type: 'string', value: '<url>', description: 'the site as students reach it, for their join links (default http://<this machine\'s address in the room>:4321)', schema: z.string().refine((text) => normalizeOrigin(text) !== undefined, 'must be the site\'s scheme, host and port, like http://192.168.0.10:4321').transform((text) => normalizeOrigin(text)!) },
  lab: { type: 'string', value: '<lab>', description: `the lab the join links open (default ${defaultJoinLab}; see \`infralabs labs\`)` },
} satisfies Record<string, OptionSpec>;

/** --lab, checked against the labs on disk. */
export function joinLab(value: unknown, root?: string): string {
  const lab = typeof value === 'string' ? value : defaultJoinLab;
  const known = labIds(root);
  if (!known.includes(lab)) throw new UsageError(`--lab ${lab} is not a lab: choose one of ${known.join(', ')} (see \`infralabs labs\`).`);
  return lab;
}

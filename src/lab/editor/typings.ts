// IntelliSense for the SDK clients a lab uses: each client's declarations arrive as one lazily
// imported text (see src/build/sdk-types-plugin.mjs), so a lab that uses S3 never loads EC2's.
import type { Service } from '../../../grader/lab.ts';
// Made by the build from grader/services.ts: a service's name to its package's loader.
import clients from 'virtual:sdk-types';

type Loader = () => Promise<{ default: string }>;

/** What every client's declarations refer to (send(), command outputs), plus fflate for zips. */
const shared: [string, Loader][] = [
  ['@smithy/types', () => import('virtual:sdk-types/@smithy/types')],
  ['@smithy/core', () => import('virtual:sdk-types/@smithy/core')],
  ['fflate', () => import('virtual:sdk-types/fflate')],
];

export function typingsFor(services: Service[]): [name: string, load: Loader][] {
  return [...shared, ...services.map((service): [string, Loader] => [service, clients[service]!])];
}

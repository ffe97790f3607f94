// The packages learner code may import in the browser, each loaded only when the code uses it
// (a run that needs S3 does not download EC2): the SDK package of every service in
// grader/services.ts, and fflate. Mirrors what `infralabs run` resolves in Node.
import { services } from '../../../grader/services.ts';

export type ModuleLoader = () => Promise<Record<string, unknown>>;

// In the order of their names, as the message for an unknown import lists them.
const sdkModules = Object.values(services)
  .map((service): [string, ModuleLoader] => [service.package, service.load])
  .sort(([a], [b]) => a.localeCompare(b));

export const learnerModules: Record<string, ModuleLoader> = {
  ...Object.fromEntries(sdkModules),
  fflate: () => import('fflate'),
};

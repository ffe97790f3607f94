// The lab definitions and setups, found on disk at build time (labs/<id>/lab.ts, setup.ts) and
// loaded only when needed.
import type { Lab, LabContext } from '../../../grader/lab.ts';

const definitions = import.meta.glob<{ default: Lab }>('../../../labs/*/lab.ts');
const setups = import.meta.glob<{ default: (ctx: LabContext) => Promise<void> }>('../../../labs/*/setup.ts');

const key = (id: string, file: string) => `../../../labs/${id}/${file}`;

export async function loadLab(id: string): Promise<Lab> {
  const load = definitions[key(id, 'lab.ts')];
  if (!load) throw new Error(`There is no lab "${id}" (labs/${id}/lab.ts).`);
  return (await load()).default;
}

export async function loadSetup(id: string): Promise<((ctx: LabContext) => Promise<void>) | undefined> {
  return (await setups[key(id, 'setup.ts')]?.())?.default;
}

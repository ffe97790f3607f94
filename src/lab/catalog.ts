// The labs on disk, for pages built at build time: definition, starter code and guide per language.
import type { Lab } from '../../grader/lab.ts';

const definitions = import.meta.glob<{ default: Lab }>('../../labs/*/lab.ts', { eager: true });
const starters = import.meta.glob<string>('../../labs/*/starter.ts', { eager: true, query: '?raw', import: 'default' });

export interface LabInfo {
  lab: Lab;
  starter: string;
}

export function allLabs(): LabInfo[] {
  return Object.entries(definitions)
    .map(([path, module]) => ({ lab: module.default, starter: starters[path.replace(/lab\.ts$/, 'starter.ts')] ?? '' }))
    .sort((a, b) => a.lab.id.localeCompare(b.lab.id));
}

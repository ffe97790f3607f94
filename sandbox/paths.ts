import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** An error a user can cause and fix: its message is one line that says what to do. */
export class SandboxError extends Error {}

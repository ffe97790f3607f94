// Progress as a file: everything under our localStorage prefix, validated with zod on import so
// that a wrong or damaged file changes nothing.
import { z } from 'zod';
import { ownKeys, readKey, writeKey } from './storage.ts';

const ProgressFile = z.object({
  format: z.literal('infralabs-progress'),
  version: z.literal(1),
  exportedAt: z.string(),
  items: z.record(z.string().regex(/^(account|lessons-read|code:[\w-]+|check:[\w-]+)$/, 'unknown item'), z.string()),
});
export type ProgressFile = z.infer<typeof ProgressFile>;

/** The endpoint is a property of this machine, not of the learner: it is not exported. */
const exported = (key: string) => key !== 'endpoint';

export function exportProgress(now = new Date()): ProgressFile {
  const items: Record<string, string> = {};
  for (const key of ownKeys().filter(exported)) items[key] = readKey(key) ?? '';
  return { format: 'infralabs-progress', version: 1, exportedAt: now.toISOString(), items };
}

/** Parses and applies a progress file; throws an Error with a one-line reason if it is not one. */
export function importProgress(text: string): void {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('not JSON');
  }
  const result = ProgressFile.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  const account = result.data.items['account'];
  if (account !== undefined && !/^\d{12}$/.test(account)) throw new Error('items.account: not 12 digits');
  for (const [key, value] of Object.entries(result.data.items)) writeKey(key, value);
}

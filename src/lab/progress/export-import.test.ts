import { beforeEach, expect, test } from 'vitest';
import { exportProgress, importProgress } from './export-import.ts';
import { installMemoryStorage } from './memory-storage.ts';

// The module reads localStorage; a Map stands in for it in Node.
const store = installMemoryStorage();

beforeEach(() => store.clear());

test('export then import restores code, checks, lessons and the account, but not the endpoint', () => {
  store.set('infralabs:code:ec2-launch', "console.log('mine')");
  store.set('infralabs:account', '000000000042');
  store.set('infralabs:lessons-read', '{"ec2":"2026-01-01T00:00:00.000Z"}');
  store.set('infralabs:endpoint', 'http://localhost:9999');
  const file = JSON.stringify(exportProgress(new Date('2026-01-02T00:00:00Z')));
  store.clear();
  importProgress(file);
  expect(store.get('infralabs:code:ec2-launch')).toBe("console.log('mine')");
  expect(store.get('infralabs:account')).toBe('000000000042');
  expect(store.has('infralabs:lessons-read')).toBe(true);
  expect(store.has('infralabs:endpoint')).toBe(false);
});

test('a file that is not a progress export changes nothing and says why in one line', () => {
  expect(() => importProgress('not json')).toThrow('not JSON');
  expect(() => importProgress('{"format":"other"}')).toThrow(/format/);
  const badAccount = { format: 'infralabs-progress', version: 1, exportedAt: 'x', items: { account: '42' } };
  expect(() => importProgress(JSON.stringify(badAccount))).toThrow('items.account: not 12 digits');
  const unknownItem = { format: 'infralabs-progress', version: 1, exportedAt: 'x', items: { 'evil:key': 'x' } };
  expect(() => importProgress(JSON.stringify(unknownItem))).toThrow(/items\.evil:key/);
  expect(store.size).toBe(0);
});

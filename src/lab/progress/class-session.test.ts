// A class session: while kept, the page's account, sandbox and key are the class's; signing out
// brings the learner's own back untouched; a damaged entry is ignored, not trusted.
import { beforeEach, describe, expect, test } from 'vitest';
import { classSession, joinCodeInLink, signOut } from './class-session.ts';
import { installMemoryStorage } from './memory-storage.ts';
import { account, sandboxEndpoint, secret, setAccount } from './settings.ts';

const at = (search: string) => ({ search }) as Location;
const session = { student: 'Alice', account: '123456789012', secret: 'alice-secret-abcdefghijklmnopqrstuvwx', endpoint: 'http://10.0.0.5:4566' };

describe('a class session', () => {
  let store: Map<string, string>;
  beforeEach(() => {
    store = installMemoryStorage();
  });

  test('the class account, sandbox and key win while joined; signing out restores the own ones', () => {
    setAccount('000000000042');
    expect(secret()).toBe('infralabs');
    store.set('infralabs:class', JSON.stringify(session));
    expect([account(), sandboxEndpoint(at('')), secret()]).toEqual([session.account, session.endpoint, session.secret]);
    signOut();
    expect([account(), sandboxEndpoint(at('')), secret()]).toEqual(['000000000042', 'http://localhost:4566', 'infralabs']);
  });

  test('a damaged entry is not a session', () => {
    for (const bad of ['{', 'null', JSON.stringify({ ...session, account: '42' }), JSON.stringify({ ...session, secret: 7 }), JSON.stringify({ ...session, endpoint: undefined })]) {
      store.set('infralabs:class', bad);
      expect(classSession()).toBeUndefined();
    }
  });

  test('the code of a #join= link', () => {
    expect(joinCodeInLink('#join=ABCDE-FGHJK')).toBe('ABCDE-FGHJK');
    expect(joinCodeInLink('#join=')).toBeUndefined();
    expect(joinCodeInLink('#top')).toBeUndefined();
    expect(joinCodeInLink('')).toBeUndefined();
  });
});

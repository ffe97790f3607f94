// The sandbox address: taken from ?sandbox=, remembered, changed and reset in the settings; and the
// unreachable banner's line for it.
import { beforeEach, describe, expect, test } from 'vitest';
import { translator } from '../../i18n/ui.ts';
import { unreachableMessage } from '../ui/sandbox-status.ts';
import { installMemoryStorage } from './memory-storage.ts';
import { defaultEndpoint, endpointFrom, joinEndpoint, resetEndpoint, sandboxEndpoint, sandboxMode, setEndpoint, setSandboxMode } from './settings.ts';

const at = (search: string) => ({ search }) as Location;

describe('the sandbox address', () => {
  let store: Map<string, string>;
  beforeEach(() => {
    store = installMemoryStorage();
  });

  test('?sandbox= is remembered, shown by later pages, and reset to the default', () => {
    expect(sandboxEndpoint(at(''))).toBe(defaultEndpoint);
    expect(sandboxEndpoint(at('?sandbox=http://localhost:4999/'))).toBe('http://localhost:4999');
    expect(sandboxEndpoint(at(''))).toBe('http://localhost:4999');
    expect(resetEndpoint()).toBe(defaultEndpoint);
    expect(sandboxEndpoint(at(''))).toBe(defaultEndpoint);
    expect(store.has('infralabs:endpoint')).toBe(false);
  });

  test('only http(s) addresses are taken; the default is not stored', () => {
    expect(endpointFrom('localhost:4566')).toBeUndefined();
    expect(endpointFrom('javascript:alert(1)')).toBeUndefined();
    expect(sandboxEndpoint(at('?sandbox=javascript:alert(1)'))).toBe(defaultEndpoint);
    expect(setEndpoint('ftp://x')).toBe(false);
    expect(setEndpoint(' https://sandbox.school.example/ ')).toBe(true);
    expect(store.get('infralabs:endpoint')).toBe('https://sandbox.school.example');
    expect(setEndpoint(defaultEndpoint)).toBe(true);
    expect(store.has('infralabs:endpoint')).toBe(false);
  });
});

describe("the unreachable banner's line", () => {
  test('names the address and both causes; on the sites npm start and npm run dev serve, says npm start', () => {
    const text = unreachableMessage(translator('en'), defaultEndpoint, 'http://localhost:4321');
    expect(text).toBe('Cannot reach the sandbox at http://localhost:4566: it is not running, or it does not allow this page’s origin (http://localhost:4321). In a terminal, run `npm start` in the project folder, then press Try again.');
  });

  test('on another origin, says how to allow it, in both languages', () => {
    const en = unreachableMessage(translator('en'), 'http://10.0.0.5:4566', 'https://labs.school.example');
    expect(en).toContain('Start the sandbox with `npx infralabs sandbox --allow-origin https://labs.school.example`');
    expect(en).toContain('Wrong address?');
    const ko = unreachableMessage(translator('ko'), 'http://10.0.0.5:4566', 'https://labs.school.example');
    expect(ko).toContain('http://10.0.0.5:4566의 샌드박스에 연결할 수 없습니다: 샌드박스가 꺼져 있거나, 이 페이지의 출처(https://labs.school.example)를 허용하지 않습니다.');
    expect(ko).toContain('`npx infralabs sandbox --allow-origin https://labs.school.example`');
  });
});

describe('the sandbox to join a class at', () => {
  const page = (url: string) => new URL(url);
  test('a site from another machine, with the default address: the sandbox on the site\'s host', () => {
    expect(joinEndpoint(defaultEndpoint, page('http://192.168.0.10:4321/ko/labs/ec2-launch/'))).toBe('http://192.168.0.10:4566');
    expect(joinEndpoint(defaultEndpoint, page('http://classroom.lan:4321/'))).toBe('http://classroom.lan:4566');
    expect(joinEndpoint(defaultEndpoint, page('http://[fd00::5]:4321/'))).toBe('http://[fd00::5]:4566');
  });
  test('an address the page was given, or a site on this machine: as it is', () => {
    expect(joinEndpoint('http://10.0.0.7:4566', page('http://192.168.0.10:4321/'))).toBe('http://10.0.0.7:4566');
    for (const local of ['http://localhost:4321/', 'http://127.0.0.1:4321/', 'http://[::1]:4321/', 'http://site.localhost:4321/']) {
      expect(joinEndpoint(defaultEndpoint, page(local))).toBe(defaultEndpoint);
    }
  });
});

describe('where the sandbox runs', () => {
  const page = (hostname: string, search = '') => ({ hostname, search }) as Location;
  beforeEach(() => {
    installMemoryStorage();
  });

  test('a site on this machine tries the local sandbox first; a public host runs it in the page', () => {
    expect(sandboxMode(page('localhost'))).toBe('auto');
    expect(sandboxMode(page('127.0.0.1'))).toBe('auto');
    expect(sandboxMode(page('[::1]'))).toBe('auto');
    // Probing localhost from a public site would make Chromium ask for local network access.
    expect(sandboxMode(page('learner.github.io'))).toBe('page');
  });

  test("the learner's choice wins over the default, and a ?sandbox= address or a saved one means that sandbox", () => {
    setSandboxMode('page');
    expect(sandboxMode(page('localhost'))).toBe('page');
    expect(sandboxMode(page('localhost', '?sandbox=http://localhost:4999'))).toBe('local');
    setSandboxMode('local');
    expect(sandboxMode(page('learner.github.io'))).toBe('local');
    installMemoryStorage();
    setEndpoint('http://10.0.0.5:4566');
    expect(sandboxMode(page('learner.github.io'))).toBe('local');
  });
});

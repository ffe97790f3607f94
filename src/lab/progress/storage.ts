// The learner's progress lives in localStorage, one key per item so that saving the code of one
// lab (on every keystroke) never rewrites anything else. Storage may be unavailable (private
// mode, quota): progress then lives only as long as the page, and nothing else breaks.
const prefix = 'infralabs:';

export function readKey(key: string): string | null {
  try {
    return localStorage.getItem(prefix + key);
  } catch {
    return null;
  }
}

export function writeKey(key: string, value: string): void {
  try {
    localStorage.setItem(prefix + key, value);
  } catch {
    /* storage full or blocked: keep working without persistence */
  }
}

export function removeKey(key: string): void {
  try {
    localStorage.removeItem(prefix + key);
  } catch {
    /* storage blocked: nothing was kept */
  }
}

export function readJson<T>(key: string): T | undefined {
  const text = readKey(key);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

export const writeJson = (key: string, value: unknown) => writeKey(key, JSON.stringify(value));

/** Every key of ours, without the prefix. */
export function ownKeys(): string[] {
  try {
    return Object.keys(localStorage).filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
  } catch {
    return [];
  }
}

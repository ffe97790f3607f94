// For unit tests in Node: a Map stands in for the browser's localStorage (keys enumerable, as
// ownKeys() in storage.ts reads them). Returns the map, for tests to fill and inspect.
export function installMemoryStorage(): Map<string, string> {
  const store = new Map<string, string>();
  const storage = {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, String(value)),
    removeItem: (key: string) => void store.delete(key),
    clear: () => store.clear(),
    key: (index: number) => [...store.keys()][index] ?? null,
    get length() {
      return store.size;
    },
  };
  const enumerable = new Proxy(storage, {
    ownKeys: () => [...store.keys()],
    getOwnPropertyDescriptor: (_target, key) => (store.has(String(key)) ? { enumerable: true, configurable: true, value: store.get(String(key)) } : undefined),
  });
  Object.defineProperty(globalThis, 'localStorage', { value: enumerable, configurable: true });
  return store;
}

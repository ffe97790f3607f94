// console.log arguments as text, the way Node prints them closely enough for a learner: strings
// as they are, objects as indented JSON (byte arrays and errors summarised, cycles cut).
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`;
  if (value === undefined || typeof value !== 'object' || value === null) return String(value);
  const seen = new WeakSet<object>();
  try {
    return JSON.stringify(
      value,
      (_key, item: unknown) => {
        if (typeof item === 'bigint') return `${item}n`;
        if (item instanceof Uint8Array) return `<${item.length} bytes>`;
        if (item instanceof Error) return `${item.name}: ${item.message}`;
        if (item instanceof Date) return item.toISOString();
        if (item && typeof item === 'object') {
          if (seen.has(item)) return '[Circular]';
          seen.add(item);
        }
        return item;
      },
      2,
    );
  } catch {
    return String(value);
  }
}

export const formatArgs = (args: unknown[]) => args.map(formatValue).join(' ');

// Bodies as bytes without Node's Buffer, so that the chain runs in any host (a browser worker too).
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A body's text, read as UTF-8. */
export function textOf(body: Uint8Array | string): string {
  return typeof body === 'string' ? body : decoder.decode(body);
}

/** A body's bytes, text encoded as UTF-8. */
export function bytesOf(body: Uint8Array | string): Uint8Array {
  return typeof body === 'string' ? encoder.encode(body) : body;
}

export const noBytes = new Uint8Array(0);

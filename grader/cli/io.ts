// What a command may touch of the outside world: passed in, so tests run commands in-process.
export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
  /** Project root holding labs/ and content/ (default: this installation; tests use their own). */
  root?: string;
}

export function processIo(signal?: AbortSignal): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    signal,
  };
}

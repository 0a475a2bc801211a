/** Where the CLI writes: process.stdout/stderr, or a string buffer in tests. */
export interface OutputStream {
  write: (chunk: string) => unknown;
  /** Colour is used only on a terminal. */
  isTTY?: boolean;
}

/** The environment a command runs in, passed in rather than read from globals. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on SIGINT. */
  signal?: AbortSignal | undefined;
  /** Waits `ms` or until `signal` aborts; tests replace it to act between watch rounds. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

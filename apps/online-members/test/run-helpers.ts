import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { type RunCliOptions, runCli } from '../src/run-cli.js';
import { builtCliPath } from './built-cli-path.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written, as a terminal or not. */
export const captureStream = (isTTY = false) => {
  let text = '';
  return {
    stream: {
      isTTY,
      write: (chunk: string) => {
        text += chunk;
        return true;
      },
    },
    text: () => text,
  };
};

/** runCli in this process with captured streams. */
export const runInProcess = async (
  argv: string[],
  env: Record<string, string>,
  options: Partial<Pick<RunCliOptions, 'sleep' | 'signal'>> & { isTTY?: boolean } = {},
): Promise<CliResult> => {
  const stdout = captureStream(options.isTTY);
  const stderr = captureStream(options.isTTY);
  const code = await runCli({
    argv,
    env,
    stdout: stdout.stream,
    stderr: stderr.stream,
    ...(options.sleep && { sleep: options.sleep }),
    ...(options.signal && { signal: options.signal }),
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
};

export interface SpawnedCli {
  /** Resolves when the process exits (killed after the time limit). */
  result: Promise<CliResult>;
  /** Resolves when stdout has a line matching `pattern`. */
  waitForStdout: (pattern: RegExp) => Promise<void>;
  kill: (signal: NodeJS.Signals) => void;
}

/**
 * Spawns the built CLI with process.execPath and an environment of only PATH
 * and `env`, so no AVCHATROOM_* variable of the machine leaks in.
 */
export const spawnCli = (
  args: string[],
  env: Record<string, string>,
  timeoutMs = 20_000,
): SpawnedCli => {
  const child = spawn(process.execPath, [builtCliPath, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(stdout)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const result = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return {
    result,
    waitForStdout: (pattern) =>
      pattern.test(stdout)
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            waiters.push({ pattern, resolve });
            result.then(() =>
              reject(new Error(`exited before printing ${pattern}:\n${stdout}\n${stderr}`)),
            );
          }),
    kill: (signal) => child.kill(signal),
  };
};

/** Runs the built CLI to its end. */
export const runBuiltCli = (args: string[], env: Record<string, string> = {}, timeoutMs?: number) =>
  spawnCli(args, env, timeoutMs).result;

/** A loopback URL where nothing listens (a port the OS just gave out and took back). */
export const closedPortUrl = async (): Promise<string> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
};

/** Every line of a text, without the empty last one. */
export const linesOf = (text: string): string[] =>
  text.split(/\r?\n/).filter((line) => line !== '');

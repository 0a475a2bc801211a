import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findFreePort } from './free-port.js';

/** Where and how long to start Prism; shared by the mock and the proxy. */
export interface PrismServerOptions {
  /** Spec to serve. @default the bundled spec of this package */
  specPath?: string;
  /** Loopback address to listen on. @default '127.0.0.1' */
  host?: string;
  /** Port to listen on; 0 picks a free one (never 4010, Prism's default). @default 0 */
  port?: number;
  /** How long to wait for Prism to answer before giving up. @default 20000 */
  startTimeoutMs?: number;
}

/** A running Prism process. */
export interface PrismServer {
  /** Base URL, such as `http://127.0.0.1:41234`. */
  url: string;
  /** Stops Prism and waits for its process to exit. Safe to call twice. */
  stop: () => Promise<void>;
}

const prismCliPath = (): string => {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@stoplight/prism-cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: { prism: string } };
  return join(dirname(manifestPath), manifest.bin.prism);
};

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

const stopProcess = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited(child);
  clearTimeout(timer);
};

const waitUntilAnswering = async (
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Prism exited with code ${child.exitCode} before answering:\n${output()}`);
    }
    try {
      // Any HTTP answer (a 404 for this path) means Prism is listening.
      await fetch(`${url}/__ready`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`Prism did not answer on ${url} within ${timeoutMs} ms:\n${output()}`);
};

/**
 * Spawns the Prism CLI with the current Node (never through npx, so stopping
 * it leaves no orphan) on a free loopback port: `prism <command> <spec>
 * [...commandArgs] -h HOST -p PORT [...flags]`.
 */
export const startPrismServer = async (
  command: 'mock' | 'proxy',
  commandArgs: string[],
  flags: string[],
  options: PrismServerOptions & { specPath: string },
): Promise<PrismServer> => {
  const host = options.host ?? '127.0.0.1';
  const port = options.port || (await findFreePort(host));
  const url = `http://${host}:${port}`;
  const args = [
    prismCliPath(),
    command,
    options.specPath,
    ...commandArgs,
    '-h',
    host,
    '-p',
    String(port),
    ...flags,
  ];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SCARF_ANALYTICS: 'false' },
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // Never leave Prism behind when the parent exits without calling stop().
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopProcess(child);
  };
  try {
    await waitUntilAnswering(url, child, options.startTimeoutMs ?? 20_000, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
};

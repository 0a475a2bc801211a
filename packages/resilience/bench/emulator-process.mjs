// The emulator in its own child process (the package's `avchatroom-emulator`
// command, packages/emulator/README.md), so the process being measured runs only
// the client: its event loop and heap hold nothing of the server's. The command
// prints its URL on the first stdout line; stats come over the control API.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstMatchingLine, guardChildProcess, stopChildProcess } from './child-process-guard.mjs';

const emulatorPackage = dirname(
  fileURLToPath(import.meta.resolve('@avchatroom/emulator/package.json')),
);
const emulatorCommand = join(emulatorPackage, 'dist/cli.mjs');

/**
 * @param options.seedPath the seed JSON file
 * @param options.args more command options, such as ['--calls-per-second', 'off']
 */
export const startEmulatorProcess = async ({ seedPath, args = [] }) => {
  // Port 0: the OS picks a free loopback port (4010 is used by other processes here).
  const commandArgs = ['--port', '0', '--host', '127.0.0.1', '--seed', seedPath, ...args];
  const child = spawn(process.execPath, [emulatorCommand, ...commandArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  guardChildProcess(child);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-2_000);
  });
  let url;
  try {
    url = await firstMatchingLine(child, /^http:\/\/127\.0\.0\.1:\d+$/, {
      timeoutMs: 15_000,
      what: 'the emulator',
    });
  } catch (error) {
    await stopChildProcess(child, { signal: 'SIGKILL' });
    throw new Error(`${error.message}; its stderr: ${stderr.trim()}`);
  }

  const control = async (method, route, body) => {
    const response = await fetch(`${url}/__emulator/${route}`, {
      method,
      signal: AbortSignal.timeout(5_000),
      ...(body !== undefined && {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    });
    if (!response.ok) throw new Error(`emulator ${method} ${route}: HTTP ${response.status}`);
    return response.json();
  };

  return {
    url,
    pid: child.pid,
    /** apiCalls, byErrorCode, faults, busiestSecond, controlCalls (the emulator README). */
    stats: () => control('GET', 'stats'),
    /** Zeroes the counters and the rate limiter's sliding window. */
    resetStats: () => control('POST', 'stats/reset'),
    /** Queues faults (an array of plans) for the next API calls. */
    addFaults: (plans) => control('POST', 'faults', plans),
    clearFaults: () => control('DELETE', 'faults'),
    stop: () => stopChildProcess(child),
  };
};

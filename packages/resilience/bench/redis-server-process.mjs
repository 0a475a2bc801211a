// Debian's redis-server for the shared-quota runs: a free loopback port, a
// temporary directory, no persistence; stopped (and its directory removed)
// however the bench ends.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstMatchingLine, guardChildProcess, stopChildProcess } from './child-process-guard.mjs';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

export const startRedisServerProcess = async () => {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'avchatroom-bench-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', [...args, '--dir', dir, '--daemonize', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  guardChildProcess(child);
  const stop = async () => {
    await stopChildProcess(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await firstMatchingLine(child, /Ready to accept connections/, {
      timeoutMs: 15_000,
      what: 'redis-server',
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const versionLine = await new Promise((resolve) => {
    const version = spawn('redis-server', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    version.stdout.setEncoding('utf8');
    version.stdout.on('data', (chunk) => {
      text += chunk;
    });
    version.once('exit', () => resolve(/v=(\S+)/.exec(text)?.[1] ?? 'unknown'));
  });
  return { url: `redis://127.0.0.1:${port}`, port, version: versionLine, stop };
};

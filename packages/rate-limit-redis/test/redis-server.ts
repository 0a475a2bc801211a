// Debian's redis-server for the tests, never a mock: each server runs on a free
// loopback port with a temporary directory and no persistence, and is stopped
// (SIGKILL at the latest when the test process exits).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServer {
  port: number;
  url: string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes its directory. */
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

const untilReady = (child: ChildProcess, timeoutMs: number): Promise<void> =>
  new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      reject(new Error(`redis-server was not ready within ${timeoutMs} ms: ${output.slice(-500)}`));
    }, timeoutMs);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output = (output + chunk).slice(-4_000);
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`));
    });
  });

const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });

/**
 * Starts redis-server. `port` reuses a port (to restart a stopped server);
 * `cluster` starts a one-node Redis Cluster holding every slot, where a script
 * that touches keys of two slots fails with CROSSSLOT as on a real cluster.
 */
export const startRedisServer = async (
  options: { port?: number; cluster?: boolean } = {},
): Promise<RedisServer> => {
  const port = options.port ?? (await freePort());
  const dir = await mkdtemp(join(tmpdir(), 'avchatroom-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  args.push('--dir', dir, '--daemonize', 'no', '--loglevel', 'notice');
  if (options.cluster) {
    // Announce the loopback address: by default CLUSTER SLOTS names the node
    // with an empty host, which ioredis cannot connect to.
    args.push('--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf');
    args.push('--cluster-announce-ip', '127.0.0.1');
  }
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const stop = async () => {
    await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await untilReady(child, 15_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, url: `redis://127.0.0.1:${port}`, stop };
};

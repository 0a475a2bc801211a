import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from './run-helpers.js';

// The process ends with its last line: an attempt given up during a TLS
// handshake must not hold it open until fetch's 10 s connect timeout
// (src/cli.ts). The server accepts connections and never answers, so an
// https:// client waits in the handshake; the time bounds are generous for a
// busy machine and still far below that 10 s.
let server: Server;
const sockets = new Set<Socket>();
let connections = 0;
let silentUrl: string;

beforeAll(async () => {
  server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  silentUrl = `https://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

const env = {
  AVCHATROOM_SDKAPPID: '1400000000',
  AVCHATROOM_IDENTIFIER: 'administrator',
  AVCHATROOM_SECRET_KEY: 'not-a-real-key',
};

const waitFor = async (condition: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('a server that never finishes the TLS handshake', () => {
  it.each([
    ['list', ['list', '--group', 'g']],
    ['watch', ['watch', '--group', 'g', '--interval', '600']],
  ])('%s exits 1 right after its timeout error line', async (_name, argv) => {
    const before = connections;
    const startedAt = Date.now();
    const result = await spawnCli([...argv, '--base-url', silentUrl, '--timeout', '0.2'], env)
      .result;
    const elapsedMs = Date.now() - startedAt;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^online-members: error: network error: timed out after 200 ms/);
    // The first attempt and two retries, each given up after 0.2 s.
    expect(connections - before).toBe(3);
    expect(elapsedMs).toBeLessThan(7_000);
  });

  it('list exits 130 right after Ctrl-C in the handshake', async () => {
    const before = connections;
    const cli = spawnCli(['list', '--group', 'g', '--base-url', silentUrl, '--timeout', '30'], env);
    await waitFor(() => connections > before, 10_000);
    const interruptedAt = Date.now();
    cli.kill('SIGINT');
    const result = await cli.result;
    expect(result).toEqual({ code: 130, stdout: '', stderr: 'online-members: interrupted\n' });
    expect(Date.now() - interruptedAt).toBeLessThan(5_000);
  });
});

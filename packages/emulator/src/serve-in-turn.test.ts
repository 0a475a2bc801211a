import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { generateUserSig } from '@avchatroom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { controlPathPrefix } from './control-api.js';
import type { EmulatorSeed } from './seed.js';
import { serveInTurn } from './serve-in-turn.js';
import { apiPath } from './spec-facts.js';
import { type RunningEmulator, startEmulator } from './start-emulator.js';

// Issue 12: requests pipelined on one connection whose answers are never read
// took the emulator from 53 to 309 MB of RSS.

const emulators: RunningEmulator[] = [];
const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(emulators.splice(0).map((emulator) => emulator.stop()));
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A bare socket to the loopback `port`, not read until the test resumes it. */
const openSocket = async (port: number): Promise<Socket> => {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  socket.pause();
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  return socket;
};

const get = (target: string) => `GET ${target} HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n`;

/**
 * A server answering `answer` through serveInTurn, after a turn of the event loop
 * as the emulator does; counts the requests Node parsed and those served.
 */
const startCountingServer = async (answer: Buffer) => {
  const counts = { parsed: 0, served: 0, mostWaiting: 0 };
  const inTurn = serveInTurn((request: IncomingMessage, response: ServerResponse) => {
    counts.served++;
    request.resume();
    request.on('end', () => setImmediate(() => response.end(answer)));
  });
  const server = createServer((request, response) => {
    counts.parsed++;
    counts.mostWaiting = Math.max(counts.mostWaiting, counts.parsed - counts.served);
    inTurn(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { counts, port: (server.address() as AddressInfo).port };
};

describe('serveInTurn', () => {
  it('reads no more requests while earlier ones wait, for a client that reads slowly', async () => {
    const { counts, port } = await startCountingServer(Buffer.alloc(64 * 1024, 0x20));
    const socket = await openSocket(port);
    socket.write(get('/').repeat(20_000));
    socket.on('data', () => {
      socket.pause();
      setTimeout(() => socket.resume(), 2);
    });
    socket.resume();
    for (let waited = 0; counts.served < 500 && waited < 10_000; waited += 50) await sleep(50);
    expect(counts.served).toBeGreaterThanOrEqual(500);
    // About one read of the socket (64 KiB of requests) waits; unpaused, all 20,000 did.
    expect(counts.mostWaiting).toBeLessThan((2 * 64 * 1024) / get('/').length);
  });

  it('reads nothing more while a waiting request lacks its body', async () => {
    // An answer larger than the kernel's socket buffers, never read: the turn never ends.
    const { counts, port } = await startCountingServer(Buffer.alloc(16 * 1024 * 1024, 0x20));
    const socket = await openSocket(port);
    socket.write(
      `${get('/large')}${get('/')}POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 5\r\n\r\n`,
    );
    await sleep(200);
    socket.write(`hello${get('/').repeat(2000)}`);
    await sleep(500);
    expect(counts).toEqual({ parsed: 3, served: 1, mostWaiting: 2 });
  });
});

describe('the emulator, one request at a time per connection', () => {
  const app = { sdkAppId: 1400000001, secretKey: 'test-secret-key' };
  const room = '@TGS#aROOM';
  const seed: EmulatorSeed = {
    randomSeed: 1,
    apps: [{ ...app, admins: ['administrator'] }],
    groups: [
      {
        sdkAppId: app.sdkAppId,
        groupId: room,
        crowd: { count: 1000, accountPrefix: 'viewer', joinedWithinSeconds: 3600 },
      },
    ],
  };
  const membersTarget = `${controlPathPrefix}apps/${app.sdkAppId}/groups/${encodeURIComponent(room)}/members`;

  const start = async () => {
    const emulator = await startEmulator({ seed, callsPerSecond: false });
    emulators.push(emulator);
    return { emulator, port: Number(new URL(emulator.url).port) };
  };

  /** Polls `count` until it has not changed for a second; fails after 15 s. */
  const settledCount = async (count: () => number) => {
    const deadline = Date.now() + 15_000;
    let last = count();
    let quietSince = Date.now();
    while (Date.now() - quietSince < 1000) {
      if (Date.now() > deadline) throw new Error('still counting after 15 s');
      await sleep(100);
      if (count() !== last) [last, quietSince] = [count(), Date.now()];
    }
    return last;
  };

  it('makes control answers only as fast as the client reads them', async () => {
    const { emulator, port } = await start();
    const answerBytes = (await (await fetch(`${emulator.url}${membersTarget}`)).text()).length;
    expect(answerBytes).toBeGreaterThan(50_000);
    const requests = 5000;
    const socket = await openSocket(port);
    socket.write(get(membersTarget).repeat(requests));
    const answers = (await settledCount(() => emulator.stats().controlCalls)) - 1;
    // What the kernel's socket buffers hold (a few MiB), not what was asked for:
    // without back-pressure, 1,500 answers (about 160 MB here) were made at once.
    expect(answers * answerBytes).toBeLessThan(40 * 1024 * 1024);
    expect(answers).toBeLessThan(requests / 10);
    const health = await fetch(`${emulator.url}${controlPathPrefix}health`);
    expect(await health.json()).toEqual({ ok: true });
  });

  it('still answers every pipelined request in order, a body cut in two included', async () => {
    const { port } = await start();
    const usersig = await generateUserSig({
      ...app,
      identifier: 'administrator',
      expireSeconds: 86400,
    });
    const query = `sdkappid=${app.sdkAppId}&identifier=administrator&usersig=${usersig}&random=1&contenttype=json`;
    const body = JSON.stringify({ GroupId: room, Timestamp: 0 });
    const post = (target: string) =>
      `POST ${target} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: ${body.length}\r\n\r\n${body}`;
    const kinds = [
      { request: get(membersTarget), label: 'members' },
      { request: post(`${apiPath}?${query}`), label: 'ErrorCode 0' },
      { request: post('/v4/unknown'), label: 'ErrorCode 60009' },
      { request: get(`${controlPathPrefix}health`), label: 'ok' },
    ];
    const labelOf = (answer: Record<string, unknown>) =>
      ['members', 'ok'].find((key) => key in answer) ?? `ErrorCode ${answer.ErrorCode}`;
    const sent = Array.from({ length: 50 }, () => kinds).flat();
    const socket = await openSocket(port);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    // Cut inside the last API call's body, sent while earlier answers wait unread.
    const wire = sent.map((kind) => kind.request).join('');
    const cut = wire.lastIndexOf(body) + 10;
    socket.write(wire.slice(0, cut));
    await sleep(300);
    socket.end(wire.slice(cut));
    socket.resume();
    await Promise.race([closed, sleep(10_000)]);
    const received = Buffer.concat(chunks);
    const labels: string[] = [];
    for (let at = 0; at < received.length; ) {
      const headEnd = received.indexOf('\r\n\r\n', at);
      const head = received.subarray(at, headEnd).toString('latin1');
      const length = Number(/content-length: (\d+)/i.exec(head)?.[1]);
      const answer = JSON.parse(received.subarray(headEnd + 4, headEnd + 4 + length).toString());
      labels.push(labelOf(answer));
      at = headEnd + 4 + length;
    }
    expect(labels).toEqual(sent.map((kind) => kind.label));
  });
});

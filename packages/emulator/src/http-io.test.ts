import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateUserSig } from '@avchatroom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from './clock.js';
import {
  BodyTooLargeError,
  maxBodyBytes,
  readBody,
  sendBadGateway,
  sendJson,
  sendTruncatedJson,
} from './http-io.js';
import { apiPath } from './spec-facts.js';
import { type RunningEmulator, startEmulator } from './start-emulator.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

const servers: Server[] = [];
const emulators: RunningEmulator[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await Promise.all(emulators.splice(0).map((emulator) => emulator.stop()));
});

/** A bare loopback server around one handler, to test the helpers on their own. */
const serve = async (handler: Handler): Promise<string> => {
  const server = createServer((request, response) => {
    Promise.resolve(handler(request, response)).catch((error: Error) => {
      sendJson(response, 500, { error: error.constructor.name });
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const post = (url: string, body: string | Uint8Array<ArrayBuffer>) =>
  fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(5000) });

describe('readBody', () => {
  const echoLength: Handler = async (request, response) => {
    sendJson(response, 200, { bytes: (await readBody(request)).length });
  };

  it.each([
    { name: 'an empty body', size: 0 },
    { name: 'a small body', size: 100 },
    { name: 'exactly 64 KiB', size: maxBodyBytes },
  ])('reads $name', async ({ size }) => {
    const url = await serve(echoLength);
    const response = await post(url, new Uint8Array(size).fill(0x61));
    expect(await response.json()).toEqual({ bytes: size });
  });

  it('refuses one byte more than 64 KiB with BodyTooLargeError', async () => {
    expect(maxBodyBytes).toBe(65536);
    const url = await serve(echoLength);
    const response = await post(url, new Uint8Array(maxBodyBytes + 1));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: BodyTooLargeError.name });
  });
});

describe('sendJson', () => {
  it('sends the status, a JSON content type and the byte length of non-ASCII text', async () => {
    const body = { ErrorInfo: '群组不存在', ok: true };
    const url = await serve((_request, response) => sendJson(response, 201, body));
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-length')).toBe(
      String(Buffer.byteLength(JSON.stringify(body))),
    );
    expect(await response.json()).toEqual(body);
  });
});

describe('sendBadGateway', () => {
  it('sends an nginx-style 502 page as text/html', async () => {
    const url = await serve((_request, response) => sendBadGateway(response));
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    const text = await response.text();
    expect(text).toMatch(/^<html>/);
    expect(text).toContain('<center><h1>502 Bad Gateway</h1></center>');
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
  });
});

describe('sendTruncatedJson', () => {
  it('announces the whole body, sends half of it, then cuts the connection', async () => {
    const body = {
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      MemberList: [],
      NextTimestamp: 0,
    };
    const url = await serve((_request, response) => sendTruncatedJson(response, body));
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(JSON.stringify(body).length));
    await expect(response.text()).rejects.toThrow();
  });
});

describe('the emulator and large bodies', () => {
  it('answers a body over 64 KiB with 60002 and keeps serving', async () => {
    const startSeconds = Date.UTC(2026, 0, 1) / 1000;
    const app = { sdkAppId: 1400000001, secretKey: 'test-secret-key' };
    const emulator = await startEmulator({
      seed: {
        apps: [{ ...app, admins: ['administrator'] }],
        groups: [{ sdkAppId: app.sdkAppId, groupId: '@TGS#aROOM' }],
      },
      clock: createManualClock(startSeconds * 1000),
    });
    emulators.push(emulator);
    const usersig = await generateUserSig({
      ...app,
      identifier: 'administrator',
      expireSeconds: 86400,
      issuedAt: startSeconds,
    });
    const url = `${emulator.url}${apiPath}?sdkappid=${app.sdkAppId}&identifier=administrator&usersig=${usersig}&random=7&contenttype=json`;
    // A valid body padded with an unknown field to just over 64 KiB.
    const padded = JSON.stringify({
      GroupId: '@TGS#aROOM',
      Timestamp: 0,
      Padding: 'x'.repeat(maxBodyBytes),
    });
    const large = await post(url, padded);
    expect(large.status).toBe(200);
    expect(await large.json()).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 60002,
      ErrorInfo:
        'HTTP parse error. Check the format of the request URL. (the body is larger than 64 KiB)',
    });
    const small = await post(url, JSON.stringify({ GroupId: '@TGS#aROOM', Timestamp: 0 }));
    expect(await small.json()).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      MemberList: [],
      NextTimestamp: 0,
    });
    expect(emulator.stats().byErrorCode).toEqual({ 0: 1, 60002: 1 });
  });
});

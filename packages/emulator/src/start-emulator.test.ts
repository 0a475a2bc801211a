import { connect } from 'node:net';
import { generateUserSig } from '@avchatroom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fitsSpec } from '../test/support/spec-answers.js';
import { createManualClock } from './clock.js';
import type { EmulatorOptions } from './emulator-options.js';
import type { EmulatorSeed } from './seed.js';
import { apiPath } from './spec-facts.js';
import { type RunningEmulator, startEmulator } from './start-emulator.js';

const startMs = Date.UTC(2026, 0, 1);
const startSeconds = startMs / 1000;
const app = { sdkAppId: 1400000001, secretKey: 'test-secret-key' };

const seed: EmulatorSeed = {
  apps: [{ ...app, admins: ['administrator'] }],
  groups: [
    {
      sdkAppId: app.sdkAppId,
      groupId: '@TGS#aROOM',
      members: [
        { account: 'host', joinTime: startSeconds - 10, nickName: 'Host' },
        { account: 'guest', joinTime: startSeconds - 20 },
      ],
    },
  ],
};

let userSig = '';
beforeAll(async () => {
  userSig = await generateUserSig({
    ...app,
    identifier: 'administrator',
    expireSeconds: 86400,
    issuedAt: startSeconds,
  });
});

const running: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.stop()));
});

/** Starts an emulator on the small seed with a manual clock; stopped after each test. */
const start = async (options: EmulatorOptions = {}): Promise<RunningEmulator> => {
  const emulator = await startEmulator({ seed, clock: createManualClock(startMs), ...options });
  running.push(emulator);
  return emulator;
};

const apiUrl = (emulator: RunningEmulator): string =>
  `${emulator.url}${apiPath}?${new URLSearchParams({
    sdkappid: String(app.sdkAppId),
    identifier: 'administrator',
    usersig: userSig,
    random: '42',
    contenttype: 'json',
  })}`;

const firstPage = { GroupId: '@TGS#aROOM', Timestamp: 0 };

const callApi = (emulator: RunningEmulator, init: RequestInit = {}): Promise<Response> =>
  fetch(apiUrl(emulator), {
    method: 'POST',
    body: JSON.stringify(firstPage),
    signal: AbortSignal.timeout(5000),
    ...init,
  });

/** Reads a JSON answer and checks it against the spec's response schema. */
const readAnswer = async (response: Response) => {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const body = await response.json();
  expect(fitsSpec('getMembers', body), JSON.stringify(body)).toBe(true);
  return body as {
    ErrorCode: number;
    ErrorInfo: string;
    MemberList?: { Member_Account: string }[];
  };
};

const expectedFirstPage = {
  ActionStatus: 'OK',
  ErrorCode: 0,
  ErrorInfo: '',
  MemberList: [
    { Member_Account: 'host', JoinTime: startSeconds - 10, NickName: 'Host' },
    { Member_Account: 'guest', JoinTime: startSeconds - 20 },
  ],
  NextTimestamp: 0,
};

describe('startEmulator', () => {
  it('serves get_members on a loopback port', async () => {
    const emulator = await start();
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await readAnswer(await callApi(emulator))).toEqual(expectedFirstPage);
    expect(emulator.seed).toBe(seed);
    expect(emulator.state.groupList()).toEqual([
      { sdkAppId: app.sdkAppId, groupId: '@TGS#aROOM', type: 'AVChatRoom' },
    ]);
  });

  it('serves the demo seed by the system clock when given no options', async () => {
    const emulator = await startEmulator();
    running.push(emulator);
    const demoSig = await generateUserSig({
      sdkAppId: 1400000001,
      identifier: 'administrator',
      secretKey: 'demo-only-secret-key-of-the-avchatroom-emulator',
      expireSeconds: 600,
    });
    const url = `${emulator.url}${apiPath}?sdkappid=1400000001&identifier=administrator&usersig=${demoSig}&random=1&contenttype=json`;
    const body = await readAnswer(
      await fetch(url, {
        method: 'POST',
        body: '{"GroupId":"@TGS#aLIVEDEMO","Timestamp":0}',
        signal: AbortSignal.timeout(5000),
      }),
    );
    expect(body).toMatchObject({ ErrorCode: 0 });
    expect(body.MemberList?.length).toBeGreaterThanOrEqual(500);
  });

  it.each([
    { method: 'GET', body: undefined },
    { method: 'PUT', body: JSON.stringify(firstPage) },
    { method: 'DELETE', body: undefined },
  ])('answers $method with 60002 (REST APIs take POST only)', async ({ method, body }) => {
    const emulator = await start();
    expect(await readAnswer(await callApi(emulator, { method, body }))).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 60002,
      ErrorInfo:
        'HTTP parse error. Check the format of the request URL. (REST APIs take POST only)',
    });
  });

  it.each([
    { path: '/', method: 'GET' },
    { path: '/v4/group_open_http_svc/get_group_member_info', method: 'POST' },
    { path: `${apiPath}/`, method: 'POST' },
    { path: '/__emulator', method: 'GET' },
  ])('answers $method $path with 60009', async ({ path, method }) => {
    const emulator = await start();
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      ...(method === 'POST' && { body: '{}' }),
      signal: AbortSignal.timeout(5000),
    });
    expect(await readAnswer(response)).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 60009,
      ErrorInfo:
        'Request resource error. Check the request URL. (the spec has no operation at this path)',
    });
  });

  /** Writes `text` on a bare socket and reads until the server closes it. */
  const exchangeRaw = (emulator: RunningEmulator, text: string) => {
    const { hostname, port } = new URL(emulator.url);
    return new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname);
      let data = '';
      socket.setEncoding('utf8');
      socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')));
      socket.on('data', (chunk) => {
        data += chunk;
      });
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
      socket.write(text);
    });
  };

  const bodyOf = (reply: string) => JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4));

  it('answers a malformed HTTP request with 400, the API error shape, and keeps serving', async () => {
    const emulator = await start();
    const reply = await exchangeRaw(emulator, 'THIS IS NOT HTTP\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(reply).toContain('\r\ncontent-type: application/json; charset=utf-8\r\n');
    expect(bodyOf(reply)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60002 });
    expect(await readAnswer(await callApi(emulator))).toEqual(expectedFirstPage);
  });

  // `new URL` throws on these; a throw in the request listener stopped the server.
  it.each(['//[', '//a:bad/', '//%zz', 'http://[::1'])(
    'answers the request target %s with 60009 and keeps serving',
    async (target) => {
      const emulator = await start();
      const reply = await exchangeRaw(
        emulator,
        `GET ${target} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`,
      );
      expect(reply).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(bodyOf(reply)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60009 });
      expect(await readAnswer(await callApi(emulator))).toEqual(expectedFirstPage);
    },
  );

  it('matches the API path exactly: `..` and `//` are not resolved', async () => {
    const emulator = await start();
    const query = new URL(apiUrl(emulator)).search;
    for (const path of [
      `${apiPath}/../get_members`,
      `/v4/x/..${apiPath.slice(3)}`,
      `/${apiPath}`,
    ]) {
      const reply = await exchangeRaw(
        emulator,
        `POST ${path}${query} HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: 2\r\n\r\n{}`,
      );
      expect(bodyOf(reply), path).toMatchObject({ ErrorCode: 60009 });
    }
    expect(emulator.stats().apiCalls).toBe(0);
  });

  it.each([
    { name: 'an HTTP/1.1 request without Host', text: `GET ${apiPath} HTTP/1.1\r\n\r\n` },
    { name: 'CONNECT', text: 'CONNECT example.invalid:443 HTTP/1.1\r\nhost: x\r\n\r\n' },
  ])('answers $name with 400 and the API error shape, then closes', async ({ text }) => {
    const emulator = await start();
    const reply = await exchangeRaw(emulator, text);
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(reply.toLowerCase()).toContain('\r\nconnection: close\r\n');
    expect(bodyOf(reply)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60002 });
    expect(await readAnswer(await callApi(emulator))).toEqual(expectedFirstPage);
  });

  it('answers a request with an unknown Expect as any other, not with an empty 417', async () => {
    const emulator = await start();
    const { pathname, search } = new URL(apiUrl(emulator));
    const body = JSON.stringify(firstPage);
    const reply = await exchangeRaw(
      emulator,
      `POST ${pathname}${search} HTTP/1.1\r\nhost: x\r\nexpect: something-else\r\nconnection: close\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(bodyOf(reply)).toEqual(expectedFirstPage);
  });

  it('answers after latencyMs on every call', async () => {
    const emulator = await start({ latencyMs: 100 });
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      expect(await readAnswer(await callApi(emulator))).toMatchObject({ ErrorCode: 0 });
      // One millisecond of slack: Node's timers round to whole milliseconds.
      expect(performance.now() - started).toBeGreaterThanOrEqual(99);
    }
  });

  describe('faults', () => {
    it('delays one answer by the latency fault, and only one', async () => {
      const emulator = await start();
      emulator.faults.add({ kind: 'latency', ms: 200 });
      const started = performance.now();
      expect(await readAnswer(await callApi(emulator))).toEqual(expectedFirstPage);
      // One millisecond of slack: Node's timers round to whole milliseconds.
      expect(performance.now() - started).toBeGreaterThanOrEqual(199);
      expect(emulator.faults.pending()).toEqual([]);
      expect(emulator.stats()).toMatchObject({ apiCalls: 1, faults: { latency: 1 } });
    });

    it('counts a latency fault whose client gave up, and no answer for it', async () => {
      const emulator = await start();
      emulator.faults.add({ kind: 'latency', ms: 2000 });
      await expect(callApi(emulator, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
      expect(emulator.stats()).toMatchObject({ apiCalls: 1, faults: { latency: 1 } });
      expect(emulator.stats().byErrorCode).toEqual({});
    });

    it('counts a truncated answer as a fault, not as an answer', async () => {
      const emulator = await start();
      emulator.faults.add({ kind: 'truncate' });
      await expect((await callApi(emulator)).text()).rejects.toThrow();
      expect(emulator.stats()).toMatchObject({ apiCalls: 1, faults: { truncate: 1 } });
      expect(emulator.stats().byErrorCode).toEqual({});
    });

    it('answers html502 with a gateway page: status 502, text/html', async () => {
      const emulator = await start();
      emulator.faults.add({ kind: 'html502' });
      const response = await callApi(emulator);
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toBe('text/html');
      expect(await response.text()).toContain('<title>502 Bad Gateway</title>');
    });

    it('drops the connection without an answer', async () => {
      const emulator = await start();
      emulator.faults.add({ kind: 'drop' });
      await expect(callApi(emulator)).rejects.toThrow(TypeError);
      expect(emulator.stats()).toMatchObject({ apiCalls: 1, faults: { drop: 1 } });
      expect(await readAnswer(await callApi(emulator))).toEqual(expectedFirstPage);
    });

    it('truncates the body: the headers arrive, reading the body fails', async () => {
      const emulator = await start();
      emulator.faults.add({ kind: 'truncate' });
      const response = await callApi(emulator);
      expect(response.status).toBe(200);
      const fullLength = Buffer.byteLength(JSON.stringify(expectedFirstPage));
      expect(response.headers.get('content-length')).toBe(String(fullLength));
      await expect(response.text()).rejects.toThrow();
    });

    it('answers systemError with ErrorCode 10002', async () => {
      const emulator = await start();
      emulator.faults.add({ kind: 'systemError' });
      expect(await readAnswer(await callApi(emulator))).toEqual({
        ActionStatus: 'FAIL',
        ErrorCode: 10002,
        ErrorInfo:
          'A system error occurred. Try again or contact technical support. (injected fault)',
      });
    });

    it('answers apiError with its code and the spec meaning, without using the rate limit', async () => {
      const emulator = await start({ callsPerSecond: 1 });
      emulator.faults.add({ kind: 'apiError', code: 60007 });
      expect(await readAnswer(await callApi(emulator))).toEqual({
        ActionStatus: 'FAIL',
        ErrorCode: 60007,
        ErrorInfo:
          'The REST API call frequency is over the limit. Lower the request rate. (injected fault)',
      });
      expect(await readAnswer(await callApi(emulator))).toMatchObject({ ErrorCode: 0 });
      expect(emulator.stats().faults).toEqual({ apiError: 1 });
    });

    it('takes the faults in order, one per call, and counts them in stats()', async () => {
      const emulator = await start({ faults: [{ kind: 'systemError', times: 2 }] });
      emulator.faults.add([{ kind: 'html502' }, { kind: 'latency', ms: 20 }]);
      const outcomes: (number | string)[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await callApi(emulator);
        outcomes.push(
          response.status === 200 ? (await response.json()).ErrorCode : `HTTP ${response.status}`,
        );
        if (response.status !== 200) await response.text();
      }
      expect(outcomes).toEqual([10002, 10002, 'HTTP 502', 0, 0]);
      expect(emulator.faults.pending()).toEqual([]);
      expect(emulator.stats()).toEqual({
        apiCalls: 5,
        byErrorCode: { 0: 2 },
        faults: { systemError: 2, html502: 1, latency: 1 },
        busiestSecond: 2,
        controlCalls: 0,
      });
      emulator.resetStats();
      expect(emulator.stats()).toEqual({
        apiCalls: 0,
        byErrorCode: {},
        faults: {},
        busiestSecond: 0,
        controlCalls: 0,
      });
    });

    it('puts faults on API calls only, not on control calls', async () => {
      const emulator = await start({ faults: [{ kind: 'drop' }] });
      const health = await fetch(`${emulator.url}/__emulator/health`, {
        signal: AbortSignal.timeout(5000),
      });
      expect(await health.json()).toEqual({ ok: true });
      expect(emulator.faults.pending()).toEqual([{ kind: 'drop', ms: 5000 }]);
    });
  });

  it('counts answers by ErrorCode and the busiest second in stats()', async () => {
    const emulator = await start({ callsPerSecond: 3, rateLimitErrorCode: 60011 });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await readAnswer(await callApi(emulator)));
    expect(answers.map((answer) => answer.ErrorCode)).toEqual([0, 0, 0, 60011, 60011]);
    expect(answers[4]?.ErrorInfo).toMatch(/\(over 3 calls per second\)$/);
    expect(emulator.stats()).toMatchObject({
      apiCalls: 5,
      byErrorCode: { 0: 3, 60011: 2 },
      busiestSecond: 3,
    });
  });

  it('follows the injected clock for snapshot refreshes', async () => {
    const clock = createManualClock(startMs);
    const emulator = await start({ clock });
    emulator.state.join(app.sdkAppId, '@TGS#aROOM', {
      account: 'late',
      joinTime: startSeconds + 1,
    });
    const accounts = async () =>
      (await readAnswer(await callApi(emulator))).MemberList?.map((m) => m.Member_Account);
    expect(await accounts()).toEqual(['host', 'guest']);
    clock.advance(40_000);
    expect(await accounts()).toEqual(['late', 'host', 'guest']);
  });

  it('refuses bad options before listening', async () => {
    await expect(startEmulator({ pageSize: 0, seed })).rejects.toThrow(
      'Invalid emulator options:\n- pageSize must be an integer from 1 to 100000',
    );
  });

  describe('stop', () => {
    it('is safe to call twice and closes idle keep-alive connections', async () => {
      const emulator = await start();
      await readAnswer(await callApi(emulator));
      const started = performance.now();
      await emulator.stop();
      await emulator.stop();
      expect(performance.now() - started).toBeLessThan(1000);
      await expect(callApi(emulator)).rejects.toThrow(TypeError);
    });

    it('cuts a call waiting on a latency fault instead of waiting for it', async () => {
      const emulator = await start({ faults: [{ kind: 'latency', ms: 60_000 }] });
      const pending = callApi(emulator, { signal: AbortSignal.timeout(10_000) });
      // Wait (bounded) until the call has reached the emulator.
      for (let i = 0; i < 200 && emulator.stats().apiCalls === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(emulator.stats().apiCalls).toBe(1);
      const started = performance.now();
      await emulator.stop();
      expect(performance.now() - started).toBeLessThan(1000);
      await expect(pending).rejects.toThrow(TypeError);
    });
  });
});

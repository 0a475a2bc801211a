import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPrismProxy } from './prism-proxy.js';

// A stand-in upstream whose answer is chosen per test by the request's GroupId.
let upstream: Server;
let upstreamUrl: string;

beforeAll(async () => {
  upstream = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const valid = !body.includes('LIAR');
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        valid
          ? '{"ActionStatus":"FAIL","ErrorCode":10010,"ErrorInfo":"no such group"}'
          : '{"ActionStatus":"MAYBE","ErrorCode":0}',
      );
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => upstream.close(resolve)));

const call = (baseUrl: string, groupId: string) =>
  fetch(
    `${baseUrl}/v4/group_open_avchatroom_http_svc/get_members?sdkappid=1&identifier=admin&usersig=s&random=1&contenttype=json`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ GroupId: groupId, Timestamp: 0 }),
      signal: AbortSignal.timeout(10_000),
    },
  );

it('passes answers that follow the spec and turns the others into a 500 (--errors)', async () => {
  const proxy = await startPrismProxy({ upstream: upstreamUrl });
  try {
    const good = await call(proxy.url, '@TGS#aGOOD');
    expect([good.status, (await good.json()).ErrorCode]).toEqual([200, 10010]);
    const bad = await call(proxy.url, '@TGS#aLIAR');
    expect(bad.status).toBe(500);
    expect(await bad.text()).toMatch(/ActionStatus/);
  } finally {
    await proxy.stop();
  }
}, 30_000);

it('without errors, passes every answer and lists violations in sl-violations', async () => {
  const proxy = await startPrismProxy({ upstream: upstreamUrl, errors: false });
  try {
    const bad = await call(proxy.url, '@TGS#aLIAR');
    expect(bad.status).toBe(200);
    expect(JSON.parse(bad.headers.get('sl-violations') ?? '[]')[0].location).toEqual([
      'response',
      'body',
      'ActionStatus',
    ]);
  } finally {
    await proxy.stop();
  }
}, 30_000);

import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { startPrismMock } from './prism-mock.js';

const refusesConnections = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

it('serves the bundled spec on a free loopback port and leaves nothing behind', async () => {
  const prism = await startPrismMock();
  const { hostname, port } = new URL(prism.url);
  expect(hostname).toBe('127.0.0.1');
  expect(Number(port)).not.toBe(4010);
  try {
    const url = new URL('/v4/group_open_avchatroom_http_svc/get_members', prism.url);
    url.search = 'sdkappid=1&identifier=admin&usersig=s&random=1&contenttype=json';
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', prefer: 'example=groupNotFound' },
      body: '{"GroupId":"@TGS#aDELETED00","Timestamp":0}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 10010 });
  } finally {
    await prism.stop();
    await prism.stop();
  }
  expect(await refusesConnections(prism.url)).toBe(true);
}, 30_000);

it('reports a spec Prism cannot serve instead of hanging', async () => {
  await expect(
    startPrismMock({ specPath: '/nonexistent/openapi.yaml', startTimeoutMs: 15_000 }),
  ).rejects.toThrow(/Prism exited/);
}, 30_000);

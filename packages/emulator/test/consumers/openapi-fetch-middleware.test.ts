// A types-only team's setup: their own openapi-fetch client over our paths,
// with createChatMiddleware, against the emulator on a free loopback port.
import { ChatApiError, ChatHttpError } from '@avchatroom/client';
import { type ChatMiddlewarePaths, createChatMiddleware } from '@avchatroom/client/fetch';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/index.js';

const groupId = '@TGS#aLIVEDEMO';
const getMembers = '/v4/group_open_avchatroom_http_svc/get_members';
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.faults.clear());

const demoApp = () => {
  const app = emulator.seed.apps[0];
  if (!app) throw new Error('the demo seed has no app');
  return { sdkAppId: app.sdkAppId, identifier: 'administrator', secretKey: app.secretKey };
};

const clientWith = (credentials: Parameters<typeof createChatMiddleware>[0] = demoApp()) => {
  const client = createClient<ChatMiddlewarePaths>({ baseUrl: emulator.url });
  client.use(createChatMiddleware(credentials));
  return client;
};

describe('openapi-fetch + createChatMiddleware against the emulator', () => {
  it('lists the live room page by page with `if (error)`', async () => {
    const client = clientWith();
    const accounts = new Set<string>();
    let timestamp = 0;
    for (let page = 0; page < 10; page += 1) {
      const { data, error } = await client.POST(getMembers, {
        body: { GroupId: groupId, Timestamp: timestamp },
      });
      if (error) throw error;
      for (const member of data.MemberList ?? []) accounts.add(member.Member_Account);
      timestamp = data.NextTimestamp ?? 0;
      if (timestamp === 0) break;
    }
    expect(timestamp).toBe(0);
    expect(accounts.size).toBe(1000); // the API's cap on a listing
  });

  it('returns an unknown group as { error }, a ChatApiError with the caller random', async () => {
    const { data, error } = await clientWith().POST(getMembers, {
      body: { GroupId: '@TGS#nosuchgroup', Timestamp: 0 },
      params: { query: { random: 123456 } },
    });
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(ChatApiError);
    expect(error).toMatchObject({ code: 10010, codeName: 'GroupNotFound', requestId: 123456 });
  });

  it('renews the UserSig after an injected 70001 and gets the answer', async () => {
    emulator.faults.add({ kind: 'apiError', code: 70001 });
    emulator.resetStats();
    const { data, error } = await clientWith().POST(
      '/v4/group_open_http_svc/get_online_member_num',
      {
        body: { GroupId: groupId },
      },
    );
    expect(error).toBeUndefined();
    expect(data?.OnlineMemberNum).toBeGreaterThan(0);
    expect(emulator.stats().apiCalls).toBe(2);
  });

  it('returns a gateway page as { error }, a ChatHttpError', async () => {
    emulator.faults.add({ kind: 'html502' });
    const { error } = await clientWith().POST(getMembers, {
      body: { GroupId: groupId, Timestamp: 0 },
    });
    expect(error).toBeInstanceOf(ChatHttpError);
    expect(error).toMatchObject({ status: 502 });
  });

  it('returns a UserSig the emulator refuses as { error }, never showing it', async () => {
    const { sdkAppId, identifier } = demoApp();
    const userSig = 'eJyrVgrxCdYrLkksUbJSMjIwMFHSUcpMSc0rycxPUbIyMjUAAA__-SENTINEL';
    const { error } = await clientWith({ sdkAppId, identifier, userSig }).POST(getMembers, {
      body: { GroupId: groupId, Timestamp: 0 },
    });
    expect(error).toBeInstanceOf(ChatApiError);
    expect((error as ChatApiError).retry).not.toBe('transient');
    expect(JSON.stringify({ ...error, message: error?.message })).not.toContain('SENTINEL');
  });
});

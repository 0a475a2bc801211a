import { generateUserSig, zGetMembersResponse } from '@avchatroom/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerApiRequest } from './api-request-answer.js';
import { createCallRateLimiter } from './call-rate-limiter.js';
import { createManualClock } from './clock.js';
import { EmulatorState } from './emulator-state.js';
import type { GetMembersContext } from './get-members-handler.js';

const startMs = Date.UTC(2026, 0, 1);
const app = { sdkAppId: 1400000001, secretKey: 'api-request-test-key' };

const context = (): GetMembersContext => {
  const clock = createManualClock(startMs);
  const state = new EmulatorState(
    {
      apps: [{ ...app, admins: ['administrator'] }],
      groups: [{ sdkAppId: app.sdkAppId, groupId: '@TGS#aROOM' }],
    },
    clock,
  );
  const settings = {
    pageSize: 500,
    snapshotRefreshMs: 40_000,
    rateLimitErrorCode: 60007,
    callsPerSecond: false as const,
  };
  return { state, clock, limiter: createCallRateLimiter(false), settings };
};

let goodQuery = '';
beforeAll(async () => {
  const userSig = await generateUserSig({
    ...app,
    identifier: 'administrator',
    expireSeconds: 86_400,
    issuedAt: startMs / 1000,
  });
  goodQuery = `sdkappid=${app.sdkAppId}&identifier=administrator&usersig=${userSig}&random=7&contenttype=json`;
});

const firstPage = Buffer.from('{"GroupId":"@TGS#aROOM","Timestamp":0}');

const answer = (request: Partial<Parameters<typeof answerApiRequest>[1]>) => {
  const body = answerApiRequest(context(), {
    method: 'POST',
    query: goodQuery,
    rawBody: firstPage,
    ...request,
  });
  expect(zGetMembersResponse.safeParse(body).success).toBe(true);
  return body;
};

describe('answerApiRequest', () => {
  it('answers a good POST with the page', () => {
    expect(answer({})).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, MemberList: [] });
  });

  it.each([
    { name: 'a body over 64 KiB', request: { rawBody: undefined }, detail: 'larger than 64 KiB' },
    { name: 'GET', request: { method: 'GET' }, detail: 'POST only' },
    { name: 'no method', request: { method: undefined }, detail: 'POST only' },
    { name: 'a bad escape', request: { query: 'x=%zz' }, detail: 'not percent-encoded UTF-8' },
  ])('answers $name with 60002', ({ request, detail }) => {
    const body = answer(request);
    expect(body).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60002 });
    expect(body.ErrorInfo).toContain(detail);
  });

  it('refuses a bad escape before reading the parameters (no sdkappid: still 60002)', () => {
    expect(answer({ query: 'identifier=%ff' })).toMatchObject({ ErrorCode: 60002 });
  });

  it('reads the query once decoded: every byte escaped is still the good query', () => {
    const escaped = [...Buffer.from(goodQuery)]
      .map((byte) =>
        byte === 0x26 || byte === 0x3d ? String.fromCharCode(byte) : `%${byte.toString(16)}`,
      )
      .join('');
    expect(answer({ query: escaped })).toMatchObject({ ErrorCode: 0 });
  });
});

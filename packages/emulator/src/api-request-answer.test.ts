import { generateUserSig } from '@avchatroom/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeApiContext, specOperation } from '../test/support/api-harness.js';
import { fitsSpec } from '../test/support/spec-answers.js';
import { type ApiRequest, answerApiRequest } from './api-request-answer.js';
import { createManualClock } from './clock.js';

const startMs = Date.UTC(2026, 0, 1);
const app = { sdkAppId: 1400000001, secretKey: 'api-request-test-key' };

const context = () =>
  makeApiContext(
    {
      apps: [{ ...app, admins: ['administrator'] }],
      groups: [{ sdkAppId: app.sdkAppId, groupId: '@TGS#aROOM' }],
    },
    createManualClock(startMs),
    { callsPerSecond: false },
  );

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

const answer = (request: Partial<ApiRequest>) => {
  const body = answerApiRequest(context(), specOperation('getMembers'), {
    method: 'POST',
    query: goodQuery,
    rawBody: firstPage,
    ...request,
  });
  expect(fitsSpec('getMembers', body)).toBe(true);
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

import { generateUserSig } from '@avchatroom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fitsSpec } from '../test/support/spec-answers.js';
import { createManualClock } from './clock.js';
import { controlPathPrefix } from './control-api.js';
import type { EmulatorSeed } from './seed.js';
import { apiPath } from './spec-facts.js';
import { type RunningEmulator, startEmulator } from './start-emulator.js';

const startMs = Date.UTC(2026, 0, 1);
const startSeconds = startMs / 1000;
const app = { sdkAppId: 1400000001, secretKey: 'test-secret-key' };
const liveRoom = '@TGS#aLIVEDEMO';

const seed: EmulatorSeed = {
  apps: [{ ...app, admins: ['administrator'] }],
  groups: [
    {
      sdkAppId: app.sdkAppId,
      groupId: liveRoom,
      members: [
        { account: 'host', joinTime: startSeconds - 10, marks: [1000] },
        { account: 'guest', joinTime: startSeconds - 20 },
      ],
      bans: [{ account: 'troll', bannedUntil: startSeconds + 3600 }],
    },
    { sdkAppId: app.sdkAppId, groupId: 'custom/group id', type: 'Community' },
  ],
};

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ seed, clock: createManualClock(startMs) });
});
afterEach(async () => {
  await emulator.stop();
});

/** Calls a control route and returns its status and JSON body. */
const control = async (
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> => {
  const response = await fetch(`${emulator.url}${controlPathPrefix}${path}`, {
    method,
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    signal: AbortSignal.timeout(5000),
  });
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return { status: response.status, body: await response.json() };
};

const membersPath = (groupId = liveRoom, sdkAppId = app.sdkAppId) =>
  `apps/${sdkAppId}/groups/${encodeURIComponent(groupId)}/members`;

/** The accounts the API serves now (the snapshot), through the real API path. */
const servedAccounts = async (): Promise<string[]> => {
  const usersig = await generateUserSig({
    ...app,
    identifier: 'administrator',
    expireSeconds: 86400,
    issuedAt: startSeconds,
  });
  const query = new URLSearchParams({
    sdkappid: String(app.sdkAppId),
    identifier: 'administrator',
    usersig,
    random: '1',
    contenttype: 'json',
  });
  const response = await fetch(`${emulator.url}${apiPath}?${query}`, {
    method: 'POST',
    body: JSON.stringify({ GroupId: liveRoom, Timestamp: 0 }),
    signal: AbortSignal.timeout(5000),
  });
  const body = await response.json();
  expect(fitsSpec('getMembers', body), JSON.stringify(body)).toBe(true);
  return body.MemberList.map((m: { Member_Account: string }) => m.Member_Account);
};

const groundTruth = async (): Promise<string[]> => {
  const { body } = await control('GET', membersPath());
  return (body as { members: { account: string }[] }).members.map((m) => m.account);
};

describe('control API', () => {
  it('GET health', async () => {
    expect(await control('GET', 'health')).toEqual({ status: 200, body: { ok: true } });
  });

  it('GET stats counts API and control calls; POST stats/reset zeroes them', async () => {
    await servedAccounts();
    expect(await control('GET', 'stats')).toEqual({
      status: 200,
      body: { apiCalls: 1, byErrorCode: { 0: 1 }, faults: {}, busiestSecond: 1, controlCalls: 1 },
    });
    expect(await control('POST', 'stats/reset')).toEqual({
      status: 200,
      body: { apiCalls: 0, byErrorCode: {}, faults: {}, busiestSecond: 0, controlCalls: 0 },
    });
    expect(emulator.stats().controlCalls).toBe(0);
  });

  it('GET, POST and DELETE faults', async () => {
    expect(await control('GET', 'faults')).toEqual({ status: 200, body: { pending: [] } });
    expect(await control('POST', 'faults', { kind: 'latency', ms: 10, times: 2 })).toEqual({
      status: 200,
      body: {
        pending: [
          { kind: 'latency', ms: 10 },
          { kind: 'latency', ms: 10 },
        ],
      },
    });
    expect(await control('POST', 'faults', [{ kind: 'drop' }])).toMatchObject({
      status: 200,
      body: { pending: [{ kind: 'latency' }, { kind: 'latency' }, { kind: 'drop', ms: 5000 }] },
    });
    expect(emulator.faults.pending()).toHaveLength(3);
    expect(await control('DELETE', 'faults')).toEqual({ status: 200, body: { pending: [] } });
    expect(emulator.faults.pending()).toEqual([]);
  });

  it.each([
    {
      name: 'an unknown kind',
      body: { kind: 'slow' },
      want: 'faults[0].kind must be one of latency, html502, drop, truncate, systemError, apiError',
    },
    {
      name: 'two problems',
      body: [
        { kind: 'drop', times: 0 },
        { kind: 'latency', ms: -5 },
      ],
      want: 'faults[0].times must be an integer from 1 to 100000; faults[1].ms must be an integer from 0 to 600000',
    },
    { name: 'no body', body: undefined, want: 'faults[0] must be an object' },
    { name: 'a body that is not JSON', body: '{kind: drop}', want: 'the body is not JSON' },
  ])('refuses POST faults with $name: 400, queue unchanged', async ({ body, want }) => {
    expect(await control('POST', 'faults', body)).toEqual({ status: 400, body: { error: want } });
    expect(emulator.faults.pending()).toEqual([]);
  });

  it('GET groups', async () => {
    expect(await control('GET', 'groups')).toEqual({
      status: 200,
      body: {
        groups: [
          { sdkAppId: app.sdkAppId, groupId: liveRoom, type: 'AVChatRoom' },
          { sdkAppId: app.sdkAppId, groupId: 'custom/group id', type: 'Community' },
        ],
      },
    });
  });

  it('GET members: the ground truth, with URL-encoded group IDs', async () => {
    expect(await control('GET', membersPath())).toEqual({
      status: 200,
      body: {
        members: [
          { account: 'host', joinTime: startSeconds - 10, marks: [1000] },
          { account: 'guest', joinTime: startSeconds - 20, marks: [] },
        ],
      },
    });
    expect(await control('GET', membersPath('custom/group id'))).toEqual({
      status: 200,
      body: { members: [] },
    });
  });

  it('POST members joins one or many; the API serves them after POST snapshots/refresh', async () => {
    expect(
      await control('POST', membersPath(), { account: 'solo', joinTime: startSeconds + 1 }),
    ).toEqual({
      status: 200,
      body: { joined: 1 },
    });
    expect(
      await control('POST', membersPath(), [
        { account: 'pair1', joinTime: startSeconds + 2, nickName: 'Pair 1', marks: [1001] },
        { account: 'pair2', joinTime: startSeconds + 3, avatar: 'https://a/p2.png' },
      ]),
    ).toEqual({ status: 200, body: { joined: 2 } });
    expect(await groundTruth()).toEqual(['pair2', 'pair1', 'solo', 'host', 'guest']);
    expect(await servedAccounts()).toEqual(['host', 'guest']);
    expect(await control('POST', 'snapshots/refresh')).toEqual({
      status: 200,
      body: { refreshed: true },
    });
    expect(await servedAccounts()).toEqual(['pair2', 'pair1', 'solo', 'host', 'guest']);
  });

  it('POST members names the banned accounts it could not join', async () => {
    expect(
      await control('POST', membersPath(), [
        { account: 'troll', joinTime: startSeconds + 4 },
        { account: 'fan', joinTime: startSeconds + 5 },
      ]),
    ).toEqual({ status: 200, body: { joined: 1, banned: ['troll'] } });
    expect(await groundTruth()).not.toContain('troll');
    await control('DELETE', `${membersPath()}/fan`);
  });

  it('DELETE members/{account} answers whether the member was online', async () => {
    await control('POST', membersPath(), { account: 'a b/c@d', joinTime: startSeconds });
    expect(await control('DELETE', `${membersPath()}/${encodeURIComponent('a b/c@d')}`)).toEqual({
      status: 200,
      body: { left: true },
    });
    expect(await control('DELETE', `${membersPath()}/guest`)).toEqual({
      status: 200,
      body: { left: true },
    });
    expect(await control('DELETE', `${membersPath()}/guest`)).toEqual({
      status: 200,
      body: { left: false },
    });
    expect(await groundTruth()).toEqual(['host']);
  });

  it.each([
    { name: 'no account', body: { joinTime: startSeconds } },
    { name: 'an empty account', body: { account: '', joinTime: startSeconds } },
    { name: 'joinTime 0', body: { account: 'x', joinTime: 0 } },
    {
      name: 'joinTime in milliseconds as a string',
      body: { account: 'x', joinTime: String(startMs) },
    },
    { name: 'no body', body: undefined },
    { name: 'a nickName that is not a string', body: { account: 'x', joinTime: 1, nickName: 7 } },
    { name: 'an avatar that is not a string', body: { account: 'x', joinTime: 1, avatar: false } },
    {
      name: 'marks that are not a list of integers',
      body: { account: 'x', joinTime: 1, marks: 1000 },
    },
    { name: 'one bad member of two', body: [{ account: 'ok', joinTime: 1 }, { account: 'x' }] },
  ])('refuses POST members with $name: 400, nobody joins', async ({ body }) => {
    const { status, body: answer } = await control('POST', membersPath(), body);
    expect(status).toBe(400);
    expect(answer).toEqual({ error: expect.stringMatching(/^members\[\d\]/) });
    expect(await groundTruth()).toEqual(['host', 'guest']);
  });

  it.each([
    { method: 'GET', path: '', status: 404, error: 'no control route GET ' },
    { method: 'GET', path: 'nothing', status: 404, error: 'no control route GET nothing' },
    { method: 'POST', path: 'health', status: 404, error: 'no control route POST health' },
    {
      method: 'GET',
      path: 'apps/1400000001/groups/%40TGS%23nope/members',
      status: 404,
      error: 'no group @TGS#nope in app 1400000001',
    },
    {
      method: 'GET',
      path: 'apps/1400000009/groups/%40TGS%23aLIVEDEMO/members',
      status: 404,
      error: 'no group @TGS#aLIVEDEMO in app 1400000009',
    },
    {
      method: 'GET',
      path: 'apps/abc/groups/x/members',
      status: 404,
      error: 'no control route GET apps/abc/groups/x/members',
    },
    {
      method: 'PUT',
      path: 'apps/1400000001/groups/%40TGS%23aLIVEDEMO/members',
      status: 405,
      error: 'no control route PUT apps/1400000001/groups/%40TGS%23aLIVEDEMO/members',
    },
    {
      method: 'DELETE',
      path: 'apps/1400000001/groups/%40TGS%23aLIVEDEMO/members',
      status: 405,
      error: 'no control route DELETE apps/1400000001/groups/%40TGS%23aLIVEDEMO/members',
    },
    {
      method: 'GET',
      path: 'apps/1400000001/groups/%40TGS%23aLIVEDEMO/members/host',
      status: 405,
      error: 'no control route GET apps/1400000001/groups/%40TGS%23aLIVEDEMO/members/host',
    },
  ])('answers $method /__emulator/$path with $status', async ({ method, path, status, error }) => {
    expect(await control(method, path)).toEqual({ status, body: { error } });
  });

  it('answers a malformed percent-encoding with 400', async () => {
    const { status, body } = await control('GET', 'apps/1400000001/groups/%E0%A4%A/members');
    expect(status).toBe(400);
    expect(body).toEqual({ error: expect.any(String) });
  });
});

import { generateUserSig } from '@avchatroom/client';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type HarnessSettings,
  makeApiContext,
  specOperation,
} from '../test/support/api-harness.js';
import { answerProblems } from '../test/support/spec-answers.js';
import type { FailureBody, OnlineMemberBody, SuccessBody } from './api-answer.js';
import { answerApiRequest } from './api-request-answer.js';
import { createManualClock, type ManualClock } from './clock.js';
import type { EmulatorState } from './emulator-state.js';
import type { EmulatorSeed } from './seed.js';

type GetMembersPage = SuccessBody & { MemberList: OnlineMemberBody[]; NextTimestamp: number };
type GetMembersAnswer = FailureBody | GetMembersPage;

const startMs = Date.UTC(2026, 0, 1);
const startSeconds = startMs / 1000;
const proApp = { sdkAppId: 1400000001, secretKey: 'pro-secret-key' };
const basicApp = { sdkAppId: 1400000002, secretKey: 'basic-secret-key' };

const seed: EmulatorSeed = {
  randomSeed: 5,
  apps: [
    { ...proApp, admins: ['administrator', 'ops'] },
    { ...basicApp, admins: ['administrator'], edition: 'basic' },
  ],
  groups: [
    {
      sdkAppId: proApp.sdkAppId,
      groupId: '@TGS#aROOM',
      members: [
        {
          account: 'host',
          joinTime: startSeconds - 10,
          nickName: 'Host',
          avatar: 'https://a/h.png',
          marks: [1000],
        },
        { account: 'guest', joinTime: startSeconds - 20, marks: [1001] },
        { account: 'lurker', joinTime: startSeconds - 30 },
      ],
    },
    { sdkAppId: proApp.sdkAppId, groupId: '@TGS#aBIGROOM', crowd: { count: 1200 } },
    {
      sdkAppId: proApp.sdkAppId,
      groupId: '@TGS#_COMMUNITY',
      type: 'Community',
      crowd: { count: 3 },
    },
    { sdkAppId: proApp.sdkAppId, groupId: '@TGS#2WORK', type: 'Private', crowd: { count: 3 } },
    { sdkAppId: proApp.sdkAppId, groupId: 'public-group', type: 'Public' },
    { sdkAppId: proApp.sdkAppId, groupId: 'chat-room', type: 'ChatRoom' },
    { sdkAppId: basicApp.sdkAppId, groupId: '@TGS#aBASIC', crowd: { count: 100 } },
  ],
};

interface Harness {
  clock: ManualClock;
  state: EmulatorState;
  /** Answers one call; every answer is checked against the spec's response schema. */
  call: (query: Record<string, string | undefined>, body: unknown) => GetMembersAnswer;
}

const makeHarness = (settings: Partial<HarnessSettings> = {}): Harness => {
  const clock = createManualClock(startMs);
  const context = makeApiContext(seed, clock, settings);
  const { state } = context;
  return {
    clock,
    state,
    call: (query, body) => {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(query))
        if (value !== undefined) params.set(name, value);
      const raw = Buffer.isBuffer(body)
        ? body
        : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
      const answer = answerApiRequest(context, specOperation('getMembers'), {
        method: 'POST',
        query: params.toString(),
        rawBody: raw,
      }) as GetMembersAnswer;
      expect(answerProblems('getMembers', answer), JSON.stringify(answer)).toBe('');
      // The API's own shapes, and nothing more.
      expect(Object.keys(answer).sort()).toEqual(
        answer.ActionStatus === 'OK'
          ? ['ActionStatus', 'ErrorCode', 'ErrorInfo', 'MemberList', 'NextTimestamp']
          : ['ActionStatus', 'ErrorCode', 'ErrorInfo'],
      );
      expect(answer.ErrorCode === 0).toBe(answer.ActionStatus === 'OK');
      return answer;
    },
  };
};

const sigs = {} as Record<'admin' | 'ops' | 'viewer' | 'basicAdmin' | 'shortLived', string>;
beforeAll(async () => {
  const sign = (app: typeof proApp, identifier: string, expireSeconds = 86400) =>
    generateUserSig({ ...app, identifier, expireSeconds, issuedAt: startSeconds });
  sigs.admin = await sign(proApp, 'administrator');
  sigs.ops = await sign(proApp, 'ops');
  sigs.viewer = await sign(proApp, 'viewer');
  sigs.basicAdmin = await sign(basicApp, 'administrator');
  sigs.shortLived = await sign(proApp, 'administrator', 60);
});

const adminQuery = (overrides: Record<string, string | undefined> = {}) => ({
  sdkappid: String(proApp.sdkAppId),
  identifier: 'administrator',
  usersig: sigs.admin,
  random: '12345',
  contenttype: 'json',
  ...overrides,
});

const firstPage = { GroupId: '@TGS#aROOM', Timestamp: 0 };

const accountsOf = (answer: GetMembersAnswer): string[] =>
  'MemberList' in answer ? answer.MemberList.map((m) => m.Member_Account) : [];

describe('get_members through the shared checks and its handler', () => {
  it('answers the first page in the API shape', () => {
    const { call } = makeHarness();
    expect(call(adminQuery(), firstPage)).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      MemberList: [
        {
          Member_Account: 'host',
          JoinTime: startSeconds - 10,
          NickName: 'Host',
          Avatar: 'https://a/h.png',
        },
        { Member_Account: 'guest', JoinTime: startSeconds - 20 },
        { Member_Account: 'lurker', JoinTime: startSeconds - 30 },
      ],
      NextTimestamp: 0,
    });
  });

  it('checks in order: query, app, rate, UserSig, admin, body, group, group type', () => {
    // Each step fixes the first thing wrong; everything after it stays wrong.
    const { call } = makeHarness({ callsPerSecond: 1_000_000 });
    const steps: {
      name: string;
      query: Record<string, string | undefined>;
      body: unknown;
      want: number;
    }[] = [
      {
        name: 'query',
        query: adminQuery({ sdkappid: undefined, usersig: 'garbage', identifier: 'viewer' }),
        body: '{',
        want: 60012,
      },
      {
        name: 'app',
        query: adminQuery({ sdkappid: '1400000099', usersig: 'garbage', identifier: 'viewer' }),
        body: '{',
        want: 70020,
      },
      {
        name: 'UserSig',
        query: adminQuery({ usersig: 'garbage', identifier: 'viewer' }),
        body: '{',
        want: 70003,
      },
      {
        name: 'UserSig of another user',
        query: adminQuery({ identifier: 'viewer' }),
        body: '{',
        want: 70013,
      },
      {
        name: 'admin',
        query: adminQuery({ identifier: 'viewer', usersig: sigs.viewer }),
        body: '{',
        want: 60010,
      },
      { name: 'body JSON', query: adminQuery(), body: '{', want: 60003 },
      { name: 'body fields', query: adminQuery(), body: { GroupId: '@TGS#nope' }, want: 10004 },
      {
        name: 'group ID',
        query: adminQuery(),
        body: { GroupId: '@TGS#no pe', Timestamp: 0 },
        want: 10015,
      },
      {
        name: 'group',
        query: adminQuery(),
        body: { GroupId: '@TGS#nope', Timestamp: 0 },
        want: 10010,
      },
      {
        name: 'group type',
        query: adminQuery(),
        body: { GroupId: '@TGS#2WORK', Timestamp: 0 },
        want: 10007,
      },
      { name: 'nothing wrong', query: adminQuery(), body: firstPage, want: 0 },
    ];
    expect(
      steps.map(({ name, query, body }) => ({ name, code: call(query, body).ErrorCode })),
    ).toEqual(steps.map(({ name, want }) => ({ name, code: want })));
  });

  it('checks the rate after the app and before the UserSig', () => {
    const { call } = makeHarness({ callsPerSecond: 2 });
    // Calls for an app that does not exist do not count.
    expect(call(adminQuery({ sdkappid: '1400000099' }), firstPage).ErrorCode).toBe(70020);
    // Calls with a bad UserSig count: the limit is checked first.
    expect(call(adminQuery({ usersig: 'garbage' }), firstPage).ErrorCode).toBe(70003);
    expect(call(adminQuery(), firstPage).ErrorCode).toBe(0);
    expect(call(adminQuery({ usersig: 'garbage' }), firstPage)).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 60007,
      ErrorInfo:
        'The REST API call frequency is over the limit. Lower the request rate. (over 2 calls per second)',
    });
    // The other app has its own quota.
    expect(
      call(adminQuery({ sdkappid: String(basicApp.sdkAppId), usersig: sigs.basicAdmin }), {
        GroupId: '@TGS#aBASIC',
        Timestamp: 0,
      }).ErrorCode,
    ).toBe(0);
  });

  it.each([
    { rateLimitErrorCode: 60007 },
    { rateLimitErrorCode: 60011 },
    { rateLimitErrorCode: 60018 },
  ])(
    'refuses call 201 in one second with code $rateLimitErrorCode, and serves again a second later',
    ({ rateLimitErrorCode }) => {
      const { call, clock } = makeHarness({ rateLimitErrorCode, callsPerSecond: 200 });
      const codes = Array.from({ length: 201 }, () => call(adminQuery(), firstPage).ErrorCode);
      expect(codes.slice(0, 200).every((code) => code === 0)).toBe(true);
      expect(codes[200]).toBe(rateLimitErrorCode);
      clock.advance(999);
      expect(call(adminQuery(), firstPage).ErrorCode).toBe(rateLimitErrorCode);
      clock.advance(1);
      expect(call(adminQuery(), firstPage).ErrorCode).toBe(0);
    },
  );

  it.each([
    // A sig of the pro app sent with the basic app's SDKAppID.
    {
      name: 'made for another app',
      query: () => adminQuery({ sdkappid: String(basicApp.sdkAppId) }),
      want: 70014,
    },
    {
      name: 'that does not inflate',
      query: () => adminQuery({ usersig: 'eJyrVgrxCdYrVrJSMjIwMtRRUDI0' }),
      want: 70003,
    },
    { name: 'that is empty', query: () => adminQuery({ usersig: '' }), want: 70002 },
  ])('refuses a UserSig $name', ({ query, want }) => {
    const { call } = makeHarness();
    expect(call(query(), firstPage).ErrorCode).toBe(want);
  });

  it('refuses a UserSig signed with another key (70009)', async () => {
    const { call } = makeHarness();
    const forged = await generateUserSig({
      sdkAppId: proApp.sdkAppId,
      identifier: 'administrator',
      secretKey: 'not-the-key',
      expireSeconds: 86400,
      issuedAt: startSeconds,
    });
    expect(call(adminQuery({ usersig: forged }), firstPage).ErrorCode).toBe(70009);
  });

  it('refuses an expired UserSig by the emulator clock (70001)', () => {
    const { call, clock } = makeHarness();
    clock.advance(60_000);
    expect(call(adminQuery({ usersig: sigs.shortLived }), firstPage).ErrorCode).toBe(0);
    clock.advance(1_000);
    expect(call(adminQuery({ usersig: sigs.shortLived }), firstPage)).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 70001,
      ErrorInfo: 'The UserSig has expired. Generate a new one.',
    });
  });

  it('lets every App admin call, and nobody else', () => {
    const { call } = makeHarness();
    expect(call(adminQuery({ identifier: 'ops', usersig: sigs.ops }), firstPage).ErrorCode).toBe(0);
    expect(call(adminQuery({ identifier: 'viewer', usersig: sigs.viewer }), firstPage)).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 60010,
      ErrorInfo: 'The request needs App admin permissions. (identifier is not an App admin)',
    });
  });

  it.each([
    { groupId: '@TGS#aROOM', want: 0 },
    { groupId: '@TGS#_COMMUNITY', want: 0 },
    { groupId: '@TGS#2WORK', want: 10007 },
    { groupId: 'public-group', want: 10007 },
    { groupId: 'chat-room', want: 10007 },
    // A group of another app is not found through this app.
    { groupId: '@TGS#aBASIC', want: 10010 },
  ])('answers $want for group $groupId', ({ groupId, want }) => {
    const { call } = makeHarness();
    expect(call(adminQuery(), { GroupId: groupId, Timestamp: 0 }).ErrorCode).toBe(want);
  });

  it('pages 1,200 members: the 1,000 latest in pages of 500, NextTimestamp chaining to 0', () => {
    const { call, state } = makeHarness();
    const sizes: number[] = [];
    const listed: string[] = [];
    let timestamp = 0;
    for (let page = 0; page < 10; page++) {
      const answer = call(adminQuery(), {
        GroupId: '@TGS#aBIGROOM',
        Timestamp: timestamp,
      }) as GetMembersPage;
      expect(answer.ErrorCode).toBe(0);
      sizes.push(answer.MemberList.length);
      listed.push(...accountsOf(answer));
      timestamp = answer.NextTimestamp;
      if (timestamp === 0) break;
    }
    const latest = state.onlineMembers(proApp.sdkAppId, '@TGS#aBIGROOM').slice(0, 1000);
    // Pages run past 500 only to keep members of one second together.
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(sizes.length).toBeLessThanOrEqual(2);
    expect(listed).toEqual(latest.map((m) => m.account));
  });

  it('uses the configured page size (the Chinese page says 250)', () => {
    const { call } = makeHarness({ pageSize: 2 });
    const first = call(adminQuery(), firstPage) as GetMembersPage;
    expect(accountsOf(first)).toEqual(['host', 'guest']);
    expect(first.NextTimestamp).toBe(startSeconds - 30);
    const second = call(adminQuery(), {
      ...firstPage,
      Timestamp: first.NextTimestamp,
    }) as GetMembersPage;
    expect(accountsOf(second)).toEqual(['lurker']);
    expect(second.NextTimestamp).toBe(0);
  });

  it.each([
    { mark: 1000, want: ['host'] },
    { mark: 1001, want: ['guest'] },
    { mark: 0, want: ['host', 'guest', 'lurker'] },
    { mark: 1002, want: [] },
  ])('filters by Mark $mark', ({ mark, want }) => {
    const { call } = makeHarness();
    expect(accountsOf(call(adminQuery(), { ...firstPage, Mark: mark }))).toEqual(want);
  });

  it('lists only the 30 latest members for a basic edition app, with ErrorCode 0', () => {
    const { call, state } = makeHarness();
    const answer = call(
      adminQuery({ sdkappid: String(basicApp.sdkAppId), usersig: sigs.basicAdmin }),
      {
        GroupId: '@TGS#aBASIC',
        Timestamp: 0,
      },
    );
    expect(answer).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, NextTimestamp: 0 });
    expect(accountsOf(answer)).toEqual(
      state
        .onlineMembers(basicApp.sdkAppId, '@TGS#aBASIC')
        .slice(0, 30)
        .map((m) => m.account),
    );
  });

  it('serves a snapshot that shows joins and leaves only after snapshotRefreshMs', () => {
    const { call, clock, state } = makeHarness();
    expect(accountsOf(call(adminQuery(), firstPage))).toEqual(['host', 'guest', 'lurker']);
    clock.advance(5_000);
    state.join(proApp.sdkAppId, '@TGS#aROOM', { account: 'newcomer', joinTime: startSeconds + 5 });
    state.leave(proApp.sdkAppId, '@TGS#aROOM', 'guest');
    expect(state.onlineMembers(proApp.sdkAppId, '@TGS#aROOM').map((m) => m.account)).toEqual([
      'newcomer',
      'host',
      'lurker',
    ]);
    expect(accountsOf(call(adminQuery(), firstPage))).toEqual(['host', 'guest', 'lurker']);
    clock.advance(34_999);
    expect(accountsOf(call(adminQuery(), firstPage))).toEqual(['host', 'guest', 'lurker']);
    clock.advance(1);
    expect(accountsOf(call(adminQuery(), firstPage))).toEqual(['newcomer', 'host', 'lurker']);
  });

  it('refreshes on every call with snapshotRefreshMs 0', () => {
    const { call, state } = makeHarness({ snapshotRefreshMs: 0 });
    state.leave(proApp.sdkAppId, '@TGS#aROOM', 'host');
    expect(accountsOf(call(adminQuery(), firstPage))).toEqual(['guest', 'lurker']);
  });

  it('answers an empty last page for a cursor past everyone', () => {
    const { call } = makeHarness();
    expect(call(adminQuery(), { ...firstPage, Timestamp: 1 })).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      MemberList: [],
      NextTimestamp: 0,
    });
  });

  it.each([
    { name: 'non-UTF-8 bytes', body: Buffer.from([0x7b, 0xff, 0x7d]), want: 60003 },
    { name: 'an empty body', body: '', want: 60003 },
    { name: 'a JSON array', body: [], want: 10004 },
    { name: 'a negative Timestamp', body: { ...firstPage, Timestamp: -1 }, want: 10004 },
    { name: 'a GroupId of 49 bytes', body: { GroupId: 'g'.repeat(49), Timestamp: 0 }, want: 10015 },
  ])('refuses a body with $name ($want), within the spec', ({ body, want }) => {
    const { call } = makeHarness();
    expect(call(adminQuery(), body).ErrorCode).toBe(want);
  });
});

import { generateUserSig } from '@avchatroom/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCaller, specOperation } from '../test/support/api-harness.js';
import { exampleAccounts } from '../test/support/example-accounts.js';
import type { EmulatorSeed } from './seed.js';
import { bundledSpec } from './spec-facts.js';

const startMs = Date.UTC(2026, 0, 1);
const startSeconds = startMs / 1000;
const pro = { sdkAppId: 1400000001, secretKey: 'shared-pro-key' };
const basic = { sdkAppId: 1400000002, secretKey: 'shared-basic-key' };

const seed: EmulatorSeed = {
  apps: [
    { ...pro, admins: ['administrator'] },
    { ...basic, admins: ['administrator'], edition: 'basic' },
  ],
  groups: [
    {
      sdkAppId: pro.sdkAppId,
      groupId: '@TGS#aROOM',
      // Everyone the request examples name is online, so each example can succeed.
      members: exampleAccounts(bundledSpec.operations).map((account) => ({
        account,
        joinTime: startSeconds - 1,
      })),
    },
    { sdkAppId: pro.sdkAppId, groupId: '@TGS#_COMMUNITY', type: 'Community' },
    { sdkAppId: pro.sdkAppId, groupId: '@TGS#2WORK', type: 'Private' },
    { sdkAppId: basic.sdkAppId, groupId: '@TGS#aBASIC' },
  ],
};

/** A group of the type the operation serves. */
const groupFor = (operationId: string): string =>
  specOperation(operationId).requirements.groupTypes?.includes('AVChatRoom')
    ? '@TGS#aROOM'
    : '@TGS#_COMMUNITY';

/** The operation's first request example, on a group of the seed. */
const goodBody = (operationId: string): Record<string, unknown> => {
  const [example] = Object.values(specOperation(operationId).requestExamples);
  return { ...(example as Record<string, unknown>), GroupId: groupFor(operationId) };
};

const operationIds = bundledSpec.operations.map((operation) => operation.operationId);

const sigs = { viewer: '', otherKey: '', basicAdmin: '' };
beforeAll(async () => {
  const sign = (app: typeof pro, identifier: string) =>
    generateUserSig({ ...app, identifier, expireSeconds: 86_400, issuedAt: startSeconds });
  sigs.viewer = await sign(pro, 'viewer');
  sigs.otherKey = await sign({ ...pro, secretKey: 'another-key' }, 'administrator');
  sigs.basicAdmin = await sign(basic, 'administrator');
});

describe('the checks every operation shares, once, before its handler', () => {
  it('covers every operation of the spec', () => {
    expect(operationIds).toEqual(
      expect.arrayContaining([
        'getMembers',
        'getOnlineMemberNum',
        'modifyUserInfo',
        'checkMembers',
      ]),
    );
    expect(operationIds.length).toBeGreaterThanOrEqual(9);
  });

  describe.each(operationIds)('%s', (operationId) => {
    it('answers its first request example on a seeded group', async () => {
      const { call } = await makeCaller(seed, startMs);
      expect(call(operationId, goodBody(operationId)).ErrorCode).toBe(0);
    });

    it.each([
      { name: 'no sdkappid', query: { sdkappid: '' }, want: 60012 },
      { name: 'an unknown app', query: { sdkappid: '1400009999' }, want: 70020 },
      { name: 'no identifier', query: { identifier: '' }, want: 60004 },
      { name: 'no usersig', query: { usersig: '' }, want: 70002 },
      { name: 'a random over 32 bits', query: { random: '4294967296' }, want: 60002 },
      { name: 'an unreadable UserSig', query: { usersig: 'not-a-sig' }, want: 70003 },
      {
        name: 'a UserSig signed with another key',
        query: () => ({ usersig: sigs.otherKey }),
        want: 70009,
      },
      {
        name: 'an identifier that is not an App admin',
        query: () => ({ identifier: 'viewer', usersig: sigs.viewer }),
        want: 60010,
      },
    ])('answers a call with $name: $want', async ({ query, want }) => {
      const { call } = await makeCaller(seed, startMs);
      const overrides = (typeof query === 'function' ? query() : query) as Record<string, string>;
      expect(call(operationId, goodBody(operationId), overrides).ErrorCode).toBe(want);
    });

    it.each([
      { name: 'not JSON', body: '{"GroupId":', want: 60003 },
      { name: 'a JSON array', body: '[]', want: 10004 },
      { name: 'an unknown group', patch: { GroupId: '@TGS#aNOSUCH' }, want: 10010 },
      { name: 'a group ID the API never issues', patch: { GroupId: '@TGS#a-b' }, want: 10015 },
      {
        name: 'a group of a type it does not serve',
        patch: { GroupId: '@TGS#2WORK' },
        want: 10007,
      },
    ])('answers a body with $name: $want', async ({ body, patch, want }) => {
      const { call } = await makeCaller(seed, startMs);
      expect(call(operationId, body ?? { ...goodBody(operationId), ...patch }).ErrorCode).toBe(
        want,
      );
    });

    it('answers 10004 naming each required field left out', async () => {
      const { call } = await makeCaller(seed, startMs);
      for (const field of specOperation(operationId).requestSchema.required ?? []) {
        const { [field]: _left, ...body } = goodBody(operationId);
        const answer = call(operationId, body);
        expect([answer.ErrorCode, answer.ErrorInfo]).toEqual([
          10004,
          expect.stringContaining(`${field} is required`),
        ]);
      }
    });

    it("limits its own calls per SDKAppID at the spec's rate, apart from other operations", async () => {
      const { callsPerSecond } = specOperation(operationId);
      const { call, clock } = await makeCaller(seed, startMs, { snapshotRefreshMs: 0 });
      const other = operationIds.find((id) => id !== operationId) as string;
      const codes = Array.from(
        { length: (callsPerSecond as number) + 1 },
        () => call(operationId, goodBody(operationId)).ErrorCode,
      );
      expect(codes.slice(0, -1).every((code) => code === 0 || code === 10004)).toBe(true);
      expect(codes.at(-1)).toBe(60007);
      expect(call(other, goodBody(other)).ErrorCode).not.toBe(60007);
      clock.advance(1000);
      expect(call(operationId, goodBody(operationId)).ErrorCode).not.toBe(60007);
    });

    it.skipIf(groupFor(operationId) !== '@TGS#aROOM')(
      'refuses an app below the required editions (10007), unless the operation cuts its answer instead',
      async () => {
        const { call } = await makeCaller(seed, startMs);
        const { editions } = specOperation(operationId).requirements;
        const body = { ...goodBody(operationId), GroupId: '@TGS#aBASIC' };
        const query = { sdkappid: String(basic.sdkAppId), usersig: sigs.basicAdmin };
        const refused = editions !== undefined && operationId !== 'getMembers';
        expect(call(operationId, body, query).ErrorCode === 10007).toBe(refused);
      },
    );
  });
});

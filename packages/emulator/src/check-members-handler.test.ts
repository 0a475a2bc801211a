import { describe, expect, it } from 'vitest';
import { makeCaller } from '../test/support/api-harness.js';
import type { EmulatorSeed } from './seed.js';

const startMs = Date.UTC(2026, 0, 1);
const startSeconds = startMs / 1000;
const sdkAppId = 1400000001;
const room = '@TGS#aROOM';

const seed: EmulatorSeed = {
  apps: [{ sdkAppId, secretKey: 'check-test-key', admins: ['administrator'] }],
  groups: [
    // 1,200 members who joined before "early", so "early" is past get_members' 1,000 latest.
    {
      sdkAppId,
      groupId: room,
      members: [{ account: 'early', joinTime: 1 }],
      crowd: { count: 1200, accountPrefix: 'v' },
    },
  ],
};

const check = (accounts: string[]) => ({ GroupId: room, Member_Account: accounts });

describe('check_members', () => {
  it.each([
    {
      name: 'members beyond the 1,000 cap',
      asked: ['early', 'v1', 'v1200'],
      want: ['early', 'v1', 'v1200'],
    },
    {
      name: 'only those in the room, in the order asked',
      asked: ['ghost', 'v7', 'nobody', 'v3'],
      want: ['v7', 'v3'],
    },
    { name: 'an account asked twice, once', asked: ['v2', 'v2'], want: ['v2'] },
    { name: 'nobody in the room', asked: ['ghost'], want: [] },
  ])('answers $name', async ({ asked, want }) => {
    const { call } = await makeCaller(seed, startMs);
    expect(call('checkMembers', check(asked))).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      Member_Account: want,
    });
  });

  it('answers from the served snapshot: joins and leaves show after its refresh', async () => {
    const { call, state, clock } = await makeCaller(seed, startMs);
    state.join(sdkAppId, room, { account: 'late', joinTime: startSeconds });
    state.leave(sdkAppId, room, 'early');
    expect(call('checkMembers', check(['late', 'early'])).Member_Account).toEqual(['early']);
    clock.advance(40_000);
    expect(call('checkMembers', check(['late', 'early'])).Member_Account).toEqual(['late']);
  });

  it('refuses an empty list with 10004', async () => {
    const { call } = await makeCaller(seed, startMs);
    expect(call('checkMembers', check([]))).toMatchObject({ ErrorCode: 10004 });
  });
});

import { describe, expect, it } from 'vitest';
import { makeCaller } from '../test/support/api-harness.js';
import type { EmulatorSeed } from './seed.js';

const startMs = Date.UTC(2026, 0, 1);
const startSeconds = startMs / 1000;
const sdkAppId = 1400000001;

const seed: EmulatorSeed = {
  apps: [{ sdkAppId, secretKey: 'count-test-key', admins: ['administrator'] }],
  groups: [
    { sdkAppId, groupId: '@TGS#aSMALL', crowd: { count: 298 } },
    { sdkAppId, groupId: '@TGS#aLARGE', crowd: { count: 1500 } },
    { sdkAppId, groupId: '@TGS#aEMPTY' },
    { sdkAppId, groupId: '@TGS#_COMMUNITY', type: 'Community', crowd: { count: 3 } },
  ],
};

const count = (call: (id: string, body: unknown) => Record<string, unknown>, groupId: string) =>
  call('getOnlineMemberNum', { GroupId: groupId }).OnlineMemberNum;

describe('get_online_member_num', () => {
  it('counts every member online, beyond get_members’ 1,000', async () => {
    const { call } = await makeCaller(seed, startMs);
    expect(count(call, '@TGS#aLARGE')).toBe(1500);
    expect(count(call, '@TGS#aEMPTY')).toBe(0);
    const listed = call('getMembers', { GroupId: '@TGS#aLARGE', Timestamp: 0 });
    expect(listed.NextTimestamp).not.toBe(0);
  });

  it.each([
    // 298 + 1 = 299 online: below 300, the count follows at once.
    { name: 'below 300 online: at once', groupId: '@TGS#aSMALL', atMs: [0], want: [298, 299] },
    {
      name: 'from 300 online: after the 10 s refresh',
      groupId: '@TGS#aLARGE',
      atMs: [0, 9_999, 10_000],
      want: [1500, 1500, 1500, 1501],
    },
  ])('shows a join $name', async ({ groupId, atMs, want }) => {
    const { call, clock, state } = await makeCaller(seed, startMs);
    const seen = [count(call, groupId)];
    state.join(sdkAppId, groupId, { account: 'newcomer', joinTime: startSeconds });
    for (const ms of atMs) {
      clock.set(startMs + ms);
      seen.push(count(call, groupId));
    }
    expect(seen).toEqual(want);
  });

  it('refuses a Community group (the spec names AVChatRoom only) with 10007', async () => {
    const { call } = await makeCaller(seed, startMs);
    expect(call('getOnlineMemberNum', { GroupId: '@TGS#_COMMUNITY' })).toMatchObject({
      ErrorCode: 10007,
    });
  });

  it('counts a Community group on the Community variant, refreshed every 4 minutes', async () => {
    const { call, clock, state } = await makeCaller(seed, startMs);
    const communityCount = () =>
      call('getCommunityOnlineMemberNum', { GroupId: '@TGS#_COMMUNITY' }).OnlineMemberNum;
    expect(communityCount()).toBe(3);
    state.join(sdkAppId, '@TGS#_COMMUNITY', { account: 'newcomer', joinTime: startSeconds });
    clock.advance(239_999);
    expect(communityCount()).toBe(3);
    clock.advance(1);
    expect(communityCount()).toBe(4);
    expect(call('getCommunityOnlineMemberNum', { GroupId: '@TGS#aSMALL' })).toMatchObject({
      ErrorCode: 10007,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { makeCaller } from '../test/support/api-harness.js';
import type { EmulatorSeed } from './seed.js';

const startMs = Date.UTC(2026, 0, 1);
const startSeconds = startMs / 1000;
const room = '@TGS#aROOM';
const sdkAppId = 1400000001;

const seed: EmulatorSeed = {
  apps: [{ sdkAppId, secretKey: 'ban-test-key', admins: ['administrator'] }],
  groups: [
    {
      sdkAppId,
      groupId: room,
      members: [
        { account: 'a', joinTime: startSeconds - 10, marks: [1000] },
        { account: 'b', joinTime: startSeconds - 20 },
      ],
      bans: [{ account: 'old', bannedUntil: startSeconds + 30 }],
    },
  ],
};

const ban = (accounts: string[], duration: number, description?: string) => ({
  GroupId: room,
  Members_Account: accounts,
  Duration: duration,
  ...(description !== undefined && { Description: description }),
});

const start = async () => {
  const caller = await makeCaller(seed, startMs, { snapshotRefreshMs: 0 });
  const bans = (offset = 0, limit?: number) =>
    caller.call('getGroupBanMember', {
      GroupId: room,
      Offset: offset,
      ...(limit !== undefined && { Limit: limit }),
    });
  const online = () => caller.state.onlineMembers(sdkAppId, room).map((m) => m.account);
  return { ...caller, bans, online };
};

describe('ban_group_member, unban_group_member, get_group_ban_member', () => {
  it('bans for Duration seconds: the member leaves, is listed, and cannot rejoin until the end', async () => {
    const { call, bans, online, state, clock } = await start();
    expect(call('banGroupMember', ban(['a', 'nobody'], 60, 'spam'))).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
    });
    expect(online()).toEqual(['b']);
    expect(bans()).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      BannedAccountList: [
        { Member_Account: 'old', BannedUntil: startSeconds + 30 },
        { Member_Account: 'a', BannedUntil: startSeconds + 60 },
        { Member_Account: 'nobody', BannedUntil: startSeconds + 60 },
      ],
      NextOffset: 0,
    });
    expect(state.join(sdkAppId, room, { account: 'a', joinTime: startSeconds })).toBe(false);
    clock.advance(30_000);
    expect((bans().BannedAccountList as unknown[]).length).toBe(2);
    clock.advance(30_000);
    expect(bans().BannedAccountList).toEqual([]);
    expect(state.join(sdkAppId, room, { account: 'a', joinTime: startSeconds + 60 })).toBe(true);
    expect(state.onlineMembers(sdkAppId, room)[0]).toEqual({
      account: 'a',
      joinTime: startSeconds + 60,
      marks: [],
    });
  });

  it('unbans: the account may rejoin; unbanning an account not banned is no error', async () => {
    const { call, bans, state } = await start();
    call('banGroupMember', ban(['a'], 600));
    expect(call('unbanGroupMember', { GroupId: room, Members_Account: ['a', 'b'] }).ErrorCode).toBe(
      0,
    );
    expect(bans().BannedAccountList).toEqual([
      { Member_Account: 'old', BannedUntil: startSeconds + 30 },
    ]);
    expect(state.join(sdkAppId, room, { account: 'a', joinTime: startSeconds })).toBe(true);
  });

  it('pages by Offset and Limit until NextOffset is 0; Limit defaults to the spec maxLimit', async () => {
    const { call, bans } = await start();
    const accounts = Array.from({ length: 20 }, (_, i) => `u${i}`);
    for (let i = 0; i < 6; i++) call('banGroupMember', ban(accounts, 60 + i));
    const seen: string[] = [];
    let offset = 0;
    let pages = 0;
    do {
      const page = bans(offset, 7);
      seen.push(
        ...(page.BannedAccountList as { Member_Account: string }[]).map((b) => b.Member_Account),
      );
      offset = page.NextOffset as number;
      pages++;
    } while (offset !== 0 && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(['old', ...accounts]);
    // Banning again extends the same bans in place: 21 bans, one page at the default Limit.
    expect(bans().BannedAccountList).toHaveLength(21);
    expect(bans().NextOffset).toBe(0);
  });

  it.each([
    { name: 'Duration 0', body: ban(['a'], 0), detail: 'Duration' },
    {
      name: 'a Description over 1,000 bytes',
      body: ban(['a'], 60, '禁'.repeat(334)),
      detail: '1000 bytes',
    },
    {
      name: '21 accounts',
      body: ban(
        Array.from({ length: 21 }, (_, i) => `u${i}`),
        60,
      ),
      detail: 'at most 20',
    },
    { name: 'a Duration over 32 bits', body: ban(['a'], 2 ** 32), detail: 'Duration' },
    {
      name: 'no Duration',
      body: { GroupId: room, Members_Account: ['a'] },
      detail: 'Duration is required',
    },
  ])('refuses a ban with $name (10004), banning nobody', async ({ body, detail }) => {
    const { call, online } = await start();
    const answer = call('banGroupMember', body);
    expect(answer).toMatchObject({ ErrorCode: 10004 });
    expect(answer.ErrorInfo).toContain(detail);
    expect(online()).toEqual(['a', 'b']);
  });

  it.each([
    { name: 'a Limit of 0', body: { GroupId: room, Offset: 0, Limit: 0 } },
    { name: 'a Limit over 100', body: { GroupId: room, Offset: 0, Limit: 101 } },
    { name: 'no Offset', body: { GroupId: room } },
    { name: 'a negative Offset', body: { GroupId: room, Offset: -1 } },
  ])('refuses a listing with $name (10004)', async ({ body }) => {
    const { call } = await start();
    expect(call('getGroupBanMember', body)).toMatchObject({ ErrorCode: 10004 });
  });

  it('accepts a Description of exactly 1,000 bytes', async () => {
    const { call } = await start();
    expect(call('banGroupMember', ban(['a'], 60, 'x'.repeat(1000))).ErrorCode).toBe(0);
  });
});

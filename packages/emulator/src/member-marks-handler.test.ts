import { describe, expect, it } from 'vitest';
import { makeCaller } from '../test/support/api-harness.js';
import type { EmulatorSeed } from './seed.js';

const startMs = Date.UTC(2026, 0, 1);
const startSeconds = startMs / 1000;
const room = '@TGS#aROOM';

const seed: EmulatorSeed = {
  apps: [{ sdkAppId: 1400000001, secretKey: 'marks-test-key', admins: ['administrator'] }],
  groups: [
    {
      sdkAppId: 1400000001,
      groupId: room,
      members: [
        { account: 'a', joinTime: startSeconds - 10 },
        { account: 'b', joinTime: startSeconds - 20 },
        { account: 'c', joinTime: startSeconds - 30, marks: [1000] },
      ],
    },
    { sdkAppId: 1400000001, groupId: '@TGS#aBIG', crowd: { count: 1001, accountPrefix: 'v' } },
  ],
};

const marks = (commandType: number, list: [string, number[]][], groupId = room) => ({
  GroupId: groupId,
  CommandType: commandType,
  MemberList: list.map(([account, accountMarks]) => ({
    Member_Account: account,
    Marks: accountMarks,
  })),
});
const set = (list: [string, number[]][], groupId?: string) => marks(1, list, groupId);
const remove = (list: [string, number[]][]) => marks(2, list);

/** A caller whose snapshot refreshes on every call, with a way to list a mark. */
const start = async () => {
  const caller = await makeCaller(seed, startMs, { snapshotRefreshMs: 0, pageSize: 1000 });
  const listed = (mark: number, groupId = room): string[] => {
    const answer = caller.call('getMembers', { GroupId: groupId, Timestamp: 0, Mark: mark });
    return (answer.MemberList as { Member_Account: string }[]).map((m) => m.Member_Account);
  };
  return { ...caller, listed };
};

describe('modify_user_info', () => {
  it.each([
    {
      name: 'sets a mark on online members; get_members lists them by it',
      body: set([
        ['a', [1000]],
        ['b', [1000, 1001]],
      ]),
      want: {
        CommandType: 1,
        MemberList: set([
          ['a', [1000]],
          ['b', [1000, 1001]],
        ]).MemberList,
      },
      listed: { 1000: ['a', 'b', 'c'], 1001: ['b'] },
    },
    {
      name: 'leaves out accounts that are not online',
      body: set([
        ['ghost', [1000]],
        ['a', [1002]],
      ]),
      want: { CommandType: 1, MemberList: set([['a', [1002]]]).MemberList },
      listed: { 1002: ['a'] },
    },
    {
      name: 'sets the special mark 500 on an account that is not online',
      body: set([['ghost', [500, 1000]]]),
      want: { CommandType: 1, MemberList: set([['ghost', [500]]]).MemberList },
      listed: { 500: [], 1000: ['c'] },
    },
    {
      name: 'deletes marks, and deleting a mark a member lacks is no error',
      body: remove([
        ['c', [1000]],
        ['a', [1000]],
      ]),
      want: {
        CommandType: 2,
        MemberList: remove([
          ['c', [1000]],
          ['a', [1000]],
        ]).MemberList,
      },
      listed: { 1000: [] },
    },
    {
      name: 'lists a member once when MemberList names them twice',
      body: set([
        ['a', [1003]],
        ['a', [1003]],
      ]),
      want: {
        CommandType: 1,
        MemberList: set([
          ['a', [1003]],
          ['a', [1003]],
        ]).MemberList,
      },
      listed: { 1003: ['a'] },
    },
  ])('$name', async ({ body, want, listed }) => {
    const { call, listed: list } = await start();
    expect(call('modifyUserInfo', body)).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      ...want,
    });
    for (const [mark, accounts] of Object.entries(listed))
      expect(list(Number(mark))).toEqual(accounts);
  });

  it.each([
    { name: 'no account online', body: set([['ghost', [1000]]]), detail: 'online' },
    { name: 'a mark below 1000 other than 500', body: set([['a', [999]]]), detail: 'mark 999' },
    {
      name: 'CommandType 3',
      body: { ...set([['a', [1000]]]), CommandType: 3 },
      detail: 'CommandType',
    },
    { name: 'an empty MemberList', body: set([]), detail: 'MemberList' },
    { name: 'an empty Marks list', body: set([['a', []]]), detail: 'Marks' },
    {
      name: '501 accounts (the spec caps a call at 500)',
      body: set(
        Array.from({ length: 501 }, (_, i) => [`v${i + 1}`, [1000]] as [string, number[]]),
        '@TGS#aBIG',
      ),
      detail: 'at most 500',
    },
  ])('refuses $name with 10004, changing nothing', async ({ body, detail }) => {
    const { call, listed } = await start();
    const answer = call('modifyUserInfo', body);
    expect(answer).toMatchObject({ ErrorCode: 10004 });
    expect(answer.ErrorInfo).toContain(detail);
    expect(listed(1000)).toEqual(['c']);
  });

  it('refuses an 11th different mark in a group (10 at most), setting none of the call', async () => {
    const { call, listed } = await start();
    const nine = Array.from({ length: 9 }, (_, i) => 1001 + i);
    expect(call('modifyUserInfo', set([['a', nine]])).ErrorCode).toBe(0);
    const answer = call('modifyUserInfo', set([['b', [1000, 2000]]]));
    expect(answer).toMatchObject({ ErrorCode: 10004 });
    expect(answer.ErrorInfo).toContain('at most 10 different marks');
    expect(listed(1000)).toEqual(['c']);
    // The special mark is not one of the 10; a mark no longer carried frees its place.
    expect(call('modifyUserInfo', set([['b', [500]]])).ErrorCode).toBe(0);
    expect(call('modifyUserInfo', remove([['a', [1009]]])).ErrorCode).toBe(0);
    expect(call('modifyUserInfo', set([['b', [2000]]])).ErrorCode).toBe(0);
    expect(listed(2000)).toEqual(['b']);
  });

  it('refuses a 1,001st member for one mark', async () => {
    const { call, listed } = await start();
    const accounts = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => [`v${from + i}`, [1000]] as [string, number[]]);
    expect(call('modifyUserInfo', set(accounts(1, 500), '@TGS#aBIG')).ErrorCode).toBe(0);
    expect(call('modifyUserInfo', set(accounts(501, 500), '@TGS#aBIG')).ErrorCode).toBe(0);
    const answer = call('modifyUserInfo', set(accounts(1001, 1), '@TGS#aBIG'));
    expect(answer).toMatchObject({ ErrorCode: 10004 });
    expect(answer.ErrorInfo).toContain('at most 1000 members');
    // Setting a mark again on a member who carries it adds nobody.
    expect(call('modifyUserInfo', set(accounts(1, 1), '@TGS#aBIG')).ErrorCode).toBe(0);
    expect(listed(1000, '@TGS#aBIG')).toHaveLength(1000);
  });

  it('clears marks when a member leaves, keeps the special mark across leaving', async () => {
    const { call, listed, state } = await start();
    call('modifyUserInfo', set([['a', [500, 1001]]]));
    call('modifyUserInfo', set([['ghost', [500]]]));
    state.leave(1400000001, room, 'a');
    expect(listed(1001)).toEqual([]);
    state.join(1400000001, room, { account: 'a', joinTime: startSeconds });
    state.join(1400000001, room, { account: 'ghost', joinTime: startSeconds - 1 });
    expect(listed(1001)).toEqual([]);
    expect(listed(500)).toEqual(['a', 'ghost']);
    call('modifyUserInfo', remove([['ghost', [500]]]));
    state.leave(1400000001, room, 'ghost');
    state.join(1400000001, room, { account: 'ghost', joinTime: startSeconds });
    expect(listed(500)).toEqual(['a']);
  });

  it('clears the marks of a banned member, who leaves', async () => {
    const { call, listed } = await start();
    call('banGroupMember', { GroupId: room, Members_Account: ['c'], Duration: 60 });
    expect(listed(1000)).toEqual([]);
  });
});

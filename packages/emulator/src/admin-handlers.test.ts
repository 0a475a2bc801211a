import { describe, expect, it } from 'vitest';
import { makeCaller } from '../test/support/api-harness.js';
import type { EmulatorSeed } from './seed.js';

const startMs = Date.UTC(2026, 0, 1);
const startSeconds = startMs / 1000;
const room = '@TGS#aROOM';
const sdkAppId = 1400000001;

const seed: EmulatorSeed = {
  apps: [{ sdkAppId, secretKey: 'admin-test-key', admins: ['administrator'] }],
  groups: [
    {
      sdkAppId,
      groupId: room,
      members: [
        {
          account: 'host',
          joinTime: startSeconds - 10,
          nickName: 'Host',
          avatar: 'https://a/h.png',
        },
      ],
      admins: ['seeded'],
    },
  ],
};

const modify = (commandType: number, accounts: string[]) => ({
  GroupId: room,
  CommandType: commandType,
  Admin_Account: accounts,
});

const adminList = (entries: [string, string, string][]) =>
  entries.map(([account, nickName, avatar]) => ({
    Admin_Account: account,
    NickName: nickName,
    Avatar: avatar,
  }));

describe('modify_admin and get_admin_list', () => {
  it.each([
    {
      name: 'sets admins who need not be members, each once',
      calls: [modify(1, ['host', 'outsider', 'host'])],
      want: adminList([
        ['seeded', '', ''],
        ['host', 'Host', 'https://a/h.png'],
        ['outsider', '', ''],
      ]),
    },
    {
      name: 'cancels admins; cancelling a non-admin is no error',
      calls: [modify(1, ['host']), modify(2, ['seeded', 'nobody'])],
      want: adminList([['host', 'Host', 'https://a/h.png']]),
    },
    {
      name: 'fills up to 5 admins',
      calls: [modify(1, ['a1', 'a2']), modify(1, ['a3', 'a4'])],
      want: adminList([
        ['seeded', '', ''],
        ['a1', '', ''],
        ['a2', '', ''],
        ['a3', '', ''],
        ['a4', '', ''],
      ]),
    },
  ])('$name', async ({ calls, want }) => {
    const { call } = await makeCaller(seed, startMs);
    for (const body of calls)
      expect(call('modifyAdmin', body)).toEqual({
        ActionStatus: 'OK',
        ErrorCode: 0,
        ErrorInfo: '',
      });
    expect(call('getAdminList', { GroupId: room })).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      Admin_List: want,
    });
  });

  it.each([
    {
      name: 'a 6th admin',
      body: modify(1, ['a1', 'a2', 'a3', 'a4', 'a5']),
      detail: 'at most 5 admins',
    },
    {
      name: '6 accounts in one call',
      body: modify(1, ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']),
      detail: 'at most 5',
    },
    { name: 'CommandType 0', body: modify(0, ['a1']), detail: 'CommandType' },
    { name: 'no accounts', body: modify(1, []), detail: 'Admin_Account' },
  ])('refuses $name with 10004, changing nothing', async ({ body, detail }) => {
    const { call } = await makeCaller(seed, startMs);
    const answer = call('modifyAdmin', body);
    expect(answer).toMatchObject({ ErrorCode: 10004 });
    expect(answer.ErrorInfo).toContain(detail);
    expect(call('getAdminList', { GroupId: room }).Admin_List).toEqual(
      adminList([['seeded', '', '']]),
    );
  });

  it('keeps an admin who leaves and rejoins; their profile shows while online', async () => {
    const { call, state } = await makeCaller(seed, startMs);
    call('modifyAdmin', modify(1, ['host']));
    state.leave(sdkAppId, room, 'host');
    expect(call('getAdminList', { GroupId: room }).Admin_List).toEqual(
      adminList([
        ['seeded', '', ''],
        ['host', '', ''],
      ]),
    );
    state.join(sdkAppId, room, { account: 'host', joinTime: startSeconds, nickName: 'Back' });
    expect(call('getAdminList', { GroupId: room }).Admin_List).toEqual(
      adminList([
        ['seeded', '', ''],
        ['host', 'Back', ''],
      ]),
    );
  });
});

import { chatErrorCodes } from '@avchatroom/client';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv.js';
import { useProxiedEmulator } from './proxied-emulator.js';
import { linesOf, runBuiltCli } from './run-helpers.js';
import { groups, proApp, seededBans } from './test-seed.js';

// bans, ban, unban and admins end to end: runCli in-process ->
// @avchatroom/client -> a Prism proxy of the spec -> the emulator.
const { context, run } = useProxiedEmulator();

const seeded = seededBans.map((ban) => ({
  Member_Account: ban.account,
  BannedUntil: ban.bannedUntil,
}));

/** A command line written as one string (no value holds a space). */
const words = (line: string) => line.split(' ');

const bansOf = async (groupId: string) => {
  const result = await run(['bans', '--group', groupId, '--format', 'json']);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout);
};

describe('bans', () => {
  it('prints exactly { groupId, bans, pages }, every ban through the paginator (150 at 100 a page)', async () => {
    const output = await bansOf(groups.banned);
    expect(Object.keys(output)).toEqual(['groupId', 'bans', 'pages']);
    expect(output).toEqual({ groupId: groups.banned, bans: seeded, pages: 2 });
  });

  it('prints a table with the end of each ban, and a summary on stderr', async () => {
    const result = await run(['bans', '--group', groups.banned]);
    expect(result.code).toBe(0);
    const lines = linesOf(result.stdout);
    expect(lines[0]).toMatch(/^ACCOUNT +BANNED UNTIL \(UTC\)$/);
    expect(lines[1]).toMatch(/^banned1 +2036-01-01T00:00:00Z$/);
    // Zero-width characters are escaped, so a look-alike never passes for another account.
    expect(lines.at(-1)).toMatch(/^ad\\u200bmin +2036-01-01T00:00:00Z$/);
    expect(lines).toHaveLength(151);
    expect(result.stderr).toBe(`150 members banned in ${groups.banned}, 2 pages\n`);
  });

  it.each([
    {
      format: 'csv',
      rows: (stdout: string) => parseCsv(stdout).slice(1),
      want: seeded.map((ban) => [
        ban.Member_Account.startsWith('=') ? `'${ban.Member_Account}` : ban.Member_Account,
        String(ban.BannedUntil),
      ]),
    },
    {
      format: 'ndjson',
      rows: (stdout: string) => linesOf(stdout).map((line) => JSON.parse(line)),
      want: seeded,
    },
  ])('prints $format, formulas guarded in csv', async ({ format, rows, want }) => {
    const result = await run(['bans', '--group', groups.banned, '--format', format]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(rows(result.stdout)).toEqual(want);
  });

  it('says when nobody is banned', async () => {
    const result = await run(['bans', '--group', groups.operated]);
    expect(result).toEqual({
      code: 0,
      stdout: '(no member is banned)\n',
      stderr: `0 members banned in ${groups.operated}, 1 page\n`,
    });
  });
});

describe('ban and unban', () => {
  const banned = ['--group', groups.banned];
  it('bans members for --duration seconds (they leave the room), and unbans them', async () => {
    const before = Math.floor(Date.now() / 1000);
    const ban = await run([...words('ban --member bm1 --member bm2 --duration 600'), ...banned]);
    expect(ban).toEqual({
      code: 0,
      stdout: `banned in ${groups.banned} for 600 s: bm1, bm2\n`,
      stderr: '',
    });
    const online = context.emulator.state
      .onlineMembers(proApp.sdkAppId, groups.banned)
      .map((member) => member.account);
    expect(online).not.toContain('bm1');
    const latest = (await bansOf(groups.banned)).bans.slice(-2);
    expect(latest.map((b: { Member_Account: string }) => b.Member_Account)).toEqual(['bm1', 'bm2']);
    for (const { BannedUntil } of latest) {
      expect(BannedUntil).toBeGreaterThanOrEqual(before + 600);
      expect(BannedUntil).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 600);
    }
    const unban = await run([...words('unban --member bm1 --member bm2 --format json'), ...banned]);
    expect(unban).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(unban.stdout)).toEqual({ groupId: groups.banned, unbanned: ['bm1', 'bm2'] });
    expect((await bansOf(groups.banned)).bans).toEqual(seeded);
  });

  it('prints { groupId, banned, durationSeconds, description } as json', async () => {
    const result = await run([
      ...words('ban --member op30 --duration 5 --format json --group'),
      groups.operated,
      '--description=flooding the chat 🚫',
    ]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({
      groupId: groups.operated,
      banned: ['op30'],
      durationSeconds: 5,
      description: 'flooding the chat 🚫',
    });
    expect((await bansOf(groups.operated)).bans).toHaveLength(1);
  });
});

describe('admins', () => {
  it('lists the administrators, members or not, with the profile of those online', async () => {
    const result = await run(['admins', '--group', groups.staffed, '--format', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({
      groupId: groups.staffed,
      admins: [{ Admin_Account: 'st2', NickName: 'st 2' }, { Admin_Account: 'outsider' }],
    });
    const table = await run(['admins', '--group', groups.staffed]);
    expect(table.stdout).toBe('ACCOUNT   NICKNAME  AVATAR\nst2       st 2\noutsider\n');
    expect(table.stderr).toBe(`2 administrators of ${groups.staffed} (at most 5)\n`);
    const csv = await run(['admins', '--group', groups.staffed, '--format', 'csv']);
    expect(parseCsv(csv.stdout)).toEqual([
      ['Admin_Account', 'NickName', 'Avatar'],
      ['st2', 'st 2', ''],
      ['outsider', '', ''],
    ]);
  });

  it('adds and removes administrators', async () => {
    const add = await run([
      'admins',
      'add',
      '--group',
      groups.staffed,
      '--member',
      'st1',
      '--member',
      'helper',
    ]);
    expect(add).toEqual({
      code: 0,
      stdout: `administrators added in ${groups.staffed}: st1, helper\n`,
      stderr: '',
    });
    const accounts = async () => {
      const result = await run(['admins', '--group', groups.staffed, '--format', 'ndjson']);
      return linesOf(result.stdout).map((line) => JSON.parse(line).Admin_Account);
    };
    expect(await accounts()).toEqual(['st2', 'outsider', 'st1', 'helper']);
    const remove = await run([
      'admins',
      'remove',
      '--group',
      groups.staffed,
      '--member',
      'helper',
      '--member',
      'st1',
      '--format',
      'json',
    ]);
    expect(JSON.parse(remove.stdout)).toEqual({
      groupId: groups.staffed,
      removed: ['helper', 'st1'],
    });
    expect(await accounts()).toEqual(['st2', 'outsider']);
  });

  it('exits 1 with the ErrorCode when a sixth administrator is asked for (the emulator answers 10004)', async () => {
    const four = ['a1', 'a2', 'a3', 'a4'].flatMap((account) => ['--member', account]);
    const result = await run(['admins', 'add', '--group', groups.staffed, ...four]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^online-members: error: ErrorCode 10004 .+\n$/);
    expect(result.stderr).toContain('at most 5 administrators: remove one first');
  });
});

describe('API errors: exit code 1, one line on stderr, nothing on stdout', () => {
  const unknownGroup = '@TGS#aNOSUCHGROUP';
  it.each([
    ['count', '--group', unknownGroup],
    ['bans', '--group', unknownGroup, '--format', 'csv'],
    ['ban', '--group', unknownGroup, '--member', 'a', '--duration', '60'],
    ['unban', '--group', unknownGroup, '--member', 'a', '--format', 'json'],
    ['mark', 'set', '--group', unknownGroup, '--mark', '1000', '--member', 'a'],
    ['admins', '--group', unknownGroup],
    ['admins', 'add', '--group', unknownGroup, '--member', 'a'],
    ['check', '--group', unknownGroup, '--member', 'a', '--format', 'ndjson'],
  ])('%s on an unknown group: ErrorCode 10010 with its meaning and a hint', async (...argv) => {
    const result = await run(argv);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(linesOf(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain(`ErrorCode 10010 ${chatErrorCodes[10010].name}`);
    expect(result.stderr).toContain('Hint: check --group');
    expect(result.stderr).not.toContain(proApp.secretKey);
  });
});

describe('a Community: these commands serve AVChatRoom groups only', () => {
  it.each([['ban', '--member', 'c1', '--duration', '60'], ['bans'], ['admins']])(
    '%s: ErrorCode 10007 and a hint naming the group type',
    async (...argv) => {
      const result = await run([...argv, '--group', groups.community]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('ErrorCode 10007');
      expect(result.stderr).toContain('this command serves audio-video groups (AVChatRoom) only');
    },
  );
});

describe('run as a process', () => {
  it('count and ban exit 0 with their output on stdout', async () => {
    const count = await runBuiltCli(
      ['count', '--group', groups.paged, '--format', 'json'],
      context.env,
    );
    expect(count).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(count.stdout)).toEqual({ groupId: groups.paged, onlineMemberNum: 600 });
    const ban = await runBuiltCli(
      ['ban', '--group', groups.paged, '--member', 'user600', '--duration', '30'],
      context.env,
    );
    expect(ban).toEqual({
      code: 0,
      stdout: `banned in ${groups.paged} for 30 s: user600\n`,
      stderr: '',
    });
  });
});

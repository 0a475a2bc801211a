import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv.js';
import { useProxiedEmulator } from './proxied-emulator.js';
import { linesOf } from './run-helpers.js';
import { groups, proApp } from './test-seed.js';

// count, check and mark end to end: runCli in-process -> @avchatroom/client ->
// a Prism proxy of the spec -> the emulator, whose state is the ground truth.
const { context, run } = useProxiedEmulator();

const onlineAccounts = (groupId: string) =>
  context.emulator.state.onlineMembers(proApp.sdkAppId, groupId).map((member) => member.account);

describe('count', () => {
  it('prints { groupId, onlineMemberNum } with every member online, past the 1,000 listed', async () => {
    const result = await run(['count', '--group', groups.capped, '--format', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual(['groupId', 'onlineMemberNum']);
    expect(output).toEqual({ groupId: groups.capped, onlineMemberNum: 1100 });
    const listed = await run(['list', '--group', groups.capped, '--format', 'json']);
    expect(JSON.parse(listed.stdout).members).toHaveLength(1000);
  });

  it('counts a Community (@TGS#_) through the Community variant of the call', async () => {
    const result = await run(['count', '--group', groups.community, '--format', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    // get_online_member_num serves AVChatRoom only: it would have answered 10007.
    expect(JSON.parse(result.stdout)).toEqual({ groupId: groups.community, onlineMemberNum: 12 });
  });

  it('prints one line as a table', async () => {
    const result = await run(['count', '--group', groups.paged]);
    expect(result).toEqual({
      code: 0,
      stdout: `600 members online in ${groups.paged}\n`,
      stderr: '',
    });
  });
});

describe('check', () => {
  const asked = ['op3', 'nobody', 'op30', 'op3'];

  it('tells which accounts are in the room, in the order asked, each once', async () => {
    const args = asked.flatMap((account) => ['--member', account]);
    const result = await run(['check', '--group', groups.operated, ...args, '--format', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({
      groupId: groups.operated,
      members: [
        { Member_Account: 'op3', InRoom: true },
        { Member_Account: 'nobody', InRoom: false },
        { Member_Account: 'op30', InRoom: true },
      ],
    });
  });

  it.each([
    {
      format: 'table',
      stdout: 'ACCOUNT  IN ROOM\nop3      yes\nnobody   no\n',
      stderr: `1 of 2 in ${groups.operated} (as of the API's 40 s snapshot)\n`,
    },
    { format: 'csv', stdout: 'Member_Account,InRoom\r\nop3,true\r\nnobody,false\r\n', stderr: '' },
    {
      format: 'ndjson',
      stdout:
        '{"Member_Account":"op3","InRoom":true}\n{"Member_Account":"nobody","InRoom":false}\n',
      stderr: '',
    },
  ])('prints $format', async ({ format, stdout, stderr }) => {
    const argv = ['check', '--group', groups.operated, '--member', 'op3', '--member', 'nobody'];
    expect(await run([...argv, '--format', format])).toEqual({ code: 0, stdout, stderr });
  });

  it('escapes look-alike accounts in the table and guards formulas in csv', async () => {
    const argv = ['check', '--group', groups.tricky, '--member', 'ad\u200bmin', '--member=-dash'];
    const table = await run(argv);
    expect(linesOf(table.stdout)).toEqual([
      'ACCOUNT      IN ROOM',
      'ad\\u200bmin  yes',
      '-dash        yes',
    ]);
    const csv = await run([...argv, '--format', 'csv']);
    expect(parseCsv(csv.stdout)).toEqual([
      ['Member_Account', 'InRoom'],
      ['ad\u200bmin', 'true'],
      ["'-dash", 'true'],
    ]);
  });
});

describe('mark set, list --mark, mark delete', () => {
  /** `mark ACTION --group operated --mark MARK --member A ...`, then `extra`. */
  const markLine = (action: string, mark: number, accounts: string[], extra: string[] = []) => [
    'mark',
    action,
    ...['--group', groups.operated, '--mark', String(mark)],
    ...accounts.flatMap((account) => ['--member', account]),
    ...extra,
  ];
  const listMarked = async (mark: number) => {
    const result = await run([
      'list',
      '--group',
      groups.operated,
      '--mark',
      String(mark),
      '--format',
      'json',
    ]);
    return JSON.parse(result.stdout).members.map(
      (member: { Member_Account: string }) => member.Member_Account,
    );
  };

  it('sets a mark that list --mark selects, and deletes it', async () => {
    const [newest = '', second = ''] = onlineAccounts(groups.operated);
    const set = await run(
      markLine('set', 2000, [newest, second, 'offline1'], ['--format', 'json']),
    );
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(set.stdout)).toEqual({
      groupId: groups.operated,
      mark: 2000,
      action: 'set',
      changed: [newest, second],
      notChanged: ['offline1'],
    });
    expect(await listMarked(2000)).toEqual([newest, second]);
    expect(await run(markLine('delete', 2000, [newest]))).toEqual({
      code: 0,
      stdout: `mark 2000 deleted from 1 member in ${groups.operated}: ${newest}\n`,
      stderr: '',
    });
    expect(await listMarked(2000)).toEqual([second]);
  });

  it('names the members not changed on stderr, as a table', async () => {
    const [, , third = ''] = onlineAccounts(groups.operated);
    expect(await run(markLine('set', 2001, [third, 'gone\u200b']))).toEqual({
      code: 0,
      stdout: `mark 2001 set on 1 member in ${groups.operated}: ${third}\n`,
      stderr: 'not changed (not online?): gone\\u200b\n',
    });
  });

  it('exits 1 with the ErrorCode when no account is online (the emulator answers 10004)', async () => {
    const result = await run(markLine('set', 2000, ['offline1']));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^online-members: error: ErrorCode 10004 .+\n$/);
    expect(result.stderr).toContain('Hint: the API refused a parameter: check --mark and --member');
  });
});

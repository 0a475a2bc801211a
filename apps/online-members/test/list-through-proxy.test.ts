import { chatErrorCodes, type OnlineMember } from '@avchatroom/client';
import { type RunningEmulator, startEmulator } from '@avchatroom/emulator';
import { type PrismProxy, startPrismProxy } from '@avchatroom/openapi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv.js';
import { closedPortUrl, linesOf, runBuiltCli, runInProcess } from './run-helpers.js';
import { basicApp, groups, pastDateRangeJoinTime, proApp, proEnv, testSeed } from './test-seed.js';

// `list` end to end: runCli in-process -> @avchatroom/client -> Prism proxy
// (--errors: a request or answer that breaks the spec fails the call) -> the
// emulator with 250 members per page (the Chinese doc's page size).
let emulator: RunningEmulator;
let proxy: PrismProxy;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator({ seed: testSeed(), pageSize: 250, callsPerSecond: false });
  proxy = await startPrismProxy({ upstream: emulator.url });
  env = proEnv(proxy.url);
});

afterAll(async () => {
  await proxy?.stop();
  await emulator?.stop();
});

beforeEach(() => emulator.resetStats());

/** The emulator's ground truth, as the wire shows it (newest first). */
const groundTruth = (groupId: string, sdkAppId = proApp.sdkAppId): OnlineMember[] =>
  emulator.state.onlineMembers(sdkAppId, groupId).map((member) => ({
    Member_Account: member.account,
    JoinTime: member.joinTime,
    ...(member.nickName !== undefined && { NickName: member.nickName }),
    ...(member.avatar !== undefined && { Avatar: member.avatar }),
  }));

const accountsOf = (groupId: string) => groundTruth(groupId).map((m) => m.Member_Account);

const list = (args: string[], extraEnv: Record<string, string> = {}) =>
  runInProcess(['list', ...args], { ...env, ...extraEnv });

describe('list --format json', () => {
  it('prints exactly { groupId, members, truncated, pages }, paging 600 members at 250 a page', async () => {
    const result = await list(['--group', groups.paged, '--format', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual(['groupId', 'members', 'truncated', 'pages']);
    expect(output).toEqual({
      groupId: groups.paged,
      members: groundTruth(groups.paged),
      truncated: false,
      pages: 3,
    });
    for (const member of output.members) {
      expect(
        Object.keys(member).every((key) =>
          ['Member_Account', 'JoinTime', 'NickName', 'Avatar'].includes(key),
        ),
      ).toBe(true);
    }
    // Three calls, each answered with ErrorCode 0 after passing the proxy's checks.
    expect(emulator.stats()).toMatchObject({ apiCalls: 3, byErrorCode: { 0: 3 } });
  });

  it('filters by --mark', async () => {
    const result = await list(['--group', groups.paged, '--format', 'json', '--mark', '1000']);
    expect(result.code).toBe(0);
    const marked = emulator.state
      .onlineMembers(proApp.sdkAppId, groups.paged)
      .filter((member) => member.marks.includes(1000))
      .map((member) => member.account);
    expect(marked).toHaveLength(86);
    const output = JSON.parse(result.stdout);
    expect(output.members.map((m: OnlineMember) => m.Member_Account)).toEqual(marked);
    expect(output.pages).toBe(1);
    // Mark 0 lists everyone.
    const everyone = await list(['--group', groups.paged, '--format', 'ndjson', '--mark', '0']);
    expect(linesOf(everyone.stdout)).toHaveLength(600);
  });

  it('reports truncated at the 1,000-member cap, with the 1,000 latest', async () => {
    const result = await list(['--group', groups.capped, '--format', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const output = JSON.parse(result.stdout);
    expect(output.truncated).toBe(true);
    expect(output.pages).toBe(4);
    expect(output.members).toEqual(groundTruth(groups.capped).slice(0, 1000));
  });

  it('reports truncated at the 30 of a basic edition app', async () => {
    const result = await list(['--group', groups.basic, '--format', 'json'], {
      AVCHATROOM_SDKAPPID: String(basicApp.sdkAppId),
      AVCHATROOM_SECRET_KEY: basicApp.secretKey,
    });
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({ truncated: true, pages: 1 });
    expect(output.members).toEqual(groundTruth(groups.basic, basicApp.sdkAppId).slice(0, 30));
  });
});

describe('list --format ndjson', () => {
  it('prints one member object per line', async () => {
    const result = await list(['--group', groups.paged, '--format', 'ndjson']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line))).toEqual(groundTruth(groups.paged));
  });

  it('notes a truncated listing on stderr only', async () => {
    const result = await list(['--group', groups.capped, '--format', 'ndjson']);
    expect(result.code).toBe(0);
    expect(linesOf(result.stdout)).toHaveLength(1000);
    expect(result.stderr).toBe('truncated: only the 1,000 latest members are returned\n');
  });
});

describe('list --format csv', () => {
  it('prints a header and RFC 4180 rows that parse back to the members', async () => {
    const result = await list(['--group', groups.paged, '--format', 'csv']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [header, ...rows] = parseCsv(result.stdout);
    expect(header).toEqual(['Member_Account', 'JoinTime', 'NickName', 'Avatar']);
    expect(rows).toEqual(
      groundTruth(groups.paged).map((m) => [
        m.Member_Account,
        String(m.JoinTime),
        m.NickName ?? '',
        m.Avatar ?? '',
      ]),
    );
  });

  it('quotes and guards cells against formula injection', async () => {
    const result = await list(['--group', groups.tricky, '--format', 'csv']);
    expect(result.code).toBe(0);
    const rows = new Map(parseCsv(result.stdout).map(([account, ...rest]) => [account, rest]));
    expect(rows.get('formula')?.[1]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(rows.get('plus')?.slice(1)).toEqual(["'+1 555", "'@home"]);
    expect(rows.get("'-dash")?.[1]).toBe('a, b');
    expect(rows.get('quote')?.[1]).toBe('say "hi"\nthere');
    expect(rows.get('unicode')?.[1]).toBe('小明 🎉');
    // After leading whitespace, a line break or a zero-width character too.
    expect(rows.get('spaced')?.slice(1)).toEqual(["' =1+2", "'\n@home"]);
    expect(rows.get('ad\u200bmin')?.[1]).toBe("'\ufeff-2");
    expect(result.stdout).toContain('"say ""hi""\nthere"');
  });
});

describe('list --format table (the default)', () => {
  it('prints aligned columns and a summary line on stderr', async () => {
    const result = await list(['--group', groups.paged]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(601);
    expect(lines[0]).toMatch(/^ACCOUNT +JOINED \(UTC\) +NICKNAME +AVATAR$/);
    const joinedColumn = lines[0]?.indexOf('JOINED') ?? -1;
    const [newest] = groundTruth(groups.paged);
    expect(lines[1]?.startsWith(`${newest?.Member_Account} `)).toBe(true);
    expect(lines[1]?.slice(joinedColumn, joinedColumn + 20)).toBe(
      new Date((newest?.JoinTime ?? 0) * 1000).toISOString().replace('.000Z', 'Z'),
    );
    expect(lines.slice(1).map((line) => line.split(' ')[0])).toEqual(accountsOf(groups.paged));
    expect(result.stderr).toBe(`600 members online in ${groups.paged}, 3 pages\n`);
  });

  it('says why a capped listing is short', async () => {
    const result = await list(['--group', groups.capped, '--format', 'table']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `1,000 members online in ${groups.capped}, 4 pages; truncated: only the 1,000 latest members are returned\n`,
    );
  });

  it('says why a basic edition listing is short', async () => {
    const result = await list(['--group', groups.basic], {
      AVCHATROOM_SDKAPPID: String(basicApp.sdkAppId),
      AVCHATROOM_SECRET_KEY: basicApp.secretKey,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('30 members online');
    expect(result.stderr).toContain('only the 30 latest members are returned');
  });

  it('shows control characters in nicknames as escapes, never raw', async () => {
    const result = await list(['--group', groups.tricky]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain('red\\u001b[31m text');
    expect(result.stdout).toContain('say "hi"\\u000athere');
  });

  it('shows zero-width characters as escapes, so look-alike accounts differ', async () => {
    const result = await list(['--group', groups.tricky]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/[\u200b-\u200d\ufeff]/);
    const accounts = linesOf(result.stdout).map((line) => line.split(' ')[0]);
    expect(accounts).toContain('ad\\u200bmin');
    expect(accounts).toContain('\\ufeffadmin');
    expect(result.stdout).toContain('\\ufeff-2');
  });

  it('uses colour on a terminal, and none with NO_COLOR', async () => {
    const tty = await runInProcess(['list', '--group', groups.tricky], env, { isTTY: true });
    expect(tty.stdout).toContain('\u001b[1mACCOUNT');
    const noColor = await runInProcess(
      ['list', '--group', groups.tricky],
      { ...env, NO_COLOR: '1' },
      { isTTY: true },
    );
    expect(noColor.stdout + noColor.stderr).not.toContain('\u001b');
  });
});

describe('a JoinTime past the Date range (allowed by the spec)', () => {
  const fromJson = (member: OnlineMember) => [member.Member_Account, member.JoinTime];
  // Each format's rows as [account, join time as printed].
  const rowsOf: Record<string, (stdout: string) => unknown[][]> = {
    table: (stdout) =>
      linesOf(stdout)
        .slice(1)
        .map((line) => line.split(/ +/).slice(0, 2)),
    csv: (stdout) =>
      parseCsv(stdout)
        .slice(1)
        .map((row) => row.slice(0, 2)),
    ndjson: (stdout) => linesOf(stdout).map((line) => fromJson(JSON.parse(line))),
    json: (stdout) => JSON.parse(stdout).members.map(fromJson),
  };

  it.each([
    { format: 'table', far: String(pastDateRangeJoinTime) },
    { format: 'csv', far: String(pastDateRangeJoinTime) },
    { format: 'ndjson', far: pastDateRangeJoinTime },
    { format: 'json', far: pastDateRangeJoinTime },
  ])('$format: every member, that one with its raw number', async ({ format, far }) => {
    const result = await list(['--group', groups.farFuture, '--format', format]);
    expect(result.code).toBe(0);
    const rows = rowsOf[format]?.(result.stdout) ?? [];
    // Newest first: the far-future member heads the list.
    expect(rows.map(([account]) => account)).toEqual(['far', 'near2', 'near1']);
    expect(rows[0]?.[1]).toBe(far);
  });
});

describe('connection settings', () => {
  it('lets --base-url and --sdk-app-id flags override the environment', async () => {
    const result = await list(
      ['--group', groups.paged, '--format', 'json', '--base-url', proxy.url],
      {
        AVCHATROOM_BASE_URL: '',
        AVCHATROOM_REGION: 'singapore',
      },
    );
    expect(result.code).toBe(0);
    const viaFlags = await runInProcess(
      [
        'list',
        '--group',
        groups.basic,
        '--format',
        'json',
        '--sdk-app-id',
        String(basicApp.sdkAppId),
        '--identifier',
        basicApp.admin,
        '--base-url',
        proxy.url,
      ],
      {
        AVCHATROOM_SECRET_KEY: basicApp.secretKey,
        AVCHATROOM_SDKAPPID: '1',
        AVCHATROOM_IDENTIFIER: 'x',
      },
    );
    expect(viaFlags.code).toBe(0);
    expect(JSON.parse(viaFlags.stdout).members).toHaveLength(30);
  });
});

describe('API and network errors: exit code 1 and one line on stderr', () => {
  const sentinelKey = 'SENTINEL-SECRET-KEY-4f1d';
  const sentinelSig = 'SENTINEL-USERSIG-9c2e';

  const expectOneErrorLine = (stderr: string) => {
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  };

  it.each<{
    name: string;
    args: string[];
    env: Record<string, string>;
    code: number;
    hint: string;
  }>([
    {
      name: 'an unknown group',
      args: ['--group', '@TGS#aNOSUCHGROUP'],
      env: {},
      code: 10010,
      hint: 'Hint: check --group',
    },
    {
      name: 'a work (Private) group',
      args: ['--group', groups.privateGroup],
      env: {},
      code: 10007,
      hint: 'only audio-video groups (AVChatRoom) and Communities can be listed',
    },
    {
      name: 'a wrong secret key',
      args: ['--group', groups.paged],
      env: { AVCHATROOM_SECRET_KEY: sentinelKey },
      code: 70009,
      hint: 'Hint: check AVCHATROOM_SECRET_KEY',
    },
    {
      name: 'an identifier that is not an App admin',
      args: ['--group', groups.paged, '--identifier', 'viewer1'],
      env: {},
      code: 60010,
      hint: '--identifier must be an App admin',
    },
    {
      name: 'a UserSig that is not one',
      args: ['--group', groups.paged],
      env: { AVCHATROOM_SECRET_KEY: '', AVCHATROOM_USERSIG: sentinelSig },
      code: 70003,
      hint: 'Hint: check AVCHATROOM_SECRET_KEY',
    },
  ])('$name: ErrorCode $code with its name, meaning and a hint', async (given) => {
    const result = await list(given.args, given.env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expectOneErrorLine(result.stderr);
    const entry = chatErrorCodes[given.code as keyof typeof chatErrorCodes];
    expect(result.stderr).toContain(`ErrorCode ${given.code} ${entry.name}: ${entry.meaning}`);
    expect(result.stderr).toContain(given.hint);
    expect(result.stderr).toMatch(/\[request \d+\]$/m);
    expect(result.stderr).not.toContain(sentinelKey);
    expect(result.stderr).not.toContain(sentinelSig);
    expect(result.stderr).not.toContain(proApp.secretKey);
    expect(emulator.stats().byErrorCode).toEqual({ [given.code]: 1 });
  });

  it('a network error (nothing listens) names it in one line, without the UserSig', async () => {
    const result = await list(['--group', groups.paged], {
      AVCHATROOM_BASE_URL: await closedPortUrl(),
      AVCHATROOM_SECRET_KEY: '',
      AVCHATROOM_USERSIG: sentinelSig,
    });
    expect(result.code).toBe(1);
    expectOneErrorLine(result.stderr);
    expect(result.stderr).toContain('network error: could not reach the server');
    expect(result.stderr).toContain('Hint: check --base-url or --region');
    expect(result.stderr).not.toContain(sentinelSig);
  });

  it('an HTTP error from a gateway (the emulator without the proxy) names the status', async () => {
    emulator.faults.add({ kind: 'html502', times: 3 });
    const result = await list(['--group', groups.paged], {
      AVCHATROOM_BASE_URL: emulator.url,
      AVCHATROOM_SECRET_KEY: sentinelKey,
    });
    expect(result.code).toBe(1);
    expectOneErrorLine(result.stderr);
    expect(result.stderr).toContain('HTTP error 502');
    expect(result.stderr).not.toContain(sentinelKey);
    expect(emulator.stats().faults).toEqual({ html502: 3 });
  });
});

describe('list, run as a process', () => {
  it('prints csv on stdout and exits 0, with no colour when stdout is not a terminal', async () => {
    const result = await runBuiltCli(['list', '--group', groups.paged, '--format', 'csv'], env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(parseCsv(result.stdout)).toHaveLength(601);
    const table = await runBuiltCli(['list', '--group', groups.paged], env);
    expect(table.code).toBe(0);
    expect(table.stdout + table.stderr).not.toContain('\u001b');
  });

  it('exits 1 with one line on an API error, never printing the secret key', async () => {
    const sentinel = 'SENTINEL-SECRET-KEY-spawned';
    const result = await runBuiltCli(['list', '--group', groups.paged], {
      ...env,
      AVCHATROOM_SECRET_KEY: sentinel,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^online-members: error: ErrorCode 70009 UserSigVerificationFailed: .+ Hint: .+\n$/,
    );
    expect(result.stderr).not.toContain(sentinel);
  });

  it('exits 1 with one line on a network error, never printing the UserSig', async () => {
    const sentinel = 'SENTINEL-USERSIG-spawned';
    const result = await runBuiltCli(['list', '--group', groups.paged], {
      AVCHATROOM_SDKAPPID: String(proApp.sdkAppId),
      AVCHATROOM_IDENTIFIER: proApp.admin,
      AVCHATROOM_USERSIG: sentinel,
      AVCHATROOM_BASE_URL: await closedPortUrl(),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^online-members: error: network error: .+\n$/);
    expect(result.stderr).not.toContain(sentinel);
  });
});

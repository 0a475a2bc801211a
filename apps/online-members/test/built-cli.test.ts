import { readFileSync } from 'node:fs';
import { chatRegions, getMembersLimits } from '@avchatroom/client';
import { demoSeedPath, loadSeedFile } from '@avchatroom/emulator';
import { describe, expect, it } from 'vitest';
import { commandNames } from '../src/command-flags.js';
import { linesOf, runBuiltCli, runInProcess } from './run-helpers.js';

// The built CLI as users run it (node dist/cli.mjs ...): help, version, usage
// errors and the demo. Usage errors are checked in-process too, table-driven.
const packageVersion = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;

const sentinel = 'SENTINEL-9d7c-DO-NOT-PRINT';
const credentials = {
  AVCHATROOM_SDKAPPID: '1400000000',
  AVCHATROOM_IDENTIFIER: 'administrator',
  AVCHATROOM_SECRET_KEY: sentinel,
  AVCHATROOM_BASE_URL: 'http://127.0.0.1:9',
};

describe('--help and --version', () => {
  it('prints the version from package.json', async () => {
    expect(await runBuiltCli(['--version'])).toEqual({
      code: 0,
      stdout: `${packageVersion}\n`,
      stderr: '',
    });
  });

  it('prints the global help, with the regions from the client and where secrets come from', async () => {
    const result = await runBuiltCli(['--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    for (const region of Object.keys(chatRegions)) expect(result.stdout).toContain(region);
    expect(result.stdout).toContain('never from flags');
    expect(result.stdout).toContain('AVCHATROOM_SECRET_KEY');
    for (const command of commandNames) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    }
  });

  it.each([
    ['list', '--format FORMAT'],
    ['watch', `(default: ${getMembersLimits.snapshotRefreshSeconds}, the API's snapshot period`],
    ['demo', 'Starts the emulator'],
    ['count', 'json: {"groupId", "onlineMemberNum"}'],
    ['bans', 'json: {"groupId", "bans": [{"Member_Account", "BannedUntil"}], "pages"}'],
    ['ban', '--duration SECONDS  how long the ban lasts, 1 to 4294967295 (required'],
    ['unban', '(at most 20 per call)'],
    ['mark', '500 (the special mark) or a custom mark of 1000 and up'],
    ['admins', 'online-members admins add|remove --group ID --member ACCOUNT'],
    ['check', 'json: {"groupId", "members": [{"Member_Account", "InRoom"}]}'],
  ])('prints the help of %s', async (command, text) => {
    const result = await runBuiltCli([command, '--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`Usage: online-members ${command}`);
    expect(result.stdout).toContain(text);
  });
});

describe('usage errors: exit code 2, one line, "see --help", nothing sent', () => {
  it.each<[string, string[], Record<string, string>, string]>([
    ['no command', [], credentials, 'a command is required'],
    ['an unknown command', ['lsit'], credentials, 'unknown command lsit'],
    [
      'an unknown flag',
      ['list', '--group', 'g', '--colour'],
      credentials,
      'unknown option --colour; list takes --group,',
    ],
    ['a missing --group', ['list'], credentials, '--group is required'],
    [
      'a bad --format',
      ['list', '--group', 'g', '--format', 'xml'],
      credentials,
      '--format must be one of table, json, ndjson, csv',
    ],
    [
      'a bad --mark',
      ['list', '--group', 'g', '--mark', '1e3'],
      credentials,
      '--mark must be a whole number',
    ],
    [
      'a bad --interval',
      ['watch', '--group', 'g', '--interval', '0'],
      credentials,
      '--interval must be a number of seconds',
    ],
    [
      'a bad --rounds',
      ['watch', '--group', 'g', '--rounds', '1.5'],
      credentials,
      '--rounds must be a whole number',
    ],
    [
      'a positional argument',
      ['list', '--group', 'g', sentinel],
      credentials,
      'list takes no positional arguments',
    ],
    [
      'both --region and --base-url',
      ['list', '--group', 'g', '--region', 'tokyo', '--base-url', 'http://127.0.0.1:9'],
      credentials,
      'give --region or --base-url, not both',
    ],
    [
      'an unknown region',
      ['list', '--group', 'g', '--region', 'mars'],
      credentials,
      '--region must be one of china,',
    ],
    [
      'a secret as a flag',
      ['list', '--group', 'g', `--secret-key=${sentinel}`],
      credentials,
      'secrets are read only from AVCHATROOM_SECRET_KEY or AVCHATROOM_USERSIG',
    ],
    [
      'a UserSig as a flag',
      ['list', '--group', 'g', '--user-sig', sentinel],
      credentials,
      'never from flags',
    ],
    [
      'no credentials',
      ['list', '--group', 'g'],
      { ...credentials, AVCHATROOM_SECRET_KEY: '' },
      'no credentials: set AVCHATROOM_SECRET_KEY or AVCHATROOM_USERSIG',
    ],
    [
      'both secrets',
      ['list', '--group', 'g'],
      { ...credentials, AVCHATROOM_USERSIG: sentinel },
      'set AVCHATROOM_SECRET_KEY or AVCHATROOM_USERSIG, not both',
    ],
    [
      'no SDKAppID',
      ['watch', '--group', 'g'],
      { ...credentials, AVCHATROOM_SDKAPPID: '' },
      'no SDKAppID',
    ],
    [
      'a bad SDKAppID',
      ['list', '--group', 'g'],
      { ...credentials, AVCHATROOM_SDKAPPID: sentinel },
      'AVCHATROOM_SDKAPPID must be a whole number',
    ],
    [
      'no endpoint',
      ['list', '--group', 'g'],
      { ...credentials, AVCHATROOM_BASE_URL: '' },
      'no endpoint',
    ],
    [
      'both endpoints in the environment',
      ['list', '--group', 'g'],
      { ...credentials, AVCHATROOM_REGION: 'tokyo' },
      'set AVCHATROOM_REGION or AVCHATROOM_BASE_URL, not both',
    ],
    [
      'a base URL that is not http(s)',
      ['list', '--group', 'g', '--base-url', 'ftp://x'],
      credentials,
      '--base-url must be an http(s) URL',
    ],
    [
      'a password in AVCHATROOM_BASE_URL',
      ['list', '--group', 'g'],
      { ...credentials, AVCHATROOM_BASE_URL: `http://deploy:${sentinel}@127.0.0.1:1` },
      'AVCHATROOM_BASE_URL holds a user name or password',
    ],
    [
      'a password in --base-url',
      ['watch', '--group', 'g', '--base-url', `https://deploy:${sentinel}@127.0.0.1:1`],
      credentials,
      '--base-url holds a user name or password',
    ],
    [
      'an identifier over 32 bytes',
      ['list', '--group', 'g', '--identifier', 'x'.repeat(33)],
      credentials,
      'identifier must be a non-empty string of at most 32 bytes',
    ],
    [
      'a group ID with a control character',
      ['list', '--group', 'bad\u0007id'],
      credentials,
      '--group holds a control character',
    ],
  ])('%s', async (_name, argv, env, message) => {
    const result = await runInProcess(argv, env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(linesOf(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/\(see online-members( \w+)? --help\)\n$/);
    expect(result.stderr).not.toContain(sentinel);
  });

  it('exits 2 from the built CLI too', async () => {
    const result = await runBuiltCli(['list', '--group', 'g', '--format', 'xml'], credentials);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'online-members: usage error: --format must be one of table, json, ndjson, csv (see online-members list --help)\n',
    });
  });
});

describe('a base URL with credentials, run as a process', () => {
  it('exits 2 at once, echoing neither the user name nor the password', async () => {
    const result = await runBuiltCli(['list', '--group', 'g'], {
      ...credentials,
      AVCHATROOM_BASE_URL: 'http://deploy:pw@127.0.0.1:1',
    });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'online-members: usage error: AVCHATROOM_BASE_URL holds a user name or password: the API takes none in its URL (credentials come from AVCHATROOM_SECRET_KEY or AVCHATROOM_USERSIG) (see online-members list --help)\n',
    });
  });
});

describe('demo', () => {
  it('lists the demo room, counts it, round-trips a mark, watches two rounds and exits 0 within 15 s', async () => {
    const startedAt = Date.now();
    const result = await runBuiltCli(['demo'], {}, 20_000);
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = linesOf(result.stdout);
    expect(lines).toContainEqual(
      expect.stringMatching(/^ACCOUNT +JOINED \(UTC\) +NICKNAME +AVATAR$/),
    );
    expect(lines).toContain('… and 985 more');
    expect(lines).toContainEqual(
      expect.stringMatching(/^1,000 members online in @TGS#aLIVEDEMO, \d+ pages; truncated/),
    );
    // The true count beside the 1,000 listed, then the mark round trip on the newest member.
    const count = lines.find((line) =>
      /^[\d,]+ members online in @TGS#aLIVEDEMO \(list showed 1,000/.test(line),
    );
    expect(Number(count?.split(' ')[0]?.replaceAll(',', ''))).toBeGreaterThan(1000);
    const marked = lines.find((line) =>
      line.startsWith('mark 1500 set on 1 member in @TGS#aLIVEDEMO: '),
    );
    const member = marked?.split(': ')[1];
    expect(member).toMatch(/^viewer\d+$/);
    const markedListing = lines.indexOf('1 member online in @TGS#aLIVEDEMO, 1 page');
    expect(lines[markedListing - 1]).toMatch(new RegExp(`^${member} `));
    expect(lines).toContain(`mark 1500 deleted from 1 member in @TGS#aLIVEDEMO: ${member}`);
    expect(lines).toContainEqual(expect.stringMatching(/baseline: 1000 online$/));
    expect(lines).toContainEqual(
      expect.stringMatching(/round 2: \d+ joins?, \d+ leaves?, 1000 online$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/round 3: \d+ joins?, \d+ leaves?, 1000 online$/),
    );
    expect(lines.filter((line) => line.startsWith('+ ')).length).toBeGreaterThan(0);
    const [demoApp] = loadSeedFile(demoSeedPath).apps;
    expect(result.stdout).not.toContain(demoApp?.secretKey);
  }, 30_000);
});

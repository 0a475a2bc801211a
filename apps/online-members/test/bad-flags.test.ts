import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpText } from '../src/help-text.js';
import { commandFlags } from '../src/parse-command.js';
import { type FetchTripwire, installFetchTripwire } from './fetch-tripwire.js';
import {
  apiCommands,
  commandWords,
  controlCharacters,
  flagCases,
  requiredArgs,
} from './flag-catalog.js';
import { expectUsageError, runSendingNothing } from './usage-error-checks.js';

// README "Exit codes": a bad flag is a usage error, exit code 2 with one line
// on stderr and nothing sent. Every flag of every command, table-driven; the
// fast-check properties are in bad-flag-properties.test.ts.
const secretKey = `SENTINEL-SECRET-KEY-${randomBytes(8).toString('hex')}`;
const env = {
  AVCHATROOM_SDKAPPID: '1400000000',
  AVCHATROOM_IDENTIFIER: 'administrator',
  AVCHATROOM_SECRET_KEY: secretKey,
  AVCHATROOM_BASE_URL: 'http://127.0.0.1:9',
};

let tripwire: FetchTripwire;
beforeAll(() => {
  tripwire = installFetchTripwire();
});
afterAll(() => tripwire.restore());

const run = (argv: string[]) => runSendingNothing(tripwire, argv, env);

it('the catalog holds every flag of every command, and demo takes none', () => {
  expect([...apiCommands, 'demo'].sort()).toEqual(Object.keys(commandFlags).sort());
  for (const command of apiCommands) {
    const cataloged = flagCases.filter((c) => c.commands.includes(command)).map((c) => c.flag);
    expect(cataloged.sort()).toEqual(commandFlags[command].map((name) => `--${name}`).sort());
  }
  expect(commandFlags.demo).toEqual([]);
});

const flagsOfCommands = flagCases.flatMap((flagCase) =>
  flagCase.commands.map((command) => ({ ...flagCase, command })),
);

describe.each(flagsOfCommands)('$command $flag', ({ command, flag, valid, wrong, repeatable }) => {
  const others = requiredArgs(flag, command);
  const words = commandWords(command);

  // --group takes any text the spec allows: only the generic cases below apply to it.
  if (wrong.length > 0) {
    it('refuses values of the wrong type or range, naming it', async () => {
      for (const value of wrong) {
        const inline = await run([...words, ...others, `${flag}=${value}`]);
        expectUsageError(inline, [secretKey]);
        expect(inline.stderr).toContain(flag.slice(2));
        if (!value.startsWith('-')) {
          const separate = await run([...words, ...others, flag, value]);
          expect(separate).toEqual(inline);
        }
      }
    });
  }

  it('refuses a missing value, at the end or before another flag', async () => {
    for (const argv of [
      [...words, ...others, flag],
      [...words, flag, ...(others.length > 0 ? others : ['--format', 'json'])],
      [...words, ...others, flag, '-1'],
    ]) {
      const result = await run(argv);
      expectUsageError(result);
      expect(result.stderr).toContain(`${flag} needs a value`);
    }
  });

  it('refuses an empty value', async () => {
    for (const argv of [
      [...words, ...others, flag, ''],
      [...words, ...others, `${flag}=`],
    ]) {
      const result = await run(argv);
      expectUsageError(result);
      expect(result.stderr).toContain(`${flag} needs a value`);
    }
  });

  it.skipIf(repeatable)(
    'refuses the flag given twice, even with the same value (the help says so)',
    async () => {
      expect(helpText(words[0] as never)).toContain(
        'Each option but --member is given at most once',
      );
      for (const argv of [
        [...words, ...others, flag, valid, flag, valid],
        [...words, ...others, `${flag}=${valid}`, flag, valid],
      ]) {
        const result = await run(argv);
        expectUsageError(result);
        expect(result.stderr).toContain(`${flag} is given more than once`);
      }
    },
  );

  it('refuses a value with a control character, echoing neither the value nor the character', async () => {
    for (const control of controlCharacters) {
      for (const value of [`${valid}${control}`, `${control}${valid}`, `zQj${control}zQj`]) {
        const result = await run([...words, ...others, `${flag}=${value}`]);
        expectUsageError(result, [value, 'zQj']);
        expect(result.stderr).toContain(`${flag} holds a control character`);
        expect(result.stderr).not.toContain('\\u00');
      }
    }
  });
});

describe('unknown options and arguments', () => {
  const unknownOptions = [
    '--colour',
    '--no-color',
    '--json',
    '--GROUP',
    '---group',
    '--grou',
    '--group-id',
    '--mark-',
    '-g',
    '-Z',
  ];

  it.each([...apiCommands, 'demo'] as const)('%s names a short unknown option', async (command) => {
    for (const option of unknownOptions) {
      const words = commandWords(command);
      for (const argv of [
        [...words, ...(command === 'demo' ? [] : requiredArgs(option, command)), option],
        [...words, `${option}=1`],
      ]) {
        const result = await run(argv);
        expectUsageError(result);
        expect(result.stderr).toContain(`unknown option ${option}; ${command} takes`);
      }
    }
  });

  it('names a short unknown option before the command', async () => {
    for (const option of unknownOptions) {
      const result = await run([option, 'list']);
      expectUsageError(result);
      expect(result.stderr).toContain(`unknown option ${option}; the commands are`);
    }
  });

  it('never echoes an unknown option or command that could be a pasted secret', async () => {
    const hexPart = secretKey.slice('SENTINEL-SECRET-KEY-'.length);
    for (const argv of [
      [`--${secretKey}`],
      [`-${secretKey}`],
      [`--${secretKey}=1`],
      [secretKey],
      [hexPart],
      ['list', `--${secretKey}`],
      ['watch', `--${hexPart}=1`],
      ['demo', `-${hexPart}`],
      ['list', '--group', 'g', secretKey],
    ]) {
      const result = await run(argv);
      expectUsageError(result, [secretKey, hexPart]);
    }
  });

  it('escapes control characters in an unknown option or command, never echoing them', async () => {
    for (const control of controlCharacters) {
      for (const argv of [
        [`--col${control}our`],
        [`li${control}st`],
        ['list', '--group', 'g', `--col${control}our`],
        ['watch', '--group', 'g', `-${control}`],
      ]) {
        expectUsageError(await run(argv));
      }
    }
  });

  it.each([
    ['list', '--group', 'g', 'extra'],
    ['list', '--group', 'g', '--', 'extra'],
    ['watch', 'extra', '--group', 'g'],
    ['demo', 'extra'],
    ['demo', '-'],
    ['count', '--group', 'g', 'extra'],
    ['mark', 'set', '--group', 'g', '--mark', '1000', '--member', 'a', 'extra'],
    ['admins', 'add', 'extra', '--group', 'g'],
  ])('%s ... refuses a positional argument without echoing it', async (...argv) => {
    const result = await run(argv);
    expectUsageError(result, ['extra']);
    const command =
      argv[0] === 'mark' || argv[0] === 'admins' ? argv.slice(0, 2).join(' ') : argv[0];
    expect(result.stderr).toContain(`${command} takes no positional arguments`);
  });
});

describe('actions, required flags and per-call caps', () => {
  const secretHex = secretKey.slice('SENTINEL-SECRET-KEY-'.length);
  const members = (count: number) =>
    Array.from({ length: count }, (_, i) => ['--member', `viewer${i}`]).flat();

  it.each([
    { argv: ['mark'], message: 'mark needs an action: set or delete' },
    { argv: ['mark', '--group', 'g'], message: 'mark needs an action: set or delete' },
    {
      argv: ['mark', 'add', '--group', 'g'],
      message: 'unknown action add; mark takes set or delete',
    },
    {
      argv: ['admins', 'list', '--group', 'g'],
      message: 'unknown action list; admins takes add or remove',
    },
    { argv: ['admins', secretHex], message: 'unknown action; admins takes add or remove' },
    { argv: ['ban', '--group', 'g', '--duration', '60'], message: '--member is required' },
    { argv: ['check', '--group', 'g'], message: '--member is required' },
    { argv: ['admins', 'add', '--group', 'g'], message: '--member is required' },
    { argv: ['ban', '--group', 'g', '--member', 'a'], message: '--duration is required' },
    { argv: ['mark', 'set', '--group', 'g', '--member', 'a'], message: '--mark must be 500 or' },
    { argv: ['unban', '--member', 'a'], message: '--group is required' },
    {
      argv: ['ban', '--group', 'g', '--duration', '60', ...members(21)],
      message: '--member: at most 20 accounts per call',
    },
    {
      argv: ['unban', '--group', 'g', ...members(21)],
      message: '--member: at most 20 accounts per call',
    },
    {
      argv: ['admins', 'remove', '--group', 'g', ...members(6)],
      message: '--member: at most 5 accounts per call',
    },
    {
      argv: ['mark', 'delete', '--group', 'g', '--mark', '1000', ...members(501)],
      message: '--member: at most 500 accounts per call',
    },
  ])('$message ($argv.0)', async ({ argv, message }) => {
    const result = await run(argv);
    expectUsageError(result, [secretHex]);
    expect(result.stderr).toContain(message);
  });

  it('takes the per-call cap of --member after dropping repeats', async () => {
    const twentyTwice = [...members(20), ...members(20)];
    const result = await runSendingNothing(
      tripwire,
      ['ban', '--group', 'g', '--duration', '60', ...twentyTwice],
      { ...env, AVCHATROOM_BASE_URL: '' },
    );
    // Past the flags: only the missing endpoint is left to refuse.
    expectUsageError(result);
    expect(result.stderr).toContain('no endpoint');
  });
});

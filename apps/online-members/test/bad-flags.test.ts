import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpText } from '../src/help-text.js';
import { commandFlags } from '../src/parse-command.js';
import { type FetchTripwire, installFetchTripwire } from './fetch-tripwire.js';
import { controlCharacters, flagCases, requiredArgs } from './flag-catalog.js';
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
  for (const command of ['list', 'watch'] as const) {
    const cataloged = flagCases.filter((c) => c.commands.includes(command)).map((c) => c.flag);
    expect(cataloged.sort()).toEqual(commandFlags[command].map((name) => `--${name}`).sort());
  }
  expect(commandFlags.demo).toEqual([]);
});

const flagsOfCommands = flagCases.flatMap((flagCase) =>
  flagCase.commands.map((command) => ({ ...flagCase, command })),
);

describe.each(flagsOfCommands)('$command $flag', ({ command, flag, valid, wrong }) => {
  const others = requiredArgs(flag);

  // --group takes any text the spec allows: only the generic cases below apply to it.
  if (wrong.length > 0) {
    it('refuses values of the wrong type or range, naming it', async () => {
      for (const value of wrong) {
        const inline = await run([command, ...others, `${flag}=${value}`]);
        expectUsageError(inline, [secretKey]);
        expect(inline.stderr).toContain(flag.slice(2));
        if (!value.startsWith('-')) {
          const separate = await run([command, ...others, flag, value]);
          expect(separate).toEqual(inline);
        }
      }
    });
  }

  it('refuses a missing value, at the end or before another flag', async () => {
    for (const argv of [
      [command, ...others, flag],
      [command, flag, ...(others.length > 0 ? others : ['--mark', '1000'])],
      [command, ...others, flag, '-1'],
    ]) {
      const result = await run(argv);
      expectUsageError(result);
      expect(result.stderr).toContain(`${flag} needs a value`);
    }
  });

  it('refuses an empty value', async () => {
    for (const argv of [
      [command, ...others, flag, ''],
      [command, ...others, `${flag}=`],
    ]) {
      const result = await run(argv);
      expectUsageError(result);
      expect(result.stderr).toContain(`${flag} needs a value`);
    }
  });

  it('refuses the flag given twice, even with the same value (the help says so)', async () => {
    expect(helpText(command)).toContain('Each option is given at most once');
    for (const argv of [
      [command, ...others, flag, valid, flag, valid],
      [command, ...others, `${flag}=${valid}`, flag, valid],
    ]) {
      const result = await run(argv);
      expectUsageError(result);
      expect(result.stderr).toContain(`${flag} is given more than once`);
    }
  });

  it('refuses a value with a control character, echoing neither the value nor the character', async () => {
    for (const control of controlCharacters) {
      for (const value of [`${valid}${control}`, `${control}${valid}`, `zQj${control}zQj`]) {
        const result = await run([command, ...others, `${flag}=${value}`]);
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

  it.each(['list', 'watch', 'demo'] as const)(
    '%s names a short unknown option',
    async (command) => {
      for (const option of unknownOptions) {
        for (const argv of [
          [command, ...(command === 'demo' ? [] : requiredArgs(option)), option],
          [command, `${option}=1`],
        ]) {
          const result = await run(argv);
          expectUsageError(result);
          expect(result.stderr).toContain(`unknown option ${option}; ${command} takes`);
        }
      }
    },
  );

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
  ])('%s ... refuses a positional argument without echoing it', async (...argv) => {
    const result = await run(argv);
    expectUsageError(result, ['extra']);
    expect(result.stderr).toContain(`${argv[0]} takes no positional arguments`);
  });
});

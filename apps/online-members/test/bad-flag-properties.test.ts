import { randomBytes } from 'node:crypto';
import { chatRegions } from '@avchatroom/client';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames } from '../src/command-flags.js';
import { listFormats } from '../src/formats/format-listing.js';
import { commandFlags } from '../src/parse-command.js';
import { type FetchTripwire, installFetchTripwire } from './fetch-tripwire.js';
import { apiCommands, commandWords, flagCases, requiredArgs } from './flag-catalog.js';
import { anyText, controlCharacter } from './text-arbitraries.js';
import { expectUsageError, runSendingNothing } from './usage-error-checks.js';

// Properties behind README "Exit codes" (2: a usage error, one line, nothing
// sent): generated command lines, each run through runCli in-process.
const env = {
  AVCHATROOM_SDKAPPID: '1400000000',
  AVCHATROOM_IDENTIFIER: 'administrator',
  AVCHATROOM_SECRET_KEY: `SENTINEL-SECRET-KEY-${randomBytes(8).toString('hex')}`,
  AVCHATROOM_BASE_URL: 'http://127.0.0.1:9',
};

let tripwire: FetchTripwire;
beforeAll(() => {
  tripwire = installFetchTripwire();
});
afterAll(() => tripwire.restore());

const run = (argv: string[], given: Record<string, string> = env) =>
  runSendingNothing(tripwire, argv, given);

const flagOfCommand = fc.constantFrom(
  ...flagCases.flatMap(({ flag, commands, repeatable }) =>
    commands.map((command) => ({ command, flag, repeatable: repeatable === true })),
  ),
);

/** A command line of `command` with its required flags, and `extra` after them. */
const lineOf = (command: Parameters<typeof commandWords>[0], flag: string, extra: string[]) => [
  ...commandWords(command),
  ...(command === 'demo' ? [] : requiredArgs(flag, command)),
  ...extra,
];

const knownWords = [
  ...commandNames,
  'set',
  'delete',
  'add',
  'remove',
  'help',
  '--help',
  '-h',
  '--version',
  '--',
  '-',
  ...Object.values(commandFlags).flatMap((names) => names.map((name) => `--${name}`)),
];

describe('any command line', () => {
  it('with no settings in the environment: help (0) or one usage line (2), nothing sent', async () => {
    const word = fc.oneof(
      fc.constantFrom(...knownWords),
      anyText(),
      fc.constantFrom(...knownWords).chain((flag) => anyText().map((v) => `${flag}=${v}`)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 8 }), async (argv) => {
        // A bare `demo` is a valid command that starts the emulator: not a bad input.
        fc.pre(!(argv[0] === 'demo' && argv.slice(1).every((arg) => arg === '--')));
        const result = await run(argv, {});
        if (result.code === 0) {
          expect(result.stdout).not.toBe('');
          expect(result.stderr).toBe('');
        } else expectUsageError(result);
      }),
      { numRuns: 300 },
    );
  });
});

describe('flag values', () => {
  it('a control character anywhere in a value is refused, naming the flag and echoing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        flagOfCommand,
        anyText(),
        controlCharacter,
        anyText(),
        async ({ command, flag }, before, control, after) => {
          const value = `zQj${before}${control}${after}`;
          const result = await run(lineOf(command, flag, [`${flag}=${value}`]));
          expectUsageError(result, ['zQj']);
          expect(result.stderr).toContain(`${flag} holds a control character`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a flag given twice is refused, whatever the values', async () => {
    const value = fc.string({ minLength: 1 }).filter((v) => !v.startsWith('-'));
    await fc.assert(
      fc.asyncProperty(
        flagOfCommand,
        value,
        value,
        async ({ command, flag, repeatable }, first, second) => {
          fc.pre(!repeatable);
          const result = await run(lineOf(command, flag, [flag, first, flag, second]));
          expectUsageError(result);
          expect(result.stderr).toContain(`${flag} is given more than once`);
        },
      ),
    );
  });

  const numberLike = fc.oneof(
    anyText(1),
    fc.stringMatching(/^[-+]?\d{0,25}(\.\d{0,3})?(e[-+]?\d{1,3})?$/),
    fc.bigInt().map(String),
    fc.double().map(String),
  );

  it.each([
    { flag: '--mark', command: 'list', min: 0n, max: BigInt(Number.MAX_SAFE_INTEGER) },
    { flag: '--rounds', command: 'watch', min: 1n, max: 1_000_000n },
    { flag: '--sdk-app-id', command: 'list', min: 1n, max: 2n ** 32n - 1n },
  ])('$flag: anything but a whole number from $min to $max is refused', async (range) => {
    await fc.assert(
      fc.asyncProperty(numberLike, async (value) => {
        const whole =
          /^\d+$/.test(value) && BigInt(value) >= range.min && BigInt(value) <= range.max;
        fc.pre(!whole);
        const result = await run([range.command, '--group', 'g', `${range.flag}=${value}`]);
        expectUsageError(result);
        expect(result.stderr).toContain(range.flag);
      }),
    );
  });

  it.each([
    { flag: '--interval', max: 86_400 },
    { flag: '--timeout', max: 300 },
  ])('$flag: anything but a number of seconds above 0, at most $max, is refused', async (range) => {
    await fc.assert(
      fc.asyncProperty(numberLike, async (value) => {
        const seconds =
          /^\d+(\.\d+)?$/.test(value) && Number(value) > 0 && Number(value) <= range.max;
        fc.pre(!seconds);
        const result = await run(['watch', '--group', 'g', `${range.flag}=${value}`]);
        expectUsageError(result);
        expect(result.stderr).toContain(range.flag);
      }),
    );
  });

  it.each([
    { flag: '--format', choices: listFormats },
    { flag: '--region', choices: Object.keys(chatRegions) },
  ])('$flag: anything but one of its choices is refused', async ({ flag, choices }) => {
    await fc.assert(
      fc.asyncProperty(anyText(1), async (value) => {
        fc.pre(!(choices as readonly string[]).includes(value));
        const result = await run(['list', '--group', 'g', `${flag}=${value}`]);
        expectUsageError(result);
        expect(result.stderr).toContain(flag);
      }),
    );
  });

  it('--base-url: anything that does not start with http: or https: is refused', async () => {
    await fc.assert(
      fc.asyncProperty(anyText(1), async (value) => {
        fc.pre(!/^https?:/i.test(value));
        const result = await run(['list', '--group', 'g', `--base-url=${value}`]);
        expectUsageError(result);
        expect(result.stderr).toContain('--base-url');
      }),
    );
  });
});

describe('unknown options and secrets', () => {
  it('an unknown option is refused; only a short name of letters and dashes is echoed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...apiCommands, 'demo' as const),
        anyText(1),
        async (command, name) => {
          fc.pre(!name.includes('=') && !knownWords.includes(`--${name}`));
          const result = await run(lineOf(command, '', [`--${name}`]));
          expectUsageError(result);
          if (!/^-{0,3}[a-z][a-z-]{0,19}$/i.test(`--${name}`)) {
            // Only a name long enough not to occur in the message by chance.
            if (name.length > 8) expect(result.stderr).not.toContain(name);
          }
        },
      ),
    );
  });

  it('a secret key or UserSig typed where a flag, value or command goes is never echoed', async () => {
    const secret = fc.oneof(
      fc.stringMatching(/^[0-9a-f]{64}$/),
      fc.stringMatching(/^eJ[A-Za-z0-9*_-]{100,300}$/),
    );
    const slots: ((s: string) => string[])[] = [
      (s) => [s],
      (s) => [`--${s}`],
      (s) => [`-${s}`],
      (s) => [`--${s}=1`],
      (s) => ['list', '--group', 'g', s],
      (s) => ['watch', `--${s}`],
      (s) => ['demo', s],
      (s) => ['list', '--group', 'g', '--secret-key', s],
      (s) => ['list', '--group', 'g', `--usersig=${s}`],
      ...flagCases
        // A flag that takes any text sends it as given, as a group ID or an account.
        .filter(({ text }) => !text)
        .flatMap(({ flag, commands }) =>
          commands.map((command) => (s: string) => lineOf(command, flag, [`${flag}=${s}`])),
        ),
    ];
    await fc.assert(
      fc.asyncProperty(secret, fc.constantFrom(...slots), async (pasted, slot) => {
        const result = await run(slot(pasted));
        expectUsageError(result, [pasted, pasted.slice(0, 20), pasted.slice(-20)]);
      }),
      { numRuns: 200 },
    );
  });

  it('a secret typed as the group ID is not echoed when the settings are incomplete', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[0-9a-f]{64}$/), async (pasted) => {
        const result = await run(['list', '--group', pasted], {});
        expectUsageError(result, [pasted]);
      }),
      { numRuns: 20 },
    );
  });
});

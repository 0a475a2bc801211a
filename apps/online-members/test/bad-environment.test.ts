import { randomBytes } from 'node:crypto';
import { chatRegions } from '@avchatroom/client';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envNames } from '../src/credentials-from-env.js';
import { type FetchTripwire, installFetchTripwire } from './fetch-tripwire.js';
import {
  apiCommands,
  commandWords,
  controlCharacters,
  notHttpUrls,
  notWholeNumbers,
  requiredArgs,
  urlsWithCredentials,
} from './flag-catalog.js';
import { anyText, controlCharacter } from './text-arbitraries.js';
import { expectUsageError, runSendingNothing } from './usage-error-checks.js';

// README "Settings" and "Exit codes": a bad value in a variable the CLI reads
// is a usage error (exit code 2, one line, nothing sent) that names the
// variable and never prints its value ("The app never prints ... the value of
// any variable").
const hex = randomBytes(8).toString('hex');
const secretKey = `SENTINEL-SECRET-KEY-${hex}`;
const userSig = `eJyrVkrxCdYrSy1SslIyNDAwUNIBiSWnpmTmpYNEU1MSi4AyoSUF${hex}`;

const completeEnv: Record<string, string> = {
  [envNames.sdkAppId]: '1400000000',
  [envNames.identifier]: 'administrator',
  [envNames.secretKey]: secretKey,
  [envNames.baseUrl]: 'http://127.0.0.1:9',
};

/** Stray whitespace, as pasting a secret can leave: never part of a key or a UserSig. */
const withWhitespace = (secret: string) => [
  ` ${secret}`,
  `${secret} `,
  `${secret.slice(0, 8)} ${secret.slice(8)}`,
  `${secret}\u00a0`,
  `\u3000${secret}`,
];

interface EnvCase {
  variable: string;
  valid: string;
  wrong: readonly string[];
  /** What the message names: the variable, or for the client's own checks the option. */
  named: string;
  /** Variables that would conflict with this one (README: "both ... is a usage error"). */
  without?: readonly string[];
}

const envCases: readonly EnvCase[] = [
  {
    variable: envNames.sdkAppId,
    valid: '1400000000',
    wrong: [...notWholeNumbers, '0', '4294967296'],
    named: envNames.sdkAppId,
  },
  {
    variable: envNames.identifier,
    valid: 'administrator',
    wrong: ['x'.repeat(33), '\u5c0f'.repeat(11), 'admin\ud800'],
    named: 'identifier',
  },
  {
    variable: envNames.secretKey,
    valid: secretKey,
    wrong: withWhitespace(secretKey),
    named: envNames.secretKey,
  },
  {
    variable: envNames.userSig,
    valid: userSig,
    wrong: withWhitespace(userSig),
    named: envNames.userSig,
    without: [envNames.secretKey],
  },
  {
    variable: envNames.region,
    valid: 'singapore',
    wrong: ['mars', 'Singapore', ' tokyo', 'tokyo ', '__proto__', 'constructor', ' '],
    named: envNames.region,
    without: [envNames.baseUrl],
  },
  {
    variable: envNames.baseUrl,
    valid: 'http://127.0.0.1:9',
    wrong: [...notHttpUrls, ...urlsWithCredentials],
    named: envNames.baseUrl,
  },
];

let tripwire: FetchTripwire;
beforeAll(() => {
  tripwire = installFetchTripwire();
});
afterAll(() => tripwire.restore());

const envWith = ({ variable, without = [] }: EnvCase, value: string) => {
  const env = { ...completeEnv, [variable]: value };
  for (const name of without) delete env[name];
  return env;
};

const runList = (env: Record<string, string>, options: { isTTY?: boolean } = {}) =>
  runSendingNothing(tripwire, ['list', '--group', '@TGS#aROOM'], env, options);

describe.each(apiCommands)('%s reads the environment as list does', (command) => {
  const argv = [...commandWords(command), ...requiredArgs('', command)];
  it.each<{ given: Record<string, string>; named: string }>([
    { given: { [envNames.sdkAppId]: secretKey }, named: envNames.sdkAppId },
    { given: { [envNames.secretKey]: `${secretKey} ` }, named: envNames.secretKey },
    { given: { [envNames.baseUrl]: `http://u:${hex}@127.0.0.1:9` }, named: envNames.baseUrl },
    { given: { [envNames.identifier]: `admin\n${hex}` }, named: envNames.identifier },
  ])(
    'a bad $named: a usage error that names it and points at its help',
    async ({ given, named }) => {
      const result = await runSendingNothing(tripwire, argv, { ...completeEnv, ...given });
      expectUsageError(result, [secretKey, hex]);
      expect(result.stderr).toContain(named);
      expect(result.stderr).toContain(`(see online-members ${commandWords(command)[0]} --help)`);
    },
  );
});

it('the cases hold every variable the CLI reads', () => {
  expect(envCases.map((c) => c.variable).sort()).toEqual(Object.values(envNames).sort());
});

describe.each(envCases)('$variable', (envCase) => {
  it('refuses values of the wrong type, naming the setting and never the value', async () => {
    for (const value of envCase.wrong) {
      const result = await runList(envWith(envCase, value));
      expectUsageError(result, [secretKey, userSig, hex]);
      expect(result.stderr).toContain(envCase.named);
    }
  });

  it('refuses a control character, echoing neither the value nor the character', async () => {
    for (const control of controlCharacters) {
      for (const value of [`${envCase.valid}${control}`, `${control}${envCase.valid}`]) {
        const result = await runList(envWith(envCase, value));
        expectUsageError(result, [secretKey, userSig, hex]);
        expect(result.stderr).toContain(`${envCase.variable} holds a control character`);
        expect(result.stderr).not.toContain('\\u00');
      }
    }
  });

  it('never echoes a secret put in it by mistake', async () => {
    const isSecret = [envNames.secretKey, envNames.userSig].includes(envCase.variable as never);
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[0-9a-f]{64}$/), async (pasted) => {
        // A 64-digit hex string is a fine secret: there, a trailing space makes it bad.
        const result = await runList(envWith(envCase, isSecret ? `${pasted} ` : pasted));
        expectUsageError(result, [pasted, pasted.slice(0, 24), pasted.slice(-24)]);
      }),
      { numRuns: 20 },
    );
  });
});

describe('properties', () => {
  it('an SDKAppID that is not a whole number from 1 to 2^32 - 1 is refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(anyText(1), fc.bigInt().map(String), fc.double().map(String)),
        async (value) => {
          const whole = /^\d+$/.test(value) && BigInt(value) >= 1n && BigInt(value) < 2n ** 32n;
          fc.pre(!whole);
          const result = await runList({ ...completeEnv, [envNames.sdkAppId]: value });
          expectUsageError(result);
          expect(result.stderr).toContain(envNames.sdkAppId);
        },
      ),
    );
  });

  it('a region that is not a key of chatRegions is refused', async () => {
    await fc.assert(
      fc.asyncProperty(anyText(1), async (value) => {
        fc.pre(!Object.hasOwn(chatRegions, value));
        const env: Record<string, string> = { ...completeEnv, [envNames.region]: value };
        delete env[envNames.baseUrl];
        const result = await runList(env);
        expectUsageError(result);
        expect(result.stderr).toContain(envNames.region);
      }),
    );
  });

  it('a base URL that does not start with http: or https: is refused', async () => {
    await fc.assert(
      fc.asyncProperty(anyText(1), async (value) => {
        fc.pre(!/^https?:/i.test(value));
        const result = await runList({ ...completeEnv, [envNames.baseUrl]: value });
        expectUsageError(result);
        expect(result.stderr).toContain(envNames.baseUrl);
      }),
    );
  });

  it('a secret with whitespace anywhere is refused, never echoed', async () => {
    const whitespace = fc.constantFrom(' ', '\u00a0', '\u2003', '\u3000', '\ufeff');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(envNames.secretKey, envNames.userSig),
        fc.stringMatching(/^[A-Za-z0-9*_-]{0,40}$/),
        whitespace,
        fc.stringMatching(/^[A-Za-z0-9*_-]{0,40}$/),
        async (variable, before, space, after) => {
          const value = `SeCrEt${before}${space}${after}`;
          const env: Record<string, string> = { ...completeEnv, [variable]: value };
          if (variable === envNames.userSig) delete env[envNames.secretKey];
          const result = await runList(env);
          expectUsageError(result, ['SeCrEt']);
          expect(result.stderr).toContain(`${variable} holds whitespace`);
        },
      ),
    );
  });

  it('a control character in any variable is refused, naming it and echoing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...envCases),
        anyText(),
        controlCharacter,
        anyText(),
        async (envCase, before, control, after) => {
          const result = await runList(envWith(envCase, `zQj${before}${control}${after}`));
          expectUsageError(result, ['zQj']);
          expect(result.stderr).toContain(`${envCase.variable} holds a control character`);
        },
      ),
    );
  });

  it('NO_COLOR, whatever its value, keeps a usage error one plain line on a terminal', async () => {
    await fc.assert(
      fc.asyncProperty(anyText(1), async (value) => {
        const env: Record<string, string> = { ...completeEnv, NO_COLOR: value };
        delete env[envNames.secretKey];
        const result = await runList(env, { isTTY: true });
        expectUsageError(result);
        expect(result.stderr).not.toContain('\u001b');
      }),
    );
  });
});

import type { ScenarioContext, ScenarioRun, SentinelScenario } from './sentinel-scenario.js';

// One usage error per distinct message of the CLI (README "Exit codes", 2),
// with a sentinel secret in the environment and, wherever a value can be
// wrong, as the wrong value itself. Each must send nothing.
const usage = (
  name: string,
  stderrHas: string,
  setup: (context: ScenarioContext) => ScenarioRun,
): SentinelScenario => ({ name, kind: 'usage', exitCode: 2, apiCalls: () => 0, stderrHas, setup });

/** The mode's own sentinel: what a user would paste by mistake. */
const secretOf = ({ mode, credentials }: ScenarioContext) =>
  mode === 'secretKey' ? credentials.secretKey : credentials.userSig;

/** The emulator's URL with the sentinel as its password, as a deploy script might write it. */
const withSecretPassword = (c: ScenarioContext) => {
  const url = new URL(c.emulator.url);
  url.username = 'deploy';
  url.password = secretOf(c);
  return url.href;
};

export const usageScenarios: readonly SentinelScenario[] = [
  usage('no command', 'a command is required', () => ({ argv: [] })),
  usage('a secret as the command', 'unknown command;', (c) => ({ argv: [secretOf(c)] })),
  usage('a secret as an option before the command', 'unknown option; the commands', (c) => ({
    argv: [`--${secretOf(c)}`, 'list'],
  })),
  usage('a secret as an unknown option of list', 'unknown option; list takes', (c) => ({
    argv: ['list', '--group', c.room, `--${secretOf(c)}=1`],
  })),
  usage('an unknown option of watch', 'unknown option --format; watch takes', (c) => ({
    argv: ['watch', '--group', c.room, '--format', 'json'],
  })),
  usage('an option of demo', 'unknown option --sdk-app-id; demo takes no options', () => ({
    argv: ['demo', '--sdk-app-id', '1'],
  })),
  usage('a secret as a flag', 'never from flags', (c) => ({
    argv: ['list', '--group', c.room, `--secret-key=${secretOf(c)}`],
  })),
  usage('a secret as a positional argument', 'list takes no positional arguments', (c) => ({
    argv: ['list', '--group', c.room, secretOf(c)],
  })),
  usage('a flag without a value', '--rounds needs a value', (c) => ({
    argv: ['watch', '--group', c.room, '--rounds'],
  })),
  usage('an empty flag value', '--group needs a value', () => ({ argv: ['list', '--group', ''] })),
  usage('a flag given twice, the second a secret', '--group is given more than once', (c) => ({
    argv: ['list', '--group', c.room, '--group', secretOf(c)],
  })),
  usage('a secret after a newline in a flag value', '--group holds a control character', (c) => ({
    argv: ['list', '--group', `${c.room}\n${secretOf(c)}`],
  })),
  usage('no --group', '--group is required', () => ({ argv: ['list'] })),
  usage('a secret as --mark', '--mark must be a whole number', (c) => ({
    argv: ['list', '--group', c.room, `--mark=${secretOf(c)}`],
  })),
  usage('a secret as --format', '--format must be one of', (c) => ({
    argv: ['list', '--group', c.room, '--format', secretOf(c)],
  })),
  usage('a secret as --interval', '--interval must be a number of seconds', (c) => ({
    argv: ['watch', '--group', c.room, '--interval', secretOf(c)],
  })),
  usage('a bad --rounds', '--rounds must be a whole number', (c) => ({
    argv: ['watch', '--group', c.room, '--rounds', '0'],
  })),
  usage('a secret as --timeout', '--timeout must be a number of seconds', (c) => ({
    argv: ['list', '--group', c.room, '--timeout', secretOf(c)],
  })),
  usage('a secret as --sdk-app-id', '--sdk-app-id must be a whole number', (c) => ({
    argv: ['list', '--group', c.room, '--sdk-app-id', secretOf(c)],
  })),
  usage('a secret as AVCHATROOM_SDKAPPID', 'AVCHATROOM_SDKAPPID must be a whole number', (c) => ({
    argv: ['list', '--group', c.room],
    env: { AVCHATROOM_SDKAPPID: secretOf(c) },
  })),
  usage('no SDKAppID', 'no SDKAppID', (c) => ({
    argv: ['list', '--group', c.room],
    env: { AVCHATROOM_SDKAPPID: '' },
  })),
  usage('no identifier', 'no identifier', (c) => ({
    argv: ['watch', '--group', c.room],
    env: { AVCHATROOM_IDENTIFIER: '' },
  })),
  usage('a secret as --identifier (over 32 bytes)', 'at most 32 bytes', (c) => ({
    argv: ['list', '--group', c.room, '--identifier', secretOf(c)],
  })),
  usage(
    'an escape sequence and a secret in AVCHATROOM_IDENTIFIER',
    'AVCHATROOM_IDENTIFIER holds a control character',
    (c) => ({
      argv: ['list', '--group', c.room],
      env: { AVCHATROOM_IDENTIFIER: `admin\u001b[2J${secretOf(c)}` },
    }),
  ),
  usage('both secrets', 'not both', (c) => ({
    argv: ['list', '--group', c.room],
    env: {
      AVCHATROOM_SECRET_KEY: c.credentials.secretKey,
      AVCHATROOM_USERSIG: c.credentials.userSig,
    },
  })),
  usage('a secret with a trailing space', 'holds whitespace', (c) => ({
    argv: ['list', '--group', c.room],
    env: {
      [c.mode === 'secretKey' ? 'AVCHATROOM_SECRET_KEY' : 'AVCHATROOM_USERSIG']: `${secretOf(c)} `,
    },
  })),
  usage('a secret with a trailing CRLF', 'holds a control character', (c) => ({
    argv: ['list', '--group', c.room],
    env: {
      [c.mode === 'secretKey' ? 'AVCHATROOM_SECRET_KEY' : 'AVCHATROOM_USERSIG']:
        `${secretOf(c)}\r\n`,
    },
  })),
  usage('no credentials (the secret in a misspelt variable)', 'no credentials', (c) => ({
    argv: ['list', '--group', c.room],
    env: { AVCHATROOM_SECRET_KEY: '', AVCHATROOM_USERSIG: '', AVCHATROOM_SECRETKEY: secretOf(c) },
  })),
  usage('both --region and --base-url', 'give --region or --base-url, not both', (c) => ({
    argv: ['list', '--group', c.room, '--region', 'tokyo', '--base-url', c.emulator.url],
  })),
  usage('both endpoint variables', 'set AVCHATROOM_REGION or AVCHATROOM_BASE_URL', (c) => ({
    argv: ['list', '--group', c.room],
    env: { AVCHATROOM_REGION: 'tokyo' },
  })),
  usage('a secret as --region', '--region must be one of', (c) => ({
    argv: ['list', '--group', c.room, '--region', secretOf(c)],
  })),
  usage('a secret as AVCHATROOM_REGION', 'AVCHATROOM_REGION must be one of', (c) => ({
    argv: ['list', '--group', c.room],
    env: { AVCHATROOM_REGION: secretOf(c), AVCHATROOM_BASE_URL: '' },
  })),
  usage('a secret as --base-url', '--base-url must be an http(s) URL', (c) => ({
    argv: ['list', '--group', c.room, '--base-url', secretOf(c)],
  })),
  usage(
    'a base URL with a space and a secret',
    'AVCHATROOM_BASE_URL must be an http(s) URL',
    (c) => ({
      argv: ['list', '--group', c.room],
      env: { AVCHATROOM_BASE_URL: `${c.emulator.url}/ ${secretOf(c)}` },
    }),
  ),
  usage(
    'a base URL with a newline and a secret',
    'AVCHATROOM_BASE_URL holds a control character',
    (c) => ({
      argv: ['list', '--group', c.room],
      env: { AVCHATROOM_BASE_URL: `${c.emulator.url}\n${secretOf(c)}` },
    }),
  ),
  usage(
    'a secret as the password of --base-url',
    '--base-url holds a user name or password',
    (c) => ({
      argv: ['list', '--group', c.room, '--base-url', withSecretPassword(c)],
    }),
  ),
  usage(
    'a secret as the password in AVCHATROOM_BASE_URL',
    'AVCHATROOM_BASE_URL holds a user name or password',
    (c) => ({
      argv: ['list', '--group', c.room],
      env: { AVCHATROOM_BASE_URL: withSecretPassword(c) },
    }),
  ),
  usage('no endpoint', 'no endpoint', (c) => ({
    argv: ['list', '--group', c.room],
    env: { AVCHATROOM_BASE_URL: '' },
  })),
];

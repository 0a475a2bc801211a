import { abortSoon } from './sentinel-failure-scenarios.js';
import type { ScenarioContext, SentinelScenario } from './sentinel-scenario.js';

// The operator's commands (count, bans, ban, unban, mark, admins, check) on
// the secrets sentinel's error paths: a usage error per message of their own
// (exit 2, nothing sent), an API error and a fault each (exit 1), and an
// interruption (130).
const secretOf = ({ mode, credentials }: ScenarioContext) =>
  mode === 'secretKey' ? credentials.secretKey : credentials.userSig;

const usage = (
  name: string,
  stderrHas: string,
  argv: (context: ScenarioContext) => string[],
): SentinelScenario => ({
  name,
  kind: 'usage',
  exitCode: 2,
  apiCalls: () => 0,
  stderrHas,
  setup: (c) => ({ argv: argv(c) }),
});

const members = (count: number) =>
  Array.from({ length: count }, (_, index) => ['--member', `viewer${index}`]).flat();

export const operatorUsageScenarios: readonly SentinelScenario[] = [
  usage('mark without its action', 'mark needs an action: set or delete', (c) => [
    'mark',
    '--group',
    c.room,
  ]),
  usage('a secret as the action of admins', 'unknown action; admins takes add or remove', (c) => [
    'admins',
    secretOf(c),
  ]),
  usage('a secret as a positional argument of mark set', 'mark set takes no positional', (c) => [
    'mark',
    'set',
    '--group',
    c.room,
    secretOf(c),
  ]),
  usage('no --member', '--member is required', (c) => ['check', '--group', c.room]),
  usage('more --member than a call takes', '--member: at most 20 accounts per call', (c) => [
    'unban',
    '--group',
    c.room,
    ...members(21),
  ]),
  usage('no --duration', '--duration is required', (c) => [
    'ban',
    '--group',
    c.room,
    ...members(1),
  ]),
  usage('a secret as --duration', '--duration must be a whole number', (c) => [
    'ban',
    '--group',
    c.room,
    ...members(1),
    `--duration=${secretOf(c)}`,
  ]),
  usage(
    'a secret repeated past 1,000 bytes as --description',
    '--description is longer than',
    (c) => [
      'ban',
      '--group',
      c.room,
      ...members(1),
      '--duration',
      '60',
      `--description=${secretOf(c).repeat(200)}`,
    ],
  ),
  usage('a secret as the mark to set', '--mark must be 500 or a whole number', (c) => [
    'mark',
    'set',
    '--group',
    c.room,
    ...members(1),
    `--mark=${secretOf(c)}`,
  ]),
  usage('a secret as --format of count', '--format must be one of table, json', (c) => [
    'count',
    '--group',
    c.room,
    `--format=${secretOf(c)}`,
  ]),
];

const noSuchGroup = '@TGS#aNOSUCHGROUP';

const apiError = (argv: string[]): SentinelScenario => ({
  name: `${argv.slice(0, 2).join(' ')} on no such group (10010)`,
  kind: 'api',
  exitCode: 1,
  apiCalls: () => 1,
  stderrHas: 'ErrorCode 10010',
  setup: () => ({ argv: [...argv, '--group', noSuchGroup] }),
});

export const operatorFailureScenarios: readonly SentinelScenario[] = [
  apiError(['count']),
  apiError(['bans', '--format=csv']),
  apiError(['ban', ...members(2), '--duration', '60']),
  apiError(['unban', ...members(1)]),
  apiError(['mark', 'set', '--mark', '1000', ...members(1)]),
  apiError(['mark', 'delete', '--mark', '500', ...members(1), '--format', 'json']),
  apiError(['admins']),
  apiError(['admins', 'remove', ...members(1)]),
  apiError(['check', ...members(3)]),
  {
    name: 'bans: an HTML 502 from a gateway on every attempt',
    kind: 'fault',
    exitCode: 1,
    stderrHas: 'HTTP error 502',
    setup: (c) => {
      c.emulator.faults.add({ kind: 'html502', times: 3 });
      return { argv: ['bans', '--group', c.room, '--format', 'json'] };
    },
  },
  {
    name: 'ban interrupted while waiting for an answer',
    kind: 'interrupt',
    exitCode: 130,
    stderrHas: 'interrupted',
    setup: (c) => {
      c.emulator.faults.add({ kind: 'latency', ms: 3000 });
      const argv = ['ban', '--group', c.room, ...members(1), '--duration', '60'];
      return { argv, signal: abortSoon(300) };
    },
  },
];

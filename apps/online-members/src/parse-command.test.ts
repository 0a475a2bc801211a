import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-command.js';
import { UsageError } from './usage-error.js';

describe('parseCommand', () => {
  it.each([
    { argv: ['--help'], want: { kind: 'help' } },
    { argv: ['-h'], want: { kind: 'help' } },
    { argv: ['help', 'watch'], want: { kind: 'help', command: 'watch' } },
    { argv: ['list', '--group', 'g', '--help'], want: { kind: 'help', command: 'list' } },
    { argv: ['list', '--bogus', '-h'], want: { kind: 'help', command: 'list' } },
    { argv: ['--version'], want: { kind: 'version' } },
    { argv: ['demo'], want: { kind: 'demo' } },
    {
      argv: ['list', '--group', 'g'],
      want: { kind: 'list', groupId: 'g', mark: undefined, format: 'table' },
    },
    {
      argv: ['list', '--group=g', '--format', 'csv', '--mark', '1000', '--region', 'tokyo'],
      want: {
        kind: 'list',
        groupId: 'g',
        mark: 1000,
        format: 'csv',
        connection: { region: 'tokyo' },
      },
    },
    {
      argv: [
        'watch',
        '--group',
        'g',
        '--interval',
        '0.5',
        '--rounds',
        '3',
        '--base-url',
        'http://h',
        '--timeout=2.5',
      ],
      want: {
        kind: 'watch',
        groupId: 'g',
        intervalSeconds: 0.5,
        rounds: 3,
        connection: { baseUrl: 'http://h', timeoutSeconds: 2.5 },
      },
    },
    {
      argv: ['watch', '--group', 'g', '--sdk-app-id', '7', '--identifier', 'admin'],
      want: {
        kind: 'watch',
        intervalSeconds: undefined,
        rounds: undefined,
        connection: { sdkAppId: '7', identifier: 'admin' },
      },
    },
  ])('$argv', ({ argv, want }) => {
    expect(parseCommand(argv)).toMatchObject(want);
  });

  it.each([
    { argv: [], message: 'a command is required' },
    { argv: ['list'], message: '--group is required' },
    { argv: ['list', '--group', ''], message: '--group needs a value' },
    { argv: ['list', '--group'], message: '--group needs a value' },
    { argv: ['list', '--group', '--format', 'json'], message: '--group needs a value' },
    { argv: ['list', '--group', 'g', '--mark', '-1'], message: 'written --mark=VALUE' },
    { argv: ['list', '--group', 'g', '--mark=-1'], message: '--mark must be a whole number' },
    { argv: ['list', '--group', 'g', '--mark', '0x10'], message: '--mark must be a whole number' },
    {
      argv: ['list', '--group', 'g', '--mark', '9007199254740992'],
      message: 'from 0 to 9007199254740991',
    },
    {
      argv: ['list', '--group', 'g', '--interval', '5'],
      message: 'unknown option --interval; list takes --group, --mark,',
    },
    { argv: ['watch', '--group', 'g', '--interval', 'soon'], message: '--interval must be' },
    { argv: ['watch', '--group', 'g', '--interval', '86401'], message: 'at most 86400' },
    { argv: ['watch', '--group', 'g', '--rounds', '0'], message: '--rounds must be' },
    { argv: ['watch', '--group', 'g', '--format', 'json'], message: 'unknown option --format' },
    { argv: ['watch', '--group', 'g', '--group', 'h'], message: '--group is given more than once' },
    { argv: ['watch', '--group', 'g\n'], message: '--group holds a control character' },
    { argv: ['watch', '--group', 'g', '--timeout', '0'], message: '--timeout must be' },
    { argv: ['demo', '--group', 'g'], message: 'unknown option --group; demo takes no options' },
    { argv: ['list', '--group', 'g', '--secret=x'], message: 'never from flags' },
    { argv: ['list', '--group', 'g', '--usersig', 'x'], message: 'never from flags' },
    { argv: ['--secret-key', 'x'], message: 'unknown option --secret-key' },
  ])('$argv: $message', ({ argv, message }) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });

  it('never echoes a positional argument, which could be a pasted secret', () => {
    expect(() => parseCommand(['list', '--group', 'g', 'S3CRET'])).toThrow(
      'list takes no positional arguments',
    );
  });
});

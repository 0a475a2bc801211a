import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-command.js';
import { UsageError } from './usage-error.js';

// The operator's commands (README "Commands"): what each command line reads as.
const banOfA = ['ban', '--group', 'g', '--member', 'a', '--duration', '60'];
describe('parseCommand: the operator commands', () => {
  it.each([
    {
      argv: ['count', '--group', 'g'],
      want: { kind: 'count', groupId: 'g', format: 'table', connection: {} },
    },
    {
      argv: ['count', '--group', 'g', '--format', 'json', '--region', 'tokyo'],
      want: { kind: 'count', format: 'json', connection: { region: 'tokyo' } },
    },
    { argv: ['bans', '--group', 'g', '--format', 'csv'], want: { kind: 'bans', format: 'csv' } },
    {
      argv: ['ban', '--group', 'g', '--member', 'a', '--member=b', '--duration', '3600'],
      want: { kind: 'ban', members: ['a', 'b'], durationSeconds: 3600, format: 'table' },
    },
    {
      argv: [...banOfA, '--description', '小 spam'],
      want: { kind: 'ban', durationSeconds: 60, description: '小 spam' },
    },
    {
      argv: banOfA,
      want: { kind: 'ban', description: undefined },
    },
    {
      // A repeated account is named once in the call.
      argv: ['unban', '--group', 'g', '--member', 'a', '--member', 'b', '--member', 'a'],
      want: { kind: 'unban', members: ['a', 'b'] },
    },
    {
      argv: ['mark', 'set', '--group', 'g', '--mark', '1000', '--member', 'a'],
      want: { kind: 'mark', action: 'set', mark: 1000, members: ['a'] },
    },
    {
      argv: ['mark', 'delete', '--group', 'g', '--mark', '500', '--member', 'a', '--format=json'],
      want: { kind: 'mark', action: 'delete', mark: 500, format: 'json' },
    },
    {
      argv: ['admins', '--group', 'g', '--format', 'ndjson'],
      want: { kind: 'admins', action: 'list', format: 'ndjson' },
    },
    {
      argv: ['admins', 'add', '--group', 'g', '--member', 'm1', '--member', 'm2'],
      want: { kind: 'admins', action: 'add', members: ['m1', 'm2'] },
    },
    {
      argv: ['admins', 'remove', '--group', 'g', '--member', 'm1', '--timeout', '2'],
      want: { kind: 'admins', action: 'remove', connection: { timeoutSeconds: 2 } },
    },
    {
      argv: ['check', '--group', 'g', '--member', 'a', '--format', 'json'],
      want: { kind: 'check', members: ['a'], format: 'json' },
    },
    { argv: ['mark', 'set', '--help'], want: { kind: 'help', command: 'mark' } },
    { argv: ['help', 'admins'], want: { kind: 'help', command: 'admins' } },
  ])('$argv', ({ argv, want }) => {
    expect(parseCommand(argv)).toMatchObject(want);
  });

  it.each([
    { argv: ['lsit'], message: 'the commands are list, watch, demo, count, bans, ban, unban,' },
    { argv: ['count', '--group', 'g', '--format', 'csv'], message: 'one of table, json' },
    { argv: ['count', '--group', 'g', '--member', 'a'], message: 'unknown option --member' },
    { argv: ['bans', '--group', 'g', '--mark', '1000'], message: 'unknown option --mark' },
    { argv: ['ban', '--group', 'g', '--member', 'a'], message: '--duration is required' },
    {
      argv: ['ban', '--group', 'g', '--member', 'a', '--duration', '0'],
      message: '--duration must be a whole number from 1 to 4294967295',
    },
    {
      argv: ['ban', '--group', 'g', '--member', 'a', '--duration', '1', '--duration', '2'],
      message: '--duration is given more than once',
    },
    { argv: ['unban', '--group', 'g', '--duration', '5'], message: 'unknown option --duration' },
    {
      // 334 characters of 3 bytes: under 1,000 characters, over 1,000 bytes.
      argv: [...banOfA, `--description=${'小'.repeat(334)}`],
      message: '--description is longer than 1000 bytes (UTF-8)',
    },
    { argv: ['unban', '--group', 'g', '--member', 'a\tb'], message: '--member holds a control' },
    { argv: ['unban', '--group', 'g', '--member'], message: '--member needs a value' },
    { argv: ['mark', '--group', 'g'], message: 'mark needs an action: set or delete' },
    { argv: ['mark', 'get'], message: 'unknown action get; mark takes set or delete' },
    {
      argv: ['mark', 'set', '--group', 'g', '--mark', '999', '--member', 'a'],
      message: '--mark must be 500 or a whole number from 1000 to 9007199254740991',
    },
    { argv: ['mark', 'set', '--group', 'g', '--mark', '1000'], message: '--member is required' },
    { argv: ['admins', 'grant', '--group', 'g'], message: 'unknown action grant' },
    { argv: ['admins', '--group', 'g', '--member', 'a'], message: 'unknown option --member' },
    {
      argv: ['admins', 'add', '--group', 'g', '--member', 'a', '--format', 'csv'],
      message: '--format must be one of table, json',
    },
    { argv: ['check', '--group', 'g'], message: '--member is required' },
  ])('$argv: $message', ({ argv, message }) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });

  it.each([
    { argv: ['mark', 'set', '--group', 'g'], help: 'mark' },
    { argv: ['admins', 'add', '--group', 'g'], help: 'admins' },
    { argv: ['ban', '--group', 'g', '--member', 'a'], help: 'ban' },
  ])('points a usage error of $argv at the help of $help', ({ argv, help }) => {
    try {
      parseCommand(argv);
      expect.unreachable();
    } catch (error) {
      expect((error as UsageError).command).toBe(help);
    }
  });

  it('never echoes an action that could be a pasted secret', () => {
    const secret = 'eJwtjM0KgjAYhO-S8zpsE0Ew6pQ3';
    expect(() => parseCommand(['admins', secret])).toThrow(
      /^unknown action; admins takes add or remove$/,
    );
  });
});

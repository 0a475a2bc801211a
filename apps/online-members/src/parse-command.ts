import type { Command } from './command.js';
import {
  type CommandName,
  commandActions,
  commandNames,
  type Invocation,
  invocations,
  isCommandName,
  repeatableFlags,
} from './command-flags.js';
import { echoableName } from './echoable-name.js';
import { connectionFrom, formatFrom, markFrom, requireGroup } from './flag-values.js';
import { parseSeconds, parseWholeNumber } from './parse-numbers.js';
import { parseOperatorCommand } from './parse-operator-command.js';
import { type FlagValues, readFlags } from './read-flags.js';
import { UsageError } from './usage-error.js';

export type { Command } from './command.js';
export { commandFlags } from './command-flags.js';
export type { ConnectionFlags } from './flag-values.js';

const commandList = `${commandNames.slice(0, -1).join(', ')} and ${commandNames.at(-1)}`;

// Secrets must never be flags: they would show in `ps` and shell history.
const secretFlag = /^--?(secret|user-?sig)/i;

/** The invocation (`mark set`) and the flags after it; throws on a missing or unknown action. */
const invocationOf = (command: CommandName, rest: readonly string[]) => {
  const actions = commandActions[command];
  const [word, ...flags] = rest;
  if (actions === undefined) return { invocation: command as Invocation, args: rest };
  if (word !== undefined && actions.includes(word)) {
    return { invocation: `${command} ${word}` as Invocation, args: flags };
  }
  // `admins` alone lists them; `mark` needs its action.
  if (command in invocations && (word === undefined || word.startsWith('-'))) {
    return { invocation: command as Invocation, args: rest };
  }
  const choices = actions.join(' or ');
  throw new UsageError(
    word === undefined || word.startsWith('-')
      ? `${command} needs an action: ${choices}`
      : `unknown action${echoableName(word)}; ${command} takes ${choices}`,
    command,
  );
};

const readArgs = (invocation: Invocation, args: readonly string[]): FlagValues => {
  const command = invocation.split(' ')[0];
  if (args.some((arg) => secretFlag.test(arg))) {
    throw new UsageError(
      'secrets are read only from AVCHATROOM_SECRET_KEY or AVCHATROOM_USERSIG, never from flags (flags show in ps)',
      command,
    );
  }
  return readFlags(invocation, args, invocations[invocation].flags, repeatableFlags);
};

const parseMemberCommand = (
  invocation: 'list' | 'watch',
  values: FlagValues['values'],
): Command => {
  const groupId = requireGroup(values, invocation);
  const mark = markFrom(values, invocation);
  const connection = connectionFrom(values, invocation);
  if (invocation === 'list') {
    const format = formatFrom(values, invocations.list.formats, invocation);
    return { kind: 'list', groupId, mark, format, connection };
  }
  return {
    kind: 'watch',
    groupId,
    mark,
    intervalSeconds:
      values.interval === undefined
        ? undefined
        : parseSeconds(values.interval, '--interval', 86_400, invocation),
    rounds:
      values.rounds === undefined
        ? undefined
        : parseWholeNumber(values.rounds, '--rounds', { min: 1, max: 1_000_000 }, invocation),
    connection,
  };
};

/** Reads argv (without node and the script) into a command; throws UsageError. */
export const parseCommand = (argv: readonly string[]): Command => {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError(`a command is required: ${commandList}`);
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = rest[0];
    return topic !== undefined && isCommandName(topic)
      ? { kind: 'help', command: topic }
      : { kind: 'help' };
  }
  if (first === '--version' || first === '-v') return { kind: 'version' };
  if (!isCommandName(first)) {
    throw new UsageError(
      first.startsWith('-')
        ? `unknown option${echoableName(first.split('=')[0] ?? '')}; the commands are ${commandList}`
        : `unknown command${echoableName(first)}; the commands are ${commandList}`,
    );
  }
  if (rest.includes('--help') || rest.includes('-h')) return { kind: 'help', command: first };
  const { invocation, args } = invocationOf(first, rest);
  const { values, lists } = readArgs(invocation, args);
  if (invocation === 'demo') return { kind: 'demo' };
  if (invocation === 'list' || invocation === 'watch') {
    return parseMemberCommand(invocation, values);
  }
  return parseOperatorCommand(invocation, values, lists);
};

import { echoableName } from './echoable-name.js';
import { isListFormat, type ListFormat, listFormats } from './formats/format-listing.js';
import type { CommandName } from './help-text.js';
import { parseSeconds, parseWholeNumber } from './parse-numbers.js';
import { readFlags } from './read-flags.js';
import { UsageError } from './usage-error.js';

/** Connection settings given as flags; the environment fills in the rest. */
export interface ConnectionFlags {
  region?: string | undefined;
  baseUrl?: string | undefined;
  sdkAppId?: string | undefined;
  identifier?: string | undefined;
  /** Seconds per attempt; undefined: the client's default. */
  timeoutSeconds?: number | undefined;
}

export type Command =
  | { kind: 'help'; command?: CommandName }
  | { kind: 'version' }
  | {
      kind: 'list';
      groupId: string;
      mark: number | undefined;
      format: ListFormat;
      connection: ConnectionFlags;
    }
  | {
      kind: 'watch';
      groupId: string;
      mark: number | undefined;
      /** Undefined: the API's snapshot period. */
      intervalSeconds: number | undefined;
      /** Undefined: until interrupted. */
      rounds: number | undefined;
      connection: ConnectionFlags;
    }
  | { kind: 'demo' };

const connectionFlags = ['region', 'base-url', 'sdk-app-id', 'identifier', 'timeout'] as const;
const groupFlags = ['group', 'mark', ...connectionFlags] as const;

/** The flags of each command, without the leading `--`; each takes a value. */
export const commandFlags: Record<CommandName, readonly string[]> = {
  list: [...groupFlags, 'format'],
  watch: [...groupFlags, 'interval', 'rounds'],
  demo: [],
};

const isCommandName = (name: string): name is CommandName => Object.hasOwn(commandFlags, name);

// Secrets must never be flags: they would show in `ps` and shell history.
const secretFlag = /^--?(secret|user-?sig)/i;

// Mark is a non-negative safe integer in the spec (GetMembersRequest.Mark).
const maxMark = Number.MAX_SAFE_INTEGER;

// Per attempt; the client's default is 10 s (packages/client/README.md, timeoutMs).
const maxTimeoutSeconds = 300;

const parseCommandArgs = (command: CommandName, args: readonly string[]) => {
  const misplaced = args.find((arg) => secretFlag.test(arg));
  if (misplaced !== undefined) {
    throw new UsageError(
      'secrets are read only from AVCHATROOM_SECRET_KEY or AVCHATROOM_USERSIG, never from flags (flags show in ps)',
      command,
    );
  }
  return readFlags(command, args, commandFlags[command]);
};

const requireGroup = (values: Record<string, string | undefined>, command: CommandName) => {
  const groupId = values.group;
  if (groupId === undefined) throw new UsageError('--group is required', command);
  return groupId;
};

const connectionFrom = (
  values: Record<string, string | undefined>,
  command: CommandName,
): ConnectionFlags => ({
  region: values.region,
  baseUrl: values['base-url'],
  sdkAppId: values['sdk-app-id'],
  identifier: values.identifier,
  timeoutSeconds:
    values.timeout === undefined
      ? undefined
      : parseSeconds(values.timeout, '--timeout', maxTimeoutSeconds, command),
});

const markFrom = (values: Record<string, string | undefined>, command: CommandName) =>
  values.mark === undefined
    ? undefined
    : parseWholeNumber(values.mark, '--mark', { min: 0, max: maxMark }, command);

/** Reads argv (without node and the script) into a command; throws UsageError. */
export const parseCommand = (argv: readonly string[]): Command => {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('a command is required: list, watch or demo');
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
        ? `unknown option${echoableName(first.split('=')[0] ?? '')}; the commands are list, watch and demo`
        : `unknown command${echoableName(first)}; the commands are list, watch and demo`,
    );
  }
  if (rest.includes('--help') || rest.includes('-h')) return { kind: 'help', command: first };
  const values = parseCommandArgs(first, rest);
  if (first === 'demo') return { kind: 'demo' };
  const groupId = requireGroup(values, first);
  const mark = markFrom(values, first);
  const connection = connectionFrom(values, first);
  if (first === 'list') {
    const format = values.format ?? 'table';
    if (!isListFormat(format)) {
      throw new UsageError(`--format must be one of ${listFormats.join(', ')}`, first);
    }
    return { kind: 'list', groupId, mark, format, connection };
  }
  return {
    kind: 'watch',
    groupId,
    mark,
    intervalSeconds:
      values.interval === undefined
        ? undefined
        : parseSeconds(values.interval, '--interval', 86_400, first),
    rounds:
      values.rounds === undefined
        ? undefined
        : parseWholeNumber(values.rounds, '--rounds', { min: 1, max: 1_000_000 }, first),
    connection,
  };
};

import { type ListFormat, listFormats } from './formats/format-listing.js';

const connectionFlags = ['region', 'base-url', 'sdk-app-id', 'identifier', 'timeout'] as const;

/** A line as printed for a person, or the machine-readable object. */
const resultFormats = ['table', 'json'] as const satisfies readonly ListFormat[];

/**
 * Each invocation (a command, or a command and its action) with its flags,
 * without the leading `--`, and its output formats. Every flag takes a value.
 */
export const invocations = {
  list: { flags: ['group', 'mark', ...connectionFlags, 'format'], formats: listFormats },
  watch: { flags: ['group', 'mark', ...connectionFlags, 'interval', 'rounds'], formats: [] },
  demo: { flags: [], formats: [] },
  count: { flags: ['group', ...connectionFlags, 'format'], formats: resultFormats },
  bans: { flags: ['group', ...connectionFlags, 'format'], formats: listFormats },
  ban: {
    flags: ['group', 'member', 'duration', 'description', ...connectionFlags, 'format'],
    formats: resultFormats,
  },
  unban: { flags: ['group', 'member', ...connectionFlags, 'format'], formats: resultFormats },
  'mark set': {
    flags: ['group', 'mark', 'member', ...connectionFlags, 'format'],
    formats: resultFormats,
  },
  'mark delete': {
    flags: ['group', 'mark', 'member', ...connectionFlags, 'format'],
    formats: resultFormats,
  },
  admins: { flags: ['group', ...connectionFlags, 'format'], formats: listFormats },
  'admins add': {
    flags: ['group', 'member', ...connectionFlags, 'format'],
    formats: resultFormats,
  },
  'admins remove': {
    flags: ['group', 'member', ...connectionFlags, 'format'],
    formats: resultFormats,
  },
  check: { flags: ['group', 'member', ...connectionFlags, 'format'], formats: listFormats },
} as const satisfies Record<string, { flags: readonly string[]; formats: readonly ListFormat[] }>;

export type Invocation = keyof typeof invocations;

type FirstWord<Text> = Text extends `${infer First} ${string}` ? First : Text;

/** The command words: what `online-members <command> --help` takes. */
export type CommandName = FirstWord<Invocation>;

/** The actions of the commands that take one (`mark set`, `admins add`), from the invocations. */
export const commandActions: Partial<Record<CommandName, readonly string[]>> = {};
for (const invocation of Object.keys(invocations)) {
  const [command, action] = invocation.split(' ') as [CommandName, string | undefined];
  if (action !== undefined) commandActions[command] = [...(commandActions[command] ?? []), action];
}

/** Flags that may be given more than once, each value adding one. */
export const repeatableFlags = ['member'] as const;

/** The flags of each invocation, without the leading `--`. */
export const commandFlags = Object.fromEntries(
  Object.entries(invocations).map(([name, { flags }]) => [name, flags as readonly string[]]),
) as Record<Invocation, readonly string[]>;

export const commandNames = [
  ...new Set(Object.keys(invocations).map((name) => name.split(' ')[0] ?? name)),
] as CommandName[];

export const isCommandName = (name: string): name is CommandName =>
  (commandNames as string[]).includes(name);

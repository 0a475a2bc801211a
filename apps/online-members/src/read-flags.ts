import { parseArgs } from 'node:util';
import { echoableName } from './echoable-name.js';
import { hasControlCharacter } from './terminal-text.js';
import { UsageError } from './usage-error.js';

/** A command's flags: the value of each single flag, and the values of each repeatable one. */
export interface FlagValues {
  values: Record<string, string>;
  /** The values of a repeatable flag (`--member A --member B`), in the order given. */
  lists: Record<string, string[]>;
}

/**
 * Reads a command's flags, each of which takes a value. The rules (README
 * "Settings", each command's --help): every flag but a repeatable one is given
 * at most once, each with a non-empty value free of control characters; a value
 * that starts with `-` is written `--flag=VALUE`; no positional arguments. The
 * messages are the CLI's own: Node's vary between versions and quote what was
 * typed, which may be a secret pasted in the wrong place.
 */
export const readFlags = (
  command: string,
  args: readonly string[],
  flagNames: readonly string[],
  repeatable: readonly string[] = [],
): FlagValues => {
  // `mark set` and `mark delete` share the help of `mark`.
  const helpCommand = command.split(' ')[0];
  const { tokens } = parseArgs({
    args: [...args],
    options: Object.fromEntries(flagNames.map((name) => [name, { type: 'string' as const }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const refuse: (message: string) => never = (message) => {
    throw new UsageError(message, helpCommand);
  };
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') refuse(`${command} takes no positional arguments`);
    if (!flagNames.includes(token.name)) {
      const known = flagNames.map((name) => `--${name}`).join(', ');
      refuse(
        `unknown option${echoableName(token.rawName)}; ${command} takes ${known || 'no options'}`,
      );
    }
    const flag = `--${token.name}`;
    const { value } = token;
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('-'))) {
      refuse(`${flag} needs a value (one that starts with - is written ${flag}=VALUE)`);
    }
    const isList = repeatable.includes(token.name);
    if (!isList && Object.hasOwn(values, token.name)) refuse(`${flag} is given more than once`);
    if (hasControlCharacter(value)) {
      refuse(`${flag} holds a control character (a newline, a tab or an escape)`);
    }
    if (isList) lists[token.name] = [...(lists[token.name] ?? []), value];
    else values[token.name] = value;
  }
  return { values, lists };
};

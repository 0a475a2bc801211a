import { parseArgs } from 'node:util';
import { echoableName } from './echoable-name.js';
import { hasControlCharacter } from './terminal-text.js';
import { UsageError } from './usage-error.js';

/**
 * Reads a command's flags, each of which takes a value, into `{ name: value }`.
 * The rules (README "Settings", each command's --help): every flag is given at
 * most once, with a non-empty value free of control characters; a value that
 * starts with `-` is written `--flag=VALUE`; no positional arguments. The
 * messages are the CLI's own: Node's vary between versions and quote what was
 * typed, which may be a secret pasted in the wrong place.
 */
export const readFlags = (
  command: string,
  args: readonly string[],
  flagNames: readonly string[],
): Record<string, string> => {
  const { tokens } = parseArgs({
    args: [...args],
    options: Object.fromEntries(flagNames.map((name) => [name, { type: 'string' as const }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string> = {};
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      throw new UsageError(`${command} takes no positional arguments`, command);
    }
    if (!flagNames.includes(token.name)) {
      const known = flagNames.map((name) => `--${name}`).join(', ');
      throw new UsageError(
        `unknown option${echoableName(token.rawName)}; ${command} takes ${known || 'no options'}`,
        command,
      );
    }
    const flag = `--${token.name}`;
    const { value } = token;
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('-'))) {
      throw new UsageError(
        `${flag} needs a value (one that starts with - is written ${flag}=VALUE)`,
        command,
      );
    }
    if (Object.hasOwn(values, token.name)) {
      throw new UsageError(`${flag} is given more than once`, command);
    }
    if (hasControlCharacter(value)) {
      throw new UsageError(
        `${flag} holds a control character (a newline, a tab or an escape)`,
        command,
      );
    }
    values[token.name] = value;
  }
  return values;
};

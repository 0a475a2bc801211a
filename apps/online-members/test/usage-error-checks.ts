import { expect } from 'vitest';
import { commandNames } from '../src/command-flags.js';
import type { FetchTripwire } from './fetch-tripwire.js';
import { type CliResult, runInProcess } from './run-helpers.js';

// Raw control characters, except the newline that ends the one line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const rawControlCharacter = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const usageLine = new RegExp(
  `^online-members: usage error: .+ \\(see online-members( (${commandNames.join('|')}))? --help\\)\n$`,
);

/**
 * A usage error as the README's "Exit codes" table states it: exit code 2,
 * nothing on stdout, one line on stderr ending with "see --help", with no raw
 * control character and none of `notEchoed` (secrets, bad values).
 */
export const expectUsageError = (result: CliResult, notEchoed: readonly string[] = []): void => {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(usageLine);
  expect(result.stderr.indexOf('\n')).toBe(result.stderr.length - 1);
  expect(result.stderr).not.toMatch(rawControlCharacter);
  for (const text of notEchoed) expect(result.stderr).not.toContain(text);
};

/** runCli in-process, failing if it tried to send a request ("Nothing was sent"). */
export const runSendingNothing = async (
  tripwire: FetchTripwire,
  argv: string[],
  env: Record<string, string>,
  options: { isTTY?: boolean } = {},
): Promise<CliResult> => {
  const before = tripwire.count();
  const result = await runInProcess(argv, env, options);
  expect(tripwire.count() - before, 'requests sent').toBe(0);
  return result;
};
